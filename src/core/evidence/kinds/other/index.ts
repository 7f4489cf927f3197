/** Anything no other kind claims (archives, unknown formats, empty files): kept byte for byte, no facts. */
import { emptyFacts } from '../../extract/extract-result'
import type { CoreKindModule } from '../kind-module'

export const otherModule: CoreKindModule<'other'> = {
  kind: 'other',
  // asked last: it takes anything
  detectionRank: 1000,
  claims: () => true,
  citations: {},
  extract: async () => emptyFacts(),
}
