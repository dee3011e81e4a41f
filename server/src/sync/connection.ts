import type { WebSocket } from 'ws';
import type { TokenBucket } from './rate-limit.ts';

/** One client socket in a room, with what the server decided about it at connect time. */
export class Connection {
  readonly socket: WebSocket;
  readonly userId: string;
  readonly sessionId: string;
  /** The workshop of the document, for closing sockets when the user's rights there change. */
  readonly workshopId: string;
  /** Observers: told at join that their updates are dropped, not stored or relayed. */
  readonly readOnly: boolean;
  /** Connected with `?acks=1`: told when its updates are durable. Stock clients never ask. */
  readonly wantsAcks: boolean;
  /** Awareness client ids this socket has announced; removed for everyone when it goes. */
  readonly awarenessClients = new Set<number>();
  readonly rate: TokenBucket;
  toldReadOnly = false;
  private readonly writeGate: ((update: Uint8Array) => boolean) | undefined;

  constructor(init: {
    socket: WebSocket;
    userId: string;
    sessionId: string;
    workshopId: string;
    readOnly: boolean;
    wantsAcks: boolean;
    rate: TokenBucket;
    /** Asked per update by the pipeline's write gate, so it may read live state (locks); default: not read-only. */
    canWrite?: (update: Uint8Array) => boolean;
  }) {
    this.writeGate = init.canWrite;
    this.socket = init.socket;
    this.workshopId = init.workshopId;
    this.rate = init.rate;
    this.userId = init.userId;
    this.sessionId = init.sessionId;
    this.readOnly = init.readOnly;
    this.wantsAcks = init.wantsAcks;
  }

  /** Whether this connection may change the document with `update` now. */
  canWrite(update: Uint8Array): boolean {
    if (this.readOnly) return false;
    return this.writeGate ? this.writeGate(update) : true;
  }

  get open(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  send(message: Uint8Array): void {
    if (!this.open) return;
    this.socket.send(message, (error) => {
      if (error) this.socket.terminate();
    });
  }

  close(code: number, reason: string): void {
    if (this.socket.readyState === this.socket.CLOSED || this.socket.readyState === this.socket.CLOSING) return;
    this.socket.close(code, reason);
  }
}
