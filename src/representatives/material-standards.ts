// Material standards (材料标准): what each kind of representative must provide, kept as data in
// standards/material-standards.json (or GRAYLINE_MATERIAL_STANDARDS) and validated at load.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { attachmentKinds } from '../contract/index.js'

const bilingual = z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) })

const itemSchema = z.strictObject({
  item: z.string().regex(/^[a-z0-9_]+$/),
  label: bilingual,
  /** Attachment kinds of a contact that can stand for this item; empty: it must be submitted as such. */
  attachment_kinds: z.array(z.enum(attachmentKinds)),
})

export const materialStandardsSchema = z.strictObject({
  version: z.number().int().positive(),
  kinds: z.strictObject({
    lawyer: z.strictObject({ label: bilingual, items: z.array(itemSchema).min(1) }),
    relative: z.strictObject({ label: bilingual, items: z.array(itemSchema).min(1) }),
    other_agent: z.strictObject({ label: bilingual, items: z.array(itemSchema).min(1) }),
  }),
})
export type MaterialStandards = z.infer<typeof materialStandardsSchema>
export type MaterialItem = z.infer<typeof itemSchema>

export const DEFAULT_STANDARDS_PATH = fileURLToPath(
  new URL('../../standards/material-standards.json', import.meta.url),
)

export function loadMaterialStandards(path = DEFAULT_STANDARDS_PATH): MaterialStandards {
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'))
  } catch (e) {
    throw new Error(
      `cannot read the material standards at ${path}: ${e instanceof Error ? e.message : String(e)}`,
    )
  }
  const parsed = materialStandardsSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(`${path}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`)
  }
  return parsed.data
}
