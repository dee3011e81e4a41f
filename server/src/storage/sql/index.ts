import type { Store } from '../ports.ts';
import { sqlAttribution } from './attribution.ts';
import { sqlAuditLog } from './audit.ts';
import { sqlCheckpoints } from './checkpoints.ts';
import { sqlOrganisations, sqlSessions, sqlUsers } from './accounts.ts';
import type { SqlDb } from './db.ts';
import { sqlInvites } from './invites.ts';
import { sqlSnapshots } from './snapshots.ts';
import { sqlUpdateLog } from './updates.ts';
import { sqlDocuments, sqlWorkshops } from './workshops.ts';

/** The store over either SQL database: the same repositories, the same behaviour. */
export function sqlStore(db: SqlDb): Store {
  return {
    kind: db.dialect,
    organisations: sqlOrganisations(db),
    users: sqlUsers(db),
    sessions: sqlSessions(db),
    workshops: sqlWorkshops(db),
    documents: sqlDocuments(db),
    invites: sqlInvites(db),
    audit: sqlAuditLog(db),
    updates: sqlUpdateLog(db),
    snapshots: sqlSnapshots(db),
    attribution: sqlAttribution(db),
    checkpoints: sqlCheckpoints(db),
    async ping() {
      await db.get('SELECT 1');
    },
    close: () => db.close(),
  };
}
