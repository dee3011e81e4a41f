import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
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
  const file = path.join(dataDir, 'yhteispaja.sqlite');
  keepPrivate(dataDir, file);
  const db = new DatabaseSync(file);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA busy_timeout = 5000');
  // Deleted content is overwritten with zeros, not left on free pages (purge, erasure, retention).
  db.exec('PRAGMA secure_delete = ON');
  migrate(db);
  return sqlStore(sqliteDb(db));
}

/**
 * The data folder is 0700 and the database 0600 (owner only), whatever the umask: it holds
 * password hashes and workshop content. SQLite creates the -wal and -shm files with the main
 * file's permissions. Files of an older install are tightened on start.
 */
function keepPrivate(dataDir: string, file: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const name of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(name)) chmodSync(name, 0o600);
}
