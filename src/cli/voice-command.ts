// `grayline voice calibrate TRIALS`: EER and the threshold at a chosen false-match rate from
// labelled trials, printed and stored with the model it holds for (the signals use the latest
// stored for their model); `voice purge` and `voice forget` are in voice-retention-command.ts.
import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { Command } from 'commander'
import type { Calibration } from '../voice/calibration/calibration.js'
import { calibrate } from '../voice/calibration/calibration.js'
import { readTrials } from '../voice/calibration/trial-file.js'
import { storeCalibration } from '../voice/calibration/voice-thresholds.js'
import { SpeakerEmbedder } from '../voice/embedding/speaker-embedder.js'
import { withContext } from './open-context.js'
import { registerVoiceCheck } from './voice-check-command.js'
import { registerVoiceRetention } from './voice-retention-command.js'

type CalibrateOptions = {
  fmr: string
  model?: string
  modelName?: string
  out?: string
  store: boolean
  by: string
  db?: string
}

export function registerVoice(program: Command): void {
  const voice = program.command('voice').description('voiceprints: speaker models and thresholds')
  voice
    .command('calibrate <trials>')
    .description('EER and the threshold at a false-match rate from labelled trials (JSONL)')
    .option('--fmr <rate>', 'the false-match rate to hold', '0.01')
    .option(
      '--model <file>',
      'speaker model for trials given as recordings (GRAYLINE_SPEAKER_MODEL); names the calibration',
    )
    .option('--model-name <name>', 'the model the scores came from, when trials are scores only')
    .option('--out <file>', 'also write the calibration as JSON (with the model name)')
    .option('--no-store', 'print only; do not store the threshold for the signals')
    .option('--by <name>', 'who calibrated, for the record', process.env.USER ?? 'cli')
    .option('--db <path>', 'SQLite file to use')
    .action(async (trialsFile: string, opts: CalibrateOptions) => {
      const modelFile = opts.model ?? process.env.GRAYLINE_SPEAKER_MODEL
      const embedder = modelFile ? await SpeakerEmbedder.open(modelFile) : undefined
      let result: Calibration
      try {
        result = calibrate(await readTrials(trialsFile, embedder), Number(opts.fmr))
      } finally {
        embedder?.close()
      }
      const model = opts.modelName ?? (modelFile ? basename(modelFile) : undefined)
      printCalibration(model ?? 'scores given', result, opts.fmr)
      if (opts.out)
        await writeFile(
          opts.out,
          `${JSON.stringify({ model: model ?? 'scores given', ...result }, null, 2)}\n`,
        )
      if (!opts.store) return
      if (!model) {
        process.stderr.write('not stored: name the model the scores came from with --model-name\n')
        process.exitCode = 1
        return
      }
      const modelSha256 = modelFile ? await sha256Of(modelFile) : undefined
      const id = await withContext(opts.db, (ctx) =>
        storeCalibration(ctx, {
          model,
          modelSha256,
          calibration: result,
          trialsSource: basename(trialsFile),
          calibratedBy: `cli:${opts.by}`,
        }),
      )
      console.log(
        `stored as ${id}: the voice signals use threshold ${result.threshold.toFixed(4)} for ${model}`,
      )
    })
  registerVoiceCheck(voice)
  registerVoiceRetention(voice)
}

function printCalibration(model: string, result: Calibration, fmr: string): void {
  console.log(
    `model ${model}: ${result.trials.same} same-speaker, ${result.trials.different} different trials`,
  )
  console.log(
    `EER ${(result.eer * 100).toFixed(2)}% at threshold ${result.eerThreshold.toFixed(4)}`,
  )
  console.log(
    `threshold ${result.threshold.toFixed(4)} at false-match rate <= ${fmr}: ` +
      `FMR ${(result.falseMatchRate * 100).toFixed(2)}%, FNMR ${(result.falseNonMatchRate * 100).toFixed(2)}%`,
  )
  if (result.trials.same + result.trials.different < 100)
    console.log('few trials: treat these figures as rough')
}

async function sha256Of(file: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex')
}
