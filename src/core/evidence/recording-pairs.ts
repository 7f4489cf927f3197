/**
 * A recording (audio or video of an interview) paired with its written record (询问笔录), so the
 * two show side by side and a quote can carry the time in the recording where it was said.
 * Pairing is a custody event and nothing else: the custody log is where pairs are recorded, so a
 * package carries them and reviewer mode shows them without any other table.
 */
import { randomUUID } from 'node:crypto'
import { KIND_DEFINITIONS } from '../../shared/kinds'
import type { EvidenceItem, Officer, RecordingPair } from '../../shared/types'
import { indexedText, itemLabel } from '../annotations/anchor-bounds'
import type { CaseFile, Clock } from '../case/case-file'
import type { ReadableDB } from '../db/database'
import { EvidenceError } from '../errors'
import { getItem } from './item-repository'

const PAIRED = 'recording-paired'
const UNPAIRED = 'recording-unpaired'

const allows = (item: EvidenceItem, type: 'time-range' | 'quote'): boolean =>
  (KIND_DEFINITIONS[item.kind].anchors as readonly string[]).includes(type)

function mustExist(db: ReadableDB, id: string, role: string): EvidenceItem {
  const item = getItem(db, id)
  if (!item) throw new EvidenceError('not-found', `No evidence item ${id} in this case (the ${role}).`)
  return item
}

/**
 * Pairs a recording (a kind cited by time range) with a text item that can be quoted, as a custody
 * event on the recording. Pairing the same two again returns the pair that stands. Throws
 * EvidenceError 'not-found' or 'invalid-input' naming the item that does not fit.
 */
export function pairRecording(
  file: CaseFile,
  req: { recordingId: string; transcriptId: string },
  actor: Officer,
  clock: Clock,
): RecordingPair {
  const recording = mustExist(file.db, req.recordingId, 'recording')
  const transcript = mustExist(file.db, req.transcriptId, 'written record')
  if (!allows(recording, 'time-range'))
    throw new EvidenceError('invalid-input', `${itemLabel(recording)} is not a recording (audio or video).`)
  if (!allows(transcript, 'quote') || indexedText(file.db, transcript.id) === null)
    throw new EvidenceError('invalid-input', `${itemLabel(transcript)} has no text to pair with a recording.`)
  const standing = listPairs(file.db, recording.id).find((p) => p.transcriptId === transcript.id)
  if (standing) return standing
  const pairId = randomUUID()
  const at = clock()
  file.record(actor, at, {
    action: PAIRED,
    itemId: recording.id,
    details: {
      pairId,
      recording: { id: recording.id, number: recording.number },
      transcript: { id: transcript.id, number: transcript.number },
    },
  })
  return listPairs(file.db, recording.id).find((p) => p.id === pairId)!
}

/** Ends a pair (it stays in the custody log, with the reason). */
export function unpairRecording(
  file: CaseFile,
  pairId: string,
  reason: string,
  actor: Officer,
  clock: Clock,
): void {
  const pair = listPairs(file.db).find((p) => p.id === pairId)
  if (!pair) throw new EvidenceError('not-found', `No standing pair ${pairId} in this case.`)
  file.record(actor, clock(), {
    action: UNPAIRED,
    itemId: pair.recordingId,
    details: { pairId, reason, recording: pair.recordingNumber, transcript: pair.transcriptNumber },
  })
}

interface Row {
  at: string
  actor_name: string
  actor_cert_no: string
  action: string
  details_json: string
}

/** The pairs that stand, oldest first, read back from the custody log; those of one item when given. */
export function listPairs(db: ReadableDB, itemId?: string): RecordingPair[] {
  const rows = db
    .prepare(
      'SELECT at, actor_name, actor_cert_no, action, details_json FROM custody_events WHERE action IN (?, ?) ORDER BY seq',
    )
    .all(PAIRED, UNPAIRED) as Row[]
  const pairs = new Map<string, RecordingPair>()
  for (const r of rows) {
    const d = JSON.parse(r.details_json) as {
      pairId?: string
      recording?: { id: string; number: string }
      transcript?: { id: string; number: string }
    }
    if (!d.pairId) continue
    if (r.action === UNPAIRED) pairs.delete(d.pairId)
    else if (d.recording && d.transcript)
      pairs.set(d.pairId, {
        id: d.pairId,
        recordingId: d.recording.id,
        recordingNumber: d.recording.number,
        transcriptId: d.transcript.id,
        transcriptNumber: d.transcript.number,
        pairedAt: r.at,
        pairedBy: { name: r.actor_name, certNo: r.actor_cert_no },
      })
  }
  const all = [...pairs.values()]
  return itemId ? all.filter((p) => p.recordingId === itemId || p.transcriptId === itemId) : all
}
