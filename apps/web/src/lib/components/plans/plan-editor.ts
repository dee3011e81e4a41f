import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import StarterKit from '@tiptap/starter-kit';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { PresenceUser } from '../../editor/presence.ts';

/**
 * A small Tiptap editor bound to one rich-text field of an action plan or service path, as
 * `createCellEditor` does for goal-table cells. Other people's carets are shown when the page
 * passes its awareness and has published this user in it; without that the editor still works.
 */
export interface PlanEditorOptions {
  element: HTMLElement;
  fragment: Y.XmlFragment;
  awareness: Awareness | undefined;
  editable: boolean;
  labelledBy: string;
  testid?: string | undefined;
}

function renderCaret(user: Record<string, unknown>): HTMLElement {
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  caret.setAttribute('aria-hidden', 'true');
  if (typeof user['color'] === 'string' && /^#[0-9a-f]{6}$/i.test(user['color'])) caret.style.borderColor = user['color'];
  return caret;
}

/** The user this page publishes in the awareness (set by the document session), if any. */
function localUser(awareness: Awareness | undefined): PresenceUser | undefined {
  const user = awareness?.getLocalState()?.['user'] as Partial<PresenceUser> | undefined;
  if (!user || typeof user.name !== 'string') return undefined;
  return { id: String(user.id ?? user.name), name: user.name, color: typeof user.color === 'string' ? user.color : '#4a5565' };
}

export function createPlanEditor(options: PlanEditorOptions): Editor {
  const attributes: Record<string, string> = {
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-labelledby': options.labelledBy,
    spellcheck: 'true',
  };
  if (options.testid) attributes['data-testid'] = options.testid;
  const user = localUser(options.awareness);
  const editor = new Editor({
    element: options.element,
    editable: options.editable,
    extensions: [
      StarterKit.configure({
        undoRedo: false,
        heading: false,
        codeBlock: false,
        code: false,
        blockquote: false,
        horizontalRule: false,
        link: false,
        trailingNode: false,
      }),
      Collaboration.configure({ fragment: options.fragment }),
      ...(options.awareness && user
        ? [CollaborationCaret.configure({ provider: { awareness: options.awareness }, user, render: renderCaret })]
        : []),
    ],
    editorProps: { attributes },
  });

  // Tab moves focus to the next control instead of indenting lists: never trap the keyboard.
  const keepTabForFocus = (event: KeyboardEvent) => {
    if (event.key === 'Tab' && !event.ctrlKey && !event.altKey && !event.metaKey) event.stopPropagation();
  };
  options.element.addEventListener('keydown', keepTabForFocus, true);
  editor.on('destroy', () => options.element.removeEventListener('keydown', keepTabForFocus, true));
  return editor;
}

/**
 * Apply the change from `before` to `after` to a Y.Text as one delete and one insert around
 * their common prefix and suffix, so concurrent typing elsewhere in the text is kept.
 */
export function applyTextDiff(text: Y.Text, after: string): void {
  const before = text.toString();
  if (before === after) return;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  const apply = () => {
    if (endBefore > start) text.delete(start, endBefore - start);
    if (endAfter > start) text.insert(start, after.slice(start, endAfter));
  };
  if (text.doc) text.doc.transact(apply);
  else apply();
}
