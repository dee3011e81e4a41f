import { defaultLocale, isLocale, translate, type Locale, type MessageKey, type MessageVars } from '../i18n/index.ts';
import type { ErrorText } from '../i18n/errors.ts';

const storageKey = 'yhteispaja.locale';

/** The UI language: persisted in localStorage and mirrored to `<html lang>`. */
class LocaleState {
  current = $state<Locale>(defaultLocale);

  constructor() {
    if (typeof window === 'undefined') return;
    let stored: string | null = null;
    try {
      stored = window.localStorage.getItem(storageKey);
    } catch {
      // Storage can be blocked (privacy settings); the default language is fine then.
    }
    if (isLocale(stored)) this.current = stored;
    document.documentElement.lang = this.current;
  }

  set(next: Locale): void {
    this.current = next;
    document.documentElement.lang = next;
    try {
      window.localStorage.setItem(storageKey, next);
    } catch {
      // Not persisted; the choice still holds for this page.
    }
  }

  /** Translate in the current language; reading `current` makes callers re-render on change. */
  t = (key: MessageKey, vars?: MessageVars): string => translate(this.current, key, vars);

  /** Render an `ErrorText` (see i18n/errors) in the current language. */
  error = (text: ErrorText): string => ('key' in text ? this.t(text.key, text.vars) : text.text);

  /** A date in the current language's conventions. */
  date = (iso: string): string => {
    const value = new Date(iso);
    if (Number.isNaN(value.getTime())) return iso;
    return value.toLocaleDateString(this.#tag, { day: 'numeric', month: 'numeric', year: 'numeric' });
  };

  /** A date and time (to the minute) in the current language's conventions. */
  dateTime = (iso: string | number): string => {
    const value = new Date(iso);
    if (Number.isNaN(value.getTime())) return String(iso);
    return value.toLocaleString(this.#tag, { day: 'numeric', month: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  };

  get #tag(): string {
    return this.current === 'fi' ? 'fi-FI' : this.current === 'sv' ? 'sv-FI' : 'en-GB';
  }
}

export const locale = new LocaleState();
export const t = locale.t;
