/**
 * Defence in depth (issue 18 §1): whatever a caller hands to `append`, what is MACed is what SQLite
 * stores and gives back, so the chain still verifies. Before, a lone surrogate (stored as U+FFFD)
 * or a NUL (text cut there) made that entry "altered" for good.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { textProblem } from '../../../common/text';
import { HOSTILE_TEXTS } from '../../../test-support/records/hostile-text';
import { loadOrCreateKeys } from './registry-key';
import { computeMac, Registry } from './registry';

const CLI = path.join(__dirname, '..', '..', 'app', 'cli', 'cli.ts');

function fresh(): { dir: string; reg: Registry } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-regtext-'));
  return { dir, reg: new Registry(dir, loadOrCreateKeys(dir)) };
}

test('hostile text appended directly still verifies, shown visibly, its data intact', () => {
  const { dir, reg } = fresh();
  for (const h of HOSTILE_TEXTS) {
    const actor = { login: h.text, name: h.text, rank: h.text, service: h.text };
    const row = reg.append({ type: 'auth.login_failed', actor, surface: h.text, data: { login: h.text } });
    const v = reg.verify();
    assert.ok(v.ok, `${h.label}: ${JSON.stringify(v)}`);
    const found = reg.query({ from: row.at }).find((r) => r.seq === row.seq);
    assert.ok(found, h.label);
    const stored = { ...found };
    assert.deepEqual(stored, row, `${h.label}: what append returned is what SQLite gives back`);
    for (const col of [stored.login, stored.name, stored.rank, stored.service, stored.surface ?? ''])
      assert.equal(textProblem(col), null, `${h.label}: the stored column obeys the text rule`);
    if (h.line === null) assert.equal(stored.login, h.text, `${h.label}: ordinary text is kept as typed`);
    else assert.notEqual(stored.login, h.text);
    // JSON escapes lone surrogates and controls: the data column keeps the text exactly.
    assert.equal((JSON.parse(stored.data) as { login: string }).login, h.text, h.label);
  }
  const nul = reg.query({ types: ['auth.login_failed'] }).find((r) => r.login.startsWith('ab'));
  assert.equal(nul?.login, 'ab\u2400cd', 'a NUL is shown as ␀, and the text after it is kept');
  reg.close();
  const cli = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'registry', 'verify', '--data-dir', dir], {
    encoding: 'utf8',
  });
  assert.equal(cli.status, 0, cli.stdout + cli.stderr);
});

test('rows written before text was made canonical verify as they always did', () => {
  const { dir, reg } = fresh();
  reg.append({ type: 'auth.login', actor: { login: 'a', name: 'A', rank: 'B', service: 'C' } });
  const head = reg.verify();
  assert.ok(head.ok && head.head);
  reg.close();
  // An older version stored a BEL and a bidi override as they came, and MACed them so.
  const keys = loadOrCreateKeys(dir);
  const old = {
    seq: head.head.seq + 1,
    at: new Date().toISOString(),
    type: 'auth.login_failed',
    login: 'vieux\u0007\u202e',
    name: '',
    rank: '',
    service: '',
    cameraId: null,
    surface: null,
    data: '{"login":"vieux\\u0007\u202e"}',
  };
  const db = new DatabaseSync(path.join(dir, 'registry.db'));
  db.prepare(
    'INSERT INTO registry (seq, at, type, login, name, rank, service, camera_id, surface, data, mac) VALUES (?,?,?,?,?,?,?,?,?,?,?)',
  ).run(...Object.values(old), computeMac(keys.macKey, head.head.mac, old));
  db.close();
  const again = new Registry(dir, keys);
  again.append({ type: 'auth.logout', actor: { login: 'a', name: 'A', rank: 'B', service: 'C' } });
  assert.deepEqual(again.verify().ok, true);
  again.close();
});
