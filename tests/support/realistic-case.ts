import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { CaseFile, type Clock } from '../../src/core/case/case-file'
import { importPaths } from '../../src/core/evidence/import'
import { addAnnotation } from '../../src/core/annotations/annotation-store'
import { linkEvidence, saveViolation } from '../../src/core/violations'
import type { Violation } from '../../src/shared/violation-types'
import { OFFICER_A, sampleCaseFields } from './case-fixture'
import { makeBodycamMp4, makeCemsCsv, makeDroneJpeg, makeTranscriptGb18030 } from './media'

export interface RealisticCase {
  file: CaseFile
  sources: { video: string; drone: string; transcript: string; cems: string }
  violation: Violation
}

/**
 * A case as officers build one: a body-worn recorder video, a DJI drone photo, a GB18030
 * interview record and a CEMS export, imported in that order (E001…E004), and one confirmed
 * violation with its legal basis, the video linked whole and a region of the photo cited.
 */
export async function buildRealisticCase(root: string, clock: Clock): Promise<RealisticCase> {
  const src = join(root, 'card')
  mkdirSync(src, { recursive: true })
  const sources = {
    video: makeBodycamMp4(src),
    drone: await makeDroneJpeg(src),
    transcript: makeTranscriptGb18030(src),
    cems: makeCemsCsv(src),
  }
  const file = CaseFile.create(join(root, 'case'), sampleCaseFields(), OFFICER_A, clock)
  const summary = await importPaths(file, [sources.video, sources.drone, sources.transcript, sources.cems], {
    actor: OFFICER_A,
    clock,
  })
  if (summary.results.some((r) => r.status !== 'imported')) throw new Error('test media did not import')
  const violation = saveViolation(
    file,
    {
      title: '通过暗管排放水污染物',
      facts: '2021年5月24日04时许，当事人通过厂区东侧暗管向外环境排放生产废水。',
      occurredFrom: '2021-05-24T04:00:00+08:00',
      occurredTo: null,
      place: '厂区东侧排口',
      basis: ['water-39'],
      status: 'confirmed',
    },
    OFFICER_A,
    clock,
  )
  linkEvidence(
    file,
    { violationId: violation.id, itemId: 'E001', note: '现场执法记录仪拍摄排放过程' },
    OFFICER_A,
    clock,
  )
  const region = addAnnotation(
    file,
    { itemId: 'E002', type: 'region', anchor: { x: 10, y: 5, w: 20, h: 10 }, note: '暗管出水口' },
    OFFICER_A,
    clock,
  )
  linkEvidence(
    file,
    { violationId: violation.id, itemId: 'E002', annotationId: region.id, note: '航拍显示暗管位置' },
    OFFICER_A,
    clock,
  )
  return { file, sources, violation: { ...violation } }
}
