/** Child process: @hocuspocus/server 4.x with its defaults (documents in memory, unloaded when left). */
import { readFileSync } from 'node:fs';
import { Server } from '@hocuspocus/server';
import * as Y from 'yjs';
import { serveIpc } from './ipc.ts';
import { openPeerStore } from './peer-store.ts';

const store = openPeerStore(process.env.BENCH_PEER_SQLITE);
const server = new Server({
  port: 0,
  address: '127.0.0.1',
  quiet: true,
  async onLoadDocument({ documentName, document }) {
    const state = store?.get(documentName);
    if (state) Y.applyUpdate(document, state);
    return document;
  },
});
await server.listen();
serveIpc(server.address.port, {
  seed: (name, path) => store?.put(name, readFileSync(path)),
  stop: () => server.destroy(),
});
