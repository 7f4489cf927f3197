import { useState } from 'react'
import { Button, Table, Tag, Typography } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { LegalBasisEntry } from '../../../../shared/violation-types'
import { useReadOnly } from '../../state/read-only'
import { BasisLine } from './legal-basis'
import { LocalBasisModal } from './local-basis-modal'
import { TEXT_STATUS_TEXT } from './violation-text'

interface Props {
  legal: LegalBasisEntry[]
  onChanged(): void
}

/**
 * The legal-basis catalogue as this case sees it: the built-in provisions with their statute
 * text and whether that text was checked word for word, the case's own copies, and local entries.
 */
export function LegalCataloguePanel({ legal, onChanged }: Props) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const [adding, setAdding] = useState(false)

  return (
    <div data-testid="legal-catalogue">
      <div className="vio-catalogue-head">
        <Typography.Text type="secondary">
          {t('violations:local.intro', { count: legal.length })}
        </Typography.Text>
        {!readOnly && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="local-basis-add">
            {t('violations:local.add')}
          </Button>
        )}
      </div>
      <Table<LegalBasisEntry>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={legal}
        expandable={{
          expandedRowRender: (e) => (
            <>
              <Typography.Paragraph className="vio-prewrap" data-user-data>
                {e.text ||
                  (e.textStatus === 'unverified'
                    ? t('violations:local.unverifiedText')
                    : t('violations:local.noText'))}
              </Typography.Paragraph>
              {e.source && (
                <Typography.Paragraph type="secondary" className="small" data-testid="legal-source">
                  {t('violations:local.source', { day: e.source.checkedOn })}{' '}
                  <span data-user-data>
                    {e.source.title}：{e.source.ref}
                    {e.source.note ? `（${e.source.note}）` : ''}
                  </span>
                </Typography.Paragraph>
              )}
            </>
          ),
        }}
        columns={[
          {
            key: 'entry',
            title: t('violations:fields.basis'),
            render: (_, e) => <BasisLine entry={e} />,
          },
          {
            key: 'origin',
            title: t('violations:local.origin'),
            width: 260,
            render: (_, e) => (
              <span data-testid="legal-origin" data-basis-id={e.id}>
                <Tag color={e.origin === 'local' ? 'purple' : undefined}>
                  {e.origin === 'local'
                    ? t('violations:local.originLocal')
                    : t('violations:local.originBuiltin', { version: e.catalogueVersion })}
                </Tag>
                {e.textStatus && (
                  <Tag color={e.textStatus === 'verbatim' ? 'green' : 'gold'}>
                    {t(TEXT_STATUS_TEXT[e.textStatus])}
                  </Tag>
                )}
                {e.effectiveFrom && (
                  <Typography.Text type="secondary" className="small mono" data-testid="legal-in-force">
                    {e.effectiveFrom} — {e.effectiveTo ?? t('violations:local.inForce')}
                  </Typography.Text>
                )}
              </span>
            ),
          },
          { key: 'id', title: 'ID', width: 170, render: (_, e) => <span className="mono">{e.id}</span> },
        ]}
      />
      {adding && (
        <LocalBasisModal
          legal={legal}
          onClose={() => setAdding(false)}
          onAdded={() => {
            setAdding(false)
            onChanged()
          }}
        />
      )}
    </div>
  )
}
