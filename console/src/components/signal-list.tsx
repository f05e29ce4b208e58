// Every signal behind an assessment, in the reader's language, with its evidence: contacts open
// their detail page, identifiers open the workbench filtered by that identifier.
import { Empty, Tag } from 'antd'
import { Link } from 'react-router-dom'
import type { EvidenceRef, Signal } from '../api/types'
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
    <>
      <span className="muted">{label('evidence', e.kind)} </span>
      <span className="mono">{e.id}</span>
      {e.note && <span className="muted"> · {e.note}</span>}
    </>
  )
  if (e.kind === 'contact')
    return (
      <Tag>
        <Link to={`/contacts/${encodeURIComponent(e.id)}`}>{text}</Link>
      </Tag>
    )
  if (e.kind === 'identifier')
    return (
      <Tag>
        <Link to={`/workbench?identifier=${encodeURIComponent(e.ref ?? e.id)}`}>{text}</Link>
      </Tag>
    )
  return <Tag>{text}</Tag>
}
