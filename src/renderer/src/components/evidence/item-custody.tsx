import { Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { CustodyEvent, EvidenceItem } from '../../../../shared/types'
import { itemFacts } from '../../../../shared/custody-words'
import { TechnicalDetails } from '../technical-details'
import { actionLabel, summariseEvent } from '../../lib/custody-summary'
import { formatInZone } from '../../lib/time'
import { useCurrentCase } from '../../state/session'

/** The item's own entries in the custody log, oldest first: who did what to it, and when. */
export function ItemCustody({ events, item }: { events: CustodyEvent[]; item: EvidenceItem }) {
  const { t, i18n } = useTranslation()
  const facts = { [item.id]: itemFacts(item) }
  const { timezone } = useCurrentCase()
  if (events.length === 0) return <Typography.Text type="secondary">{t('custody.empty')}</Typography.Text>
  return (
    <ol className="item-custody" data-testid="item-custody">
      {events.map((e) => (
        <li key={e.seq}>
          <div className="item-custody-head">
            <Tag>{actionLabel(e.action, i18n.language)}</Tag>
            <span className="mono small">{formatInZone(e.at, timezone)}</span>
          </div>
          <div className="small">
            <span data-user-data>{e.actor.name}</span>{' '}
            <Typography.Text type="secondary" className="mono small" data-user-data>
              {e.actor.certNo}
            </Typography.Text>
            <Typography.Text type="secondary" className="small">
              {' '}
              · #{e.seq}
            </Typography.Text>
          </div>
          <div className="small secondary break-word" data-testid="item-custody-details">
            {summariseEvent(e, i18n.language, timezone, facts)}
          </div>
          <TechnicalDetails details={e.details} />
        </li>
      ))}
    </ol>
  )
}
