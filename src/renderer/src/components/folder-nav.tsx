import type { ReactNode } from 'react'
import { Breadcrumb, Button, Flex, Input, Space, Spin, Typography } from 'antd'
import { ArrowUpOutlined, HddOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { DirListingState } from '../hooks/use-dir-listing'
import { pathCrumbs } from '../lib/paths'
import { ErrorAlert } from './error-alert'

/**
 * The navigation every in-app browser shares: a path box for pasting, the way up, breadcrumbs,
 * the usual starting places, and whatever list the caller shows for the current folder.
 */
export function FolderNav({ nav, children }: { nav: DirListingState; children: ReactNode }) {
  const { t } = useTranslation()
  const { listing, pathText, setPathText, load } = nav
  const go = () => pathText.trim() && load(pathText.trim())
  return (
    <>
      <Space.Compact block className="folder-path-box">
        <Input
          aria-label={t('folder.path')}
          placeholder={t('folder.pathPlaceholder')}
          value={pathText}
          onChange={(e) => setPathText(e.target.value)}
          onPressEnter={go}
          className="mono"
        />
        <Button onClick={go}>{t('folder.go')}</Button>
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

      {nav.failure && (
        <ErrorAlert
          error={nav.failure}
          subject={pathText}
          onClose={nav.clearFailure}
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
        <Spin spinning={nav.loading} description={t('folder.loading')} className="folder-spin">
          {children}
        </Spin>
      </div>
    </>
  )
}
