import { useMemo, useRef, useState } from 'react'
import { App, Button, Card, Empty, Input, List, Space, Spin, Tag, Typography } from 'antd'
import { FileTextOutlined, WarningOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../../shared/errors'
import type { PackageDocument, PackageVerdict } from '../../../shared/package-types'
import { api } from '../api'
import { ErrorAlert } from '../components/error-alert'
import { useApi } from '../hooks/use-api'
import { useElementWidth } from '../hooks/use-element-width'
import { asApiError } from '../lib/errors'
import { dirName } from '../lib/format'
import { joinPath } from '../lib/paths'
import { writeOrConfirmOverwrite } from '../components/review/confirm-overwrite'
import '../components/transfer/transfer.css'
import { documentTitle } from '../components/transfer/transfer-text'

/** CSS pixels of an A4 page at 96 dpi: 21 cm × 29.7 cm. */
const A4_SHORT = 794
const A4_LONG = 1123

interface Loaded {
  packagePath: string
  documents: PackageDocument[]
  /** bag paths verification found changed, missing or otherwise wrong */
  flagged: Set<string>
}

/**
 * Reviewer mode's "transfer documents": the documents the package itself carries (not made again
 * from its data), each previewed in a sandboxed frame, with a way to save a copy of its HTML or PDF
 * outside the package.
 */
export function ReviewTransfer() {
  const { t } = useTranslation()
  // the package does not change while it is under review
  const { data: current, error: failure } = useApi('review:current', {}, { refetchOnCaseChange: false })
  const data = useMemo<Loaded | null>(
    () =>
      current
        ? {
            packagePath: current.path,
            documents: current.documents ?? [],
            flagged: flaggedPaths(current.verdict),
          }
        : null,
    [current],
  )
  const [chosen, setSelected] = useState<string | null>(null)
  // the first document until the reviewer picks another
  const selected = chosen ?? data?.documents[0]?.html ?? null

  const doc = data?.documents.find((d) => d.html === selected) ?? null
  return (
    <div className="page transfer-page" data-testid="review-transfer">
      <Card size="small" className="transfer-head">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('review:documents.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('review:documents.intro')}</Typography.Paragraph>
        {failure && <ErrorAlert error={failure} className="form-alert" />}
      </Card>
      {!data && !failure && (
        <div className="transfer-loading">
          <Spin />
          <Typography.Text type="secondary">{t('review:documents.loading')}</Typography.Text>
        </div>
      )}
      {data && data.documents.length === 0 && (
        <Card size="small">
          <Empty description={t('review:documents.empty')} />
        </Card>
      )}
      {data && doc && (
        <div className="transfer-grid">
          <Card title={t('review:documents.list')} size="small" className="transfer-list">
            <List
              data-testid="review-documents"
              dataSource={data.documents}
              renderItem={(d, i) => {
                const altered = isFlagged(d, data.flagged)
                return (
                  <List.Item
                    key={d.html}
                    data-testid={`review-doc-${d.kind}`}
                    aria-selected={d.html === selected}
                    className={d.html === selected ? 'transfer-doc selected' : 'transfer-doc'}
                    onClick={() => setSelected(d.html)}
                  >
                    <div className="transfer-doc-body">
                      <div className="transfer-doc-title">
                        <FileTextOutlined />
                        <Typography.Text strong>
                          {i + 1}. {documentTitle(d.kind, t, d.title)}
                        </Typography.Text>
                      </div>
                      <Space size={4} wrap>
                        <Tag>HTML</Tag>
                        {d.pdf ? <Tag>PDF</Tag> : <Tag color="default">{t('review:documents.noPdf')}</Tag>}
                        {altered && (
                          <Tag color="error" icon={<WarningOutlined />}>
                            {t('review:documents.altered')}
                          </Tag>
                        )}
                      </Space>
                    </div>
                  </List.Item>
                )
              }}
            />
          </Card>
          <PackageDocumentPreview doc={doc} />
          <SaveCopy
            key={doc.html}
            doc={doc}
            packagePath={data.packagePath}
            altered={isFlagged(doc, data.flagged)}
          />
        </div>
      )}
    </div>
  )
}

function flaggedPaths(v: PackageVerdict): Set<string> {
  return new Set(v.problems.flatMap((p) => (p.path ? [p.path] : [])))
}

function isFlagged(d: PackageDocument, flagged: Set<string>): boolean {
  return flagged.has(d.html) || (d.pdf !== null && flagged.has(d.pdf))
}

/** The package's HTML in a frame with sandbox="" (no scripts, no same-origin access), A4 scaled to the panel. */
function PackageDocumentPreview({ doc }: { doc: PackageDocument }) {
  const { t } = useTranslation()
  const box = useRef<HTMLDivElement>(null)
  const width = useElementWidth(box)
  // an answer or error is only ever the selected document's: switching never shows the last one's
  const { data: html, error: failure } = useApi(
    'review:document',
    { path: doc.html },
    { refetchOnCaseChange: false },
  )
  const text = html?.html ?? null
  const landscape = text ? /size:\s*A4 landscape/.test(text) : false
  const pageWidth = landscape ? A4_LONG : A4_SHORT
  const pageHeight = landscape ? A4_SHORT : A4_LONG
  const scale = width > 0 ? width / pageWidth : 0
  const title = documentTitle(doc.kind, t, doc.title)
  return (
    <Card title={t('review:documents.preview')} size="small" className="transfer-preview">
      {failure && <ErrorAlert error={failure} className="form-alert" />}
      <div ref={box} className="transfer-preview-box" style={{ height: pageHeight * scale || undefined }}>
        {scale > 0 && text !== null && (
          <iframe
            key={doc.html}
            data-testid="review-document-frame"
            data-user-data
            title={t('review:documents.previewLabel', { title })}
            sandbox=""
            srcDoc={text}
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

/** Copies the document's PDF (or HTML) out of the package, to a path the reviewer chooses. */
function SaveCopy({
  doc,
  packagePath,
  altered,
}: {
  doc: PackageDocument
  packagePath: string
  altered: boolean
}) {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const [failure, setFailure] = useState<ApiError | null>(null)
  const fileName = (doc.pdf ?? doc.html).split('/').pop() ?? 'document'
  const [target, setTarget] = useState(joinPath(dirName(packagePath), fileName))

  async function save(path: string, ext: 'pdf' | 'html') {
    setFailure(null)
    try {
      const out = target.replace(/\.(pdf|html?)$/i, '') + `.${ext}`
      const r = await writeOrConfirmOverwrite(modal, t, out, (overwrite) =>
        api.invoke('review:saveDocument', { path, target: out, overwrite }),
      )
      if (r) void message.success(t('review:documents.saved', { path: r.path }))
    } catch (err) {
      setFailure(asApiError(err))
    }
  }

  return (
    <div className="transfer-side">
      <Card size="small" title={t('review:documents.save')} data-testid="review-document-save">
        <Space direction="vertical" style={{ width: '100%' }}>
          {altered && <Typography.Text type="danger">{t('review:documents.alteredText')}</Typography.Text>}
          <Typography.Text type="secondary">{t('review:documents.saveHint')}</Typography.Text>
          <Input
            aria-label={t('review:documents.saveTarget')}
            className="mono"
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            data-testid="review-document-target"
          />
          {failure && <ErrorAlert error={failure} onClose={() => setFailure(null)} className="form-alert" />}
          <Space wrap>
            {doc.pdf && (
              <Button
                type="primary"
                onClick={() => void save(doc.pdf as string, 'pdf')}
                data-testid="review-save-pdf"
              >
                {t('review:documents.savePdf')}
              </Button>
            )}
            <Button onClick={() => void save(doc.html, 'html')} data-testid="review-save-html">
              {t('review:documents.saveHtml')}
            </Button>
          </Space>
        </Space>
      </Card>
    </div>
  )
}
