/**
 * Finnish messages of the manager's pages (versions, downloads, compare view, progress matrix,
 * document history, organisation dashboard): the source of their message keys (merged with
 * fi.ts's in index.ts). Same conventions as fi.ts.
 */
export const reportsFi = {
  'nav.dashboard': 'Tilannekuva',

  'dashboard.title': 'Organisaation tilannekuva',
  'dashboard.intro':
    'Kunkin työpajan tavoitetaulukoiden tilanne viimeisimmässä versiossa: montako toimenpidettä on kullakin tasolla ja mikä on noussut tai laskenut edellisestä versiosta.',
  'dashboard.empty': 'Työpajoistasi ei ole vielä otettu versioita. Versio otetaan työpajan Versiot-sivulla.',
  'dashboard.latest': 'Viimeisin versio v{{version}} ”{{label}}” ({{date}}).',
  'dashboard.comparedWith': 'Muutokset verrattuna versioon v{{version}} ”{{label}}”.',
  'dashboard.noMeasures': 'Tässä versiossa ei ole tavoitetaulukoita, joissa on tilasarake.',
  'dashboard.withoutSnapshots': 'Työpajat, joista ei ole versioita',
  'dashboard.downloadCsv': 'Lataa tiedot (CSV)',
  'dashboard.downloadSvg': 'Lataa kaavio (SVG)',
  'dashboard.chartFailed': 'Kaaviota ei voitu piirtää; tiedot ovat taulukossa.',
  'dashboard.chartAlt': 'Pylväskaavio: {{title}}. {{counts}}; ei arviota {{unset}}.',
  'dashboard.tableCaption': '{{title}}: määrät tasoittain',
  'dashboard.colStep': 'Taso',
  'dashboard.colCount': 'Määrä',
  'dashboard.unset': 'Ei arviota',
  'dashboard.movedUp': 'Noussut edellisestä versiosta',
  'dashboard.movedDown': 'Laskenut edellisestä versiosta',
  'dashboard.csvWorkshop': 'Työpaja',
  'dashboard.csvVersion': 'Versio',
  'dashboard.csvMeasure': 'Mittari',
} as const;

export type ReportsMessageKey = keyof typeof reportsFi;
export type ReportsMessages = Record<ReportsMessageKey, string>;
