// `grayline sharing …`: register a peer (its token shown once), pull other installations' TAXII
// collections, run a whole sharing round, withdraw a confirmation. The server does the same rounds
// on its timer; these are for the operator and for cron.
import { join } from 'node:path'
import type { Command } from 'commander'
import { AuditLog } from '../audit/index.js'
import { installationSecret } from '../server/installation-secret.js'
import { memberOptionsFromEnv } from '../server/sharing-setup.js'
import { dataDirOf } from '../server/start.js'
import { ConsortiumClient } from '../consortium/index.js'
import { installationAuthor } from '../sharing/installation-author.js'
import { createPeer } from '../sharing/sharing-peers.js'
import { StixValidator } from '../sharing/stix/stix-validator.js'
import { withdrawConfirmation } from '../sharing/withdrawal.service.js'
import { syncSharing } from '../taxii/sharing-sync.service.js'
import { TaxiiClient, taxiiRemotesFromEnv } from '../taxii/taxii-client.js'
import { pullRemote } from '../taxii/taxii-pull.service.js'
import { openContext, withContext } from './open-context.js'

type PeerOpts = {
  name: string
  groups?: string
  quota?: string
  epochQuota?: string
  db?: string
}

export function registerSharingCommands(program: Command): void {
  const sharing = program
    .command('sharing')
    .description('indicator sharing between institutions: peers, TAXII pulls, sharing rounds')
  sharing
    .command('peer-add <peer-id>')
    .description('register another institution as a peer; prints its token once')
    .requiredOption('--name <name>', "the institution's name")
    .option('--groups <list>', 'sharing groups it belongs to, comma-separated')
    .option('--quota <n>', 'evaluations it may ask for in a day (consortium mode)')
    .option(
      '--epoch-quota <n>',
      'evaluations it may ask for in a month: about its book of identifiers',
    )
    .option('--db <path>', 'SQLite file to use')
    .action(async (peerId: string, o: PeerOpts) =>
      withContext(o.db, async (ctx) => {
        const { token } = await createPeer(ctx, {
          peer_id: peerId,
          name: o.name,
          groups: o.groups ? o.groups.split(',').map((g) => g.trim()) : [],
          daily_quota: o.quota ? Number(o.quota) : undefined,
          epoch_quota: o.epochQuota ? Number(o.epochQuota) : undefined,
        })
        console.log(token)
        process.stderr.write('give this token to the peer now: only its hash is kept\n')
      }),
    )
  sharing
    .command('pull')
    .description('pull every remote in GRAYLINE_TAXII_REMOTES from where the last pull stopped')
    .option('--db <path>', 'SQLite file to use')
    .action(async (o: { db?: string }) =>
      withContext(o.db, async (ctx) => {
        const remotes = taxiiRemotesFromEnv()
        if (!remotes.length)
          throw new Error('no remotes: set GRAYLINE_TAXII_REMOTES to [{"name","url","token"}, …]')
        const audit = new AuditLog(ctx)
        try {
          for (const r of remotes) {
            const report = await pullRemote(
              { ctx, audit, validator: new StixValidator() },
              new TaxiiClient(r),
            )
            console.log(JSON.stringify(report))
          }
        } finally {
          await audit.close()
        }
      }),
    )
  sharing
    .command('sync')
    .description('publish, pull, tokenise this epoch, match and report sightings back (one round)')
    .option('--db <path>', 'SQLite file to use')
    .action(async (o: { db?: string }) => {
      const opened = await openContext(o.db)
      const audit = new AuditLog(opened.ctx)
      try {
        const m = memberOptionsFromEnv()
        if (!m)
          throw new Error(
            'not a member: set GRAYLINE_CONSORTIUM_URL, GRAYLINE_CONSORTIUM_TOKEN and GRAYLINE_CONSORTIUM',
          )
        const secret = installationSecret(
          join(dataDirOf(opened.location, opened.ctx.store), 'secret.key'),
        )
        const report = await syncSharing({
          ctx: opened.ctx,
          audit,
          validator: new StixValidator(),
          author: installationAuthor(secret, process.env.GRAYLINE_INSTALLATION_NAME ?? 'Grayline'),
          consortium: m.consortium,
          remotes: m.remotes,
          tokeniser: new ConsortiumClient({
            url: m.consortiumUrl,
            token: m.consortiumToken,
            consortium: m.consortium,
            clock: opened.ctx.clock,
          }),
        })
        console.log(JSON.stringify(report, null, 2))
        process.stderr.write(
          "matches count in assessments after `grayline assess` or the server's next round\n",
        )
      } finally {
        await audit.close()
        await opened.close()
      }
    })
  sharing
    .command('withdraw <confirmation-id>')
    .description(
      'withdraw a confirmed indicator: its published versions are revoked for every peer',
    )
    .requiredOption('--reason <text>', 'why it is withdrawn')
    .requiredOption('--by <name>', 'who withdraws it')
    .option('--db <path>', 'SQLite file to use')
    .action(async (id: string, o: { reason: string; by: string; db?: string }) =>
      withContext(o.db, async (ctx) => {
        const audit = new AuditLog(ctx)
        try {
          const r = await withdrawConfirmation(
            { ctx, audit, validator: new StixValidator() },
            id,
            o.by,
            o.reason,
          )
          console.log(`withdrawn; ${r.revoked} published indicator(s) revoked`)
        } finally {
          await audit.close()
        }
      }),
    )
}
