import { Card, Col, Form, Input, Row, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import type { FieldErrorMap } from '../lib/errors'
import type { ZoneOption } from '../lib/time'
import { fieldStatus } from './field-status'
import { OfficersField } from './officers-field'

interface Props {
  errors: FieldErrorMap
  /** the time zone is set once, at creation: edit mode leaves it out */
  zoneOptions?: ZoneOption[]
}

/** The case's own fields, grouped as the case file groups them; used by "new case" and by editing in the overview. */
export function CaseFieldsSections({ errors, zoneOptions }: Props) {
  const { t } = useTranslation()
  const status = (path: string) => fieldStatus(errors, path, t)
  return (
    <>
      <Card size="small" title={t('caseForm.sectionCase')} className="form-section">
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Form.Item name="number" label={t('caseForm.number')} required {...status('number')}>
              <Input placeholder={t('caseForm.numberPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item name="title" label={t('caseForm.caseTitle')} required {...status('title')}>
              <Input placeholder={t('caseForm.titlePlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="cause" label={t('caseForm.cause')} {...status('cause')}>
              <Input.TextArea
                autoSize={{ minRows: 1, maxRows: 4 }}
                placeholder={t('caseForm.causePlaceholder')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item name="unit" label={t('caseForm.unit')} {...status('unit')}>
              <Input />
            </Form.Item>
          </Col>
          {zoneOptions && (
            <Col xs={24} lg={12}>
              <Form.Item
                name="timezone"
                label={t('caseForm.timezone')}
                required
                extra={t('caseForm.timezoneHint')}
                {...status('timezone')}
              >
                <Select options={zoneOptions} showSearch={{ optionFilterProp: 'label' }} virtual />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Card>

      <Card size="small" title={t('caseForm.sectionSubject')} className="form-section">
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Form.Item
              name={['subject', 'name']}
              label={t('caseForm.subjectName')}
              {...status('subject.name')}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item
              name={['subject', 'creditCode']}
              label={t('caseForm.creditCode')}
              {...status('subject.creditCode')}
            >
              <Input placeholder={t('caseForm.creditCodePlaceholder')} className="mono" />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item
              name={['subject', 'address']}
              label={t('caseForm.address')}
              {...status('subject.address')}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item
              name={['subject', 'legalRep']}
              label={t('caseForm.legalRep')}
              {...status('subject.legalRep')}
            >
              <Input />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card size="small" title={t('caseForm.sectionOfficers')} className="form-section">
        <OfficersField errors={errors} />
      </Card>
    </>
  )
}
