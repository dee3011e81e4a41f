import type * as Y from 'yjs';
import type { Connection } from '../connection.ts';
import type { Room } from '../room.ts';

/** What one incoming frame turned out to be, once the decode step has read its envelope. */
export type SyncMessage =
  | { kind: 'sync-step-1'; stateVector: Uint8Array }
  /** A sync step 2 or an update: both carry a Yjs update that changes the document. */
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' };

/** One frame on its way through the pipeline. Steps read it and may narrow `message`. */
export interface FrameContext {
  readonly room: Room;
  readonly connection: Connection;
  readonly frame: Uint8Array;
  /** Set by the decode step; every later step may rely on it. */
  message?: SyncMessage;
  /** An update's structs and deletions, parsed once by the well-formed step for the steps after it. */
  decoded?: DecodedUpdate;
}

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** A document-changing frame past the receive phase: what the commit phase works on. */
export interface UpdateContext {
  readonly room: Room;
  readonly connection: Connection;
  readonly update: Uint8Array;
}

/** `stop` ends this frame's way through the pipeline (answered, refused or dropped). */
export type Verdict = 'continue' | 'stop';

/**
 * A step run as the frame arrives, synchronously, in arrival order. Receive steps decide and
 * answer; they never wait, so one slow frame cannot reorder the room's updates.
 */
export interface ReceiveStep {
  readonly name: string;
  receive(context: FrameContext): Verdict;
}

/**
 * A step run in the room's queue for document updates only, one update at a time, in the
 * order the updates were received. Later steps see what earlier ones committed.
 */
export interface CommitStep {
  readonly name: string;
  commit(context: UpdateContext): Verdict | Promise<Verdict>;
  /**
   * Optional: the whole batch of one room at once (updates of one turn, in arrival order), one
   * verdict each. Without it the runner calls `commit` for each update in order. Persist uses it
   * for group commit; acknowledge to send one ack per connection.
   */
  commitBatch?(contexts: readonly UpdateContext[]): Verdict[] | Promise<Verdict[]>;
}

/** A frame that is not ours to accept: the socket is closed with the malformed-message code. */
export class MalformedMessageError extends Error {}

/** The update a receive step works on; throws if called on a frame that carries none. */
export function updateOf(context: FrameContext): Uint8Array {
  if (context.message?.kind !== 'update') throw new Error(`expected an update, got ${context.message?.kind ?? 'nothing'}`);
  return context.message.update;
}
