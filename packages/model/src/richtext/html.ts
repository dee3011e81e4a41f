import * as Y from 'yjs';

/**
 * Static HTML of a rich-text field (a Y.XmlFragment written by the editor), for showing every
 * field that is not being edited without a live editor. Only the schema's own elements and marks
 * become tags; every text is escaped, no attribute from the document is ever written, and
 * content the schema does not know shows as its plain text (as the editor shows it).
 */
export function richTextToHtml(fragment: Y.XmlFragment): string {
  let html = '';
  for (const child of fragment.toArray()) html += nodeHtml(child, true);
  return html;
}

const blockTags: Readonly<Record<string, string>> = {
  paragraph: 'p',
  bulletList: 'ul',
  orderedList: 'ol',
  listItem: 'li',
};

/** Marks in a fixed nesting order, so equal formatting always gives equal HTML. */
const markTags: readonly (readonly [string, string])[] = [
  ['bold', 'strong'],
  ['italic', 'em'],
  ['underline', 'u'],
  ['strike', 's'],
];

const escapes: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for an HTML text node or attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => escapes[char]!);
}

function nodeHtml(node: Y.XmlElement | Y.XmlText | Y.XmlHook, blockLevel: boolean): string {
  if (node instanceof Y.XmlText) return textHtml(node);
  if (!(node instanceof Y.XmlElement)) return '';
  if (node.nodeName === 'hardBreak') return '<br>';
  const tag = blockTags[node.nodeName];
  if (tag) {
    const inline = tag === 'p';
    let inner = '';
    for (const child of node.toArray()) inner += nodeHtml(child as Y.XmlElement | Y.XmlText, !inline);
    return `<${tag}>${inner}</${tag}>`;
  }
  // Unknown to this version: its text, marked as kept content (see preserved.ts).
  const text = escapeHtml(plainTextOf(node));
  return blockLevel ? `<div class="preserved-content">${text}</div>` : `<span class="preserved-content">${text}</span>`;
}

function textHtml(text: Y.XmlText): string {
  let html = '';
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof op.insert !== 'string') continue;
    let piece = escapeHtml(op.insert);
    const attributes = op.attributes ?? {};
    for (const [mark, tag] of [...markTags].reverse()) if (hasMark(attributes, mark)) piece = `<${tag}>${piece}</${tag}>`;
    html += piece;
  }
  return html;
}

/** Yjs keeps a mark under its name, or `name--hash` for marks that may overlap. */
function hasMark(attributes: Record<string, unknown>, mark: string): boolean {
  return Object.keys(attributes).some((key) => key === mark || key.startsWith(`${mark}--`));
}

function plainTextOf(node: Y.XmlElement | Y.XmlText | Y.XmlHook): string {
  if (node instanceof Y.XmlText) return (node.toDelta() as { insert: unknown }[]).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
  if (node instanceof Y.XmlElement) return node.toArray().map((child) => plainTextOf(child as Y.XmlElement | Y.XmlText)).join('');
  return '';
}
