/** Child process: Yhteispaja's server with full durability (SQLite, or PostgreSQL with DATABASE_URL). */
import { readFileSync } from 'node:fs';
import { loadEnv } from '../../../server/src/env.ts';
import { startServer } from '../../../server/src/main.ts';
import { serveIpc } from './ipc.ts';

const running = await startServer(loadEnv({ ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error' }));
const port = Number(new URL(running.url).port);
serveIpc(port, {
  // The B4 state goes straight into the update log as one row, as a compacted document would be.
  seed: async (documentId, path) => {
    await running.store.updates.append(documentId, readFileSync(path));
  },
  stop: () => running.stop(),
});
