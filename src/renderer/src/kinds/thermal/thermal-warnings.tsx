import { Alert, Collapse } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ItemWarning } from '../../../../shared/types'

/** The frame's warnings in plain words, with the reader's own English message under "details". */
export function ThermalWarnings({ warnings }: { warnings: ItemWarning[] }) {
  const { t, i18n } = useTranslation()
  if (warnings.length === 0) return null
  const words = (code: string) =>
    i18n.exists(`thermal.warnings.code.${code}`)
      ? t(`thermal.warnings.code.${code}`)
      : t('thermal.warnings.code.other')
  return (
    <Alert
      type="warning"
      showIcon
      className="thermal-alert"
      data-testid="thermal-warnings"
      title={t('thermal.warnings.title', { count: warnings.length })}
      description={
        <>
          <ul className="thermal-warning-list">
            {[...new Set(warnings.map((w) => w.code))].map((code) => (
              <li key={code}>{words(code)}</li>
            ))}
          </ul>
          <Collapse
            ghost
            size="small"
            items={[
              {
                key: 'details',
                label: t('thermal.warnings.details'),
                children: (
                  <pre className="mono error-detail-text">
                    {warnings.map((w) => `${w.code}: ${w.message}`).join('\n')}
                  </pre>
                ),
              },
            ]}
          />
        </>
      }
    />
  )
}
