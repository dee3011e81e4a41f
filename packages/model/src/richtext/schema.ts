import { getSchema, type AnyExtension } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';
import { PreservedBlock, PreservedInline, PreservedMark } from './preserved.ts';

/**
 * The rich-text schema of every field (goal-table cells, plan sections, stage notes): paragraphs,
 * bullet and ordered lists, bold/italic/underline/strike, hard breaks — plus placeholders that keep
 * content this version does not know. The editors, the server and the report renderers all build
 * their schema from this list (no node views here: those belong to the web app).
 */
export function richTextExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      // Undo is Yjs's (the Collaboration extension's), per field.
      undoRedo: false,
      heading: false,
      codeBlock: false,
      code: false,
      blockquote: false,
      horizontalRule: false,
      link: false,
      // Would write an extra paragraph into shared fields just by opening them.
      trailingNode: false,
    }),
    PreservedBlock,
    PreservedInline,
    PreservedMark,
  ];
}

let cachedSchema: Schema | undefined;

/** The ProseMirror schema built from {@link richTextExtensions} (built once). */
export function richTextSchema(): Schema {
  cachedSchema ??= getSchema(richTextExtensions());
  return cachedSchema;
}
