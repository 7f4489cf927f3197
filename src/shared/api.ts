/**
 * The one API contract between the UI and the backend. Each channel names a zod schema for
 * its input, checked in the backend before any handler runs, and the type of its result.
 * Both transports (Electron IPC and browser-mode HTTP) carry exactly these channels.
 */
import * as z from 'zod'
import { creditCodeProblem } from './credit-code'
import { isValidTimeZone } from './time-zone'
import { EVIDENCE_KINDS, ITEM_CATEGORIES } from './types'
import { ANCHOR_SCHEMAS, thermalShapeSchema, type AnnotationType } from './citations/anchors'
import { TRANSFER_DOCUMENT_KINDS, TRANSFER_KINDS, VIOLATION_STATUSES } from './violation-types'
import { ATTACHMENT_KINDS, KEY_UNIT_STATUSES, SUSPECT_ROLES, type TransferInfo } from './transfer-types'
import { CHOOSABLE_TEXT_ENCODINGS, type TextDecodingPreview } from './text-encodings'
import { comparedSeriesSchema, comparisonThresholdSchema } from './kinds/monitoring-compare'
import type {
  EvidenceMatrix,
  LegalBasisEntry,
  TransferDocument,
  Violation,
  ViolationLink,
} from './violation-types'
import type {
  ExportBlocker,
  ItemCheck,
  OfficerKeyInfo,
  PackageDocument,
  PackageVerdict,
  ReviewNote,
  TrustedKey,
} from './package-types'
import type { ItemFacts } from './custody-words'
import { MAX_CLOCK_OFFSET_MS, type ClockOffset, type DeviceIdentity } from './clock-offset'
import type { JobProgress, JobUpdate } from './jobs'
import type {
  Annotation,
  MonitoringSeriesInForce,
  MonitoringView,
  SearchHit,
  TranscriptView,
  ImportFileResult,
  ThermalFrameInfo,
  RecordingPair,
  AppInfo,
  EvidenceItem,
  ItemDetail,
  Officer,
  CaseInfo,
  CheckResult,
  CustodyEvent,
  DirListing,
  Profile,
  RecentCase,
} from './types'

const text = (max: number) => z.string().trim().max(max, { message: 'too-long' })
const required = (max: number) => text(max).min(1, { message: 'required' })

export const officerSchema = z.object({
  name: required(50),
  certNo: required(40),
})

export const profileSchema = officerSchema.extend({
  /** the officer's signing identity: an enforcement certificate number is digits only */
  certNo: required(40).refine((v) => v === '' || /^\d+$/.test(v), { message: 'cert-no-digits' }),
  unit: required(100),
})

export const subjectSchema = z.object({
  /** may be empty: the party is not always known when a case is opened */
  name: text(200),
  creditCode: text(18)
    .transform((v) => v.toUpperCase())
    .superRefine((v, ctx) => {
      if (v === '') return // not every party has one (e.g. an individual business not yet registered)
      const problem = creditCodeProblem(v)
      if (problem) ctx.addIssue({ code: 'custom', message: `credit-code-${problem}` })
    }),
  address: text(300),
  legalRep: text(50),
})

export const timezoneSchema = z
  .string()
  .trim()
  .refine((z) => isValidTimeZone(z), { message: 'timezone-unknown' })

const officersSchema = z
  .array(officerSchema)
  .min(2, { message: 'officers-min-two' })
  .max(20)
  .superRefine((officers, ctx) => {
    const seen = new Set<string>()
    officers.forEach((o, i) => {
      if (seen.has(o.certNo))
        ctx.addIssue({ code: 'custom', path: [i, 'certNo'], message: 'officer-duplicate' })
      seen.add(o.certNo)
    })
  })

export const caseFieldsSchema = z.object({
  number: required(64),
  title: required(200),
  cause: text(500),
  subject: subjectSchema,
  unit: text(100),
  officers: officersSchema,
  timezone: timezoneSchema,
})
export type CaseFields = z.infer<typeof caseFieldsSchema>

/** Editable after creation; each changed field becomes a custody event. */
export const caseEditSchema = caseFieldsSchema.omit({ timezone: true }).partial()
export type CaseEdit = z.infer<typeof caseEditSchema>

const dirPath = required(4096)
const none = z.object({}).strict()

/** Library filters; every field optional. Instants are ISO strings. */
export const itemQuerySchema = z
  .object({
    kinds: z.array(z.enum(EVIDENCE_KINDS)).max(EVIDENCE_KINDS.length).optional(),
    categories: z.array(z.enum(ITEM_CATEGORIES)).max(ITEM_CATEGORIES.length).optional(),
    importedBy: z.string().max(40).optional(),
    capturedFrom: z.iso.datetime({ offset: true }).optional(),
    capturedTo: z.iso.datetime({ offset: true }).optional(),
    warning: z.union([z.literal(true), z.string().max(64)]).optional(),
    text: z.string().max(200).optional(),
    sort: z.enum(['number', 'captured']).optional(),
    order: z.enum(['asc', 'desc']).optional(),
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(50_000).optional(),
  })
  .strict()
export type ItemQueryInput = z.infer<typeof itemQuerySchema>

export { thermalShapeSchema }

const newAnnotation = <T extends AnnotationType>(type: T) =>
  z.strictObject({
    itemId: required(64),
    type: z.literal(type),
    anchor: ANCHOR_SCHEMAS[type],
    note: text(2000).optional(),
  })

/** A new citation: its anchor must fit its type's schema here, and its item in core (addAnnotation). */
export const newAnnotationSchema = z.discriminatedUnion('type', [
  newAnnotation('time-range'),
  newAnnotation('region'),
  newAnnotation('quote'),
  newAnnotation('data-range'),
  newAnnotation('measurement'),
])
export type NewAnnotationInput = z.output<typeof newAnnotationSchema>

/** A violation as an officer edits it; the id is left out to create one. */
export const violationInputSchema = z
  .object({
    id: z.string().max(64).optional(),
    title: required(200),
    facts: text(20_000),
    occurredFrom: z.iso.datetime({ offset: true }).nullable(),
    occurredTo: z.iso.datetime({ offset: true }).nullable(),
    place: text(300),
    basis: z.array(required(64)).max(50),
    status: z.enum(VIOLATION_STATUSES),
  })
  .strict()
export type ViolationInput = z.infer<typeof violationInputSchema>

/** An officer's own catalogue entry (local regulations, newer interpretations). */
export const legalBasisInputSchema = z
  .object({
    id: required(64).regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'legal-id-format' }),
    law: required(200),
    lawEn: text(200),
    article: required(100),
    text: text(5000),
    act: required(500),
    actEn: text(500),
    role: z.enum(['prohibition', 'penalty', 'criminal-threshold', 'rule']),
    pairsWith: z.array(required(64)).max(20),
    transferKind: z.enum(TRANSFER_KINDS),
  })
  .strict()
export type LegalBasisInput = z.infer<typeof legalBasisInputSchema>

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date-format' })

/** The transfer letter's case facts (issue 14); the ID check digit is checked in core, next to the field. */
export const transferFieldsInputSchema = z
  .object({
    filedOn: z.union([z.literal(''), day]),
    permitNumber: text(60),
    keyUnit: z.enum(KEY_UNIT_STATUSES),
    keyUnitSource: text(300),
    suspects: z
      .array(
        z
          .object({
            name: required(50),
            idNumber: required(18).max(18, { message: 'resident-id-length' }),
            role: z.enum(SUSPECT_ROLES),
            position: text(100),
          })
          .strict(),
      )
      .max(50),
  })
  .strict()
export type TransferFieldsInput = z.infer<typeof transferFieldsInputSchema>

export const attachmentInputSchema = z
  .object({
    kind: z.enum(ATTACHMENT_KINDS),
    title: required(200),
    reference: text(100),
    /** the imported scan (id or E-number); left out for paper */
    itemId: z.string().max(64).optional(),
    copies: z.number().int().max(100),
    pages: z.number().int().max(10_000),
  })
  .strict()
export type AttachmentInput = z.infer<typeof attachmentInputSchema>

export const seizedItemInputSchema = z
  .object({
    name: required(200),
    spec: text(300),
    quantity: z.number().max(1e9),
    unit: required(20),
    storagePlace: required(300),
    decisionNumber: required(100),
  })
  .strict()
export type SeizedItemInput = z.infer<typeof seizedItemInputSchema>

export const batchInputSchema = z
  .object({
    key: required(64),
    /** the scene time of the extraction; null keeps the import time */
    extractedAt: z.iso.datetime({ offset: true }).nullable(),
    place: text(300),
    medium: text(300),
    mediumSeized: z.boolean(),
    notSeizedReason: text(500),
    holder: text(100),
    witness: text(100),
    extractors: z.array(text(50)).max(2),
  })
  .strict()
export type BatchInput = z.infer<typeof batchInputSchema>

export const lawChoiceInputSchema = z
  .object({
    violationId: required(64),
    chosen: z.enum(['old', 'new']),
    reason: required(1000),
    /** the decision's day, YYYY-MM-DD */
    decidedOn: day,
  })
  .strict()
export type LawChoiceInput = z.infer<typeof lawChoiceInputSchema>

/** channel → input schema. Output types are in `ApiOutputs`. */
export const apiInputs = {
  'app:info': none,
  'profile:get': none,
  'profile:save': profileSchema,
  'recent:list': none,
  'recent:forget': z.object({ dir: dirPath }).strict(),
  'case:create': z.object({ dir: dirPath, fields: caseFieldsSchema }).strict(),
  'case:open': z.object({ dir: dirPath }).strict(),
  'case:current': none,
  'case:close': none,
  'case:update': z.object({ fields: caseEditSchema }).strict(),
  /** the case's time zone, changed later with a reason (a custody event naming the old and new zone) */
  'case:set-timezone': z.object({ timezone: timezoneSchema, reason: required(500) }).strict(),
  /** the device clock offsets in force and the devices the case's items record */
  'clock:list': none,
  /** records or changes a device's clock offset (a custody event); capture times stay as recorded */
  'clock:set': z
    .object({
      device: required(300),
      offsetMs: z.number().int().min(-MAX_CLOCK_OFFSET_MS).max(MAX_CLOCK_OFFSET_MS),
      checkedAt: required(40),
      against: required(100),
      reason: required(500),
    })
    .strict(),
  /** removes a device's offset with a reason (a custody event naming the old one) */
  'clock:remove': z.object({ device: required(300), reason: required(500) }).strict(),
  /** re-hashes every original and re-walks the chain; `removeOrphans` also removes copies no item records (on record) */
  'case:check': z.object({ removeOrphans: z.boolean().optional() }).strict(),
  'custody:list': z
    .object({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(200),
    })
    .strict(),
  'fs:list': z.object({ dir: z.string().max(4096).optional() }).strict(),
  'dialog:pickDirectory': z
    .object({ purpose: z.enum(['open-case', 'new-case', 'import', 'export']) })
    .strict(),
  /** OS dialog for files and folders to import (Electron); browser mode uses the in-app browser */
  'dialog:pickImportSources': none,
  'import:start': z.object({ paths: z.array(dirPath).min(1).max(10_000) }).strict(),
  /** cancels any long work: an import, an export, a verification, a PDF, a proxy run */
  'job:cancel': z.object({ taskId: z.string().max(64) }).strict(),
  /** the jobs of this session (or the one named), newest first, with all their per-file results: a late subscriber catches up here */
  'job:list': z.object({ taskId: z.string().max(64).optional() }).strict(),
  'evidence:list': itemQuerySchema,
  'evidence:get': z.object({ id: required(64) }).strict(),
  'evidence:officers': none,
  'annotation:list': z
    .object({ itemId: z.string().max(64).optional(), includeWithdrawn: z.boolean().optional() })
    .strict(),
  'annotation:add': newAnnotationSchema,
  'annotation:withdraw': z.object({ id: required(64), reason: required(500) }).strict(),
  /** opening an item in a viewer: records a "viewed" custody event, once per item per session */
  'evidence:open': z.object({ id: required(64) }).strict(),
  'search:query': z
    .object({ text: z.string().max(200), limit: z.number().int().min(1).max(500).optional() })
    .strict(),
  'transcript:get': z.object({ itemId: required(64) }).strict(),
  'monitoring:get': z.object({ itemId: required(64) }).strict(),
  /** each monitoring item's series with officers' limits and bases applied (one item, or every one) */
  'monitoring:seriesInForce': z.object({ itemId: required(64).optional() }).strict(),
  'monitoring:setLimit': z
    .object({
      itemId: required(64),
      /** the factor (SO2), or outlet/factor in a file with several outlets */
      pollutant: required(240),
      limit: z.number().min(0).max(1e9).nullable(),
      reason: required(500),
    })
    .strict(),
  'monitoring:setBasis': z
    .object({
      itemId: required(64),
      pollutant: required(240),
      basis: z.enum(['measured', 'dry', 'converted']).nullable(),
      reason: required(500),
    })
    .strict(),
  /** a tamper comparison (数据比对) of two series, saved as a derived monitoring item */
  'monitoring:compare': z
    .object({
      itemA: required(64),
      seriesA: comparedSeriesSchema,
      itemB: required(64),
      seriesB: comparedSeriesSchema,
      threshold: comparisonThresholdSchema,
      start: z.iso.datetime({ offset: true }).nullable().optional(),
      end: z.iso.datetime({ offset: true }).nullable().optional(),
      reason: required(500),
    })
    .strict(),
  /** an original's text in another decoding, to compare before choosing it */
  'text:preview': z.object({ itemId: required(64), encoding: z.enum(CHOOSABLE_TEXT_ENCODINGS) }).strict(),
  /** read the original's text in another decoding from now on (a custody event; the original is unchanged) */
  'text:setDecoding': z
    .object({ itemId: required(64), encoding: z.enum(CHOOSABLE_TEXT_ENCODINGS), reason: required(500) })
    .strict(),
  'video:derive': z
    .object({
      itemId: required(64),
      operation: z.enum(['still', 'clip']),
      start: z.number().min(0).max(1e7),
      end: z.number().min(0).max(1e7).optional(),
    })
    .strict(),
  /** recordings paired with their written records (询问笔录); of one item (either side) when given */
  'pair:list': z.object({ itemId: z.string().max(64).optional() }).strict(),
  'pair:add': z.object({ recordingId: required(64), transcriptId: required(64) }).strict(),
  'pair:remove': z.object({ pairId: required(64), reason: required(500) }).strict(),
  'thermal:frame': z.object({ itemId: required(64) }).strict(),
  'thermal:measure': z
    .object({
      itemId: required(64),
      shape: thermalShapeSchema,
      overrides: z
        .object({
          emissivity: z.number().gt(0).max(1).optional(),
          objectDistance: z.number().min(0).max(100_000).optional(),
          reflectedTempC: z.number().min(-273.15).max(3000).optional(),
        })
        .strict()
        .optional(),
      note: text(2000).optional(),
    })
    .strict(),
  // ── violations and legal basis (issue 6) ──
  'legal:list': none,
  /** an officer's local catalogue entry; its id must not clash with any other */
  'legal:addLocal': legalBasisInputSchema,
  'violation:list': none,
  'violation:get': z.object({ id: required(64) }).strict(),
  /** creates (no id) or edits a violation; every change is a custody event */
  'violation:save': violationInputSchema,
  'violation:withdraw': z.object({ id: required(64), reason: required(500) }).strict(),
  'violation:link': z
    .object({
      violationId: required(64),
      itemId: required(64),
      /** a citation within the item; left out to link the whole item */
      annotationId: z.string().max(64).optional(),
      note: text(2000),
    })
    .strict(),
  'violation:unlink': z.object({ linkId: required(64), reason: required(500) }).strict(),
  'violation:matrix': none,
  // ── transfer documents (issue 6) ──
  'documents:list': none,
  'documents:edit': z
    .object({ kind: z.enum(TRANSFER_DOCUMENT_KINDS), key: required(64), value: text(20_000) })
    .strict(),
  /** prints one document to PDF into the case's documents folder; progress as `job:progress` events */
  'documents:pdf': z.object({ kind: z.enum(TRANSFER_DOCUMENT_KINDS) }).strict(),
  // ── what a transfer needs beyond violations (issue 14); each change is a custody event ──
  'transfer:info': none,
  'transfer:saveFields': transferFieldsInputSchema,
  'transfer:addAttachment': attachmentInputSchema,
  'transfer:removeAttachment': z.object({ id: required(64), reason: required(500) }).strict(),
  'transfer:addSeizedItem': seizedItemInputSchema,
  'transfer:removeSeizedItem': z.object({ id: required(64), reason: required(500) }).strict(),
  'transfer:editBatch': batchInputSchema,
  /** 从旧兼从轻: the officer's choice of law for one violation, with the reason */
  'violation:lawChoice': lawChoiceInputSchema,
  // ── signing keys (issue 7) ──
  'key:get': none,
  'trust:list': none,
  'trust:add': z.object({ publicKeyPem: required(4000), name: required(100) }).strict(),
  'trust:remove': z.object({ fingerprint: required(64) }).strict(),
  // ── export (issue 7) ──
  /** what stops the open case from being exported; empty when it can be */
  'export:preflight': z.object({ violationIds: z.array(required(64)).max(1000).optional() }).strict(),
  /** a target ending in .zip is written as one ZIP, anything else as a bag folder; progress as `job:progress` events */
  'export:start': z
    .object({
      target: required(4096),
      violationIds: z.array(required(64)).max(1000).optional(),
      /** record each original's full local source path in case.json (off: from the chosen folder down) */
      recordSourcePaths: z.boolean().optional(),
    })
    .strict(),
  // ── reviewer mode (issue 7) ──
  /** verifies a package (progress as `job:progress`) and opens it read-only as the session's case */
  'review:open': z.object({ path: required(4096) }).strict(),
  'review:current': none,
  'review:close': none,
  'review:notes': none,
  'review:addNote': z
    .object({
      target: z
        .object({ itemId: z.string().max(64).optional(), violationId: z.string().max(64).optional() })
        .strict(),
      text: required(5000),
    })
    .strict(),
  /** writes the reviewer's notes and the verdict as an HTML report (in `language`, default zh-CN); returns its path */
  'review:exportReport': z
    .object({
      target: required(4096),
      language: z.enum(['zh-CN', 'en']).optional(),
      /** replace a file already there (after the user confirmed); otherwise that is 'target-exists' */
      overwrite: z.boolean().optional(),
    })
    .strict(),
  /** the HTML text of one of the package's transfer documents (a bag path from `review:current` documents) */
  'review:document': z.object({ path: required(4096) }).strict(),
  /** copies one of the package's transfer documents (HTML or PDF) to `target`, outside the package */
  'review:saveDocument': z
    .object({ path: required(4096), target: required(4096), overwrite: z.boolean().optional() })
    .strict(),
} as const

export interface ApiOutputs {
  'app:info': AppInfo
  'profile:get': Profile | null
  'profile:save': Profile
  'recent:list': RecentCase[]
  'recent:forget': RecentCase[]
  'case:create': CaseInfo
  'case:open': CaseInfo
  'case:current': CaseInfo | null
  'case:close': null
  'case:update': CaseInfo
  'case:set-timezone': CaseInfo
  'case:check': CheckResult
  'clock:list': { offsets: ClockOffset[]; devices: DeviceIdentity[] }
  'clock:set': ClockOffset
  'clock:remove': null
  'custody:list': {
    total: number
    events: CustodyEvent[]
    /** the items these events name, as their sentences need them (custody-words) */
    items?: Record<string, ItemFacts>
  }
  'fs:list': DirListing
  /** null when the user cancelled, or where no native dialog exists (browser mode) */
  'dialog:pickDirectory': string | null
  'dialog:pickImportSources': string[]
  /** starts the import in the background; progress arrives as `job:progress` events */
  'import:start': { taskId: string }
  'job:cancel': null
  'job:list': JobProgress[]
  'evidence:list': { total: number; items: EvidenceItem[] }
  'evidence:get': ItemDetail
  'evidence:officers': Officer[]
  'annotation:list': Annotation[]
  'annotation:add': Annotation
  'annotation:withdraw': Annotation
  'evidence:open': ItemDetail
  'search:query': { hits: SearchHit[]; total: number }
  'transcript:get': TranscriptView
  'monitoring:get': MonitoringView
  'monitoring:seriesInForce': MonitoringSeriesInForce[]
  'monitoring:setLimit': MonitoringView
  'monitoring:setBasis': MonitoringView
  /** the new derived comparison item (or the one with the same content) */
  'monitoring:compare': ImportFileResult
  'text:preview': TextDecodingPreview
  /** the item as it reads now */
  'text:setDecoding': EvidenceItem
  /** the new derived evidence item (a still frame or a clip) */
  'video:derive': ImportFileResult
  'pair:list': RecordingPair[]
  'pair:add': RecordingPair
  'pair:remove': null
  'thermal:frame': ThermalFrameInfo
  /** the measurement, saved as an annotation (type "measurement") with its stats and parameters in `data` */
  'thermal:measure': Annotation
  'legal:list': LegalBasisEntry[]
  'legal:addLocal': LegalBasisEntry
  /** active violations, oldest first */
  'violation:list': Violation[]
  'violation:get': Violation
  'violation:save': Violation
  'violation:withdraw': Violation
  'violation:link': ViolationLink
  'violation:unlink': ViolationLink
  'violation:matrix': EvidenceMatrix
  'documents:list': TransferDocument[]
  'documents:edit': TransferDocument
  'documents:pdf': { taskId: string }
  'transfer:info': TransferInfo
  'transfer:saveFields': TransferInfo
  'transfer:addAttachment': TransferInfo
  'transfer:removeAttachment': TransferInfo
  'transfer:addSeizedItem': TransferInfo
  'transfer:removeSeizedItem': TransferInfo
  'transfer:editBatch': TransferInfo
  'violation:lawChoice': Violation
  'key:get': OfficerKeyInfo
  'trust:list': TrustedKey[]
  'trust:add': TrustedKey[]
  'trust:remove': TrustedKey[]
  'export:preflight': ExportBlocker[]
  'export:start': { taskId: string }
  'review:open': { taskId: string }
  /** the package under review, null outside reviewer mode */
  'review:current': {
    path: string
    verdict: PackageVerdict
    documents?: PackageDocument[]
    /** per evidence item id, what the verification found about its file */
    items?: Record<string, ItemCheck>
  } | null
  'review:close': null
  'review:notes': ReviewNote[]
  'review:addNote': ReviewNote
  'review:exportReport': { path: string }
  'review:document': { html: string }
  'review:saveDocument': { path: string }
}

/** Events the backend pushes (Electron: webContents.send; browser mode: Server-Sent Events). */
export interface ApiEvents {
  /** the open case changed (import finished, check ran): views refetch */
  'case:changed': { caseId: string }
  /** any long work: its status, and only the per-file results that are new since its previous event */
  'job:progress': JobUpdate
}
export type ApiEventName = keyof ApiEvents

/** The one Electron IPC channel that carries pushed events (`{ event, payload }`), main → preload. */
export const EVENT_CHANNEL = 'evidesk:event'

export type Channel = keyof typeof apiInputs
/** What a caller passes (defaults may be left out). */
export type ApiInput<C extends Channel> = z.input<(typeof apiInputs)[C]>
/** What a handler receives, after parsing. */
export type ParsedInput<C extends Channel> = z.output<(typeof apiInputs)[C]>
export type ApiOutput<C extends Channel> = ApiOutputs[C]

export const CHANNELS = Object.keys(apiInputs) as Channel[]

/** "case:create" → "caseCreate": the method name the preload exposes for a channel. */
export function methodName(channel: Channel): string {
  const [area, verb] = channel.split(':')
  return area.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()) + verb[0].toUpperCase() + verb.slice(1)
}

/** The typed API as the renderer sees it, whichever transport carries it. */
export type EvideskApi = {
  invoke<C extends Channel>(channel: C, input: ApiInput<C>): Promise<ApiOutput<C>>
}
