import { Card, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { MonitoringSeriesSummary } from '../../../../shared/types'
import { formatIsoWithOwnOffset } from '../../lib/item-time'

/**
 * The periods of a series sent more than once with different values, each with its time and every
 * value with its file line (the first one is the value drawn), so an officer can check the original
 * rows; none of them counts in the figures (core repeats.ts says why).
 */
export function RepeatList({ summary }: { summary: MonitoringSeriesSummary }) {
  const { t } = useTranslation()
  const r = summary.repeated
  if (!r || r.differing === 0) return null
  const line = (n: number) => t('docsViewer:monitoring.repeats.line', { line: n })
  return (
    <Card size="small" title={t('docsViewer:monitoring.repeats.title')} className="docs-card">
      <Typography.Paragraph type="secondary" className="small">
        {t('docsViewer:monitoring.repeats.intro')}
      </Typography.Paragraph>
      <table className="mon-repeats" data-testid="repeat-list">
        <thead>
          <tr>
            <th>{t('docsViewer:monitoring.repeats.time')}</th>
            <th>{t('docsViewer:monitoring.repeats.first')}</th>
            <th>{t('docsViewer:monitoring.repeats.others')}</th>
          </tr>
        </thead>
        <tbody>
          {r.named.map((p) => (
            <tr key={p.time} data-testid="repeat-row">
              <td className="mono">{formatIsoWithOwnOffset(p.time)}</td>
              <td>
                <span className="mono" data-user-data>
                  {p.first.text}
                </span>{' '}
                <Typography.Text type="secondary">{line(p.first.line)}</Typography.Text>
              </td>
              <td>
                {p.others.map((o) => (
                  <div key={o.line}>
                    <span className="mono" data-user-data>
                      {o.text}
                    </span>{' '}
                    <Typography.Text type="secondary">{line(o.line)}</Typography.Text>
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.differing > r.named.length && (
        <Typography.Text type="secondary" className="small">
          {t('docsViewer:monitoring.repeats.more', { count: r.differing, shown: r.named.length })}
        </Typography.Text>
      )}
    </Card>
  )
}
