import { formatDate as dateOf, formatParam, formatTime as timeOf } from '../../common/format';
import { fill } from '../../common/labels/fill';
import { en } from './en';
import { fr, type MessageKey } from './fr';

export type Locale = 'fr' | 'en';
const CATALOGS: Record<Locale, Record<MessageKey, string>> = { fr, en };

export type { MessageKey };

/** A catalogue sentence; a number put into it is written in the console's language (12,5 in French). */
export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const text = CATALOGS[locale][key];
  return params
    ? fill(text, (k) => {
        const v = params[k];
        return v === undefined ? '' : formatParam(v, locale);
      })
    : text;
}

/** 24-hour clock in both languages (French convention), through the one locale helper. */
export function formatTime(locale: Locale, epochMs: number): string {
  return timeOf(epochMs, { locale });
}

export function formatDate(locale: Locale, epochMs: number): string {
  return dateOf(epochMs, { locale });
}
