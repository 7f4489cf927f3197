import { useMemo, useRef, useState } from 'react'
import { Alert, App, Button, Segmented, Tabs, Tooltip, Typography } from 'antd'
import { CompressOutlined, ZoomInOutlined, ZoomOutOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { EvidenceItem } from '../../../../shared/types'
import { ErrorAlert } from '../../components/error-alert'
import { asApiError } from '../../lib/errors'
import { ImageMetaPanel } from './image-meta-panel'
import { ImageStage, type Rect, type StageRegion } from './image-stage'
import { RegionForm, RegionList, regionOf } from './region-panel'
import { useAnnotations } from '../../components/viewers/common/use-annotations'
import { useZoom } from './use-zoom'
import '../../components/viewers/common/media-viewers.css'

/** Smallest region worth citing, in image pixels: anything smaller is a slipped click. */
const MIN_REGION_PX = 4

/** A photo: zoom and pan to actual pixels and beyond, its metadata, and regions cited on it. */
export function ImageViewer({ item }: { item: EvidenceItem }) {
  // Keyed by item: zoom, tool and a half-drawn region belong to one image, never the next.
  return <ImageViewerBody key={item.id} item={item} />
}

function ImageViewerBody({ item }: { item: EvidenceItem }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  // item.width/height are the upright size (orientation applied at import); 1 only guards a broken record.
  const width = item.width ?? 1
  const height = item.height ?? 1
  const stageRef = useRef<HTMLDivElement | null>(null)
  const { view, zoomAt, fit, panBy } = useZoom(stageRef, width, height)
  const [tool, setTool] = useState<'pan' | 'region'>('pan')
  const [tab, setTab] = useState('info')
  const [pending, setPending] = useState<Rect | null>(null)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [loadFailed, setLoadFailed] = useState(false)
  const regions = useAnnotations(item.id, 'region')

  const labels = useMemo(
    () => new Map(regions.annotations.map((a, i) => [a.id, `R${i + 1}`] as const)),
    [regions.annotations],
  )
  const drawn: StageRegion[] = regions.annotations.flatMap((a) => {
    const rect = regionOf(a)
    return rect && !a.withdrawnAt ? [{ id: a.id, label: labels.get(a.id) ?? '', rect }] : []
  })

  const onDrawn = (rect: Rect) => {
    if (rect.w < MIN_REGION_PX || rect.h < MIN_REGION_PX) {
      void message.warning(t('mediaViewer:image.region.tooSmall'))
      return
    }
    setPending(rect)
    setTab('regions')
  }
  const saveRegion = async (note: string) => {
    if (!pending) return
    const saved = await regions.add({ ...pending }, note)
    setPending(null)
    setSelectedId(saved.id)
    void message.success(t('mediaViewer:common.saved'))
  }

  const scale = view?.scale ?? 0
  return (
    <div className="media-viewer" data-testid="image-viewer">
      <div className="media-main">
        <div className="media-toolbar">
          <Segmented
            value={tool}
            onChange={(v) => setTool(v as 'pan' | 'region')}
            options={[
              { value: 'pan', label: t('mediaViewer:image.tool.pan') },
              {
                value: 'region',
                label: <span data-testid="tool-region">{t('mediaViewer:image.tool.region')}</span>,
              },
            ]}
            aria-label={t('mediaViewer:image.tool.label')}
          />
          <Tooltip title={t('mediaViewer:image.zoomOut')}>
            <Button
              icon={<ZoomOutOutlined />}
              aria-label={t('mediaViewer:image.zoomOut')}
              onClick={() => zoomAt(scale / 1.5)}
            />
          </Tooltip>
          <Tooltip title={t('mediaViewer:image.zoomIn')}>
            <Button
              icon={<ZoomInOutlined />}
              aria-label={t('mediaViewer:image.zoomIn')}
              onClick={() => zoomAt(scale * 1.5)}
            />
          </Tooltip>
          <Tooltip title={t('mediaViewer:image.actualTip')}>
            <Button onClick={() => zoomAt(1)} data-testid="zoom-actual">
              {t('mediaViewer:image.actual')}
            </Button>
          </Tooltip>
          <Button icon={<CompressOutlined />} onClick={fit} data-testid="zoom-fit">
            {t('mediaViewer:image.fit')}
          </Button>
          <Typography.Text className="mono" data-testid="zoom-level">
            {t('mediaViewer:image.zoom', { percent: Math.round(scale * 100) })}
          </Typography.Text>
          <Typography.Text type="secondary" className="small">
            {tool === 'region' ? t('mediaViewer:image.regionHint') : t('mediaViewer:image.panHint')}
          </Typography.Text>
        </div>
        {loadFailed && (
          <Alert type="error" showIcon title={t('mediaViewer:image.loadFailed')} className="media-alert" />
        )}
        <ImageStage
          item={item}
          width={width}
          height={height}
          stageRef={stageRef}
          view={view}
          tool={tool}
          regions={drawn}
          selectedId={selectedId}
          pending={pending}
          onSelect={setSelectedId}
          onPan={panBy}
          onDrawn={onDrawn}
          onError={() => setLoadFailed(true)}
        />
      </div>
      <aside className="media-side">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'info',
              label: t('mediaViewer:image.tabs.info'),
              children: <ImageMetaPanel item={item} />,
            },
            {
              key: 'regions',
              label: (
                <span data-testid="tab-regions">
                  {t('mediaViewer:image.tabs.regions', { count: drawn.length })}
                </span>
              ),
              children: (
                <>
                  {regions.failure !== null && <ErrorAlert error={asApiError(regions.failure)} />}
                  {pending && (
                    <RegionForm rect={pending} onSave={saveRegion} onCancel={() => setPending(null)} />
                  )}
                  <RegionList
                    regions={regions.annotations}
                    labels={labels}
                    selectedId={selectedId}
                    onSelect={setSelectedId}
                    onWithdraw={regions.withdraw}
                  />
                </>
              ),
            },
          ]}
        />
      </aside>
    </div>
  )
}
