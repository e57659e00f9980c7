/** The soak's report: figures from the samples, printed, and the verdict against the limits. */
import { pct } from './bench-measure';
import type { ChoreLog } from './soak-chores';
import type { Leftovers, RegistryCheck } from './soak-end';
import type { CrashRecord, FaultRecord } from './soak-faults';
import {
  secondHalf,
  slopePerHour,
  verdict,
  type Figures,
  type Limits,
  type Point,
  type Verdict,
} from './soak-stats';
import type { Recovery, StuckEpisode } from './soak-truth';

export interface Sample {
  /** Seconds from the start of the chaos phase. */
  t: number;
  load1: number;
  host: { rssMB: number | null; fds: number | null; ffmpeg: number };
  /** Distinct cameras the pages show (each one upstream), and ffmpeg no live host runs. */
  upstreams: number;
  strayFfmpeg: number;
  browser: { totalMB: number; rendererMB: number; gpuMB: number; processes: number };
  heap: {
    console: number | null;
    wall: number | null;
    consoleNodes: number | null;
    wallNodes: number | null;
  };
  tiles: { console: [number, number] | null; wall: [number, number] | null };
}

export interface Run {
  seconds: number;
  samples: Sample[];
  recoveries: Recovery[];
  stuck: StuckEpisode[];
  faults: FaultRecord[];
  crash: CrashRecord | undefined;
  chores: ChoreLog;
  leftovers: Leftovers;
  registry: RegistryCheck;
}

const series = (s: Sample[], f: (x: Sample) => number | null): Point[] =>
  s.flatMap((x) => {
    const y = f(x);
    return y === null ? [] : [{ t: x.t, y }];
  });

const max = (p: Point[]): number | null => (p.length ? Math.max(...p.map((x) => x.y)) : null);

export function figures(run: Run, limits: Limits) {
  const half = (f: (x: Sample) => number | null) => secondHalf(series(run.samples, f), run.seconds);
  const slope = (f: (x: Sample) => number | null) => slopePerHour(half(f));
  const fdSlope = slope((x) => x.host.fds);
  const camera = run.recoveries.filter((r) => r.fault !== 'login');
  // A camera never live again counts as the longest watch in the percentiles.
  const ms = camera.map((r) => r.ms ?? Infinity);
  const byKind: Record<
    string,
    { n: number; p50: number | null; p95: number | null; max: number | null; never: number }
  > = {};
  for (const kind of new Set(run.recoveries.map((r) => r.fault))) {
    const k = run.recoveries.filter((r) => r.fault === kind);
    const done = k.flatMap((r) => (r.ms === null ? [] : [r.ms]));
    byKind[kind] = {
      n: k.length,
      p50: pct(
        k.map((r) => r.ms ?? Infinity),
        50,
      ),
      p95: pct(
        k.map((r) => r.ms ?? Infinity),
        95,
      ),
      max: done.length ? Math.max(...done) : null,
      never: k.length - done.length,
    };
  }
  let excess = 0;
  let run2 = 0;
  for (const s of run.samples) {
    run2 = s.host.ffmpeg > s.upstreams ? run2 + 1 : 0;
    if (run2 >= 2) excess++;
  }
  let strays = 0;
  let strayRun = 0;
  for (const s of run.samples) {
    strayRun = s.strayFfmpeg > 0 ? strayRun + 1 : 0;
    if (strayRun >= 2) strays++;
  }
  const f: Figures = {
    hostSlope: slope((x) => x.host.rssMB),
    browserSlope: slope((x) => x.browser.totalMB),
    descriptorChange: fdSlope === null ? null : (fdSlope * run.seconds) / 2 / 3600,
    recoveryP95: pct(ms, 95),
    stuck: run.stuck.length,
    leftovers:
      run.leftovers.ffmpeg.length +
      run.leftovers.chromium.length +
      run.leftovers.hosts.length +
      run.leftovers.lab.length,
    lostEntries: Object.values(run.registry.lost).reduce((a, b) => a + b, 0),
    openViews: run.registry.views.open,
    chainOk: run.registry.verified,
    ffmpegExcess: excess + strays,
  };
  const v: Verdict = verdict(f, limits);
  if (run.chores.failed.length) v.failures.push(`${run.chores.failed.length} chore(s) failed`);
  const loads = run.samples.map((s) => s.load1);
  return {
    ...f,
    verdict: v,
    slopes: {
      hostRssMBPerHour: f.hostSlope,
      hostFdsPerHour: fdSlope,
      browserMBPerHour: f.browserSlope,
      rendererMBPerHour: slope((x) => x.browser.rendererMB),
      gpuMBPerHour: slope((x) => x.browser.gpuMB),
      consoleHeapMBPerHour: slope((x) => x.heap.console),
      wallHeapMBPerHour: slope((x) => x.heap.wall),
      consoleNodesPerHour: slope((x) => x.heap.consoleNodes),
    },
    maxima: {
      hostRssMB: max(series(run.samples, (x) => x.host.rssMB)),
      hostFds: max(series(run.samples, (x) => x.host.fds)),
      hostFfmpeg: max(series(run.samples, (x) => x.host.ffmpeg)),
      browserMB: max(series(run.samples, (x) => x.browser.totalMB)),
      rendererMB: max(series(run.samples, (x) => x.browser.rendererMB)),
      gpuMB: max(series(run.samples, (x) => x.browser.gpuMB)),
      consoleHeapMB: max(series(run.samples, (x) => x.heap.console)),
      wallHeapMB: max(series(run.samples, (x) => x.heap.wall)),
      strayFfmpeg: max(series(run.samples, (x) => x.strayFfmpeg)),
    },
    recovery: {
      n: camera.length,
      p50: pct(ms, 50),
      p95: pct(ms, 95),
      never: camera.filter((r) => r.ms === null).length,
      byKind,
    },
    load: {
      first: loads[0] ?? null,
      mean: loads.length ? loads.reduce((a, b) => a + b, 0) / loads.length : null,
      max: loads.length ? Math.max(...loads) : null,
    },
  };
}

export type Figured = ReturnType<typeof figures>;

const n = (x: number | null | undefined, d = 1): string =>
  x === null || x === undefined ? 'n/a' : x === Infinity ? '∞' : x.toFixed(d);

export function printReport(run: Run, r: Figured): void {
  const s = r.slopes;
  const m = r.maxima;
  console.log('\n=== Soak report ===');
  console.log(`load average (1 min): first ${n(r.load.first)}, mean ${n(r.load.mean)}, max ${n(r.load.max)}`);
  console.log(
    `slopes, second half (MB/h): host RSS ${n(s.hostRssMBPerHour)}, browser ${n(s.browserMBPerHour)} (renderers ${n(s.rendererMBPerHour)}, GPU ${n(s.gpuMBPerHour)}), JS heap console ${n(s.consoleHeapMBPerHour)} wall ${n(s.wallHeapMBPerHour)}`,
  );
  console.log(
    `host descriptors: ${n(s.hostFdsPerHour)} /h, change over the second half ${n(r.descriptorChange)}`,
  );
  console.log(
    `maxima: host RSS ${n(m.hostRssMB)} MB, descriptors ${n(m.hostFds, 0)}, ffmpeg ${n(m.hostFfmpeg, 0)}, browser ${n(m.browserMB)} MB (renderers ${n(m.rendererMB)}, GPU ${n(m.gpuMB)}), JS heap console ${n(m.consoleHeapMB)} wall ${n(m.wallHeapMB)} MB, stray ffmpeg ${n(m.strayFfmpeg, 0)}`,
  );
  console.log(
    `camera recovery: n=${r.recovery.n}, p50 ${n(r.recovery.p50, 0)} ms, p95 ${n(r.recovery.p95, 0)} ms, never ${r.recovery.never}`,
  );
  for (const [k, v] of Object.entries(r.recovery.byKind))
    console.log(
      `  ${k.padEnd(15)} n=${v.n} p50 ${n(v.p50, 0)} p95 ${n(v.p95, 0)} max ${n(v.max, 0)} ms, never ${v.never}`,
    );
  console.log(`stuck tiles: ${run.stuck.length}`);
  for (const e of run.stuck)
    console.log(`  ${e.kind} ${e.surface} tile ${e.tile} camera ${e.camera}: ${e.detail}`);
  if (run.crash)
    console.log(
      `crash: host back in ${run.crash.upAt - run.crash.killedAt} ms; console at its login screen ${n(run.crash.consoleBackMs, 0)} ms later; orphaned ffmpeg ${run.crash.orphans.atKill}, 10 s after the kill ${run.crash.orphans.after10s}`,
    );
  console.log(
    `chores: ${Object.entries(run.chores.ok)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}; failed ${run.chores.failed.length}`,
  );
  for (const f of run.chores.failed) console.log(`  ${f.chore}: ${f.error}`);
  const l = run.leftovers;
  console.log(
    `left over: ffmpeg ${l.ffmpeg.length}, chromium ${l.chromium.length}, hosts ${l.hosts.length}, lab ${l.lab.length}`,
  );
  const g = run.registry;
  console.log(
    `registry: ${g.entries} entries, ${g.verified ? 'verifies' : 'DOES NOT VERIFY'} (${g.verifyOutput}); view.start ${g.views.starts}, view.end ${g.views.ends} (${g.views.interrupted} interrupted), open ${g.views.open}; lost ${JSON.stringify(g.lost)}`,
  );
  if (r.verdict.missed.length) console.log(`targets missed: ${r.verdict.missed.join('; ')}`);
  console.log(r.verdict.failures.length ? `FAILED: ${r.verdict.failures.join('; ')}` : 'PASSED');
}
