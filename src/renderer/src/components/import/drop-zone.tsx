import { useState, type DragEvent, type ReactNode } from 'react'
import { InboxOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useSession } from '../../state/session'
import { useCan } from '../../state/read-only'
import './import.css'

/**
 * Where officers may drop files. In Electron the window-level handler in ImportTasksProvider
 * imports them (the preload gives their real paths); a browser page cannot learn real paths, so
 * in browser mode a drop only says how to import instead.
 */
export function DropZone({ children, className }: { children: ReactNode; className?: string }) {
  const { t } = useTranslation()
  const { info } = useSession()
  const [over, setOver] = useState(false)
  // reviewer mode: nothing can be dropped into a package under review
  const canImport = useCan('import:start')
  const hasFiles = (e: DragEvent) => e.dataTransfer.types.includes('Files')
  return (
    <div
      className={`drop-zone${over ? ' is-over' : ''}${className ? ` ${className}` : ''}`}
      onDragOver={(e) => {
        if (!canImport || !hasFiles(e)) return
        e.preventDefault()
        e.dataTransfer.dropEffect = info.nativeDialogs ? 'copy' : 'none'
        setOver(true)
      }}
      onDragLeave={(e) => {
        // leaving into a child is not leaving the zone
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false)
      }}
      onDrop={() => setOver(false)}
    >
      {children}
      {over && (
        <div className="drop-overlay" aria-live="polite">
          <InboxOutlined className="drop-overlay-icon" />
          <span>{t(info.nativeDialogs ? 'importer.dropElectron' : 'importer.dropBrowser')}</span>
        </div>
      )}
    </div>
  )
}
