import * as decoding from 'lib0/decoding';
import { messageYjsSyncStep1 } from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { ackQueryParam, closeCode, messageType } from '@yhteispaja/model';
import type { ClosedReason, ConnectionStatus } from '../state/connection.svelte.ts';
import type { LocalCopy } from './local-copy.ts';
import { emptySavedState, SaveTracker } from './save-tracker.ts';

/** How long the first connection waits for the local copy to be read before going ahead. */
const localCopyWaitMs = 4000;

/** The sync endpoint on this origin: the session cookie authenticates the socket. */
export function syncUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
}

/**
 * Open a y-websocket provider for `documentId` and keep `status` in step with it: connection
 * state, saved state (via the server's persisted acks), read-only notices and final closes.
 * With a `localCopy`, the provider connects once the copy has been read into the doc, so the
 * first sync step 1 already names everything this browser holds and the server receives what
 * it lacks in the sync reply. Returns the provider and a function that tears everything down.
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
    /** The local copy was read into the doc (not called without one). */
    onLocalCopyLoaded?: () => void;
  },
  localCopy?: LocalCopy,
): { provider: WebsocketProvider; destroy: () => void } {
  const provider = new WebsocketProvider(syncUrl(), documentId, doc, {
    connect: false,
    params: { [ackQueryParam]: '1' },
    // Every tab talks to the server itself, so each tab's saved state is its own.
    disableBc: true,
  });
  const tracker = new SaveTracker(doc, {
    isRemote: (origin) => origin === provider,
    isLocalCopy: (origin) => localCopy?.isOrigin(origin) ?? false,
    isSending: () => provider.wsconnected && provider.ws?.readyState === WebSocket.OPEN,
    onChange: () => (status.pending = tracker.pending),
    onSavedStateChange: (state) => localCopy?.keepSavedState(state),
    restoring: localCopy !== undefined,
  });
  status.pending = tracker.pending;

  provider.messageHandlers[messageType.persistedAck] = (_encoder, decoder) => {
    tracker.acknowledge(Y.decodeStateVector(decoding.readVarUint8Array(decoder)));
  };
  provider.messageHandlers[messageType.readOnly] = () => {
    status.readOnly = true;
    tracker.discardInFlight();
  };
  provider.messageHandlers[messageType.documentTooLarge] = () => {
    tracker.refused();
  };
  // The provider answers the server's sync step 1 with sync step 2 (all the server lacks,
  // the whole delete set): an update message like any other, acknowledged in its turn.
  const handleSync = provider.messageHandlers[messageType.sync]!;
  provider.messageHandlers[messageType.sync] = (encoder, decoder, ...rest) => {
    const step = decoding.peekVarUint(decoder);
    handleSync(encoder, decoder, ...rest);
    if (step === messageYjsSyncStep1 && !status.readOnly) tracker.syncReplySent();
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
    failures++;
    // A server that cannot be reached from the start is no different from a lost network.
    if (failures >= 3) status.connection = 'offline';
    if (failures % 3 === 0) hooks.onFailing();
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
  // Connections start once the local copy is in the doc (or it is taking too long).
  let started = false;
  let destroyed = false;
  const start = () => {
    if (started || destroyed) return;
    started = true;
    if (navigator.onLine !== false && status.closed === null) provider.connect();
  };
  const goOnline = () => {
    if (started && status.closed === null) provider.connect();
  };
  window.addEventListener('offline', goOffline);
  window.addEventListener('online', goOnline);
  if (navigator.onLine === false) status.connection = 'offline';

  let waiting: ReturnType<typeof setTimeout> | undefined;
  if (localCopy) {
    waiting = setTimeout(start, localCopyWaitMs);
    void localCopy.loaded.then((state) => {
      if (destroyed) return;
      tracker.restore(state ?? emptySavedState());
      hooks.onLocalCopyLoaded?.();
      clearTimeout(waiting);
      start();
    });
  } else {
    start();
  }

  return {
    provider,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      clearTimeout(waiting);
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
      tracker.destroy();
      provider.destroy();
    },
  };
}
