// Call scripts (话术) as versioned data: scripts/call-scripts.json in the repo, or a file an admin
// points GRAYLINE_SCRIPTS at. The assessment names a script; the agent reads its steps out.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

const line = z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) })

export const callScriptSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: line,
  steps: z.array(line).min(1),
})

const scriptFileSchema = z.object({
  version: z.string().min(1),
  scripts: z.array(callScriptSchema).min(1),
})

export type CallScript = z.infer<typeof callScriptSchema>
export type CallScriptSet = z.infer<typeof scriptFileSchema> & { byId: Map<string, CallScript> }

export const DEFAULT_SCRIPTS_PATH = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../scripts/call-scripts.json',
)

/** The script every unknown or unscripted action falls back to: nobody is left without words. */
export const FALLBACK_SCRIPT = 'standard-service'

export function loadCallScripts(path = DEFAULT_SCRIPTS_PATH): CallScriptSet {
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'))
  } catch (e) {
    throw new Error(
      `cannot read the call scripts at ${path}: ${e instanceof Error ? e.message : String(e)}`,
    )
  }
  const parsed = scriptFileSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(`${path}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`)
  }
  const byId = new Map(parsed.data.scripts.map((s) => [s.id, s]))
  if (!byId.has(FALLBACK_SCRIPT)) throw new Error(`${path}: no '${FALLBACK_SCRIPT}' script`)
  return { ...parsed.data, byId }
}

export function scriptFor(set: CallScriptSet, id: string): CallScript {
  return set.byId.get(id) ?? (set.byId.get(FALLBACK_SCRIPT) as CallScript)
}
