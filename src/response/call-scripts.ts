// Call scripts (话术) as versioned data: scripts/call-scripts.json in the repo, or a file an admin
// points GRAYLINE_SCRIPTS at. The assessment names a script; the console runs it step by step.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { CallScript } from './script-definition.js'
import { callScriptSchema, scriptFileSchema } from './script-definition.js'
import { graphProblems } from './script-graph.js'

export type CallScriptSet = { scripts: CallScript[]; byId: Map<string, CallScript> }

export const DEFAULT_SCRIPTS_PATH = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../scripts/call-scripts.json',
)

/** The script every unknown or unscripted action falls back to: nobody is left without words. */
export const FALLBACK_SCRIPT = 'standard-service'

/** A script that does not hold together; `field` is its dotted path (`scripts.2.steps.0.branches`). */
export class ScriptDefinitionError extends Error {
  readonly code = 'validation'
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`)
  }
}

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
  parsed.data.scripts.forEach((s, i) => {
    const p = graphProblems(s)[0]
    if (p) throw new Error(`${path}: scripts.${i}.${p.field}: ${p.message}`)
  })
  const byId = new Map(parsed.data.scripts.map((s) => [s.id, s]))
  if (byId.size !== parsed.data.scripts.length)
    throw new Error(`${path}: script ids must be unique`)
  if (!byId.has(FALLBACK_SCRIPT)) throw new Error(`${path}: no '${FALLBACK_SCRIPT}' script`)
  return { scripts: parsed.data.scripts, byId }
}

/** Validates one script an admin submits; throws ScriptDefinitionError naming the field. */
export function parseCallScript(raw: unknown): CallScript {
  const parsed = callScriptSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new ScriptDefinitionError(issue?.path.join('.') || 'script', issue?.message ?? 'invalid')
  }
  const p = graphProblems(parsed.data)[0]
  if (p) throw new ScriptDefinitionError(p.field, p.message)
  return parsed.data
}

export function scriptFor(set: CallScriptSet, id: string): CallScript {
  return set.byId.get(id) ?? (set.byId.get(FALLBACK_SCRIPT) as CallScript)
}
