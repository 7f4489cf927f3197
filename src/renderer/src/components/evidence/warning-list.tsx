import { Collapse, Typography } from 'antd'
import { WarningOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { ItemWarning } from '../../../../shared/types'
import { warningText } from '../../lib/warnings'

/** An item's warnings in plain words, with the backend's exact messages under "details". */
export function WarningList({ warnings }: { warnings: ItemWarning[] }) {
  const { t } = useTranslation()
  if (warnings.length === 0) return <Typography.Text type="secondary">{t('item.noWarnings')}</Typography.Text>
  const technical = warnings.map((w) => `${w.code}: ${w.message}`).join('\n')
  return (
    <div className="warning-list" data-testid="item-warnings">
      {warnings.map((w, i) => (
        <div key={i} className="warning-line" data-code={w.code}>
          <WarningOutlined className="warning-icon" />
          <span>{warningText(w, t)}</span>
        </div>
      ))}
      <Collapse
        ghost
        size="small"
        className="error-details"
        items={[
          {
            key: 'details',
            label: t('errors.details'),
            children: (
              <pre className="mono error-detail-text" data-user-data>
                {technical}
              </pre>
            ),
          },
        ]}
      />
    </div>
  )
}
