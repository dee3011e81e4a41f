import type { WebSocket } from 'ws';
import type { TokenBucket } from './rate-limit.ts';

/** One client socket in a room, with what the server decided about it at connect time. */
export class Connection {
  readonly socket: WebSocket;
  readonly userId: string;
  readonly sessionId: string;
  /** The workshop of the document, for closing sockets when the user's rights there change. */
  readonly workshopId: string;
  /** Observers (and, later, anyone while a document is locked): updates are dropped, not stored or relayed. */
  readonly readOnly: boolean;
  /** Connected with `?acks=1`: told when its updates are durable. Stock clients never ask. */
  readonly wantsAcks: boolean;
  /** Awareness client ids this socket has announced; removed for everyone when it goes. */
  readonly awarenessClients = new Set<number>();
  readonly rate: TokenBucket;
  toldReadOnly = false;

  constructor(init: {
    socket: WebSocket;
    userId: string;
    sessionId: string;
    workshopId: string;
    readOnly: boolean;
    wantsAcks: boolean;
    rate: TokenBucket;
  }) {
    this.socket = init.socket;
    this.workshopId = init.workshopId;
    this.rate = init.rate;
    this.userId = init.userId;
    this.sessionId = init.sessionId;
    this.readOnly = init.readOnly;
    this.wantsAcks = init.wantsAcks;
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
