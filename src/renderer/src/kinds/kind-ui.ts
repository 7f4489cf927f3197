/**
 * What one evidence kind provides to the renderer: its viewer, its facts in the details panel,
 * icon, colour, timeline mark and label. The registry (`registry.ts`) collects one per kind;
 * screens look a kind up there instead of switching on it. Data shapes and citation words come
 * from `shared/kinds` and `shared/citations`.
 */
import type { ComponentType } from 'react'
import type { EvidenceItemOf, EvidenceKind } from '../../../shared/types'

export interface KindUi<K extends EvidenceKind = EvidenceKind> {
  readonly kind: K
  /** the viewer shown in the shared viewer window */
  readonly Viewer: ComponentType<{ item: EvidenceItemOf<K> }>
  /**
   * a kind whose viewer needs a window of its own (thermal: nearly the whole screen) opens it from
   * the details panel instead of the shared viewer window
   */
  readonly OwnWindow?: ComponentType<{ item: EvidenceItemOf<K>; onClose(): void }>
  /** the kind's facts in the details panel */
  readonly Details: ComponentType<{ item: EvidenceItemOf<K> }>
  /** an antd icon */
  readonly Icon: ComponentType
  /** one colour for its icon, its timeline lane and marks */
  readonly colour: string
  /** on the timeline: a point at the capture time, or a bar over the item's duration */
  readonly timelineMark: 'point' | 'span'
  /**
   * translation keys of its label (typed: a key missing from either language does not compile):
   * `one` names one item, `many` the kind in lists and counts
   */
  readonly labels: { readonly one: `kind.${K}.one`; readonly many: `kind.${K}.many` }
}
