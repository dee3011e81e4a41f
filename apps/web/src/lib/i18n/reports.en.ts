import type { ReportsMessages } from './reports.fi.ts';

export const reportsEn: ReportsMessages = {
  'nav.dashboard': 'Dashboard',

  'dashboard.title': 'Organisation dashboard',
  'dashboard.intro':
    'Where each workshop’s goal tables stand at their latest version: how many measures are at each level, and what moved up or down since the version before.',
  'dashboard.empty': 'No versions of your workshops have been taken yet. A version is taken on a workshop’s Versions page.',
  'dashboard.latest': 'Latest version v{{version}} “{{label}}” ({{date}}).',
  'dashboard.comparedWith': 'Changes compared with version v{{version}} “{{label}}”.',
  'dashboard.noMeasures': 'This version has no goal tables with a status column.',
  'dashboard.withoutSnapshots': 'Workshops without versions',
  'dashboard.downloadCsv': 'Download the data (CSV)',
  'dashboard.downloadSvg': 'Download the chart (SVG)',
  'dashboard.chartFailed': 'The chart could not be drawn; the data is in the table.',
  'dashboard.chartAlt': 'Bar chart: {{title}}. {{counts}}; not assessed {{unset}}.',
  'dashboard.tableCaption': '{{title}}: counts per level',
  'dashboard.colStep': 'Level',
  'dashboard.colCount': 'Count',
  'dashboard.unset': 'Not assessed',
  'dashboard.movedUp': 'Moved up since the previous version',
  'dashboard.movedDown': 'Moved down since the previous version',
  'dashboard.csvWorkshop': 'Workshop',
  'dashboard.csvVersion': 'Version',
  'dashboard.csvMeasure': 'Measure',
};
