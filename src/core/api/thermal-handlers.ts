import type { Handler, HandlerContext } from './backend'
import { EvidenceError } from '../errors'

/** Thermal viewer channels. The thermal viewer work replaces these. */
export function thermalHandlers(_ctx: HandlerContext): {
  'thermal:frame': Handler<'thermal:frame'>
  'thermal:measure': Handler<'thermal:measure'>
} {
  const notYet = (): never => {
    throw new EvidenceError('not-supported', 'The thermal viewer is not built yet.')
  }
  return { 'thermal:frame': notYet, 'thermal:measure': notYet }
}
