/**
 * The core kind modules, one per evidence kind, exhaustive over `EvidenceKind`: a kind without
 * its module does not compile. Code outside the kinds' folders looks a kind up here.
 */
import type { EvidenceKind } from '../../../shared/types'
import { audioModule } from './audio'
import { documentModule } from './document'
import { imageModule } from './image'
import type { CoreKindModule } from './kind-module'
import { monitoringModule } from './monitoring'
import { otherModule } from './other'
import { thermalModule } from './thermal'
import { transcriptModule } from './transcript'
import { videoModule } from './video'

export type { CoreKindModule } from './kind-module'

export const KIND_MODULES: { readonly [K in EvidenceKind]: CoreKindModule<K> } = {
  video: videoModule,
  audio: audioModule,
  image: imageModule,
  thermal: thermalModule,
  transcript: transcriptModule,
  monitoring: monitoringModule,
  document: documentModule,
  other: otherModule,
}

export function kindModule<K extends EvidenceKind>(kind: K): CoreKindModule<K> {
  return KIND_MODULES[kind]
}

let ordered: readonly CoreKindModule[] | null = null
/** Every module, in the order detection asks them (lowest rank first). */
export function modulesInDetectionOrder(): readonly CoreKindModule[] {
  ordered ??= (Object.values(KIND_MODULES) as CoreKindModule[]).sort(
    (a, b) => a.detectionRank - b.detectionRank,
  )
  return ordered
}

/** MIME → extensions that the kinds add to the common table. */
export function kindFormats(): Record<string, readonly string[]> {
  return Object.assign({}, ...Object.values(KIND_MODULES).map((m) => m.formats ?? {}))
}
