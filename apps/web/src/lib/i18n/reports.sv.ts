import type { ReportsMessages } from './reports.fi.ts';

export const reportsSv: ReportsMessages = {
  'nav.dashboard': 'Lägesbild',

  'dashboard.title': 'Organisationens lägesbild',
  'dashboard.intro':
    'Läget i varje workshops måltabeller i den senaste versionen: hur många åtgärder som står på varje nivå och vad som har gått upp eller ner sedan föregående version.',
  'dashboard.empty': 'Inga versioner har ännu tagits av dina workshoppar. En version tas på workshoppens sida Versioner.',
  'dashboard.latest': 'Senaste version v{{version}} ”{{label}}” ({{date}}).',
  'dashboard.comparedWith': 'Ändringar jämfört med version v{{version}} ”{{label}}”.',
  'dashboard.noMeasures': 'Den här versionen har inga måltabeller med en statuskolumn.',
  'dashboard.withoutSnapshots': 'Workshoppar utan versioner',
  'dashboard.downloadCsv': 'Ladda ner uppgifterna (CSV)',
  'dashboard.downloadSvg': 'Ladda ner diagrammet (SVG)',
  'dashboard.chartFailed': 'Diagrammet kunde inte ritas; uppgifterna finns i tabellen.',
  'dashboard.chartAlt': 'Stapeldiagram: {{title}}. {{counts}}; utan bedömning {{unset}}.',
  'dashboard.tableCaption': '{{title}}: antal per nivå',
  'dashboard.colStep': 'Nivå',
  'dashboard.colCount': 'Antal',
  'dashboard.unset': 'Utan bedömning',
  'dashboard.movedUp': 'Uppåt sedan föregående version',
  'dashboard.movedDown': 'Nedåt sedan föregående version',
  'dashboard.csvWorkshop': 'Workshop',
  'dashboard.csvVersion': 'Version',
  'dashboard.csvMeasure': 'Mätare',
};
