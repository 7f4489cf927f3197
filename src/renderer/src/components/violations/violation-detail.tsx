import { useMemo, useState, type ReactNode } from 'react'
import { App, Button, Card, Flex, Typography } from 'antd'
import { CheckOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { LegalBasisEntry, Violation } from '../../../../shared/violation-types'
import type { EvidenceItem } from '../../../../shared/types'
import { api } from '../../api'
import { asApiError } from '../../lib/errors'
import { interpolateNodes, UserValue } from '../../lib/interpolate-nodes'
import { formatInZone } from '../../lib/time'
import { ErrorAlert } from '../error-alert'
import { AddEvidenceModal } from './add-evidence-modal'
import { BasisLine } from './legal-basis'
import { LawChoiceCard } from './law-choice-card'
import { LinkList } from './link-list'
import { ReasonButton } from '../reason-button'
import { StatusTag } from './status-tag'
import { activeLinks } from './violation-list'

interface Props {
  violation: Violation
  legal: LegalBasisEntry[]
  items: EvidenceItem[]
  zone: string
  readOnly: boolean
  onEdit(): void
  onChanged(): void
}

/** One violation as it will be transferred: its facts, time, place, party, legal basis, and the evidence for it. */
export function ViolationDetail({ violation: v, legal, items, zone, readOnly, onEdit, onChanged }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [adding, setAdding] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const byId = useMemo(() => new Map(legal.map((e) => [e.id, e])), [legal])
  const itemsById = useMemo(() => new Map(items.map((i) => [i.id, i])), [items])

  async function confirm() {
    setFailure(null)
    try {
      await api.invoke('violation:save', {
        id: v.id,
        title: v.title,
        facts: v.facts,
        occurredFrom: v.occurredFrom,
        occurredTo: v.occurredTo,
        place: v.place,
        basis: v.basis,
        status: 'confirmed',
      })
      void message.success(t('violations:actions.confirmed'))
      onChanged()
    } catch (e) {
      setFailure(e)
    }
  }

  const time =
    v.occurredFrom || v.occurredTo
      ? `${v.occurredFrom ? formatInZone(v.occurredFrom, zone) : '…'} — ${v.occurredTo ? formatInZone(v.occurredTo, zone) : '…'}`
      : null

  return (
    <div className="vio-detail" data-testid="violation-detail" data-number={v.number}>
      <Card
        size="small"
        title={
          <span className="vio-detail-title">
            <span className="mono" data-user-data>
              {v.number}
            </span>
            <Typography.Text strong ellipsis={{ tooltip: v.title }} data-user-data data-testid="detail-title">
              {v.title}
            </Typography.Text>
            <StatusTag status={v.status} />
          </span>
        }
        extra={
          !readOnly && (
            <Flex gap={4} wrap>
              {v.status === 'draft' && (
                <Button
                  size="small"
                  icon={<CheckOutlined />}
                  onClick={() => void confirm()}
                  data-testid="violation-confirm"
                >
                  {t('violations:actions.confirm')}
                </Button>
              )}
              <Button size="small" icon={<EditOutlined />} onClick={onEdit} data-testid="violation-edit">
                {t('violations:actions.edit')}
              </Button>
              <ReasonButton
                texts={{
                  label: t('violations:actions.withdraw'),
                  title: t('violations:actions.withdrawTitle'),
                  cancel: t('violations:cancel'),
                  reasonLabel: t('violations:reason'),
                  reasonPlaceholder: t('violations:reasonPlaceholder'),
                }}
                hint={t('violations:actions.withdrawHint')}
                subject={`${v.number} ${v.title}`}
                successMessage={t('violations:actions.withdrawn')}
                testId="violation-withdraw"
                type="default"
                onConfirm={async (reason) => {
                  await api.invoke('violation:withdraw', { id: v.id, reason })
                  onChanged()
                }}
              />
            </Flex>
          )
        }
      >
        {failure !== null && (
          <ErrorAlert error={asApiError(failure)} className="vio-alert" onClose={() => setFailure(null)} />
        )}
        <dl className="vio-facts">
          <Fact label={t('violations:fields.facts')}>
            {v.facts ? (
              <div className="vio-prewrap" data-user-data data-testid="detail-facts">
                {v.facts}
              </div>
            ) : (
              <Unknown />
            )}
          </Fact>
          <Fact label={t('violations:fields.occurred')}>
            {time ? (
              <span className="mono" data-testid="detail-time">
                {time}
              </span>
            ) : (
              <Unknown />
            )}
          </Fact>
          <Fact label={t('violations:fields.place')}>
            {v.place ? <span data-user-data>{v.place}</span> : <Unknown />}
          </Fact>
          <Fact label={t('violations:fields.subject')}>
            {v.subject.name ? (
              <span data-user-data>
                {v.subject.name} <span className="mono secondary">{v.subject.creditCode}</span>
              </span>
            ) : (
              <Unknown />
            )}
          </Fact>
          <Fact label={t('violations:fields.basis')}>
            {v.basis.length === 0 ? (
              <Typography.Text type="warning">{t('violations:basisEmpty')}</Typography.Text>
            ) : (
              <ol className="vio-basis-list" data-testid="detail-basis">
                {v.basis.map((id) => {
                  const e = byId.get(id)
                  return <li key={id}>{e ? <BasisLine entry={e} /> : <span data-user-data>{id}</span>}</li>
                })}
              </ol>
            )}
          </Fact>
          <Fact label={t('violations:fields.created')}>
            <span className="secondary">
              {interpolateNodes('{{name}} · {{time}}', {
                name: <UserValue>{v.createdBy.name}</UserValue>,
                time: formatInZone(v.createdAt, zone),
              })}
            </span>
          </Fact>
        </dl>
      </Card>
      <LawChoiceCard violation={v} legal={legal} zone={zone} readOnly={readOnly} onChanged={onChanged} />
      <Card
        size="small"
        className="vio-links-card"
        title={`${t('violations:links.title')} (${activeLinks(v).length})`}
        extra={
          !readOnly && (
            <Button
              size="small"
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setAdding(true)}
              data-testid="add-evidence"
            >
              {t('violations:actions.addEvidence')}
            </Button>
          )
        }
      >
        <LinkList violation={v} items={itemsById} zone={zone} readOnly={readOnly} onChanged={onChanged} />
      </Card>
      {adding && (
        <AddEvidenceModal
          violation={v}
          items={items}
          onClose={() => setAdding(false)}
          onLinked={() => {
            setAdding(false)
            onChanged()
          }}
        />
      )}
    </div>
  )
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  )
}

function Unknown() {
  const { t } = useTranslation()
  return <Typography.Text type="secondary">{t('violations:unknown')}</Typography.Text>
}
