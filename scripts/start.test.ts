/**
 * `npm start -- --port X --data-dir D`, as the README gives it: where Electron's binary is absent it
 * starts the browser host, which must answer on X and keep its data in D (the flags once lost to the
 * `--port 5780` that start.mjs put first). It rebuilds dist/, as `npm start` does.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../test-support/video/rtsp-lab';

const ROOT = path.join(__dirname, '..');

function electronInstalled(): boolean {
  try {
    const dir = path.dirname(createRequire(__filename).resolve('electron/package.json'));
    return fs.existsSync(path.join(dir, 'dist', fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim()));
  } catch {
    return false;
  }
}

test(
  'npm start -- --port X --data-dir D serves on X and keeps its data in D',
  { skip: electronInstalled() && 'Electron is installed: npm start opens it, and --port is the host’s' },
  async () => {
    const port = await freePort();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-start-'));
    // Its own process group, so that npm, start.mjs and the host all stop together.
    const child = spawn('npm', ['start', '--', '--port', String(port), '--data-dir', dir], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, VIGIE_PORT: '', VIGIE_DATA_DIR: '' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', () => {
          const m = /Vigie \(hôte navigateur\) : (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.on('exit', (code) => reject(new Error(`npm start exited (${code}):\n${out}\n${err}`)));
      });
      assert.equal(url, `http://127.0.0.1:${port}/`, 'the host listens on the port given');
      const res = await fetch(url);
      assert.equal(res.status, 200);
      assert.match(await res.text(), /<html/i);
      assert.ok(fs.existsSync(path.join(dir, 'registry.db')), 'the registry is in the data dir given');
      assert.doesNotMatch(err, /SQLite is an experimental feature/, 'the host prints no SQLite warning');
    } finally {
      if (child.exitCode === null) {
        const gone = new Promise((r) => child.once('exit', r));
        process.kill(-child.pid!, 'SIGTERM');
        await gone;
      }
    }
  },
);
