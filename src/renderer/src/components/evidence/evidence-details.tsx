import { useEffect, useState, type ReactNode } from 'react'
import { Button, Spin, Tooltip, Typography } from 'antd'
import { CloseOutlined, EyeOutlined, FireOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { ApiOutput } from '../../../../shared/api'
import type { ApiError } from '../../../../shared/errors'
import { api } from '../../api'
import { asApiError } from '../../lib/errors'
import { ErrorAlert } from '../error-alert'
import { DetailsFacts } from './details-facts'
import { ItemCustody } from './item-custody'
import { ItemThumb } from './item-thumb'
import { KindIcon } from './kind-icon'
import { KindMeta } from './kind-meta'
import { ThermalViewerModal } from './thermal-viewer-modal'
import { WarningList } from './warning-list'
import { itemViewer } from '../../state/viewer'
import { LinkToViolationButton } from '../violations/link-to-violation-button'

type Details = ApiOutput<'evidence:get'>

interface Props {
  itemId: string
  /** refetch when the case's evidence changes (a duplicate seen adds a source and a custody entry) */
  libraryVersion: number
  onClose(): void
}

/** Everything about one item: its picture, integrity value, origin, per-kind facts, warnings, custody. */
export function EvidenceDetails({ itemId, libraryVersion, onClose }: Props) {
  const { t } = useTranslation()
  const [loaded, setLoaded] = useState<{ id: string; details: Details } | null>(null)
  const [failure, setFailure] = useState<ApiError | null>(null)
  const [thermalOpen, setThermalOpen] = useState(false)

  useEffect(() => {
    let live = true
    api.invoke('evidence:get', { id: itemId }).then(
      (details) => {
        if (!live) return
        setLoaded({ id: itemId, details })
        setFailure(null)
      },
      (err) => live && setFailure(asApiError(err)),
    )
    return () => {
      live = false
    }
  }, [itemId, libraryVersion])

  const details = loaded?.id === itemId ? loaded.details : null
  const item = details?.item

  return (
    <aside className="details-panel" data-testid="details-panel" aria-label={t('item.panel')}>
      <div className="details-head">
        {item ? (
          <div className="details-title">
            <KindIcon kind={item.kind} />
            <Typography.Text strong className="mono" data-user-data data-testid="details-number">
              {item.number}
            </Typography.Text>
            <Typography.Text
              className="details-name"
              ellipsis={{ tooltip: item.originalName }}
              data-user-data
            >
              {item.originalName}
            </Typography.Text>
          </div>
        ) : (
          <span />
        )}
        <Tooltip title={t('item.close')}>
          <Button type="text" icon={<CloseOutlined />} onClick={onClose} aria-label={t('item.close')} />
        </Tooltip>
      </div>
      <div className="details-body">
        {failure && <ErrorAlert error={failure} onClose={() => setFailure(null)} className="form-alert" />}
        {!item ? (
          !failure && (
            <Spin className="details-spin" description={t('item.loading')}>
              <div className="details-spin-space" />
            </Spin>
          )
        ) : (
          <>
            <ItemThumb item={item} size="preview" alt={item.originalName} className="details-preview" />
            <div className="details-actions">
              <Typography.Text type="secondary">{t(`itemKind.${item.kind}`)}</Typography.Text>
              <span className="details-action-buttons">
                {item.kind !== 'thermal' && (
                  <Button
                    type="primary"
                    icon={<EyeOutlined />}
                    onClick={() => itemViewer.open(item.id)}
                    data-testid="open-viewer"
                  >
                    {t('item.openViewer')}
                  </Button>
                )}
                {item.kind === 'thermal' && (
                  <Button
                    type="primary"
                    icon={<FireOutlined />}
                    onClick={() => setThermalOpen(true)}
                    data-testid="open-thermal"
                  >
                    {t('item.openThermal')}
                  </Button>
                )}
                <LinkToViolationButton itemId={item.id} size="middle" />
              </span>
            </div>
            <Section title={t('item.sectionFile')}>
              <DetailsFacts item={item} sources={details.sources} />
            </Section>
            <Section title={t('item.sectionKind', { kind: t(`itemKind.${item.kind}`) })}>
              <KindMeta item={item} />
            </Section>
            <Section title={t('item.sectionWarnings', { count: item.warnings.length })}>
              <WarningList warnings={item.warnings} />
            </Section>
            <Section title={t('item.sectionCustody', { count: details.custody.length })}>
              <ItemCustody events={details.custody} />
            </Section>
            {thermalOpen && <ThermalViewerModal item={item} onClose={() => setThermalOpen(false)} />}
          </>
        )}
      </div>
    </aside>
  )
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="details-section">
      <Typography.Title level={5} className="details-section-title">
        {title}
      </Typography.Title>
      {children}
    </section>
  )
}
