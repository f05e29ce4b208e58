// What the complainant wrote or said. A call transcript also holds the lender's own agent lines —
// the same greeting and identity check in every call — which would make every transcript look like
// a template; only the caller's side is compared.
const AGENT_SPEAKER =
  /^\s*(坐席|客服|客服人员|工作人员|接线员|专员|人工客服|agent|operator)\s*[:：]/i
const OTHER_SPEAKER = /^\s*[^\s:：]{1,8}\s*[:：]\s*/

export function complainantText(text: string): string {
  if (!text.includes('\n') || !/[:：]/.test(text)) return text
  const lines = text.split('\n')
  const speakerLines = lines.filter((l) => OTHER_SPEAKER.test(l)).length
  // Only a transcript (most lines carry a speaker label) is split; a letter with a "标题：" line is not.
  if (speakerLines < Math.max(2, lines.length / 2)) return text
  return lines
    .filter((l) => !AGENT_SPEAKER.test(l))
    .map((l) => l.replace(OTHER_SPEAKER, ''))
    .join('\n')
}
