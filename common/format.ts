/**
 * Numbers as the reader's language writes them, through Intl.NumberFormat: in French a decimal
 * comma, a narrow no-break space between thousands, a no-break space before "%". One helper for
 * main's French documents (the signed PDFs, the CLI, the CSV) and the console's screens.
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
