import * as Y from 'yjs';

/** A mark on a text run (bold, italic, link, or any mark a newer editor adds). */
export interface RichMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface RichTextNode {
  type: 'text';
  text: string;
  marks?: RichMark[];
}

export interface RichElementNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: RichNode[];
}

/**
 * One node of rich text, ProseMirror-JSON-like. Node and mark types the model does not know are
 * kept as they are: renderers print their text.
 */
export type RichNode = RichTextNode | RichElementNode;
export type RichText = RichNode[];

export function isRichTextNode(node: RichNode): node is RichTextNode {
  return node.type === 'text' && typeof (node as RichTextNode).text === 'string';
}

/**
 * Elements nested deeper than this are cut: their text becomes one text child. Tiptap documents
 * are a handful of levels deep; a hostile update can nest thousands, and every later consumer
 * (JSON.stringify, renderers, diff) would otherwise have to walk that depth.
 */
export const maxRichDepth = 48;

const blockTypes = new Set(['paragraph', 'heading', 'listItem', 'bulletList', 'orderedList', 'blockquote', 'codeBlock']);

/** Plain text of rich text: one line per block. Iterative, so any depth is safe. */
export function richTextPlain(rt: RichText): string {
  let out = '';
  const stack: { node: RichNode; leaving: boolean }[] = [];
  // Top-level nodes are blocks whatever their type (an unknown node there is a block too).
  for (let i = rt.length - 1; i >= 0; i--) {
    if (!isRichTextNode(rt[i]!) && !blockTypes.has(rt[i]!.type)) stack.push({ node: rt[i]!, leaving: true });
    stack.push({ node: rt[i]!, leaving: false });
  }
  while (stack.length > 0) {
    const { node, leaving } = stack.pop()!;
    if (leaving) {
      if (out.length > 0 && !out.endsWith('\n')) out += '\n';
      continue;
    }
    if (isRichTextNode(node)) {
      out += node.text;
      continue;
    }
    if (node.type === 'hardBreak') {
      out += '\n';
      continue;
    }
    if (blockTypes.has(node.type)) stack.push({ node, leaving: true });
    const content = node.content ?? [];
    for (let i = content.length - 1; i >= 0; i--) stack.push({ node: content[i]!, leaving: false });
  }
  return out.replace(/\n+$/, '');
}

function textRuns(text: Y.XmlText): RichTextNode[] {
  const runs: RichTextNode[] = [];
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof op.insert !== 'string' || op.insert.length === 0) continue;
    const run: RichTextNode = { type: 'text', text: op.insert };
    const marks = Object.entries(op.attributes ?? {})
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([type, attrs]): RichMark => (attrs && typeof attrs === 'object' && Object.keys(attrs).length > 0 ? { type, attrs: plainAttrs(attrs as Record<string, unknown>) } : { type }));
    if (marks.length > 0) run.marks = marks;
    runs.push(run);
  }
  return runs;
}

/** Attribute values reduced to JSON scalars (a hostile update may store anything there). */
function plainAttrs(attrs: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(attrs).sort()) {
    const value = attrs[key];
    if (value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) out[key] = value;
  }
  return out;
}

/** All text below a Yjs XML node, iteratively (used where nesting is cut). */
function flatText(root: Y.XmlElement): string {
  let out = '';
  const stack: (Y.XmlElement | Y.XmlText | Y.XmlHook)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node instanceof Y.XmlText) out += node.toDelta().map((op: { insert: unknown }) => (typeof op.insert === 'string' ? op.insert : '')).join('');
    else if (node instanceof Y.XmlElement) {
      const children = node.toArray();
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  return out;
}

/** A Tiptap Y.XmlFragment as ProseMirror-like JSON. Iterative: a hostile nesting cannot overflow the stack. */
export function fragmentToRichText(fragment: Y.XmlFragment): RichText {
  const root: RichNode[] = [];
  const stack: { node: Y.XmlElement | Y.XmlText | Y.XmlHook; into: RichNode[]; depth: number }[] = [];
  const children = fragment.toArray();
  for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, into: root, depth: 1 });
  while (stack.length > 0) {
    const { node, into, depth } = stack.pop()!;
    if (node instanceof Y.XmlText) {
      into.push(...textRuns(node));
      continue;
    }
    if (!(node instanceof Y.XmlElement)) continue;
    const element: RichElementNode = { type: node.nodeName };
    const attrs = plainAttrs(node.getAttributes() as Record<string, unknown>);
    if (Object.keys(attrs).length > 0) element.attrs = attrs;
    into.push(element);
    if (depth >= maxRichDepth) {
      const text = flatText(node);
      if (text) element.content = [{ type: 'text', text }];
      continue;
    }
    const kids = node.toArray();
    if (kids.length === 0) continue;
    const content: RichNode[] = [];
    element.content = content;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, into: content, depth: depth + 1 });
  }
  return root;
}
