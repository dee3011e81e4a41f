import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { ackQueryParam, closeCode, messageType } from '@yhteispaja/model';
import type { ClosedReason, ConnectionStatus } from '../state/connection.svelte.ts';
import { SaveTracker } from './save-tracker.ts';

/** The sync endpoint on this origin: the session cookie authenticates the socket. */
export function syncUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
}

/**
 * Open a y-websocket provider for `documentId` and keep `status` in step with it: connection
 * state, saved state (via the server's persisted acks), read-only notices and final closes.
 * Returns the provider and a function that tears everything down.
 */
export function connectDocument(
  documentId: string,
  doc: Y.Doc,
  status: ConnectionStatus,
  hooks: {
    onSynced: () => void;
    onAccessLost: (reason: ClosedReason) => void;
    /** Several connection attempts in a row failed: a refused upgrade looks just like a network error. */
    onFailing: () => void;
  },
): { provider: WebsocketProvider; destroy: () => void } {
  const provider = new WebsocketProvider(syncUrl(), documentId, doc, {
    connect: false,
    params: { [ackQueryParam]: '1' },
    // Every tab talks to the server itself, so each tab's saved state is its own.
    disableBc: true,
  });
  const tracker = new SaveTracker(doc, {
    isRemote: (origin) => origin === provider,
    isSending: () => provider.wsconnected && provider.ws?.readyState === WebSocket.OPEN,
    onChange: () => (status.pending = tracker.pending),
  });

  provider.messageHandlers[messageType.persistedAck] = (_encoder, decoder) => {
    tracker.acknowledge(Y.decodeStateVector(decoding.readVarUint8Array(decoder)));
  };
  provider.messageHandlers[messageType.readOnly] = () => {
    status.readOnly = true;
    tracker.discardInFlight();
  };

  let everConnected = false;
  let failures = 0;
  provider.on('status', ({ status: next }) => {
    if (next === 'connected') {
      everConnected = true;
      failures = 0;
      status.connection = 'connected';
    } else if (next === 'disconnected' || everConnected) {
      // Once a connection was lost, reconnect attempts still read as offline (no flicker).
      status.connection = 'offline';
    } else if (status.connection !== 'offline') {
      status.connection = 'connecting';
    }
    tracker.connectionChanged();
  });
  provider.on('connection-close', () => {
    if (++failures % 3 === 0) hooks.onFailing();
  });
  provider.on('sync', (synced) => {
    if (synced) hooks.onSynced();
  });
  provider.on('closed', ({ code }) => {
    const reason: ClosedReason =
      code === closeCode.unauthorized ? 'unauthorized' : code === closeCode.forbidden ? 'forbidden' : 'other';
    status.closed = reason;
    status.connection = 'offline';
    hooks.onAccessLost(reason);
  });

  // Follow the browser's own idea of the network: drop at once when it goes offline.
  const goOffline = () => {
    provider.disconnect();
    status.connection = 'offline';
  };
  const goOnline = () => {
    if (status.closed === null) provider.connect();
  };
  window.addEventListener('offline', goOffline);
  window.addEventListener('online', goOnline);
  if (navigator.onLine === false) status.connection = 'offline';
  else provider.connect();

  let destroyed = false;
  return {
    provider,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
      tracker.destroy();
      provider.destroy();
    },
  };
}
