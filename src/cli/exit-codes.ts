/** Exit codes of every command (CLI.md), in a module of their own so the help entry needs nothing else. */
export const EXIT_OK = 0
/** completed, but something is wrong (a rejected file, a failed verification) */
export const EXIT_PROBLEMS = 1
/** could not run: bad arguments, case missing or locked, package unreadable, cancelled */
export const EXIT_CANNOT_RUN = 2
