// Writes a tiny speaker model with the metadata sherpa-onnx expects, so that tests exercise the
// real loading and extraction path without a pretrained model: fbank frames [N, T, 80] -> mean
// over time -> centred across the mel bins (spectral shape, not loudness) -> a fixed random
// projection [80, dim]. It proves the path, not accuracy.
// Run: npx tsx src/voice/embedding/test-speaker-model.ts OUT.onnx [--framework F] [--no-metadata]
import { writeFile } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'
import { ModelProto } from './onnx-proto.js'

const FLOAT = 1
const INTS = 7
const INT = 2
const MEL_BINS = 80

export type TestModelOptions = { dim?: number; metadata?: Record<string, string> }

export function testSpeakerModelMetadata(dim = 192): Record<string, string> {
  return {
    framework: 'wespeaker',
    output_dim: String(dim),
    sample_rate: '16000',
    normalize_samples: '1',
    language: 'any',
    comment: 'grayline test model: mean fbank, random projection',
  }
}

export function buildTestSpeakerModel(options: TestModelOptions = {}): Uint8Array {
  const dim = options.dim ?? 192
  const metadata = options.metadata ?? testSpeakerModelMetadata(dim)
  const model = {
    irVersion: 7,
    producerName: 'grayline',
    opsetImport: [{ domain: '', version: 13 }],
    graph: {
      name: 'grayline-test-speaker',
      node: [
        reduceMean('feats', 'utterance', 1, 0),
        reduceMean('utterance', 'level', 1, 1),
        { input: ['utterance', 'level'], output: ['shape'], name: 'centre', opType: 'Sub' },
        { input: ['shape', 'projection'], output: ['embs'], name: 'project', opType: 'MatMul' },
      ],
      initializer: [
        {
          name: 'projection',
          dims: [MEL_BINS, dim],
          dataType: FLOAT,
          rawData: projection(MEL_BINS, dim),
        },
      ],
      input: [valueInfo('feats', ['N', 'T', MEL_BINS])],
      output: [valueInfo('embs', ['N', dim])],
    },
    metadataProps: Object.entries(metadata).map(([key, value]) => ({ key, value })),
  }
  return ModelProto.encode(ModelProto.fromObject(model)).finish()
}

function reduceMean(input: string, output: string, axis: number, keepdims: number): object {
  return {
    input: [input],
    output: [output],
    name: output,
    opType: 'ReduceMean',
    attribute: [
      { name: 'axes', ints: [axis], type: INTS },
      { name: 'keepdims', i: keepdims, type: INT },
    ],
  }
}

function valueInfo(name: string, dims: (string | number)[]): object {
  const dim = dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d }))
  return { name, type: { tensorType: { elemType: FLOAT, shape: { dim } } } }
}

/** A fixed pseudo-random Gaussian matrix (seeded), so every build writes the same model. */
function projection(rows: number, cols: number): Uint8Array {
  const values = new Float32Array(rows * cols)
  let seed = 7
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed + 1) / 2147483649
  }
  for (let i = 0; i < values.length; i++) {
    values[i] = Math.sqrt(-2 * Math.log(next())) * Math.cos(2 * Math.PI * next())
  }
  return new Uint8Array(values.buffer)
}

export async function writeTestSpeakerModel(
  file: string,
  options: TestModelOptions = {},
): Promise<void> {
  await writeFile(file, buildTestSpeakerModel(options))
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [out, ...flags] = process.argv.slice(2)
  if (!out) throw new Error('usage: test-speaker-model.ts OUT.onnx [--framework F] [--no-metadata]')
  const framework = flags[flags.indexOf('--framework') + 1]
  const metadata = flags.includes('--no-metadata')
    ? {}
    : {
        ...testSpeakerModelMetadata(),
        ...(flags.includes('--framework') && framework ? { framework } : {}),
      }
  await writeTestSpeakerModel(out, { metadata })
  process.stdout.write(`wrote ${out}\n`)
}
