import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { parseCsv, parseMarkdownTable, parseMarkdownTables, parseTableFile, parseXlsx, TableParseError } from './index.ts';

const kainuu = readFileSync(new URL('./fixtures/paljon-tukea-kainuu-2016.md', import.meta.url), 'utf8');

describe('Markdown tables', () => {
  it('reads the Kainuu goal table of the 2016 action plan as exported', () => {
    const table = parseMarkdownTable(kainuu);
    expect(table.headers).toEqual(['Tavoitteet', 'Kehittämistehtävä', 'Aloitettu', 'Ei aloitettu', 'Toteutunut osittain', 'Toteutunut', 'Aikataulu', 'Vastuhenkilöt']);
    expect(table.rows[0]).toEqual(['1. Lisätä asiakkaiden osallisuutta', 'Ohjaus-, projekti- ja koordinaatioryhmä paikallisen kehittämistyön tueksi', 'x', '', '', '', 'syksy 2015', '']);
    expect(table.rows[4]![4]).toBe('x th');
    // Rows with nothing but empty cells are dropped; rows with one value are kept.
    expect(table.rows.every((row) => row.some((cell) => cell !== ''))).toBe(true);
  });

  it('finds every table, handles escaped pipes and reports a missing one', () => {
    const text = 'Intro\n\n| A | B |\n|---|:--:|\n| 1 \\| 2 | x |\n\ntext\n\n| C |\n|--|\n| 3 |\n';
    expect(parseMarkdownTables(text).map((t) => t.headers)).toEqual([['A', 'B'], ['C']]);
    expect(parseMarkdownTables(text)[0]!.rows).toEqual([['1 | 2', 'x']]);
    expect(() => parseMarkdownTable('no tables here')).toThrow(TableParseError);
  });

  it('checks a 100,000-space line in linear time (the separator check once backtracked quadratically)', () => {
    // Dashes, spaces, then something else: the old regular expression tried every split of the
    // spaces between its two \\s* (3.5 s for this line, growing with the square of its length).
    const line = `|--${' '.repeat(100_000)}x`;
    const text = `| A | B |\n${line}\n| 1 | 2 |\n\n| C | D |\n|---|---|\n| 3 | 4 |\n`;
    expect(parseMarkdownTables(text)).toEqual([{ headers: ['C', 'D'], rows: [['3', '4']] }]);
  });
});

describe('CSV', () => {
  it('reads semicolon CSV with a BOM, quotes and line breaks, as Finnish Excel writes it', () => {
    const csv = '\uFEFFTavoite;Tila;Vastuuhenkilöt\r\n"Palveluohjaus; yhtenäinen";Aloitettu;"Maija\nPekka"\r\n;;\r\nKoulutus;Toteutunut;Aino\r\n';
    expect(parseCsv(csv)).toEqual({
      headers: ['Tavoite', 'Tila', 'Vastuuhenkilöt'],
      rows: [['Palveluohjaus; yhtenäinen', 'Aloitettu', 'Maija\nPekka'], ['Koulutus', 'Toteutunut', 'Aino']],
    });
  });

  it('reads an Excel "CSV (Windows)" export in Windows-1252 with ä, ö, å, € and – intact', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('./fixtures/tavoitteet-excel-csv-windows.csv', import.meta.url)));
    for (const contentType of ['text/csv', 'text/csv; charset=utf-8', 'text/csv; charset=windows-1252']) {
      const table = await parseTableFile(bytes, contentType);
      expect(table.headers).toEqual(['Tavoite', 'Kehittämistehtävä', 'Tila', 'Vastuuhenkilöt', 'Budjetti']);
      expect(table.rows).toEqual([
        ['Asiakkaiden osallisuus', 'Kokemusasiantuntijat mukaan työryhmiin – kevät 2026', 'Aloitettu', 'Päivi Öhman', '1 500 €'],
        ['Palveluohjaus; yhtenäinen', 'Yhteinen ohjauksen malli', 'Ei aloitettu', 'Åsa Sjöberg', ''],
      ]);
    }
    // UTF-8 stays UTF-8, and a charset nobody knows is refused clearly.
    expect((await parseTableFile(new TextEncoder().encode('Tila;Määrä\nÄänekoski;1'), 'text/csv')).rows).toEqual([['Äänekoski', '1']]);
    await expect(parseTableFile(bytes, 'text/csv; charset=klingon')).rejects.toThrow(/Unknown character set/);
  });

  it('reads comma CSV and pads short rows', () => {
    expect(parseCsv('a,b,c\n1,2\n')).toEqual({ headers: ['a', 'b', 'c'], rows: [['1', '2', '']] });
    expect(() => parseCsv('')).toThrow(TableParseError);
  });
});

describe('XLSX', () => {
  it('reads the first sheet of a workbook, dates as ISO days', async () => {
    const data = [
      [{ value: 'Tavoite' }, { value: 'Tila' }, { value: 'Valmis' }, { value: 'Määrä' }],
      [{ value: 'Palveluohjaus' }, { value: 'Aloitettu' }, { value: new Date(Date.UTC(2026, 11, 31)), type: Date, format: 'yyyy-mm-dd' }, { value: 12 }],
    ];
    const buffer = await writeXlsxFile(data as never).toBuffer();
    expect(await parseXlsx(new Uint8Array(buffer))).toEqual({ headers: ['Tavoite', 'Tila', 'Valmis', 'Määrä'], rows: [['Palveluohjaus', 'Aloitettu', '2026-12-31', '12']] });
    await expect(parseXlsx(new TextEncoder().encode('not a workbook'))).rejects.toThrow(TableParseError);
  });

  it('refuses a 300 KB workbook that unpacks to 300 MB from its central directory, without unpacking it', async () => {
    const bomb = new Uint8Array(readFileSync(new URL('./fixtures/bomb-300mb.xlsx', import.meta.url)));
    expect(bomb.byteLength).toBeLessThan(400 * 1024);
    const before = process.memoryUsage().arrayBuffers;
    await expect(parseXlsx(bomb)).rejects.toThrow(/unpacks to more than 50 MB/);
    // Nothing near the 300 MB was ever allocated.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('chooses the parser by media type and refuses others', async () => {
    expect((await parseTableFile(new TextEncoder().encode('a;b\n1;2'), 'text/csv; charset=utf-8')).rows).toEqual([['1', '2']]);
    await expect(parseTableFile(new Uint8Array(), 'application/pdf')).rejects.toThrow(/Unsupported file type/);
  });
});
