/** A language the UI and templates are written in. */
export type Locale = 'fi' | 'sv' | 'en';

export type LocalizedText = Record<Locale, string>;

/** One step of a status scale; `key` is what the document stores. */
export interface ScaleStep {
  key: string;
  label: LocalizedText;
  /** CSS colour used for the status chip; chosen to keep 4.5:1 contrast with white text. */
  colour: string;
}

export interface StatusScale {
  id: string;
  name: LocalizedText;
  steps: readonly ScaleStep[];
}

/** The four-state scale of Finnish action plans (Ei aloitettu … Toteutunut). */
export const fourStateScale: StatusScale = {
  id: 'four-state',
  name: { fi: 'Toteutuminen', sv: 'Förverkligande', en: 'Progress' },
  steps: [
    { key: 'not-started', label: { fi: 'Ei aloitettu', sv: 'Inte påbörjad', en: 'Not started' }, colour: '#6b6b6b' },
    { key: 'started', label: { fi: 'Aloitettu', sv: 'Påbörjad', en: 'Started' }, colour: '#1f5fa8' },
    { key: 'partly-done', label: { fi: 'Toteutunut osittain', sv: 'Delvis förverkligad', en: 'Partly achieved' }, colour: '#8a5a00' },
    { key: 'done', label: { fi: 'Toteutunut', sv: 'Förverkligad', en: 'Achieved' }, colour: '#1d6b35' },
  ],
};

/** The 1–5 maturity scale of THL self-evaluations (oma-arviointi). */
export const maturityScale: StatusScale = {
  id: 'maturity-1-5',
  name: { fi: 'Kypsyystaso 1–5', sv: 'Mognadsnivå 1–5', en: 'Maturity 1–5' },
  steps: [
    { key: '1', label: { fi: '1 Ei aloitettu', sv: '1 Inte påbörjad', en: '1 Not started' }, colour: '#6b6b6b' },
    { key: '2', label: { fi: '2 Suunnitellaan', sv: '2 Planeras', en: '2 Being planned' }, colour: '#7a4a9c' },
    { key: '3', label: { fi: '3 Kuvattu', sv: '3 Beskriven', en: '3 Described' }, colour: '#1f5fa8' },
    { key: '4', label: { fi: '4 Pilotoidaan', sv: '4 Pilottestas', en: '4 Being piloted' }, colour: '#8a5a00' },
    { key: '5', label: { fi: '5 Käytössä', sv: '5 I bruk', en: '5 In use' }, colour: '#1d6b35' },
  ],
};

export const builtInScales: readonly StatusScale[] = [fourStateScale, maturityScale];

export function findScale(id: string): StatusScale | undefined {
  return builtInScales.find((scale) => scale.id === id);
}
