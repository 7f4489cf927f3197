import { Button, Flex, Modal } from 'antd'
import { useTranslation } from 'react-i18next'
import { useDirListing } from '../../hooks/use-dir-listing'
import { FolderList } from '../folder-list'
import { FolderNav } from '../folder-nav'

interface Props {
  startDir?: string
  onChoose(path: string): void
  onCancel(): void
}

/** The in-app folder browser (browser mode) for where the package goes: an existing folder. */
export function ExportFolderBrowser({ startDir, onChoose, onCancel }: Props) {
  const { t } = useTranslation()
  const nav = useDirListing(startDir)
  const { listing } = nav
  const folders = listing?.entries.filter((e) => e.isDir) ?? []
  return (
    <Modal
      open
      width={820}
      title={t('exportPkg:target.pickTitle')}
      onCancel={onCancel}
      destroyOnHidden
      footer={
        <Flex gap={8} justify="flex-end">
          <Button onClick={onCancel}>{t('exportPkg:target.cancel')}</Button>
          <Button
            type="primary"
            disabled={!nav.settled}
            onClick={() => nav.settled && onChoose(nav.settled.dir)}
          >
            {t('exportPkg:target.useCurrent')}
          </Button>
        </Flex>
      }
    >
      <FolderNav nav={nav}>
        <FolderList
          entries={folders}
          hiddenFileCount={(listing?.entries.length ?? 0) - folders.length}
          onEnter={nav.load}
        />
      </FolderNav>
    </Modal>
  )
}
