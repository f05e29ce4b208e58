// Where evidence files live, content-addressed by sha256: the name is the hash, so a file is never
// overwritten or silently replaced — a second put of the same bytes finds it already there.
import { createHash, randomBytes } from 'node:crypto'
import { chmod, link, mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

export type PutResult = 'stored' | 'exists'

export interface EvidenceStore {
  /** For messages and the dossier's notes: `local:/path` or `s3:bucket/prefix`. */
  readonly location: string
  put(sha256: string, bytes: Buffer): Promise<PutResult>
  /** The stored bytes, or null when the file is missing. */
  get(sha256: string): Promise<Buffer | null>
}

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex')
}

export function assertSha256(sha256: string): void {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256: ${sha256}`)
}

/** Files under `root/ab/cd/<sha256>`, read-only once written. */
export class LocalEvidenceStore implements EvidenceStore {
  readonly location: string

  constructor(private readonly root: string) {
    this.location = `local:${root}`
  }

  pathOf(sha256: string): string {
    assertSha256(sha256)
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256)
  }

  async put(sha256: string, bytes: Buffer): Promise<PutResult> {
    if (sha256Of(bytes) !== sha256) throw new Error('the bytes do not hash to the name given')
    const path = this.pathOf(sha256)
    if (await exists(path)) return 'exists'
    await mkdir(join(path, '..'), { recursive: true })
    // Written aside, then hard-linked into place: link() never replaces an existing name, so
    // two writers of the same file cannot clobber each other and no reader sees half a file.
    const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`
    await writeFile(temp, bytes, { mode: 0o444 })
    try {
      await link(temp, path)
      return 'stored'
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return 'exists'
      throw e
    } finally {
      await unlink(temp).catch(() => undefined)
    }
  }

  async get(sha256: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(sha256))
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw e
    }
  }

  /** Tests and repair tools only: make a stored file writable again. */
  async unlock(sha256: string): Promise<void> {
    await chmod(this.pathOf(sha256), 0o644)
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}
