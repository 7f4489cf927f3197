/**
 * The read/write table: what every channel does to the open case. Core refuses a channel that
 * writes while a package is under review (the backstop); the renderer hides the control that
 * would call it (`useCan`), so the two can never disagree about what review allows.
 */
import type { Channel } from './api'

export type ChannelEffect = 'reads' | 'writes'

/**
 * What every channel does to the open case. A package under review is court material someone
 * else signed: nothing of it may change, so channels that write are refused outright (the UI
 * hides their controls; this is the backstop). The table is exhaustive on purpose: a new channel
 * does not compile until someone decides which it is. Session actions (opening another case,
 * the officer's profile, trusted keys, reviewer notes) do not touch the package and are 'reads'.
 */
export const CHANNEL_EFFECT: Record<Channel, ChannelEffect> = {
  'app:info': 'reads',
  'profile:get': 'reads',
  'profile:save': 'reads',
  'recent:list': 'reads',
  'recent:forget': 'reads',
  'case:create': 'reads',
  'case:open': 'reads',
  'case:current': 'reads',
  'case:close': 'reads',
  'case:update': 'writes',
  'case:set-timezone': 'writes',
  // records its result in the case
  'case:check': 'writes',
  'clock:list': 'reads',
  'clock:set': 'writes',
  'clock:remove': 'writes',
  'custody:list': 'reads',
  'fs:list': 'reads',
  'dialog:pickDirectory': 'reads',
  'dialog:pickImportSources': 'reads',
  'import:start': 'writes',
  'job:cancel': 'reads',
  'job:list': 'reads',
  'evidence:list': 'reads',
  'evidence:get': 'reads',
  'evidence:officers': 'reads',
  // records "viewed" only in a writable case
  'evidence:open': 'reads',
  'annotation:list': 'reads',
  'annotation:add': 'writes',
  'annotation:withdraw': 'writes',
  'search:query': 'reads',
  'transcript:get': 'reads',
  'monitoring:get': 'reads',
  'monitoring:seriesInForce': 'reads',
  'monitoring:setLimit': 'writes',
  'monitoring:setBasis': 'writes',
  'monitoring:compare': 'writes',
  'text:preview': 'reads',
  'text:setDecoding': 'writes',
  'video:derive': 'writes',
  'pair:list': 'reads',
  'pair:add': 'writes',
  'pair:remove': 'writes',
  'thermal:frame': 'reads',
  'thermal:measure': 'writes',
  'legal:list': 'reads',
  'legal:addLocal': 'writes',
  'violation:list': 'reads',
  'violation:get': 'reads',
  'violation:save': 'writes',
  'violation:withdraw': 'writes',
  'violation:link': 'writes',
  'violation:unlink': 'writes',
  'violation:matrix': 'reads',
  'documents:list': 'reads',
  'documents:edit': 'writes',
  'documents:pdf': 'writes',
  'transfer:info': 'reads',
  'transfer:saveFields': 'writes',
  'transfer:addAttachment': 'writes',
  'transfer:removeAttachment': 'writes',
  'transfer:addSeizedItem': 'writes',
  'transfer:removeSeizedItem': 'writes',
  'transfer:editBatch': 'writes',
  'violation:lawChoice': 'writes',
  'key:get': 'reads',
  'trust:list': 'reads',
  'trust:add': 'reads',
  'trust:remove': 'reads',
  // an export of a reviewed package would re-sign someone else's evidence
  'export:preflight': 'writes',
  'export:start': 'writes',
  'review:open': 'reads',
  'review:current': 'reads',
  'review:close': 'reads',
  'review:notes': 'reads',
  'review:addNote': 'reads',
  'review:exportReport': 'reads',
  'review:document': 'reads',
  'review:saveDocument': 'reads',
}

/** True for a channel that changes the open case (refused, and its controls hidden, in review). */
export function channelWrites(channel: Channel): boolean {
  return CHANNEL_EFFECT[channel] === 'writes'
}
