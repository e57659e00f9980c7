/** The `vigie` CLI as a technician runs it: its usage, its refusals, and a clean stderr. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CLI = path.join(__dirname, 'cli.ts');
/**
 * The CLI loaded as CommonJS, as the shipped bundle (dist/host/cli.js) is: through tsx's ESM loader,
 * Node's warnings wait for the module promise and a short command exits before printing them.
 */
const vigie = (args: string[]) => {
  const r = spawnSync(process.execPath, ['--require', 'tsx/cjs', CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, VIGIE_DATA_DIR: '', VIGIE_PORT: '' },
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};
const SQLITE_WARNING = /ExperimentalWarning|SQLite is an experimental feature/;

test('vigie --help lists every flag of the self-test, its CSU channels included', () => {
  const r = vigie(['--help']);
  assert.equal(r.status, 0);
  const text = r.stdout + r.stderr;
  const selftest = text.slice(text.indexOf('vigie selftest'), text.indexOf('vigie update'));
  for (const f of [
    '--csu-webhook URL',
    '--csu-smtp smtp://HÔTE:PORT',
    '--csu-mail-to ADRESSE',
    '--technician NOM',
  ])
    assert.ok(selftest.includes(f), `${f} in:\n${selftest}`);
});

test('an unknown flag stops the command with a French sentence naming it, and nothing runs', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-cli-'));
  const r = vigie(['selftest', '--data-dir', dir, '--csu-webhok', 'http://127.0.0.1:9/']);
  assert.equal(r.status, 2, r.stdout + r.stderr);
  assert.match(r.stderr, /^vigie : option inconnue : --csu-webhok pour « vigie selftest »\n/);
  assert.match(r.stderr, /vigie selftest --help/);
  assert.deepEqual(fs.readdirSync(dir), [], 'no registry, no report: the self-test did not run');
});

test('a CLI command prints no SQLite ExperimentalWarning', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-cli-'));
  const r = vigie(['operators', 'list', `--data-dir=${dir}`]);
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stderr, SQLITE_WARNING);
  assert.equal(r.stderr, '');
  assert.ok(fs.existsSync(path.join(dir, 'registry.db')), 'the command did open SQLite');
});

test('only the SQLite warning is dropped: another warning, experimental or not, still prints', () => {
  const script = [
    `require(${JSON.stringify(path.join(__dirname, '..', '..', 'platform', 'log', 'sqlite-warning.ts'))});`,
    "process.emitWarning('un autre avertissement', 'ExperimentalWarning');",
    "process.emitWarning('encore un', { type: 'DeprecationWarning', code: 'DEP_X' });",
    "new (require('node:sqlite').DatabaseSync)(':memory:');",
  ].join('\n');
  const r = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /ExperimentalWarning: un autre avertissement/);
  assert.match(r.stderr, /\[DEP_X\] DeprecationWarning: encore un/);
  assert.doesNotMatch(r.stderr, /SQLite is an experimental feature/);
});
