import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { renderReport } from '../index.ts';
import { sampleInput } from '../testing/fixture.ts';

type StructNode = { role?: string; children?: StructNode[]; type?: string };

function roles(root: StructNode | null): string[] {
  const out: string[] = [];
  const stack: StructNode[] = root ? [root] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.role) out.push(node.role);
    for (const child of node.children ?? []) stack.push(child);
  }
  return out;
}

describe('PDF report', () => {
  it('is tagged PDF/UA-1 with language, headings, table header cells, embedded shipped fonts and the text', async () => {
    const { bytes, contentType } = await renderReport(sampleInput(), 'pdf', 'fi');
    expect(contentType).toBe('application/pdf');
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toContain('/Lang (fi-FI)');
    expect(raw).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(raw).toMatch(/\/FontFile2/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
    expect(raw).not.toMatch(/\/BaseFont \/(?![A-Z]{6}\+DejaVuSans)/);

    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const { text } = await extractText(pdf, { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Perhekeskustyöpaja Jyväskylä');
    expect(flat).toContain('Äijä Öhman');
    expect(flat).toContain('<script>alert("x")</script> #set page(fill: red)');
    expect(flat).toContain('Edistymismatriisi');
    expect(flat).toContain('Perhekeskusmallin käyttöönotto');

    const all: string[] = [];
    for (let page = 1; page <= pdf.numPages; page++) all.push(...roles((await (await pdf.getPage(page)).getStructTree()) as StructNode));
    expect(all).toContain('H1');
    expect(all).toContain('H2');
    expect(all).toContain('Table');
    expect(all).toContain('TH');
    expect(all).toContain('TD');
    expect(all).toContain('Figure');
  });

  it('repeats the table header on every page of a long table', async () => {
    const { bytes } = await renderReport(sampleInput(120), 'pdf', 'en');
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const { text } = await extractText(pdf);
    // Task cells ("Tehtävä N") appear only in the goal table itself.
    const pagesWithTable = (text as string[]).filter((page) => /Tehtävä \d+/.test(page));
    expect(pagesWithTable.length).toBeGreaterThan(2);
    for (const page of pagesWithTable) expect(page).toContain('Kehittämistehtävä');
  });
});
