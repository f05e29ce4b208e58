// The customer on file for a contact (masked): name, phone, ID number and the loan's state.
import { Card, Descriptions } from 'antd'
import type { ContactDetail } from '../api/types'
import { formatNumber } from '../format'
import { useI18n } from '../i18n/i18n'

export function CustomerCard({ customer: c }: { customer: ContactDetail['customer'] }) {
  const { t, label } = useI18n()
  if (!c) return null
  const loan = c.loan
  const loanText = loan
    ? [
        label('loan', loan.status),
        loan.overdue_days ? t('contact.overdueDays', { n: loan.overdue_days }) : null,
        loan.outstanding != null
          ? t('contact.outstanding', { n: formatNumber(loan.outstanding) })
          : null,
      ]
        .filter(Boolean)
        .join(' · ')
    : '—'
  const items = [
    {
      key: 'id',
      label: t('contact.customer'),
      children: <span className="mono">{c.customer_id}</span>,
    },
    { key: 'name', label: t('contact.name'), children: c.name ?? '—' },
    {
      key: 'phone',
      label: t('contact.phone'),
      children: <span className="mono">{c.phone ?? '—'}</span>,
    },
    {
      key: 'idn',
      label: t('contact.idNumber'),
      children: <span className="mono">{c.id_number ?? '—'}</span>,
    },
    { key: 'loan', label: t('contact.loan'), children: loanText },
  ]
  return (
    <Card size="small" title={t('contact.customerInfo')} className="section">
      <Descriptions size="small" column={1} items={items} />
    </Card>
  )
}
