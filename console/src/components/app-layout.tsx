// The frame around every signed-in page: the menu (only what the role may use), and a header
// with the user's name and role, the language switch and logout.
import {
  AlertOutlined,
  DashboardOutlined,
  LogoutOutlined,
  PhoneOutlined,
  SettingOutlined,
  TableOutlined,
  TranslationOutlined,
} from '@ant-design/icons'
import { Button, Layout, Menu, Space, Spin, Tag, Tooltip } from 'antd'
import type { MenuProps } from 'antd'
import { Suspense } from 'react'
import type { ReactNode } from 'react'
import { Outlet, useLocation, useNavigate } from 'react-router-dom'
import { useAuth } from '../auth/auth'
import { useI18n } from '../i18n/i18n'
import { adminNav, mainNav } from '../nav'

const icons: Record<string, ReactNode> = {
  '/screen': <AlertOutlined />,
  '/workbench': <TableOutlined />,
  '/verification': <PhoneOutlined />,
  '/dashboard': <DashboardOutlined />,
}

export function AppLayout() {
  const { me, can, logout } = useAuth()
  const { t, lang, setLang } = useI18n()
  const navigate = useNavigate()
  const { pathname } = useLocation()

  const admin = adminNav.filter((n) => can(n.permission))
  const items: MenuProps['items'] = [
    ...mainNav
      .filter((n) => can(n.permission))
      .map((n) => ({ key: n.path, icon: icons[n.path], label: t(n.label) })),
    ...(admin.length
      ? [
          {
            key: 'admin',
            icon: <SettingOutlined />,
            label: t('nav.admin'),
            children: admin.map((n) => ({ key: n.path, label: t(n.label) })),
          },
        ]
      : []),
  ]
  // A contact's detail page belongs to the workbench in the menu.
  const selected = pathname.startsWith('/contacts/') ? '/workbench' : pathname

  return (
    <Layout className="app-shell">
      <Layout.Sider width={200} theme="light" className="app-sider">
        <div className="brand">
          <span className="brand-mark">G</span>
          <span>
            <div className="brand-name">{t('app.name')}</div>
            <div className="brand-tagline">{t('app.tagline')}</div>
          </span>
        </div>
        <Menu
          mode="inline"
          items={items}
          selectedKeys={[selected]}
          defaultOpenKeys={['admin']}
          onClick={({ key }) => void navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <Space size="middle">
            <span className="user-name">{me?.user.display_name}</span>
            {me && <Tag color="blue">{t(`role.${me.user.role}`)}</Tag>}
            <Tooltip title={t('header.languageTip')}>
              <Button
                size="small"
                icon={<TranslationOutlined />}
                onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}
              >
                {t('header.language')}
              </Button>
            </Tooltip>
            <Button
              size="small"
              type="text"
              icon={<LogoutOutlined />}
              onClick={() => void logout().then(() => navigate('/login'))}
            >
              {t('header.logout')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content className="app-content">
          <Suspense fallback={<Spin className="page-spin" />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  )
}
