import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { loadOrCreateKeys } from './registry-key';
import { Registry } from './registry';
import { toCsv, toPdf, viewingSessions } from './registry-export';

const actor = { login: 'dupont', name: 'Jean Dupont', rank: 'Brigadier-chef', service: 'CIC' };

function fresh(n = 5): { dir: string; reg: Registry } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-reg-'));
  const reg = new Registry(dir, loadOrCreateKeys(dir));
  for (let i = 0; i < n; i++)
    reg.append({
      type: 'view.start',
      actor,
      cameraId: i + 1,
      surface: 'console-tile',
      data: { viewId: `v${i}` },
    });
  return { dir, reg };
}

/** What an attacker with file access can do: drop the triggers and rewrite rows. */
function tamper(dir: string, sql: string): void {
  const db = new DatabaseSync(path.join(dir, 'registry.db'));
  db.exec('DROP TRIGGER registry_no_update; DROP TRIGGER registry_no_delete;');
  db.exec(sql);
  db.close();
}

test('the registry refuses updates and deletes through SQL', () => {
  const { dir, reg } = fresh(2);
  reg.close();
  const db = new DatabaseSync(path.join(dir, 'registry.db'));
  assert.throws(() => db.exec("UPDATE registry SET login = 'x' WHERE seq = 1"), /append-only/);
  assert.throws(() => db.exec('DELETE FROM registry WHERE seq = 1'), /append-only/);
  db.close();
});

test('an intact chain verifies; the key never lands in the database', () => {
  const { dir, reg } = fresh(5);
  assert.deepEqual(reg.verify().ok, true);
  reg.close();
  const key = loadOrCreateKeys(dir).macKey;
  const dbBytes = fs.readFileSync(path.join(dir, 'registry.db'));
  assert.equal(dbBytes.includes(key), false);
  assert.equal(dbBytes.includes(Buffer.from(key.toString('base64'))), false);
  assert.equal(fs.statSync(path.join(dir, 'registry.key')).mode & 0o777, 0o600);
});

test('an edited row is detected and named', () => {
  const { dir, reg } = fresh(5);
  reg.close();
  tamper(dir, 'UPDATE registry SET camera_id = 99 WHERE seq = 3');
  const r = new Registry(dir, loadOrCreateKeys(dir)).verify();
  assert.deepEqual(r.ok ? null : [r.firstBadSeq, r.problem], [3, 'altered']);
});

test('a deleted middle row is detected', () => {
  const { dir, reg } = fresh(5);
  reg.close();
  tamper(dir, 'DELETE FROM registry WHERE seq = 2');
  const r = new Registry(dir, loadOrCreateKeys(dir)).verify();
  assert.deepEqual(r.ok ? null : r.firstBadSeq, 2);
});

test('truncation is detected against the last signed checkpoint', () => {
  const { dir, reg } = fresh(5);
  const cp = reg.checkpoint();
  assert.ok(reg.checkpointSignatureValid(cp));
  assert.ok(reg.verify(cp).ok);
  reg.close();
  tamper(dir, 'DELETE FROM registry WHERE seq >= 4');
  const again = new Registry(dir, loadOrCreateKeys(dir));
  assert.equal(again.verify().ok, true, 'a truncated chain is still self-consistent');
  const r = again.verify(cp);
  assert.ok(!r.ok && r.problem === 'checkpoint-truncated' && r.missing === 3);
  assert.equal(again.checkpointSignatureValid({ ...cp, seq: 2 }), false, 'a forged checkpoint is refused');
});

test('a purge is itself an entry, and the chain still verifies from its anchor', async () => {
  const { reg } = fresh(4);
  await new Promise((r) => setTimeout(r, 5));
  const cut = new Date().toISOString();
  reg.append({ type: 'auth.login', actor });
  const removed = reg.purge(cut, actor);
  assert.equal(removed, 5, 'the opening entry and the 4 views');
  const rows = reg.query();
  assert.deepEqual(
    rows.map((r) => r.type),
    ['auth.login', 'registry.purge'],
  );
  assert.ok(reg.verify().ok);
});

test('kill -9 during a burst of 10,000 writes loses no acknowledged entry', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-burst-'));
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(__dirname, '..', '..', '..', 'test-support', 'records', 'registry-burst.ts'),
      dir,
    ],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  let acked = 0;
  let buf = '';
  await new Promise<void>((resolve) => {
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      for (const l of lines) acked = Math.max(acked, Number(l));
      if (acked >= 1500 && child.exitCode === null) child.kill('SIGKILL');
    });
    child.on('exit', () => resolve());
  });
  assert.ok(acked >= 1500 && acked < 10_000, `acknowledged ${acked}`);
  const reg = new Registry(dir, loadOrCreateKeys(dir));
  const r = reg.verify();
  assert.ok(r.ok, 'the chain is intact after the crash');
  assert.ok(r.rows >= acked, `rows ${r.rows} >= acknowledged ${acked}`);
  reg.close();
});

test('viewing sessions pair starts and ends; CSV and PDF carry them in French', async () => {
  const { dir, reg } = fresh(0);
  reg.append({ type: 'view.start', actor, cameraId: 7, surface: 'console-tile', data: { viewId: 'a' } });
  reg.append({
    type: 'view.end',
    actor,
    cameraId: 7,
    surface: 'console-tile',
    data: { viewId: 'a', seconds: 3 },
  });
  reg.append({
    type: 'requisition',
    actor,
    data: { number: 'RJ-2026-042', authority: 'Parquet', copyRequested: true },
  });
  const rows = reg.query();
  const s = viewingSessions(rows);
  assert.equal(s.length, 1);
  assert.equal(s[0]?.cameraId, 7);
  assert.ok(s[0]?.end);
  const csv = toCsv(rows);
  assert.match(csv, /Début de visionnage;dupont;Jean Dupont;Brigadier-chef;CIC;7/);
  assert.match(csv, /RJ-2026-042/);
  const pdf = path.join(dir, 'r.pdf');
  fs.writeFileSync(pdf, await toPdf(rows, {}, reg.verify(), 'poste-1'));
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  assert.match(text, /Registre des accès aux images/);
  assert.match(text, /Caméra 7 \(console-tile\)/);
  assert.match(text, /Jean Dupont, Brigadier-chef, CIC/);
  assert.match(text, /Réquisition judiciaire/);
  assert.match(text, /chaîne vérifiée/);
});
