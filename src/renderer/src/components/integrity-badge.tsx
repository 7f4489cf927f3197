import type { ReactNode } from 'react'
import { Button, Tooltip } from 'antd'
import {
  CheckCircleOutlined,
  CloseCircleOutlined,
  LoadingOutlined,
  QuestionCircleOutlined,
} from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { IntegrityStatus } from '../../../shared/types'
import { formatInZone } from '../lib/time'

interface Props {
  integrity: IntegrityStatus | null
  timezone: string
  running: boolean
  onCheck: () => void
  testId?: string
}

/** Green when the last check held, red with the problem count when it did not, grey when never checked. Click to check now. */
export function IntegrityBadge({ integrity, timezone, running, onCheck, testId = 'integrity-badge' }: Props) {
  const { t } = useTranslation()
  const time = integrity ? formatInZone(integrity.checkedAt, timezone) : ''
  let color: 'green' | 'red' | 'default'
  let icon: ReactNode
  let label: string
  let tip: string
  if (!integrity) {
    color = 'default'
    icon = <QuestionCircleOutlined />
    label = t('integrity.never')
    tip = t('integrity.neverTip')
  } else if (integrity.ok) {
    color = 'green'
    icon = <CheckCircleOutlined />
    label = t('integrity.ok')
    tip = t('integrity.okTip', { time })
  } else {
    color = 'red'
    icon = <CloseCircleOutlined />
    label = t('integrity.bad', { count: integrity.problemCount })
    tip = t('integrity.badTip', { time, count: integrity.problemCount })
  }
  return (
    <Tooltip title={tip}>
      <Button
        color={color}
        variant="filled"
        size="small"
        icon={running ? <LoadingOutlined /> : icon}
        onClick={onCheck}
        disabled={running}
        data-testid={testId}
        data-state={integrity ? (integrity.ok ? 'ok' : 'bad') : 'never'}
      >
        {running ? t('integrity.checking') : label}
      </Button>
    </Tooltip>
  )
}
