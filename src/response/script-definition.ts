// A call script (话术流程) as data: a graph of steps. Each step is what the agent says, the answer it
// expects and where each answer leads — another step, or an outcome that ends the call. Answers can
// carry a signal for detection; no outcome refuses or closes a complaint.
import { z } from 'zod'

export const bilingual = z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) })
export type Bilingual = z.infer<typeof bilingual>

export const answerTypes = ['none', 'choice', 'yes_no', 'text', 'number'] as const
export type AnswerType = (typeof answerTypes)[number]

/** What an answer may tell detection; each is a signal module in src/detect/signals/response-findings.ts. */
export const answerSignals = [
  'caller_cannot_name_loan',
  'refuses_materials',
  'customer_will_not_speak',
] as const
export type AnswerSignal = (typeof answerSignals)[number]

/**
 * How a call ends. Every outcome records the complaint: there is no "refused" or "closed". `verify`
 * outcomes create a verification task with the customer through a registered channel.
 */
export const callOutcomes = {
  complaint_accepted: { verify: false },
  verify_with_customer: { verify: true },
  materials_requested: { verify: true },
  customer_on_line: { verify: false },
  merged_with_open_complaint: { verify: false },
  victim_support_given: { verify: false },
} as const
export type CallOutcome = keyof typeof callOutcomes
export const callOutcomeCodes = Object.keys(callOutcomes) as [CallOutcome, ...CallOutcome[]]

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/, { message: 'lower-case letters, digits, - and _' })

const branchWhen = z.strictObject({
  /** choice, yes_no ('yes' | 'no'): the answer is one of these values. */
  in: z.array(z.string().min(1)).min(1).optional(),
  /** number: the answer lies in [min, max]. */
  min: z.number().optional(),
  max: z.number().optional(),
})

export const branchSchema = z
  .strictObject({
    /** No `when`: the default for every answer no earlier branch took. */
    when: branchWhen.optional(),
    next: id.optional(),
    outcome: z.enum(callOutcomeCodes).optional(),
    signal: z.enum(answerSignals).optional(),
  })
  .refine((b) => Boolean(b.next) !== Boolean(b.outcome), {
    message: 'a branch leads to exactly one of next or outcome',
  })
export type Branch = z.infer<typeof branchSchema>

export const stepSchema = z.strictObject({
  id,
  say: bilingual,
  /** A hint for the agent, not read out. */
  note: bilingual.optional(),
  answer: z.strictObject({
    type: z.enum(answerTypes),
    options: z.array(z.strictObject({ value: id, label: bilingual })).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    max_length: z.number().int().positive().max(2000).optional(),
  }),
  branches: z.array(branchSchema).min(1),
})
export type Step = z.infer<typeof stepSchema>

export const callScriptSchema = z.strictObject({
  id,
  /** Raised on every change: a call started on one version finishes on it. */
  version: z.number().int().positive(),
  title: bilingual,
  description: bilingual.optional(),
  start: id,
  steps: z.array(stepSchema).min(1),
})
export type CallScript = z.infer<typeof callScriptSchema>

export const scriptFileSchema = z.strictObject({
  format: z.literal(2),
  scripts: z.array(callScriptSchema).min(1),
})
