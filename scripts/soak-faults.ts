/** Carries out the soak's faults on the lab and the post, and starts each recovery watch. */
import fs from 'node:fs';
import type { RtspLab } from '../test-support/video/rtsp-lab';
import { descendants, readProcs } from './bench-proc';
import type { Chores, Gate } from './soak-chores';
import type { Fault } from './soak-plan';
import { cameraId, type Post } from './soak-post';
import { strayFfmpeg } from './soak-probe';
import type { Truth } from './soak-truth';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export interface CrashRecord {
  killedAt: number;
  upAt: number;
  /** The console page back at its login screen by itself, ms after the host answered (null: never). */
  consoleBackMs: number | null;
  /** ffmpeg the killed host left running, right after its kill and 10 s later. */
  orphans: { atKill: number; after10s: number };
}

export interface FaultRecord extends Fault {
  startedAt: number;
  endedAt: number;
  error?: string;
}

export interface FaultContext {
  lab: RtspLab;
  post: Post;
  truth: Truth;
  gate: Gate;
  chores: Chores;
  /** The size a camera changes to midway, `WxH`. */
  newSize: [number, number];
  crash?: CrashRecord;
}

/** The host's ffmpeg for one lab camera (its URL ends the argument: `/cam3` is not `/cam31`). */
function gatewayFfmpeg(hostPid: number, camera: number): number[] {
  const procs = readProcs();
  return [...descendants(procs, hostPid)].filter((pid) => {
    if (procs.get(pid)?.comm !== 'ffmpeg') return false;
    try {
      return fs
        .readFileSync(`/proc/${pid}/cmdline`, 'utf8')
        .split('\0')
        .some((a) => a.endsWith(`/cam${camera + 1}`));
    } catch {
      return false;
    }
  });
}

export async function runFault(f: Fault, x: FaultContext): Promise<FaultRecord> {
  const { lab, post, truth } = x;
  const startedAt = Date.now();
  const all = Array.from({ length: post.tiles }, (_, i) => cameraId(i));
  const i = f.camera ?? 0;
  const rec = (endedAt: number, error?: string): FaultRecord => ({
    ...f,
    startedAt,
    endedAt,
    ...(error && { error }),
  });
  console.log(
    `  fault ${f.kind}${f.camera === null ? '' : ` camera ${cameraId(i)}`}${f.seconds ? ` for ${f.seconds} s` : ''}`,
  );
  switch (f.kind) {
    case 'publisher': {
      truth.cameraDown(i);
      await lab.killPublisher(i);
      await sleep(f.seconds * 1000);
      lab.startPublisher(i);
      const end = Date.now();
      truth.cameraUp(i, end);
      truth.watch(f.kind, [cameraId(i)], end);
      return rec(end);
    }
    case 'gateway-ffmpeg': {
      const pids = gatewayFfmpeg(post.host.proc.pid!, i);
      for (const pid of pids) process.kill(pid, 'SIGKILL');
      const end = Date.now();
      truth.cameraUp(i, end);
      truth.watch(f.kind, [cameraId(i)], end);
      return rec(end, pids.length ? undefined : 'no ffmpeg found for this camera');
    }
    case 'corrupt': {
      truth.cameraDown(i);
      lab.corrupt(i, 0.05);
      await sleep(f.seconds * 1000);
      lab.corrupt(i, 0);
      const end = Date.now();
      truth.cameraUp(i, end);
      truth.watch(f.kind, [cameraId(i)], end);
      return rec(end);
    }
    case 'resolution': {
      truth.cameraDown(i);
      const [width, height] = x.newSize;
      await lab.reconfigure(i, { width, height });
      const end = Date.now();
      truth.cameraUp(i, end);
      truth.watch(f.kind, [cameraId(i)], end, undefined, `${width}x${height}`);
      return rec(end);
    }
    case 'server': {
      truth.setServer(false);
      await lab.stopServer();
      await sleep(f.seconds * 1000);
      await lab.startServer();
      // The cameras are back when a client can play them, not when the port accepts.
      const kept = await lab.whenKept(60_000);
      const end = Date.now();
      truth.setServer(true, end);
      truth.watch(f.kind, all, end);
      return rec(end, kept ? undefined : 'the relay did not serve every camera again within 60 s');
    }
    case 'host-crash': {
      const labPids = lab.pids();
      // No chore runs meanwhile: what main acknowledged before the kill is what the registry owes.
      const { killedAt, upAt, atKill, consoleBackMs } = await x.gate.exclusive(async () => {
        truth.consoleBusy();
        const r = await post.crash();
        const atKill = strayFfmpeg(lab.port, labPids, post.host.proc.pid).length;
        // The wall page finds its wall again by itself; the console, its login screen.
        truth.watch(f.kind, all, r.upAt, ['wall']);
        return { ...r, atKill, consoleBackMs: await x.chores.afterCrash(r.upAt) };
      });
      await sleep(Math.max(0, killedAt + 10_000 - Date.now()));
      const after10s = strayFfmpeg(lab.port, lab.pids(), post.host.proc.pid).length;
      x.crash = { killedAt, upAt, consoleBackMs, orphans: { atKill, after10s } };
      return rec(upAt);
    }
  }
}
