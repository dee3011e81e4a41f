import { getContext, setContext } from 'svelte';

export interface LinkTargetDocument {
  documentId: string;
  type: string | undefined;
  title: string | undefined;
  items: { itemId: string; kind: string; label: string }[];
}

/**
 * The items of the workshop's documents that an item here can link to (traceability), loaded
 * from GET /api/workshops/:id/items. One per document page, shared with every link picker on it.
 */
export class LinkTargets {
  workshopId: string;
  documentId: string;
  documents = $state.raw<LinkTargetDocument[]>([]);
  #loading: Promise<void> | undefined;

  constructor(workshopId: string, documentId: string) {
    this.workshopId = workshopId;
    this.documentId = documentId;
  }

  /** The page moved to another document (the component stays): follow it. */
  retarget(workshopId: string, documentId: string): void {
    if (workshopId !== this.workshopId) this.documents = [];
    this.workshopId = workshopId;
    this.documentId = documentId;
  }

  /** (Re)load the targets; concurrent calls share one request. */
  load(): Promise<void> {
    this.#loading ??= fetch(`/api/workshops/${encodeURIComponent(this.workshopId)}/items`, { credentials: 'same-origin' })
      .then(async (response) => {
        if (response.ok) this.documents = (await response.json()) as LinkTargetDocument[];
      })
      .catch(() => {})
      .finally(() => {
        this.#loading = undefined;
      });
    return this.#loading;
  }

  /** A linked item's label and document title, if it is in this workshop. */
  describe(documentId: string, itemId: string): { label: string; title: string } | undefined {
    const document = this.documents.find((d) => d.documentId === documentId);
    const item = document?.items.find((i) => i.itemId === itemId);
    return document && item ? { label: item.label, title: document.title ?? '' } : undefined;
  }
}

const key = Symbol('link-targets');

export function provideLinkTargets(targets: LinkTargets): LinkTargets {
  return setContext(key, targets);
}

/** The page's link targets; undefined outside a document page (the picker then hides). */
export function linkTargets(): LinkTargets | undefined {
  return getContext<LinkTargets | undefined>(key);
}
