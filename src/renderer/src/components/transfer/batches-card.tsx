import { useState } from 'react'
import { App, Button, Card, Collapse, Flex, Form, Input, Switch, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ExtractionBatch } from '../../../../shared/transfer-types'
import { api } from '../../api'
import { apiFieldErrors, asApiError, type FieldErrorMap } from '../../lib/errors'
import { formatInZone } from '../../lib/time'
import { caseTimeInput, parseCaseTime } from '../violations/violation-time'
import { ErrorAlert } from '../error-alert'
import { fieldStatus } from '../field-status'
import { BATCH_FIELD_TEXT } from './transfer-info-text'

interface BatchValues {
  extractedAt: string
  place: string
  medium: string
  mediumSeized: boolean
  notSeizedReason: string
  holder: string
  witness: string
  extractor1: string
  extractor2: string
}

/** One import batch's extraction facts for the 提取笔录: time (the import time unless the scene time is recorded), place, medium, people. */
function BatchForm({ batch, zone, readOnly }: { batch: ExtractionBatch; zone: string; readOnly: boolean }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<BatchValues>()
  const [errors, setErrors] = useState<FieldErrorMap>({})
  const [failure, setFailure] = useState<unknown>(null)
  const seized = Form.useWatch('mediumSeized', form) ?? batch.mediumSeized
  const initial: BatchValues = {
    extractedAt: caseTimeInput(batch.extractedAt, zone),
    place: batch.place,
    medium: batch.medium,
    mediumSeized: batch.mediumSeized,
    notSeizedReason: batch.notSeizedReason,
    holder: batch.holder,
    witness: batch.witness,
    extractor1: batch.extractors[0] ?? '',
    extractor2: batch.extractors[1] ?? '',
  }

  async function save() {
    const v = { ...initial, ...form.getFieldsValue() }
    const when = parseCaseTime(v.extractedAt ?? '', zone)
    if (when === 'invalid') {
      setErrors({ extractedAt: 'time-format' })
      return
    }
    setFailure(null)
    try {
      await api.invoke('transfer:editBatch', {
        key: batch.key,
        extractedAt: when,
        place: v.place.trim(),
        medium: v.medium.trim(),
        mediumSeized: v.mediumSeized,
        notSeizedReason: v.notSeizedReason.trim(),
        holder: v.holder.trim(),
        witness: v.witness.trim(),
        extractors: [v.extractor1.trim(), v.extractor2.trim()],
      })
      setErrors({})
      void message.success(t('transfer:info.saved'))
    } catch (e) {
      const fields = apiFieldErrors(asApiError(e))
      setErrors(fields)
      if (Object.keys(fields).length === 0) setFailure(e)
    }
  }
  const item = (name: keyof BatchValues, path: string = name) => ({
    name,
    label: t(BATCH_FIELD_TEXT[name]),
    ...fieldStatus(errors, path, t),
  })

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial}
      disabled={readOnly}
      data-testid={`batch-${batch.key}`}
    >
      <Typography.Paragraph type="secondary" className="small">
        {t('transfer:info.batch.imported', {
          time: formatInZone(batch.importedAt, zone),
          name: batch.importedBy.name,
          items: batch.items.join('、'),
        })}
      </Typography.Paragraph>
      <Flex gap={8} wrap>
        <Form.Item
          {...item('extractedAt')}
          className="transfer-grow"
          extra={t('transfer:info.batch.extractedAtHint')}
        >
          <Input placeholder="2021-05-24 04:30" className="mono" data-testid="batch-extracted-at" />
        </Form.Item>
        <Form.Item {...item('place')} className="transfer-grow">
          <Input maxLength={300} data-testid="batch-place" />
        </Form.Item>
      </Flex>
      <Form.Item {...item('medium')}>
        <Input maxLength={300} placeholder={t('transfer:info.batch.mediumHint')} data-testid="batch-medium" />
      </Form.Item>
      <Flex gap={12} wrap align="start">
        <Form.Item name="mediumSeized" label={t('transfer:info.batch.mediumSeized')} valuePropName="checked">
          <Switch data-testid="batch-seized" />
        </Form.Item>
        {!seized && (
          <Form.Item {...item('notSeizedReason')} className="transfer-grow">
            <Input maxLength={500} data-testid="batch-not-seized-reason" />
          </Form.Item>
        )}
      </Flex>
      <Flex gap={8} wrap>
        <Form.Item {...item('extractor1', 'extractors')} className="transfer-grow">
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item {...item('extractor2', 'extractors')} className="transfer-grow">
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item {...item('witness')} className="transfer-grow">
          <Input maxLength={100} data-testid="batch-witness" />
        </Form.Item>
        <Form.Item {...item('holder')} className="transfer-grow">
          <Input maxLength={100} />
        </Form.Item>
      </Flex>
      {!readOnly && (
        <Flex justify="end">
          <Button type="primary" onClick={() => void save()} data-testid="batch-save">
            {t('transfer:info.save')}
          </Button>
        </Flex>
      )}
      {failure !== null && <ErrorAlert error={asApiError(failure)} className="form-alert" />}
    </Form>
  )
}

export function BatchesCard({
  batches,
  zone,
  readOnly,
}: {
  batches: ExtractionBatch[]
  zone: string
  readOnly: boolean
}) {
  const { t } = useTranslation()
  return (
    <Card size="small" title={t('transfer:info.batchesTitle')} data-testid="transfer-batches">
      {batches.length === 0 ? (
        <Typography.Text type="secondary">{t('transfer:info.noBatches')}</Typography.Text>
      ) : (
        <Collapse
          defaultActiveKey={batches.map((b) => b.key)}
          items={batches.map((b, i) => ({
            key: b.key,
            label: (
              <span>
                {t('transfer:info.batch.title', { n: i + 1, count: b.items.length })}{' '}
                <span className="mono secondary" data-user-data>
                  {b.sourceFolder}
                </span>
              </span>
            ),
            children: <BatchForm batch={b} zone={zone} readOnly={readOnly} />,
          }))}
        />
      )}
    </Card>
  )
}
