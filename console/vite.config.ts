// The operator console: built into dist/console, which the API server serves beside /api.
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const consoleDir = fileURLToPath(new URL('.', import.meta.url))
const repoRoot = fileURLToPath(new URL('..', import.meta.url))
// `npm start` listens on 3000; GRAYLINE_API points the dev server at another one.
const apiTarget = process.env.GRAYLINE_API ?? 'http://127.0.0.1:3000'

export default defineConfig({
  root: consoleDir,
  base: '/',
  plugins: [react()],
  build: {
    outDir: `${repoRoot}dist/console`,
    emptyOutDir: true,
    // antd alone is ~1 MB minified; the warning would fire on every build without telling anything.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: { '/api': apiTarget },
  },
})
