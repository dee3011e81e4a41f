/**
 * i18next setup. The catalogues are bundled, so initialisation is synchronous and every
 * language is available at once; components translate through `locale.t` (state/locale),
 * which tracks the chosen language reactively.
 */
import i18next, { type TFunction } from 'i18next';
import type { Locale } from '@yhteispaja/model';
import { en } from './en.ts';
import { fi, type MessageKey as CoreMessageKey } from './fi.ts';
import { sv } from './sv.ts';
import { peopleEn } from './people.en.ts';
import { peopleFi, type PeopleMessageKey } from './people.fi.ts';
import { peopleSv } from './people.sv.ts';
import { editorEn } from './editor.en.ts';
import { editorFi, type EditorMessageKey } from './editor.fi.ts';
import { editorSv } from './editor.sv.ts';
import { plansEn } from './plans.en.ts';
import { plansFi, type PlansMessageKey } from './plans.fi.ts';
import { plansSv } from './plans.sv.ts';
import { reportsEn } from './reports.en.ts';
import { reportsFi, type ReportsMessageKey } from './reports.fi.ts';
import { reportsSv } from './reports.sv.ts';

/** Keys of every catalogue: fi.ts's and those of the people/organisation/account pages. */
export type MessageKey = CoreMessageKey | PeopleMessageKey | PlansMessageKey | EditorMessageKey | ReportsMessageKey;
export type { Locale } from '@yhteispaja/model';

export const defaultLocale: Locale = 'fi';

/** Languages offered in the header, each named in its own language. */
export const locales: readonly { code: Locale; name: string }[] = [
  { code: 'fi', name: 'Suomi' },
  { code: 'sv', name: 'Svenska' },
  { code: 'en', name: 'English' },
];

export function isLocale(value: unknown): value is Locale {
  return locales.some((l) => l.code === value);
}

const instance = i18next.createInstance();
void instance.init({
  resources: {
    fi: { translation: { ...fi, ...peopleFi, ...plansFi, ...editorFi, ...reportsFi } },
    sv: { translation: { ...sv, ...peopleSv, ...plansSv, ...editorSv, ...reportsSv } },
    en: { translation: { ...en, ...peopleEn, ...plansEn, ...editorEn, ...reportsEn } },
  },
  lng: defaultLocale,
  fallbackLng: defaultLocale,
  supportedLngs: locales.map((l) => l.code),
  keySeparator: false,
  nsSeparator: false,
  initAsync: false,
  returnNull: false,
  // Svelte escapes text it renders; escaping here too would show entities.
  interpolation: { escapeValue: false },
});

const fixed = new Map<Locale, TFunction>(locales.map((l) => [l.code, instance.getFixedT(l.code)]));

export type MessageVars = Record<string, string | number>;

/** Whether `key` is a message key (for keys built from server values, e.g. audit actions). */
export function isMessageKey(key: string): key is MessageKey {
  return key in fi || key in peopleFi || key in plansFi || key in editorFi || key in reportsFi;
}

export function translate(lng: Locale, key: MessageKey, vars?: MessageVars): string {
  const t = fixed.get(lng) ?? fixed.get(defaultLocale)!;
  return vars ? String(t(key, vars)) : String(t(key));
}
