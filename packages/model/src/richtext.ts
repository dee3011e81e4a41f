import * as Y from 'yjs';

/**
 * Plain text of a rich-text cell (a Y.XmlFragment written by Tiptap), one line per block.
 * Used by tests, imports and reports; the editor itself reads the fragment directly.
 */
export function richTextToPlain(fragment: Y.XmlFragment): string {
  const blocks: string[] = [];
  for (const child of fragment.toArray()) blocks.push(nodeText(child));
  return blocks.join('\n');
}

const blockish = new Set(['bulletList', 'orderedList', 'listItem']);

/** Plain text of one node. Iterative: a stored document may nest deeper than the call stack allows. */
function nodeText(root: Y.XmlElement | Y.XmlText | Y.XmlHook): string {
  if (!(root instanceof Y.XmlElement)) return leafText(root);
  interface Frame {
    separator: string;
    children: (Y.XmlElement | Y.XmlText | Y.XmlHook)[];
    next: number;
    parts: string[];
  }
  const frameOf = (element: Y.XmlElement): Frame => ({
    separator: blockish.has(element.nodeName) ? '\n' : '',
    children: element.toArray() as (Y.XmlElement | Y.XmlText | Y.XmlHook)[],
    next: 0,
    parts: [],
  });
  const stack: Frame[] = [frameOf(root)];
  for (;;) {
    const frame = stack[stack.length - 1]!;
    const child = frame.children[frame.next++];
    if (child === undefined) {
      const text = frame.parts.join(frame.separator);
      stack.pop();
      if (stack.length === 0) return text;
      stack[stack.length - 1]!.parts.push(text);
    } else if (child instanceof Y.XmlElement) stack.push(frameOf(child));
    else frame.parts.push(leafText(child));
  }
}

function leafText(node: Y.XmlText | Y.XmlHook): string {
  return node instanceof Y.XmlText ? node.toString().replace(/<[^>]+>/g, '') : '';
}

/** Replace a cell's content with paragraphs of plain text (one per line), as Tiptap would lay them. */
export function setPlainText(fragment: Y.XmlFragment, text: string): void {
  const doc = fragment.doc;
  const write = () => {
    fragment.delete(0, fragment.length);
    const paragraphs = text.split('\n').map((line) => {
      const paragraph = new Y.XmlElement('paragraph');
      if (line.length > 0) paragraph.insert(0, [new Y.XmlText(line)]);
      return paragraph;
    });
    fragment.insert(0, paragraphs);
  };
  if (doc) doc.transact(write);
  else write();
}
