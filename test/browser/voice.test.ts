// Voiceprints in Chromium: an investigator sees a call's voice matches on the contact page with
// their scores and plays a segment of the recording behind one (audited); the admin adds the
// caller's voice to the agent voice library from the call, with who and why.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodeWav } from '../../src/voice/audio/wav.js'
import { addAgentVoice, checkCallerVoice } from '../../src/voice/library/index.js'
import type { BrowserServer } from './browser-server.js'
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  chromiumAvailable,
  SHOTS_DIR,
  startBrowserServer,
} from './browser-server.js'

const PATIENT = { timeout: 20_000 }
const MODEL = '3dspeaker_speech_campplus_sv_zh-cn_16k-common.onnx'
const voice = (seed: number, noise = 0) => ({
  embedding: Float32Array.from(
    { length: 16 },
    (_, i) => Math.sin(seed * (i + 1)) + noise * Math.cos(7 * i),
  ),
  speechSeconds: 7.5,
  model: MODEL,
})

describe.skipIf(!chromiumAvailable)('voice matches and the agent voice library in Chromium', () => {
  let server: BrowserServer
  let browser: Browser
  let calls: { contact_id: string; customer_id: string | null }[]

  beforeAll(async () => {
    mkdirSync(SHOTS_DIR, { recursive: true })
    const recordings = mkdtempSync(join(tmpdir(), 'grayline-recordings-'))
    process.env.GRAYLINE_CALL_RECORDINGS = recordings
    server = await startBrowserServer(1000)
    calls = await server.ctx.db
      .selectFrom('contacts')
      .select(['contact_id', 'customer_id'])
      .where('customer_id', 'is not', null)
      .orderBy('contact_id')
      .limit(2)
      .execute()
    await addAgentVoice(server.ctx, {
      label: '代理甲',
      voiceprint: voice(9),
      addedBy: 'investigator',
      reason: '案件 K-2026-031 中确认的代理人来电',
    })
    const spans = [
      { startSeconds: 0.5, endSeconds: 2.5 },
      { startSeconds: 4, endSeconds: 6 },
    ]
    for (const c of calls)
      await checkCallerVoice(server.ctx, {
        contactId: c.contact_id,
        claimedCustomerId: c.customer_id ?? undefined,
        voiceprint: voice(9, 0.02),
        threshold: 0.8,
        spans,
      })
    const tone = Float32Array.from({ length: 8000 * 8 }, (_, i) => 0.2 * Math.sin(i / 4))
    writeFileSync(
      join(recordings, `${calls[1]!.contact_id}.wav`),
      encodeWav({ sampleRate: 8000, channels: [tone] }),
    )
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  }, 240_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    delete process.env.GRAYLINE_CALL_RECORDINGS
  })

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(SHOTS_DIR, `${name}.png`), fullPage: true })

  async function loggedIn(username: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
    await page.goto(`${server.url}/login`)
    await page.locator('input#username, input[id$=username]').fill(username, PATIENT)
    await page.locator('input[type=password]').fill('grayline-demo')
    await page.locator('button[type=submit]').click()
    await page.waitForURL((u) => !u.pathname.startsWith('/login'))
    return page
  }

  it('shows the voice matches with scores and plays a segment, audited', async () => {
    const contactId = calls[1]!.contact_id
    const page = await loggedIn('investigator')
    try {
      await page.goto(`${server.url}/contacts/${contactId}`)
      const card = page.locator('.voice-matches')
      await expect.poll(() => card.isVisible(), PATIENT).toBe(true)
      const agent = page.getByTestId('voice-match-voice_known_agent')
      await expect.poll(() => agent.textContent(), PATIENT).toMatch(/来电声音为已知代理人/)
      expect(await agent.textContent()).toMatch(/相似度 [01]\.\d\d（阈值 0\.80）/)
      expect(await agent.textContent()).toMatch(/代理甲/)
      await expect
        .poll(() => page.getByTestId('voice-match-voice_many_borrowers').textContent(), PATIENT)
        .toMatch(/同一声音冒充多名借款人/)
      await agent.getByRole('button', { name: '播放 4.0–6.0 秒' }).click()
      const audio = agent.locator('audio')
      await expect.poll(() => audio.count(), PATIENT).toBe(1)
      expect(await audio.getAttribute('src')).toMatch(/\/voice\/vf_.+\/segments\/1$/)
      await expect
        .poll(async () => {
          await server.app.deps.audit.flush()
          const row = await server.ctx.db
            .selectFrom('audit_log')
            .select('actor')
            .where('action', '=', 'voice.segment.play')
            .where('target_id', '=', contactId)
            .executeTakeFirst()
          return row?.actor
        }, PATIENT)
        .toBe('investigator')
      await card.scrollIntoViewIfNeeded()
      await shot(page, 'voice-matches')
    } finally {
      await page.close()
    }
  })

  it('lets the admin add the caller of a call to the agent voice library with a reason', async () => {
    const page = await loggedIn('admin')
    try {
      await page.goto(`${server.url}/admin/voice-agents`)
      await expect.poll(() => page.getByRole('cell', { name: '代理甲' }).count(), PATIENT).toBe(1)
      await page.getByRole('button', { name: '从来电添加' }).click()
      const dialog = page.locator('.ant-modal')
      await expect.poll(() => dialog.isVisible(), PATIENT).toBe(true)
      await shot(page, 'voice-agent-add-dialog')
      await dialog.locator('#voice-agent-add_contact_id').fill(calls[0]!.contact_id)
      await dialog.locator('#voice-agent-add_label').fill('代理乙')
      await dialog
        .locator('#voice-agent-add_reason')
        .fill('同一声音以两名借款人身份来电，经核实为代理')
      await dialog.locator('.ant-btn-primary').click()
      await expect.poll(() => page.getByRole('cell', { name: '代理乙' }).count(), PATIENT).toBe(1)
      await expect
        .poll(() => page.getByRole('row', { name: /代理乙/ }).textContent(), PATIENT)
        .toMatch(/admin/)
      await shot(page, 'voice-agent-library')
    } finally {
      await page.close()
    }
  })
})
