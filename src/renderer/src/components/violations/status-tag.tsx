import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ViolationStatus } from '../../../../shared/violation-types'
import { STATUS_TEXT } from './violation-text'

const COLORS: Record<ViolationStatus, string> = {
  draft: 'default',
  confirmed: 'green',
  transferred: 'purple',
}

export function StatusTag({ status }: { status: ViolationStatus }) {
  const { t } = useTranslation()
  return (
    <Tag color={COLORS[status]} className="vio-tag" data-testid="violation-status-tag" data-status={status}>
      {t(STATUS_TEXT[status])}
    </Tag>
  )
}
