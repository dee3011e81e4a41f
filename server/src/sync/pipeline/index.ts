import type { Connection } from '../connection.ts';
import type { Room } from '../room.ts';
import { acknowledge } from './acknowledge.ts';
import { answerReads } from './answer-reads.ts';
import { applyAndRelay } from './apply-and-relay.ts';
import { attribute } from './attribute.ts';
import { awareness } from './awareness.ts';
import { checkpoint } from './checkpoint.ts';
import { compact } from './compact.ts';
import { decode } from './decode.ts';
import { depthLimit } from './depth-limit.ts';
import { persist } from './persist.ts';
import { rateLimit } from './rate-limit.ts';
import { sizeLimit } from './size-limit.ts';
import type { CommitStep, FrameContext, ReceiveStep, UpdateContext } from './types.ts';
import { MalformedMessageError, updateOf } from './types.ts';
import { wellFormed } from './well-formed.ts';
import { writeGate } from './write-gate.ts';

export { MalformedMessageError } from './types.ts';
export type { CommitStep, FrameContext, ReceiveStep, SyncMessage, UpdateContext, Verdict } from './types.ts';

/**
 * The sync server's architecture, in order. Every frame a socket sends goes through the receive
 * steps as it arrives; a step answers, refuses or passes it on. A document update that passes
 * them all joins the room's next batch (every update of one event-loop turn, or that arrived while
 * the previous batch was committing); the batch goes through the commit steps in the room's queue,
 * in arrival order: stored first (one transaction for the batch: group commit), then applied and
 * relayed (one merged frame), then acknowledged. Reads and presence never queue.
 */
export interface SyncPipeline {
  readonly receive: readonly ReceiveStep[];
  readonly commit: readonly CommitStep[];
}

export const defaultPipeline: SyncPipeline = {
  receive: [
    decode, // the envelope: which message, which payload
    rateLimit, // a runaway socket is closed
    answerReads, // sync step 1 and awareness queries are answered here
    awareness, // presence is applied and relayed here
    writeGate, // from here on: document updates only; may this connection write now?
    wellFormed, // a malformed update never reaches the store
    depthLimit, // nor one that nests deeper than any load or walk can handle
    sizeLimit, // the document's ceiling
  ],
  commit: [
    attribute, // new client ids claimed for the sender; another user's ids refused
    persist, // appended to the store (durable) ...
    applyAndRelay, // ... before anyone sees it
    acknowledge, // the durable ack for clients that asked
    compact, // now and then, merge the log in the background
    checkpoint, // after ten minutes of activity, a checkpoint for the document's history
  ],
};

/**
 * Run one frame through `pipeline`. Throws MalformedMessageError for frames that are not ours
 * to accept (the caller closes the socket); any other failure of a receive step counts as malformed too.
 */
export function receiveFrame(pipeline: SyncPipeline, room: Room, connection: Connection, frame: Uint8Array): void {
  const context: FrameContext = { room, connection, frame };
  for (const step of pipeline.receive) {
    if (runReceiveStep(step, context) === 'stop') return;
  }
  room.submit({ room, connection, update: updateOf(context) });
}

/**
 * Run one room's batch through the commit steps, step by step; an update a step stops (refused,
 * or its sender closed) goes no further. Updates keep their order within every step.
 */
export async function commitBatch(pipeline: SyncPipeline, batch: readonly UpdateContext[]): Promise<void> {
  let alive = batch;
  for (const step of pipeline.commit) {
    if (alive.length === 0) return;
    if (step.commitBatch) {
      const verdicts = await step.commitBatch(alive);
      alive = alive.filter((_, index) => verdicts[index] !== 'stop');
      continue;
    }
    const next: UpdateContext[] = [];
    for (const context of alive) if ((await step.commit(context)) !== 'stop') next.push(context);
    alive = next;
  }
}

function runReceiveStep(step: ReceiveStep, context: FrameContext) {
  try {
    return step.receive(context);
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error;
    throw new MalformedMessageError(error instanceof Error ? error.message : String(error));
  }
}
