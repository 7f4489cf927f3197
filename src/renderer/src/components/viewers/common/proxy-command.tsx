import { useState } from 'react'
import { Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { proxyCommandLine } from '../../../../../shared/kinds/proxy-commands'

/**
 * What a playback copy is, on request: the exact ffmpeg command that made it from the original
 * (the same template the backend runs, with the item's names in place of the paths).
 */
export function ProxyCommand({
  template,
  number,
  output,
}: {
  template: readonly string[]
  /** the item's number (E001): the command reads its original */
  number: string
  /** the copy's file name */
  output: string
}) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  return (
    <div className="proxy-command">
      <Button size="small" type="link" onClick={() => setOpen((o) => !o)} data-testid="proxy-command-toggle">
        {open ? t('mediaViewer:proxyCommand.hide') : t('mediaViewer:proxyCommand.show')}
      </Button>
      {open && (
        <div>
          <div className="proxy-command-note">{t('mediaViewer:proxyCommand.note')}</div>
          <code className="mono proxy-command-line" data-testid="proxy-command">
            {proxyCommandLine(template, t('mediaViewer:proxyCommand.original', { number }), output)}
          </code>
        </div>
      )}
    </div>
  )
}
