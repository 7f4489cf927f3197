import { useState } from 'react'
import { Alert, Button, Card, Descriptions, Input, Space, Typography, message } from 'antd'
import { CopyOutlined, DownloadOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { OfficerKeyInfo } from '../../../../shared/package-types'
import { useApi } from '../../hooks/use-api'
import type { MessageKey } from '../../i18n/keys'
import { formatInZone } from '../../lib/time'
import { ErrorAlert } from '../error-alert'
import { Fingerprint } from './fingerprint'

const PROTECTION_TEXT: Record<OfficerKeyInfo['protection'], MessageKey> = {
  'safe-storage': 'exportPkg:key.safe-storage',
  'file-0600': 'exportPkg:key.file-0600',
}

/** The officer's own key: fingerprint, how it is kept, and the public key to hand to reviewers. */
export function SigningKeyCard({ timeZone }: { timeZone: string }) {
  const { t } = useTranslation()
  // the officer's own key, not the case's: a case change does not touch it
  const { data: key, error } = useApi('key:get', {}, { refetchOnCaseChange: false })
  const [copied, setCopied] = useState(false)

  const copy = async () => {
    if (!key) return
    try {
      await navigator.clipboard.writeText(key.publicKeyPem)
      setCopied(true)
      void message.success(t('exportPkg:key.copied'))
    } catch {
      // no clipboard permission (e.g. plain http): the PEM is selectable in the box below
    }
  }
  const download = () => {
    if (!key) return
    const url = URL.createObjectURL(new Blob([key.publicKeyPem], { type: 'application/x-pem-file' }))
    const a = document.createElement('a')
    a.href = url
    a.download = `evidence-desk-${key.certNo}-${key.fingerprint.slice(0, 8)}.pem`
    a.click()
    URL.revokeObjectURL(url)
  }

  return (
    <Card size="small" title={t('exportPkg:key.title')} data-testid="signing-key">
      {error && <ErrorAlert error={error} />}
      {!key && !error && <Alert type="info" title={t('exportPkg:key.loading')} />}
      {key && (
        <>
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'fp',
                label: t('exportPkg:key.fingerprint'),
                children: <Fingerprint value={key.fingerprint} testId="my-fingerprint" />,
              },
              {
                key: 'at',
                label: t('exportPkg:key.createdAt'),
                children: formatInZone(key.createdAt, timeZone),
              },
              {
                key: 'prot',
                label: t('exportPkg:key.protection'),
                children: t(PROTECTION_TEXT[key.protection]),
              },
            ]}
          />
          <Typography.Paragraph type="secondary">{t('exportPkg:key.hint')}</Typography.Paragraph>
          <Input.TextArea
            aria-label={t('exportPkg:key.publicKey')}
            className="mono"
            readOnly
            value={key.publicKeyPem}
            autoSize={{ minRows: 3, maxRows: 4 }}
          />
          <Space className="export-key-actions">
            <Button icon={<CopyOutlined />} onClick={copy}>
              {copied ? t('exportPkg:key.copied') : t('exportPkg:key.copy')}
            </Button>
            <Button icon={<DownloadOutlined />} onClick={download}>
              {t('exportPkg:key.download')}
            </Button>
          </Space>
        </>
      )}
    </Card>
  )
}
