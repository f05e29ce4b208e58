// Speaker embeddings from the model at GRAYLINE_SPEAKER_MODEL. The model is checked first, then
// loaded in a child process: if it crashes, the caller gets an error and the server lives on;
// the next request starts a fresh child.
import { fork } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { ExtractReply, ExtractRequest } from './extractor-process.js'
import { inspectSpeakerModel, SpeakerModelError } from './model-metadata.js'
import type { SpeakerModelInfo } from './model-metadata.js'

export class SpeakerModelCrashedError extends Error {
  readonly code = 'speaker_model_crashed'
  constructor(
    readonly file: string,
    how: string,
  ) {
    super(`speaker model ${file}: the extraction process ended (${how})`)
    this.name = 'SpeakerModelCrashedError'
  }
}

type Pending = { resolve(e: Float32Array): void; reject(e: Error): void }

export class SpeakerEmbedder {
  private child: ChildProcess | undefined
  private ready: Promise<void> | undefined
  private readonly pending = new Map<number, Pending>()
  private nextId = 1

  private constructor(readonly model: SpeakerModelInfo) {}

  static async open(file = process.env.GRAYLINE_SPEAKER_MODEL): Promise<SpeakerEmbedder> {
    if (!file)
      throw new SpeakerModelError('(unset)', 'set GRAYLINE_SPEAKER_MODEL to a speaker model file')
    const embedder = new SpeakerEmbedder(await inspectSpeakerModel(file))
    await embedder.start()
    return embedder
  }

  /** Samples in [-1, 1] at the model's sample rate (see `model.sampleRate`). */
  async embed(samples: Float32Array, sampleRate: number): Promise<Float32Array> {
    await this.start()
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      const request: ExtractRequest = { id, samples, sampleRate }
      this.child?.send(request)
    })
  }

  close(): void {
    this.child?.kill()
    this.child = undefined
    this.ready = undefined
  }

  private start(): Promise<void> {
    this.ready ??= new Promise((resolve, reject) => {
      const child = spawnExtractor(this.model.file)
      this.child = child
      child.on('message', (reply: ExtractReply) => {
        if ('ready' in reply) return resolve()
        const waiting = this.pending.get(reply.id)
        this.pending.delete(reply.id)
        if ('error' in reply) waiting?.reject(new SpeakerModelError(this.model.file, reply.error))
        else waiting?.resolve(reply.embedding)
      })
      child.on('exit', (code, signal) => {
        const error = new SpeakerModelCrashedError(
          this.model.file,
          signal ? `signal ${signal}` : `exit code ${code}`,
        )
        if (this.child === child) {
          this.child = undefined
          this.ready = undefined
        }
        reject(error)
        for (const waiting of this.pending.values()) waiting.reject(error)
        this.pending.clear()
      })
    })
    return this.ready
  }
}

function spawnExtractor(model: string): ChildProcess {
  const fromSource = import.meta.url.endsWith('.ts')
  const script = fileURLToPath(
    new URL(`./extractor-process.${fromSource ? 'ts' : 'js'}`, import.meta.url),
  )
  return fork(script, [model], {
    serialization: 'advanced',
    // tsx resolved from here, not from the working directory the command was started in.
    execArgv: fromSource ? ['--import', import.meta.resolve('tsx')] : [],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  })
}
