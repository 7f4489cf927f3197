import { useState } from 'react'
import { Button } from 'antd'
import { useTranslation } from 'react-i18next'

/** The raw details as recorded (and as custody-log.jsonl carries them), only on request. */
export function TechnicalDetails({ details }: { details: Record<string, unknown> }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  return (
    <div className="technical-details">
      <Button size="small" type="link" onClick={() => setOpen((o) => !o)} data-testid="technical-toggle">
        {open ? t('custody.technicalHide') : t('custody.technicalShow')}
      </Button>
      {open && (
        <pre className="mono details-json" data-user-data data-testid="technical-details">
          {JSON.stringify(details, null, 2)}
        </pre>
      )}
    </div>
  )
}
