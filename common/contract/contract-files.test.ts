/**
 * Issue 19: each channel is written once. Its name appears in at most two product files: its line
 * in its domain's contract file (common/contract/<domain>.ts) and its handler module in main, where
 * its schema, its right and its handler sit together. The renderer calls it through the derived
 * `rpc` (renderer/api/rpc.ts) and never spells it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CHANNEL_SPECS, CHANNELS } from './index';

const ROOT = path.resolve(__dirname, '..', '..');
const PRODUCT = ['main', 'renderer', 'common', 'preload'];

function productFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) return productFiles(rel);
    return /\.(ts|tsx|mts|js|mjs|html)$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [rel] : [];
  });
}

const files = PRODUCT.flatMap(productFiles).map((f) => ({
  f,
  text: fs.readFileSync(path.join(ROOT, f), 'utf8'),
}));
/** The name as a whole token: `map:tile` is not found in `map:tiles` nor in `sitemap:tile`. */
const mentions = (name: string): string[] => {
  const token = new RegExp(`(?<![\\w:-])${name.replace(/[-:]/g, '\\$&')}(?![\\w-])`);
  return files.filter((x) => token.test(x.text)).map((x) => x.f);
};

test('the scan sees the product: the contract files and the handler modules', () => {
  assert.ok(files.length > 200, `only ${files.length} product files found`);
  assert.deepEqual(mentions('map:tile').sort(), ['common/contract/map.ts', 'main/desk/map/map-handlers.ts']);
});

test('each channel is named in its contract line and its handler module, nowhere else', () => {
  const problems: string[] = [];
  for (const channel of CHANNELS) {
    const domain = channel.slice(0, channel.indexOf(':'));
    const found = mentions(channel);
    const contract = `common/contract/${domain}.ts`;
    const elsewhere = found.filter((f) => f !== contract);
    if (!found.includes(contract)) problems.push(`${channel}: not in ${contract}`);
    if (elsewhere.length > 1 || elsewhere.some((f) => !f.startsWith('main/')))
      problems.push(`${channel}: also in ${elsewhere.join(', ')}`);
    if (elsewhere.length === 0) problems.push(`${channel}: in no handler module`);
  }
  assert.deepEqual(problems, []);
});

test('no channel is written in two contract files (a second line would silently win)', () => {
  const lines = files
    .filter((x) => x.f.startsWith('common/contract/'))
    .flatMap((x) => [...x.text.matchAll(/^\s*'([a-z]+:[a-z-]+)': channel</gm)].map((m) => m[1]!));
  assert.equal(lines.length, new Set(lines).size, 'a channel line written twice');
  assert.deepEqual([...lines].sort(), Object.keys(CHANNEL_SPECS).sort());
});
