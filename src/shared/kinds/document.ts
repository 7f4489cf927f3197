/** Documents (文书): PDFs, office files and text that is not an interview record. */
import * as z from 'zod'
import { defineKind } from './kind-definition'

export const documentMetaSchema = z.looseObject({
  /** for text documents: the encoding the text was read in */
  encoding: z.string().nullish(),
})
export type DocumentMeta = z.output<typeof documentMetaSchema>

export const documentKind = defineKind({
  meta: documentMetaSchema,
  /** a text document's words can be quoted like a transcript's */
  anchors: ['quote'],
  derived: {},
  category: '书证（电子文档）',
})
