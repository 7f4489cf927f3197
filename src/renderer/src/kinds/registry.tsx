/**
 * The renderer's kind modules, one per evidence kind, exhaustive over `EvidenceKind`: a kind
 * without its viewer, details, icon, colour, timeline mark and label does not compile. Screens
 * look a kind up here; nothing outside the kinds' folders switches on a kind.
 */
import type { TFunction } from 'i18next'
import type { EvidenceItem, EvidenceKind } from '../../../shared/types'
import { audioUi } from './audio'
import { documentUi } from './document'
import { imageUi } from './image'
import type { KindUi } from './kind-ui'
import { monitoringUi } from './monitoring'
import { otherUi } from './other'
import { thermalUi } from './thermal'
import { transcriptUi } from './transcript'
import { videoUi } from './video'

export type { KindUi } from './kind-ui'
export { categoryLabel, itemLabel } from './category-label'

export const KIND_UI: { readonly [K in EvidenceKind]: KindUi<K> } = {
  video: videoUi,
  audio: audioUi,
  image: imageUi,
  thermal: thermalUi,
  transcript: transcriptUi,
  monitoring: monitoringUi,
  document: documentUi,
  other: otherUi,
}

/** The kind's module, widened so that it takes the (union-typed) item it was looked up by. */
export function kindUi(kind: EvidenceKind): KindUi<EvidenceKind> {
  return KIND_UI[kind] as unknown as KindUi<EvidenceKind>
}

/** An item's kind in words: `one` for one item, `many` for the kind in lists and counts. */
export function kindLabel(t: TFunction, kind: EvidenceKind, form: 'one' | 'many' = 'one'): string {
  return t(KIND_UI[kind].labels[form])
}

/** The item's viewer, by its kind. */
export function KindViewer({ item }: { item: EvidenceItem }) {
  const { Viewer } = kindUi(item.kind)
  return <Viewer item={item} />
}

/** The item's facts for the details panel, by its kind. */
export function KindDetails({ item }: { item: EvidenceItem }) {
  const { Details } = kindUi(item.kind)
  return <Details item={item} />
}

export function KindIcon({ kind, className }: { kind: EvidenceKind; className?: string }) {
  const { Icon, colour } = KIND_UI[kind]
  return (
    <span
      className={`kind-icon kind-${kind}${className ? ` ${className}` : ''}`}
      style={{ color: colour }}
      aria-hidden
    >
      <Icon />
    </span>
  )
}
