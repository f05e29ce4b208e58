// `grayline voice check CALL.wav --contact K [--customer C]`: a call recording through the voice
// pipeline — the caller's side embedded (kept for the retention period), compared with the claimed
// customer's enrolment, the known agents and other callers, and diarized for a third voice; the
// findings stored for detection and printed. The recording itself is not copied anywhere.
import type { Command } from 'commander'
import { readCallAudio } from '../voice/audio/wav.js'
import { checkThirdVoice } from '../voice/diarization/third-voice.js'
import { voiceprintOf } from '../voice/embedding/call-voiceprint.js'
import { SpeakerEmbedder } from '../voice/embedding/speaker-embedder.js'
import { checkCallerVoice } from '../voice/library/index.js'
import type { VoiceFinding } from '../voice/library/index.js'
import { withContext } from './open-context.js'

type CheckOptions = { contact: string; customer?: string; channel: string; db?: string }

export function registerVoiceCheck(voice: Command): void {
  voice
    .command('check <recording>')
    .description("check a call's caller voice and store the findings (GRAYLINE_SPEAKER_MODEL)")
    .requiredOption('--contact <id>', 'the contact the recording belongs to')
    .option('--customer <id>', 'the customer the caller claimed to be')
    .option('--channel <n>', "the caller's channel in a stereo recording", '0')
    .option('--db <path>', 'SQLite file to use')
    .action(async (recording: string, opts: CheckOptions) => {
      const audio = await readCallAudio(recording)
      const channel = Number(opts.channel)
      const embedder = await SpeakerEmbedder.open()
      try {
        const print = await voiceprintOf(embedder, audio, { channel })
        if (print.status !== 'embedded') {
          console.log(
            `too little speech (${print.speechSeconds.toFixed(1)} s, at least ${print.minSpeechSeconds} s): no match claimed`,
          )
          return
        }
        const findings = await withContext(opts.db, async (ctx) => {
          const caller = await checkCallerVoice(ctx, {
            contactId: opts.contact,
            claimedCustomerId: opts.customer,
            voiceprint: print,
            spans: print.spans,
          })
          const third = await checkThirdVoice(ctx, embedder, {
            contactId: opts.contact,
            audio,
            channel,
          })
          return third ? [...caller, third] : caller
        })
        console.log(`${opts.contact}: ${print.speechSeconds.toFixed(1)} s of speech embedded`)
        for (const f of findings) console.log(describe(f))
        if (!findings.length) console.log('no voice findings')
      } finally {
        embedder.close()
      }
    })
}

function describe(f: VoiceFinding): string {
  return `${f.code}: score ${f.score.toFixed(3)} (threshold ${f.threshold.toFixed(3)}), ${f.matched.join(', ')}`
}
