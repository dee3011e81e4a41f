import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { richTextToHtml } from './html.ts';

function field(build: (fragment: Y.XmlFragment) => void): Y.XmlFragment {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('f');
  doc.transact(() => build(fragment));
  return fragment;
}

function paragraph(...children: (Y.XmlElement | Y.XmlText)[]): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.insert(0, children);
  return element;
}

describe('richTextToHtml', () => {
  it('renders paragraphs, lists, marks and line breaks', () => {
    const fragment = field((f) => {
      const text = new Y.XmlText();
      text.insert(0, 'Asiakas ');
      text.insert(8, 'ensin', { bold: {}, italic: {} });
      const list = new Y.XmlElement('bulletList');
      const item = new Y.XmlElement('listItem');
      item.insert(0, [paragraph(new Y.XmlText('yksi'))]);
      list.insert(0, [item]);
      f.insert(0, [paragraph(text, new Y.XmlElement('hardBreak'), new Y.XmlText('rivi')), list, paragraph()]);
    });
    expect(richTextToHtml(fragment)).toBe('<p>Asiakas <strong><em>ensin</em></strong><br>rivi</p><ul><li><p>yksi</p></li></ul><p></p>');
  });

  it('escapes text and never writes attributes or tags from the document', () => {
    const fragment = field((f) => {
      const hostile = new Y.XmlElement('img');
      hostile.setAttribute('onerror', 'alert(1)');
      hostile.insert(0, [new Y.XmlText('<script>x</script>')]);
      const p = new Y.XmlElement('paragraph');
      p.setAttribute('style', 'background:url(x)');
      p.insert(0, [new Y.XmlText(`"'&<b>`), hostile]);
      f.insert(0, [p]);
    });
    expect(richTextToHtml(fragment)).toBe(
      '<p>&quot;&#39;&amp;&lt;b&gt;<span class="preserved-content">&lt;script&gt;x&lt;/script&gt;</span></p>',
    );
  });

  it('shows unknown blocks and marks as their text, and overlapping marks by name', () => {
    const fragment = field((f) => {
      const callout = new Y.XmlElement('callout');
      callout.insert(0, [paragraph(new Y.XmlText('Huom'))]);
      const text = new Y.XmlText();
      text.insert(0, 'x', { comment: { id: 1 }, 'underline--abcdefgh': {} });
      f.insert(0, [callout, paragraph(text)]);
    });
    expect(richTextToHtml(fragment)).toBe('<div class="preserved-content">Huom</div><p><u>x</u></p>');
  });
});
