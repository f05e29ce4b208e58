// `grayline voice calibrate TRIALS`: EER and the threshold at a chosen false-match rate from
// labelled trials, printed and stored beside the model name it holds for.
import { writeFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { Command } from 'commander'
import { calibrate } from '../voice/calibration/calibration.js'
import { readTrials } from '../voice/calibration/trial-file.js'
import { SpeakerEmbedder } from '../voice/embedding/speaker-embedder.js'

type CalibrateOptions = { fmr: string; model?: string; out?: string }

export function registerVoice(program: Command): void {
  const voice = program.command('voice').description('voiceprints: speaker models and thresholds')
  voice
    .command('calibrate <trials>')
    .description('EER and the threshold at a false-match rate from labelled trials (JSONL)')
    .option('--fmr <rate>', 'the false-match rate to hold', '0.01')
    .option(
      '--model <file>',
      'speaker model for trials given as recordings (GRAYLINE_SPEAKER_MODEL)',
    )
    .option('--out <file>', 'write the calibration as JSON (with the model name)')
    .action(async (trialsFile: string, opts: CalibrateOptions) => {
      const modelFile = opts.model ?? process.env.GRAYLINE_SPEAKER_MODEL
      const embedder = modelFile ? await SpeakerEmbedder.open(modelFile) : undefined
      try {
        const result = calibrate(await readTrials(trialsFile, embedder), Number(opts.fmr))
        const model = modelFile ? basename(modelFile) : 'scores given'
        console.log(
          `model ${model}: ${result.trials.same} same-speaker, ${result.trials.different} different trials`,
        )
        console.log(
          `EER ${(result.eer * 100).toFixed(2)}% at threshold ${result.eerThreshold.toFixed(4)}`,
        )
        console.log(
          `threshold ${result.threshold.toFixed(4)} at false-match rate <= ${opts.fmr}: ` +
            `FMR ${(result.falseMatchRate * 100).toFixed(2)}%, FNMR ${(result.falseNonMatchRate * 100).toFixed(2)}%`,
        )
        if (result.trials.same + result.trials.different < 100)
          console.log('few trials: treat these figures as rough')
        if (opts.out)
          await writeFile(opts.out, `${JSON.stringify({ model, ...result }, null, 2)}\n`)
      } finally {
        embedder?.close()
      }
    })
}
