import * as z from 'zod'
import type { CaseJson } from '../../../shared/package-types'
import { printable } from '../bagit/manifest'
import { checkSafePath } from '../bagit/safe-path'
import { bagInfoValues } from '../bagit/tag-file'
import { MAX_JSON_DEPTH, jsonDepth } from '../../util/json-limits'
import type { BagSource } from '../bagit/types'
import type { Findings } from './findings'
import {
  CASE_JSON,
  CUSTODY_LOG,
  EVIDENCE_DIR,
  MAX_CASE_JSON_BYTES,
  readVerifiedPayload,
} from './package-files'

const SHA256 = /^[0-9a-f]{64}$/

/**
 * The parts of case.json the verifier relies on; the rest is kept as it is for the reviewer.
 * Loose objects: a newer generator may add fields without making older verifiers reject it.
 */
const caseJsonSchema = z.looseObject({
  format: z.literal('evidence-desk-case'),
  formatVersion: z.literal(1),
  case: z.looseObject({ id: z.string(), number: z.string() }),
  evidence: z.array(
    z.looseObject({ id: z.string(), number: z.string(), sha256: z.string().regex(SHA256), path: z.string() }),
  ),
  custody: z.looseObject({
    path: z.string(),
    events: z.number().int().nonnegative(),
    headHash: z.string(),
  }),
  documents: z.array(z.looseObject({ html: z.string(), pdf: z.string().nullable() })),
  signer: z.looseObject({ fingerprint: z.string() }),
  violations: z.array(z.unknown()),
  annotations: z.array(z.unknown()),
  legalBasis: z.array(z.unknown()),
})

export interface CaseJsonInput {
  source: BagSource
  present: Set<string>
  bagInfo: Array<[string, string]>
  digests: Map<string, { sha256?: string }>
  /** files the BagIt check already found damaged (hash-mismatch, io-error): their bytes are not what the manifests list */
  damaged: Set<string>
  findings: Findings
}

/**
 * Parses data/case.json and checks it against the bag (docs/custody-package.md): every evidence
 * item's file is in the bag, listed in the manifests, with the sha256 case.json states; every file
 * under data/evidence/ is an item; the documents and custody log it names are there. Returns the
 * parsed case (null when it cannot be read as a case), so the reviewer can open it.
 */
export async function checkCaseJson(input: CaseJsonInput): Promise<CaseJson | null> {
  const { findings } = input
  const buf = await readVerifiedPayload(
    input.source,
    CASE_JSON,
    MAX_CASE_JSON_BYTES,
    input.digests,
    findings,
    'case-manifest-mismatch',
  )
  if (!buf) return null
  let parsed: z.infer<typeof caseJsonSchema>
  try {
    if (jsonDepth(buf) > MAX_JSON_DEPTH) {
      findings.problem(
        'limit-exceeded',
        CASE_JSON,
        `${CASE_JSON} nests deeper than ${MAX_JSON_DEPTH} levels; no case record does`,
      )
      return null
    }
    parsed = caseJsonSchema.parse(JSON.parse(buf.toString('utf8')))
  } catch (err) {
    const why =
      err instanceof z.ZodError
        ? z.prettifyError(err).split('\n').slice(0, 4).join('; ')
        : (err as Error).message
    findings.problem(
      'case-manifest-mismatch',
      CASE_JSON,
      `${CASE_JSON} is not a readable case description: ${why}`,
    )
    return null
  }
  checkEvidence(parsed.evidence, input)
  checkNamedFiles(parsed, input)
  const stated = bagInfoValues(input.bagInfo, 'External-Identifier')
  if (stated.length > 0 && !stated.some((s) => s.trim() === parsed.case.number)) {
    findings.problem(
      'case-manifest-mismatch',
      CASE_JSON,
      `${CASE_JSON} describes case ${parsed.case.number}, but bag-info.txt names case ${stated[0].trim()}`,
    )
  }
  return parsed as unknown as CaseJson
}

function checkEvidence(
  items: Array<{ number: string; sha256: string; path: string }>,
  input: CaseJsonInput,
): void {
  const { findings, digests, present } = input
  const described = new Set<string>()
  for (const item of items) {
    const where = `evidence ${item.number} ("${printable(item.path)}")`
    if (!item.path.startsWith(EVIDENCE_DIR) || !checkSafePath(item.path).ok) {
      findings.problem(
        'case-manifest-mismatch',
        CASE_JSON,
        `${CASE_JSON} puts ${where} outside ${EVIDENCE_DIR}`,
      )
      continue
    }
    if (described.has(item.path)) {
      findings.problem(
        'case-manifest-mismatch',
        item.path,
        `${CASE_JSON} names "${printable(item.path)}" for more than one item`,
      )
      continue
    }
    described.add(item.path)
    const digest = digests.get(item.path)?.sha256
    if (!present.has(item.path)) {
      findings.problem(
        'case-manifest-mismatch',
        item.path,
        `${CASE_JSON} lists ${where}, but the file is not in the package`,
      )
    } else if (digest === undefined) {
      findings.problem(
        'case-manifest-mismatch',
        item.path,
        `${CASE_JSON} lists ${where}, but the payload manifests do not`,
      )
    } else if (digest !== item.sha256 && !input.damaged.has(item.path)) {
      // A damaged file is reported once, as hash-mismatch; case.json is compared with intact bytes only.
      findings.problem(
        'case-manifest-mismatch',
        item.path,
        `${CASE_JSON} records sha256 ${item.sha256} for ${where}, but the file in the package has ${digest}`,
      )
    }
  }
  for (const path of [...present].filter((p) => p.startsWith(EVIDENCE_DIR)).sort()) {
    if (!described.has(path))
      findings.problem(
        'case-manifest-mismatch',
        path,
        `"${printable(path)}" is in ${EVIDENCE_DIR} but is no evidence item in ${CASE_JSON}`,
      )
  }
}

/** The custody log and the documents case.json points to must be payload files of this bag. */
function checkNamedFiles(parsed: z.infer<typeof caseJsonSchema>, input: CaseJsonInput): void {
  const { findings } = input
  if (parsed.custody.path !== CUSTODY_LOG) {
    findings.problem(
      'case-manifest-mismatch',
      CASE_JSON,
      `${CASE_JSON} puts the custody log at "${printable(parsed.custody.path)}" instead of ${CUSTODY_LOG}`,
    )
  }
  const docs = parsed.documents.flatMap((d) => (d.pdf ? [d.html, d.pdf] : [d.html]))
  for (const path of docs) {
    if (!path.startsWith('data/') || !checkSafePath(path).ok || !input.digests.has(path)) {
      findings.problem(
        'case-manifest-mismatch',
        CASE_JSON,
        `${CASE_JSON} names the document "${printable(path)}", which is not a listed file of the package`,
      )
    }
  }
}
