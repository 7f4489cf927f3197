import { useEffect, useMemo, useState } from 'react'
import { Alert, Empty, Spin, Tooltip, Typography } from 'antd'
import { WarningFilled } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { EvidenceMatrix } from '../../../../shared/violation-types'
import type { ApiError } from '../../../../shared/errors'
import { api } from '../../api'
import { asApiError } from '../../lib/errors'
import { ErrorAlert } from '../error-alert'
import { StatusTag } from './status-tag'
import { KindIcon } from '../../kinds/registry'
import { ItemCheckMark } from '../review/item-check'

/**
 * Violations × evidence items, so gaps show at a glance: a violation row with no evidence is red,
 * an item column that proves nothing is orange. The first column and the header stay in place
 * while the grid scrolls, so it stays readable with many items.
 */
export function EvidenceMatrixView({ version }: { version: number }) {
  const { t } = useTranslation()
  const [matrix, setMatrix] = useState<EvidenceMatrix | null>(null)
  const [failure, setFailure] = useState<ApiError | null>(null)

  useEffect(() => {
    let live = true
    api.invoke('violation:matrix', {}).then(
      (m) => {
        if (!live) return
        setMatrix(m)
        setFailure(null)
      },
      (e) => live && setFailure(asApiError(e)),
    )
    return () => {
      live = false
    }
  }, [version])

  const cells = useMemo(
    () => new Map((matrix?.cells ?? []).map((c) => [`${c.violationId}|${c.itemId}`, c])),
    [matrix],
  )
  if (failure) return <ErrorAlert error={failure} className="vio-alert" />
  if (!matrix)
    return (
      <div className="vio-loading">
        <Spin />
      </div>
    )
  if (matrix.violations.length === 0 && matrix.items.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('violations:matrix.empty')} />

  const gaps = new Set(matrix.violationsWithoutEvidence)
  const idle = new Set(matrix.itemsProvingNothing)
  return (
    <div data-testid="evidence-matrix">
      <Alert
        type={gaps.size > 0 || idle.size > 0 ? 'warning' : 'success'}
        showIcon
        className="vio-alert"
        title={t('violations:matrix.summary', {
          violations: matrix.violations.length,
          items: matrix.items.length,
          gaps: gaps.size,
          idle: idle.size,
        })}
        data-testid="matrix-summary"
      />
      <Typography.Paragraph type="secondary" className="vio-hint">
        {t('violations:matrix.hint')}
      </Typography.Paragraph>
      <div className="vio-matrix-scroll">
        <table className="vio-matrix">
          <thead>
            <tr>
              <th className="vio-matrix-corner">{t('violations:matrix.violation')}</th>
              {matrix.items.map((i) => (
                <th
                  key={i.id}
                  className={`vio-matrix-item${idle.has(i.id) ? ' idle' : ''}`}
                  data-testid="matrix-item"
                  data-number={i.number}
                  data-proves-nothing={idle.has(i.id) ? 'true' : 'false'}
                >
                  <Tooltip title={<span data-user-data>{i.originalName}</span>}>
                    <div>
                      <div className="vio-matrix-item-head">
                        <KindIcon kind={i.kind} />
                        <span className="mono" data-user-data>
                          {i.number}
                        </span>
                      </div>
                      <div className="vio-matrix-item-name" data-user-data>
                        {i.originalName}
                      </div>
                    </div>
                  </Tooltip>
                  <ItemCheckMark itemId={i.id} />
                  {idle.has(i.id) && (
                    <div className="vio-matrix-flag" data-testid="proves-nothing">
                      <WarningFilled /> {t('violations:matrix.provesNothing')}
                    </div>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.violations.map((v) => {
              const gap = gaps.has(v.id)
              return (
                <tr
                  key={v.id}
                  className={gap ? 'gap' : undefined}
                  data-testid="matrix-row"
                  data-number={v.number}
                  data-no-evidence={gap ? 'true' : 'false'}
                >
                  <th className="vio-matrix-violation">
                    <div className="vio-matrix-violation-head">
                      <span className="mono" data-user-data>
                        {v.number}
                      </span>
                      <StatusTag status={v.status} />
                      {gap && (
                        <span className="vio-matrix-gap" data-testid="no-evidence">
                          <WarningFilled /> {t('violations:matrix.noEvidence')}
                        </span>
                      )}
                    </div>
                    <Typography.Text
                      className="vio-matrix-title"
                      ellipsis={{ tooltip: v.title }}
                      data-user-data
                    >
                      {v.title}
                    </Typography.Text>
                  </th>
                  {matrix.items.map((i) => {
                    const c = cells.get(`${v.id}|${i.id}`)
                    return (
                      <td
                        key={i.id}
                        className={`${c ? 'linked' : ''}${idle.has(i.id) ? ' idle' : ''}`}
                        data-testid="matrix-cell"
                        data-item={i.number}
                        data-links={c?.links ?? 0}
                      >
                        {c && (
                          <Tooltip
                            title={t('violations:matrix.cell', { links: c.links, citations: c.citations })}
                          >
                            <span className="vio-matrix-count">{c.links}</span>
                          </Tooltip>
                        )}
                      </td>
                    )
                  })}
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </div>
  )
}
