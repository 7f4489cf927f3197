import { randomFillSync } from 'node:crypto'
import { closeSync, openSync, writeSync } from 'node:fs'

/** Incompressible bytes, written in 8 MiB blocks so the generator itself stays small in memory. */
export function writeRandomFile(path: string, size: number): void {
  const block = Buffer.allocUnsafe(8 << 20)
  const fd = openSync(path, 'w')
  try {
    for (let done = 0; done < size; done += block.length) {
      randomFillSync(block)
      writeSync(fd, block, 0, Math.min(block.length, size - done))
    }
  } finally {
    closeSync(fd)
  }
}
