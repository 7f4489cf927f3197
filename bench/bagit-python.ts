import { existsSync } from 'node:fs'

/**
 * The Library of Congress bagit-python, when a copy is given: `BAGIT_PY=/path/to/bagit.py`.
 * PyPI is out of reach on these machines and Debian 12 does not package it, so the bench runs it
 * from a copy of its source (LibraryOfCongress/bagit-python, src/bagit/__init__.py saved as
 * bagit.py, with a bagit.dist-info/METADATA beside it so its version lookup answers). Without
 * one, each comparison falls back to a documented stand-in and says so.
 */
export function bagitPython(): string | null {
  const path = process.env.BAGIT_PY
  return path && existsSync(path) && existsSync('/usr/bin/python3') ? path : null
}
