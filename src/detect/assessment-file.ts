// The assessments.jsonl a batch run writes, one line a contact. It is written under a temporary
// name and renamed when complete: an interrupted run leaves no file that looks finished. Writes
// are synchronous: a batch of lines at a time, from whichever thread stores the assessments.
import { closeSync, openSync, renameSync, writeSync } from 'node:fs'

export class AssessmentFile {
  private readonly partial: string
  private fd: number | null

  constructor(readonly path: string) {
    this.partial = `${path}.partial`
    this.fd = openSync(this.partial, 'w')
  }

  write(lines: readonly string[]): void {
    if (this.fd === null) throw new Error(`${this.path} is closed`)
    if (lines.length) writeSync(this.fd, `${lines.join('\n')}\n`)
  }

  /** Gives the file its name. */
  finish(): void {
    if (this.fd === null) return
    closeSync(this.fd)
    this.fd = null
    renameSync(this.partial, this.path)
  }

  /** Closes it, leaving the partial file as it is. */
  abandon(): void {
    if (this.fd !== null) closeSync(this.fd)
    this.fd = null
  }
}
