import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import { chooseDataDir, DataDirError, machineDataDir, prepareDataDir } from './data-dir';
import { locateFfmpeg, shipped } from '../../video/streams/ffmpeg-locate';

const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-dd-'));

test('the machine-wide folder is %ProgramData%\\Vigie on Windows and /var/lib/vigie elsewhere', () => {
  assert.equal(machineDataDir('win32', { ProgramData: 'D:\\ProgramData' }), 'D:\\ProgramData\\Vigie');
  assert.equal(machineDataDir('win32', {}), 'C:\\ProgramData\\Vigie');
  assert.equal(machineDataDir('linux', {}), '/var/lib/vigie');
});

test('a configured folder wins (option, then VIGIE_DATA_DIR), and is created 0700', () => {
  const base = tmp();
  const a = chooseDataDir({ option: path.join(base, 'a'), env: { VIGIE_DATA_DIR: path.join(base, 'b') } });
  assert.deepEqual(a, { dir: path.join(base, 'a'), source: 'option' });
  assert.equal(fs.statSync(a.dir).mode & 0o777, 0o700);
  const b = chooseDataDir({ env: { VIGIE_DATA_DIR: path.join(base, 'b') } });
  assert.equal(b.source, 'env');
});

test('an existing folder readable by others is tightened to 0700 (it holds the registry keys)', () => {
  const dir = tmp();
  fs.chmodSync(dir, 0o755);
  assert.equal(prepareDataDir(dir, 'linux'), true);
  assert.equal(fs.statSync(dir).mode & 0o777, 0o700);
});

test('the data may never live in the install folder: an upgrade or uninstall would take it', () => {
  const install = tmp();
  assert.throws(
    () => chooseDataDir({ option: path.join(install, 'data'), installDir: install }),
    (e: unknown) => e instanceof DataDirError && e.code === 'inside_install',
  );
  assert.throws(
    () =>
      chooseDataDir({
        option: 'C:\\Program Files\\Vigie\\DATA',
        platform: 'win32',
        installDir: 'c:\\program files\\vigie',
        prepare: () => true,
      }),
    /installation/,
    'Windows paths compare without case',
  );
});

test('without configuration: the machine folder, else (lab only) a per-user folder, else a clear error', () => {
  const used: string[] = [];
  const noMachine = (d: string): boolean => (used.push(d), d !== '/var/lib/vigie');
  const lab = chooseDataDir({
    env: { XDG_DATA_HOME: '/home/x/.local/share' },
    platform: 'linux',
    allowUserFallback: true,
    prepare: noMachine,
  });
  assert.deepEqual(lab, { dir: '/home/x/.local/share/vigie', source: 'user' });
  assert.throws(
    () => chooseDataDir({ env: {}, platform: 'linux', prepare: noMachine }),
    (e: unknown) => e instanceof DataDirError && e.code === 'unusable' && e.dir === '/var/lib/vigie',
  );
  assert.deepEqual(chooseDataDir({ env: {}, platform: 'linux', prepare: () => true }), {
    dir: '/var/lib/vigie',
    source: 'machine',
  });
});

test('the ffmpeg the installer ships in resources/ffmpeg is found before the PATH', () => {
  const res = tmp();
  assert.equal(shipped(res, 'linux'), null);
  fs.mkdirSync(path.join(res, 'ffmpeg'));
  fs.writeFileSync(path.join(res, 'ffmpeg', 'ffmpeg.exe'), '');
  assert.equal(shipped(res, 'win32'), path.join(res, 'ffmpeg', 'ffmpeg.exe'));
  fs.writeFileSync(path.join(res, 'ffmpeg', 'ffmpeg'), '', { mode: 0o755 });
  assert.equal(locateFfmpeg(undefined, res), path.join(res, 'ffmpeg', 'ffmpeg'));
  assert.notEqual(locateFfmpeg(undefined, undefined), path.join(res, 'ffmpeg', 'ffmpeg'));
});
