import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatNumber, formatPercent } from './format';

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
