/**
 * Every namespace of the interface, in both languages, registered in this one place. One
 * namespace per feature file: `common` (zh-CN.ts / en.ts) holds the frame and the screens that
 * share words; each feature file `<feature>.<lang>.ts` is the namespace named here.
 * A key outside `common` is written with its namespace: `t('thermal:tools.spot')`.
 */
import { clockEn } from './clock.en'
import { clockZhCN } from './clock.zh-CN'
import { docsViewerEn } from './docs-viewers.en'
import { docsViewerZhCN } from './docs-viewers.zh-CN'
import { en } from './en'
import { exportEn } from './export.en'
import { exportZhCN } from './export.zh-CN'
import { mediaViewersEn } from './media-viewers.en'
import { mediaViewersZhCN } from './media-viewers.zh-CN'
import type { Messages } from './messages'
import { reviewEn } from './review.en'
import { reviewZhCN } from './review.zh-CN'
import { thermalEn } from './thermal.en'
import { thermalZhCN } from './thermal.zh-CN'
import { timelineEn } from './timeline.en'
import { timelineZhCN } from './timeline.zh-CN'
import { transferEn } from './transfer.en'
import { transferZhCN } from './transfer.zh-CN'
import { viewerEn } from './viewer.en'
import { viewerZhCN } from './viewer.zh-CN'
import { violationsEn } from './violations.en'
import { violationsZhCN } from './violations.zh-CN'
import { zhCN } from './zh-CN'

const zhCNResources = {
  common: zhCN,
  thermal: thermalZhCN,
  timeline: timelineZhCN,
  transfer: transferZhCN,
  violations: violationsZhCN,
  exportPkg: exportZhCN,
  review: reviewZhCN,
  viewer: viewerZhCN,
  mediaViewer: mediaViewersZhCN,
  docsViewer: docsViewerZhCN,
  clock: clockZhCN,
}
export type Resources = typeof zhCNResources
export type Namespace = keyof Resources

const enResources: Messages<Resources> = {
  common: en,
  thermal: thermalEn,
  timeline: timelineEn,
  transfer: transferEn,
  violations: violationsEn,
  exportPkg: exportEn,
  review: reviewEn,
  viewer: viewerEn,
  mediaViewer: mediaViewersEn,
  docsViewer: docsViewerEn,
  clock: clockEn,
}

export const resources = { 'zh-CN': zhCNResources, en: enResources }

/** `common` first: its keys need no namespace; the others are written `ns:key`. */
export const NAMESPACES = [
  'common',
  'thermal',
  'timeline',
  'transfer',
  'violations',
  'exportPkg',
  'review',
  'viewer',
  'mediaViewer',
  'docsViewer',
  'clock',
] as const satisfies readonly Namespace[]
