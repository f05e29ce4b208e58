// A record shown as indented JSON: the unmasked record, an audit entry's detail, a rule.
export function JsonView({ value }: { value: unknown }) {
  const text = typeof value === 'string' ? tryPretty(value) : JSON.stringify(value, null, 2)
  return <pre className="raw-json">{text}</pre>
}

function tryPretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return text
  }
}
