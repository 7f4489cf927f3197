/** Anything else (其他): kept byte for byte, described by its MIME type only. */
import * as z from 'zod'
import { defineKind } from './kind-definition'

export const otherMetaSchema = z.looseObject({})
export type OtherMeta = z.output<typeof otherMetaSchema>

export const otherKind = defineKind({
  meta: otherMetaSchema,
  anchors: [],
  derived: {},
  category: '其他电子数据',
})
