import { useEffect, useState, type ReactNode } from 'react'
import { Button, Spin, Tooltip, Typography } from 'antd'
import { CloseOutlined, EyeOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { ApiOutput } from '../../../../shared/api'
import type { ApiError } from '../../../../shared/errors'
import { api } from '../../api'
import { asApiError } from '../../lib/errors'
import { ErrorAlert } from '../error-alert'
import { DetailsFacts } from './details-facts'
import { ItemCustody } from './item-custody'
import { ItemCheckFacts } from '../review/item-check'
import { ItemThumb } from './item-thumb'
import { WarningList } from './warning-list'
import { itemViewer } from '../../state/viewer'
import { LinkToViolationButton } from '../violations/link-to-violation-button'
import { KindDetails, KindIcon, itemLabel, kindUi } from '../../kinds/registry'

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
  // a kind whose viewer has a window of its own (thermal) opens it here
  const [ownWindowOpen, setOwnWindowOpen] = useState(false)

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
  const OwnWindow = item ? kindUi(item.kind).OwnWindow : undefined

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
            <ItemCheckFacts itemId={item.id} />
            <div className="details-actions">
              <Typography.Text type="secondary">{itemLabel(t, item)}</Typography.Text>
              <span className="details-action-buttons">
                {OwnWindow ? (
                  <Button
                    type="primary"
                    icon={<KindIcon kind={item.kind} />}
                    onClick={() => setOwnWindowOpen(true)}
                    data-testid={`open-${item.kind}`}
                  >
                    {t('item.openOwnViewer', { kind: itemLabel(t, item) })}
                  </Button>
                ) : (
                  <Button
                    type="primary"
                    icon={<EyeOutlined />}
                    onClick={() => itemViewer.open(item.id)}
                    data-testid="open-viewer"
                  >
                    {t('item.openViewer')}
                  </Button>
                )}
                <LinkToViolationButton itemId={item.id} size="middle" />
              </span>
            </div>
            <Section title={t('item.sectionFile')}>
              <DetailsFacts item={item} sources={details.sources} />
            </Section>
            <Section title={t('item.sectionKind', { kind: itemLabel(t, item) })}>
              <KindDetails item={item} />
            </Section>
            <Section title={t('item.sectionWarnings', { count: item.warnings.length })}>
              <WarningList warnings={item.warnings} />
            </Section>
            <Section title={t('item.sectionCustody', { count: details.custody.length })}>
              <ItemCustody events={details.custody} item={item} />
            </Section>
            {OwnWindow && ownWindowOpen && <OwnWindow item={item} onClose={() => setOwnWindowOpen(false)} />}
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
