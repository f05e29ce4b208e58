// A typed filter bound to one URL parameter: applies on Enter, on the search icon and on clear,
// and follows the URL when it changes from outside (a link, "clear filters").
import { Input } from 'antd'
import { useEffect, useState } from 'react'

type Props = { value: string | null; label: string; onApply: (v: string | null) => void }

export function TextFilter({ value, label, onApply }: Props) {
  const [text, setText] = useState(value ?? '')
  useEffect(() => setText(value ?? ''), [value])
  return (
    <Input.Search
      allowClear
      placeholder={label}
      aria-label={label}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={(v) => {
        const next = v.trim() || null
        if (next !== value) onApply(next)
      }}
    />
  )
}
