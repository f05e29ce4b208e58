// The indicator-sharing strings in Simplified Chinese (行业协同); merged into zh-cn.ts.
// sharing-en.ts carries the same keys.
export const sharingZhCN = {
  'signal.shared_indicator': '命中行业共享标识',
} as const
