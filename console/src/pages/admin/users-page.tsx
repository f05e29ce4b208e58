// 用户 (admin only): who may sign in and with which role. Changing a role, disabling and resetting
// a password (which also unlocks) take effect at once on the server.
import { PlusOutlined } from '@ant-design/icons'
import {
  App,
  Button,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd'
import type { TableColumnsType } from 'antd'
import { useState } from 'react'
import { api } from '../../api/client'
import { itemsOf, roles } from '../../api/types'
import type { ItemList, Role, User } from '../../api/types'
import { ErrorView } from '../../components/error-view'
import { useApi } from '../../hooks/use-api'
import { useReportError } from '../../hooks/use-report-error'
import { formatTime } from '../../format'
import { useI18n } from '../../i18n/i18n'

type Patch = Partial<{ role: Role; disabled: boolean; password: string }>

export default function UsersPage() {
  const { t } = useI18n()
  const { message } = App.useApp()
  const reportError = useReportError()
  const users = useApi<ItemList<User>>('/users')
  const [creating, setCreating] = useState(false)
  const [resetting, setResetting] = useState<User | null>(null)

  const patch = async (user: User, body: Patch) => {
    try {
      await api(`/users/${encodeURIComponent(user.user_id)}`, { method: 'PATCH', body })
      void message.success(t('common.saved'))
      users.reload()
      return true
    } catch (e) {
      reportError(e)
      return false
    }
  }

  const roleOptions = roles.map((r) => ({ value: r, label: t(`role.${r}`) }))
  const columns: TableColumnsType<User> = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      render: (v: string) => <span className="mono">{v}</span>,
    },
    { title: t('users.displayName'), dataIndex: 'display_name' },
    {
      title: t('users.role'),
      dataIndex: 'role',
      width: 170,
      render: (v: Role, u) => (
        <Select
          size="small"
          value={v}
          options={roleOptions}
          className="full-width"
          aria-label={t('users.role')}
          onChange={(role) => void patch(u, { role })}
        />
      ),
    },
    {
      title: t('users.status'),
      key: 'status',
      width: 200,
      render: (_: unknown, u) => <UserStatus user={u} />,
    },
    { title: t('users.lastLogin'), dataIndex: 'last_login_at', width: 140, render: formatTime },
    { title: t('users.createdAt'), dataIndex: 'created_at', width: 140, render: formatTime },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 180,
      render: (_: unknown, u) => (
        <Space size={0}>
          {u.disabled ? (
            <Button size="small" type="link" onClick={() => void patch(u, { disabled: false })}>
              {t('users.enable')}
            </Button>
          ) : (
            <Popconfirm
              title={t('users.confirmDisable', { name: u.display_name })}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() => void patch(u, { disabled: true })}
            >
              <Button size="small" type="link" danger>
                {t('users.disable')}
              </Button>
            </Popconfirm>
          )}
          <Button size="small" type="link" onClick={() => setResetting(u)}>
            {t('users.resetPassword')}
          </Button>
        </Space>
      ),
    },
  ]

  return (
    <div className="page">
      <div className="page-head">
        <Typography.Title level={4} className="page-title">
          {t('users.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('users.create')}
        </Button>
      </div>
      {users.error !== undefined && <ErrorView error={users.error} onRetry={users.reload} />}
      <Table<User>
        size="small"
        rowKey="user_id"
        columns={columns}
        dataSource={itemsOf(users.data)}
        loading={users.loading}
        pagination={false}
      />
      <CreateUserDialog
        open={creating}
        onClose={() => setCreating(false)}
        onDone={() => {
          setCreating(false)
          users.reload()
        }}
      />
      <PasswordDialog
        user={resetting}
        onClose={() => setResetting(null)}
        onSave={async (password) => {
          if (resetting && (await patch(resetting, { password }))) setResetting(null)
        }}
      />
    </div>
  )
}

function UserStatus({ user: u }: { user: User }) {
  const { t } = useI18n()
  if (u.disabled) return <Tag>{t('users.disabled')}</Tag>
  if (u.locked_until && new Date(u.locked_until) > new Date())
    return <Tag color="red">{t('users.lockedUntil', { time: formatTime(u.locked_until) })}</Tag>
  return <Tag color="green">{t('users.active')}</Tag>
}

type NewUser = { username: string; display_name: string; role: Role; password: string }

function CreateUserDialog(props: { open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n()
  const reportError = useReportError()
  const [form] = Form.useForm<NewUser>()
  const [busy, setBusy] = useState(false)
  const required = (field: string) => [
    { required: true, whitespace: true, message: t('common.required', { field }) },
  ]

  const submit = async (v: NewUser) => {
    setBusy(true)
    try {
      await api('/users', { body: v })
      form.resetFields()
      props.onDone()
    } catch (e) {
      reportError(e)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Modal
      open={props.open}
      title={t('users.create')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form<NewUser>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ role: 'agent' }}
      >
        <Form.Item
          name="username"
          label={t('users.username')}
          rules={required(t('users.username'))}
        >
          <Input autoComplete="off" maxLength={64} />
        </Form.Item>
        <Form.Item
          name="display_name"
          label={t('users.displayName')}
          rules={required(t('users.displayName'))}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')} rules={required(t('users.role'))}>
          <Select options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('users.password')}
          rules={[...required(t('users.password')), { min: 8, message: t('users.passwordRule') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  )
}

type PasswordProps = {
  user: User | null
  onClose: () => void
  onSave: (password: string) => Promise<void>
}

function PasswordDialog({ user, onClose, onSave }: PasswordProps) {
  const { t } = useI18n()
  const [form] = Form.useForm<{ password: string }>()
  const [busy, setBusy] = useState(false)
  return (
    <Modal
      open={user !== null}
      title={`${t('users.resetPassword')} · ${user?.display_name ?? ''}`}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('users.resetHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => {
          setBusy(true)
          void onSave(v.password).finally(() => setBusy(false))
        }}
      >
        <Form.Item
          name="password"
          label={t('users.newPassword')}
          rules={[
            { required: true, message: t('common.required', { field: t('users.newPassword') }) },
            { min: 8, message: t('users.passwordRule') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
