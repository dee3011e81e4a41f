import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { richTextExtensions } from '@yhteispaja/model/richtext-schema';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { PresenceUser } from './presence.ts';

export interface CellEditorOptions {
  /** The element the editor mounts into. */
  element: HTMLElement;
  fragment: Y.XmlFragment;
  /**
   * The document's shared awareness (every editor of the page uses the same one) and the user
   * this page publishes in it: other people's carets are drawn when both are given.
   */
  awareness: Awareness | undefined;
  user: PresenceUser | undefined;
  editable: boolean;
  /** Space-separated ids of the elements that name the field (for a cell, its column and row headers). */
  labelledBy: string;
  describedBy?: string | undefined;
  testid?: string | undefined;
}

/**
 * Another person's caret: a thin line in their colour. Their name is on the cell's presence
 * tag already; a text label here would also become part of the cell's text content.
 */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  caret.setAttribute('aria-hidden', 'true');
  if (typeof user['color'] === 'string' && /^#[0-9a-f]{6}$/i.test(user['color'])) caret.style.borderColor = user['color'];
  return caret;
}

/**
 * A small Tiptap editor bound to one rich-text field (a goal-table cell, a section or stage field),
 * with the shared schema of `@yhteispaja/model/richtext-schema`. Undo is per cell (Collaboration's
 * Yjs undo manager).
 *
 * Tab and Shift+Tab always move focus to the next/previous control, as in any form, instead of
 * indenting list items: a table of editors must never trap the keyboard.
 */
export function createCellEditor(options: CellEditorOptions): Editor {
  const attributes: Record<string, string> = {
    role: 'textbox',
    // Styled as the static view of the same field (RichTextField.svelte).
    class: 'rich-text-body',
    'aria-multiline': 'true',
    'aria-labelledby': options.labelledBy,
    spellcheck: 'true',
  };
  if (options.describedBy) attributes['aria-describedby'] = options.describedBy;
  if (options.testid) attributes['data-testid'] = options.testid;
  const { awareness, user } = options;

  const editor = new Editor({
    element: options.element,
    editable: options.editable,
    extensions: [
      // The shared schema (packages/model): also keeps content this version does not know.
      ...richTextExtensions(),
      Collaboration.configure({ fragment: options.fragment }),
      ...(awareness && user ? [CollaborationCaret.configure({ provider: { awareness }, user, render: renderCaret })] : []),
    ],
    editorProps: { attributes },
  });

  const keepTabForFocus = (event: KeyboardEvent) => {
    // Capture phase on the wrapper: ProseMirror (on the inner element) never sees the key,
    // and the browser's default focus move still happens.
    if (event.key === 'Tab' && !event.ctrlKey && !event.altKey && !event.metaKey) event.stopPropagation();
  };
  options.element.addEventListener('keydown', keepTabForFocus, true);
  editor.on('destroy', () => options.element.removeEventListener('keydown', keepTabForFocus, true));
  return editor;
}
