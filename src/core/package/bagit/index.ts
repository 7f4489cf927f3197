/** BagIt (RFC 8493) reading, verifying and writing; generic, with no custody-package rules. */
export { openBag, FolderBagSource } from './bag-source'
export { ZipBagSource } from './zip-source'
export { verifyBag, type VerifyOptions, type VerifyProgress } from './verify'
export {
  createBagWriter,
  BagWriter,
  type BagWriterOptions,
  type BagWriteProgress,
  type BagWriteResult,
  type FinishOptions,
  type PayloadRecord,
  type TagFile,
} from './writer'
export { checkSafePath } from './safe-path'
export { decodeManifestPath, encodeManifestPath } from './manifest'
export type {
  BagAlgorithm,
  BagFileEntry,
  BagProblem,
  BagProblemCode,
  BagScan,
  BagSource,
  BagVerifyResult,
} from './types'
export { isStalePartial, removeStalePartials } from './partial-output'
