/**
 * An audio recording in a case, everywhere other kinds are: imported with its waveform (also the
 * thumbnail) and a pending proxy that the runner makes, cited by time range inside its duration
 * only, put into words as a 录音片段, paired with its interview record, found by name and tags,
 * and listed as 视听资料 in the documents.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { citationInWords } from '../../src/shared/citations'
import { KIND_DEFINITIONS } from '../../src/shared/kinds'
import type { EvidenceItem } from '../../src/shared/types'
import { addAnnotation } from '../../src/core/annotations/annotation-store'
import { CaseFile } from '../../src/core/case/case-file'
import { evidenceCategory } from '../../src/core/documents/evidence-category'
import { derivedMediaFile } from '../../src/core/evidence/derived-media'
import { importPaths } from '../../src/core/evidence/import'
import { getItem } from '../../src/core/evidence/item-repository'
import { runPendingProxies } from '../../src/core/evidence/proxy-jobs'
import { listPairs, pairRecording } from '../../src/core/evidence/recording-pairs'
import { searchCase } from '../../src/core/evidence/search'
import { makeAudio } from '../support/audio-media'
import { OFFICER_A, sampleCaseFields } from '../support/case-fixture'
import { ffprobeJson, makeTranscriptGb18030 } from '../support/media'
import { fixedClock, tempDir } from '../support/temp'

const { dir, cleanup } = tempDir('audio-case-')
let file: CaseFile
let amr: EvidenceItem
let m4aId: string
let transcriptId: string

beforeAll(async () => {
  const src = join(dir, 'phone')
  mkdirSync(src)
  makeAudio(src, '20210524_093015.amr', 30)
  makeAudio(src, 'interview.m4a', 2, ['-metadata', 'title=赵六询问录音'])
  makeTranscriptGb18030(src)
  file = CaseFile.create(join(dir, 'case'), sampleCaseFields(), OFFICER_A, fixedClock())
  const { results } = await importPaths(file, [src], { actor: OFFICER_A, clock: fixedClock() })
  const byName = (name: string) => results.find((r) => r.path.endsWith(name))!.id!
  amr = getItem(file.db, byName('.amr'))!
  m4aId = byName('.m4a')
  transcriptId = results.find((r) => r.kind === 'transcript')!.id!
})
afterAll(() => {
  file?.close()
  cleanup()
})

describe('an audio recording in a case', () => {
  it('is imported with its waveform and thumbnail; its proxy is made in the background', async () => {
    expect(amr.kind).toBe('audio')
    expect(amr.capturedAt).toBe('2021-05-24T09:30:15+08:00')
    expect(amr.derived).toEqual({ waveform: 'ready', thumb: 'ready', proxy: 'pending' })
    expect(derivedMediaFile(file.dir, file.db, amr, 'waveform')?.mime).toBe('application/json')
    expect(derivedMediaFile(file.dir, file.db, amr, 'thumb')?.mime).toBe('image/jpeg')
    expect(await runPendingProxies(file)).toBe(1)
    const proxy = derivedMediaFile(file.dir, file.db, getItem(file.db, amr.id)!, 'proxy')!
    expect(proxy.mime).toBe('audio/mp4')
    expect(existsSync(proxy.path)).toBe(true)
    expect(ffprobeJson(proxy.path).streams.map((s) => s.codec_name)).toEqual(['aac'])
  })

  it('is cited by a time range inside its duration only, in words as a 录音片段', () => {
    const a = addAnnotation(
      file,
      { itemId: amr.id, type: 'time-range', anchor: { start: 12, end: 20 }, note: '承认停运' },
      OFFICER_A,
      fixedClock(),
    )
    expect(a.anchor).toEqual({ start: 12, end: 20 })
    expect(() =>
      addAnnotation(
        file,
        { itemId: amr.id, type: 'time-range', anchor: { start: 25, end: 40 } },
        OFFICER_A,
        fixedClock(),
      ),
    ).toThrow(/runs past its end/)
    expect(() =>
      addAnnotation(
        file,
        { itemId: amr.id, type: 'region', anchor: { x: 0, y: 0, w: 1, h: 1 } },
        OFFICER_A,
        fixedClock(),
      ),
    ).toThrow()
    const words = (lang: 'zh-CN' | 'en') =>
      citationInWords('time-range', a.anchor, { lang, timezone: 'Asia/Shanghai', kind: 'audio' }).full
    expect(words('zh-CN')).toBe('录音片段 00:00:12.000–00:00:20.000')
    expect(words('en')).toBe('Audio excerpt 00:00:12.000–00:00:20.000')
  })

  it('pairs with its interview record, as a custody event', () => {
    const pair = pairRecording(file, { recordingId: amr.id, transcriptId }, OFFICER_A, fixedClock())
    expect(listPairs(file.db, transcriptId)).toEqual([pair])
  })

  it('is found by its file name and its tags', () => {
    expect(searchCase(file.db, '093015').hits.map((h) => h.item.id)).toEqual([amr.id])
    expect(searchCase(file.db, '询问录音').hits.map((h) => h.item.id)).toEqual([m4aId])
  })

  it('is 视听资料 in the documents', () => {
    expect(KIND_DEFINITIONS.audio.category).toBe('视听资料')
    expect(evidenceCategory('audio', 'administrative')).toBe('视听资料')
    expect(evidenceCategory('audio', 'criminal')).toBe('视听资料、电子数据')
  })
})
