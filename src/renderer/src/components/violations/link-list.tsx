import { Empty, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Violation, ViolationLink } from '../../../../shared/violation-types'
import type { EvidenceItem } from '../../../../shared/types'
import { api } from '../../api'
import { interpolateNodes, UserValue } from '../../lib/interpolate-nodes'
import { formatInZone } from '../../lib/time'
import { itemViewer } from '../../state/viewer'
import { useCitationWords } from '../../lib/citation-words'
import { ReasonButton } from '../reason-button'
import { LINK_PROBLEM_TEXT } from './violation-text'
import { itemFacts } from '../../../../shared/custody-words'

interface Props {
  violation: Violation
  items: Map<string, EvidenceItem>
  zone: string
  readOnly: boolean
  onChanged(): void
}

/**
 * The evidence a violation relies on, oldest first: what is cited (the whole item or one
 * citation, its anchor in words), which item, what it proves. Unlinked ones stay in the list,
 * greyed, with the reason: the record shows they were once relied on.
 */
export function LinkList({ violation, items, zone, readOnly, onChanged }: Props) {
  const { t } = useTranslation()
  if (violation.links.length === 0)
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('violations:links.empty')}
        data-testid="links-empty"
      />
    )
  return (
    <ol className="vio-links" data-testid="link-list">
      {violation.links.map((link) => (
        <LinkRow
          key={link.id}
          link={link}
          item={items.get(link.itemId)}
          numberOf={(id) => items.get(id)?.number ?? null}
          zone={zone}
          readOnly={readOnly}
          onChanged={onChanged}
        />
      ))}
    </ol>
  )
}

function LinkRow({
  link,
  item,
  numberOf,
  zone,
  readOnly,
  onChanged,
}: {
  link: ViolationLink
  item: EvidenceItem | undefined
  numberOf(itemId: string): string | null
  zone: string
  readOnly: boolean
  onChanged(): void
}) {
  const { t } = useTranslation()
  const removed = link.removedAt !== null
  const words = useCitationWords()(
    link.annotationType,
    link.anchor,
    item?.kind ?? null,
    numberOf,
    item ? itemFacts(item).turns : undefined,
  )
  const anchor = words.where
  const type = words.noun
  return (
    <li
      className={`vio-link${removed ? ' removed' : ''}${link.problem ? ' problem' : ''}`}
      data-testid="link-row"
      data-link-id={link.id}
      data-removed={removed ? 'true' : 'false'}
    >
      <div className="vio-link-head">
        <Tag className="vio-tag" color={link.annotationType ? 'blue' : 'default'} data-testid="link-type">
          {type}
        </Tag>
        <Typography.Link
          className="mono vio-link-item"
          onClick={() => itemViewer.open(link.itemId)}
          data-user-data
          data-testid="link-item"
        >
          {link.itemNumber}
        </Typography.Link>
        <Typography.Text className="vio-link-name" ellipsis={{ tooltip: item?.originalName }} data-user-data>
          {item?.originalName ?? t('violations:links.itemUnknown')}
        </Typography.Text>
        {link.problem && (
          <Tag color="red" className="vio-tag" data-testid="link-problem">
            {t(LINK_PROBLEM_TEXT[link.problem])}
          </Tag>
        )}
        {!removed && !readOnly && (
          <span className="vio-link-actions">
            <ReasonButton
              texts={{
                label: t('violations:links.unlink'),
                title: t('violations:links.unlinkTitle'),
                cancel: t('violations:cancel'),
                reasonLabel: t('violations:reason'),
                reasonPlaceholder: t('violations:reasonPlaceholder'),
              }}
              hint={t('violations:links.unlinkHint')}
              subject={`${link.itemNumber} ${anchor ?? ''}`}
              successMessage={t('violations:links.unlinked')}
              testId="unlink"
              onConfirm={async (reason) => {
                await api.invoke('violation:unlink', { linkId: link.id, reason })
                onChanged()
              }}
            />
          </span>
        )}
      </div>
      {anchor && (
        <div
          className={`vio-link-anchor${link.annotationType === 'quote' ? '' : ' mono'}`}
          data-user-data
          data-testid="link-anchor"
        >
          {anchor}
        </div>
      )}
      <div className="vio-link-note" data-user-data data-testid="link-note">
        {link.note || t('violations:links.noNote')}
      </div>
      <div className="secondary small">
        {interpolateNodes(t('violations:links.by', { skipInterpolation: true }), {
          name: <UserValue>{link.createdBy.name}</UserValue>,
          time: formatInZone(link.createdAt, zone),
        })}
      </div>
      {removed && (
        <div className="secondary small" data-testid="link-removed">
          {interpolateNodes(t('violations:links.removed', { skipInterpolation: true }), {
            reason: <UserValue>{link.removedReason ?? ''}</UserValue>,
            time: formatInZone(link.removedAt ?? '', zone),
          })}
        </div>
      )}
    </li>
  )
}
