import { Alert, Descriptions, Tag, Tooltip, Typography } from 'antd'
import { CheckCircleOutlined, CloseCircleOutlined, QuestionCircleOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { ItemCheck } from '../../../../shared/package-types'
import type { MessageKey } from '../../i18n/keys'
import { useItemCheck } from '../../state/review-checks'
import { useProblemSentence } from './review-summary'

const MARK_TEXT: Record<ItemCheck['state'], MessageKey> = {
  verified: 'review:item.verified',
  altered: 'review:item.altered',
  missing: 'review:item.missing',
  unchecked: 'review:item.unchecked',
}

/**
 * Reviewer mode's mark on an item wherever it is listed: red when a problem names its file, a
 * small green "已核验" when it verified. Nothing outside review.
 */
export function ItemCheckMark({ itemId, className }: { itemId: string; className?: string }) {
  const { t } = useTranslation()
  const sentence = useProblemSentence()
  const check = useItemCheck(itemId)
  if (!check) return null
  const bad = check.state === 'altered' || check.state === 'missing'
  const tip =
    check.state === 'verified'
      ? t('review:item.verifiedTip')
      : check.state === 'unchecked'
        ? t('review:item.uncheckedTip')
        : [...new Set(check.problems.map(sentence))].join('；')
  return (
    <Tooltip title={tip}>
      <Tag
        className={`item-check-mark ${className ?? ''}`}
        color={bad ? 'error' : check.state === 'verified' ? 'success' : 'default'}
        icon={
          bad ? (
            <CloseCircleOutlined />
          ) : check.state === 'verified' ? (
            <CheckCircleOutlined />
          ) : (
            <QuestionCircleOutlined />
          )
        }
        data-testid="item-check"
        data-state={check.state}
      >
        {t(MARK_TEXT[check.state])}
      </Tag>
    </Tooltip>
  )
}

/** The viewer's banner for an item whose file differs from the manifest (or is missing). */
export function ItemCheckBanner({ itemId }: { itemId: string }) {
  const { t } = useTranslation()
  const check = useItemCheck(itemId)
  if (!check || (check.state !== 'altered' && check.state !== 'missing')) return null
  return (
    <Alert
      type="error"
      showIcon
      banner
      className="item-check-banner"
      data-testid="item-check-banner"
      title={check.state === 'missing' ? t('review:item.bannerMissing') : t('review:item.banner')}
    />
  )
}

/** The details panel's section: the bag path and, for an altered file, expected and actual hash. */
export function ItemCheckFacts({ itemId }: { itemId: string }) {
  const { t } = useTranslation()
  const check = useItemCheck(itemId)
  if (!check) return null
  const bad = check.state === 'altered' || check.state === 'missing'
  return (
    <div className="item-check-facts" data-testid="item-check-facts" data-state={check.state}>
      <Typography.Title level={5}>
        {t('review:item.checkTitle')} <ItemCheckMark itemId={itemId} />
      </Typography.Title>
      <Descriptions
        size="small"
        column={1}
        bordered
        styles={{ label: { whiteSpace: 'nowrap', width: 1 } }}
        items={[
          {
            key: 'path',
            label: t('review:item.bagPath'),
            children: (
              <span className="mono break-all" data-user-data>
                {check.path}
              </span>
            ),
          },
          {
            key: 'expected',
            label: t('review:item.expected'),
            children: (
              <span className="mono break-all" data-testid="item-check-expected">
                {check.expected}
              </span>
            ),
          },
          ...(bad
            ? [
                {
                  key: 'actual',
                  label: t('review:item.actual'),
                  children: (
                    <Typography.Text type="danger" className="mono break-all" data-testid="item-check-actual">
                      {check.actual ?? t('review:item.notComputed')}
                    </Typography.Text>
                  ),
                },
              ]
            : []),
        ]}
      />
    </div>
  )
}
