import { useRef } from 'react'
import { Card } from 'antd'
import { useTranslation } from 'react-i18next'
import type { TransferDocument } from '../../../../shared/violation-types'
import { useElementWidth } from '../../hooks/use-element-width'
import { documentTitle } from './transfer-text'

/** CSS pixels of an A4 page at 96 dpi: 21 cm × 29.7 cm. */
const A4_SHORT = 794
const A4_LONG = 1123

/**
 * The document as it will print, in a sandboxed frame (sandbox="" : no scripts, no same-origin
 * access), scaled to the panel's width in the page's own A4 proportion; the frame scrolls.
 */
export function DocumentPreview({ doc }: { doc: TransferDocument }) {
  const { t } = useTranslation()
  const box = useRef<HTMLDivElement>(null)
  const width = useElementWidth(box)
  const landscape = /size:\s*A4 landscape/.test(doc.html)
  const pageWidth = landscape ? A4_LONG : A4_SHORT
  const pageHeight = landscape ? A4_SHORT : A4_LONG
  const scale = width > 0 ? width / pageWidth : 0
  const title = documentTitle(doc.kind, t)
  return (
    <Card title={t('transfer:preview')} size="small" className="transfer-preview">
      <div ref={box} className="transfer-preview-box" style={{ height: pageHeight * scale || undefined }}>
        {scale > 0 && (
          <iframe
            key={doc.kind}
            data-testid="transfer-preview"
            data-user-data
            title={t('transfer:previewLabel', { title })}
            sandbox=""
            srcDoc={doc.html}
            style={{
              width: pageWidth,
              height: pageHeight,
              transform: `scale(${scale})`,
              transformOrigin: '0 0',
            }}
          />
        )}
      </div>
    </Card>
  )
}
