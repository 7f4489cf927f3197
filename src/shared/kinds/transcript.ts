/** Interview records (询问笔录): the text's encoding, header fields and 问/答 turns. */
import * as z from 'zod'
import { defineKind } from './kind-definition'

/** One 问/答 turn with character offsets into the indexed text (null when that half is missing). */
export const transcriptTurnSchema = z.looseObject({
  q: z.string(),
  a: z.string(),
  qStart: z.number().nullable(),
  aStart: z.number().nullable(),
})

export const transcriptMetaSchema = z.looseObject({
  format: z.string().optional(),
  /** utf-8, utf-16le, utf-16be, gb18030; null when not recognised */
  encoding: z.string().nullish(),
  bom: z.boolean().optional(),
  /** number of 问/答 turns */
  turns: z.number().optional(),
  header: z.record(z.string(), z.string()).optional(),
  title: z.string().optional(),
  characters: z.number().optional(),
  dialogue: z.array(transcriptTurnSchema).optional(),
})
export type TranscriptMeta = z.output<typeof transcriptMetaSchema>

export const transcriptKind = defineKind({
  meta: transcriptMetaSchema,
  anchors: ['quote'],
  derived: {},
  category: '询问笔录',
})
