import type * as Y from 'yjs';
import type { Env } from '../env.ts';
import type { Logger } from '../logger.ts';
import type { AttemptThrottle, KeyedLock } from '../auth/throttle.ts';
import type { ValidSession } from '../auth/sessions.ts';
import type { Store } from '../storage/ports.ts';
import type { CheckpointReason } from '../storage/history-ports.ts';
import type { RenderReport } from '../reports/render.ts';
import type { Fanout } from '../fanout/ports.ts';
import type { SyncMetrics } from '../metrics.ts';
import type { TableParser } from '../commands/import-parser.ts';
import type { SyncHealth } from '../sync/health.ts';

/** What the HTTP layer needs from the composition root. */
export interface HttpDeps {
  env: Env;
  store: Store;
  fanout: Fanout;
  metrics: SyncMetrics;
  logger: Logger;
  /** Documents the sync server opened without part of their history, for /healthz. */
  syncHealth?: SyncHealth;
  /** Failed sign-ins counted per account and, more loosely, per client address (a shared NAT holds many people). */
  signInThrottle: { account: AttemptThrottle; address: AttemptThrottle; verifying: KeyedLock };
  /** Make a server-side edit to a live document (stored, then shown to everyone); returns what `edit` returned. */
  changeDocument: <T>(documentId: string, edit: (doc: Y.Doc) => T, actor?: string) => Promise<T>;
  /** Remove text from a document and its history, through its live room; returns how many were removed. */
  purgeDocument: (documentId: string, text: string) => Promise<number>;
  /** Render a report off the event loop (a bounded worker pool): 429 when saturated, 503 on failure. */
  renderReport: RenderReport;
  /** Checkpoint a document through its live room now (before a restore). */
  checkpointDocument: (documentId: string, reason: CheckpointReason, actor: string) => Promise<unknown>;
  /** The users connected to a workshop's documents on this instance (for a snapshot's participants). */
  presentUsers: (workshopId: string) => readonly string[];
  /** Read an uploaded table (CSV, XLSX, Markdown) off the event loop. */
  parseTable: TableParser;
  /** Close the live sockets of ended sessions, on every instance (the sync server's job). */
  endSessions: (sessionIds: readonly string[]) => void;
}

export interface AppEnv {
  Variables: {
    deps: HttpDeps;
    auth: ValidSession | undefined;
  };
}
