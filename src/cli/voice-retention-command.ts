// `grayline voice purge`: callers' embeddings past their retention, now (the server also purges on
// a schedule); `grayline voice forget CUSTOMER --reason …`: a customer's voiceprint deleted on
// request. Both audited.
import type { Command } from 'commander'
import { AuditLog } from '../audit/index.js'
import type { Context } from '../context.js'
import { forgetCustomerVoice, runVoicePurge } from '../voice/library/voice-retention.js'
import { withContext } from './open-context.js'

type Common = { by: string; db?: string }

async function withAudit<T>(ctx: Context, fn: (audit: AuditLog) => Promise<T>): Promise<T> {
  const audit = new AuditLog(ctx)
  try {
    return await fn(audit)
  } finally {
    await audit.close()
  }
}

export function registerVoiceRetention(voice: Command): void {
  voice
    .command('purge')
    .description("delete callers' voice embeddings past their retention (audited)")
    .option('--by <name>', 'who runs it, for the audit log', process.env.USER ?? 'cli')
    .option('--db <path>', 'SQLite file to use')
    .action(async (opts: Common) => {
      const deleted = await withContext(opts.db, (ctx) =>
        withAudit(ctx, (audit) => runVoicePurge(ctx, audit, { name: `cli:${opts.by}` })),
      )
      console.log(`${deleted} expired call embeddings deleted`)
    })
  voice
    .command('forget <customer>')
    .description("delete a customer's voiceprint on their request (audited)")
    .requiredOption('--reason <text>', 'the request: channel, date, reference')
    .option('--by <name>', 'who deletes, for the audit log', process.env.USER ?? 'cli')
    .option('--db <path>', 'SQLite file to use')
    .action(async (customerId: string, opts: Common & { reason: string }) => {
      const deleted = await withContext(opts.db, (ctx) =>
        withAudit(ctx, (audit) =>
          forgetCustomerVoice(ctx, audit, {
            customerId,
            reason: opts.reason,
            actor: { name: `cli:${opts.by}` },
          }),
        ),
      )
      console.log(
        `customer ${customerId}: ${deleted.enrolments} enrolments and ${deleted.callVoices} call embeddings deleted, consent withdrawn`,
      )
    })
}
