import readXlsxFile from 'read-excel-file/node';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderReport } from '../index.ts';
import { formulaText, hostileText, sampleInput } from '../testing/fixture.ts';

const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

describe('HTML report', () => {
  it('is standalone, in the asked language, with every hostile text escaped', async () => {
    const input = sampleInput();
    const { bytes, contentType, fileName } = await renderReport(input, 'html', 'sv');
    const html = decode(bytes);
    expect(contentType).toBe('text/html; charset=utf-8');
    expect(fileName).toBe('perhekeskustyopaja-jyvaskyla-v2-sv.html');
    expect(html).toContain('<html lang="sv-FI">');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>puhelimessa');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).not.toMatch(/src=|href=/);
    // Status: label text and colour together; Swedish labels; table headers.
    expect(html).toContain('<span class="status" style="background:#1d6b35">Förverkligad</span>');
    expect(html).toContain('<th scope="col">Tavoite</th>');
    expect(html).toContain('Framstegsmatris');
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(html).toContain('Pitkät jonot &lt;b&gt;puhelimessa&lt;/b&gt;');
  });
});

describe('HTML report with hostile rich text', () => {
  it('prints unknown nodes and marks as text only, never their attributes', async () => {
    const input = sampleInput();
    const table = input.documents[0]!.content;
    if (table.type !== 'goal-table') throw new Error('fixture changed');
    table.rows[1]!.cells.goal = [
      { type: 'iframe', attrs: { src: 'javascript:alert(1)' }, content: [{ type: 'text', text: 'kehys', marks: [{ type: 'link', attrs: { href: 'javascript:alert(2)' } }] }] },
      { type: 'paragraph', content: [{ type: 'text', text: '<img src=x onerror=alert(3)>' }] },
    ];
    const html = decode((await renderReport(input, 'html', 'fi')).bytes);
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('<iframe');
    expect(html).not.toContain('<img');
    expect(html).toContain('kehys\n&lt;img src=x onerror=alert(3)&gt;');
  });
});

describe('Markdown report', () => {
  it('escapes markup and keeps Finnish and Swedish letters', async () => {
    const md = decode((await renderReport(sampleInput(), 'md', 'fi')).bytes);
    expect(md).toContain('# Perhekeskustyöpaja Jyväskylä');
    expect(md).toContain('\\<script\\>');
    expect(md).not.toContain('<script>');
    expect(md).toContain('\\*bold\\*');
    expect(md).toContain('| Tavoite | Kehittämistehtävä | Tila | Vastuuhenkilöt | Aikataulu |');
    expect(md).toContain('Perhekeskusmallin käyttöönotto');
  });
});

describe('CSV report', () => {
  it('neutralises cells that would be formulas and quotes per RFC 4180', async () => {
    const csv = decode((await renderReport(sampleInput(), 'csv', 'en')).bytes);
    expect(csv.startsWith('\ufeff')).toBe(true);
    const lines = csv.split('\r\n');
    expect(csv).toContain(`\r\n'${formulaText},"Tehtävä 2\ntoinen rivi",Started,`);
    expect(lines.some((line) => /^[=+\-@\t\r]/.test(line))).toBe(false);
    expect(csv).toContain('Achieved');
    expect(csv).toContain('"<script>alert(""x"")</script>');
  });
});

describe('XLSX report', () => {
  it('writes every value as a text cell, never a formula, and neutralises formula-like text', async () => {
    const { bytes } = await renderReport(sampleInput(), 'xlsx', 'fi');
    const entries = unzipSync(bytes);
    for (const [name, data] of Object.entries(entries)) {
      if (name.startsWith('xl/worksheets/')) {
        const xml = decode(data);
        expect(xml).not.toContain('<f>');
        expect(xml).not.toMatch(/<c [^>]*t="n"/);
      }
    }
    const sheets = await readXlsxFile(Buffer.from(bytes));
    expect(sheets.map((s) => s.sheet)).toContain('Edistymismatriisi');
    const goals = sheets.find((s) => s.sheet.startsWith('Tavoitteet ja toimenpiteet'))!;
    const values = goals.data.flat().filter((v) => v !== null);
    expect(values).toContain(`'${formulaText}`);
    expect(values).toContain(hostileText);
    expect(values).toContain('Toteutunut osittain');
    expect(values.every((v) => typeof v === 'string')).toBe(true);
    const cover = sheets[0]!.data;
    expect(cover.some((row) => row[1] === 'Äijä Öhman, Åsa Ek, Björn Sjöström')).toBe(true);
  });

  it('gives the same bytes for the same snapshot, with zip entry times from the snapshot', async () => {
    const input = sampleInput();
    const a = (await renderReport(input, 'xlsx', 'fi')).bytes;
    await new Promise((resolve) => setTimeout(resolve, 2100)); // past zip's 2-second clock step
    const b = (await renderReport(input, 'xlsx', 'fi')).bytes;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
