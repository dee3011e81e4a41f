import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { messageType } from '@yhteispaja/model';

/** The stock y-websocket provider, in Node, sending a session cookie and Origin as a browser would. */
export function connectProvider(origin: string, documentId: string, cookie: string | undefined, options: { acks?: boolean; doc?: Y.Doc } = {}) {
  const doc = options.doc ?? new Y.Doc();
  class CookieWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { origin, ...(cookie ? { cookie } : {}) } });
    }
  }
  const provider = new WebsocketProvider(origin.replace(/^http/, 'ws') + '/sync', documentId, doc, {
    WebSocketPolyfill: CookieWebSocket as unknown as typeof globalThis.WebSocket,
    params: options.acks ? { acks: '1' } : {},
    disableBc: true,
  });
  const acks: Uint8Array[] = [];
  provider.messageHandlers[messageType.persistedAck] = (_encoder, decoder) => {
    acks.push(decoding.readVarUint8Array(decoder));
  };
  let readOnly = false;
  provider.messageHandlers[messageType.readOnly] = () => {
    readOnly = true;
  };
  return {
    doc,
    provider,
    acks,
    get readOnly() {
      return readOnly;
    },
    synced: new Promise<void>((resolve) => {
      if (provider.synced) resolve();
      else provider.once('sync', (isSynced: boolean) => isSynced && resolve());
    }),
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Open a raw socket and report how the upgrade was answered (HTTP status) or the socket itself. */
export function rawSocket(origin: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; socket?: WebSocket }> {
  return new Promise((resolve, reject) => {
    // Send our own Origin, as a browser would, unless the test sets one (or '' for none).
    const sent = { origin, ...headers };
    if (sent.origin === '') delete (sent as Record<string, string>).origin;
    const socket = new WebSocket(origin.replace(/^http/, 'ws') + path, { headers: sent });
    // Keep every frame from the first on: the server speaks as soon as the socket opens.
    const received: Uint8Array[] = [];
    (socket as WebSocket & { received: Uint8Array[] }).received = received;
    socket.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
    socket.once('unexpected-response', (_request, response) => {
      resolve({ status: response.statusCode ?? 0 });
      socket.terminate();
    });
    socket.once('open', () => resolve({ status: 101, socket }));
    socket.once('error', (error) => reject(error));
  });
}
