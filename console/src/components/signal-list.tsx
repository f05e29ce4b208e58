// Every signal behind an assessment, in the reader's language, with its evidence: contacts open
// their detail page, identifiers open the workbench filtered by that identifier.
import { Empty, Tag } from 'antd'
import { Link } from 'react-router-dom'
import type { EvidenceRef, Signal } from '../api/types'
import { shortId } from '../format'
import { useI18n } from '../i18n/i18n'

export function SignalList({ signals }: { signals: Signal[] }) {
  const { t, pick, label } = useI18n()
  if (!signals.length)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contact.noSignals')} />
  return (
    <div>
      {signals.map((s, i) => (
        <div className="signal" key={`${s.code}-${i}`}>
          <div className="signal-head">
            <span className="signal-name">{label('signal', s.code)}</span>
            <span className="mono muted">{s.code}</span>
            <span className="muted small">{t('contact.weight', { w: s.weight.toFixed(2) })}</span>
          </div>
          <div>{pick(s.explanation)}</div>
          {s.evidence.length > 0 && (
            <div className="signal-evidence">
              {s.evidence.map((e, j) => (
                <EvidenceLink key={`${e.kind}-${e.id}-${j}`} evidence={e} />
              ))}
            </div>
          )}
        </div>
      ))}
    </div>
  )
}

function EvidenceLink({ evidence: e }: { evidence: EvidenceRef }) {
  const { label } = useI18n()
  const text = (
    <span title={e.id}>
      <span className="muted">{label('evidence', e.kind)} </span>
      <span className="mono">{shortId(e.id)}</span>
      {e.note && <span className="muted"> · {e.note}</span>}
    </span>
  )
  const to =
    e.kind === 'contact'
      ? `/contacts/${encodeURIComponent(e.id)}`
      : e.kind === 'identifier'
        ? `/workbench?identifier=${encodeURIComponent(e.ref ?? e.id)}`
        : e.kind === 'gang'
          ? `/workbench?gang_id=${encodeURIComponent(e.id)}`
          : e.kind === 'customer'
            ? `/workbench?customer_id=${encodeURIComponent(e.id)}`
            : null
  return <Tag>{to ? <Link to={to}>{text}</Link> : text}</Tag>
}
