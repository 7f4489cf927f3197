/** Reviewer mode: a custody package opened read-only, its verdict first, notes kept beside it. */
export { ReviewWorkspace, type MediaFile, type VerifiedPackage, type BuildOptions } from './review-workspace'
export { ReviewNotes } from './review-notes'
export { reviewReportHtml, groupFingerprint, problemSentence } from './review-report'
export { refuseInReview } from './read-only-guard'
