import { useEffect, useState } from 'react'
import { Modal, Spin, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { EvidenceItem } from '../../../../shared/types'
import { api } from '../../api'
import { itemViewer, useOpenItemId } from '../../state/viewer'
import { ErrorAlert } from '../error-alert'
import { asApiError } from '../../lib/errors'
import { KindViewer } from '../../kinds/registry'
import { ItemCheckBanner, ItemCheckMark } from '../review/item-check'

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
          <span>
            <Typography.Text strong>
              {item.number} <span data-user-data>{item.originalName}</span>
            </Typography.Text>{' '}
            <ItemCheckMark itemId={item.id} />
          </span>
        ) : (
          t('viewer:loading')
        )
      }
      data-testid="item-viewer"
    >
      {error ? (
        <ErrorAlert error={asApiError(error)} />
      ) : item ? (
        <>
          <ItemCheckBanner itemId={item.id} />
          <KindViewer item={item} />
        </>
      ) : (
        <Spin />
      )}
    </Modal>
  )
}
