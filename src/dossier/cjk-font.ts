// The dossier's font: Noto Sans SC (SIL Open Font License 1.1) from the @expo-google-fonts npm
// package, embedded (subset) in every PDF, so no system font is needed to make or read one.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

const files = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const

const loaded = new Map<string, Buffer>()

/** The font file's bytes, read once per process (10 MB each; the PDF keeps only the glyphs used). */
export function cjkFont(weight: keyof typeof files): Buffer {
  let font = loaded.get(weight)
  if (!font) loaded.set(weight, (font = readFileSync(require.resolve(files[weight]))))
  return font
}
