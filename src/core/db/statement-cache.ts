import type Database from 'better-sqlite3'

type Statement = Database.Statement

const caches = new WeakMap<Database.Database, Map<string, Statement>>()

/**
 * The connection's prepared statement for `sql`, prepared on first use. Preparing costs more than
 * running a small statement, and an import runs the same few per file (12% of a 4,000-file import's
 * main-thread time went to prepare). Only for statements run with get/run/all as they are: a
 * caller that changes a statement's mode (pluck, raw, expand) or iterates it prepares its own.
 */
export function cachedStatement(db: Database.Database, sql: string): Statement {
  let cache = caches.get(db)
  if (!cache) caches.set(db, (cache = new Map()))
  let statement = cache.get(sql)
  if (!statement) cache.set(sql, (statement = db.prepare(sql)))
  return statement
}
