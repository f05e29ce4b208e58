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
    const start = demoStart(ctx.clock.now())
    await writeSimulation(
      { customers, seed, profile: profiles.default, start, days: DEMO_DAYS },
      dir,
      (d, t) => progress('simulate', d, t),
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

/** The demo book covers the half year up to today, so screening's time windows see it as recent. */
const DEMO_DAYS = 180

function demoStart(now: Date): string {
  const day = new Date(now.getTime() - DEMO_DAYS * 86_400_000).toISOString().slice(0, 10)
  return `${day}T00:00:00+08:00`
}
