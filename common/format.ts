/**
 * Numbers, dates, times and durations as the reader's language writes them, through Intl: in
 * French a decimal comma, a narrow no-break space between thousands, a no-break space before
 * "%"; dates day first and a 24-hour clock in both languages, whatever the browser's or the
 * system's locale. One helper for main's French documents (the signed PDFs, the CLI, the CSV)
 * and the console's screens: nothing else in renderer/ formats a number or a date for display.
 */
export type NumberLocale = 'fr' | 'en';

export interface NumberStyle {
  /** At most this many decimals (rounded), 2 unless given. */
  maxDecimals?: number;
  /** Thousands separated (true unless given); a spreadsheet cell wants none. */
  grouping?: boolean;
  locale?: NumberLocale;
}

const TAGS: Record<NumberLocale, string> = { fr: 'fr-FR', en: 'en-GB' };
const formats = new Map<string, Intl.NumberFormat>();

function formatter(style: 'decimal' | 'percent', o: NumberStyle): Intl.NumberFormat {
  const locale = o.locale ?? 'fr';
  const maxDecimals = o.maxDecimals ?? 2;
  const grouping = o.grouping ?? true;
  const key = `${style}|${locale}|${maxDecimals}|${grouping}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(TAGS[locale], {
      style,
      maximumFractionDigits: maxDecimals,
      useGrouping: grouping,
    });
    formats.set(key, f);
  }
  return f;
}

/** 12.5 → "12,5"; 1234.5 → "1 234,5" (narrow no-break space); -0 → "0". */
export function formatNumber(n: number, o: NumberStyle = {}): string {
  return formatter('decimal', o).format(n === 0 ? 0 : n);
}

/** A ratio as a percentage: 0.849 → "84,9 %" (one decimal unless told). */
export function formatPercent(ratio: number, o: NumberStyle = {}): string {
  return formatter('percent', { maxDecimals: 1, ...o }).format(ratio === 0 ? 0 : ratio);
}

/**
 * A value put into a sentence of the catalogues: a whole number as it is (an identifier, an entry
 * number, a count: "caméra 1204", never "1 204"), a fraction in the reader's language ("12,5 i/s").
 */
export function formatParam(value: string | number, locale: NumberLocale): string {
  if (typeof value === 'string') return value;
  return Number.isInteger(value) ? String(value) : formatNumber(value, { locale, grouping: false });
}

// Dates and times: the post's own time zone (the system's), day first, 24-hour clock ('h23', never
// "24:05" at midnight nor "02:53 AM"), in both languages.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormatter(
  locale: NumberLocale,
  what: string,
  o: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${what}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(TAGS[locale], o);
    dateFormats.set(key, f);
  }
  return f;
}

export interface DateStyle {
  locale?: NumberLocale;
}

/** 14:05:09 (or 14:05 without seconds), whatever the locale. */
export function formatTime(epochMs: number, o: DateStyle & { seconds?: boolean } = {}): string {
  const seconds = o.seconds ?? true;
  return dateFormatter(o.locale ?? 'fr', seconds ? 'hms' : 'hm', {
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds && { second: '2-digit' }),
    hourCycle: 'h23',
  }).format(epochMs);
}

/** 12/07/2026: day, month, year in both languages. */
export function formatDate(epochMs: number, o: DateStyle = {}): string {
  return dateFormatter(o.locale ?? 'fr', 'dmy', { day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    epochMs,
  );
}

/** 12/07/2026 14:05:09. */
export function formatDateTime(epochMs: number, o: DateStyle & { seconds?: boolean } = {}): string {
  return `${formatDate(epochMs, o)} ${formatTime(epochMs, o)}`;
}

/** "dimanche 12 juillet 2026" / "Sunday 12 July 2026": how a typed date was understood. */
export function formatLongDate(epochMs: number, o: DateStyle = {}): string {
  return dateFormatter(o.locale ?? 'fr', 'long', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(epochMs);
}

/** A countdown or an elapsed time in whole seconds: 45 → "0:45", 3725 → "1:02:05"; never negative. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const two = (n: number): string => (n < 10 ? `0${n}` : String(n));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
}

/** A date and a time as the console's own fields hold them: `2026-07-12` and `2026-07-12 14:05:09`. */
export function isoDay(epochMs: number): string {
  const d = new Date(epochMs);
  const two = (n: number): string => (n < 10 ? `0${n}` : String(n));
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

export function isoDayTime(epochMs: number): string {
  const d = new Date(epochMs);
  const two = (n: number): string => (n < 10 ? `0${n}` : String(n));
  return `${isoDay(epochMs)} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/**
 * A day typed in a field (`2026-07-12`, or `12/07/2026` as the console shows dates), as
 * `YYYY-MM-DD`; null when it is not a real calendar day.
 */
export function parseDay(text: string): string | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
  if (!y || !m || !d) return null;
  const date = new Date(Number(y), Number(m) - 1, Number(d));
  if (date.getFullYear() !== Number(y) || date.getMonth() !== Number(m) - 1 || date.getDate() !== Number(d))
    return null;
  return isoDay(date.getTime());
}

/**
 * A local date and time typed in a field (`2026-07-12 14:05`, seconds optional, a `T` accepted, or
 * `12/07/2026 14:05:09`), as epoch ms in the post's time zone; null when it is not one.
 */
export function parseDayTime(text: string): number | null {
  const m = /^(.+?)[T ]+(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const day = parseDay(m[1]!);
  const [h, min, s] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (!day || h > 23 || min > 59 || s > 59) return null;
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, mo - 1, d, h, min, s).getTime();
}
