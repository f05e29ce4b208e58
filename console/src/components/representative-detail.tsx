// One representative: who, for which customer, the checklist for their kind with each item present,
// missing or suspicious (the same file submitted for other customers), the materials, the reviews,
// and — for reviewers — a review with a reason. Verifying needs a complete, unsuspicious set; the
// server says so when it is not.
import { Alert, App, Button, Card, Descriptions, Form, Input, Radio, Space, Table, Tag } from 'antd'
import { useState } from 'react'
import { api } from '../api/client'
import type { ItemCheck, RepresentativeView } from '../api/response-types'
import { useAuth } from '../auth/auth'
import { formatTime } from '../format'
import { useReportError } from '../hooks/use-report-error'
import { useI18n } from '../i18n/i18n'
import { RepresentativeStatusTag } from './representative-status-tag'

const ITEM_COLOUR = { present: 'green', missing: 'default', suspicious: 'red' } as const

export function RepresentativeDetail({
  rep,
  onReviewed,
}: {
  rep: RepresentativeView
  onReviewed: (r: RepresentativeView) => void
}) {
  const { t, label } = useI18n()
  const { can } = useAuth()
  return (
    <Space orientation="vertical" size="middle" className="full-width">
      <Descriptions
        size="small"
        column={2}
        items={[
          { key: 'n', label: t('reps.name'), children: rep.name },
          { key: 'k', label: t('reps.kind'), children: label('repKind', rep.kind) },
          { key: 'c', label: t('verify.customer'), children: rep.customer_id },
          {
            key: 'p',
            label: t('reps.phone'),
            children: (
              <span className="mono">{rep.phone_identifier?.replace(/^phone:/, '') ?? '—'}</span>
            ),
          },
          { key: 'o', label: t('reps.organization'), children: rep.organization ?? '—' },
          {
            key: 's',
            label: t('verify.status'),
            children: <RepresentativeStatusTag status={rep.status} />,
          },
          {
            key: 'u',
            label: t('reps.until'),
            children: rep.authorised_until ? formatTime(rep.authorised_until) : '—',
          },
          {
            key: 'r',
            label: t('reps.reviewedBy'),
            children: rep.reviewed_by ? `${rep.reviewed_by} · ${rep.status_reason ?? ''}` : '—',
          },
        ]}
      />
      <Card size="small" title={t('reps.checklist', { kind: label('repKind', rep.kind) })}>
        {rep.check.complete ? (
          <Alert type="success" showIcon title={t('reps.complete')} className="dialog-note" />
        ) : (
          <Alert type="warning" showIcon title={t('reps.incomplete')} className="dialog-note" />
        )}
        <ChecklistTable items={rep.check.items} />
      </Card>
      {rep.reviews.length > 0 && (
        <Card size="small" title={t('reps.reviews')}>
          {rep.reviews.map((r, i) => (
            <div key={`${r.reviewed_at}-${i}`} className="rep-review">
              <RepresentativeStatusTag status={r.status} /> {r.reason}
              <div className="muted small">{`${r.reviewed_by} · ${formatTime(r.reviewed_at)}`}</div>
            </div>
          ))}
        </Card>
      )}
      {can('representatives:review') && <ReviewForm rep={rep} onReviewed={onReviewed} />}
    </Space>
  )
}

function ChecklistTable({ items }: { items: ItemCheck[] }) {
  const { t, pick } = useI18n()
  return (
    <Table<ItemCheck>
      size="small"
      rowKey="item"
      pagination={false}
      dataSource={items}
      className="rep-checklist"
      columns={[
        { title: t('reps.item'), key: 'label', render: (_: unknown, i) => pick(i.label) },
        {
          title: t('verify.status'),
          dataIndex: 'status',
          render: (v: ItemCheck['status']) => <Tag color={ITEM_COLOUR[v]}>{t(`repItem.${v}`)}</Tag>,
        },
        {
          title: t('reps.files'),
          dataIndex: 'files',
          render: (files: string[]) =>
            files.map((f) => (
              <div key={f} className="mono small">
                {f.slice(0, 12)}…
              </div>
            )),
        },
      ]}
    />
  )
}

type ReviewFields = { status: 'verified' | 'rejected' | 'expired'; reason: string }

function ReviewForm({
  rep,
  onReviewed,
}: {
  rep: RepresentativeView
  onReviewed: (r: RepresentativeView) => void
}) {
  const { t, label } = useI18n()
  const { message } = App.useApp()
  const reportError = useReportError()
  const [form] = Form.useForm<ReviewFields>()
  const [busy, setBusy] = useState(false)
  const submit = async (body: ReviewFields) => {
    setBusy(true)
    try {
      const r = await api<RepresentativeView>(`/representatives/${rep.representative_id}/review`, {
        body,
      })
      void message.success(t('reps.reviewed'))
      form.resetFields()
      onReviewed(r)
    } catch (e) {
      reportError(e)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Card size="small" title={t('reps.review')}>
      <Form<ReviewFields> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="status"
          label={t('reps.decision')}
          rules={[{ required: true, message: t('common.required', { field: t('reps.decision') }) }]}
        >
          <Radio.Group
            optionType="button"
            options={(['verified', 'rejected', 'expired'] as const).map((s) => ({
              value: s,
              label: label('repStatus', s),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('reps.reason')}
          rules={[{ required: true, min: 2, message: t('reps.sayWhy') }]}
        >
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('reps.submitReview')}
        </Button>
      </Form>
    </Card>
  )
}
