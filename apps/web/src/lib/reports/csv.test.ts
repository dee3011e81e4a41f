import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.ts';

describe('csv', () => {
  it('neutralises cells a spreadsheet would run as a formula', () => {
    for (const hostile of ['=HYPERLINK("x")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
      expect(csvCell(hostile).replace(/^"/, '').startsWith("'")).toBe(true);
    }
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('Päihdetyö')).toBe('Päihdetyö');
  });

  it('quotes commas, quotes and line breaks, with CRLF rows and a BOM', () => {
    expect(toCsv([['a,b', 'say "hi"', null], ['x\ny', 2, 'å']])).toBe('\uFEFF"a,b","say ""hi""",\r\n"x\ny",2,å\r\n');
  });
});
