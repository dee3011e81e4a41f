/**
 * Fan-out between server instances. With one instance it is a no-op; with REDIS_URL every
 * instance publishes what its clients send (after storing it) and applies what others publish.
 * It carries no durability: the store has every update before it is published, and an instance
 * that missed messages catches up from the store.
 */
export interface DocumentSubscriber {
  /** A Yjs update another instance stored and applied. */
  update(update: Uint8Array): void;
  /** An awareness update from another instance's clients. */
  awareness(update: Uint8Array): void;
}

export type ControlMessage =
  | { type: 'session-ended'; sessionId: string }
  /** A user's role in a workshop changed or was removed: their sockets there reconnect under the new rights. */
  | { type: 'access-changed'; userId: string; workshopId: string }
  /** A workshop's documents were erased (retention): close every socket on them. */
  | { type: 'workshop-erased'; workshopId: string };

export interface Fanout {
  readonly kind: 'local' | 'redis';
  /** Start receiving a document's messages; resolves once the subscription is active. */
  subscribe(documentId: string, subscriber: DocumentSubscriber): Promise<() => Promise<void>>;
  publishUpdate(documentId: string, update: Uint8Array): void;
  publishAwareness(documentId: string, update: Uint8Array): void;
  /** Tell every instance, this one included. */
  publishControl(message: ControlMessage): void;
  onControl(listener: (message: ControlMessage) => void): void;
  /** Called after a lost connection came back: messages may have been missed meanwhile. */
  onReconnect(listener: () => void): void;
  ping(): Promise<void>;
  close(): Promise<void>;
}
