/** Online monitoring (CEMS) data (在线监测数据): per-pollutant series summaries and exceedance windows. */
import * as z from 'zod'
import { defineKind } from './kind-definition'

export const exceedanceSchema = z.looseObject({
  start: z.string(),
  end: z.string(),
  max: z.number(),
  points: z.number(),
})

export const seriesSummarySchema = z.looseObject({
  pollutant: z.string(),
  outlet: z.string().optional(),
  column: z.string(),
  unit: z.string().nullable(),
  basis: z.string(),
  points: z.number(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  mean: z.number().nullable(),
  limit: z.number().nullable(),
  limitSource: z.enum(['file', 'case']).nullable(),
  exceedances: z.array(exceedanceSchema),
})

export const monitoringMetaSchema = z.looseObject({
  encoding: z.string().nullish(),
  series: z.array(seriesSummarySchema).optional(),
  rows: z.number().optional(),
  skippedRows: z.number().optional(),
  /** rows whose time carried no zone and was read in the case zone */
  zoneAssumedRows: z.number().optional(),
  intervalSec: z.number().nullish(),
  /** first and last instants of the series, with the file's offset */
  start: z.string().nullish(),
  end: z.string().nullish(),
  timeColumn: z.string().optional(),
  delimiter: z.string().optional(),
  info: z.record(z.string(), z.string()).optional(),
})
export type MonitoringMeta = z.output<typeof monitoringMetaSchema>

export const monitoringKind = defineKind({
  meta: monitoringMetaSchema,
  anchors: ['data-range'],
  derived: {},
  category: '在线监测数据',
})
