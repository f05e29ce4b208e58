// Upload of interchange files from the console: the same validation, reject report and assessment
// as `grayline assess`, one upload at a time, and the screening detector swapped for the new one.
import { randomUUID } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { pipeline } from 'node:stream/promises'
import { z } from 'zod'
import { importKinds } from '../../contract/index.js'
import { assessFiles } from '../../detect/index.js'
import type { Api, ServerDeps } from '../deps.js'
import { principalOrThrow, requirePermission } from '../principal.js'
import { HttpProblem } from '../problem.js'

const kindParams = z.object({ kind: z.enum(importKinds) })
const MAX_REJECTS_SHOWN = 1000

export function importRoutes(app: Api, deps: ServerDeps): void {
  app.post(
    '/api/imports/:kind',
    {
      schema: { params: kindParams, tags: ['import'], consumes: ['multipart/form-data'] },
      preHandler: requirePermission('import'),
    },
    async (request) => {
      const p = principalOrThrow(request)
      const part = await request.file({
        limits: { fileSize: deps.config.maxUploadBytes, files: 1 },
      })
      if (!part || part.fieldname !== 'file')
        throw new HttpProblem(
          'validation',
          'file: send one file in a multipart field named "file"',
          { errors: [{ field: 'file', message: 'missing' }] },
        )
      const name = safeName(part.filename)
      const dir = join(
        deps.config.uploadDir,
        `${new Date().toISOString().slice(0, 10)}-${randomUUID()}`,
      )
      await mkdir(dir, { recursive: true })
      const path = join(dir, name)
      await pipeline(part.file, createWriteStream(path))
      if (part.file.truncated)
        throw new HttpProblem(
          'too-large',
          `${name} is larger than ${deps.config.maxUploadBytes} bytes: split it, or import it with the grayline CLI`,
        )
      const { kind } = request.params
      const result = await deps.live.exclusive(async () => {
        const r = await assessFiles(deps.ctx, {
          rules: deps.live.rules,
          [kind]: path,
          rejectDir: dir,
        })
        deps.live.replace(r.detector)
        return r
      })
      const summary = result.imports[0]
      if (!summary) throw new Error('the import produced no summary')
      const rejects = summary.rejectFile ? await firstRejects(summary.rejectFile) : []
      deps.audit.record({
        actor: p.name,
        actor_role: p.role,
        action: 'import',
        target_kind: kind,
        detail: {
          file: name,
          lines: summary.lines,
          inserted: summary.inserted,
          updated: summary.updated,
          rejected: summary.rejected,
        },
        ip: request.ip,
      })
      return {
        kind,
        file: name,
        lines: summary.lines,
        inserted: summary.inserted,
        updated: summary.updated,
        unchanged: summary.unchanged,
        rejected: summary.rejected,
        rejects,
        assessed: result.assessed,
        flagged: result.flagged,
        reassessed_earlier: result.reassessedEarlier,
        changed_earlier: result.changedEarlier,
      }
    },
  )
}

/** The line, field and reason of the first rejects; the raw line stays on the server (it is personal data). */
async function firstRejects(
  file: string,
): Promise<{ line: number; field: string | null; reason: string }[]> {
  const out: { line: number; field: string | null; reason: string }[] = []
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })
  for await (const l of lines) {
    if (!l.trim()) continue
    const r = JSON.parse(l) as { line: number; field: string | null; reason: string }
    out.push({ line: r.line, field: r.field, reason: r.reason })
    if (out.length >= MAX_REJECTS_SHOWN) break
  }
  lines.close()
  return out
}

function safeName(name: string | undefined): string {
  const base = (name ?? 'upload').split(/[\\/]/).pop() ?? 'upload'
  const clean = base.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 120)
  return clean && !clean.startsWith('.') ? clean : 'upload.jsonl'
}
