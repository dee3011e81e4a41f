/** Child process: the official y-websocket backend (@y/websocket-server 0.1.1), unchanged. */
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { setPersistence, setupWSConnection } from '@y/websocket-server/utils';
import { serveIpc } from './ipc.ts';
import { openPeerStore } from './peer-store.ts';

const store = openPeerStore(process.env.BENCH_PEER_SQLITE);
if (store) {
  setPersistence({
    bindState: (name: string, doc: Y.Doc) => {
      const state = store.get(name);
      if (state) Y.applyUpdate(doc, state);
    },
    writeState: async () => {},
    provider: null,
  });
}
const wss = new WebSocketServer({ noServer: true });
const server = http.createServer((_request, response) => response.end('okay'));
wss.on('connection', setupWSConnection);
server.on('upgrade', (request, socket, head) => wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request)));
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  serveIpc(typeof address === 'object' && address ? address.port : 0, {
    seed: (name, path) => store?.put(name, readFileSync(path)),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
});
