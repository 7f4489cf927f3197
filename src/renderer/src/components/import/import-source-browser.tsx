import { useState } from 'react'
import { Button, Flex, Modal, Tag, Tooltip, Typography } from 'antd'
import { CloudUploadOutlined, FolderAddOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { DirEntry } from '../../../../shared/types'
import { useDirListing } from '../../hooks/use-dir-listing'
import { baseName } from '../../lib/format'
import { separatorOf } from '../../lib/paths'
import { FolderList, type ListSelection } from '../folder-list'
import { FolderNav } from '../folder-nav'
import './import.css'

interface Props {
  onChoose(paths: string[]): void
  onCancel(): void
}

/** True when `path` lies inside folder `dir` (not equal to it), whatever the machine's separator. */
function isInside(path: string, dir: string): boolean {
  const sep = separatorOf(dir)
  const prefix = dir.endsWith(sep) ? dir : dir + sep
  return path !== dir && path.startsWith(prefix)
}

/**
 * Choosing files and folders to import in browser mode, where a page cannot learn real paths.
 * Selections survive moving between folders; a ticked folder is imported with everything under
 * it, so what lies inside it is shown ticked and locked (ticking it twice would only make duplicates).
 */
export function ImportSourceBrowser({ onChoose, onCancel }: Props) {
  const { t } = useTranslation()
  const nav = useDirListing()
  const [selected, setSelected] = useState<string[]>([])

  const selection: ListSelection = {
    state: (e: DirEntry) => {
      if (e.isCase) return 'blocked'
      if (selected.some((s) => isInside(e.path, s))) return 'covered'
      return selected.includes(e.path) ? 'on' : 'off'
    },
    toggle: (e: DirEntry) =>
      setSelected((prev) =>
        prev.includes(e.path)
          ? prev.filter((p) => p !== e.path)
          : // a folder replaces whatever was ticked inside it
            [...prev.filter((p) => !isInside(p, e.path)), e.path],
      ),
  }

  const dir = nav.listing?.dir
  const currentTicked =
    dir !== undefined && (selected.includes(dir) || selected.some((s) => isInside(dir, s)))
  const shown = selected.slice(0, 6)

  return (
    <Modal
      open
      width={880}
      title={t('importer.browserTitle')}
      onCancel={onCancel}
      destroyOnHidden
      footer={
        <Flex gap={8} justify="flex-end" wrap>
          <Button onClick={onCancel}>{t('folder.cancel')}</Button>
          <Button
            type="primary"
            icon={<CloudUploadOutlined />}
            disabled={selected.length === 0}
            onClick={() => onChoose(selected)}
            data-testid="import-selected"
          >
            {t('importer.importSelected', { count: selected.length })}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary" className="import-browser-intro">
        {t('importer.browserIntro')}
      </Typography.Paragraph>
      <FolderNav nav={nav}>
        <FolderList entries={nav.listing?.entries ?? []} onEnter={nav.load} selection={selection} />
      </FolderNav>
      <Flex align="center" gap={8} wrap className="import-selection" data-testid="import-selection">
        <Button
          size="small"
          icon={<FolderAddOutlined />}
          disabled={!dir || currentTicked || nav.listing?.entries.length === 0}
          onClick={() => dir && setSelected((prev) => [...prev.filter((p) => !isInside(p, dir)), dir])}
        >
          {t('importer.selectCurrent')}
        </Button>
        <Typography.Text type="secondary">
          {t('importer.selectedCount', { count: selected.length })}
        </Typography.Text>
        {shown.map((p) => (
          <Tooltip key={p} title={<span className="mono break-all">{p}</span>}>
            <Tag
              closable
              onClose={() => setSelected((prev) => prev.filter((x) => x !== p))}
              className="import-selected-tag"
              data-user-data
            >
              {baseName(p)}
            </Tag>
          </Tooltip>
        ))}
        {selected.length > shown.length && (
          <Typography.Text type="secondary">
            {t('importer.moreSelected', { count: selected.length - shown.length })}
          </Typography.Text>
        )}
      </Flex>
    </Modal>
  )
}
