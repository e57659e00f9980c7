import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { REGISTRY_EVENTS, VERIFY_PROBLEMS } from '../contract/registry';
import { CHECK_GROUPS, SELFTEST_CODES } from '../selftest';
import { EVENT_LABELS_FR, LABELS_FR, SELFTEST_CODES_FR, SELFTEST_GROUPS_FR, VERIFY_LABELS_FR } from './fr';

const labelled = (labels: object, key: string): boolean =>
  Object.hasOwn(labels, key) && Boolean((labels as Record<string, string | undefined>)[key]?.trim());

test('every registry event type, verification problem and self-test check has a French label', () => {
  for (const e of REGISTRY_EVENTS) assert.ok(labelled(EVENT_LABELS_FR, `event.${e}`), e);
  for (const p of VERIFY_PROBLEMS) assert.ok(labelled(VERIFY_LABELS_FR, `verify.${p}`), p);
  for (const g of CHECK_GROUPS) assert.ok(labelled(SELFTEST_GROUPS_FR, `selftest.group.${g}`), g);
  for (const c of SELFTEST_CODES) assert.ok(labelled(SELFTEST_CODES_FR, `selftest.code.${c}`), c);
});

/** Product files under a folder, tests left out. */
function productFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => path.join(dir, f));
}

test('main/ writes none of these labels again: it imports them', () => {
  const root = path.resolve(import.meta.dirname, '../..');
  const files = productFiles(path.join(root, 'main'));
  // Short labels (« Connexion ») may rightly be another word elsewhere; sentences may not.
  const sentences = Object.values(LABELS_FR).filter((s) => s.length >= 24);
  assert.ok(sentences.length > 50);
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    for (const s of sentences) assert.ok(!text.includes(s), `${path.relative(root, f)} repeats « ${s} »`);
  }
});
