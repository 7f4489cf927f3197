/**
 * One contender for the case lock, run as its own process by tests/unit/case-lock-race.test.ts.
 * It loads everything first, says "ready", and tries the lock the moment stdin brings "go", so
 * that every contender tries at the same instant. It reports "held" or "refused <code>", keeps a
 * lock it holds until stdin closes, then releases it.
 */
import { acquireCaseLock } from '../../src/core/case/lock'

const lockPath = process.argv[2]
let started = false
process.stdin.setEncoding('utf8')
process.stdin.on('data', () => {
  if (started) return
  started = true
  try {
    const lock = acquireCaseLock(lockPath)
    process.stdout.write('held\n')
    process.stdin.on('end', () => {
      lock.release()
      process.exit(0)
    })
  } catch (err) {
    process.stdout.write(`refused ${(err as { code?: string }).code ?? String(err)}\n`)
    process.exit(0)
  }
})
process.stdout.write('ready\n')
