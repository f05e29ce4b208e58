// Every contact's identifiers that sharing can match (phones, WeChat ids, organisation keys) are
// tokenised once per epoch through the consortium client and kept as identifier -> token, so that
// matching pulled tokens is a join. Nothing is tokenised while nothing shared could match, and
// allowlisted numbers never are. A refused batch (quota) stops the run; the next one goes on.
import type { Tokeniser } from '../consortium/consortium-client.js'
import type { Context } from '../context.js'
import { loadAllowlist } from './confirmation.service.js'
import type { TokenisedType } from './token-suite.js'
import { indicatorTypes } from './token-suite.js'

/** Identifiers read and tokenised at a time: several of the service's batches, so they pipeline. */
const PAGE = 16_000

export type TokeniseReport = { epoch: string; tokenised: number; stoppedBy: string | null }

export async function tokeniseContactIdentifiers(
  ctx: Context,
  tokeniser: Tokeniser,
): Promise<TokeniseReport> {
  const epoch = tokeniser.epoch()
  const report: TokeniseReport = { epoch, tokenised: 0, stoppedBy: null }
  // Matching reads this epoch's tokens only: last month's would never match again.
  await ctx.db.deleteFrom('identifier_tokens').where('epoch', '<', epoch).execute()
  if (!(await anythingToMatch(ctx))) return report
  const allowlist = await loadAllowlist(ctx)
  for (const kind of indicatorTypes) {
    let after = ''
    for (;;) {
      const page = await untokenised(ctx, epoch, kind, after)
      if (!page.length) break
      after = page[page.length - 1]!.identifier
      const wanted = page.filter((r) => !allowlist.has(r.identifier))
      if (!wanted.length) continue
      // Each verified batch is stored at once: a refusal (quota) part-way keeps what was done.
      let stored = 0
      const store = async (tokens: string[], from: number) => {
        await ctx.db
          .insertInto('identifier_tokens')
          .values(
            tokens.map((token, i) => ({ epoch, identifier: wanted[from + i]!.identifier, token })),
          )
          .onConflict((oc) => oc.columns(['epoch', 'identifier']).doNothing())
          .execute()
        stored = Math.max(stored, from + tokens.length)
        report.tokenised += tokens.length
      }
      try {
        const tokens = await tokeniser.tokenise(
          kind,
          wanted.map((r) => r.value),
          store,
        )
        // A tokeniser that does not hand batches over returns them all at the end.
        if (stored < tokens.length) await store(tokens.slice(stored), stored)
      } catch (err) {
        report.stoppedBy = err instanceof Error ? err.message : String(err)
        return report
      }
    }
  }
  return report
}

async function anythingToMatch(ctx: Context): Promise<boolean> {
  const row = await ctx.db
    .selectFrom('shared_indicators')
    .select('stix_id')
    .where('kind', '!=', 'sha256')
    .where('revoked', '=', 0)
    .where('valid_until', '>', ctx.clock.now().toISOString())
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}

/** Identifiers some contact carries, of one kind, with no token of this epoch yet. */
function untokenised(ctx: Context, epoch: string, kind: TokenisedType, after: string) {
  return ctx.db
    .selectFrom('identifiers as i')
    .select(['i.identifier', 'i.value'])
    .where('i.kind', '=', kind)
    .where('i.valid', '=', 1)
    .where('i.identifier', '>', after)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('contact_identifiers as ci')
          .select('ci.identifier')
          .whereRef('ci.identifier', '=', 'i.identifier'),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('identifier_tokens as t')
            .select('t.identifier')
            .where('t.epoch', '=', epoch)
            .whereRef('t.identifier', '=', 'i.identifier'),
        ),
      ),
    )
    .orderBy('i.identifier')
    .limit(PAGE)
    .execute()
}
