// The indicator-sharing strings in English; the same keys as sharing-zh-cn.ts.
import type { sharingZhCN } from './sharing-zh-cn'

export const sharingEn: Record<keyof typeof sharingZhCN, string> = {
  'signal.shared_indicator': 'Shared indicator from other institutions',
}
