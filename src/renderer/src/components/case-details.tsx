import type { ReactNode } from 'react'
import { Button, Card, Descriptions, Table, Typography } from 'antd'
import { EditOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { CaseInfo, Officer } from '../../../shared/types'
import { formatInZone } from '../lib/time'
import { useReadOnly } from '../state/read-only'
import { ZoneChangeButton } from './zone-change-button'

/** The case record as read-only facts; "edit" switches the card to the form. */
export function CaseDetails({
  info,
  onEdit,
  onChanged,
}: {
  info: CaseInfo
  onEdit: () => void
  /** the case after a change made here (its time zone) */
  onChanged: (info: CaseInfo) => void
}) {
  const readOnly = useReadOnly()
  const { t } = useTranslation()
  // empty optional fields are said to be empty, not left as a blank cell that looks like a rendering fault
  const v = (value: string, mono = false): ReactNode =>
    value ? (
      <span className={mono ? 'mono' : undefined} data-user-data>
        {value}
      </span>
    ) : (
      <Typography.Text type="secondary">{t('overview.notSet')}</Typography.Text>
    )
  return (
    <Card
      title={t('overview.caseDetails')}
      className="details-card"
      extra={
        readOnly ? null : (
          <Button icon={<EditOutlined />} onClick={onEdit} data-testid="edit-case">
            {t('overview.edit')}
          </Button>
        )
      }
    >
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, lg: 2 }}
        className="case-descriptions"
        items={[
          { key: 'number', label: t('caseForm.number'), children: v(info.number) },
          { key: 'title', label: t('caseForm.caseTitle'), children: v(info.title) },
          { key: 'cause', label: t('caseForm.cause'), children: v(info.cause), span: 'filled' },
          { key: 'unit', label: t('caseForm.unit'), children: v(info.unit) },
          {
            key: 'timezone',
            label: t('caseForm.timezone'),
            children: (
              <span data-testid="case-timezone">
                {v(info.timezone, true)} <ZoneChangeButton info={info} onChanged={onChanged} />
              </span>
            ),
          },
          {
            key: 'createdAt',
            label: t('overview.createdAt'),
            children: <span className="mono">{formatInZone(info.createdAt, info.timezone)}</span>,
          },
          {
            key: 'createdBy',
            label: t('overview.createdBy'),
            children: (
              <span data-user-data>
                {info.createdBy.name} <span className="mono secondary">{info.createdBy.certNo}</span>
              </span>
            ),
          },
          { key: 'dir', label: t('overview.folder'), children: v(info.dir, true), span: 'filled' },
        ]}
      />
      <Typography.Title level={5} className="details-subtitle">
        {t('overview.subject')}
      </Typography.Title>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, lg: 2 }}
        className="case-descriptions"
        items={[
          { key: 'name', label: t('caseForm.subjectName'), children: v(info.subject.name) },
          { key: 'creditCode', label: t('caseForm.creditCode'), children: v(info.subject.creditCode, true) },
          { key: 'address', label: t('caseForm.address'), children: v(info.subject.address) },
          { key: 'legalRep', label: t('caseForm.legalRep'), children: v(info.subject.legalRep) },
        ]}
      />
      <Typography.Title level={5} className="details-subtitle">
        {t('overview.officers')}
      </Typography.Title>
      <Table<Officer & { index: number }>
        size="small"
        bordered
        pagination={false}
        rowKey="index"
        dataSource={info.officers.map((o, i) => ({ ...o, index: i + 1 }))}
        columns={[
          { key: 'index', dataIndex: 'index', title: '#', width: 56 },
          {
            key: 'name',
            dataIndex: 'name',
            title: t('caseForm.officerName'),
            render: (s: string) => <span data-user-data>{s}</span>,
          },
          {
            key: 'certNo',
            dataIndex: 'certNo',
            title: t('caseForm.officerCertNo'),
            render: (s: string) => (
              <span className="mono" data-user-data>
                {s}
              </span>
            ),
          },
        ]}
        data-testid="officers-table"
      />
    </Card>
  )
}
