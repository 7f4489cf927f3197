import { fileURLToPath } from 'node:url'

/** ../shared/fixtures beside the checkout (CI lays a copy of shared/ next to the clone). */
export const SHARED_FIXTURES = fileURLToPath(new URL('../../../shared/fixtures', import.meta.url))
export const MEDIA_FIXTURES = `${SHARED_FIXTURES}/media`
export const BAGIT_FIXTURES = `${SHARED_FIXTURES}/bagit-conformance`
/** Third-party files from real devices, with exiftool/ffprobe ground truth in ref/ (issue 12). */
export const REAL_WORLD = `${SHARED_FIXTURES}/real-world`
