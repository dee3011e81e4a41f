import type { WebSocket } from 'ws';
import { closeCode } from '@yhteispaja/model';
import type { TokenBucket } from './rate-limit.ts';

/** Separate budgets per kind of frame: edits, answered reads (sync step 1, queries) and presence. */
export interface ConnectionRates {
  edits: TokenBucket;
  /** A sync step 1 makes the server send what the client lacks, possibly the whole document. */
  reads?: TokenBucket;
  awareness?: TokenBucket;
}

/** One client socket in a room, with what the server decided about it at connect time. */
export class Connection {
  readonly socket: WebSocket;
  readonly userId: string;
  /** Shown to the others in presence; set by the server, whatever the client claims. */
  readonly userName: string;
  readonly sessionId: string;
  /** The workshop of the document, for closing sockets when the user's rights there change. */
  readonly workshopId: string;
  /** Observers: told at join that their updates are dropped, not stored or relayed. */
  readonly readOnly: boolean;
  /** Connected with `?acks=1`: told when its updates are durable. Stock clients never ask. */
  readonly wantsAcks: boolean;
  /** Awareness client ids this socket has announced; removed for everyone when it goes. */
  readonly awarenessClients = new Set<number>();
  /** The edit budget (every frame counts against it); `reads` and `awareness` are extra budgets. */
  readonly rate: TokenBucket;
  readonly rates: ConnectionRates;
  /** May clean up a document (facilitators): their deletions and edits pass the size ceiling's headroom. */
  readonly canCleanUp: boolean;
  /** Beyond this many bytes waiting to be sent, the socket is a slow consumer and is closed. */
  readonly maxBufferedBytes: number;
  /** Called once when the socket is closed for not reading (for metrics). */
  onSlowConsumer: (() => void) | undefined;
  toldReadOnly = false;
  /** Set once the rate limit closed the socket: later frames are ignored without a log line each. */
  rateLimited = false;
  private readonly writeGate: ((update: Uint8Array) => boolean) | undefined;

  constructor(init: {
    socket: WebSocket;
    userId: string;
    sessionId: string;
    workshopId: string;
    readOnly: boolean;
    wantsAcks: boolean;
    rate: TokenBucket | ConnectionRates;
    userName?: string;
    canCleanUp?: boolean;
    /** @default Infinity */
    maxBufferedBytes?: number;
    /** Asked per update by the pipeline's write gate, so it may read live state (locks); default: not read-only. */
    canWrite?: (update: Uint8Array) => boolean;
  }) {
    this.writeGate = init.canWrite;
    this.socket = init.socket;
    this.workshopId = init.workshopId;
    this.rates = 'edits' in init.rate ? init.rate : { edits: init.rate };
    this.rate = this.rates.edits;
    this.userName = init.userName ?? '';
    this.canCleanUp = init.canCleanUp ?? false;
    this.maxBufferedBytes = init.maxBufferedBytes ?? Number.POSITIVE_INFINITY;
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
    // A socket that does not read would make the server hold everything sent to it: close it
    // instead (4504, transient: the client reconnects and syncs what it missed).
    if (this.socket.bufferedAmount > this.maxBufferedBytes) {
      this.onSlowConsumer?.();
      this.onSlowConsumer = undefined;
      this.close(closeCode.slowConsumer, 'slow consumer');
      return;
    }
    this.socket.send(message, (error) => {
      if (error) this.socket.terminate();
    });
  }

  close(code: number, reason: string): void {
    if (this.socket.readyState === this.socket.CLOSED || this.socket.readyState === this.socket.CLOSING) return;
    this.socket.close(code, reason);
  }
}
