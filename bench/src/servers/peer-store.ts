import { DatabaseSync } from 'node:sqlite';

/**
 * For the cold-load phase only, the peers read a document from the same kind of SQLite row ours
 * does (one compacted state); in fan-out runs they keep documents in memory, as they do by default.
 */
export function openPeerStore(path: string | undefined) {
  if (!path) return undefined;
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, state BLOB NOT NULL)');
  const select = db.prepare('SELECT state FROM documents WHERE name = ?');
  const upsert = db.prepare('INSERT INTO documents (name, state) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET state = excluded.state');
  return {
    get(name: string): Uint8Array | undefined {
      const row = select.get(name) as { state: Uint8Array } | undefined;
      return row?.state;
    },
    put(name: string, state: Uint8Array): void {
      upsert.run(name, state);
    },
    close(): void {
      db.close();
    },
  };
}
