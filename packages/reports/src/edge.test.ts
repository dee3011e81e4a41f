import { describe, expect, it } from 'vitest';
import { renderReport, reportFormats, type ReportInput } from './index.ts';

const base: ReportInput = {
  organisation: { name: '' },
  workshop: { id: '55555555-5555-4555-8555-555555555555', title: '' },
  snapshot: { id: '66666666-6666-4666-8666-666666666666', version: 1, label: '', createdAt: Date.UTC(2026, 0, 1), createdBy: '', participants: [], sha256: '0'.repeat(64) },
  documents: [],
  previous: [],
  changes: null,
};

const sparse: ReportInput = {
  ...base,
  documents: [
    { id: '11111111-1111-4111-8111-111111111111', content: { type: 'goal-table', meta: { title: '', schemaVersion: 2 }, columns: [], rows: [{ id: 'r1', kind: 'item', heading: null, cells: {}, links: [] }, { id: 'r2', kind: 'heading', heading: '', cells: {}, links: [] }], scales: [] } },
    { id: '22222222-2222-4222-8222-222222222222', content: { type: 'action-plan', meta: { title: '', schemaVersion: 1 }, sections: [] } },
    { id: '33333333-3333-4333-8333-333333333333', content: { type: 'service-path', meta: { title: '', schemaVersion: 1 }, lanes: [], stages: [] } },
    // A document type a later version may add: left out, never an error.
    { id: '44444444-4444-4444-8444-444444444444', content: { type: 'mind-map', meta: { title: 'Tuleva', schemaVersion: 1 } } as never },
  ],
  changes: { from: null, to: 1, documents: [] },
};

describe('edge cases', () => {
  for (const [name, input] of [['an empty workshop', base], ['empty and unknown documents', sparse]] as const) {
    it(`renders ${name} in every format`, async () => {
      for (const format of reportFormats) {
        const { bytes, fileName } = await renderReport(input, format, 'fi');
        expect(bytes.length, format).toBeGreaterThan(50);
        expect(fileName).toBe(`report-v1-fi.${format}`);
      }
    });
  }
});
