// API 令牌 (admin only): the bearer tokens integrations such as the CTI use. A new token is shown
// once, in the dialog that created it; the server keeps only its hash.
import { PlusOutlined } from '@ant-design/icons'
import {
  Alert,
  Button,
  DatePicker,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd'
import type { TableColumnsType } from 'antd'
import type { Dayjs } from 'dayjs'
import { useState } from 'react'
import { api } from '../../api/client'
import { itemsOf, roles } from '../../api/types'
import type { ApiToken, ItemList, Role } from '../../api/types'
import { ErrorView } from '../../components/error-view'
import { useApi } from '../../hooks/use-api'
import { useReportError } from '../../hooks/use-report-error'
import { formatTime } from '../../format'
import { useI18n } from '../../i18n/i18n'

export default function TokensPage() {
  const { t } = useI18n()
  const reportError = useReportError()
  const tokens = useApi<ItemList<ApiToken>>('/tokens')
  const [creating, setCreating] = useState(false)

  const revoke = async (token: ApiToken) => {
    try {
      await api(`/tokens/${encodeURIComponent(token.token_id)}`, { method: 'DELETE' })
      tokens.reload()
    } catch (e) {
      reportError(e)
    }
  }

  const columns: TableColumnsType<ApiToken> = [
    { title: t('tokens.name'), dataIndex: 'name' },
    { title: t('tokens.role'), dataIndex: 'role', width: 130, render: (v: Role) => t(`role.${v}`) },
    {
      title: t('col.status'),
      key: 'status',
      width: 90,
      render: (_: unknown, r) => <TokenStatus token={r} />,
    },
    { title: t('tokens.createdBy'), dataIndex: 'created_by', width: 110 },
    { title: t('tokens.createdAt'), dataIndex: 'created_at', width: 140, render: formatTime },
    {
      title: t('tokens.expiresAt'),
      dataIndex: 'expires_at',
      width: 140,
      render: (v: string | null) => (v ? formatTime(v) : t('tokens.never')),
    },
    { title: t('tokens.lastUsed'), dataIndex: 'last_used_at', width: 140, render: formatTime },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_: unknown, r) =>
        r.revoked_at ? null : (
          <Popconfirm
            title={t('tokens.confirmRevoke')}
            okText={t('common.ok')}
            cancelText={t('common.cancel')}
            onConfirm={() => void revoke(r)}
          >
            <Button size="small" type="link" danger>
              {t('tokens.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ]

  return (
    <div className="page">
      <div className="page-head">
        <Typography.Title level={4} className="page-title">
          {t('tokens.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('tokens.create')}
        </Button>
      </div>
      {tokens.error !== undefined && <ErrorView error={tokens.error} onRetry={tokens.reload} />}
      <Table<ApiToken>
        size="small"
        rowKey="token_id"
        columns={columns}
        dataSource={itemsOf(tokens.data)}
        loading={tokens.loading}
        pagination={false}
      />
      <CreateTokenDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={tokens.reload}
      />
    </div>
  )
}

function TokenStatus({ token }: { token: ApiToken }) {
  const { t } = useI18n()
  if (token.revoked_at) return <Tag>{t('tokens.revoked')}</Tag>
  if (token.expires_at && new Date(token.expires_at) <= new Date())
    return <Tag>{t('tokens.expired')}</Tag>
  return <Tag color="green">{t('tokens.active')}</Tag>
}

type Fields = { name: string; role: Role; expires_at?: Dayjs | null }

function CreateTokenDialog(props: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const { t } = useI18n()
  const reportError = useReportError()
  const [form] = Form.useForm<Fields>()
  const [busy, setBusy] = useState(false)
  const [secret, setSecret] = useState<string | null>(null)

  const submit = async (v: Fields) => {
    setBusy(true)
    try {
      const body = {
        name: v.name.trim(),
        role: v.role,
        expires_at: v.expires_at?.endOf('day').toISOString(),
      }
      const created = await api<ApiToken & { token: string }>('/tokens', { body })
      setSecret(created.token)
      props.onCreated()
    } catch (e) {
      reportError(e)
    } finally {
      setBusy(false)
    }
  }
  const close = () => {
    setSecret(null)
    form.resetFields()
    props.onClose()
  }

  return (
    <Modal
      open={props.open}
      title={secret ? t('tokens.newToken') : t('tokens.create')}
      okText={secret ? t('common.close') : t('common.create')}
      cancelText={t('common.cancel')}
      cancelButtonProps={secret ? { style: { display: 'none' } } : undefined}
      confirmLoading={busy}
      onOk={() => (secret ? close() : form.submit())}
      onCancel={close}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {secret ? (
        <>
          <Alert type="warning" showIcon title={t('tokens.shownOnce')} className="dialog-note" />
          <Typography.Paragraph copyable={{ text: secret }} className="mono token-once">
            {secret}
          </Typography.Paragraph>
        </>
      ) : (
        <Form<Fields>
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v)}
          initialValues={{ role: 'agent' }}
        >
          <Form.Item
            name="name"
            label={t('tokens.name')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.required', { field: t('tokens.name') }),
              },
            ]}
          >
            <Input maxLength={100} placeholder={t('tokens.namePlaceholder')} />
          </Form.Item>
          <Form.Item name="role" label={t('tokens.role')}>
            <Select options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
          </Form.Item>
          <Form.Item name="expires_at" label={t('tokens.expiresAt')}>
            <DatePicker placeholder={t('tokens.never')} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  )
}
