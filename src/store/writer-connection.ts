// A second connection to a store's SQLite file, for a worker thread that writes beside the main
// one (the audit log's writer, the batch assessment's storing thread): the pragmas of
// store/create-db.ts that matter to a writer. The file already exists and is in WAL mode. Kept
// apart from create-db.ts so that a worker loads better-sqlite3 alone, not Kysely and pg.
import SQLite from 'better-sqlite3'

export function openWriterConnection(path: string): SQLite.Database {
  const db = new SQLite(path, { fileMustExist: true })
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  // As long as the main connection's: a writer that finds the file locked waits its turn.
  db.pragma('busy_timeout = 5000')
  return db
}
