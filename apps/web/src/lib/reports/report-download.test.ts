import { describe, expect, it } from 'vitest';
import { fileNameFrom } from './report-download.svelte.ts';

describe('fileNameFrom', () => {
  it('prefers the UTF-8 name and falls back to the plain one', () => {
    expect(fileNameFrom(`attachment; filename="v1.pdf"; filename*=UTF-8''ty%C3%B6paja-v1.pdf`)).toBe('työpaja-v1.pdf');
    expect(fileNameFrom('attachment; filename="raportti v2.docx"')).toBe('raportti v2.docx');
    expect(fileNameFrom('attachment; filename=plain.md')).toBe('plain.md');
    expect(fileNameFrom('attachment')).toBeNull();
    expect(fileNameFrom(null)).toBeNull();
  });
});
