// The contact as received (masked): who, when, through which channel, what was asked, the text.
import { Descriptions, Empty, Tag } from 'antd'
import type { ContactRecord, Party } from '../api/types'
import { formatTime } from '../format'
import { useI18n } from '../i18n/i18n'

function partyText(p: Party, roleLabel: (code: string) => string): string {
  return [
    p.name,
    p.phone,
    p.wechat,
    p.email,
    p.organization,
    p.role && roleLabel(p.role),
    p.relation_claimed,
  ]
    .filter(Boolean)
    .join(' · ')
}

export function ContactRecordView({ contact: c }: { contact: ContactRecord }) {
  const { t, label, lang } = useI18n()
  const role = (code: string) => label('partyRole', code)
  const claimed = c.claimed ? [c.claimed.name, c.claimed.phone, c.claimed.id_number] : []
  const items = [
    { key: 'at', label: t('contact.receivedAt'), children: formatTime(c.received_at) },
    { key: 'channel', label: t('contact.channel'), children: label('channel', c.channel) },
    { key: 'source', label: t('contact.source'), children: c.source ?? '—' },
    { key: 'customer', label: t('contact.customer'), children: c.customer_id ?? '—' },
    {
      key: 'caller',
      label: t('contact.caller'),
      children: c.caller ? partyText(c.caller, role) || '—' : '—',
    },
    {
      key: 'claimed',
      label: t('contact.claimed'),
      children: claimed.filter(Boolean).join(' · ') || '—',
    },
    ...(c.participants?.length
      ? [
          {
            key: 'participants',
            label: t('contact.participants'),
            span: 2,
            children: c.participants
              .map((p) => partyText(p, role))
              .join(lang === 'en' ? '; ' : '；'),
          },
        ]
      : []),
    ...(c.demands?.length
      ? [
          {
            key: 'demands',
            label: t('contact.demands'),
            span: 2,
            children: c.demands.map((d) => <Tag key={d}>{d}</Tag>),
          },
        ]
      : []),
    ...(c.regulator_ref
      ? [{ key: 'reg', label: t('contact.regulatorRef'), children: c.regulator_ref }]
      : []),
  ]
  return (
    <>
      <Descriptions size="small" column={2} items={items} />
      <div className="contact-text-label muted small">{t('contact.text')}</div>
      {c.text ? (
        <p className="contact-text">{c.text}</p>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contact.noText')} />
      )}
    </>
  )
}
