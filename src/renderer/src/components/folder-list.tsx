import { useRef } from 'react'
import { Button, Empty, Tag, Typography } from 'antd'
import { FileProtectOutlined, FolderOutlined } from '@ant-design/icons'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useTranslation } from 'react-i18next'
import type { DirEntry } from '../../../shared/types'

const ROW_HEIGHT = 40

interface Props {
  folders: DirEntry[]
  fileCount: number
  /** show an "open this case" action on case folders */
  offerOpen: boolean
  onEnter(path: string): void
  onChooseCase(path: string): void
}

/** The subfolders of one folder, virtualised: a mounted volume can hold thousands. */
export function FolderList({ folders, fileCount, offerOpen, onEnter, onChooseCase }: Props) {
  const { t } = useTranslation()
  const scrollRef = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: folders.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  })

  return (
    <div className="folder-list" ref={scrollRef} role="list" aria-label={t('folder.subfolders')}>
      {folders.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('folder.emptyDir')} />
      ) : (
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => {
            const entry = folders[row.index]
            return (
              <div
                key={entry.path}
                role="listitem"
                className={`folder-row${entry.isCase ? ' is-case' : ''}`}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW_HEIGHT,
                  transform: `translateY(${row.start}px)`,
                }}
                onClick={() => onEnter(entry.path)}
                onDoubleClick={() => entry.isCase && offerOpen && onChooseCase(entry.path)}
                data-testid="folder-row"
                title={entry.path}
              >
                {entry.isCase ? (
                  <FileProtectOutlined className="folder-icon case" />
                ) : (
                  <FolderOutlined className="folder-icon" />
                )}
                <Typography.Text className="folder-name">{entry.name}</Typography.Text>
                {entry.isCase && <Tag color="blue">{t('folder.caseTag')}</Tag>}
                {entry.isCase && offerOpen && (
                  <Button
                    size="small"
                    type="link"
                    onClick={(e) => {
                      e.stopPropagation()
                      onChooseCase(entry.path)
                    }}
                  >
                    {t('folder.openCase')}
                  </Button>
                )}
              </div>
            )
          })}
        </div>
      )}
      {fileCount > 0 && (
        <Typography.Text type="secondary" className="folder-files-note">
          {t('folder.files', { count: fileCount })}
        </Typography.Text>
      )}
    </div>
  )
}
