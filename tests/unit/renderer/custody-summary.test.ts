import { describe, expect, it } from 'vitest'
import { renderToStaticMarkup } from 'react-dom/server'
import { createElement, Fragment, type ReactNode } from 'react'
import { CUSTODY_ACTIONS, type CustodyAction } from '../../../src/shared/custody-labels'
import type { CustodyEvent } from '../../../src/shared/types'
import { actionLabel, summariseEvent } from '../../../src/renderer/src/lib/custody-summary'
import { translator } from './support/i18n'

const OFFICER = { name: '张三', certNo: '32010001' }

/** Details as core records them for each action. */
const DETAILS: Record<CustodyAction, Record<string, unknown>> = {
  'case-created': { number: '宁环罚〔2026〕12号' },
  'case-edited': { field: 'cause', from: '超标排放', to: '逃避监管排放' },
  'integrity-checked': { ok: true, objectsChecked: 12, custodyEvents: 40 },
  imported: { number: 'E001', path: '/media/card/20210524_040312.MP4' },
  'duplicate-seen': { sameAs: 'E001', path: '/media/copy/20210524_040312.MP4' },
  viewed: {},
  'annotation-added': { annotationId: 'a1', type: 'time-range', anchor: { start: 12, end: 20 } },
  'annotation-withdrawn': { annotationId: 'a1', reason: '重复' },
  'monitoring-limit-set': { series: 'SO2', limit: 35 },
  'monitoring-basis-set': { number: 'E004', pollutant: 'SO2', basis: 'dry', reason: '企业仅上报标干浓度' },
  'text-decoding-set': {
    number: 'E005',
    from: 'gb18030',
    to: 'big5',
    undecodable: 0,
    reason: '台湾地区来函，繁体',
  },
  'violation-created': { number: 'V1', title: '通过篡改监测数据逃避监管排放大气污染物' },
  'violation-edited': { number: 'V1', changes: { title: {}, facts: {} } },
  'violation-withdrawn': { number: 'V1', reason: '证据不足' },
  'evidence-linked': { number: 'E001', violationNumber: 'V1', note: '旁路烟道排放' },
  'evidence-unlinked': { number: 'E001', violationNumber: 'V1', reason: '关联错误' },
  'legal-basis-added': { entry: { law: '某省大气污染防治条例', article: '第三十条' } },
  'document-edited': { label: '文号', from: '', to: '宁环移〔2026〕3号' },
  'document-printed': { fileName: '01_涉嫌犯罪案件移送书.pdf', bytes: 48213 },
  'key-created': { fingerprint: 'ab12cd34ef56ab12cd34ef56ab12cd34' },
  exported: {
    target: '/out/case-12.zip',
    files: 14,
    signer: { name: '张三', fingerprint: 'ab12cd34ef56ab12' },
  },
  'export-failed': { target: '/out/case-12.zip', reason: 'disk full' },
  'export-cancelled': { target: '/out/case-12.zip' },
  'object-repaired': { number: 'E001', sha256: 'a'.repeat(64), path: 'card/DJI_0001.JPG', damagedSize: 12 },
  'orphans-removed': { objects: [{ sha256: 'b'.repeat(64), size: 2048 }], bytes: 2048 },
  'recording-paired': {
    pairId: 'p1',
    recording: { id: 'i7', number: 'E007' },
    transcript: { id: 'i8', number: 'E008' },
  },
  'recording-unpaired': { pairId: 'p1', reason: '配对错误', recording: 'E007', transcript: 'E008' },
  'transfer-fields-edited': { changes: { filedOn: { from: null, to: '2026-05-25' } } },
  'attachment-added': {
    attachmentId: 'at1',
    kind: 'test-report',
    title: '监测报告',
    reference: '苏环监〔2026〕7号',
  },
  'attachment-removed': { attachmentId: 'at1', reason: '重复登记' },
  'seized-item-added': { seizedItemId: 's1', name: '旁路阀门', quantity: 1, unit: '个' },
  'seized-item-removed': { seizedItemId: 's1', reason: '登记错误' },
  'extraction-batch-edited': { batch: 'b1', items: ['E001'], changes: { place: { from: '', to: '厂区' } } },
  'law-choice-recorded': { violationId: 'v1', number: 'V1', chosen: 'old', decidedOn: '2026-05-25' },
}

const event = (action: string, details: Record<string, unknown>): CustodyEvent => ({
  seq: 1,
  at: '2021-05-24T04:03:12Z',
  actor: OFFICER,
  action,
  itemId: null,
  details,
  prevHash: '0'.repeat(64),
  hash: '1'.repeat(64),
})

const ENTITIES: Record<string, string> = {
  '&quot;': '"',
  '&#x27;': "'",
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
}

/** What a reader sees: the rendered markup's text. */
const text = (node: ReactNode) =>
  renderToStaticMarkup(createElement(Fragment, null, node))
    .replace(/<[^>]+>/g, '')
    .replace(/&(quot|#x27|lt|gt|amp);/g, (e) => ENTITIES[e])

describe('custody summaries', () => {
  for (const language of ['zh-CN', 'en'] as const) {
    const t = translator(language)
    it(`summarise every action in words, without message keys (${language})`, () => {
      for (const action of CUSTODY_ACTIONS) {
        const line = text(summariseEvent(event(action, DETAILS[action]), t, language))
        // a missing key comes out as the key itself
        expect(line, action).not.toMatch(/\b(custody|violations|exportPkg|transfer)[.:][a-zA-Z]/)
        expect(actionLabel(action, language), action).not.toBe(action)
      }
    })
  }

  it('fill the summary with the recorded values', () => {
    const zh = translator('zh-CN')
    expect(text(summariseEvent(event('case-edited', DETAILS['case-edited']), zh, 'zh-CN'))).toBe(
      '案由：超标排放 → 逃避监管排放',
    )
    expect(text(summariseEvent(event('evidence-linked', DETAILS['evidence-linked']), zh, 'zh-CN'))).toContain(
      'V1',
    )
    expect(text(summariseEvent(event('recording-paired', DETAILS['recording-paired']), zh, 'zh-CN'))).toBe(
      'E007 与 E008',
    )
    const en = translator('en')
    expect(text(summariseEvent(event('integrity-checked', DETAILS['integrity-checked']), en, 'en'))).toMatch(
      /12/,
    )
  })

  it('show an action from another version as recorded, under its own code', () => {
    const zh = translator('zh-CN')
    const foreign = event('clock-offset-recorded', { device: 'DSJ-A8-00123', offsetSec: 192 })
    expect(actionLabel(foreign.action, 'zh-CN')).toBe('clock-offset-recorded')
    expect(text(summariseEvent(foreign, zh, 'zh-CN'))).toBe('{"device":"DSJ-A8-00123","offsetSec":192}')
  })
})
