import { createServer, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { closeCode } from '@yhteispaja/model';
import { AttemptThrottle, KeyedLock } from './auth/throttle.ts';
import { bootstrapAdmin } from './commands/accounts.ts';
import { workerTableParser } from './commands/import-parser.ts';
import { scheduleRetention } from './commands/retention.ts';
import { loadEnv, type Env } from './env.ts';
import { AppError } from './errors.ts';
import { createApp } from './http/app.ts';
import { serveWebApp } from './http/static.ts';
import { createLogger, type Logger } from './logger.ts';
import type { Fanout } from './fanout/ports.ts';
import { SyncMetrics } from './metrics.ts';
import { openSqliteStore } from './storage/sqlite/index.ts';
import { openPostgresStore } from './storage/postgres/index.ts';
import type { Store } from './storage/ports.ts';
import { RoomRegistry } from './sync/rooms.ts';
import { reportRenderer } from './reports/render.ts';
import { localFanout } from './fanout/local.ts';
import { redisFanout } from './fanout/redis.ts';
import { createSyncServer } from './sync/upgrade.ts';

export interface RunningServer {
  server: Server;
  url: string;
  store: Store;
  fanout: Fanout;
  logger: Logger;
  stop(): Promise<void>;
}

/** The composition root: env → storage → http → sync → shutdown. */
export async function startServer(configured: Env): Promise<RunningServer> {
  const logger = createLogger(configured.logLevel);
  const store = configured.databaseUrl
    ? await openPostgresStore(configured.databaseUrl, configured.databaseSchema ? { schema: configured.databaseSchema } : {})
    : openSqliteStore(configured.dataDir);
  await bootstrapAdmin(store, {
      email: configured.adminEmail,
      password: configured.adminPassword,
      organisationName: configured.organisationName,
      demo: configured.demo,
    }, logger);

  const fanout = configured.redisUrl ? await redisFanout(configured.redisUrl, logger) : localFanout();

  // Listen first, so that with PORT=0 (tests) the origin can name the port the system chose.
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(configured.port, configured.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : configured.port;
  const url = `http://${configured.host}:${port}`;
  const env: Env = configured.publicOriginGiven ? configured : { ...configured, port, publicOrigin: url };
  // From here to attaching the request handler nothing awaits, so no request finds the server without one.

  const metrics = new SyncMetrics();
  const reports = reportRenderer(env.reports);
  const rooms = new RoomRegistry({ log: store.updates, attribution: store.attribution, checkpoints: store.checkpoints, fanout, logger, metrics }, {
    maxDocumentBytes: env.syncMaxDocumentBytes,
    maxDepth: env.syncMaxDepth,
    maxAwarenessBytes: env.syncMaxAwarenessBytes,
    catchUpMs: env.syncCatchUpMs,
    history: env.history,
    idleMs: env.syncIdleUnloadMs,
  });
  fanout.onControl((message) => {
    if (message.type === 'session-ended') rooms.closeSession(message.sessionId, closeCode.unauthorized, 'session ended');
    else if (message.type === 'access-changed') rooms.closeUserInWorkshop(message.userId, message.workshopId, closeCode.accessChanged, 'access changed');
    else rooms.closeWorkshop(message.workshopId, closeCode.forbidden, 'workshop content erased');
  });
  const sync = createSyncServer({ env, store, logger, rooms, metrics });
  const tableParser = workerTableParser({ timeoutMs: env.importTimeoutMs, maxHeapMb: env.importMaxHeapMb });
  const app = createApp({
    parseTable: tableParser.parse,
    env,
    store,
    logger,
    signInThrottle: {
      account: new AttemptThrottle(env.signInMaxPerAccount, 15 * 60_000),
      address: new AttemptThrottle(env.signInMaxPerAddress, 15 * 60_000),
      verifying: new KeyedLock(),
    },
    fanout,
    metrics,
    syncHealth: rooms.health,
    purgeDocument: (documentId, text) => rooms.withRoom(documentId, (room) => room.purge(text)),
    changeDocument: (documentId, edit, actor) => rooms.withRoom(documentId, (room) => room.applyServerChange(edit, actor)),
    renderReport: reports.render,
    checkpointDocument: (documentId, reason, actor) => rooms.withRoom(documentId, (room) => room.checkpointNow(reason, actor)),
    presentUsers: (workshopId) => rooms.usersInWorkshop(workshopId),
    endSessions: (sessionIds) => {
      for (const sessionId of sessionIds) fanout.publishControl({ type: 'session-ended', sessionId });
    },
  });
  if (!serveWebApp(app, env.webBuildDir)) {
    logger.warn({ dir: env.webBuildDir }, 'web app not built; serving the API only (run pnpm build)');
  }
  server.on('request', getRequestListener(app.fetch));
  const stopRetention = scheduleRetention(store, fanout, logger);
  server.on('upgrade', sync.handleUpgrade);
  logger.info({ url, origin: env.publicOrigin, store: store.kind }, 'Yhteispaja is listening');

  let stopping: Promise<void> | undefined;
  return {
    server,
    url,
    store,
    fanout,
    logger,
    stop() {
      // Stop accepting, tell clients to reconnect elsewhere, store what was received, then close.
      stopping ??= (async () => {
        server.close();
        stopRetention();
        await rooms.closeAll(closeCode.goingAway, 'server shutting down');
        sync.close();
        await reports.close();
        await tableParser.close();
        server.closeAllConnections();
        await fanout.close();
        await store.close();
        logger.info('stopped');
      })();
      return stopping;
    },
  };
}

/** Start from process.env and stop cleanly on SIGTERM/SIGINT: the production entry point. */
export async function runFromEnvironment(): Promise<void> {
  let env: Env;
  try {
    env = loadEnv();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  let running: RunningServer;
  try {
    running = await startServer(env);
  } catch (error) {
    // A configuration problem (a weak ADMIN_PASSWORD, a port in use, an unreachable database)
    // is told plainly, without a stack trace.
    const message = error instanceof AppError ? `${error.message} (${error.code})` : error instanceof Error ? error.message : String(error);
    process.stderr.write(`Yhteispaja could not start: ${message}\n`);
    process.exit(1);
  }
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      running.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

if (import.meta.main) await runFromEnvironment();
