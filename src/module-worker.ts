// Worker threads run a module beside the module that starts them: its compiled .js once built,
// its TypeScript source through tsx otherwise (as bin/grayline.js runs the CLI).
import { extname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { WorkerOptions } from 'node:worker_threads'

/** Starts `./<name>` next to `callerUrl` (the caller's import.meta.url) on a worker thread. */
export function startModuleWorker(
  callerUrl: string,
  name: string,
  options: WorkerOptions = {},
): Worker {
  if (extname(fileURLToPath(callerUrl)) !== '.ts')
    return new Worker(new URL(`./${name}.js`, callerUrl), options)
  // From source the worker registers tsx first: a worker does not inherit the loader hooks.
  const tsx = import.meta.resolve('tsx/esm/api')
  const entry = new URL(`./${name}.ts`, callerUrl).href
  const boot = `import(${JSON.stringify(tsx)}).then((t) => t.register()).then(() => import(${JSON.stringify(entry)}))`
  return new Worker(boot, { ...options, eval: true })
}
