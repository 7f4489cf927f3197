import type { Channel } from '../../shared/api'
import { channelWrites } from '../../shared/channel-effects'
import { EvidenceError } from '../errors'

/** Throws EvidenceError('read-only') for a channel that would write while a package is under review. */
export function refuseInReview(channel: Channel): void {
  if (channelWrites(channel))
    throw new EvidenceError(
      'read-only',
      `${channel} is not allowed: the open case is a package under review, which nothing may change. Close the review to work on a case.`,
    )
}
