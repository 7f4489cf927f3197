import { describe, expect, it } from 'vitest'
import { CUSTODY_ACTIONS, type CustodyAction } from '../../src/shared/custody-labels'
import { custodyDetailsInWords, sentenceText, type ItemFacts } from '../../src/shared/custody-words'
import type { CustodyEvent } from '../../src/shared/types'

const OFFICER = { name: '张三', certNo: '32010001' }

/** Details as core records them for each action. */
const DETAILS: Record<CustodyAction, Record<string, unknown>> = {
  'case-created': { number: '宁环罚〔2026〕12号' },
  'case-edited': { field: 'cause', from: '超标排放', to: '逃避监管排放' },
  'integrity-checked': { ok: true, objectsChecked: 12, custodyEvents: 40 },
  imported: { number: 'E001', path: '/media/card/20210524_040312.MP4' },
  'still-derived': {
    number: 'E007',
    derivedFrom: { sourceNumber: 'E001', operation: 'still', start: 1.8, end: null },
  },
  'clip-derived': {
    number: 'E008',
    derivedFrom: { sourceNumber: 'E001', operation: 'clip', start: 1.8, end: 6.25 },
  },
  'duplicate-seen': { sameAs: 'E001', path: '/media/copy/20210524_040312.MP4' },
  viewed: { number: 'E001' },
  'annotation-added': {
    annotationId: 'a1',
    number: 'E001',
    type: 'time-range',
    anchor: { start: 1.8, end: 6.2 },
    note: '旁路阀门开启',
  },
  'annotation-withdrawn': { annotationId: 'a1', reason: '重复' },
  'monitoring-limit-set': { number: 'E004', pollutant: 'SO2', limit: 35, reason: '排污许可证限值' },
  'monitoring-basis-set': { number: 'E004', pollutant: 'SO2', basis: 'dry', reason: '企业仅上报标干浓度' },
  'monitoring-compared': {
    number: 'E009',
    a: 'E004 SO2',
    b: 'E005 SO2',
    threshold: '5 mg/m³',
    windows: 2,
    reason: '核对上传数据',
  },
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
  'clock-offset-set': {
    device: 'DSJ-A8-00123',
    deviceKey: '|DSJ-A8|00123',
    offsetMs: 192_000,
    checkedAt: '2021-05-24',
    against: 'Beijing time',
    reason: 'read off the recorder screen',
  },
  'clock-offset-changed': {
    device: 'DSJ-A8-00123',
    deviceKey: '|DSJ-A8|00123',
    offsetMs: 195_000,
    checkedAt: '2021-05-25T01:00:00Z',
    against: 'GPS',
    reason: 'checked again',
    from: { offsetMs: 192_000, checkedAt: '2021-05-24', against: 'Beijing time' },
  },
  'clock-offset-removed': {
    device: 'DSJ-A8-00123',
    deviceKey: '|DSJ-A8|00123',
    from: { offsetMs: -5_500, checkedAt: '2021-05-24', against: 'GPS' },
    reason: 'wrong device',
  },
}

const event = (
  action: string,
  details: Record<string, unknown>,
  itemId: string | null = null,
): CustodyEvent => ({
  seq: 1,
  at: '2021-05-24T04:03:12Z',
  actor: OFFICER,
  action,
  itemId,
  details,
  prevHash: '0'.repeat(64),
  hash: '1'.repeat(64),
})

const BODYCAM: ItemFacts = {
  number: 'E001',
  kind: 'video',
  capturedAt: '2021-05-23T20:03:12.000Z',
  device: 'DSJ-A8-00123',
}
/** An interview record of three turns: 问 at 10, 30 and 60 (答 after each). */
const TRANSCRIPT: ItemFacts = {
  number: 'E003',
  kind: 'transcript',
  capturedAt: null,
  device: null,
  turns: [
    { qStart: 10, aStart: 20 },
    { qStart: 30, aStart: 45 },
    { qStart: 60, aStart: 70 },
  ],
}
const ctx = (lang: 'zh-CN' | 'en') => ({
  lang,
  timezone: 'Asia/Shanghai',
  item: (id: string) => (id === 'i1' ? BODYCAM : id === 't1' ? TRANSCRIPT : null),
})
const say = (lang: 'zh-CN' | 'en', action: string, itemId: string | null = null) =>
  sentenceText(
    custodyDetailsInWords(event(action, DETAILS[action as CustodyAction] ?? {}, itemId), ctx(lang)),
  )

const CHINESE = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/

describe('the custody record in words', () => {
  for (const lang of ['zh-CN', 'en'] as const)
    it(`says every action in words, never as JSON, no interface word of the other language (${lang})`, () => {
      for (const action of CUSTODY_ACTIONS) {
        const sentence = custodyDetailsInWords(event(action, DETAILS[action]), ctx(lang))
        const text = sentenceText(sentence)
        expect(text, action).not.toMatch(/[{}]|"\w+":/)
        expect(text.trim(), action).not.toBe('')
        // the interface's own words (not the recorded values) are in the language
        const own = sentence.filter((s): s is string => typeof s === 'string').join('')
        if (lang === 'en') expect(own, action).not.toMatch(CHINESE)
      }
    })

  it('writes a changed field as "案由：旧 → 新"', () => {
    expect(say('zh-CN', 'case-edited')).toBe('案由：超标排放 → 逃避监管排放')
    expect(say('en', 'case-edited')).toBe('Cause of action: 超标排放 → 逃避监管排放')
  })

  it('writes a cited time range as absolute time in the case zone with the device', () => {
    expect(say('zh-CN', 'annotation-added', 'i1')).toBe(
      'E001 片段 2021-05-24 04:03:13.8–04:03:18.2 +08:00，DSJ-A8-00123（媒体时间 00:00:01.800–00:00:06.200）：旁路阀门开启',
    )
    expect(say('en', 'annotation-added', 'i1')).toBe(
      'E001 Time range 2021-05-24 04:03:13.8–04:03:18.2 +08:00, DSJ-A8-00123 (media time 00:00:01.800–00:00:06.200): 旁路阀门开启',
    )
  })

  it('writes a region, a quote and a data range with the shared citation words', () => {
    const words = (type: string, anchor: unknown) =>
      sentenceText(
        custodyDetailsInWords(event('annotation-added', { number: 'E002', type, anchor }), ctx('zh-CN')),
      )
    expect(words('region', { x: 120, y: 80, w: 300, h: 130 })).toBe(
      'E002 区域 左上角 (120, 80)，宽 300 × 高 130 像素',
    )
    expect(words('quote', { start: 0, end: 4, text: '循环泵故障' })).toBe('E002 摘录 “循环泵故障”')
    expect(
      words('data-range', { pollutant: 'SO2', start: '2021-05-23T18:00:00Z', end: '2021-05-23T20:00:00Z' }),
    ).toBe('E002 数据区间 SO2 2021年5月24日2时–4时（UTC+08:00）')
    expect(
      words('data-range', {
        pollutant: 'SO2',
        basis: 'converted',
        start: '2021-05-23T18:00:00Z',
        end: '2021-05-23T20:30:00Z',
      }),
    ).toBe('E002 数据区间 SO2 折算浓度 2021年5月24日2时–4时30分（UTC+08:00）')
  })

  it('a quote from an interview record names its 问答 turn', () => {
    const quote = (lang: 'zh-CN' | 'en', start: number) =>
      sentenceText(
        custodyDetailsInWords(
          event(
            'annotation-added',
            { type: 'quote', anchor: { start, end: start + 4, text: '循环泵故障' } },
            't1',
          ),
          ctx(lang),
        ),
      )
    // an offset inside the second answer is the second turn; inside the header, no turn
    expect(quote('zh-CN', 47)).toBe('E003 摘录 第 2 问答：“循环泵故障”')
    expect(quote('en', 60)).toBe('E003 Quote Q&A 3: “循环泵故障”')
    expect(quote('zh-CN', 2)).toBe('E003 摘录 “循环泵故障”')
  })

  it('writes instants in the case zone with the offset, and names people, not JSON', () => {
    const text = sentenceText(
      custodyDetailsInWords(
        event('transfer-fields-edited', {
          changes: { suspects: { from: [], to: [{ name: '王五', idNumber: '350102199001011234' }] } },
        }),
        ctx('zh-CN'),
      ),
    )
    expect(text).toBe('犯罪嫌疑人：（空） → 王五（350102199001011234）')
    const batch = sentenceText(
      custodyDetailsInWords(
        event('extraction-batch-edited', {
          sourceFolder: 'card',
          changes: { extractedAt: { from: null, to: '2021-05-24T01:00:00.000Z' } },
        }),
        ctx('zh-CN'),
      ),
    )
    expect(batch).toBe('批次 card：提取时间：（空） → 2021-05-24 09:00:00 +08:00')
  })

  it('names an action from another version without guessing at its details', () => {
    const foreign = event('clock-offset-recorded', { device: 'DSJ-A8-00123', offsetSec: 192 })
    expect(sentenceText(custodyDetailsInWords(foreign, ctx('zh-CN')))).toBe(
      '此版本不认识的操作，内容见技术详情',
    )
  })
})

describe('stills and clips cut from a video', () => {
  it('say which video they were cut from and where, not "imported"', () => {
    expect(say('zh-CN', 'still-derived')).toBe('从 E001 导出截图 E007（视频内 00:00:01.800）')
    expect(say('en', 'still-derived')).toBe('Still E007 exported from E001 (at 00:00:01.800 into the video)')
    expect(say('zh-CN', 'clip-derived')).toBe('从 E001 导出视频片段 E008（视频内 00:00:01.800–00:00:06.250）')
  })
})

describe('device clock offsets', () => {
  it('name the device, the offset, the check and the reason; a change old → new, a removal the old one', () => {
    expect(say('zh-CN', 'clock-offset-set')).toBe(
      'DSJ-A8-00123 快 3分12秒（2021年5月24日与Beijing time核对；原因：read off the recorder screen）',
    )
    expect(say('en', 'clock-offset-set')).toBe(
      'DSJ-A8-00123 3 min 12 s fast (checked against Beijing time on 2021-05-24; reason: read off the recorder screen)',
    )
    expect(say('zh-CN', 'clock-offset-changed')).toBe(
      'DSJ-A8-00123：快 3分12秒（2021年5月24日与Beijing time核对） → 快 3分15秒（2021年5月25日 09:00与GPS核对；原因：checked again）',
    )
    expect(say('zh-CN', 'clock-offset-removed')).toBe(
      'DSJ-A8-00123：原为慢 5.5秒（2021年5月24日与GPS核对）（原因：wrong device）',
    )
    expect(say('en', 'clock-offset-removed')).toBe(
      'DSJ-A8-00123: was 5.5 s slow (checked against GPS on 2021-05-24) (reason: wrong device)',
    )
  })
})

describe('a cited time range on a device with a recorded clock offset', () => {
  it('is written in corrected time, and says so', () => {
    const fast: ItemFacts = { ...BODYCAM, clockOffsetMs: 192_000 }
    const words = (lang: 'zh-CN' | 'en') =>
      sentenceText(
        custodyDetailsInWords(event('annotation-added', DETAILS['annotation-added'], 'i1'), {
          lang,
          timezone: 'Asia/Shanghai',
          item: () => fast,
        }),
      )
    expect(words('zh-CN')).toBe(
      'E001 片段 2021-05-24 04:00:01.8–04:00:06.2 +08:00，DSJ-A8-00123，已按设备时钟偏差校正（设备快 3分12秒）（媒体时间 00:00:01.800–00:00:06.200）：旁路阀门开启',
    )
    expect(words('en')).toContain(
      '2021-05-24 04:00:01.8–04:00:06.2 +08:00, DSJ-A8-00123, corrected for the device clock (3 min 12 s fast) (media time',
    )
  })
})
