// Every version of every call script, in memory for the ringing call and in the store for good.
// The file seeds versions at start; an admin's edit becomes the next version. The highest version
// is current; a call keeps the version it started on.
import { createHash } from 'node:crypto'
import type { Context } from '../context.js'
import type { CallScriptSet } from './call-scripts.js'
import { FALLBACK_SCRIPT } from './call-scripts.js'
import type { CallScript } from './script-definition.js'
import type { StoredScriptVersion } from './script-versions.repository.js'
import { allScriptVersions, insertScriptVersion } from './script-versions.repository.js'

export function scriptHash(s: CallScript): string {
  // The version is not content: the same script under another number hashes the same.
  return createHash('sha256')
    .update(JSON.stringify({ ...s, version: 0 }))
    .digest('hex')
}

export class ScriptLibrary {
  private readonly versions = new Map<string, StoredScriptVersion[]>()
  private readonly published: ((script: CallScript) => void)[] = []

  private constructor(stored: StoredScriptVersion[]) {
    for (const v of stored) this.remember(v)
  }

  /** Loads the stored versions and adds the file's scripts not stored yet. */
  static async open(ctx: Context, file: CallScriptSet): Promise<ScriptLibrary> {
    const lib = new ScriptLibrary(await allScriptVersions(ctx.db))
    for (const s of file.scripts) await lib.seed(ctx, s)
    return lib
  }

  private async seed(ctx: Context, s: CallScript): Promise<void> {
    const hash = scriptHash(s)
    const same = this.versionOf(s.id, s.version)
    if (same) {
      // Editing a script without raising its version would change calls already run on it.
      if (same.content_hash !== hash)
        throw new Error(
          `call script '${s.id}' changed but version ${s.version} is already stored: raise its version`,
        )
      return
    }
    // An unchanged file after admin edits must not re-add old content as a new version.
    if (this.list(s.id).some((v) => v.content_hash === hash)) return
    const v = {
      script: s,
      content_hash: hash,
      source: 'file',
      created_by: 'file',
      created_at: ctx.clock.now().toISOString(),
    }
    await insertScriptVersion(ctx.db, v)
    this.remember(v)
  }

  /** Stores an admin's edit as the next version of the script; returns it. */
  async publish(ctx: Context, edited: CallScript, by: string): Promise<CallScript> {
    const latest = this.list(edited.id).at(-1)
    // Saving the current version unchanged (a second click) is not a new version.
    if (latest && latest.content_hash === scriptHash(edited)) return latest.script
    const script = { ...edited, version: (latest?.script.version ?? 0) + 1 }
    const v = {
      script,
      content_hash: scriptHash(script),
      source: 'admin',
      created_by: by,
      created_at: ctx.clock.now().toISOString(),
    }
    await insertScriptVersion(ctx.db, v)
    this.remember(v)
    for (const listener of this.published) listener(script)
    return script
  }

  /** Told of each admin edit once stored (screening replicas then read the versions again). */
  onPublish(listener: (script: CallScript) => void): void {
    this.published.push(listener)
  }

  /** The stored versions only, without seeding a file's scripts (a replica of the server's). */
  static async read(ctx: Context): Promise<ScriptLibrary> {
    return new ScriptLibrary(await allScriptVersions(ctx.db))
  }

  ids(): string[] {
    return [...this.versions.keys()].sort()
  }

  list(id: string): StoredScriptVersion[] {
    return this.versions.get(id) ?? []
  }

  current(id: string): CallScript | undefined {
    return this.list(id).at(-1)?.script
  }

  /** The current version of the script, or of the fallback for an unknown id. */
  currentOrFallback(id: string): CallScript {
    return (this.current(id) ?? this.current(FALLBACK_SCRIPT)) as CallScript
  }

  versionOf(id: string, version: number): StoredScriptVersion | undefined {
    return this.list(id).find((v) => v.script.version === version)
  }

  private remember(v: StoredScriptVersion): void {
    const list = this.versions.get(v.script.id) ?? []
    list.push(v)
    list.sort((a, b) => a.script.version - b.script.version)
    this.versions.set(v.script.id, list)
  }
}
