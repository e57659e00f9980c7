import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseHostPort } from './flags/host-port';
import { FlagError } from './flags/flag-parser';
import { hostOptions } from './flags/post-options';

/** The role a host command line gives, through the real parser; throws its FlagError. */
function hostRole(argv: string[]) {
  const r = hostOptions(argv, {});
  if (!r.ok) throw r.error;
  assert.ok(!r.help);
  return r.value.role;
}

const FP = 'ab'.repeat(32);
const FP_COLONS = Array(32).fill('AB').join(':');

test('wall link flags: roles, endpoints and pins are checked before anything starts', () => {
  assert.deepEqual(hostRole([]), { role: 'console', wall: null, display: null });
  assert.deepEqual(hostRole(['--wall', '10.0.0.12:5790', '--wall-pin', FP]), {
    role: 'console',
    wall: { host: '10.0.0.12', port: 5790, pin: FP_COLONS },
    display: null,
  });
  assert.deepEqual(
    hostRole([
      '--role',
      'wall',
      '--listen',
      '0.0.0.0:5790',
      `--peer-pin=${FP_COLONS.toLowerCase()}`,
      '--display',
      'barco-rlm@/dev/ttyUSB0',
    ]),
    {
      role: 'wall',
      listen: { host: '0.0.0.0', port: 5790 },
      peerPin: FP_COLONS,
      display: 'barco-rlm@/dev/ttyUSB0',
    },
  );
  const refuses = (args: string[], re: RegExp): void =>
    assert.throws(
      () => hostRole(args),
      (e: unknown) => e instanceof FlagError && re.test(e.message),
    );
  refuses(['--role', 'wall', '--peer-pin', FP], /--listen/);
  refuses(['--role', 'wall', '--listen', 'x:1'], /--peer-pin/);
  refuses(['--role', 'wall', '--listen', 'x:1', '--peer-pin', FP.slice(2)], /--peer-pin/);
  refuses(['--wall', '10.0.0.12:5790'], /--wall-pin/);
  refuses(['--wall', '10.0.0.12', '--wall-pin', FP], /--wall/);
  refuses(['--listen', '0.0.0.0:1', '--peer-pin', FP], /--role wall/);
  refuses(['--role', 'kiosk'], /--role/);
  refuses(['--wall-pin', FP], /--wall-pin va avec --wall/);
  refuses(['--role', 'wall', '--role', 'wall'], /--role est donnée deux fois/);
  assert.deepEqual(parseHostPort('[::1]:80'), { host: '::1', port: 80 });
  assert.equal(parseHostPort('h:70000'), null);
  assert.equal(parseHostPort('h:'), null);
});

test('`vigie wall identity` creates the identity once and prints the same fingerprint', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-cli-'));
  const run = (): string =>
    execFileSync(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, 'cli', 'cli.ts'), 'wall', 'identity', '--data-dir', dir],
      {
        encoding: 'utf8',
      },
    );
  const first = run();
  assert.match(first, /^Identité du poste créée/);
  const fp = /([0-9A-F]{2}(?::[0-9A-F]{2}){31})/.exec(first)?.[1];
  assert.ok(fp);
  const second = run();
  assert.match(second, /^Identité du poste \(/);
  assert.ok(second.includes(fp));
  assert.equal(fs.statSync(path.join(dir, 'wall-link.key')).mode & 0o777, 0o600);
});
