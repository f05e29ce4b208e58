// Other customers this contact is linked to, and through which identifiers: the shape of a gang.
import { List, Tag } from 'antd'
import { Link } from 'react-router-dom'
import type { ContactDetail } from '../api/types'
import { useI18n } from '../i18n/i18n'

type Linked = ContactDetail['linked_customers'][number]

export function LinkedCustomers({ items }: { items: Linked[] }) {
  const { t } = useI18n()
  return (
    <List
      size="small"
      dataSource={items}
      renderItem={(c) => (
        <List.Item>
          <div>
            <Link
              to={`/workbench?customer_id=${encodeURIComponent(c.customer_id)}`}
              className="mono"
            >
              {c.customer_id}
            </Link>
            <span className="linked-name">{c.name ?? ''}</span>
            {c.contacts != null && (
              <span className="muted small">
                {' '}
                · {t('col.contacts')} {c.contacts}
              </span>
            )}
            <div className="linked-via">
              <span className="muted small">{t('contact.via')} </span>
              {c.via.map((v, i) => {
                const ref = c.via_refs?.[i]
                return (
                  <Tag key={`${v}-${i}`} className="mono">
                    {ref ? (
                      <Link to={`/workbench?identifier=${encodeURIComponent(ref)}`}>{v}</Link>
                    ) : (
                      v
                    )}
                  </Tag>
                )
              })}
            </div>
          </div>
        </List.Item>
      )}
    />
  )
}
