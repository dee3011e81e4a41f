import type { Editor } from '@tiptap/core';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { createCellEditor } from '../../editor/cell-editor.ts';
import type { PresenceUser } from '../../editor/presence.ts';

export interface PlanEditorOptions {
  element: HTMLElement;
  fragment: Y.XmlFragment;
  awareness: Awareness | undefined;
  editable: boolean;
  labelledBy: string;
  testid?: string | undefined;
}

/** The user this page publishes in the awareness (set by the document session), if any. */
function localUser(awareness: Awareness | undefined): PresenceUser | undefined {
  const user = awareness?.getLocalState()?.['user'] as Partial<PresenceUser> | undefined;
  if (!user || typeof user.name !== 'string') return undefined;
  return { id: String(user.id ?? user.name), name: user.name, color: typeof user.color === 'string' ? user.color : '#4a5565' };
}

/**
 * The goal-table cell editor, bound to a rich-text field of an action plan or service path.
 * Other people's carets are shown when the page has published this user in the awareness.
 */
export function createPlanEditor(options: PlanEditorOptions): Editor {
  return createCellEditor({ ...options, user: localUser(options.awareness) });
}
