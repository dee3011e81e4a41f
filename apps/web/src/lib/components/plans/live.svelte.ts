import type * as Y from 'yjs';

/**
 * Counters that tell the editors to re-read the document: `structure` on structural changes
 * (items added, moved, removed; statuses, dates, people, channels), `content` on any update
 * (also typing, for labels and the journey map that show text). Bumps are deferred to a
 * microtask, so a write made while reading (an accessor creating a missing field) never mutates
 * state inside a derived, and a burst of changes re-renders once.
 */
export class LiveDoc {
  structure = $state(0);
  content = $state(0);
  #pendingStructure = false;
  #pendingContent = false;

  bumpStructure = (): void => {
    if (this.#pendingStructure) return;
    this.#pendingStructure = true;
    queueMicrotask(() => {
      this.#pendingStructure = false;
      this.structure++;
    });
  };

  bumpContent = (): void => {
    if (this.#pendingContent) return;
    this.#pendingContent = true;
    queueMicrotask(() => {
      this.#pendingContent = false;
      this.content++;
    });
  };

  /** Start listening; returns the cleanup. */
  listen(doc: Y.Doc, observeStructure: (listener: () => void) => () => void): () => void {
    const stop = observeStructure(this.bumpStructure);
    const onUpdate = () => this.bumpContent();
    doc.on('update', onUpdate);
    return () => {
      stop();
      doc.off('update', onUpdate);
    };
  }
}
