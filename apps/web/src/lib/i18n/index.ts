/**
 * i18next setup. The catalogues are bundled, so initialisation is synchronous and every
 * language is available at once; components translate through `locale.t` (state/locale),
 * which tracks the chosen language reactively.
 */
import i18next, { type TFunction } from 'i18next';
import type { Locale } from '@yhteispaja/model';
import { en } from './en.ts';
import { fi, type MessageKey } from './fi.ts';
import { sv } from './sv.ts';

export type { MessageKey } from './fi.ts';
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
  resources: { fi: { translation: fi }, sv: { translation: sv }, en: { translation: en } },
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

export function translate(lng: Locale, key: MessageKey, vars?: MessageVars): string {
  const t = fixed.get(lng) ?? fixed.get(defaultLocale)!;
  return vars ? String(t(key, vars)) : String(t(key));
}
