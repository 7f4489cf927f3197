import { Button, Empty, Flex, List, Modal, Typography } from 'antd'
import { FileZipOutlined, FolderOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useDirListing } from '../../hooks/use-dir-listing'
import { formatBytes } from '../../lib/format'
import { FolderNav } from '../folder-nav'

interface Props {
  onChoose(path: string): void
  onCancel(): void
}

/**
 * Chooses a package on the backend's machine: a .zip file, or a bag folder (the current one).
 * In-app in both shells, since the OS folder dialog cannot pick a ZIP file.
 */
export function PackagePicker({ onChoose, onCancel }: Props) {
  const { t } = useTranslation()
  const nav = useDirListing()
  const { listing } = nav
  const entries = (listing?.entries ?? []).filter((e) => e.isDir || /\.zip$/i.test(e.name))
  return (
    <Modal
      open
      width={820}
      title={t('review:picker.title')}
      onCancel={onCancel}
      destroyOnHidden
      footer={
        <Flex gap={8} justify="flex-end">
          <Button onClick={onCancel}>{t('review:picker.cancel')}</Button>
          <Button
            type="primary"
            disabled={!nav.settled}
            onClick={() => nav.settled && onChoose(nav.settled.dir)}
            data-testid="review-use-folder"
          >
            {t('review:picker.useFolder')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{t('review:picker.hint')}</Typography.Paragraph>
      <FolderNav nav={nav}>
        {entries.length === 0 ? (
          <Empty description={t('review:picker.empty')} />
        ) : (
          <List
            size="small"
            className="folder-list"
            dataSource={entries}
            renderItem={(e) => (
              <List.Item
                className="folder-row"
                data-testid={`package-entry-${e.name}`}
                onClick={() => (e.isDir ? nav.load(e.path) : onChoose(e.path))}
                style={{ cursor: 'pointer' }}
              >
                <Flex gap={8} align="center" style={{ width: '100%' }}>
                  {e.isDir ? <FolderOutlined /> : <FileZipOutlined />}
                  <Typography.Text data-user-data ellipsis style={{ flex: 1 }}>
                    {e.name}
                  </Typography.Text>
                  {!e.isDir && (
                    <Typography.Text type="secondary">
                      {t('review:picker.zip')} · {formatBytes(e.size ?? 0)}
                    </Typography.Text>
                  )}
                </Flex>
              </List.Item>
            )}
          />
        )}
      </FolderNav>
    </Modal>
  )
}
