import * as Y from 'yjs';

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

/** Personal identity codes and signs of health details in a piece of text. */
export function findPersonalData(text: string): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  for (const match of text.matchAll(new RegExp(hetuSource, 'g'))) {
    if (validHetuParts(match as RegExpExecArray)) findings.push({ kind: 'personal-identity-code', text: match[0], index: match.index });
  }
  for (const match of text.matchAll(healthPattern)) findings.push({ kind: 'health-detail', text: match[0], index: match.index });
  return findings.sort((a, b) => a.index - b.index);
}

/**
 * Delete every occurrence of `needle` from every text, map value and array item of the doc, in
 * one transaction; returns how many were removed. With the doc's garbage collection (the default)
 * the deleted characters are dropped from the doc's encoded state, not only hidden.
 */
export function removeTextEverywhere(doc: Y.Doc, needle: string): number {
  if (needle.length === 0) return 0;
  let removed = 0;
  const visit = (type: Y.AbstractType<any>): void => {
    if (type instanceof Y.Text || type instanceof Y.XmlText) {
      removed += removeFromText(type, needle);
    } else if (type instanceof Y.Map) {
      for (const [key, value] of [...type.entries()]) {
        if (typeof value === 'string' && value.includes(needle)) {
          type.set(key, value.split(needle).join(''));
          removed += value.split(needle).length - 1;
        } else if (value instanceof Y.AbstractType) visit(value);
      }
    } else if (type instanceof Y.Array) {
      const items = type.toArray();
      for (let i = items.length - 1; i >= 0; i--) {
        const value = items[i];
        if (typeof value === 'string' && value.includes(needle)) {
          type.delete(i, 1);
          type.insert(i, [value.split(needle).join('')]);
          removed += value.split(needle).length - 1;
        } else if (value instanceof Y.AbstractType) visit(value);
      }
    } else if (type instanceof Y.XmlFragment || type instanceof Y.XmlElement) {
      if (type instanceof Y.XmlElement) {
        for (const [key, value] of Object.entries(type.getAttributes())) {
          if (typeof value === 'string' && value.includes(needle)) {
            type.setAttribute(key, value.split(needle).join('') as never);
            removed++;
          }
        }
      }
      for (const child of type.toArray()) visit(child as Y.AbstractType<any>);
    }
  };
  doc.transact(() => {
    for (const type of doc.share.values()) visit(resolveRoot(doc, type));
  });
  return removed;
}

/**
 * Root types of a doc that has not named them yet (the server's) are plain AbstractTypes; read
 * each as what its first item holds: characters make a text, XML nodes a fragment, values an array.
 */
function resolveRoot(doc: Y.Doc, type: Y.AbstractType<any>): Y.AbstractType<any> {
  if (type.constructor !== Y.AbstractType) return type;
  const name = [...doc.share.entries()].find(([, value]) => value === type)![0];
  if (type._map.size > 0) return doc.getMap(name);
  let item = type._start;
  while (item?.deleted) item = item.right;
  const content = item?.content;
  if (content instanceof Y.ContentString || content instanceof Y.ContentFormat || content instanceof Y.ContentEmbed) return doc.getText(name);
  if (content instanceof Y.ContentType && (content.type instanceof Y.XmlElement || content.type instanceof Y.XmlText)) return doc.getXmlFragment(name);
  return doc.getArray(name);
}

function removeFromText(text: Y.Text | Y.XmlText, needle: string): number {
  // Positions count embeds as one; build the plain string with a placeholder for each embed.
  let plain = '';
  for (const op of text.toDelta() as { insert: unknown }[]) plain += typeof op.insert === 'string' ? op.insert : '\u0000';
  const positions: number[] = [];
  for (let at = plain.indexOf(needle); at !== -1; at = plain.indexOf(needle, at + needle.length)) positions.push(at);
  for (const at of positions.reverse()) text.delete(at, needle.length);
  return positions.length;
}
