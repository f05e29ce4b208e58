// The dossier read back as the police would read it: the PDF's text holds the case's facts (the
// agency in full, the customers masked), the ZIP holds every evidence file with a manifest whose
// hashes match, and the same case gives the same files byte for byte.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openCase, transitionCase, updateCase } from '../../src/cases/index.js'
import { buildDossier } from '../../src/dossier/index.js'
import {
  LocalEvidenceStore,
  addEvidence,
  custodyOfCase,
  sha256Of,
} from '../../src/evidence/index.js'
import { AGENT_PHONE, customers } from './api-fixture.js'
import { assessedBook } from './case-fixture.js'
import { pdfText, zipEntries } from './dossier-reader.js'
import { testStores, useStore } from './stores.js'

const WAV = Buffer.concat([
  Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1'),
  Buffer.alloc(200, 9),
])
const CHAT = Buffer.from('李助理：先交3800元服务费，保证全额退息，征信也能修复。\n', 'utf8')

describe.each(testStores)('dossier on $kind', (store) => {
  const t = useStore(store)

  it.skipIf(!store.available)(
    'puts the case facts in a Chinese PDF and the evidence in a ZIP, the same each time',
    async () => {
      await assessedBook(t.ctx, t.dir)
      const files = new LocalEvidenceStore(join(t.dir, 'evidence'))
      const c = await openCase(
        t.ctx,
        { origin: 'contact', ref: 'A1', summary: '同一代理号码代四名客户投诉，要求停息挂账。' },
        'investigator',
      )
      await updateCase(
        t.ctx,
        c.case_id,
        {
          amounts: [{ label: '受害人被收取服务费', fen: 380_000 }],
          joint: true,
          joint_partners: [{ institution: '某消费金融公司', reference: 'XF-2026-017' }],
        },
        'investigator',
      )
      await transitionCase(
        t.ctx,
        c.case_id,
        { to: 'investigating', reason: '调取录音' },
        'investigator',
      )
      const call = await addEvidence(
        t.ctx,
        files,
        c.case_id,
        { bytes: WAV, filename: '通话录音.wav', kind: 'recording' },
        'investigator',
      )
      await addEvidence(
        t.ctx,
        files,
        c.case_id,
        { bytes: CHAT, filename: '聊天记录.txt', kind: 'chat_export' },
        'handler',
      )

      const first = await buildDossier(t.ctx, files, c.case_id, {
        zip: true,
        actor: 'investigator',
      })
      // Kept as a test artifact to look at; the folder is not there on a fresh checkout.
      const artifacts = join(process.cwd(), 'test-results')
      mkdirSync(artifacts, { recursive: true })
      writeFileSync(join(artifacts, `dossier-${store.kind}.pdf`), first.pdf)
      const { text, pages } = await pdfText(first.pdf)
      expect(pages).toBeGreaterThanOrEqual(2)
      for (const fact of [
        '报案材料',
        c.case_id,
        '调查取证',
        AGENT_PHONE,
        '李助理',
        '王**',
        '330106********',
        '¥3,800.00',
        '某消费金融公司',
        'XF-2026-017',
        call.item.sha256,
        '通话录音.wav',
        '关系图谱',
      ])
        expect(text, fact).toContain(fact)
      for (const c of customers) {
        expect(text).not.toContain(c.name)
        expect(text).not.toContain(c.id_number)
        expect(text).not.toContain(c.phone?.replaceAll(' ', ''))
      }

      const zip = await zipEntries(first.zip!)
      expect([...zip.keys()].slice(0, 3)).toEqual(['dossier.pdf', 'manifest.json', 'SHA256SUMS'])
      const manifest = JSON.parse(zip.get('manifest.json')!.toString())
      expect(manifest.items).toHaveLength(2)
      for (const item of manifest.items) expect(sha256Of(zip.get(item.path)!)).toBe(item.sha256)
      expect(zip.get('dossier.pdf')!.equals(first.pdf)).toBe(true)
      expect(
        (await custodyOfCase(t.ctx, c.case_id)).filter((l) => l.action === 'exported'),
      ).toHaveLength(2)

      // The export itself is on the chain of custody, not in the dossier: a second one is identical.
      const second = await buildDossier(t.ctx, files, c.case_id, { zip: true, actor: 'admin' })
      expect(second.pdf.equals(first.pdf)).toBe(true)
      expect(second.zip!.equals(first.zip!)).toBe(true)

      // A change to the case changes the dossier.
      await transitionCase(
        t.ctx,
        c.case_id,
        { to: 'preparing_report', reason: '证据已固定' },
        'investigator',
      )
      const third = await buildDossier(t.ctx, files, c.case_id, {
        zip: false,
        actor: 'investigator',
      })
      expect(third.pdf.equals(first.pdf)).toBe(false)
      expect((await pdfText(third.pdf)).text).toContain('筹备报案')
    },
  )
})
