// Thresholds stored with their model and read by the voice signals; retention purged on a
// schedule and on the command line; deletion on request; every purge and deletion audited.
import { describe, expect, it } from 'vitest'
import type { AuditEvent } from '../../src/audit/audit-event.js'
import type { Context } from '../../src/context.js'
import { calibrate } from '../../src/voice/calibration/calibration.js'
import { storeCalibration, thresholdInForce } from '../../src/voice/calibration/voice-thresholds.js'
import { callsWithVoice, checkCallerVoice, recordCallVoice } from '../../src/voice/library/index.js'
import {
  forgetCustomerVoice,
  purgeEveryMsFromEnv,
  runVoicePurge,
  scheduleVoicePurge,
} from '../../src/voice/library/voice-retention.js'
import { testStores, useStore } from './stores.js'

const MODEL = 'campplus-test.onnx'
const voice = (seed: number, noise = 0) => ({
  embedding: Float32Array.from(
    { length: 16 },
    (_, i) => Math.sin(seed * (i + 1)) + noise * Math.cos(7 * i),
  ),
  speechSeconds: 5,
  model: MODEL,
})
const trials = [0.91, 0.86, 0.8, 0.77]
  .map((score) => ({ score, same: true }))
  .concat([0.2, 0.35, 0.5, 0.78].map((score) => ({ score, same: false })))

function at(ctx: Context, iso: string): Context {
  return { ...ctx, clock: { now: () => new Date(iso) } }
}

function auditSink(): { events: AuditEvent[]; record(e: AuditEvent): void } {
  const events: AuditEvent[] = []
  return { events, record: (e) => events.push(e) }
}

describe.each(testStores)('voice thresholds and retention on $kind', (s) => {
  const t = useStore(s)

  it.runIf(s.available)(
    'stores a calibration with its model, and the signals use the latest for that model',
    async () => {
      const ctx = at(t.ctx, '2026-11-20T08:00:00.000Z')
      expect(await thresholdInForce(ctx, MODEL, undefined, {})).toMatchObject({ source: 'none' })
      expect(
        await checkCallerVoice(ctx, {
          contactId: 'A1',
          claimedCustomerId: 'C1',
          voiceprint: voice(9),
        }),
      ).toEqual([])
      // Not claimed, but kept: the next call in the voice still finds this one.
      expect(await callsWithVoice(ctx, voice(9).embedding, MODEL, 0.99)).toHaveLength(1)

      await storeCalibration(ctx, {
        model: MODEL,
        modelSha256: 'aa11',
        calibration: calibrate(trials, 0.01),
        trialsSource: 'trials-2026-11.jsonl',
        calibratedBy: 'cli:wang',
      })
      const later = at(ctx, '2026-11-21T08:00:00.000Z')
      const strict = calibrate(trials, 0)
      await storeCalibration(later, {
        model: MODEL,
        modelSha256: 'aa11',
        calibration: strict,
        trialsSource: 'trials-2026-11b.jsonl',
        calibratedBy: 'cli:li',
      })
      const inForce = await thresholdInForce(later, MODEL, 'aa11', {})
      expect(inForce).toMatchObject({
        source: 'calibrated',
        threshold: strict.threshold,
        calibration: { calibratedBy: 'cli:li', trials: { same: 4, different: 4 }, eer: 0.25 },
      })
      expect(await thresholdInForce(later, MODEL, 'bb22', {})).toMatchObject({
        source: 'none',
        reason: expect.stringMatching(/another file/),
      })
      expect(
        await thresholdInForce(later, 'other.onnx', undefined, { GRAYLINE_VOICE_THRESHOLD: '0.7' }),
      ).toEqual({ source: 'configured', threshold: 0.7 })

      const found = await checkCallerVoice(later, {
        contactId: 'A2',
        claimedCustomerId: 'C2',
        voiceprint: voice(9, 0.01),
      })
      expect(found).toEqual([
        expect.objectContaining({ code: 'voice_many_borrowers', threshold: strict.threshold }),
      ])
    },
  )

  it.runIf(s.available)(
    'purges expired call embeddings at start and on schedule, and audits each purge',
    async () => {
      const ctx = at(t.ctx, '2026-10-01T00:00:00.000Z')
      await recordCallVoice(ctx, {
        contactId: 'P1',
        claimedCustomerId: 'C5',
        side: 'caller',
        voiceprint: voice(5),
        retentionDays: 30,
      })
      const audit = auditSink()
      const schedule = scheduleVoicePurge(at(ctx, '2026-11-15T00:00:00.000Z'), audit, 3_600_000)
      await schedule.stop()
      expect(audit.events).toEqual([
        expect.objectContaining({
          action: 'voice.purge',
          actor: 'system:voice-retention',
          detail: expect.objectContaining({ deleted: 1 }),
        }),
      ])
      expect(await runVoicePurge(ctx, audit, { name: 'cli:ops' })).toBe(0)
      expect(audit.events).toHaveLength(2)
      expect(purgeEveryMsFromEnv({})).toBe(3_600_000)
      expect(purgeEveryMsFromEnv({ GRAYLINE_VOICE_PURGE_EVERY_MINUTES: '0' })).toBe(0)
    },
  )

  it.runIf(s.available)(
    'deletes a voiceprint on request only with its ground, audited',
    async () => {
      const ctx = t.ctx
      const audit = auditSink()
      await recordCallVoice(ctx, {
        contactId: 'F1',
        claimedCustomerId: 'C7',
        side: 'caller',
        voiceprint: voice(7),
      })
      const actor = { name: 'handler1', role: 'handler', ip: '10.0.0.8' }
      await expect(
        forgetCustomerVoice(ctx, audit, { customerId: 'C7', reason: ' ', actor }),
      ).rejects.toThrow(/ground/)
      const deleted = await forgetCustomerVoice(ctx, audit, {
        customerId: 'C7',
        reason: 'customer request by app feedback, ticket 4471',
        actor,
      })
      expect(deleted).toEqual({ enrolments: 0, callVoices: 1 })
      expect(audit.events).toEqual([
        expect.objectContaining({
          action: 'voice.customer.delete',
          target_id: 'C7',
          actor: 'handler1',
          detail: expect.objectContaining({ callVoices: 1, reason: expect.stringMatching(/4471/) }),
        }),
      ])
    },
  )
})
