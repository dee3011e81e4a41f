import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Store } from '../ports.ts';
import { sqlStore } from '../sql/index.ts';
import { sqliteDb } from './db.ts';
import { migrate } from './migrations.ts';

/**
 * The embedded store: one SQLite file in `dataDir`, through Node's built-in node:sqlite.
 * WAL lets readers run beside the writer; synchronous=FULL fsyncs the WAL on every commit,
 * so an acknowledged update survives power loss, not only a process crash.
 */
export function openSqliteStore(dataDir: string): Store {
  mkdirSync(dataDir, { recursive: true });
  const db = new DatabaseSync(path.join(dataDir, 'yhteispaja.sqlite'));
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA busy_timeout = 5000');
  migrate(db);
  return sqlStore(sqliteDb(db));
}
