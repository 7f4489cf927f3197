/**
 * The evidence kinds, collected: one definition per kind (its `meta` schema, citation anchors,
 * derived files and document category), exhaustive over `EvidenceKind`, so a kind missing here
 * does not compile. Core and the renderer each keep their own registry of kind modules beside it.
 */
import type { z } from 'zod'
import { audioKind } from './audio'
import { documentKind } from './document'
import { imageKind } from './image'
import { monitoringKind } from './monitoring'
import { otherKind } from './other'
import { thermalKind } from './thermal'
import { transcriptKind } from './transcript'
import { videoKind } from './video'
import type { KindDefinition } from './kind-definition'
import type { DerivedStatus } from '../types'

export type { KindDefinition, KindWords } from './kind-definition'
export type { VideoMeta } from './video'
export type { AudioMeta, Waveform } from './audio'
export type { ImageMeta } from './image'
export type { ThermalMeta, ThermalReadingMeta } from './thermal'
export type { TranscriptMeta } from './transcript'
export type { MonitoringMeta } from './monitoring'
export type { DocumentMeta } from './document'
export type { OtherMeta } from './other'

/** In the glossary's order, which lists, lanes and filters follow. */
export const EVIDENCE_KINDS = [
  'video',
  'audio',
  'image',
  'thermal',
  'transcript',
  'monitoring',
  'document',
  'other',
] as const
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number]

export const KIND_DEFINITIONS = {
  video: videoKind,
  audio: audioKind,
  image: imageKind,
  thermal: thermalKind,
  transcript: transcriptKind,
  monitoring: monitoringKind,
  document: documentKind,
  other: otherKind,
} as const satisfies Record<EvidenceKind, KindDefinition>

type Definitions = typeof KIND_DEFINITIONS
/** The typed `meta` of an item of kind K. */
export type KindMeta<K extends EvidenceKind> = z.output<Definitions[K]['meta']>

/** The anchor types a citation on an item of kind K may use. */
export type KindAnchor<K extends EvidenceKind> = Definitions[K]['anchors'][number]

/** Every derived-file role some kind has (thumb, preview, poster, proxy, thermal, visible, …). */
export type DerivedRole = { [K in EvidenceKind]: keyof Definitions[K]['derived'] & string }[EvidenceKind]
export const DERIVED_ROLES = [
  ...new Set(EVIDENCE_KINDS.flatMap((k) => Object.keys(KIND_DEFINITIONS[k].derived))),
] as DerivedRole[]

/** The MIME type a derived file of `role` is served as for an item of `kind`; null when the kind has no such role. */
export function derivedMime(kind: EvidenceKind, role: DerivedRole): string | null {
  const derived: Readonly<Record<string, string>> = KIND_DEFINITIONS[kind].derived
  return Object.hasOwn(derived, role) ? derived[role] : null
}

/** Whether a derived file can be asked for: it is there, or is made when first asked for. */
export function derivedServable(status: DerivedStatus | undefined): boolean {
  return status === 'ready' || status === 'on-request'
}

export function isEvidenceKind(v: unknown): v is EvidenceKind {
  return typeof v === 'string' && (EVIDENCE_KINDS as readonly string[]).includes(v)
}

/**
 * An item's stored `meta` read leniently: every field that fits the kind's schema is typed, every
 * unknown field is kept as it is, and a known field whose value does not fit (written by another
 * version, or damaged) is set aside in `unreadable` with its raw value, never dropped. Never throws.
 */
export function readMeta<K extends EvidenceKind>(
  kind: K,
  raw: unknown,
): { meta: KindMeta<K>; unreadable: Record<string, unknown> | null } {
  const schema = KIND_DEFINITIONS[kind].meta as z.ZodType
  const whole = schema.safeParse(raw)
  if (whole.success) return { meta: whole.data as KindMeta<K>, unreadable: null }
  const unreadable: Record<string, unknown> = {}
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    unreadable[''] = raw
    return { meta: schema.parse({}) as KindMeta<K>, unreadable }
  }
  const kept: Record<string, unknown> = { ...(raw as Record<string, unknown>) }
  // Drop exactly the fields the issues point at, then parse again (a field can only fail alone).
  for (let round = 0; round < 64; round++) {
    const again = schema.safeParse(kept)
    if (again.success) return { meta: again.data as KindMeta<K>, unreadable }
    const keys = new Set(again.error.issues.map((i) => String(i.path[0] ?? '')))
    if (keys.has('') || keys.size === 0) break
    for (const key of keys) {
      unreadable[key] = kept[key]
      delete kept[key]
    }
  }
  // Unreachable for loose object schemas with optional fields; kept so reading never throws.
  return { meta: {} as KindMeta<K>, unreadable: { ...unreadable, '': raw } }
}
