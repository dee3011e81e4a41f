import { EditorState } from '@tiptap/pm/state';
import { initProseMirrorDoc, updateYFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { richTextSchema } from './schema.ts';

/**
 * These tests drive the real Yjs ↔ ProseMirror binding the editors use (@tiptap/y-tiptap, as
 * patched in patches/): `initProseMirrorDoc` is what an editor does when it opens a field and
 * `updateYFragment` is what it does after every local edit. Without the patch both delete
 * elements and text whose node or mark the schema does not know (issue #8 finding 10).
 */

/** A field as another client version would write it: an unknown block, inline node and mark. */
function foreignField(): { doc: Y.Doc; field: Y.XmlFragment } {
  const doc = new Y.Doc();
  const field = doc.getXmlFragment('field');
  doc.transact(() => {
    const first = new Y.XmlElement('paragraph');
    first.insert(0, [new Y.XmlText('Tavoite ')]);
    const mention = new Y.XmlElement('mention');
    mention.setAttribute('id', 'user-7');
    mention.insert(0, [new Y.XmlText('@Aino')]);
    first.insert(1, [mention]);
    const marked = new Y.XmlText();
    marked.insert(0, 'huomio', { comment: { thread: 't1' }, bold: {} });
    first.insert(2, [marked]);

    const callout = new Y.XmlElement('callout');
    callout.setAttribute('tone', 'warning');
    const inner = new Y.XmlElement('paragraph');
    inner.insert(0, [new Y.XmlText('Älä poista')]);
    callout.insert(0, [inner]);

    const last = new Y.XmlElement('paragraph');
    last.setAttribute('futureAlign', 'center');
    last.insert(0, [new Y.XmlText('Loppu')]);
    field.insert(0, [first, callout, last]);
  });
  return { doc, field };
}

function serialised(field: Y.XmlFragment): string {
  return field.toJSON();
}

describe('unknown rich-text content in the real Yjs binding', () => {
  it('opening a field keeps unknown nodes, marks and attributes in the Y document', () => {
    const { field } = foreignField();
    const before = serialised(field);
    const { doc: pmDoc } = initProseMirrorDoc(field, richTextSchema());
    expect(serialised(field)).toBe(before);
    // Shown as read-only placeholders with their text.
    const shown = pmDoc.textBetween(0, pmDoc.content.size, '|', (leaf) => String(leaf.attrs['text'] ?? ''));
    expect(shown).toBe('Tavoite @Ainohuomio|Älä poista|Loppu');
    const types: string[] = [];
    pmDoc.descendants((node) => void types.push(node.type.name));
    expect(types).toContain('preservedBlock');
    expect(types).toContain('preservedInline');
    const marks = new Set<string>();
    pmDoc.descendants((node) => node.marks.forEach((mark) => marks.add(mark.type.name)));
    expect([...marks].sort()).toEqual(['bold', 'preservedMark']);
  });

  it('a local edit writes back around unknown content without deleting or changing it', () => {
    const { doc, field } = foreignField();
    const { doc: pmDoc, meta } = initProseMirrorDoc(field, richTextSchema());
    const state = EditorState.create({ doc: pmDoc });
    // Type at the end of the last paragraph, then also re-create the whole document (as after
    // a remote re-render) so that nothing is matched by identity.
    const edited = state.apply(state.tr.insertText('!', pmDoc.content.size - 1)).doc;
    updateYFragment(doc, field, edited, meta);
    const rebuilt = richTextSchema().nodeFromJSON(edited.toJSON());
    updateYFragment(doc, field, rebuilt, meta);

    const [first, callout, last] = field.toArray() as Y.XmlElement[];
    expect(field.length).toBe(3);
    expect(callout?.nodeName).toBe('callout');
    expect(callout?.getAttribute('tone')).toBe('warning');
    expect(callout?.toString()).toBe('<callout tone="warning"><paragraph>Älä poista</paragraph></callout>');
    const mention = first?.toArray()[1] as Y.XmlElement;
    expect(mention.nodeName).toBe('mention');
    expect(mention.getAttribute('id')).toBe('user-7');
    const marked = first?.toArray()[2] as Y.XmlText;
    expect(marked.toDelta()).toEqual([{ insert: 'huomio', attributes: { comment: { thread: 't1' }, bold: {} } }]);
    expect(last?.getAttribute('futureAlign')).toBe('center');
    expect(richTextOf(last)).toBe('Loppu!');
  });

  it('unknown content that arrives later is kept too', () => {
    const doc = new Y.Doc();
    const field = doc.getXmlFragment('field');
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Alku')]);
    field.insert(0, [paragraph]);
    const opened = initProseMirrorDoc(field, richTextSchema());

    const embed = new Y.XmlElement('embed');
    embed.setAttribute('src', 'x');
    field.insert(1, [embed]);
    const reopened = initProseMirrorDoc(field, richTextSchema());
    updateYFragment(doc, field, reopened.doc, opened.meta);
    expect(field.toString()).toBe('<paragraph>Alku</paragraph><embed src="x"></embed>');
  });
});

function richTextOf(element: Y.XmlElement | undefined): string {
  return (element?.toArray() ?? []).map((child) => (child instanceof Y.XmlText ? child.toString() : '')).join('');
}
