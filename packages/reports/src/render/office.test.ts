import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderReport } from '../index.ts';
import { hostileText, sampleInput } from '../testing/fixture.ts';

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
/** The visible text of an XML part: tags dropped, entities decoded. */
const visible = (xml: string) =>
  xml.replace(/<[^>]+>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe('DOCX report', () => {
  it('has heading styles, repeated table header rows, the language, the text and fixed dates', async () => {
    const input = sampleInput();
    const files = unzipSync((await renderReport(input, 'docx', 'sv')).bytes);
    const document = text(files['word/document.xml']);
    expect(document).toContain('<w:pStyle w:val="Title"/>');
    expect(document).toContain('<w:pStyle w:val="Heading1"/>');
    expect(document).toContain('<w:pStyle w:val="Heading2"/>');
    expect(document).toContain('<w:tblHeader/>');
    expect(text(files['word/styles.xml'])).toContain('<w:lang w:val="sv-FI"/>');
    const body = visible(document);
    expect(body).toContain(hostileText);
    expect(body).toContain('Förverkligad');
    expect(body).toContain('Äijä Öhman, Åsa Ek');
    expect(body).toContain('Framstegsmatris');
    expect(document).not.toContain('<script>');
    expect(text(files['docProps/core.xml'])).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2021-11-15T12:30:00Z</dcterms:created>');
    expect(Object.keys(files).some((name) => name.startsWith('word/media/') && name.endsWith('.png'))).toBe(true);
    expect(document).toMatch(/descr="[^"]*Tunnistaminen/);
  });
});

describe('ODT report', () => {
  it('stores mimetype first, has outline headings, header rows, language and the text', async () => {
    const { bytes } = await renderReport(sampleInput(), 'odt', 'fi');
    // The first local file header names `mimetype`, stored (method 0), so tools can sniff the type.
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint16(8, true)).toBe(0);
    expect(text(bytes.subarray(30, 38))).toBe('mimetype');
    expect(text(bytes.subarray(38, 38 + 39))).toBe('application/vnd.oasis.opendocument.text');
    const files = unzipSync(bytes);
    const content = text(files['content.xml']);
    expect(content).toContain('<text:h text:style-name="PartHeading" text:outline-level="1">');
    expect(content).toContain('text:outline-level="2"');
    expect(content).toContain('<table:table-header-rows>');
    expect(text(files['styles.xml'])).toContain('fo:language="fi" fo:country="FI"');
    expect(text(files['meta.xml'])).toContain('<dc:language>fi-FI</dc:language>');
    expect(text(files['meta.xml'])).toContain('<meta:creation-date>2021-11-15T12:30:00</meta:creation-date>');
    expect(visible(content)).toContain(hostileText);
    expect(visible(content)).toContain('Toteutunut osittain');
    expect(content).not.toContain('<script>');
    expect(text(files['META-INF/manifest.xml'])).toContain('Pictures/image1.png');
    expect(files['Pictures/image1.png']!.subarray(1, 4)).toEqual(new TextEncoder().encode('PNG'));
  });
});
