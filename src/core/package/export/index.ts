/** The signed custody package: export (docs/custody-package.md). */
export {
  exportCase,
  resolveExportTarget,
  SIGNATURE_PATH,
  SIGNER_PATH,
  type ExportOptions,
  type ExportProgress,
} from './export-case'
export { exportBlockers, refusalMessage, selectEvidence, selectViolations } from './preflight'
export { evidenceFileName, packageRootName, safeFileName } from './file-names'
export { CASE_JSON_PATH, CUSTODY_LOG_PATH, REPORT_PATH } from './case-json'
