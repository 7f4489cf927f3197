import { useRef } from 'react'
import { Button, Checkbox, Empty, Tag, Tooltip, Typography } from 'antd'
import { FileOutlined, FileProtectOutlined, FolderOutlined } from '@ant-design/icons'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useTranslation } from 'react-i18next'
import type { DirEntry } from '../../../shared/types'
import { formatBytes } from '../lib/format'

const ROW_HEIGHT = 40

/** Multi-select (import): a checkbox on every row; a folder stands for everything under it. */
export interface ListSelection {
  state(entry: DirEntry): 'off' | 'on' | 'covered' | 'blocked'
  toggle(entry: DirEntry): void
}

interface Props {
  /** the rows to show: folders only when picking a folder, folders and files when importing */
  entries: DirEntry[]
  /** files left out of `entries`, counted in a note under the list */
  hiddenFileCount?: number
  /** show an "open this case" action on case folders */
  offerOpen?: boolean
  onEnter(path: string): void
  onChooseCase?(path: string): void
  selection?: ListSelection
}

/** The entries of one folder, virtualised: a mounted volume can hold thousands. */
export function FolderList({
  entries,
  hiddenFileCount = 0,
  offerOpen = false,
  onEnter,
  onChooseCase,
  selection,
}: Props) {
  const { t } = useTranslation()
  const scrollRef = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  })

  return (
    <div className="folder-list" ref={scrollRef} role="list" aria-label={t('folder.subfolders')}>
      {entries.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t(selection ? 'folder.emptyFolder' : 'folder.emptyDir')}
        />
      ) : (
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => {
            const entry = entries[row.index]
            const state = selection?.state(entry)
            return (
              <div
                key={entry.path}
                role="listitem"
                className={`folder-row${entry.isCase ? ' is-case' : ''}${state === 'on' || state === 'covered' ? ' is-selected' : ''}`}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW_HEIGHT,
                  transform: `translateY(${row.start}px)`,
                }}
                onClick={() => {
                  if (entry.isDir) onEnter(entry.path)
                  else if (selection && state !== 'covered') selection.toggle(entry)
                }}
                onDoubleClick={() => entry.isCase && offerOpen && onChooseCase?.(entry.path)}
                data-testid="folder-row"
                title={entry.path}
              >
                {selection && state && (
                  <SelectBox entry={entry} state={state} onToggle={() => selection.toggle(entry)} />
                )}
                <EntryIcon entry={entry} />
                <Typography.Text className="folder-name" data-user-data>
                  {entry.name}
                </Typography.Text>
                {entry.isCase && <Tag color="blue">{t('folder.caseTag')}</Tag>}
                {!entry.isDir && entry.size !== null && (
                  <Typography.Text type="secondary" className="folder-size mono">
                    {formatBytes(entry.size)}
                  </Typography.Text>
                )}
                {entry.isCase && offerOpen && (
                  <Button
                    size="small"
                    type="link"
                    onClick={(e) => {
                      e.stopPropagation()
                      onChooseCase?.(entry.path)
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
      {hiddenFileCount > 0 && (
        <Typography.Text type="secondary" className="folder-files-note">
          {t('folder.files', { count: hiddenFileCount })}
        </Typography.Text>
      )}
    </div>
  )
}

function EntryIcon({ entry }: { entry: DirEntry }) {
  if (entry.isCase) return <FileProtectOutlined className="folder-icon case" />
  if (entry.isDir) return <FolderOutlined className="folder-icon" />
  return <FileOutlined className="folder-icon file" />
}

function SelectBox({
  entry,
  state,
  onToggle,
}: {
  entry: DirEntry
  state: 'off' | 'on' | 'covered' | 'blocked'
  onToggle(): void
}) {
  const { t } = useTranslation()
  const box = (
    <Checkbox
      checked={state === 'on' || state === 'covered'}
      disabled={state === 'covered' || state === 'blocked'}
      aria-label={t('importer.selectEntry', { name: entry.name })}
      onClick={(e) => e.stopPropagation()}
      onChange={onToggle}
    />
  )
  // say why a box cannot be ticked, rather than leaving a mystery
  if (state === 'blocked') return <Tooltip title={t('importer.caseFolderBlocked')}>{box}</Tooltip>
  if (state === 'covered') return <Tooltip title={t('importer.coveredByFolder')}>{box}</Tooltip>
  return box
}
