// A representative's status as a tag: pending, verified, rejected, expired.
import { Tag } from 'antd'
import { useI18n } from '../i18n/i18n'

const COLOUR: Record<string, string | undefined> = {
  pending: 'gold',
  verified: 'green',
  rejected: 'red',
  expired: 'default',
}

export function RepresentativeStatusTag({ status }: { status: string }) {
  const { label } = useI18n()
  return <Tag color={COLOUR[status]}>{label('repStatus', status)}</Tag>
}
