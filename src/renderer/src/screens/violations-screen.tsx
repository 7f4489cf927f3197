import { useState } from 'react'
import { Button, Card, Empty, Spin, Tabs, Typography } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { Violation } from '../../../shared/violation-types'
import { ErrorAlert } from '../components/error-alert'
import { EvidenceMatrixView } from '../components/violations/evidence-matrix'
import { LegalCataloguePanel } from '../components/violations/legal-catalogue-panel'
import { useViolations } from '../components/violations/use-violations'
import { ViolationDetail } from '../components/violations/violation-detail'
import { ViolationEditor } from '../components/violations/violation-editor'
import { ViolationList } from '../components/violations/violation-list'
import '../components/violations/violations.css'
import { useReadOnly } from '../state/read-only'
import { useCurrentCase } from '../state/session'

/** Violations, their legal basis, and the evidence matrix (violations × evidence). */
export function ViolationsScreen() {
  const { t } = useTranslation()
  const info = useCurrentCase()
  const readOnly = useReadOnly()
  const { data, failure, reload } = useViolations()
  const [selectedId, setSelectedId] = useState<string | null>(null)
  // 'new' opens an empty editor; a violation opens it filled
  const [editing, setEditing] = useState<Violation | 'new' | null>(null)
  const [version, setVersion] = useState(0)

  const changed = () => {
    setVersion((n) => n + 1)
    void reload()
  }
  const violations = data?.violations ?? []
  const selected = violations.find((v) => v.id === selectedId) ?? violations[0] ?? null

  const listTab = !data ? (
    failure ? null : (
      <div className="vio-loading" data-testid="violations-loading">
        <Spin /> {t('violations:loading')}
      </div>
    )
  ) : violations.length === 0 ? (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={t('violations:empty')}
      data-testid="violations-empty"
    />
  ) : (
    <div className="vio-split">
      <ViolationList violations={violations} selectedId={selected?.id ?? null} onSelect={setSelectedId} />
      {selected ? (
        <ViolationDetail
          key={selected.id}
          violation={selected}
          legal={data.legal}
          items={data.items}
          zone={info.timezone}
          readOnly={readOnly}
          onEdit={() => setEditing(selected)}
          onChanged={changed}
        />
      ) : (
        <Typography.Text type="secondary">{t('violations:selectHint')}</Typography.Text>
      )}
    </div>
  )

  return (
    <div className="page vio-screen" data-testid="violations-screen">
      <Card
        title={t('violations:title')}
        extra={
          !readOnly && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
              disabled={!data}
              data-testid="violation-add"
            >
              {t('violations:add')}
            </Button>
          )
        }
      >
        {failure && <ErrorAlert error={failure} className="vio-alert" />}
        <Tabs
          destroyOnHidden
          onChange={() => void reload()}
          items={[
            { key: 'list', label: t('violations:tabs.list'), children: listTab },
            {
              key: 'matrix',
              label: t('violations:tabs.matrix'),
              children: <EvidenceMatrixView version={version} />,
            },
            {
              key: 'catalogue',
              label: t('violations:tabs.catalogue'),
              children: data && <LegalCataloguePanel legal={data.legal} onChanged={changed} />,
            },
          ]}
        />
      </Card>
      {editing && data && (
        <ViolationEditor
          violation={editing === 'new' ? null : editing}
          legal={data.legal}
          caseSubject={info.subject}
          zone={info.timezone}
          onClose={() => setEditing(null)}
          onSaved={(v) => {
            setEditing(null)
            setSelectedId(v.id)
            changed()
          }}
        />
      )}
    </div>
  )
}
