// Evidence on both stores: content-addressed files that are never replaced, type and size checks,
// and a chain of custody in which any edited, deleted or cut-off line — or a changed file — is found.
import { chmodSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { openCase } from '../../src/cases/index.js'
import type { Context } from '../../src/context.js'
import {
  LocalEvidenceStore,
  addEvidence,
  custodyOfCase,
  recordCustody,
  verifyEvidence,
  viewEvidence,
} from '../../src/evidence/index.js'
import { testStores, useStore } from './stores.js'

const PNG = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.alloc(64, 7)])
const WAV = Buffer.concat([
  Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1'),
  Buffer.alloc(64, 1),
])
const CHAT = Buffer.from('2026-04-01 10:02 李助理：先交3800元服务费，保证全额退息。\n', 'utf8')

async function droppedGuards(ctx: Context): Promise<void> {
  if (ctx.store === 'sqlite') {
    await sql`drop trigger custody_log_no_update`.execute(ctx.db)
    await sql`drop trigger custody_log_no_delete`.execute(ctx.db)
  } else await sql`drop trigger custody_log_append_only on custody_log`.execute(ctx.db)
}

describe.each(testStores)('evidence on $kind', (store) => {
  const t = useStore(store)

  async function caseWithEvidence() {
    const files = new LocalEvidenceStore(join(t.dir, 'evidence'))
    const c = await openCase(t.ctx, { origin: 'manual', title: '证据测试' }, 'investigator')
    const shot = await addEvidence(
      t.ctx,
      files,
      c.case_id,
      { bytes: PNG, filename: '截图.png', kind: 'screenshot' },
      'investigator',
    )
    const call = await addEvidence(
      t.ctx,
      files,
      c.case_id,
      { bytes: WAV, filename: 'C:\\录音\\通话.wav', kind: 'recording' },
      'handler',
    )
    const chat = await addEvidence(
      t.ctx,
      files,
      c.case_id,
      { bytes: CHAT, filename: '微信聊天.txt', kind: 'chat_export' },
      'investigator',
    )
    await viewEvidence(t.ctx, files, shot.item.evidence_id, 'admin', '核对截图')
    await recordCustody(t.ctx, [call.item, chat.item], 'exported', 'investigator', {
      dossier: c.case_id,
    })
    return { files, caseId: c.case_id, shot: shot.item, call: call.item, chat: chat.item }
  }

  it.skipIf(!store.available)(
    'stores each file once under its sha256 and logs who added, viewed and exported it',
    async () => {
      const { files, caseId, shot, call } = await caseWithEvidence()
      expect(call.filename).toBe('通话.wav')
      expect(call.media_type).toBe('audio/wav')
      expect(await files.get(shot.sha256)).toEqual(PNG)
      const again = await addEvidence(
        t.ctx,
        files,
        caseId,
        { bytes: PNG, filename: '另一个名字.png', kind: 'screenshot' },
        'admin',
      )
      expect(again).toMatchObject({
        created: false,
        item: { evidence_id: shot.evidence_id, filename: '截图.png' },
      })
      const log = await custodyOfCase(t.ctx, caseId)
      expect(log.map((l) => `${l.action}:${l.actor}`)).toEqual([
        'added:investigator',
        'added:handler',
        'added:investigator',
        'viewed:admin',
        'exported:investigator',
        'exported:investigator',
      ])
      expect(log[1]?.prev_hash).toBe(log[0]?.hash)
      expect(await verifyEvidence(t.ctx, files)).toMatchObject({
        ok: true,
        lines: 6,
        items: 3,
        problems: [],
      })
    },
  )

  it.skipIf(!store.available)(
    'refuses files of the wrong type, empty or too large, naming the field',
    async () => {
      const files = new LocalEvidenceStore(join(t.dir, 'evidence'))
      const c = await openCase(t.ctx, { origin: 'manual' }, 'investigator')
      const add = (bytes: Buffer, kind: 'recording' | 'screenshot') =>
        addEvidence(t.ctx, files, c.case_id, { bytes, filename: 'x', kind }, 'investigator')
      await expect(add(PNG, 'recording')).rejects.toMatchObject({
        code: 'validation',
        field: 'kind',
      })
      await expect(
        add(Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), 'screenshot'),
      ).rejects.toMatchObject({ field: 'file' })
      await expect(add(Buffer.alloc(0), 'screenshot')).rejects.toMatchObject({ field: 'file' })
      process.env.GRAYLINE_EVIDENCE_MAX_MB = '0.00001'
      try {
        await expect(add(PNG, 'screenshot')).rejects.toThrow(/MB at most/)
      } finally {
        delete process.env.GRAYLINE_EVIDENCE_MAX_MB
      }
    },
  )

  it.skipIf(!store.available)(
    'keeps the custody log append-only in the database itself',
    async () => {
      await caseWithEvidence()
      await expect(
        sql`update custody_log set actor = 'someone' where seq = 2`.execute(t.ctx.db),
      ).rejects.toThrow(/append-only/)
      await expect(sql`delete from custody_log where seq = 2`.execute(t.ctx.db)).rejects.toThrow(
        /append-only/,
      )
    },
  )

  it.skipIf(!store.available)(
    'finds a changed byte in a stored file and names the item',
    async () => {
      const { files, chat } = await caseWithEvidence()
      const path = files.pathOf(chat.sha256)
      chmodSync(path, 0o644)
      const changed = Buffer.from(CHAT)
      changed[10] = changed[10]! ^ 1
      writeFileSync(path, changed)
      const v = await verifyEvidence(t.ctx, files)
      expect(v.ok).toBe(false)
      expect(v.problems).toEqual([
        expect.objectContaining({
          evidence_id: chat.evidence_id,
          message: expect.stringContaining('was changed'),
        }),
      ])
    },
  )

  it.skipIf(!store.available)('finds an edited custody line and says which', async () => {
    const { files, call } = await caseWithEvidence()
    await droppedGuards(t.ctx)
    await sql`update custody_log set actor = 'nobody' where seq = 2`.execute(t.ctx.db)
    const v = await verifyEvidence(t.ctx, files)
    expect(v.ok).toBe(false)
    expect(v.problems[0]).toMatchObject({
      seq: 2,
      evidence_id: call.evidence_id,
      message: expect.stringContaining('line 2'),
    })
    expect(v.problems[0]?.message).toContain('edited')
  })

  it.skipIf(!store.available)(
    'finds a line edited and re-hashed by the next line that no longer follows it',
    async () => {
      const { files } = await caseWithEvidence()
      await droppedGuards(t.ctx)
      const { lineHash } = await import('../../src/evidence/index.js')
      const line = await t.ctx.db
        .selectFrom('custody_log')
        .selectAll()
        .where('seq', '=', 4)
        .executeTakeFirstOrThrow()
      const forged = { ...line, seq: 4, actor: 'someone-else' }
      await t.ctx.db
        .updateTable('custody_log')
        .set({ actor: forged.actor, hash: lineHash(forged) })
        .where('seq', '=', 4)
        .execute()
      const v = await verifyEvidence(t.ctx, files)
      expect(v.problems.map((p) => p.message)).toEqual([
        expect.stringMatching(/line 5 does not follow line 4/),
      ])
    },
  )

  it.skipIf(!store.available)(
    'finds a deleted custody line in the middle and a cut-off tail',
    async () => {
      const { files } = await caseWithEvidence()
      await droppedGuards(t.ctx)
      await sql`delete from custody_log where seq = 3`.execute(t.ctx.db)
      let v = await verifyEvidence(t.ctx, files)
      expect(v.problems.map((p) => p.message)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/line 3 is missing/),
          expect.stringMatching(/has no "added" line/),
        ]),
      )
      expect(v.problems.find((p) => /line 3 is missing/.test(p.message))?.seq).toBe(4)

      await sql`delete from custody_log where seq = 6`.execute(t.ctx.db)
      v = await verifyEvidence(t.ctx, files)
      expect(v.problems.map((p) => p.message)).toContainEqual(
        expect.stringMatching(/ends at line 5 but its head records line 6/),
      )
    },
  )
})
