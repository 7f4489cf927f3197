/** A case with real media and one citation of each kind of place, an edited cause, an officer's limit and a link. */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Annotation, EvidenceItem, TranscriptView } from '../../../src/shared/types'
import type { Violation } from '../../../src/shared/violation-types'
import { makeBodycamMp4, makeCemsCsv, makeDroneJpeg, makeTranscriptGb18030 } from '../../support/media'
import { OFFICER, caseFields, type Desk } from './desk'

export const VIDEO = '20210524_040312_DSJ-A8-00123.MP4'
export const TRANSCRIPT = '询问笔录-赵六.txt'
export const CEMS = 'CEMS-1号排放口-20210524.csv'
export const PHOTO = 'DJI_0001.JPG'
export const PHRASE = '2点左右脱硫塔循环泵故障停运'

/** A case with one citation of each kind of place, an edited cause, an officer's limit and two links (a clip, a quote). */
export async function recordedCase(desk: Desk): Promise<Map<string, EvidenceItem>> {
  await desk.call('profile:save', OFFICER)
  await desk.call('case:create', { dir: join(desk.workDir, 'case'), fields: caseFields() })
  const media = join(desk.workDir, 'media')
  mkdirSync(media)
  await desk.call('import:start', {
    paths: [
      makeBodycamMp4(media, { durationSec: 8 }),
      makeTranscriptGb18030(media),
      makeCemsCsv(media),
      await makeDroneJpeg(media),
    ],
  })
  await desk.backend.idle()
  const { items } = await desk.call<{ items: EvidenceItem[] }>('evidence:list', {})
  const byName = new Map(items.map((i) => [i.originalName, i]))
  const transcript = byName.get(TRANSCRIPT)!
  const view = await desk.call<TranscriptView>('transcript:get', { itemId: transcript.id })
  const at = view.text.indexOf(PHRASE)
  const range = await desk.call<Annotation>('annotation:add', {
    itemId: byName.get(VIDEO)!.id,
    type: 'time-range',
    anchor: { start: 1.8, end: 6.2 },
    note: '排气筒冒黄烟',
  })
  await desk.call('annotation:add', {
    itemId: byName.get(PHOTO)!.id,
    type: 'region',
    anchor: { x: 120, y: 80, w: 300, h: 130 },
    note: '旁路烟道出口',
  })
  const quote = await desk.call<Annotation>('annotation:add', {
    itemId: transcript.id,
    type: 'quote',
    anchor: { start: at, end: at + PHRASE.length, text: PHRASE },
  })
  await desk.call('annotation:add', {
    itemId: byName.get(CEMS)!.id,
    type: 'data-range',
    anchor: { pollutant: 'SO2', start: '2021-05-24T02:00:00+08:00', end: '2021-05-24T04:00:00+08:00' },
  })
  await desk.call('monitoring:setLimit', {
    itemId: byName.get(CEMS)!.id,
    pollutant: 'SO2',
    limit: 35,
    reason: '排污许可证载明的限值',
  })
  await desk.call('case:update', { fields: { cause: '通过篡改监测数据逃避监管排放大气污染物' } })
  const v = await desk.call<Violation>('violation:save', {
    title: '通过篡改监测数据逃避监管排放大气污染物',
    facts: '脱硫塔循环泵停运期间二氧化硫超标排放',
    occurredFrom: null,
    occurredTo: null,
    place: '1号排放口',
    basis: ['water-39'],
    status: 'confirmed',
  })
  await desk.call('violation:link', {
    violationId: v.id,
    itemId: byName.get(VIDEO)!.id,
    annotationId: range.id,
    note: '证明旁路排放',
  })
  await desk.call('violation:link', {
    violationId: v.id,
    itemId: transcript.id,
    annotationId: quote.id,
    note: '当事人陈述',
  })
  return byName
}
