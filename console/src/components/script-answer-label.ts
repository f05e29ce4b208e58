// How an answer value reads to people: a choice's own label, 是/否 for yes/no, the value otherwise.
import type { ScriptStep } from '../api/types'
import type { I18n } from '../i18n/i18n'

export function answerLabel(
  step: ScriptStep | undefined,
  value: string,
  i18n: Pick<I18n, 't' | 'pick'>,
): string {
  if (step?.answer.type === 'yes_no' && (value === 'yes' || value === 'no'))
    return i18n.t(value === 'yes' ? 'call.yes' : 'call.no')
  const option = step?.answer.options?.find((o) => o.value === value)
  return option ? i18n.pick(option.label) : value
}
