import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatDate,
  formatDateTime,
  formatDuration,
  formatLongDate,
  formatNumber,
  formatParam,
  formatPercent,
  formatTime,
  isoDay,
  isoDayTime,
  parseDay,
  parseDayTime,
} from './format';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

test('French numbers: decimal comma, narrow no-break space between thousands, rounding', () => {
  assert.equal(formatNumber(12.5), '12,5');
  assert.equal(formatNumber(25), '25');
  assert.equal(formatNumber(1234.567), `1${NNBSP}234,57`);
  assert.equal(formatNumber(24.96, { maxDecimals: 1 }), '25');
  assert.equal(formatNumber(1234.5, { grouping: false }), '1234,5');
  assert.equal(formatNumber(-0), '0');
  assert.equal(formatNumber(-12), '-12');
});

test('percentages: a ratio, one decimal, a no-break space before the sign in French', () => {
  assert.equal(formatPercent(0.849), `84,9${NBSP}%`);
  assert.equal(formatPercent(1), `100${NBSP}%`);
  assert.equal(formatPercent(0.8333, { locale: 'en' }), '83.3%');
  assert.equal(formatNumber(1234.5, { locale: 'en' }), '1,234.5');
});

test('times are on a 24-hour clock in both languages, whatever the system locale', () => {
  const at = new Date(2026, 6, 12, 2, 53, 7).getTime();
  assert.equal(formatTime(at), '02:53:07');
  assert.equal(formatTime(at, { locale: 'en' }), '02:53:07');
  assert.equal(formatTime(at, { seconds: false }), '02:53');
  const midnight = new Date(2026, 6, 12, 0, 5, 0).getTime();
  assert.equal(formatTime(midnight, { locale: 'en' }), '00:05:00');
  const afternoon = new Date(2026, 6, 12, 14, 5, 9).getTime();
  assert.equal(formatTime(afternoon, { locale: 'en' }), '14:05:09');
});

test('dates are day first in both languages; the long form is in the reader’s words', () => {
  const at = new Date(2026, 6, 12, 14, 5, 9).getTime();
  assert.equal(formatDate(at), '12/07/2026');
  assert.equal(formatDate(at, { locale: 'en' }), '12/07/2026');
  assert.equal(formatDateTime(at), '12/07/2026 14:05:09');
  assert.equal(formatLongDate(at), 'dimanche 12 juillet 2026');
  assert.match(formatLongDate(at, { locale: 'en' }), /^Sunday,? 12 July 2026$/);
});

test('durations count down as m:ss, then h:mm:ss; never negative', () => {
  assert.equal(formatDuration(45), '0:45');
  assert.equal(formatDuration(600), '10:00');
  assert.equal(formatDuration(3725), '1:02:05');
  assert.equal(formatDuration(-3), '0:00');
});

test('a sentence’s parameters: whole numbers as they are, fractions in the reader’s language', () => {
  assert.equal(formatParam(1204, 'fr'), '1204');
  assert.equal(formatParam(12.5, 'fr'), '12,5');
  assert.equal(formatParam(0.13, 'en'), '0.13');
  assert.equal(formatParam('12.5', 'fr'), '12.5');
});

test('the console’s own date fields: what they show, and what they read back', () => {
  const at = new Date(2026, 6, 12, 14, 5, 9).getTime();
  assert.equal(isoDay(at), '2026-07-12');
  assert.equal(isoDayTime(at), '2026-07-12 14:05:09');
  assert.equal(parseDay('2026-07-12'), '2026-07-12');
  assert.equal(parseDay('12/07/2026'), '2026-07-12');
  assert.equal(parseDay('2026-02-30'), null);
  assert.equal(parseDay('07/12/26'), null);
  assert.equal(parseDayTime('2026-07-12 14:05:09'), at);
  assert.equal(parseDayTime('2026-07-12T14:05:09'), at);
  assert.equal(parseDayTime('12/07/2026 14:05'), at - 9000);
  assert.equal(parseDayTime('2026-07-12 24:00'), null);
  assert.equal(parseDayTime('2026-07-12'), null);
});
