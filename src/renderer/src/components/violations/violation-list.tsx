import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Violation } from '../../../../shared/violation-types'
import { StatusTag } from './status-tag'

interface Props {
  violations: Violation[]
  selectedId: string | null
  onSelect(id: string): void
}

/** Active links only: an unlinked item no longer proves anything. */
export function activeLinks(v: Violation) {
  return v.links.filter((l) => l.removedAt === null)
}

/** The case's violations, V1…, each with its status and how much evidence it has; none is a gap, in red. */
export function ViolationList({ violations, selectedId, onSelect }: Props) {
  const { t } = useTranslation()
  return (
    <ul className="vio-list" data-testid="violation-list">
      {violations.map((v) => {
        const count = activeLinks(v).length
        return (
          <li key={v.id}>
            <button
              type="button"
              className={`vio-list-row${v.id === selectedId ? ' selected' : ''}`}
              aria-pressed={v.id === selectedId}
              onClick={() => onSelect(v.id)}
              data-testid="violation-row"
              data-number={v.number}
            >
              <span className="vio-list-top">
                <span className="mono vio-number" data-user-data>
                  {v.number}
                </span>
                <StatusTag status={v.status} />
              </span>
              <Typography.Text className="vio-list-title" ellipsis={{ tooltip: v.title }} data-user-data>
                {v.title}
              </Typography.Text>
              <span
                className={`small ${count === 0 ? 'vio-gap-text' : 'secondary'}`}
                data-testid="violation-link-count"
              >
                {count === 0 ? t('violations:noEvidence') : t('violations:linkCount', { n: count })}
              </span>
            </button>
          </li>
        )
      })}
    </ul>
  )
}
