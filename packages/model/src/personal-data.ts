import { visibleText } from './invisible.ts';

export { removeTextEverywhere, forgetPurgedKeys } from './purge.ts';

/**
 * Workshop documents must not hold client data. These detectors warn an author at once; they
 * are deliberately simple and err towards warning.
 */

const hetuCheckCharacters = '0123456789ABCDEFHJKLMNPRSTUVWXY';
const centuryByMarker: Record<string, number> = { '+': 1800, '-': 1900, Y: 1900, X: 1900, W: 1900, V: 1900, U: 1900, A: 2000, B: 2000, C: 2000, D: 2000, E: 2000, F: 2000 };
const hetuSource = String.raw`(?<![0-9A-Za-z])(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Y])(?![0-9A-Za-z])`;

/** A Finnish personal identity code (henkilötunnus) with a real date and a valid check character. */
export function isPersonalIdentityCode(candidate: string): boolean {
  const match = new RegExp(`^${hetuSource}$`).exec(candidate);
  return match !== null && match[0] === candidate && validHetuParts(match);
}

function validHetuParts(match: RegExpExecArray): boolean {
  const [, dd, mm, yy, marker, individual, check] = match as unknown as [string, string, string, string, string, string, string];
  const year = centuryByMarker[marker]! + Number(yy);
  const date = new Date(Date.UTC(year, Number(mm) - 1, Number(dd)));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== Number(mm) - 1 || date.getUTCDate() !== Number(dd)) return false;
  if (Number(individual) < 2) return false;
  return hetuCheckCharacters[Number(`${dd}${mm}${yy}${individual}`) % 31] === check;
}

export interface PersonalDataFinding {
  kind: 'personal-identity-code' | 'health-detail';
  text: string;
  index: number;
}

/** Words that, next to a person, tell of their health: a prompt to check, not a verdict. */
const healthTerms = [
  'diagnoosi', 'diagnoosin', 'dg', 'sairastaa', 'sairastui', 'lääkitys', 'lääkityksen', 'masennus', 'masennuksen', 'skitsofrenia',
  'päihderiippuvuus', 'mielenterveysdiagnoosi', 'hiv', 'diagnos', 'diagnosen', 'medicinering', 'depression', 'diagnosis', 'medication',
];
const healthPattern = new RegExp(`(?<![\\p{L}\\d])(${healthTerms.join('|')})(?![\\p{L}\\d])|(?<![\\p{L}\\d])[A-TV-Z]\\d{2}\\.\\d{1,2}(?![\\p{L}\\d])`, 'giu');

/**
 * Personal identity codes and signs of health details in a piece of text. Invisible characters
 * (a soft hyphen or zero-width space typed or pasted inside a code) are ignored; each finding's
 * `text` and `index` are those of the original text, invisible characters included.
 */
export function findPersonalData(text: string): PersonalDataFinding[] {
  const { visible, origin } = visibleText(text);
  const found = (kind: PersonalDataFinding['kind'], at: number, length: number): PersonalDataFinding => {
    if (!origin) return { kind, text: visible.slice(at, at + length), index: at };
    const start = origin[at]!;
    return { kind, text: text.slice(start, origin[at + length - 1]! + 1), index: start };
  };
  const findings: PersonalDataFinding[] = [];
  for (const match of visible.matchAll(new RegExp(hetuSource, 'g'))) {
    if (validHetuParts(match as RegExpExecArray)) findings.push(found('personal-identity-code', match.index, match[0].length));
  }
  for (const match of visible.matchAll(healthPattern)) findings.push(found('health-detail', match.index, match[0].length));
  return findings.sort((a, b) => a.index - b.index);
}
