/**
 * What someone who can write the data directory, but has no key, tries against the registry; and
 * two processes writing it at once (the console and the `vigie` CLI).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { loadOrCreateKeys } from './registry-key';
import { Registry, type VerifyResult } from './registry';

const actor = { login: 'dupont', name: 'Jean Dupont', rank: 'Brigadier-chef', service: 'CIC' };
const CLI = path.join(__dirname, '..', '..', 'app', 'cli', 'cli.ts');

function fresh(n: number): { dir: string; reg: Registry } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-integrity-'));
  const reg = new Registry(dir, loadOrCreateKeys(dir));
  for (let i = 0; i < n; i++) reg.append({ type: 'auth.login', actor, data: { i } });
  return { dir, reg };
}

const reopen = (dir: string): Registry => new Registry(dir, loadOrCreateKeys(dir));
const problem = (r: VerifyResult): string => (r.ok ? 'ok' : r.problem);

/** Raw SQL on the file, as an attacker with write access would run it. */
function attack(dir: string, sql: string): void {
  const db = new DatabaseSync(path.join(dir, 'registry.db'));
  db.exec(sql);
  db.close();
}

function head(dir: string): { seq: number; mac: string } {
  const db = new DatabaseSync(path.join(dir, 'registry.db'), { readOnly: true });
  const h = db.prepare('SELECT seq, mac FROM registry ORDER BY seq DESC LIMIT 1').get() as {
    seq: number;
    mac: string;
  };
  db.close();
  return h;
}

function cliVerify(dir: string, checkpoint?: string): { status: number | null; out: string } {
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      CLI,
      'registry',
      'verify',
      '--data-dir',
      dir,
      ...(checkpoint ? ['--checkpoint', checkpoint] : []),
    ],
    { encoding: 'utf8' },
  );
  return { status: r.status, out: r.stdout };
}

test('two altered entries far apart and a deleted range are all reported, the CLI prints each', () => {
  const { dir, reg } = fresh(60); // entries 1 (registry.init) to 61
  reg.close();
  attack(
    dir,
    `DROP TRIGGER registry_no_update; DROP TRIGGER registry_no_delete;
     UPDATE registry SET login = 'x' WHERE seq = 5; UPDATE registry SET data = '{}' WHERE seq = 50;
     DELETE FROM registry WHERE seq BETWEEN 20 AND 29;`,
  );
  const r = reopen(dir).verify();
  assert.ok(!r.ok);
  assert.deepEqual([r.firstBadSeq, r.problem, r.rows, r.rangeCount], [5, 'altered', 51, 3]);
  assert.deepEqual(r.ranges, [
    { first: 5, last: 5, problem: 'altered' },
    { first: 20, last: 29, problem: 'missing' },
    { first: 50, last: 50, problem: 'altered' },
  ]);
  const cli = cliVerify(dir);
  assert.equal(cli.status, 3);
  assert.equal(
    cli.out,
    'ALTÉRATION : 3 plages d’entrées en cause (51 entrées lues) :\n' +
      '  - entrée 5 altérée\n  - entrées 20 à 29 manquantes\n  - entrée 50 altérée\n',
  );
});

test('past ten ranges, all are counted, ten listed, and a truncated tail is still named', () => {
  const { dir, reg } = fresh(80);
  const cp = reg.checkpoint();
  reg.close();
  // Twelve separate altered entries, two adjacent ones (one range), then the tail cut after 75.
  const altered = [3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 40, 41];
  attack(
    dir,
    `DROP TRIGGER registry_no_update; DROP TRIGGER registry_no_delete;
     UPDATE registry SET surface = 'x' WHERE seq IN (${altered.join(',')});
     DELETE FROM registry WHERE seq > 75;`,
  );
  const r = reopen(dir).verify(cp);
  assert.ok(!r.ok);
  assert.equal(r.rangeCount, 13, 'twelve altered ranges and the truncation');
  assert.deepEqual(
    r.ranges.map((x) => `${x.first}-${x.last} ${x.problem}`),
    [...altered.slice(0, 10).map((n) => `${n}-${n} altered`), '76-81 checkpoint-truncated'],
  );
  const cpFile = path.join(dir, 'cp.json');
  fs.writeFileSync(cpFile, JSON.stringify(cp));
  const cli = cliVerify(dir, cpFile);
  assert.equal(cli.status, 3);
  assert.match(cli.out, /^ALTÉRATION : 13 plages d’entrées en cause \(75 entrées lues\) :\n/);
  assert.match(cli.out, /- entrée 30 altérée\n {2}- registre tronqué : 6 entrée\(s\) manquent/);
  assert.match(cli.out, /… et 2 autres plages, non listées\.\n$/);
});

test('after a gap the chain resumes from the next entry present: later tampering is still found', () => {
  const { dir, reg } = fresh(10);
  reg.close();
  attack(
    dir,
    `DROP TRIGGER registry_no_update; DROP TRIGGER registry_no_delete;
     DELETE FROM registry WHERE seq = 4; UPDATE registry SET camera_id = 9 WHERE seq = 8;`,
  );
  const r = reopen(dir).verify();
  assert.deepEqual(r.ok ? [] : r.ranges, [
    { first: 4, last: 4, problem: 'missing' },
    { first: 8, last: 8, problem: 'altered' },
  ]);
});

test('wiping every row and re-anchoring at the head is detected, with or without a checkpoint', () => {
  const { dir, reg } = fresh(5);
  const cpFile = path.join(dir, 'cp.json');
  fs.writeFileSync(cpFile, JSON.stringify(reg.checkpoint()));
  reg.append({ type: 'auth.logout', actor });
  reg.close();
  const h = head(dir);
  // Through the purge gate, then with the triggers dropped: both ways empty the table.
  attack(
    dir,
    `INSERT INTO registry_purge_gate (open) VALUES (1); DELETE FROM registry; DELETE FROM registry_purge_gate;
     INSERT INTO registry_anchor (id, seq, mac) VALUES (1, ${h.seq}, '${h.mac}');`,
  );
  const again = reopen(dir);
  again.append({ type: 'app.start' }); // the post restarts and carries on from the forged anchor
  assert.equal(problem(again.verify()), 'anchor-unproven');
  const cp = JSON.parse(fs.readFileSync(cpFile, 'utf8')) as unknown;
  assert.equal(problem(again.verify(cp)), 'anchor-unproven');
  again.close();
  const cli = cliVerify(dir, cpFile);
  assert.equal(cli.status, 3);
  assert.match(
    cli.out,
    /ALTÉRATION : 2 plages .*\n {2}- l’ancre de conservation .* ne correspond à aucune purge inscrite/,
  );
});

test('after a genuine purge, moving the anchor forward without the key is detected', async () => {
  const { dir, reg } = fresh(3);
  await new Promise((r) => setTimeout(r, 5));
  const cut = new Date().toISOString();
  reg.append({ type: 'auth.login', actor });
  reg.purge(cut, actor);
  for (let i = 0; i < 4; i++) reg.append({ type: 'auth.logout', actor });
  assert.equal(problem(reg.verify()), 'ok');
  reg.close();
  const h = head(dir);
  // The MAC of the row before the head is stored in clear: the attacker anchors the chain on it.
  attack(
    dir,
    `UPDATE registry_anchor SET seq = ${h.seq - 1}, mac = (SELECT mac FROM registry WHERE seq = ${h.seq - 1});
     DROP TRIGGER registry_no_delete; DELETE FROM registry WHERE seq <= ${h.seq - 1};`,
  );
  assert.equal(problem(reopen(dir).verify()), 'anchor-unproven');
});

test('an emptied registry, and one re-created with the old key, are detected', () => {
  const { dir, reg } = fresh(3);
  reg.close();
  attack(dir, 'DROP TRIGGER registry_no_delete; DELETE FROM registry;');
  assert.equal(problem(reopen(dir).verify()), 'wiped');
  fs.rmSync(path.join(dir, 'registry.db'));
  fs.rmSync(path.join(dir, 'registry.db-wal'), { force: true });
  fs.rmSync(path.join(dir, 'registry.db-shm'), { force: true });
  const again = reopen(dir);
  again.append({ type: 'app.start' });
  assert.equal(problem(again.verify()), 'wiped');
});

test('a checkpoint signed by any key but the post’s own is refused', () => {
  const { reg } = fresh(3);
  const genuine = reg.checkpoint();
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  const base = { seq: genuine.seq, mac: genuine.mac, at: genuine.at };
  const signature = crypto.sign(null, Buffer.from(JSON.stringify(base)), privateKey).toString('base64');
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  assert.equal(problem(reg.verify({ ...base, signature, publicKey: pem })), 'checkpoint-foreign-key');
  // Carrying the post's public key does not help a signature made with another.
  assert.equal(problem(reg.verify({ ...genuine, signature })), 'checkpoint-signature');
  assert.equal(problem(reg.verify({ ...genuine, seq: genuine.seq - 1 })), 'checkpoint-signature');
  assert.equal(problem(reg.verify(genuine)), 'ok');
});

test('a checkpoint whose entry is gone, or that lies at or below the anchor, is a failure', async () => {
  const { dir, reg } = fresh(3);
  const early = reg.checkpoint();
  await new Promise((r) => setTimeout(r, 5));
  const cut = new Date().toISOString();
  reg.append({ type: 'auth.login', actor });
  const late = reg.checkpoint();
  reg.purge(cut, actor);
  assert.equal(problem(reg.verify(late)), 'ok');
  assert.equal(problem(reg.verify(early)), 'checkpoint-before-anchor');
  for (let i = 0; i < 3; i++) reg.append({ type: 'auth.logout', actor });
  const last = reg.checkpoint();
  reg.close();
  attack(dir, `DROP TRIGGER registry_no_delete; DELETE FROM registry WHERE seq >= ${last.seq - 1};`);
  const r = reopen(dir).verify(last);
  assert.deepEqual(r.ok ? null : [r.problem, r.missing], ['checkpoint-truncated', 2]);
  const cpFile = path.join(dir, 'cp.json');
  fs.writeFileSync(cpFile, JSON.stringify(early));
  const cli = cliVerify(dir, cpFile);
  assert.equal(cli.status, 3);
  assert.match(cli.out, /point de contrôle n° \d+ antérieur à la dernière purge/);
});

test('an unreadable checkpoint file is a failure, not a crash', () => {
  const { dir, reg } = fresh(2);
  assert.equal(problem(reg.verify(null)), 'checkpoint-unreadable');
  assert.equal(problem(reg.verify({ seq: 'x' })), 'checkpoint-unreadable');
  reg.close();
  const bad = path.join(dir, 'bad.json');
  fs.writeFileSync(bad, '{ pas du json');
  const cli = cliVerify(dir, bad);
  assert.equal(cli.status, 3);
  assert.match(cli.out, /point de contrôle illisible/);
});

test('two writers on the same registry (console and CLI) keep one valid chain', () => {
  const { dir, reg: consoleSide } = fresh(2);
  const cliSide = reopen(dir);
  consoleSide.append({ type: 'auth.login', actor });
  cliSide.append({ type: 'registry.checkpoint', data: { via: 'cli' } });
  consoleSide.append({ type: 'auth.logout', actor });
  cliSide.purge(new Date(Date.now() - 86_400_000).toISOString(), null);
  assert.equal(cliSide.purge(new Date().toISOString(), null) > 0, true);
  const afterPurge = consoleSide.append({ type: 'auth.login', actor });
  const cp = cliSide.checkpoint();
  assert.equal(cp.seq, afterPurge.seq, 'the CLI signs the head the console just wrote');
  consoleSide.append({ type: 'auth.logout', actor });
  assert.equal(problem(consoleSide.verify(cp)), 'ok');
  assert.equal(problem(cliSide.verify(cp)), 'ok');
});
