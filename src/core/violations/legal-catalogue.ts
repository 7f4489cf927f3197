import * as z from 'zod'
import type { LegalBasisInput } from '../../shared/api'
import type { Officer } from '../../shared/types'
import { TRANSFER_KINDS, type LegalBasisEntry } from '../../shared/violation-types'
import type { CaseFile, Clock } from '../case/case-file'
import type { ReadableDB, WritableDB } from '../db/database'
import { EvidenceError } from '../errors'
import { assertWritable } from './writable'
// Imported statically so the catalogue travels inside every bundle (CLI via tsx, tests, browser
// mode, the built Electron main) without resolving a resources path at run time.
import builtinCatalogueJson from '../../../resources/legal-basis/catalogue.json' with { type: 'json' }

/** Prefix of every officer-added entry, so no later built-in release can collide with one. */
export const LOCAL_PREFIX = 'local-'

const entryId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'legal-id-format' })
  .max(64)

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date-format' })

const catalogueEntrySchema = z
  .object({
    id: entryId,
    law: z.string().min(1),
    lawEn: z.string().min(1),
    article: z.string().min(1),
    text: z.string(),
    textStatus: z.enum(['verbatim', 'summary', 'unverified']),
    act: z.string().min(1),
    actEn: z.string().min(1),
    role: z.enum(['prohibition', 'penalty', 'criminal-threshold', 'rule']),
    pairsWith: z.array(entryId),
    transferKind: z.enum(TRANSFER_KINDS),
    crime: z.string().min(1).optional(),
    effectiveFrom: day,
    effectiveTo: day.nullable(),
    replacedBy: z.array(entryId),
    replaces: z.array(entryId),
    source: z
      .object({
        title: z.string().min(1),
        ref: z.string().min(1),
        checkedOn: day,
        note: z.string().optional(),
      })
      .strict(),
  })
  .strict()
  // A text is quoted only when there is one; an unverified entry must not pretend to have one.
  .refine((e) => (e.textStatus === 'unverified' ? e.text === '' : e.text.length > 0), {
    message: 'text-status-mismatch',
    path: ['text'],
  })
  .refine((e) => e.transferKind !== 'criminal' || (e.crime ?? '') !== '', {
    message: 'criminal-without-crime',
    path: ['crime'],
  })

const catalogueSchema = z
  .object({
    format: z.literal('evidence-desk-legal-basis'),
    version: z.string().min(1),
    sources: z.string().min(1),
    entries: z.array(catalogueEntrySchema).min(1),
  })
  .strict()

export interface Catalogue {
  version: string
  entries: LegalBasisEntry[]
}

/**
 * Checks a catalogue file's content: every field present, ids unique, every pair naming an entry
 * of the catalogue and pairing back. Throws `invalid-input` naming the first problem found.
 */
export function parseCatalogue(raw: unknown, origin: LegalBasisEntry['origin'] = 'builtin'): Catalogue {
  const parsed = catalogueSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new EvidenceError(
      'invalid-input',
      `The legal-basis catalogue is not valid at ${issue.path.join('.') || '(root)'}: ${issue.message}.`,
    )
  }
  const { version, entries } = parsed.data
  const byId = new Map<string, (typeof entries)[number]>()
  for (const e of entries) {
    if (byId.has(e.id))
      throw new EvidenceError(
        'invalid-input',
        `The legal-basis catalogue lists the id "${e.id}" twice; every entry needs its own id.`,
      )
    byId.set(e.id, e)
  }
  for (const e of entries) {
    if (e.effectiveTo && e.effectiveTo < e.effectiveFrom)
      throw new EvidenceError(
        'invalid-input',
        `Legal-basis entry "${e.id}" ends (${e.effectiveTo}) before it takes effect (${e.effectiveFrom}).`,
      )
    for (const [field, back] of [
      ['replacedBy', 'replaces'],
      ['replaces', 'replacedBy'],
    ] as const)
      for (const r of e[field]) {
        const other = byId.get(r)
        if (!other || !other[back].includes(e.id))
          throw new EvidenceError(
            'invalid-input',
            `Legal-basis entry "${e.id}" lists "${r}" in ${field}, but ${other ? `"${r}" does not list "${e.id}" in ${back}` : 'the catalogue does not hold it'}.`,
          )
      }
    for (const p of e.pairsWith) {
      const other = byId.get(p)
      if (!other)
        throw new EvidenceError(
          'invalid-input',
          `Legal-basis entry "${e.id}" pairs with "${p}", which the catalogue does not hold.`,
        )
      if (!other.pairsWith.includes(e.id))
        throw new EvidenceError(
          'invalid-input',
          `Legal-basis entry "${e.id}" pairs with "${p}", but "${p}" does not pair back with "${e.id}".`,
        )
    }
  }
  return {
    version,
    entries: entries.map((e) => ({
      ...e,
      origin,
      catalogueVersion: origin === 'local' ? 'local' : version,
    })),
  }
}

let cachedBuiltin: Catalogue | null = null

/** The catalogue shipped with this version of the app (validated once, then cached). */
export function builtinCatalogue(): Catalogue {
  cachedBuiltin ??= parseCatalogue(builtinCatalogueJson, 'builtin')
  return { version: cachedBuiltin.version, entries: cachedBuiltin.entries.map(cloneEntry) }
}

function cloneEntry(e: LegalBasisEntry): LegalBasisEntry {
  return {
    ...e,
    pairsWith: [...e.pairsWith],
    replacedBy: e.replacedBy ? [...e.replacedBy] : e.replacedBy,
    replaces: e.replaces ? [...e.replaces] : e.replaces,
    source: e.source ? { ...e.source } : e.source,
  }
}

type StoredEntry = Omit<LegalBasisEntry, 'transferKind'> & {
  transferKind?: LegalBasisEntry['transferKind']
  /** catalogue 2026.1 and local entries made with it */
  transferable?: boolean
}

/**
 * A case's stored copy as today's code reads it. Copies made from catalogue 2026.1 carry
 * `transferable` instead of `transferKind`: 刑法 and criminal thresholds become `criminal`, the
 * other transferable ones (环保法 63, 固废法 120) `detention`. The text a case cites is never
 * touched; only what the law's dates and successors are (facts about the law, not the case) is
 * filled in from the built-in catalogue when the copy predates them.
 */
export function normaliseStoredEntry(stored: StoredEntry): LegalBasisEntry {
  const { transferable, ...rest } = stored
  const transferKind =
    stored.transferKind ??
    (transferable
      ? stored.role === 'criminal-threshold' || stored.law.includes('刑法')
        ? 'criminal'
        : 'detention'
      : 'none')
  const entry: LegalBasisEntry = { ...rest, transferKind }
  if (entry.origin === 'builtin' && entry.effectiveFrom === undefined) {
    const current = builtinById().get(entry.id)
    if (current) {
      entry.effectiveFrom = current.effectiveFrom
      entry.effectiveTo = current.effectiveTo
      entry.replacedBy = [...(current.replacedBy ?? [])]
      entry.replaces = [...(current.replaces ?? [])]
      entry.crime ??= current.crime
    }
  }
  return entry
}

let cachedById: Map<string, LegalBasisEntry> | null = null
function builtinById(): Map<string, LegalBasisEntry> {
  cachedBuiltin ??= parseCatalogue(builtinCatalogueJson, 'builtin')
  cachedById ??= new Map(cachedBuiltin.entries.map((e) => [e.id, e]))
  return cachedById
}

interface LegalBasisRow {
  id: string
  origin: 'builtin' | 'local'
  catalogue_version: string
  entry_json: string
  added_at: string
}

/** The entries this case holds (its copies of built-in ones it cites, and local ones), in the order added. */
export function caseLegalBasis(db: ReadableDB): LegalBasisEntry[] {
  const rows = db.prepare('SELECT * FROM legal_basis ORDER BY added_at, rowid').all() as LegalBasisRow[]
  return rows.map(rowToEntry)
}

function rowToEntry(r: LegalBasisRow): LegalBasisEntry {
  const stored = JSON.parse(r.entry_json) as StoredEntry
  // the row's columns are what the case recorded; they win over anything in the JSON
  return normaliseStoredEntry({
    ...stored,
    id: r.id,
    origin: r.origin,
    catalogueVersion: r.catalogue_version,
  })
}

/**
 * What an officer can cite: the built-in entries in catalogue order, each replaced by the case's
 * own copy where the case has one, then the case's local entries.
 */
export function listLegalBasis(db: ReadableDB): LegalBasisEntry[] {
  const own = new Map(caseLegalBasis(db).map((e) => [e.id, e]))
  const out: LegalBasisEntry[] = []
  for (const e of builtinCatalogue().entries) {
    out.push(own.get(e.id) ?? e)
    own.delete(e.id)
  }
  return [...out, ...own.values()]
}

/** One entry the case can cite (its own copy first, else the built-in one), or null. */
export function findLegalBasis(db: ReadableDB, id: string): LegalBasisEntry | null {
  const row = db.prepare('SELECT * FROM legal_basis WHERE id = ?').get(id) as LegalBasisRow | undefined
  if (row) return rowToEntry(row)
  return builtinCatalogue().entries.find((e) => e.id === id) ?? null
}

/**
 * Copies the built-in entries among `ids` that the case does not hold yet into its legal_basis
 * table, so later catalogue releases never change what it cites. Call inside the change's
 * transaction; returns what was copied (for the custody event). Unknown ids are refused.
 */
export function copyBuiltinsIntoCase(db: WritableDB, ids: string[], at: Date): LegalBasisEntry[] {
  const copied: LegalBasisEntry[] = []
  const has = db.prepare('SELECT 1 FROM legal_basis WHERE id = ?')
  const insert = db.prepare(
    'INSERT INTO legal_basis (id, origin, catalogue_version, entry_json, added_at) VALUES (?, ?, ?, ?, ?)',
  )
  const builtins = new Map(builtinCatalogue().entries.map((e) => [e.id, e]))
  for (const id of ids) {
    if (has.get(id)) continue
    const entry = builtins.get(id)
    if (!entry) throw unknownBasis(id)
    insert.run(entry.id, 'builtin', entry.catalogueVersion, JSON.stringify(entry), at.toISOString())
    copied.push(entry)
  }
  return copied
}

export function unknownBasis(id: string): EvidenceError {
  return new EvidenceError(
    'invalid-input',
    `No legal-basis entry "${id}" in the catalogue or in this case. Pick one from the catalogue, or add it as a local entry first.`,
  )
}

/**
 * Adds an officer's own catalogue entry to the case. Its id gets the "local-" prefix if it lacks
 * it; an id the case or the built-in catalogue already uses is refused, as is a pair with an
 * unknown entry.
 */
export function addLocalLegalBasis(
  file: CaseFile,
  input: LegalBasisInput,
  actor: Officer,
  clock: Clock,
): LegalBasisEntry {
  assertWritable(file)
  const id = input.id.startsWith(LOCAL_PREFIX) ? input.id : `${LOCAL_PREFIX}${input.id}`
  if (id.length > 64)
    throw new EvidenceError('invalid-input', `The legal-basis id "${id}" is longer than 64 characters.`, {
      fields: [{ path: 'id', code: 'too-long', message: 'at most 64 characters' }],
    })
  if (findLegalBasis(file.db, id))
    throw new EvidenceError(
      'invalid-input',
      `The legal-basis id "${id}" is already in use in this case; choose another id.`,
      { fields: [{ path: 'id', code: 'legal-id-taken', message: `${id} is already in use` }] },
    )
  const pairsWith = [...new Set(input.pairsWith)]
  for (const p of pairsWith) if (!findLegalBasis(file.db, p)) throw unknownBasis(p)
  const entry: LegalBasisEntry = {
    id,
    law: input.law,
    lawEn: input.lawEn,
    article: input.article,
    text: input.text,
    act: input.act,
    actEn: input.actEn,
    textStatus: input.text ? 'summary' : 'unverified',
    role: input.role,
    pairsWith,
    transferKind: input.transferKind,
    origin: 'local',
    catalogueVersion: 'local',
  }
  const at = clock()
  file.record(actor, at, { action: 'legal-basis-added', details: { entry } }, () => {
    file.db
      .prepare(
        'INSERT INTO legal_basis (id, origin, catalogue_version, entry_json, added_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(id, 'local', 'local', JSON.stringify(entry), at.toISOString())
  })
  return entry
}
