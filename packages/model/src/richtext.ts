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

function nodeText(node: Y.XmlElement | Y.XmlText | Y.XmlHook): string {
  if (node instanceof Y.XmlText) return node.toString().replace(/<[^>]+>/g, '');
  if (node instanceof Y.XmlElement) {
    const parts = node.toArray().map((child) => nodeText(child as Y.XmlElement | Y.XmlText));
    const blockish = ['bulletList', 'orderedList', 'listItem'];
    return parts.join(blockish.includes(node.nodeName) ? '\n' : '');
  }
  return '';
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
