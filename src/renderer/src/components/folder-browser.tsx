import { useState } from 'react'
import { Button, Flex, Form, Input, Modal } from 'antd'
import { useTranslation } from 'react-i18next'
import { useDirListing } from '../hooks/use-dir-listing'
import { isPlainFolderName, joinPath } from '../lib/paths'
import { FolderList } from './folder-list'
import { FolderNav } from './folder-nav'

export type PickPurpose = 'open-case' | 'new-case'

interface Props {
  purpose: PickPurpose
  startDir?: string
  onChoose(path: string): void
  onCancel(): void
}

/**
 * The in-app folder browser for browser mode, where a page cannot learn real paths from the OS
 * dialog. It lists folders on the backend's machine through `fs:list`. Its sibling for choosing
 * files to import is `import/import-source-browser.tsx`; both share FolderNav and FolderList.
 */
export function FolderBrowser({ purpose, startDir, onChoose, onCancel }: Props) {
  const { t } = useTranslation()
  const nav = useDirListing(startDir)
  const { listing } = nav
  const [newName, setNewName] = useState('')

  const folders = listing?.entries.filter((e) => e.isDir) ?? []
  const fileCount = (listing?.entries.length ?? 0) - folders.length
  const nameOk = isPlainFolderName(newName)

  return (
    <Modal
      open
      width={820}
      title={t(purpose === 'new-case' ? 'folder.pickForNew' : 'folder.pickForOpen')}
      onCancel={onCancel}
      destroyOnHidden
      footer={
        <Flex gap={8} justify="flex-end" wrap>
          <Button onClick={onCancel}>{t('folder.cancel')}</Button>
          <Button
            type={purpose === 'new-case' && nameOk ? 'default' : 'primary'}
            disabled={!nav.settled}
            onClick={() => nav.settled && onChoose(nav.settled.dir)}
          >
            {t('folder.useCurrent')}
          </Button>
          {purpose === 'new-case' && (
            <Button
              type="primary"
              disabled={!nav.settled || !nameOk}
              onClick={() => nav.settled && onChoose(joinPath(nav.settled.dir, newName.trim()))}
            >
              {t('folder.useNew')}
            </Button>
          )}
        </Flex>
      }
    >
      <FolderNav nav={nav}>
        <FolderList
          entries={folders}
          hiddenFileCount={fileCount}
          offerOpen={purpose === 'open-case'}
          onEnter={nav.load}
          onChooseCase={onChoose}
        />
      </FolderNav>

      {purpose === 'new-case' && (
        <Form layout="vertical" className="folder-new">
          <Form.Item
            label={t('folder.newFolderName')}
            extra={t('folder.newFolderHint')}
            htmlFor="new-folder-name"
          >
            <Input
              id="new-folder-name"
              value={newName}
              placeholder={t('folder.newFolderPlaceholder')}
              onChange={(e) => setNewName(e.target.value)}
            />
          </Form.Item>
        </Form>
      )}
    </Modal>
  )
}
