// Evidence of a case: upload (content-addressed, type-checked), list with the chain of custody,
// view (a custody line before the bytes leave), and verification of the whole chain.
import { z } from 'zod'
import type { EvidenceStore } from '../../evidence/index.js'
import {
  addEvidence,
  evidenceKinds,
  maxEvidenceBytes,
  verifyEvidence,
  viewEvidence,
} from '../../evidence/index.js'
import type { Api, ServerDeps } from '../deps.js'
import { principalOrThrow, requirePermission } from '../principal.js'
import { HttpProblem } from '../problem.js'
import { caseParams } from './cases.routes.js'

const evidenceParams = z.object({
  id: z.string().regex(/^EV-[0-9a-f]{16}$/, 'an evidence id, EV-…'),
})
const viewQuery = z.object({
  purpose: z.string().trim().min(2, { message: 'say why you open the file' }).max(500),
})

function fieldValue(fields: Record<string, unknown>, name: string): string | undefined {
  const f = fields[name] as { value?: unknown } | undefined
  return typeof f?.value === 'string' ? f.value : undefined
}

export function evidenceRoutes(app: Api, deps: ServerDeps, files: EvidenceStore): void {
  const { ctx, audit } = deps
  const tags = ['evidence']

  app.post(
    '/api/cases/:id/evidence',
    {
      schema: { params: caseParams, tags, consumes: ['multipart/form-data'] },
      preHandler: requirePermission('cases:write'),
    },
    async (request, reply) => {
      const p = principalOrThrow(request)
      const part = await request.file({ limits: { fileSize: maxEvidenceBytes(), files: 1 } })
      if (!part || part.fieldname !== 'file')
        throw new HttpProblem(
          'validation',
          'file: send the file in a multipart field named "file", after "kind"',
          {
            errors: [{ field: 'file', message: 'missing' }],
          },
        )
      const kind = z.enum(evidenceKinds).safeParse(fieldValue(part.fields, 'kind'))
      if (!kind.success)
        throw new HttpProblem(
          'validation',
          `kind: one of ${evidenceKinds.join(', ')}, sent before the file`,
          {
            errors: [{ field: 'kind', message: 'missing or unknown' }],
          },
        )
      const bytes = await part.toBuffer()
      const { item, created } = await addEvidence(
        ctx,
        files,
        request.params.id,
        {
          bytes,
          filename: part.filename,
          kind: kind.data,
          description: fieldValue(part.fields, 'description'),
        },
        p.name,
      )
      audit.record({
        actor: p.name,
        actor_role: p.role,
        action: 'evidence.add',
        target_kind: 'evidence',
        target_id: item.evidence_id,
        detail: { case_id: item.case_id, sha256: item.sha256, size: item.size, created },
        ip: request.ip,
      })
      return reply.code(created ? 201 : 200).send({ ...item, created })
    },
  )

  app.get(
    '/api/evidence/:id/content',
    {
      schema: { params: evidenceParams, querystring: viewQuery, tags },
      preHandler: requirePermission('cases:write'),
    },
    async (request, reply) => {
      const p = principalOrThrow(request)
      const { item, bytes } = await viewEvidence(
        ctx,
        files,
        request.params.id,
        p.name,
        request.query.purpose,
      )
      audit.record({
        actor: p.name,
        actor_role: p.role,
        action: 'evidence.view',
        target_kind: 'evidence',
        target_id: item.evidence_id,
        detail: { case_id: item.case_id, purpose: request.query.purpose },
        ip: request.ip,
      })
      await audit.flush()
      return reply
        .type(item.media_type)
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(item.filename)}`,
        )
        .header('x-content-sha256', item.sha256)
        .send(bytes)
    },
  )

  app.get(
    '/api/evidence/verify',
    { schema: { tags }, preHandler: requirePermission('cases:read') },
    async (request) => {
      const p = principalOrThrow(request)
      const result = await verifyEvidence(ctx, files)
      audit.record({
        actor: p.name,
        actor_role: p.role,
        action: 'evidence.verify',
        detail: { ok: result.ok, lines: result.lines, problems: result.problems.length },
        ip: request.ip,
      })
      return result
    },
  )
}
