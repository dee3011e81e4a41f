import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { ackQueryParam, closeCode } from '@yhteispaja/model';
import { validateSessionToken } from '../auth/sessions.ts';
import type { Env } from '../env.ts';
import { cookieFromHeader, sessionCookieName } from '../http/cookies.ts';
import type { Logger } from '../logger.ts';
import type { SyncMetrics } from '../metrics.ts';
import { can } from '../policies/workshop.ts';
import type { Store } from '../storage/ports.ts';
import { Connection } from './connection.ts';
import { TokenBucket } from './rate-limit.ts';
import { MalformedMessageError, type Room } from './room.ts';
import type { RoomRegistry } from './rooms.ts';

const syncPath = /^\/sync\/([0-9a-f-]{36})$/i;
const heartbeatMs = 30_000;

export interface SyncDeps {
  env: Env;
  store: Store;
  logger: Logger;
  rooms: RoomRegistry;
  metrics: SyncMetrics;
}

/**
 * WebSocket sync at /sync/:documentId. Authorise at connect: the session cookie must be valid
 * (else 401) and its user a member of the document's workshop (else 403), before any frame.
 */
export function createSyncServer(deps: SyncDeps) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: deps.env.syncMaxMessageBytes });

  const heartbeat = setInterval(() => {
    for (const socket of wss.clients) {
      const state = socket as WebSocket & { yAlive?: boolean };
      if (state.yAlive === false) {
        socket.terminate();
        continue;
      }
      state.yAlive = false;
      socket.ping();
    }
  }, heartbeatMs);
  heartbeat.unref();

  async function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const match = syncPath.exec(url.pathname);
    if (!match) return reject(socket, 404, 'not_found');
    const token = cookieFromHeader(request.headers.cookie, sessionCookieName(deps.env));
    const auth = token ? await validateSessionToken(deps.store.sessions, token) : undefined;
    if (!auth) return reject(socket, 401, 'unauthenticated');
    // Cross-site WebSocket hijacking: browsers always send Origin on a handshake, so a foreign or
    // missing one is refused. Non-browser clients send PUBLIC_ORIGIN as Origin, as our tests do.
    if (request.headers.origin !== deps.env.publicOrigin) return reject(socket, 403, 'bad_origin');
    const documentId = match[1]!.toLowerCase();
    const document = await deps.store.documents.get(documentId);
    const role = document ? await deps.store.workshops.role(document.workshopId, auth.user.id) : undefined;
    if (!document || !can(role, 'view')) return reject(socket, 403, 'forbidden');

    const room = await deps.rooms.acquire(documentId);
    wss.handleUpgrade(request, socket, head, (ws) => {
      const connection = new Connection({
        socket: ws,
        userId: auth.user.id,
        sessionId: auth.session.id,
        workshopId: document.workshopId,
        readOnly: !can(role, 'editDocuments'),
        wantsAcks: url.searchParams.get(ackQueryParam) === '1',
        userName: auth.user.name,
        canCleanUp: can(role, 'purgeContent'),
        rate: {
          edits: new TokenBucket(deps.env.syncRatePerSecond, deps.env.syncRateBurst),
          reads: new TokenBucket(deps.env.syncReadRatePerSecond, deps.env.syncReadRateBurst),
          awareness: new TokenBucket(deps.env.syncAwarenessRatePerSecond, deps.env.syncAwarenessRateBurst),
        },
        maxBufferedBytes: deps.env.syncMaxBufferedBytes,
      });
      connection.onSlowConsumer = () => {
        deps.metrics.refused.inc({ reason: 'slow-consumer' });
        deps.logger.warn({ documentId, userId: connection.userId }, 'slow consumer; closing');
      };
      serve(room, connection);
      watchSessionExpiry(connection, Math.min(auth.session.expiresAt, auth.session.absoluteExpiresAt));
    });
  }

  /**
   * A socket outlives no session: when the session's deadline passes, re-read it (an HTTP request
   * may have renewed it) and close the socket with 4401 if it has ended.
   */
  function watchSessionExpiry(connection: Connection, deadline: number): void {
    const maxTimeout = 2 ** 31 - 1;
    let timer: NodeJS.Timeout;
    const schedule = (at: number) => {
      timer = setTimeout(check, Math.min(Math.max(at - Date.now(), 0), maxTimeout));
      timer.unref();
    };
    const check = async () => {
      if (!connection.open) return;
      try {
        const found = await deps.store.sessions.get(connection.sessionId);
        const next = found ? Math.min(found.session.expiresAt, found.session.absoluteExpiresAt) : 0;
        if (Date.now() < next) return schedule(next);
      } catch (error) {
        deps.logger.warn({ err: error }, 'could not re-check a session; checking again in a minute');
        return schedule(Date.now() + 60_000);
      }
      connection.close(closeCode.unauthorized, 'session expired');
    };
    schedule(deadline);
    connection.socket.once('close', () => clearTimeout(timer));
  }

  function serve(room: Room, connection: Connection): void {
    const ws = connection.socket as WebSocket & { yAlive?: boolean };
    ws.yAlive = true;
    ws.on('pong', () => (ws.yAlive = true));
    ws.on('message', (data, isBinary) => {
      // A socket being closed (rate limit, slow consumer, malformed) gets no more answers or log lines.
      if (!connection.open) return;
      try {
        if (!isBinary) throw new MalformedMessageError('text frame');
        room.receive(connection, toBytes(data));
      } catch (error) {
        if (!(error instanceof MalformedMessageError)) throw error;
        deps.metrics.refused.inc({ reason: 'malformed' });
        deps.logger.warn({ documentId: room.documentId, userId: connection.userId, reason: error.message }, 'malformed frame; closing');
        connection.close(closeCode.malformedMessage, 'malformed message');
      }
    });
    ws.on('error', (error) => deps.logger.debug({ err: error }, 'socket error'));
    ws.on('close', () => deps.rooms.detach(room, connection));
    try {
      deps.rooms.attach(room, connection);
    } catch (error) {
      // The socket is already upgraded: answer with a close code, not an HTTP status in the stream.
      deps.logger.error({ err: error, documentId: room.documentId }, 'join failed; closing');
      connection.close(1011, 'join failed');
    }
  }

  return {
    handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
      handleUpgrade(request, socket, head).catch((error: unknown) => {
        deps.logger.error({ err: error }, 'sync upgrade failed');
        reject(socket, 503, 'store_unavailable');
      });
    },
    close(): void {
      clearInterval(heartbeat);
      wss.close();
    },
  };
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

const statusText: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 503: 'Service Unavailable' };

/** Answer a refused upgrade with a plain HTTP error and close the socket. */
function reject(socket: Duplex, status: number, code: string): void {
  if (socket.destroyed) return;
  const body = JSON.stringify({ error: { code, message: statusText[status] } });
  socket.end(
    `HTTP/1.1 ${status} ${statusText[status]}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
