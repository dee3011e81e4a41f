import type { AttributionStore } from '../history-ports.ts';
import type { SqlDb } from './db.ts';

/** The name shown for a client id whose user account has been erased (GDPR). */
export const erasedUserName = 'erased user';

export function sqlAttribution(db: SqlDb): AttributionStore {
  return {
    async claim(documentId, clientIds, userId, at) {
      if (clientIds.length === 0) return new Map();
      return db.transaction(async (tx) => {
        const owners = new Map<number, string>();
        for (const clientId of clientIds) {
          // First owner wins: a later claim on the same id (a forged or replayed id) changes nothing.
          await tx.run(
            'INSERT INTO document_clients (document_id, client_id, user_id, first_seen) VALUES ($1, $2, $3, $4) ON CONFLICT (document_id, client_id) DO NOTHING',
            [documentId, clientId, userId, at],
          );
          const row = await tx.get<{ user_id: string }>('SELECT user_id FROM document_clients WHERE document_id = $1 AND client_id = $2', [documentId, clientId]);
          owners.set(clientId, row!.user_id);
          if (row!.user_id !== userId) {
            await tx.run('INSERT INTO document_client_conflicts (document_id, client_id, claimed_by, at) VALUES ($1, $2, $3, $4)', [documentId, clientId, userId, at]);
          }
        }
        return owners;
      });
    },
    async owners(documentId) {
      const rows = await db.all<{ client_id: number; user_id: string; name: string | null }>(
        `SELECT c.client_id, c.user_id, u.name FROM document_clients c LEFT JOIN users u ON CAST(u.id AS TEXT) = c.user_id
         WHERE c.document_id = $1 ORDER BY c.client_id`,
        [documentId],
      );
      return rows.map((row) => ({
        clientId: Number(row.client_id),
        userId: row.user_id,
        name: row.user_id === 'system' ? 'system' : (row.name ?? erasedUserName),
      }));
    },
    async recordDeletions(documentId, ranges, userId, at) {
      // Many small deletions arrive together (a batch of edits): one statement per hundred ranges.
      for (let i = 0; i < ranges.length; i += 100) {
        const chunk = ranges.slice(i, i + 100);
        const values = chunk.map((_, index) => `($1, $${index * 3 + 4}, $${index * 3 + 5}, $${index * 3 + 6}, $2, $3)`).join(', ');
        await db.run(
          `INSERT INTO document_deletions (document_id, client_id, clock, length, user_id, at) VALUES ${values}`,
          [documentId, userId, at, ...chunk.flatMap((range) => [range.clientId, range.clock, range.length])],
        );
      }
    },
    async deletions(documentId) {
      const rows = await db.all<{ client_id: number; clock: number; length: number; user_id: string; at: number }>(
        'SELECT client_id, clock, length, user_id, at FROM document_deletions WHERE document_id = $1 ORDER BY id',
        [documentId],
      );
      return rows.map((row) => ({ clientId: Number(row.client_id), clock: Number(row.clock), length: Number(row.length), userId: row.user_id, at: Number(row.at) }));
    },
    async conflicts(documentId) {
      const rows = await db.all<{ client_id: number; claimed_by: string; at: number }>(
        'SELECT client_id, claimed_by, at FROM document_client_conflicts WHERE document_id = $1 ORDER BY id',
        [documentId],
      );
      return rows.map((row) => ({ clientId: Number(row.client_id), claimedBy: row.claimed_by, at: Number(row.at) }));
    },
  };
}
