/**
 * Every number, date, time and duration the console shows goes through the locale helpers
 * (common/format.ts, with the console's language and a 24-hour clock), never through the
 * browser's own locale or a hand-made format. This test reads the renderer's sources and refuses
 * the ways one slips past them: "0.05", "97.8 %", "12/07/2026, 02:53 AM" on a French screen.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

/** What formats a number or a date for display, and why each is refused. */
const RULES: { pattern: RegExp; why: string }[] = [
  { pattern: /\.toLocale(Date|Time)?String\(/, why: 'the browser’s locale, not the console’s' },
  { pattern: /\bIntl\./, why: 'Intl belongs to common/format.ts, the one locale helper' },
  { pattern: /\.toFixed\(/, why: 'a decimal point whatever the language' },
  { pattern: /\}\s?%/, why: 'a percentage built by hand (formatPercent writes "84,9 %" / "84.9%")' },
  {
    pattern: /\.(getFullYear|getMonth|getDate|getHours|getMinutes|getSeconds)\(/,
    why: 'a date put together by hand',
  },
  { pattern: /toISOString\(\)\.slice\(/, why: 'a UTC day taken for the post’s day' },
  { pattern: /padStart\(2/, why: 'a time or date padded by hand (formatDuration, isoDayTime)' },
  {
    pattern: /type=["'](date|datetime-local|time|month|week)["']/,
    why: 'a date field the browser formats in its own locale',
  },
];

/** Uses that format no number for a reader, each with its reason. */
const ALLOWED: { file: string; pattern: RegExp }[] = [
  // The codec string (avc1.42E01E) is an identifier, hex by definition.
  { file: 'video/h26x.ts', pattern: /padStart\(2/ },
  // A CSS position in percent, not text.
  { file: 'features/map/MapImportForm.tsx', pattern: /\}\s?%/ },
];

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

test('no number or date on screen is formatted outside the locale helpers', () => {
  const found: string[] = [];
  for (const file of sources(ROOT)) {
    const rel = path.relative(ROOT, file).split(path.sep).join('/');
    fs.readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (/^\s*(\/\/|\*|\/\*)/.test(line)) return; // comments say what the code does not
        for (const { pattern, why } of RULES)
          if (
            pattern.test(line) &&
            !ALLOWED.some((a) => a.file === rel && String(a.pattern) === String(pattern))
          )
            found.push(`renderer/${rel}:${i + 1}: ${why}\n    ${line.trim()}`);
      });
  }
  assert.deepEqual(found, [], `formatted outside common/format.ts:\n${found.join('\n')}`);
});

test('the scan sees what it refuses (a sample of each rule)', () => {
  const samples = [
    'x.toLocaleString()',
    'new Intl.NumberFormat()',
    'n.toFixed(1)',
    '{Math.round(f * 100)} %',
    'd.getHours()',
    'new Date().toISOString().slice(0, 10)',
    "String(s).padStart(2, '0')",
    '<input type="datetime-local" />',
  ];
  samples.forEach((s, i) => assert.ok(RULES[i]!.pattern.test(s), `rule ${i} misses ${s}`));
  assert.ok(
    !RULES.some((r) => r.pattern.test("s.toLocaleLowerCase('fr')")),
    'a search folds case, formats nothing',
  );
});
