import type { ReportLocale } from './types.ts';

type Entry = Record<ReportLocale, string>;
const e = (fi: string, sv: string, en: string): Entry => ({ fi, sv, en });

/** Every fixed text of the reports, in Finnish, Swedish and English. */
export const texts = {
  report: e('Raportti', 'Rapport', 'Report'),
  organisation: e('Organisaatio', 'Organisation', 'Organisation'),
  workshop: e('Työpaja', 'Verkstad', 'Workshop'),
  version: e('Versio', 'Version', 'Version'),
  label: e('Nimi', 'Namn', 'Label'),
  date: e('Päivämäärä', 'Datum', 'Date'),
  createdBy: e('Tallentaja', 'Sparad av', 'Taken by'),
  participants: e('Osallistujat', 'Deltagare', 'Participants'),
  checksum: e('Tarkistussumma (SHA-256)', 'Kontrollsumma (SHA-256)', 'Checksum (SHA-256)'),
  contents: e('Sisältö', 'Innehåll', 'Contents'),
  cover: e('Kansilehti', 'Försättsblad', 'Cover'),
  goalTable: e('Tavoitetaulukko', 'Måltabell', 'Goal table'),
  actionPlan: e('Toimintasuunnitelma', 'Handlingsplan', 'Action plan'),
  servicePath: e('Palvelupolku', 'Servicestig', 'Service path'),
  field: e('Kenttä', 'Fält', 'Field'),
  value: e('Arvo', 'Värde', 'Value'),
  action: e('Toimenpide', 'Åtgärd', 'Action'),
  actions: e('Toimenpiteet', 'Åtgärder', 'Actions'),
  status: e('Tila', 'Status', 'Status'),
  start: e('Alkaa', 'Börjar', 'Start'),
  end: e('Päättyy', 'Slutar', 'End'),
  responsible: e('Vastuuhenkilöt', 'Ansvarspersoner', 'Responsible people'),
  planned: e('Suunniteltu', 'Planerad', 'Planned'),
  ongoing: e('Käynnissä', 'Pågår', 'Ongoing'),
  done: e('Valmis', 'Klar', 'Done'),
  goals: e('Tavoitteet', 'Mål', 'Goals'),
  outputs: e('Tuotokset', 'Resultat', 'Outputs'),
  impacts: e('Vaikutukset', 'Effekter', 'Impacts'),
  metrics: e('Mittarit', 'Mätare', 'Metrics'),
  notes: e('Huomiot', 'Anteckningar', 'Notes'),
  stage: e('Vaihe', 'Skede', 'Stage'),
  clientActions: e('Asiakkaan toiminta', 'Klientens handlingar', 'Client actions'),
  experience: e('Kokemus', 'Upplevelse', 'Experience'),
  professionals: e('Ammattilaiset', 'Yrkespersoner', 'Professionals'),
  services: e('Palvelut', 'Tjänster', 'Services'),
  systems: e('Järjestelmät', 'System', 'Systems'),
  channels: e('Kanavat', 'Kanaler', 'Channels'),
  'in-person': e('Kasvokkain', 'Personligen', 'In person'),
  phone: e('Puhelin', 'Telefon', 'Phone'),
  digital: e('Digitaalinen', 'Digital', 'Digital'),
  written: e('Kirjallinen', 'Skriftlig', 'Written'),
  painPoints: e('Kipukohdat', 'Smärtpunkter', 'Pain points'),
  ideas: e('Kehittämisideat', 'Utvecklingsidéer', 'Development ideas'),
  lane: e('Toimija', 'Aktör', 'Actor'),
  journeyMap: e('Palvelupolun kartta', 'Karta över servicestigen', 'Journey map'),
  journeyMapAlt: e('Palvelupolun kartta: vaiheet', 'Karta över servicestigen: skeden', 'Journey map: stages'),
  progressMatrix: e('Edistymismatriisi', 'Framstegsmatris', 'Progress matrix'),
  progressIntro: e(
    'Kunkin rivin tila jokaisessa versiossa tähän versioon asti.',
    'Varje rads status i varje version fram till denna.',
    'Each row’s status at every version up to this one.',
  ),
  noMeasures: e('Ei tilasarakkeita.', 'Inga statuskolumner.', 'No status columns.'),
  changes: e('Muutokset edellisestä versiosta', 'Ändringar sedan föregående version', 'Changes since the previous version'),
  firstVersion: e('Tämä on ensimmäinen versio.', 'Detta är den första versionen.', 'This is the first version.'),
  noChanges: e('Ei muutoksia.', 'Inga ändringar.', 'No changes.'),
  change: e('Muutos', 'Ändring', 'Change'),
  item: e('Kohde', 'Objekt', 'Item'),
  by: e('Tekijät', 'Av', 'By'),
  added: e('Lisätty', 'Tillagd', 'Added'),
  removed: e('Poistettu', 'Borttagen', 'Removed'),
  moved: e('Siirretty', 'Flyttad', 'Moved'),
  changedStatus: e('Tila muuttui', 'Status ändrades', 'Status changed'),
  changedText: e('Teksti muuttui', 'Texten ändrades', 'Text changed'),
  changedValue: e('Arvo muuttui', 'Värdet ändrades', 'Value changed'),
  documentAdded: e('Asiakirja lisätty', 'Dokument tillagt', 'Document added'),
  documentRemoved: e('Asiakirja poistettu', 'Dokument borttaget', 'Document removed'),
  traceChains: e('Jäljitettävyys', 'Spårbarhet', 'Traceability'),
  traceIntro: e('Idea → tavoiterivi → toimenpide.', 'Idé → målrad → åtgärd.', 'Idea → goal row → action.'),
  noTraces: e('Ei linkkejä asiakirjojen välillä.', 'Inga länkar mellan dokumenten.', 'No links between documents.'),
  chain: e('Ketju', 'Kedja', 'Chain'),
  row: e('Rivi', 'Rad', 'Row'),
  painPoint: e('Kipukohta', 'Smärtpunkt', 'Pain point'),
  idea: e('Idea', 'Idé', 'Idea'),
  unset: e('–', '–', '–'),
  measure: e('Toimenpide', 'Åtgärd', 'Measure'),
  dataSource: e('Tietolähde', 'Datakälla', 'Data source'),
  period: e('Arviointijakso', 'Utvärderingsperiod', 'Evaluation period'),
  result: e('Tulos', 'Resultat', 'Result'),
  selfEvaluation: e('Oma-arviointi (THL/Innokylä)', 'Självutvärdering (THL/Innokylä)', 'Self-evaluation (THL/Innokylä)'),
  empty: e('(tyhjä)', '(tom)', '(empty)'),
  from: e('Ennen', 'Före', 'Before'),
  to: e('Jälkeen', 'Efter', 'After'),
} as const;

export type TextKey = keyof typeof texts;

export function t(key: TextKey, locale: ReportLocale): string {
  return texts[key][locale];
}

const bcp47: Record<ReportLocale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

export function languageTag(locale: ReportLocale): string {
  return bcp47[locale];
}

/** A snapshot date as people in Finland read it; the zone is fixed so every server prints the same. */
export function formatDate(ms: number, locale: ReportLocale): string {
  return new Intl.DateTimeFormat(bcp47[locale], { timeZone: 'Europe/Helsinki', dateStyle: 'long', timeStyle: 'short' }).format(new Date(ms));
}
