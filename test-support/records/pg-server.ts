/**
 * Test fixture: a throwaway PostgreSQL cluster (Debian's server binaries) on 127.0.0.1 and a free
 * port, trust authentication, removed afterwards. initdb refuses root: as root every server command
 * runs through `runuser -u postgres`. Where no server binaries are installed, `startPg` returns the
 * reason to skip (CI installs `postgresql`, see .ci/run).
 */
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PgServer {
  url: string;
  port: number;
  /** Stops the server (fast shutdown: every connection is cut). */
  stop(): Promise<void>;
  /** Starts it again on the same port. */
  start(): Promise<void>;
  /** Stops it and removes its files. */
  destroy(): Promise<void>;
}

function binDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : null;
}

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

const ABSENT =
  'PostgreSQL server binaries absent (/usr/lib/postgresql/*/bin/initdb): apt-get install postgresql';

/** Why the PostgreSQL tests cannot run here, or null when they can. */
export function pgSkipReason(): string | null {
  // .ci/run installs PostgreSQL and sets this: there, a missing server fails the tests, never skips them.
  if (process.env.VIGIE_REQUIRE_PG === '1') return null;
  return binDir() ? null : ABSENT;
}

export async function startPg(): Promise<PgServer> {
  const bin = binDir();
  if (!bin) throw new Error(ABSENT); // under VIGIE_REQUIRE_PG=1: fail, never skip
  const root = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-pg-'));
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    fs.chownSync(dir, uid, gid);
  }
  const pg = (tool: string, args: string[]): Promise<unknown> =>
    root
      ? run('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args])
      : run(path.join(bin, tool), args);
  const data = path.join(dir, 'data');
  await pg('initdb', ['-D', data, '-A', 'trust', '-U', 'vigie', '--no-sync']);
  const port = await freePort();
  const opts = `-k ${dir} -p ${port} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = async (): Promise<void> => {
    await pg('pg_ctl', ['-D', data, '-o', opts, '-l', path.join(dir, 'log'), '-w', 'start']);
  };
  const stop = async (): Promise<void> => {
    await pg('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  };
  await start();
  let destroyed = false;
  // A test process that ends without after() (an uncaught error) still stops its server.
  const onExit = (): void => {
    if (destroyed) return;
    try {
      const stopArgs = [path.join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', '-w', 'stop'];
      if (root) execFileSync('runuser', ['-u', 'postgres', '--', ...stopArgs], { stdio: 'ignore' });
      else execFileSync(stopArgs[0]!, stopArgs.slice(1), { stdio: 'ignore' });
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // Nothing more can be done on the way out.
    }
  };
  process.once('exit', onExit);
  return {
    url: `postgres://vigie@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop,
    destroy: async () => {
      if (destroyed) return;
      destroyed = true;
      process.off('exit', onExit);
      await stop().catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
