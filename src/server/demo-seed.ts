// On an empty store, `npm start` loads a simulated lender's book so that a newcomer sees the
// product at work: the same simulator, import and assessment as `grayline demo`.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Context } from '../context.js'
import type { RuleSet } from '../detect/index.js'
import { assessFiles } from '../detect/index.js'
import { profiles, writeSimulation } from '../simulate/index.js'

export type SeedProgress = (stage: string, done: number, total: number) => void

export async function storeIsEmpty(ctx: Context): Promise<boolean> {
  const row = await ctx.db.selectFrom('contacts').select('contact_id').limit(1).executeTakeFirst()
  return row === undefined
}

export async function seedDemo(
  ctx: Context,
  rules: RuleSet,
  customers: number,
  seed: number,
  progress: SeedProgress,
): Promise<{ contacts: number; flagged: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'grayline-demo-'))
  try {
    await writeSimulation({ customers, seed, profile: profiles.default }, dir, (d, t) =>
      progress('simulate', d, t),
    )
    const r = await assessFiles(
      ctx,
      {
        rules,
        customers: join(dir, 'customers.jsonl'),
        contacts: join(dir, 'contacts.jsonl'),
        watchlist: join(dir, 'watchlist.jsonl'),
        rejectDir: dir,
      },
      progress,
    )
    return { contacts: r.assessed, flagged: r.flagged }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
