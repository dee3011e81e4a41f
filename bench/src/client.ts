import WebSocket from 'ws';
import * as Y from 'yjs';
import type { Framing } from './framing.ts';

const remote = Symbol('remote');

export interface ClientOptions {
  url: string;
  headers: Record<string, string>;
  framing: Framing;
  /** A sender's own doc (its edits only) or a full client's doc (integrates what it receives). */
  doc?: Y.Doc;
  /** Apply received updates to `doc` (full clients and verifiers); light receivers never do. */
  integrate?: boolean;
  /** Every received update (step 2 or update), with the receive time; parse it, never integrate it. */
  onUpdate?: (update: Uint8Array) => void;
}

/**
 * A light protocol client: speaks sync step 1/2, updates and awareness over either framing.
 * Senders send what changes in their own doc; receivers only hand received updates to
 * `onUpdate` (for latency), so the generator spends its CPU on the wire, not on Yjs.
 */
export class LightClient {
  readonly socket: WebSocket;
  readonly doc: Y.Doc | undefined;
  readonly synced: Promise<void>;
  readonly closed: Promise<void>;
  private readonly framing: Framing;

  constructor(options: ClientOptions) {
    this.framing = options.framing;
    this.doc = options.doc;
    const socket = new WebSocket(options.url, { headers: options.headers, perMessageDeflate: false });
    socket.binaryType = 'nodebuffer';
    this.socket = socket;
    let markSynced!: () => void;
    let failed!: (error: Error) => void;
    this.synced = new Promise<void>((resolve, reject) => {
      markSynced = resolve;
      failed = reject;
    });
    this.closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.once('error', (error) => failed(error));
    socket.once('unexpected-response', (_request, response) => failed(new Error(`upgrade refused: ${response.statusCode}`)));
    socket.once('close', (code) => failed(new Error(`closed before sync: ${code}`)));
    socket.once('open', () => {
      for (const frame of options.framing.hello()) socket.send(frame);
      socket.send(options.framing.step1(options.doc ? Y.encodeStateVector(options.doc) : new Uint8Array([0])));
    });
    const doc = options.doc;
    if (doc) {
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== remote && socket.readyState === WebSocket.OPEN) socket.send(options.framing.update(update));
      });
    }
    socket.on('message', (data: Buffer) => {
      const parsed = options.framing.parse(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      if (parsed.kind === 'step1') {
        socket.send(options.framing.step2(doc ? Y.encodeStateAsUpdate(doc, parsed.payload) : emptyUpdate));
        return;
      }
      if (parsed.kind !== 'step2' && parsed.kind !== 'update') return;
      if (options.integrate && doc) Y.applyUpdate(doc, parsed.payload, remote);
      options.onUpdate?.(parsed.payload);
      if (parsed.kind === 'step2') markSynced();
    });
    // Nobody awaits `synced` after a failure; keep Node from reporting it as unhandled.
    this.synced.catch(() => {});
  }

  sendAwareness(update: Uint8Array): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(this.framing.awareness(update));
  }

  close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    this.socket.close();
    return this.closed;
  }
}

/** An update that adds and deletes nothing (what a client with an empty doc answers to step 1). */
const emptyUpdate = Y.encodeStateAsUpdate(new Y.Doc());
