import { useEffect, useState } from 'react'
import { Modal, Spin, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { EvidenceItem } from '../../../../shared/types'
import { api } from '../../api'
import { itemViewer, useOpenItemId } from '../../state/viewer'
import { ErrorAlert } from '../error-alert'
import { asApiError } from '../../lib/errors'
import { ThermalViewer } from '../thermal/thermal-viewer'
import { ImageViewer } from './image-viewer'
import { VideoViewer } from './video-viewer'
import { TranscriptViewer } from './transcript-viewer'
import { MonitoringViewer } from './monitoring-viewer'
import { DocumentViewer } from './document-viewer'
import './viewer-i18n'

/** The viewer for an item's kind; every viewer takes the item and nothing else. */
function ViewerFor({ item }: { item: EvidenceItem }) {
  switch (item.kind) {
    case 'image':
      return <ImageViewer item={item} />
    case 'video':
      return <VideoViewer item={item} />
    case 'thermal':
      return <ThermalViewer item={item} />
    case 'transcript':
      return <TranscriptViewer item={item} />
    case 'monitoring':
      return <MonitoringViewer item={item} />
    default:
      return <DocumentViewer item={item} />
  }
}

/**
 * The full-screen viewer, mounted once in the case frame. Opening an item goes through
 * `evidence:open`, which records the "viewed" custody event (once per item per session).
 */
export function ItemViewerHost() {
  const { t } = useTranslation()
  const itemId = useOpenItemId()
  // Results are kept with the id they belong to, so a late answer never shows under another item.
  const [loaded, setLoaded] = useState<{ id: string; item?: EvidenceItem; error?: unknown } | null>(null)

  useEffect(() => {
    if (!itemId) return
    let live = true
    api.invoke('evidence:open', { id: itemId }).then(
      (r) => live && setLoaded({ id: itemId, item: r.item }),
      (e: unknown) => live && setLoaded({ id: itemId, error: e }),
    )
    return () => {
      live = false
    }
  }, [itemId])
  const current = loaded && loaded.id === itemId ? loaded : null
  const item = current?.item ?? null
  const error = current?.error ?? null

  return (
    <Modal
      open={itemId !== null}
      onCancel={itemViewer.close}
      footer={null}
      width="96vw"
      style={{ top: 16 }}
      destroyOnHidden
      title={
        item ? (
          <Typography.Text strong>{`${item.number}  ${item.originalName}`}</Typography.Text>
        ) : (
          t('viewer.loading')
        )
      }
      data-testid="item-viewer"
    >
      {error ? <ErrorAlert error={asApiError(error)} /> : item ? <ViewerFor item={item} /> : <Spin />}
    </Modal>
  )
}
