/**
 * The soak's end: processes left over once the post is closed, the registry's chain checked by the
 * install CLI (`vigie registry verify`), every `view.start` matched by its `view.end` (the crash's
 * included, closed as interrupted at the restart), and every acknowledged action found in it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { readProcs } from './bench-proc';
import type { Ledger } from './soak-chores';
import { strayFfmpeg } from './soak-probe';

const ROOT = path.resolve(__dirname, '..');

export interface Leftovers {
  ffmpeg: number[];
  chromium: number[];
  hosts: number[];
  lab: number[];
}

const alive = (pid: number): boolean => fs.existsSync(`/proc/${pid}`);

/** What is still running, 10 s at most after the post closed (a process may take a moment to go). */
export async function leftovers(o: {
  labPort: number;
  labPids: number[];
  chromium: Set<number>;
  dataDir: string;
  /** The lab was stopped too: its processes must be gone. */
  labStopped: boolean;
}): Promise<Leftovers> {
  const read = (): Leftovers => {
    const procs = readProcs();
    const hosts = [...procs.values()]
      .filter((p) => p.comm === 'node' || p.comm.startsWith('node'))
      .filter((p) => {
        try {
          return fs.readFileSync(`/proc/${p.pid}/cmdline`, 'utf8').includes(o.dataDir);
        } catch {
          return false;
        }
      })
      .map((p) => p.pid);
    return {
      ffmpeg: strayFfmpeg(o.labPort, o.labPids, undefined, procs).map((p) => p.pid),
      chromium: [...o.chromium].filter((pid) => alive(pid) && /chrom/i.test(procs.get(pid)?.comm ?? '')),
      hosts,
      lab: o.labStopped ? o.labPids.filter(alive) : [],
    };
  };
  const end = Date.now() + 10_000;
  let l = read();
  while (Date.now() < end && l.ffmpeg.length + l.chromium.length + l.hosts.length + l.lab.length > 0) {
    await new Promise((r) => setTimeout(r, 500));
    l = read();
  }
  return l;
}

export interface RegistryCheck {
  verified: boolean;
  verifyOutput: string;
  entries: number;
  views: { starts: number; ends: number; interrupted: number; open: number };
  /** Acknowledged actions the registry does not hold, as `type|login: missing`. */
  lost: Record<string, number>;
}

export function checkRegistry(dataDir: string, ledger: Ledger): RegistryCheck {
  let verifyOutput: string;
  let verified = true;
  try {
    verifyOutput = execFileSync(
      process.execPath,
      [path.join(ROOT, 'bin', 'vigie.js'), 'registry', 'verify', '--data-dir', dataDir],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    ).toString();
  } catch (e) {
    verified = false;
    const x = e as { stdout?: Buffer; stderr?: Buffer; message: string };
    verifyOutput = `${x.stdout?.toString() ?? ''}${x.stderr?.toString() ?? ''}` || x.message;
  }
  const db = new DatabaseSync(path.join(dataDir, 'registry.db'), { readOnly: true });
  try {
    const entries = (db.prepare('SELECT count(*) AS n FROM registry').get() as { n: number }).n;
    const v = db
      .prepare(
        `SELECT sum(type = 'view.start') AS starts, sum(type = 'view.end') AS ends,
                sum(type = 'view.end' AND json_extract(data, '$.interrupted') = 1) AS interrupted
         FROM registry WHERE type IN ('view.start', 'view.end')`,
      )
      .get() as { starts: number | null; ends: number | null; interrupted: number | null };
    const open = (
      db
        .prepare(
          `SELECT count(*) AS n FROM (SELECT json_extract(data, '$.viewId') AS id FROM registry
           WHERE type IN ('view.start', 'view.end') GROUP BY id HAVING sum(type = 'view.end') = 0)`,
        )
        .get() as { n: number }
    ).n;
    const found = new Map<string, number>();
    for (const r of db
      .prepare('SELECT type, login, count(*) AS n FROM registry GROUP BY type, login')
      .all() as {
      type: string;
      login: string;
      n: number;
    }[])
      found.set(`${r.type}|${r.login}`, r.n);
    const lost: Record<string, number> = {};
    for (const [k, n] of ledger.owed) if ((found.get(k) ?? 0) < n) lost[k] = n - (found.get(k) ?? 0);
    return {
      verified,
      verifyOutput: verifyOutput.trim(),
      entries,
      views: { starts: v.starts ?? 0, ends: v.ends ?? 0, interrupted: v.interrupted ?? 0, open },
      lost,
    };
  } finally {
    db.close();
  }
}
