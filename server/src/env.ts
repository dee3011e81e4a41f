import path from 'node:path';
import { z } from 'zod';
import type { PoolOptions } from './reports/pool.ts';
import type { HistoryOptions } from './sync/history.ts';
import { defaultMaxDepth } from '@yhteispaja/model';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().url().optional(),
  /** PostgreSQL schema to use (default: the connection's search_path, normally `public`). */
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/).optional(),
  REDIS_URL: z.string().url().optional(),
  PUBLIC_ORIGIN: z.string().url().optional(),
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().min(1).optional(),
  DEMO: z.enum(['0', '1']).optional(),
  /** Name of the organisation created on first start, with the first admin. */
  ORGANISATION_NAME: z.string().trim().min(1).max(120).default('Yhteispaja'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Largest WebSocket frame a client may send, in bytes. */
  SYNC_MAX_MESSAGE_BYTES: z.coerce.number().int().positive().default(2 * 1024 * 1024),
  /** Messages per second a sync connection may send on average, and in one burst. */
  SYNC_RATE_PER_SECOND: z.coerce.number().positive().default(200),
  SYNC_RATE_BURST: z.coerce.number().int().positive().default(2000),
  /** Ceiling on a document's stored size, in bytes; updates beyond it are refused. */
  SYNC_MAX_DOCUMENT_BYTES: z.coerce.number().int().positive().default(64 * 1024 * 1024),
  /** Sync step 1 and awareness queries (each answered with data) per second and in one burst, on top of SYNC_RATE_*. */
  SYNC_READ_RATE_PER_SECOND: z.coerce.number().positive().default(5),
  SYNC_READ_RATE_BURST: z.coerce.number().int().positive().default(20),
  /** Awareness (presence) messages per second and in one burst, on top of SYNC_RATE_*. */
  SYNC_AWARENESS_RATE_PER_SECOND: z.coerce.number().positive().default(30),
  SYNC_AWARENESS_RATE_BURST: z.coerce.number().int().positive().default(200),
  /** Longest awareness state (JSON text) a client may announce, in bytes. */
  SYNC_MAX_AWARENESS_BYTES: z.coerce.number().int().min(256).default(4096),
  /** Bytes a socket may leave unread before the server closes it as a slow consumer (4504). */
  SYNC_MAX_BUFFERED_BYTES: z.coerce.number().int().positive().default(16 * 1024 * 1024),
  /** How deep shared types (and JSON values in them) may nest; deeper updates are refused. */
  SYNC_MAX_DEPTH: z.coerce.number().int().min(8).max(1000).default(defaultMaxDepth),
  /** With REDIS_URL: how often rooms in use re-read the store, in case an instance died between storing and publishing. */
  SYNC_CATCHUP_MS: z.coerce.number().int().positive().default(10_000),
  /** Automatic checkpoints: after this much activity; all kept this many hours, then one a day up to this many days, then one a week; at most this many per document. */
  HISTORY_CHECKPOINT_INTERVAL_MS: z.coerce.number().int().positive().default(10 * 60_000),
  HISTORY_KEEP_ALL_HOURS: z.coerce.number().positive().default(24),
  HISTORY_KEEP_DAILY_DAYS: z.coerce.number().positive().default(30),
  HISTORY_MAX_CHECKPOINTS: z.coerce.number().int().positive().default(200),
  /** Report rendering: worker threads, jobs that may wait, and the time one may take. */
  REPORT_WORKERS: z.coerce.number().int().min(1).max(16).default(1),
  REPORT_QUEUE: z.coerce.number().int().min(0).max(1000).default(8),
  REPORT_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  /** How long a document stays in memory after its last connection left. */
  SYNC_IDLE_UNLOAD_MS: z.coerce.number().int().min(0).default(5_000),
  /** Folder of the built web app; the server serves it as static files. */
  WEB_BUILD_DIR: z.string().optional(),
  /** Largest request body of any API route but import (which has its own 5 MB), checked before parsing. */
  HTTP_MAX_BODY_BYTES: z.coerce.number().int().positive().default(1024 * 1024),
  /** Bearer token GET /metrics requires; unset, /metrics answers only direct loopback requests. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** Sign-in attempts per account, and per client address, in a 15-minute window. */
  SIGN_IN_MAX_PER_ACCOUNT: z.coerce.number().int().positive().default(10),
  SIGN_IN_MAX_PER_ADDRESS: z.coerce.number().int().positive().default(100),
  /** Reading one imported file may take this long, and its worker this much heap, before it is refused. */
  IMPORT_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  IMPORT_MAX_HEAP_MB: z.coerce.number().int().min(32).default(256),
});

export interface Env {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databaseSchema: string | undefined;
  redisUrl: string | undefined;
  /** The origin users reach; state-changing requests must come from it. */
  publicOrigin: string;
  /** False when publicOrigin was derived from HOST and PORT (so PORT=0 resolves it after listening). */
  publicOriginGiven: boolean;
  secureCookies: boolean;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  demo: boolean;
  organisationName: string;
  logLevel: string;
  syncMaxMessageBytes: number;
  syncRatePerSecond: number;
  syncRateBurst: number;
  syncMaxDocumentBytes: number;
  syncCatchUpMs: number;
  syncMaxDepth: number;
  syncIdleUnloadMs: number;
  syncReadRatePerSecond: number;
  syncReadRateBurst: number;
  syncAwarenessRatePerSecond: number;
  syncAwarenessRateBurst: number;
  syncMaxAwarenessBytes: number;
  syncMaxBufferedBytes: number;
  webBuildDir: string;
  /** Automatic checkpoints of live documents. */
  history: HistoryOptions;
  /** The report rendering pool. */
  reports: PoolOptions;
  httpMaxBodyBytes: number;
  metricsToken: string | undefined;
  signInMaxPerAccount: number;
  signInMaxPerAddress: number;
  importTimeoutMs: number;
  importMaxHeapMb: number;
}

export class EnvError extends Error {}

/** Read and validate the environment once, at start; a wrong value stops the start with a clear message. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const blankless = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(blankless);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new EnvError(`Invalid environment:\n  ${problems.join('\n  ')}`);
  }
  const env = parsed.data;
  const publicOrigin = new URL(env.PUBLIC_ORIGIN ?? `http://${env.HOST}:${env.PORT}`).origin;
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir: path.resolve(env.DATA_DIR),
    databaseUrl: env.DATABASE_URL,
    databaseSchema: env.DATABASE_SCHEMA,
    redisUrl: env.REDIS_URL,
    publicOrigin,
    publicOriginGiven: env.PUBLIC_ORIGIN !== undefined,
    secureCookies: publicOrigin.startsWith('https:'),
    adminEmail: env.ADMIN_EMAIL,
    adminPassword: env.ADMIN_PASSWORD,
    demo: env.DEMO === '1',
    organisationName: env.ORGANISATION_NAME,
    logLevel: env.LOG_LEVEL,
    syncMaxMessageBytes: env.SYNC_MAX_MESSAGE_BYTES,
    syncRatePerSecond: env.SYNC_RATE_PER_SECOND,
    syncRateBurst: env.SYNC_RATE_BURST,
    syncMaxDocumentBytes: env.SYNC_MAX_DOCUMENT_BYTES,
    syncCatchUpMs: env.SYNC_CATCHUP_MS,
    history: {
      intervalMs: env.HISTORY_CHECKPOINT_INTERVAL_MS,
      retention: { keepAllMs: env.HISTORY_KEEP_ALL_HOURS * 3_600_000, keepDailyMs: env.HISTORY_KEEP_DAILY_DAYS * 86_400_000, maxCount: env.HISTORY_MAX_CHECKPOINTS },
    },
    reports: { workers: env.REPORT_WORKERS, maxQueue: env.REPORT_QUEUE, timeoutMs: env.REPORT_TIMEOUT_MS },
    syncMaxDepth: env.SYNC_MAX_DEPTH,
    syncIdleUnloadMs: env.SYNC_IDLE_UNLOAD_MS,
    syncReadRatePerSecond: env.SYNC_READ_RATE_PER_SECOND,
    syncReadRateBurst: env.SYNC_READ_RATE_BURST,
    syncAwarenessRatePerSecond: env.SYNC_AWARENESS_RATE_PER_SECOND,
    syncAwarenessRateBurst: env.SYNC_AWARENESS_RATE_BURST,
    syncMaxAwarenessBytes: env.SYNC_MAX_AWARENESS_BYTES,
    syncMaxBufferedBytes: env.SYNC_MAX_BUFFERED_BYTES,
    webBuildDir: path.resolve(env.WEB_BUILD_DIR ?? new URL('../../apps/web/build', import.meta.url).pathname),
    httpMaxBodyBytes: env.HTTP_MAX_BODY_BYTES,
    metricsToken: env.METRICS_TOKEN,
    signInMaxPerAccount: env.SIGN_IN_MAX_PER_ACCOUNT,
    signInMaxPerAddress: env.SIGN_IN_MAX_PER_ADDRESS,
    importTimeoutMs: env.IMPORT_TIMEOUT_MS,
    importMaxHeapMb: env.IMPORT_MAX_HEAP_MB,
  };
}
