/**
 * vitest global setup: bundles the command line before any test runs, so tests that run
 * `bin/evidesk.js` exercise the current sources, exactly as an installed `evidesk` would.
 */
// @ts-expect-error: a plain ES module script without type declarations
import { buildCli } from '../../scripts/build-cli.mjs'

export default async function setup(): Promise<void> {
  await (buildCli as (opts: { quiet: boolean }) => Promise<unknown>)({ quiet: true })
}
