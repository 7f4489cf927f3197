/** Violations, their legal basis and the evidence that proves them (issue 6). */
export {
  addLocalLegalBasis,
  builtinCatalogue,
  caseLegalBasis,
  findLegalBasis,
  listLegalBasis,
  parseCatalogue,
  LOCAL_PREFIX,
  normaliseStoredEntry,
  type Catalogue,
} from './legal-catalogue'
export { getViolation, listViolations, saveViolation, withdrawViolation } from './violation-store'
export { linkEvidence, unlinkEvidence, type LinkRequest } from './links'
export { evidenceMatrix } from './matrix'
export { actDay, latestLawChoice, listLawChoices, pendingLawChanges, recordLawChoice } from './law-choice'
