import { Button, Card, Flex, Form, Input, InputNumber, Select, Table } from 'antd'
import { useTranslation } from 'react-i18next'
import type { AttachmentInput } from '../../../../shared/api'
import { ATTACHMENT_KINDS, type TransferAttachment } from '../../../../shared/transfer-types'
import type { EvidenceItem } from '../../../../shared/types'
import { api } from '../../api'
import { asApiError } from '../../lib/errors'
import { ErrorAlert } from '../error-alert'
import { fieldStatus } from '../field-status'
import { ATTACHMENT_KIND_TEXT } from './transfer-info-text'
import { removeEntryColumn, useListAddForm } from './transfer-list-parts'

interface Props {
  attachments: TransferAttachment[]
  items: EvidenceItem[]
  readOnly: boolean
}

/** The officer's materials for the 附件 list: a scan linked to its item, or paper with its page count. */
export function AttachmentsCard({ attachments, items, readOnly }: Props) {
  const { t } = useTranslation()
  const { form, errors, failure, add } = useListAddForm<AttachmentInput>((v) =>
    api.invoke('transfer:addAttachment', {
      kind: v.kind ?? 'other',
      title: (v.title ?? '').trim(),
      reference: (v.reference ?? '').trim(),
      ...(v.itemId ? { itemId: v.itemId } : {}),
      copies: v.copies ?? 1,
      pages: v.pages ?? 0,
    }),
  )

  return (
    <Card size="small" title={t('transfer:info.attachmentsTitle')} data-testid="transfer-attachments">
      <Table<TransferAttachment>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={attachments}
        locale={{ emptyText: t('transfer:info.noAttachments') }}
        columns={[
          {
            title: t('transfer:info.fields.kind'),
            render: (_, a) => t(ATTACHMENT_KIND_TEXT[a.kind]),
          },
          { title: t('transfer:info.fields.title'), render: (_, a) => <span data-user-data>{a.title}</span> },
          { title: t('transfer:info.fields.copies'), dataIndex: 'copies', width: 60 },
          { title: t('transfer:info.fields.pages'), dataIndex: 'pages', width: 60 },
          {
            title: t('transfer:info.fields.item'),
            render: (_, a) =>
              a.itemNumber ? <span className="mono">{a.itemNumber}</span> : t('transfer:info.paper'),
          },
          ...(readOnly
            ? []
            : [
                removeEntryColumn<TransferAttachment>({
                  subject: (r) => r.title,
                  testId: (r) => `attachment-remove-${r.id}`,
                  remove: (r, reason) => api.invoke('transfer:removeAttachment', { id: r.id, reason }),
                }),
              ]),
        ]}
      />
      {!readOnly && (
        <Form
          form={form}
          layout="vertical"
          className="transfer-add-form"
          initialValues={{ kind: 'test-report', copies: 1 }}
        >
          <Flex gap={8} wrap>
            <Form.Item name="kind" label={t('transfer:info.fields.kind')} style={{ minWidth: 200 }}>
              <Select
                options={ATTACHMENT_KINDS.map((k) => ({
                  value: k,
                  label: t(ATTACHMENT_KIND_TEXT[k]),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="title"
              label={t('transfer:info.fields.title')}
              className="transfer-grow"
              {...fieldStatus(errors, 'title', t)}
            >
              <Input maxLength={200} data-testid="attachment-title" />
            </Form.Item>
            <Form.Item name="reference" label={t('transfer:info.fields.reference')}>
              <Input maxLength={100} />
            </Form.Item>
          </Flex>
          <Flex gap={8} wrap align="end">
            <Form.Item
              name="itemId"
              label={t('transfer:info.fields.item')}
              style={{ minWidth: 220 }}
              {...fieldStatus(errors, 'itemId', t)}
            >
              <Select
                allowClear
                placeholder={t('transfer:info.paper')}
                options={items.map((i) => ({ value: i.id, label: `${i.number} ${i.originalName}` }))}
              />
            </Form.Item>
            <Form.Item
              name="copies"
              label={t('transfer:info.fields.copies')}
              {...fieldStatus(errors, 'copies', t)}
            >
              <InputNumber min={0} max={100} data-testid="attachment-copies" />
            </Form.Item>
            <Form.Item
              name="pages"
              label={t('transfer:info.fields.pages')}
              {...fieldStatus(errors, 'pages', t)}
            >
              <InputNumber min={0} max={10000} data-testid="attachment-pages" />
            </Form.Item>
            <Form.Item>
              <Button type="primary" onClick={() => void add()} data-testid="attachment-add">
                {t('transfer:info.add')}
              </Button>
            </Form.Item>
          </Flex>
        </Form>
      )}
      {failure !== null && <ErrorAlert error={asApiError(failure)} className="form-alert" />}
    </Card>
  )
}
