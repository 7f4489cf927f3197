import { Alert, Collapse } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ItemWarning } from '../../../../shared/types'
import type { MessageKey } from '../../i18n/keys'

/** The thermal reader's warning codes in the viewer's own words; others read as `other`. */
const WARNING_TEXT = {
  'thermal-segment-missing': 'thermal:warnings.code.thermal-segment-missing',
  'thermal-truncated': 'thermal:warnings.code.thermal-truncated',
  'thermal-size-mismatch': 'thermal:warnings.code.thermal-size-mismatch',
  'metadata-unreadable': 'thermal:warnings.code.metadata-unreadable',
  'thermal-relative-only': 'thermal:warnings.code.thermal-relative-only',
  'thermal-out-of-range': 'thermal:warnings.code.thermal-out-of-range',
  'thermal-frame-unavailable': 'thermal:warnings.code.thermal-frame-unavailable',
  'thermal-visible-unreadable': 'thermal:warnings.code.thermal-visible-unreadable',
} as const satisfies Record<string, MessageKey>

/** The frame's warnings in plain words, with the reader's own English message under "details". */
export function ThermalWarnings({ warnings }: { warnings: ItemWarning[] }) {
  const { t } = useTranslation()
  if (warnings.length === 0) return null
  const words = (code: string) =>
    t(
      Object.hasOwn(WARNING_TEXT, code)
        ? WARNING_TEXT[code as keyof typeof WARNING_TEXT]
        : 'thermal:warnings.code.other',
    )
  return (
    <Alert
      type="warning"
      showIcon
      className="thermal-alert"
      data-testid="thermal-warnings"
      title={t('thermal:warnings.title', { count: warnings.length })}
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
                label: t('thermal:warnings.details'),
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
