// A transaction that reads and then writes must not fail because another connection to the same
// SQLite file (the audit log's writer thread, a CLI run beside the server) committed in between:
// with a deferred BEGIN, WAL mode refuses the late write at once (SQLITE_BUSY_SNAPSHOT). The
// store's transactions take the write lock when they begin, so the other writer waits instead.
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { contextFor } from '../../src/context.js'
import { openCase, transitionCase } from '../../src/cases/index.js'
import { createStore, migrateToLatest } from '../../src/store/index.js'
import { tempDir } from './stores.js'

describe('SQLite transactions beside another writer', () => {
  it('a case transition holds the write lock from its first read: the other writer waits, the transition commits', async () => {
    const path = join(tempDir(), 'store.db')
    const store = createStore({ kind: 'sqlite', path })
    await migrateToLatest(store.db)
    const ctx = contextFor(store)
    const opened = await openCase(
      ctx,
      { origin: 'manual', title: '代理维权团伙', summary: '同一代理人为三名客户投诉' },
      'handler',
    )
    // A second connection, as the audit writer thread holds one, tries to commit while the
    // transition's transaction is between its reads and its first write. It must be the one to
    // wait (here: told at once that the store is busy); the transition must not fail.
    const other = new SQLite(path)
    other.pragma('busy_timeout = 0')
    const audit = other.prepare(
      `insert into audit_log (at, actor, actor_role, action, target_kind, target_id, detail, outcome)
       values (?, 'auditor', 'auditor', 'case.view', 'case', ?, '{}', 'ok')`,
    )
    // Kysely runs every query through the handle's prepare(): right after the transition's
    // transaction has read the case, the other connection tries to commit its audit row.
    let interleaved = 0
    const handle = store.sqlite!
    const prepare = handle.prepare.bind(handle)
    handle.prepare = ((source: string) => {
      const statement = prepare(source)
      if (!/^select \* from "cases" where "case_id"/i.test(source)) return statement
      const all = statement.all.bind(statement)
      return Object.assign(Object.create(statement) as typeof statement, {
        all: (...params: unknown[]) => {
          const rows = all(...params)
          expect(() => audit.run(new Date().toISOString(), opened.case_id)).toThrow(/locked/)
          interleaved++
          return rows
        },
      })
    }) as typeof handle.prepare
    try {
      const moved = await transitionCase(
        ctx,
        opened.case_id,
        { to: 'investigating', reason: '联合调查' },
        'handler',
      )
      expect(interleaved).toBe(1)
      expect(moved.state).toBe('investigating')
      const stored = await store.db
        .selectFrom('cases')
        .select('state')
        .where('case_id', '=', opened.case_id)
        .executeTakeFirstOrThrow()
      expect(stored.state).toBe('investigating')
      // Once the transition committed, the other writer's turn comes.
      expect(audit.run(new Date().toISOString(), opened.case_id).changes).toBe(1)
    } finally {
      other.close()
      await store.db.destroy()
    }
  })
})
