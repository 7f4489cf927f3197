import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CaseFile } from '../../src/core/case/case-file'
import { countCustodyEvents, listCustodyEvents } from '../../src/core/custody/custody-log'
import { importPaths } from '../../src/core/evidence/import'
import { listPairs, pairRecording, unpairRecording } from '../../src/core/evidence/recording-pairs'
import { OFFICER_A, OFFICER_B, sampleCaseFields } from '../support/case-fixture'
import { makeBodycamMp4, makeDroneJpeg, makeTranscriptGb18030 } from '../support/media'
import { fixedClock, tempDir } from '../support/temp'

const { dir, cleanup } = tempDir('recording-pairs-')
let file: CaseFile
let ids: { video: string; photo: string; transcript: string }

beforeAll(async () => {
  const src = join(dir, 'card')
  mkdirSync(src)
  makeBodycamMp4(src)
  await makeDroneJpeg(src, { fileName: 'DJI_0001.JPG' })
  makeTranscriptGb18030(src)
  file = CaseFile.create(join(dir, 'case'), sampleCaseFields(), OFFICER_A, fixedClock())
  const { results } = await importPaths(file, [src], { actor: OFFICER_A, clock: fixedClock() })
  const id = (k: string) => results.find((r) => r.kind === k)!.id!
  ids = { video: id('video'), photo: id('image'), transcript: id('transcript') }
})
afterAll(() => {
  file?.close()
  cleanup()
})

describe('a recording paired with its written record', () => {
  it('is a custody event on the recording, listed from either side, made once', () => {
    const before = countCustodyEvents(file.db)
    const pair = pairRecording(
      file,
      { recordingId: ids.video, transcriptId: ids.transcript },
      OFFICER_B,
      fixedClock(),
    )
    expect(pair).toMatchObject({ recordingId: ids.video, transcriptId: ids.transcript, pairedBy: OFFICER_B })
    expect(countCustodyEvents(file.db)).toBe(before + 1)
    const event = listCustodyEvents(file.db, 0, 1000).at(-1)!
    expect(event).toMatchObject({ action: 'recording-paired', itemId: ids.video, actor: OFFICER_B })
    expect(listPairs(file.db, ids.transcript)).toEqual([pair])
    expect(listPairs(file.db, ids.video)).toEqual([pair])
    // pairing the same two again changes nothing
    expect(
      pairRecording(file, { recordingId: ids.video, transcriptId: ids.transcript }, OFFICER_A, fixedClock()),
    ).toEqual(pair)
    expect(countCustodyEvents(file.db)).toBe(before + 1)
  })

  it('refuses what is not a recording or has no text, writing nothing', () => {
    const before = countCustodyEvents(file.db)
    expect(() =>
      pairRecording(file, { recordingId: ids.photo, transcriptId: ids.transcript }, OFFICER_A, fixedClock()),
    ).toThrow(/DJI_0001\.JPG\) is not a recording/)
    expect(() =>
      pairRecording(file, { recordingId: ids.video, transcriptId: ids.photo }, OFFICER_A, fixedClock()),
    ).toThrow(/has no text/)
    expect(() =>
      pairRecording(file, { recordingId: 'nope', transcriptId: ids.transcript }, OFFICER_A, fixedClock()),
    ).toThrow(/No evidence item nope/)
    expect(countCustodyEvents(file.db)).toBe(before)
  })

  it('ends with a reason, and the record of both stays in the custody log', () => {
    const [pair] = listPairs(file.db, ids.video)
    unpairRecording(file, pair.id, '配错了笔录', OFFICER_A, fixedClock())
    expect(listPairs(file.db)).toEqual([])
    const actions = listCustodyEvents(file.db, 0, 1000).map((e) => e.action)
    expect(actions.filter((a) => a.startsWith('recording-'))).toEqual([
      'recording-paired',
      'recording-unpaired',
    ])
    expect(() => unpairRecording(file, pair.id, 'again', OFFICER_A, fixedClock())).toThrow(/No standing pair/)
  })
})
