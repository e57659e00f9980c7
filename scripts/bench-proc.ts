/** CPU and memory of a process tree, from /proc (Linux): what the benchmark measures. */
import fs from 'node:fs';

const TICK = 100; // USER_HZ on Linux

export interface ProcSample {
  pid: number;
  ppid: number;
  comm: string;
  cpuTicks: number;
  rssBytes: number;
}

export function readProcs(): Map<number, ProcSample> {
  const out = new Map<number, ProcSample>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const f = stat.slice(close + 2).split(' ');
      out.set(Number(name), {
        pid: Number(name),
        ppid: Number(f[1]),
        comm,
        cpuTicks: Number(f[11]) + Number(f[12]),
        rssBytes: Number(f[21]) * 4096,
      });
    } catch {
      /* exited meanwhile */
    }
  }
  return out;
}

export function descendants(procs: Map<number, ProcSample>, root: number): Set<number> {
  const kids = new Map<number, number[]>();
  for (const p of procs.values()) kids.set(p.ppid, [...(kids.get(p.ppid) ?? []), p.pid]);
  const seen = new Set<number>([root]);
  const stack = [root];
  while (stack.length)
    for (const k of kids.get(stack.pop()!) ?? [])
      if (!seen.has(k)) {
        seen.add(k);
        stack.push(k);
      }
  return seen;
}

export type Group = 'ffmpeg' | 'host' | 'browser';

/** Splits our process tree into gateway ffmpeg, host (main process) and browser; the lab is excluded. */
export function classify(
  procs: Map<number, ProcSample>,
  hostPid: number,
  excluded: Set<number>,
): Map<number, Group> {
  const mine = descendants(procs, process.pid);
  const host = descendants(procs, hostPid);
  const out = new Map<number, Group>();
  for (const pid of mine) {
    if (pid === process.pid || excluded.has(pid)) continue;
    const p = procs.get(pid)!;
    if (host.has(pid)) out.set(pid, p.comm === 'ffmpeg' ? 'ffmpeg' : 'host');
    else if (/chrom/i.test(p.comm)) out.set(pid, 'browser');
  }
  return out;
}

export function cpuSeconds(ticks: number): number {
  return ticks / TICK;
}
