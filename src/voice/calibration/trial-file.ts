// Labelled trials from a JSONL file, one per line: either a score already computed,
// {"score": 0.71, "same": true}, or two recordings to compare with the speaker model,
// {"enrol": "a.wav", "test": "b.wav", "same": false} (paths relative to the trial file).
import { readFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { z } from 'zod'
import { readCallAudio } from '../audio/wav.js'
import { voiceprintOf } from '../embedding/call-voiceprint.js'
import type { SpeakerEmbedder } from '../embedding/speaker-embedder.js'
import { cosine } from '../library/cosine.js'
import type { Trial } from './calibration.js'

const trialLine = z.union([
  z.object({ score: z.number(), same: z.boolean() }),
  z.object({ enrol: z.string(), test: z.string(), same: z.boolean() }),
])

export async function readTrials(file: string, embedder?: SpeakerEmbedder): Promise<Trial[]> {
  const lines = (await readFile(file, 'utf8')).split('\n')
  const trials: Trial[] = []
  for (const [i, text] of lines.entries()) {
    if (!text.trim()) continue
    const parsed = trialLine.safeParse(JSON.parse(text))
    if (!parsed.success)
      throw new Error(`${file}:${i + 1}: not a trial (${parsed.error.issues[0]?.message})`)
    const line = parsed.data
    if ('score' in line) trials.push(line)
    else trials.push({ same: line.same, score: await scorePair(file, i + 1, line, embedder) })
  }
  return trials
}

async function scorePair(
  file: string,
  lineNo: number,
  pair: { enrol: string; test: string },
  embedder: SpeakerEmbedder | undefined,
): Promise<number> {
  if (!embedder)
    throw new Error(`${file}:${lineNo}: recordings need a speaker model (GRAYLINE_SPEAKER_MODEL)`)
  const [a, b] = await Promise.all(
    [pair.enrol, pair.test].map(async (path) => {
      const print = await voiceprintOf(
        embedder,
        await readCallAudio(resolve(dirname(file), path)),
        {
          minSpeechSeconds: 0.5,
        },
      )
      if (print.status !== 'embedded')
        throw new Error(`${file}:${lineNo}: ${path} has too little speech`)
      return print.embedding
    }),
  )
  return cosine(a!, b!)
}
