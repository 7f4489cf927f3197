/** What every evidence kind declares in `shared`: the shape of its data, its citations, its derived files. */
import type { z } from 'zod'
import type { AnnotationType } from '../citations/anchors'

export type KindWords = { 'zh-CN': string; en: string }

export interface KindDefinition<
  M extends z.ZodType = z.ZodType,
  R extends string = string,
  A extends readonly AnnotationType[] = readonly AnnotationType[],
> {
  /**
   * zod schema of the item's `meta`. Loose objects with optional fields: unknown fields are kept,
   * and a field that does not fit is set aside on read rather than failing the item.
   */
  readonly meta: M
  /** the anchor types a citation on an item of this kind may use; empty: only the whole item */
  readonly anchors: A
  /** derived files (re-creatable, never evidence) by role, with the MIME type each is served as */
  readonly derived: Readonly<Record<R, string>>
  /** 类别, as the transfer documents and the package report print it (zh-CN, the documents' language) */
  readonly category: string
  /** nouns for citations on this kind where the general one would mislead (an audio range is a 录音片段) */
  readonly citationNouns?: Partial<Record<AnnotationType, KindWords>>
}

/** Keeps the literal types of a kind's definition while checking it against the contract. */
export function defineKind<M extends z.ZodType, R extends string, const A extends readonly AnnotationType[]>(
  def: KindDefinition<M, R, A>,
): KindDefinition<M, R, A> {
  return def
}
