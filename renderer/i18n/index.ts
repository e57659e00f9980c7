import { en } from './en';
import { fr, type MessageKey } from './fr';

export type Locale = 'fr' | 'en';
const CATALOGS: Record<Locale, Record<MessageKey, string>> = { fr, en };
const TAGS: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

export type { MessageKey };

export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const text = CATALOGS[locale][key];
  return params ? text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? '')) : text;
}

/** 24-hour clock in both languages (French convention). */
export function formatTime(locale: Locale, epochMs: number): string {
  return new Intl.DateTimeFormat(TAGS[locale], {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(epochMs);
}

export function formatDate(locale: Locale, epochMs: number): string {
  return new Intl.DateTimeFormat(TAGS[locale], { day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    epochMs,
  );
}
