import { useState } from 'react'
import { Button, Card, Empty, Form, Input, List, Popconfirm, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../../../shared/errors'
import type { TrustedKey } from '../../../../shared/package-types'
import { api } from '../../api'
import { useApi } from '../../hooks/use-api'
import { asApiError } from '../../lib/errors'
import { formatInZone } from '../../lib/time'
import { ErrorAlert } from '../error-alert'
import { Fingerprint } from './fingerprint'

/** Public keys confirmed out of band, which reviewer mode shows as trusted; add by pasting a PEM. */
export function TrustedKeysCard({ timeZone }: { timeZone: string }) {
  const { t } = useTranslation()
  // this machine's list, not the case's: a case change does not touch it
  const list = useApi('trust:list', {}, { refetchOnCaseChange: false })
  const keys = list.data ?? null
  const [changeError, setChangeError] = useState<ApiError | null>(null)
  const error = changeError ?? list.error
  const [name, setName] = useState('')
  const [pem, setPem] = useState('')

  const run = async (call: () => Promise<TrustedKey[]>, after?: () => void) => {
    setChangeError(null)
    try {
      const next = await call()
      list.setData(() => next)
      after?.()
    } catch (e) {
      setChangeError(asApiError(e))
    }
  }
  const add = () =>
    run(
      () => api.invoke('trust:add', { publicKeyPem: pem, name }),
      () => {
        setName('')
        setPem('')
      },
    )

  return (
    <Card size="small" title={t('exportPkg:trust.title')} data-testid="trusted-keys">
      <Typography.Paragraph type="secondary">{t('exportPkg:trust.hint')}</Typography.Paragraph>
      {keys && keys.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('exportPkg:trust.empty')} />
      ) : (
        <List
          size="small"
          loading={keys === null}
          dataSource={keys ?? []}
          renderItem={(k) => (
            <List.Item
              data-testid="trusted-key"
              actions={[
                <Popconfirm
                  key="remove"
                  title={t('exportPkg:trust.removeConfirm')}
                  onConfirm={() => run(() => api.invoke('trust:remove', { fingerprint: k.fingerprint }))}
                >
                  <Button size="small" danger>
                    {t('exportPkg:trust.remove')}
                  </Button>
                </Popconfirm>,
              ]}
            >
              <List.Item.Meta
                title={k.name}
                description={
                  <>
                    <Fingerprint value={k.fingerprint} />
                    <br />
                    {t('exportPkg:trust.addedAt')}：{formatInZone(k.addedAt, timeZone)}
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
      {error && <ErrorAlert error={error} onClose={changeError ? () => setChangeError(null) : undefined} />}
      <Form layout="vertical" className="trusted-key-form" onFinish={add}>
        <Form.Item label={t('exportPkg:trust.name')} htmlFor="trust-name">
          <Input
            id="trust-name"
            value={name}
            maxLength={100}
            placeholder={t('exportPkg:trust.namePlaceholder')}
            onChange={(e) => setName(e.target.value)}
          />
        </Form.Item>
        <Form.Item label={t('exportPkg:trust.pem')} htmlFor="trust-pem">
          <Input.TextArea
            id="trust-pem"
            className="mono"
            value={pem}
            rows={4}
            placeholder={t('exportPkg:trust.pemPlaceholder')}
            onChange={(e) => setPem(e.target.value)}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" disabled={!name.trim() || !pem.trim()}>
          {t('exportPkg:trust.add')}
        </Button>
      </Form>
    </Card>
  )
}
