// Checks a speaker model's ONNX metadata before sherpa-onnx sees it: a model without the keys
// sherpa-onnx expects, or naming another framework, kills the process that loads it.
import { readFile } from 'node:fs/promises'
import { readOnnxMetadata } from './onnx-proto.js'

export type SpeakerModelInfo = {
  file: string
  framework: 'wespeaker' | '3d-speaker' | 'nemo'
  dim: number
  sampleRate: number
  language: string
  metadata: Record<string, string>
}

export class SpeakerModelError extends Error {
  readonly code = 'speaker_model_invalid'
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`speaker model ${file}: ${reason}`)
    this.name = 'SpeakerModelError'
  }
}

const FRAMEWORKS = ['wespeaker', '3d-speaker', 'nemo'] as const
// sherpa-onnx exits on any other value at the first compute(); only NeMo models carry the key.
const FEATURE_NORMALIZE_TYPES = ['per_feature']

export async function inspectSpeakerModel(file: string): Promise<SpeakerModelInfo> {
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch (err) {
    throw new SpeakerModelError(file, `cannot be read (${(err as Error).message})`)
  }
  let metadata: Record<string, string>
  try {
    metadata = readOnnxMetadata(bytes)
  } catch {
    throw new SpeakerModelError(file, 'is not an ONNX model')
  }
  return checkSpeakerMetadata(file, metadata)
}

export function checkSpeakerMetadata(
  file: string,
  metadata: Record<string, string>,
): SpeakerModelInfo {
  const framework = FRAMEWORKS.find((f) => f === metadata.framework)
  if (!framework) {
    const found = metadata.framework === undefined ? 'none' : `"${metadata.framework}"`
    throw new SpeakerModelError(
      file,
      `metadata framework is ${found}; expected one of ${FRAMEWORKS.join(', ')}`,
    )
  }
  const dim = positiveInteger(file, metadata, 'output_dim')
  const sampleRate = positiveInteger(file, metadata, 'sample_rate')
  if (sampleRate !== 8000 && sampleRate !== 16000) {
    throw new SpeakerModelError(file, `metadata sample_rate ${sampleRate} is not 8000 or 16000`)
  }
  if (framework !== 'nemo' && !['0', '1'].includes(metadata.normalize_samples ?? '')) {
    throw new SpeakerModelError(file, 'metadata normalize_samples must be 0 or 1')
  }
  const normalizeType = metadata.feature_normalize_type
  if (normalizeType !== undefined && !FEATURE_NORMALIZE_TYPES.includes(normalizeType)) {
    throw new SpeakerModelError(
      file,
      `metadata feature_normalize_type "${normalizeType}" is not supported`,
    )
  }
  return { file, framework, dim, sampleRate, language: metadata.language ?? '', metadata }
}

function positiveInteger(file: string, metadata: Record<string, string>, key: string): number {
  const value = Number(metadata[key])
  if (!Number.isInteger(value) || value <= 0) {
    throw new SpeakerModelError(file, `metadata ${key} is missing or not a positive integer`)
  }
  return value
}
