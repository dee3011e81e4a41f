import { Mark, Node, mergeAttributes } from '@tiptap/core';

/**
 * Placeholders for rich text this schema does not know: an element or text format written by
 * another client version or a raw Yjs client. The patched Yjs binding (patches/@tiptap__y-tiptap)
 * turns such content into these types instead of deleting it, and writes it back unchanged, so
 * opening a document never destroys what another client wrote (issue #8 finding 10).
 *
 * They are shown as plain text, read-only, and are never produced by parsing HTML or by commands.
 */
export const PRESERVED_BLOCK = 'preservedBlock';
export const PRESERVED_INLINE = 'preservedInline';
export const PRESERVED_MARK = 'preservedMark';

const preservedNodeAttributes = {
  /** The original Y.XmlElement's name. */
  yNodeName: { default: '', rendered: false },
  /** The original element's attributes, written back as they were. */
  yAttributes: { default: {}, rendered: false },
  /** The element's text, shown in place of content the editor cannot show. */
  text: { default: '', rendered: false },
} as const;

function renderPreserved(tag: 'div' | 'span') {
  return ({ node, HTMLAttributes }: { node: { attrs: Record<string, unknown> }; HTMLAttributes: Record<string, unknown> }) =>
    [
      tag,
      mergeAttributes(HTMLAttributes, {
        'data-preserved': String(node.attrs['yNodeName']),
        class: 'preserved-content',
        contenteditable: 'false',
      }),
      String(node.attrs['text'] ?? ''),
    ] as [string, Record<string, unknown>, string];
}

/** An unknown block element (child of the document, a list item, or another block). */
export const PreservedBlock = Node.create({
  name: PRESERVED_BLOCK,
  group: 'block',
  atom: true,
  selectable: true,
  draggable: false,
  addAttributes: () => ({ ...preservedNodeAttributes }),
  parseHTML: () => [],
  renderHTML: renderPreserved('div'),
  renderText: ({ node }) => String(node.attrs['text'] ?? ''),
});

/** An unknown element inside a paragraph. */
export const PreservedInline = Node.create({
  name: PRESERVED_INLINE,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  addAttributes: () => ({ ...preservedNodeAttributes }),
  parseHTML: () => [],
  renderHTML: renderPreserved('span'),
  renderText: ({ node }) => String(node.attrs['text'] ?? ''),
});

/**
 * An unknown text format. `yMarkKey` is the formatting attribute's name in the Y.XmlText (kept
 * exactly, hash suffix included), `value` its value. Several can sit on the same text.
 */
export const PreservedMark = Mark.create({
  name: PRESERVED_MARK,
  excludes: '',
  inclusive: false,
  addAttributes: () => ({
    yMarkKey: { default: '', rendered: false },
    value: { default: null, rendered: false },
  }),
  parseHTML: () => [],
  renderHTML: ({ mark }) => ['span', { 'data-preserved-mark': String(mark.attrs['yMarkKey']) }, 0],
});
