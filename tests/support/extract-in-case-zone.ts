import { statSync } from 'node:fs'
import { basename } from 'node:path'
import { extractFile } from '../../src/core/evidence/extract/index'

/** The case zone the monitoring extraction tests read zone-less times in. */
export const CASE_ZONE = 'Asia/Shanghai'

/** extractFile on a generated file, in the case zone, with optional case limits per pollutant group. */
export const extractInCaseZone = (path: string, limits?: Record<string, number>) =>
  extractFile(path, {
    caseTimeZone: CASE_ZONE,
    fileName: basename(path),
    sourceMtimeMs: statSync(path).mtimeMs,
    limits,
  })
