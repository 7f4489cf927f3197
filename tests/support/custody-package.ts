/**
 * Custody packages for verification tests, written with the real BagIt writer and node:crypto
 * Ed25519 exactly as docs/custody-package.md describes, plus what an attacker would do to one:
 * recompute every manifest and tag manifest after an edit, and re-sign with their own key.
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto'
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createBagWriter } from '../../src/core/package/bagit'
import { GENESIS_HASH, custodyHash } from '../../src/core/custody/custody-log'
import { fingerprintOf } from '../../src/core/signing/officer-key'
import type { CaseJson, PackageEvidence } from '../../src/shared/package-types'
import type { CustodyEvent, Officer } from '../../src/shared/types'
import { OFFICER_A, OFFICER_B, sampleCaseFields } from './case-fixture'

export interface SigningKey {
  privateKey: KeyObject
  publicKeyPem: string
  fingerprint: string
}

export function newSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString()
  return { privateKey, publicKeyPem, fingerprint: fingerprintOf(publicKeyPem) }
}

export interface BuiltPackage {
  path: string
  key: SigningKey
  caseJson: CaseJson
  events: CustodyEvent[]
  /** bag-relative path → bytes of every evidence original */
  originals: Map<string, Buffer>
}

const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex')

/** A chain of custody events built with the app's own hash rule, the export as the last one. */
export function custodyChain(actor: Officer, items: Array<{ id: string; number: string }>): CustodyEvent[] {
  const plan: Array<Pick<CustodyEvent, 'action' | 'itemId' | 'details'>> = [
    { action: 'case-created', itemId: null, details: {} },
    ...items.map((it) => ({ action: 'imported', itemId: it.id, details: { number: it.number } })),
    { action: 'viewed', itemId: items[0]?.id ?? null, details: {} },
    { action: 'exported', itemId: null, details: { format: 'folder' } },
  ]
  const events: CustodyEvent[] = []
  let prevHash = GENESIS_HASH
  plan.forEach((p, i) => {
    const body = { seq: i + 1, at: new Date(Date.UTC(2026, 4, 24, 1, i)).toISOString(), actor, ...p }
    const hash = custodyHash(prevHash, body)
    events.push({ ...body, prevHash, hash })
    prevHash = hash
  })
  return events
}

export const jsonl = (events: CustodyEvent[]): Buffer =>
  Buffer.from(events.map((e) => JSON.stringify(e) + '\n').join(''), 'utf8')

function evidenceItem(n: number, name: string, bytes: Buffer): PackageEvidence {
  const number = `E${String(n).padStart(3, '0')}`
  return {
    id: `item-${n}`,
    number,
    sha256: sha256(bytes),
    size: bytes.length,
    originalName: name,
    sourcePath: `/media/sd/${name}`,
    kind: 'other',
    mime: 'application/octet-stream',
    importedAt: '2026-05-24T01:00:00.000Z',
    importedBy: OFFICER_A,
    capturedAt: null,
    capturedAtSource: null,
    utcOffset: null,
    gps: null,
    device: null,
    width: null,
    height: null,
    durationSec: null,
    warnings: [],
    meta: {},
    sourceMtime: null,
    derived: {},
    derivedFrom: null,
    category: 'other',
    path: `data/evidence/${number}_${name}`,
  }
}

/**
 * Writes a signed custody package (folder or ZIP) at `destination` with three originals, a
 * transfer document, a report, case.json and the custody log.
 */
export async function buildCustodyPackage(
  destination: string,
  opts: { format?: 'folder' | 'zip'; key?: SigningKey; evidenceBytes?: number } = {},
): Promise<BuiltPackage> {
  const key = opts.key ?? newSigningKey()
  const fields = sampleCaseFields()
  const originals = new Map<string, Buffer>()
  const sources: Array<[string, Buffer]> = [
    ['DSJ-A8-00123.MP4', randomBytes(opts.evidenceBytes ?? 200_000)],
    ['无人机航拍_0001.JPG', randomBytes(50_000)],
    ['询问笔录-赵六.txt', Buffer.from('问：你是谁？\n答：我是赵六。\n', 'utf8')],
  ]
  const evidence = sources.map(([name, bytes], i) => evidenceItem(i + 1, name, bytes))
  sources.forEach(([, bytes], i) => originals.set(evidence[i].path, bytes))
  const events = custodyChain(OFFICER_A, evidence)
  const head = events[events.length - 1].hash
  const caseJson: CaseJson = {
    format: 'evidence-desk-case',
    formatVersion: 1,
    generator: 'Evidence Desk test',
    exportedAt: '2026-05-24T01:10:00.000Z',
    exportedBy: OFFICER_A,
    case: {
      id: 'case-1',
      number: fields.number,
      title: fields.title,
      cause: fields.cause,
      subject: fields.subject,
      unit: fields.unit,
      timezone: fields.timezone,
      officers: [OFFICER_A, OFFICER_B],
      createdAt: '2026-05-24T01:00:00.000Z',
      createdBy: OFFICER_A,
    },
    legalBasis: [],
    violations: [],
    evidence,
    annotations: [],
    custody: { path: 'data/custody-log.jsonl', events: events.length, headHash: head },
    documents: [
      { kind: 'evidence-list', title: '证据清单', html: 'data/documents/01_证据清单.html', pdf: null },
    ],
    signer: { name: OFFICER_A.name, certNo: OFFICER_A.certNo, fingerprint: key.fingerprint },
  }
  const writer = await createBagWriter({
    destination,
    format: opts.format ?? 'folder',
    rootName: opts.format === 'zip' ? '宁环罚_2026_12号_20260524' : undefined,
  })
  for (const [path, bytes] of originals) await writer.addBuffer(path, bytes)
  await writer.addBuffer('data/case.json', Buffer.from(JSON.stringify(caseJson, null, 2), 'utf8'))
  await writer.addBuffer('data/custody-log.jsonl', jsonl(events))
  await writer.addBuffer(
    'data/documents/01_证据清单.html',
    Buffer.from('<!doctype html><title>证据清单</title>', 'utf8'),
  )
  await writer.addBuffer('data/report/index.html', Buffer.from('<!doctype html><title>报告</title>', 'utf8'))
  await writer.finish({
    bagInfo: [
      ['Source-Organization', fields.unit],
      ['Contact-Name', OFFICER_A.name],
      ['External-Identifier', fields.number],
      ['Custody-Log-Head', head],
      ['Custody-Log-Events', String(events.length)],
      ['Signer-Fingerprint', key.fingerprint],
    ],
    afterTagManifests: (tm) => signatureFiles(key, tm.sha256),
  })
  return { path: destination, key, caseJson, events, originals }
}

/** signature/tagmanifest-sha256.txt.sig and signature/signer.json for a key. */
export function signatureFiles(
  key: SigningKey,
  tagManifest: Buffer,
): Array<{ path: string; content: Buffer }> {
  const signer = {
    algorithm: 'Ed25519',
    name: OFFICER_A.name,
    certNo: OFFICER_A.certNo,
    unit: sampleCaseFields().unit,
    fingerprint: key.fingerprint,
    publicKeyPem: key.publicKeyPem,
  }
  return [
    {
      path: 'signature/tagmanifest-sha256.txt.sig',
      content: Buffer.from(sign(null, tagManifest, key.privateKey).toString('base64') + '\n'),
    },
    { path: 'signature/signer.json', content: Buffer.from(JSON.stringify(signer, null, 2) + '\n') },
  ]
}

function walk(dir: string, rel = ''): string[] {
  return readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((d) => {
    const child = rel ? `${rel}/${d.name}` : d.name
    return d.isDirectory() ? walk(dir, child) : [child]
  })
}

/**
 * What an attacker does after editing a folder bag: recompute both payload manifests, the
 * Payload-Oxum, and both tag manifests, so that BagIt alone finds nothing. The signature is left
 * as it was (it no longer matches) unless `resignWith` is given; `bagInfoEdit` may change
 * bag-info.txt before the tag manifests are computed.
 */
export function recomputeManifests(
  bag: string,
  opts: { resignWith?: SigningKey; bagInfoEdit?: (text: string) => string } = {},
): void {
  const files = walk(bag).sort()
  const payload = files.filter((f) => f.startsWith('data/'))
  for (const alg of ['sha256', 'sha512']) {
    const lines = payload.map(
      (f) =>
        `${createHash(alg)
          .update(readFileSync(join(bag, f)))
          .digest('hex')}  ${f}\n`,
    )
    writeFileSync(join(bag, `manifest-${alg}.txt`), lines.join(''))
  }
  const bytes = payload.reduce((s, f) => s + statSync(join(bag, f)).size, 0)
  let info = readFileSync(join(bag, 'bag-info.txt'), 'utf8').replace(
    /^Payload-Oxum: .*$/m,
    `Payload-Oxum: ${bytes}.${payload.length}`,
  )
  if (opts.bagInfoEdit) info = opts.bagInfoEdit(info)
  writeFileSync(join(bag, 'bag-info.txt'), info)
  const tags = walk(bag)
    .filter((f) => !f.startsWith('data/') && !f.startsWith('signature/') && !f.startsWith('tagmanifest-'))
    .sort()
  for (const alg of ['sha256', 'sha512']) {
    const lines = tags.map(
      (f) =>
        `${createHash(alg)
          .update(readFileSync(join(bag, f)))
          .digest('hex')}  ${f}\n`,
    )
    writeFileSync(join(bag, `tagmanifest-${alg}.txt`), lines.join(''))
  }
  if (opts.resignWith) {
    for (const f of signatureFiles(opts.resignWith, readFileSync(join(bag, 'tagmanifest-sha256.txt'))))
      writeFileSync(join(bag, f.path), f.content)
  }
}
