import { useEffect, useRef, useState } from 'react'
import { Alert, Button, Card, Flex, Form, Input, InputNumber, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../../../shared/errors'
import type { Annotation, ThermalFrameInfo, ThermalOverrides, ThermalShape } from '../../../../shared/types'
import { api } from '../../api'
import { asApiError } from '../../lib/errors'
import { ErrorAlert } from '../../components/error-alert'
import { shapeText } from './measurement-text'
import { useReadOnly } from '../../state/read-only'
import type { MessageKey } from '../../i18n/keys'

interface Props {
  info: ThermalFrameInfo
  shape: ThermalShape
  onSaved(a: Annotation): void
  onCancel(): void
}

const OVERRIDE_FIELDS = [
  { key: 'emissivity', label: 'thermal:measure.emissivity', min: 0.01, max: 1, step: 0.01, precision: 2 },
  {
    key: 'objectDistance',
    label: 'thermal:measure.objectDistance',
    min: 0,
    max: 100_000,
    step: 0.5,
    precision: 1,
  },
  {
    key: 'reflectedTempC',
    label: 'thermal:measure.reflectedTempC',
    min: -273,
    max: 3000,
    step: 0.5,
    precision: 1,
  },
] as const satisfies ReadonlyArray<{
  key: string
  label: MessageKey
  min: number
  max: number
  step: number
  precision: number
}>

/** Field error codes the thermal channels return, each with its own words. */
const FIELD_ERROR_TEXT = {
  'thermal-shape-outside': 'thermal:errors.thermal-shape-outside',
  'thermal-overrides-relative': 'thermal:errors.thermal-overrides-relative',
} as const satisfies Record<string, MessageKey>
type KnownFieldCode = keyof typeof FIELD_ERROR_TEXT
const isKnownFieldCode = (code: string): code is KnownFieldCode => Object.hasOwn(FIELD_ERROR_TEXT, code)

/** The note and (FLIR only) the parameters for one new measurement, then thermal:measure. */
export function MeasurementForm({ info, shape, onSaved, onCancel }: Props) {
  const readOnly = useReadOnly()
  const { t } = useTranslation()
  const [note, setNote] = useState('')
  const [overrides, setOverrides] = useState<ThermalOverrides>({})
  const [saving, setSaving] = useState(false)
  const [failure, setFailure] = useState<ApiError | null>(null)
  const canOverride = !info.relativeOnly
  const card = useRef<HTMLDivElement>(null)
  // In a narrow layout the form sits below the image: bring it into view when a shape is drawn.
  // (A block body: newer Chromium returns a Promise from scrollIntoView, and an effect may only return a cleanup.)
  useEffect(() => {
    void card.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' })
  }, [])

  async function save() {
    setSaving(true)
    setFailure(null)
    try {
      const defined = Object.fromEntries(
        Object.entries(overrides).filter(([, v]) => typeof v === 'number'),
      ) as ThermalOverrides
      const a = await api.invoke('thermal:measure', {
        itemId: info.itemId,
        shape,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(canOverride && Object.keys(defined).length ? { overrides: defined } : {}),
      })
      onSaved(a)
    } catch (err) {
      setFailure(asApiError(err))
    } finally {
      setSaving(false)
    }
  }

  const known = failure?.fields?.map((f) => f.code).find(isKnownFieldCode)
  // reviewer mode: a package under review is never changed
  if (readOnly) return null
  return (
    <Card
      ref={card}
      size="small"
      title={t('thermal:measure.newTitle')}
      className="thermal-form"
      data-testid="measurement-form"
    >
      <Typography.Text strong className="mono" data-testid="pending-shape">
        {shapeText(shape, t)}
      </Typography.Text>
      <Form layout="vertical" className="thermal-form-body" onFinish={() => void save()}>
        <Form.Item label={t('thermal:measure.note')} htmlFor="thermal-note">
          <Input.TextArea
            id="thermal-note"
            value={note}
            maxLength={2000}
            autoSize={{ minRows: 2, maxRows: 5 }}
            placeholder={t('thermal:measure.notePlaceholder')}
            onChange={(e) => setNote(e.target.value)}
          />
        </Form.Item>
        {canOverride ? (
          <fieldset className="thermal-overrides">
            <legend>{t('thermal:measure.overrides')}</legend>
            <Typography.Paragraph type="secondary" className="small">
              {t('thermal:measure.overridesHint')}
            </Typography.Paragraph>
            <Flex gap={8} wrap>
              {OVERRIDE_FIELDS.map((f) => {
                const fileValue = info.params?.[f.key]
                return (
                  <Form.Item
                    key={f.key}
                    label={t(f.label)}
                    htmlFor={`thermal-${f.key}`}
                    className="thermal-override-item"
                  >
                    <InputNumber
                      id={`thermal-${f.key}`}
                      min={f.min}
                      max={f.max}
                      step={f.step}
                      precision={f.precision}
                      value={overrides[f.key] ?? null}
                      placeholder={
                        fileValue !== undefined ? String(Number(fileValue.toFixed(f.precision))) : undefined
                      }
                      onChange={(v) => setOverrides((o) => ({ ...o, [f.key]: v ?? undefined }))}
                    />
                  </Form.Item>
                )
              })}
            </Flex>
          </fieldset>
        ) : (
          <Typography.Paragraph type="secondary" className="small">
            {t('thermal:measure.overridesDji')}
          </Typography.Paragraph>
        )}
        {failure &&
          (known ? (
            <Alert type="error" showIcon title={t(FIELD_ERROR_TEXT[known])} description={failure.message} />
          ) : (
            <ErrorAlert error={failure} onClose={() => setFailure(null)} />
          ))}
        <Flex gap={8} justify="flex-end" className="thermal-form-actions">
          <Button onClick={onCancel} disabled={saving}>
            {t('thermal:measure.cancel')}
          </Button>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="save-measurement">
            {t('thermal:measure.save')}
          </Button>
        </Flex>
      </Form>
    </Card>
  )
}
