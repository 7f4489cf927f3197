import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import type { Bench, BenchRow } from './bench-types'
import { bagitPython } from './bagit-python'
import { assertCliBuilt, INSTALLED_CLI } from './cli-run'

/**
 * What bagit-python's `--help` costs when no copy of it is given (bagit-python.ts): the Debian
 * python3 importing the standard modules bagit.py imports and printing an argparse help.
 */
const BAGIT_PY_STAND_IN =
  'import argparse, codecs, gettext, hashlib, logging, multiprocessing, os, re, signal, sys, tempfile, unicodedata, warnings; from collections import defaultdict; from datetime import date; from functools import partial; from urllib.parse import urlparse; argparse.ArgumentParser(description="BagIt").print_help()'

/** Best of n wall-clock runs of a command, in ms. */
function bestRun(n: number, file: string, args: string[]): number {
  let best = Infinity
  for (let i = 0; i < n; i++) {
    const t0 = performance.now()
    execFileSync(file, args, { stdio: 'ignore', env: { ...process.env, LANG: 'en_US.UTF-8' } })
    best = Math.min(best, performance.now() - t0)
  }
  return best
}

/**
 * `evidesk --help` start-up, the installed command (bin/evidesk.js on the bundle), against the
 * floor any Node program pays (`node -e 0`), and beside a Python stand-in for bagit-python.
 */
export const cliStartBench: Bench = {
  name: 'cli-start',
  async run({ quick, log }) {
    assertCliBuilt()
    const runs = quick ? 5 : 20
    const node = bestRun(runs, process.execPath, ['-e', '0'])
    const ours = bestRun(runs, process.execPath, [INSTALLED_CLI, '--help'])
    const bagit = bagitPython()
    const python = bagit
      ? bestRun(runs, '/usr/bin/python3', [bagit, '--help'])
      : existsSync('/usr/bin/python3')
        ? bestRun(runs, '/usr/bin/python3', ['-c', BAGIT_PY_STAND_IN])
        : null
    const pythonName = bagit ? 'bagit-python --help' : 'python stand-in for bagit-python --help'
    log(
      `evidesk --help ${ours.toFixed(0)} ms, node -e 0 ${node.toFixed(0)} ms, ${pythonName} ${python?.toFixed(0) ?? '—'} ms`,
    )
    const rows: BenchRow[] = []
    if (python !== null)
      rows.push({
        name: 'evidesk --help (installed, best of runs) against bagit-python',
        oursMs: ours,
        referenceMs: python,
        reference: pythonName,
        goalRatio: 2,
        ...(bagit
          ? {}
          : { extra: { note: "no BAGIT_PY copy given: the stand-in imports bagit.py's standard modules" } }),
      })
    rows.push({
      name: 'evidesk --help (installed, best of runs)',
      oursMs: ours,
      referenceMs: node,
      reference: 'node -e 0',
    })
    return rows
  },
}
