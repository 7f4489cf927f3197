import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const SRC = resolve(__dirname, '../../src')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : []
  })
}

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null
  const base = resolve(dirname(from), spec)
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate
  return null
}

/** Imports that exist at run time: `import type` and all-type specifier lists are erased by the compiler. */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false)
  const out: string[] = []
  for (const node of source.statements) {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      if (ts.isImportDeclaration(node)) {
        const clause = node.importClause
        if (clause?.isTypeOnly) continue
        const named = clause?.namedBindings
        if (
          clause &&
          !clause.name &&
          named &&
          ts.isNamedImports(named) &&
          named.elements.length > 0 &&
          named.elements.every((e) => e.isTypeOnly)
        )
          continue
      } else if (node.isTypeOnly) continue
      const target = resolveImport(file, node.moduleSpecifier.text)
      if (target) out.push(target)
    }
  }
  return out
}

/** Each cycle once, as the files in it from the first one found. */
function cycles(files: string[]): string[][] {
  const graph = new Map(files.map((f) => [f, runtimeImports(f)]))
  const found: string[][] = []
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (f: string): void => {
    state.set(f, 'open')
    stack.push(f)
    for (const next of graph.get(f) ?? []) {
      if (state.get(next) === 'open') found.push(stack.slice(stack.indexOf(next)))
      else if (!state.has(next)) visit(next)
    }
    stack.pop()
    state.set(f, 'done')
  }
  for (const f of files) if (!state.has(f)) visit(f)
  return found.map((c) => c.map((f) => relative(SRC, f)))
}

describe('module graph', () => {
  it('has no import cycle that exists at run time, in any layer', () => {
    expect(cycles(sourceFiles(SRC))).toEqual([])
  })

  it('would see a cycle (the check itself works)', () => {
    const files = sourceFiles(SRC)
    const a = files.find((f) => f.endsWith('state/import-tasks.tsx'))
    expect(a, 'the import-tasks provider exists').toBeTruthy()
    // the provider renders the drawer: a real run-time edge the walker must find
    expect(runtimeImports(a!).some((f) => f.endsWith('components/import/import-drawer.tsx'))).toBe(true)
  })
})
