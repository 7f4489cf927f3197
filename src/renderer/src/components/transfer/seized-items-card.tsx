import { Button, Card, Flex, Form, Input, InputNumber, Table } from 'antd'
import { useTranslation } from 'react-i18next'
import type { SeizedItemInput } from '../../../../shared/api'
import type { SeizedItem } from '../../../../shared/transfer-types'
import { api } from '../../api'
import { asApiError } from '../../lib/errors'
import { ErrorAlert } from '../error-alert'
import { fieldStatus } from '../field-status'
import { SEIZED_FIELD_TEXT } from './transfer-info-text'
import { removeEntryColumn, useListAddForm } from './transfer-list-parts'

/** 涉案物品: physical things seized under a 查封扣押决定书; electronic files go on the electronic-data list. */
export function SeizedItemsCard({ seized, readOnly }: { seized: SeizedItem[]; readOnly: boolean }) {
  const { t } = useTranslation()
  const { form, errors, failure, add } = useListAddForm<SeizedItemInput>((v) =>
    api.invoke('transfer:addSeizedItem', {
      name: (v.name ?? '').trim(),
      spec: (v.spec ?? '').trim(),
      quantity: v.quantity ?? 0,
      unit: (v.unit ?? '').trim(),
      storagePlace: (v.storagePlace ?? '').trim(),
      decisionNumber: (v.decisionNumber ?? '').trim(),
    }),
  )
  const item = (name: keyof SeizedItemInput) => ({
    name,
    label: t(SEIZED_FIELD_TEXT[name]),
    ...fieldStatus(errors, name, t),
  })

  return (
    <Card size="small" title={t('transfer:info.seizedTitle')} data-testid="transfer-seized">
      <Table<SeizedItem>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={seized}
        locale={{ emptyText: t('transfer:info.noSeized') }}
        columns={[
          { title: t('transfer:info.seized.name'), render: (_, s) => <span data-user-data>{s.name}</span> },
          { title: t('transfer:info.seized.spec'), render: (_, s) => <span data-user-data>{s.spec}</span> },
          {
            title: t('transfer:info.seized.quantity'),
            render: (_, s) => `${s.quantity} ${s.unit}`,
            width: 80,
          },
          {
            title: t('transfer:info.seized.storagePlace'),
            render: (_, s) => <span data-user-data>{s.storagePlace}</span>,
          },
          {
            title: t('transfer:info.seized.decisionNumber'),
            render: (_, s) => <span data-user-data>{s.decisionNumber}</span>,
          },
          ...(readOnly
            ? []
            : [
                removeEntryColumn<SeizedItem>({
                  subject: (r) => r.name,
                  testId: (r) => `seized-remove-${r.id}`,
                  remove: (r, reason) => api.invoke('transfer:removeSeizedItem', { id: r.id, reason }),
                }),
              ]),
        ]}
      />
      {!readOnly && (
        <Form form={form} layout="vertical" className="transfer-add-form">
          <Flex gap={8} wrap>
            <Form.Item {...item('name')} className="transfer-grow">
              <Input maxLength={200} data-testid="seized-name" />
            </Form.Item>
            <Form.Item {...item('spec')} className="transfer-grow">
              <Input maxLength={300} />
            </Form.Item>
          </Flex>
          <Flex gap={8} wrap align="end">
            <Form.Item {...item('quantity')}>
              <InputNumber min={0} data-testid="seized-quantity" />
            </Form.Item>
            <Form.Item {...item('unit')}>
              <Input maxLength={20} style={{ width: 70 }} data-testid="seized-unit" />
            </Form.Item>
            <Form.Item {...item('storagePlace')} className="transfer-grow">
              <Input maxLength={300} data-testid="seized-place" />
            </Form.Item>
            <Form.Item {...item('decisionNumber')} className="transfer-grow">
              <Input maxLength={100} data-testid="seized-decision" />
            </Form.Item>
            <Form.Item>
              <Button type="primary" onClick={() => void add()} data-testid="seized-add">
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
