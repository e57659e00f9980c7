/**
 * Issue 21, the shared database goes away: a post on `--store` keeps answering, and what needs the
 * database (a new login, a contacts save) is refused with `store_unreachable`, which the console
 * says in the operator's language, never `internal`. When the server is back, the same calls work.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Result } from '../../common/result';
import { pgSuite } from '../../test-support/records/pg-suite';
import { createServices, type Services } from './services';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = ['--import', 'tsx', 'main/app/cli/cli.ts'];
let post: Services | null = null;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-outage-'));

const code = (r: Result<unknown>): string => (r.ok ? 'ok' : r.error.code);

pgSuite('the shared database goes away', (lab) => {
  lab.cleanup(() => post?.close());
  test(
    'while the shared database is away, what needs it is refused as store_unreachable; then it works again',
    {
      timeout: 120_000,
    },
    async () => {
      const store = await lab.database();
      const dataDir = path.join(dir, 'post');
      execFileSync(process.execPath, [...CLI, 'store', 'join', '--data-dir', dataDir, '--store', store], {
        cwd: ROOT,
      });
      const chef = ['--login', 'chef', '--name', 'Anne Chef', '--rank', 'Commandant', '--service', 'CIC'];
      execFileSync(
        process.execPath,
        [...CLI, 'operators', 'add', '--data-dir', dataDir, ...chef, '--role', 'head'],
        {
          cwd: ROOT,
          env: { ...process.env, VIGIE_STORE: store },
          input: 'Chef-du-CIC-2026\n',
        },
      );
      const cameras = path.join(dir, 'cameras.json');
      fs.writeFileSync(
        cameras,
        JSON.stringify({ cameras: [{ id: 1, name: 'A', site: 'S', streams: { main: 'demo:1' } }] }),
      );
      post = await createServices({
        ...{ dataDir, assetsDir: path.join(ROOT, 'assets'), host: 'browser', version: 't' },
        ...{ camerasFile: cameras, store },
      });
      const call = (clientId: string, channel: string, payload?: unknown): Promise<Result<unknown>> =>
        Promise.resolve(post!.router.dispatch(channel, payload, { clientId })) as Promise<Result<unknown>>;
      const login = { login: 'chef', password: 'Chef-du-CIC-2026' };
      assert.equal(code(await call('a', 'auth:login', login)), 'ok');
      const contacts = { entries: [], procedure: 'Prévenir le CSU' };
      assert.equal(code(await call('a', 'contacts:set', contacts)), 'ok');

      await lab.server.stop();
      // The logged-in console still answers; saving needs the database: said as such.
      assert.equal(code(await call('a', 'auth:status')), 'ok');
      assert.equal(
        code(await call('a', 'contacts:set', { ...contacts, procedure: 'Autre' })),
        'store_unreachable',
      );
      // A new login counts its attempt in the shared accounts: refused the same way.
      assert.equal(code(await call('b', 'auth:login', login)), 'store_unreachable');

      await lab.server.start();
      const again = async (): Promise<string> =>
        code(await call('a', 'contacts:set', { ...contacts, procedure: 'Autre' }));
      const end = Date.now() + 30_000;
      let last = await again();
      while (last !== 'ok' && Date.now() < end) {
        await new Promise((r) => setTimeout(r, 250));
        last = await again();
      }
      assert.equal(last, 'ok');
      assert.equal(code(await call('b', 'auth:login', login)), 'ok');
    },
  );
});

// After the suite's own clean-up (hooks run in the order they are declared): the posts are closed by then.
after(() => fs.rmSync(dir, { recursive: true, force: true }));
