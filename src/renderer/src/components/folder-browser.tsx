import { useCallback, useEffect, useState } from 'react'
import { Breadcrumb, Button, Flex, Form, Input, Modal, Space, Spin, Typography } from 'antd'
import { ArrowUpOutlined, HddOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../../shared/errors'
import type { DirListing } from '../../../shared/types'
import { api } from '../api'
import { asApiError } from '../lib/errors'
import { isPlainFolderName, joinPath, pathCrumbs } from '../lib/paths'
import { ErrorAlert } from './error-alert'
import { FolderList } from './folder-list'

export type PickPurpose = 'open-case' | 'new-case'

interface Props {
  purpose: PickPurpose
  startDir?: string
  onChoose(path: string): void
  onCancel(): void
}

/**
 * The in-app folder browser for browser mode, where a page cannot learn real paths from the OS
 * dialog. It lists folders on the backend's machine through `fs:list`.
 */
export function FolderBrowser({ purpose, startDir, onChoose, onCancel }: Props) {
  const { t } = useTranslation()
  const [listing, setListing] = useState<DirListing | null>(null)
  const [loading, setLoading] = useState(true)
  const [failure, setFailure] = useState<ApiError | null>(null)
  const [pathText, setPathText] = useState('')
  const [newName, setNewName] = useState('')

  const show = useCallback((next: DirListing) => {
    setListing(next)
    setPathText(next.dir)
    setFailure(null)
    setLoading(false)
  }, [])
  // keep showing the folder we were in; the alert says why the other one could not be read
  const fail = useCallback((err: unknown) => {
    setFailure(asApiError(err))
    setLoading(false)
  }, [])

  const load = (dir: string) => {
    setLoading(true)
    api.invoke('fs:list', { dir }).then(show, fail)
  }

  useEffect(() => {
    api.invoke('fs:list', startDir ? { dir: startDir } : {}).then(show, fail)
  }, [startDir, show, fail])

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
            disabled={!listing}
            onClick={() => listing && onChoose(listing.dir)}
          >
            {t('folder.useCurrent')}
          </Button>
          {purpose === 'new-case' && (
            <Button
              type="primary"
              disabled={!listing || !nameOk}
              onClick={() => listing && onChoose(joinPath(listing.dir, newName.trim()))}
            >
              {t('folder.useNew')}
            </Button>
          )}
        </Flex>
      }
    >
      <Space.Compact block className="folder-path-box">
        <Input
          aria-label={t('folder.path')}
          placeholder={t('folder.pathPlaceholder')}
          value={pathText}
          onChange={(e) => setPathText(e.target.value)}
          onPressEnter={() => pathText.trim() && load(pathText.trim())}
          className="mono"
        />
        <Button onClick={() => pathText.trim() && load(pathText.trim())}>{t('folder.go')}</Button>
      </Space.Compact>

      <Flex align="center" gap={8} className="folder-crumbs">
        <Button
          size="small"
          icon={<ArrowUpOutlined />}
          disabled={!listing?.parent}
          onClick={() => listing?.parent && load(listing.parent)}
        >
          {t('folder.parent')}
        </Button>
        <Breadcrumb
          separator="›"
          items={pathCrumbs(listing?.dir ?? '').map((c) => ({
            key: c.path,
            title: (
              <a
                onClick={(e) => {
                  e.preventDefault()
                  load(c.path)
                }}
                href="#"
              >
                {c.label}
              </a>
            ),
          }))}
        />
      </Flex>

      {failure && (
        <ErrorAlert
          error={failure}
          subject={pathText}
          onClose={() => setFailure(null)}
          className="form-alert"
        />
      )}

      <div className="folder-browser">
        <div className="folder-roots">
          <Typography.Text type="secondary" className="folder-roots-title">
            {t('folder.roots')}
          </Typography.Text>
          {(listing?.roots ?? []).map((root) => (
            <Button
              key={root}
              type="text"
              block
              icon={<HddOutlined />}
              className="folder-root mono"
              title={root}
              onClick={() => load(root)}
            >
              {root}
            </Button>
          ))}
        </div>
        <Spin spinning={loading} description={t('folder.loading')} className="folder-spin">
          <FolderList
            folders={folders}
            fileCount={fileCount}
            offerOpen={purpose === 'open-case'}
            onEnter={(p) => load(p)}
            onChooseCase={onChoose}
          />
        </Spin>
      </div>

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
