// Voice matches on the contact page: what the caller's voice matched, each with its score against
// the calibrated threshold and the explanation the signal gives; for roles that may listen, a play
// control per segment of the recording behind the match (the server audits every play).
import { SoundOutlined } from '@ant-design/icons'
import { Button, Card, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router-dom'
import type { VoiceMatch, VoiceMatches as Matches, VoiceSegment } from '../api/voice-types'
import { useAuth } from '../auth/auth'
import { shortId } from '../format'
import { useApi } from '../hooks/use-api'
import { useI18n } from '../i18n/i18n'
import { ErrorView } from './error-view'

export function VoiceMatches({ contactId }: { contactId: string }) {
  const { can } = useAuth()
  return can('voice:read') ? <VoiceMatchesCard contactId={contactId} /> : null
}

function VoiceMatchesCard({ contactId }: { contactId: string }) {
  const { t } = useI18n()
  const matches = useApi<Matches>(`/contacts/${encodeURIComponent(contactId)}/voice`)
  if (matches.error !== undefined)
    return (
      <Card size="small" title={t('voice.title')} className="section">
        <ErrorView error={matches.error} onRetry={matches.reload} />
      </Card>
    )
  // Most contacts are not calls with a kept voice: no empty card for them.
  if (!matches.data?.items.length) return null
  return (
    <Card size="small" title={t('voice.title')} className="section voice-matches">
      {matches.data.items.map((m) => (
        <MatchRow
          key={m.finding_id}
          contactId={contactId}
          match={m}
          playback={matches.data?.playback ?? false}
        />
      ))}
      <Typography.Text type="secondary" className="small">
        {t('voice.reviewNote')}
      </Typography.Text>
    </Card>
  )
}

type RowProps = { contactId: string; match: VoiceMatch; playback: boolean }

function MatchRow({ contactId, match: m, playback }: RowProps) {
  const { t, pick, label } = useI18n()
  const [playing, setPlaying] = useState<number | null>(null)
  const above = m.score >= m.threshold
  const src = (n: number) =>
    `/api/contacts/${encodeURIComponent(contactId)}/voice/${encodeURIComponent(m.finding_id)}/segments/${n}`
  return (
    <div className="signal" data-testid={`voice-match-${m.code}`}>
      <div className="signal-head">
        <span className="signal-name">{label('signal', m.code)}</span>
        <Tag color={above ? 'red' : 'orange'}>
          {t('voice.score', { score: m.score.toFixed(2), threshold: m.threshold.toFixed(2) })}
        </Tag>
        <span className="muted small mono">{m.model}</span>
      </div>
      {m.explanation && <div>{pick(m.explanation)}</div>}
      <Space size={[8, 4]} wrap className="signal-evidence">
        {m.matched.map((x) => (
          <Matched key={`${x.kind}-${x.id}`} kind={x.kind} id={x.id} label={x.label} />
        ))}
      </Space>
      {m.segments.length > 0 && (
        <Space size={[6, 4]} wrap>
          <span className="muted small">{t('voice.segments')}</span>
          {m.segments.map((s, n) => (
            <SegmentButton key={n} segment={s} playback={playback} onPlay={() => setPlaying(n)} />
          ))}
        </Space>
      )}
      {playing !== null && (
        <audio
          controls
          autoPlay
          src={src(playing)}
          aria-label={t('voice.player')}
          style={{ display: 'block', marginTop: 6, height: 32 }}
        />
      )}
    </div>
  )
}

function Matched({ kind, id, label }: { kind: string; id: string; label?: string }) {
  const { t } = useI18n()
  if (kind === 'contact')
    return <Link to={`/contacts/${encodeURIComponent(id)}`}>{shortId(id)}</Link>
  const name = kind === 'agent_voice' ? t('voice.agentVoice') : t('voice.customer')
  return (
    <span className="muted" title={id}>
      {name} <span className="mono">{label ?? shortId(id)}</span>
    </span>
  )
}

type SegmentProps = { segment: VoiceSegment; playback: boolean; onPlay: () => void }

function SegmentButton({ segment: s, playback, onPlay }: SegmentProps) {
  const { t } = useI18n()
  const span = t('voice.span', { from: s.start_seconds.toFixed(1), to: s.end_seconds.toFixed(1) })
  if (!playback) return <Tag>{span}</Tag>
  return (
    <Button
      size="small"
      icon={<SoundOutlined />}
      onClick={onPlay}
      aria-label={t('voice.play', { span })}
    >
      {span}
    </Button>
  )
}
