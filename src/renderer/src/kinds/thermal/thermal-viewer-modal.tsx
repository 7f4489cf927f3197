import { useEffect } from 'react'
import { Modal } from 'antd'
import { useTranslation } from 'react-i18next'
import type { EvidenceItem } from '../../../../shared/types'
import { ThermalViewer } from './thermal-viewer'
import { api } from '../../api'

/** The thermal viewer needs room: a near-full-window modal over the library. */
export function ThermalViewerModal({ item, onClose }: { item: EvidenceItem; onClose(): void }) {
  const { t } = useTranslation()
  // Opening is viewing: the same "viewed" custody event as every other viewer (once per session).
  useEffect(() => {
    api.invoke('evidence:open', { id: item.id }).catch(() => undefined)
  }, [item.id])
  return (
    <Modal
      open
      centered
      destroyOnHidden
      footer={null}
      onCancel={onClose}
      width="calc(100vw - 48px)"
      className="thermal-modal"
      title={
        <span>
          {t('item.thermalViewer')} — <span data-user-data>{`${item.number} ${item.originalName}`}</span>
        </span>
      }
    >
      <div data-testid="thermal-viewer-modal">
        <ThermalViewer item={item} />
      </div>
    </Modal>
  )
}
