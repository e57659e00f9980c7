/**
 * `npm run bench -- --registry`: a year of registry (2 million entries by default) and the
 * registry's long jobs while four tiles play in headless Chromium through the browser host.
 * Prints the time of a verification, of a filtered query (one camera, one month), of the slots
 * computation and of an export, the host's start-up time on that registry, and the latency probe's
 * p50/p95 before and during the jobs (ratio). Fails if any tile left `playing` during the jobs.
 * Flags: --rows N (2000000; --short: 20000)  --seconds S (window before the jobs: 15; --short: 3)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RawIpc } from '../test-support/e2e/raw-ipc';
import { createOperator, startHost } from '../test-support/e2e/host';
import { RtspLab } from '../test-support/video/rtsp-lab';
import { seedRegistry } from '../test-support/records/registry-seed';
import { launchBenchBrowser, openMosaic, PATH_QUERY, pct, untilTiles } from './bench-measure';

const argv = process.argv.slice(2);
const flag = (n: string): string | undefined => {
  const i = argv.indexOf(`--${n}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const short = argv.includes('--short');
const ROWS = Number(flag('rows') ?? (short ? 20_000 : 2_000_000));
const SECONDS = Number(flag('seconds') ?? (short ? 3 : 15));
const DAY = 86_400_000;
const f = (x: number | null, d = 0): string => (x === null ? 'n/a' : x.toFixed(d));
const ratio = (a: number | null, b: number | null): string =>
  a === null || b === null || b === 0 ? 'n/a' : `×${(a / b).toFixed(2)}`;
const ymd = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

async function timed<T>(label: string, times: string[], call: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const r = await call();
  const ms = performance.now() - t0;
  const ok = (r as { ok?: boolean }).ok;
  times.push(`${label} ${f(ms)} ms${ok === false ? ` (REFUSED: ${JSON.stringify(r)})` : ''}`);
  console.log(`  ${label}: ${f(ms)} ms${ok === false ? ` — refused ${JSON.stringify(r)}` : ''}`);
  return r;
}

export async function benchRegistry(): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-bench-registry-'));
  createOperator(dataDir, { login: 'bench', password: 'bench-password', role: 'head' });
  const now = Date.now();
  let t = performance.now();
  seedRegistry(dataDir, {
    rows: ROWS,
    from: new Date(now - 365 * DAY).toISOString(),
    to: new Date(now - 60_000).toISOString(),
  });
  console.log(`\nregistry: ${ROWS} entries seeded in ${f((performance.now() - t) / 1000, 1)} s (${dataDir})`);

  const lab = new RtspLab({
    cameras: Array.from({ length: 4 }, (_, i) => ({ width: 640, height: 360, stamp: i === 0 })),
    keepAlive: true,
  });
  await lab.start();
  t = performance.now();
  const host = await startHost({ cameras: lab.writeInventory(), dataDir });
  const startup = performance.now() - t;
  console.log(`  host start-up on that registry: ${f(startup)} ms`);
  const browser = await launchBenchBrowser();
  const ipc = await RawIpc.open(host.url);
  try {
    await ipc.call('auth:login', { login: 'bench', password: 'bench-password' });
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await openMosaic(page, `${host.url}?bench=1&${PATH_QUERY.generator}&fullrate=1`, 4);
    await untilTiles(
      page,
      host,
      'registry bench: not every tile is playing',
      (n) =>
        Array.from({ length: n }, (_, i) =>
          document.querySelector(`[data-testid="tile-${i}"]`)?.getAttribute('data-state'),
        ).every((s) => s === 'playing'),
      4,
    );
    const latency = (): Promise<number> => page.evaluate(() => window.__vigieStats?.[0]?.latency.length ?? 0);
    const samples = (from: number, to: number): Promise<number[]> =>
      page.evaluate(([a, b]) => (window.__vigieStats?.[0]?.latency ?? []).slice(a, b), [from, to] as const);
    await page.waitForTimeout(1000);
    const b0 = await latency();
    await page.waitForTimeout(SECONDS * 1000);
    const b1 = await latency();
    // From here every state a tile takes is recorded in the page.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { tileStates: string[] }).tileStates = seen;
      for (let i = 0; i < 4; i++) {
        const tile = document.querySelector(`[data-testid="tile-${i}"]`)!;
        new MutationObserver(() => seen.push(`tile-${i} ${tile.getAttribute('data-state')}`)).observe(tile, {
          attributes: true,
          attributeFilter: ['data-state'],
        });
      }
    });
    const times: string[] = [];
    const month = { from: ymd(now - 60 * DAY), to: ymd(now - 30 * DAY) };
    await timed('verification', times, () => ipc.call('registry:verify'));
    await timed('query (camera 7, one month)', times, () =>
      ipc.call('registry:query', { ...month, cameraId: 7 }),
    );
    await timed('slots (whole year)', times, () =>
      ipc.call('registry:slots', { from: ymd(now - 366 * DAY) }),
    );
    await timed('CSV export (one month)', times, () =>
      ipc.call('registry:export', { ...month, format: 'csv' }),
    );
    await timed('PDF export (camera 7, one month)', times, () =>
      ipc.call('registry:export', { ...month, cameraId: 7, format: 'pdf' }),
    );
    await timed('annual report (whole year)', times, () =>
      ipc.call('report:run', { from: ymd(now - 365 * DAY), to: ymd(now) }),
    );
    const b2 = await latency();
    const before = await samples(b0, b1);
    const during = await samples(b1, b2);
    const left = (
      await page.evaluate(() => (window as unknown as { tileStates: string[] }).tileStates)
    ).filter((s) => !s.endsWith(' playing'));
    const line =
      `registry ${ROWS} entries: ${times.join(', ')}; start-up ${f(startup)} ms; ` +
      `latency p50 ${f(pct(before, 50))} → ${f(pct(during, 50))} ms (${ratio(pct(during, 50), pct(before, 50))}), ` +
      `p95 ${f(pct(before, 95))} → ${f(pct(during, 95))} ms (${ratio(pct(during, 95), pct(before, 95))}) ` +
      `[${before.length}/${during.length} samples]; tiles that left playing: ${left.length ? left.join(', ') : 'none'}`;
    console.log(`  ${line}`);
    if (left.length) throw new Error(`tiles left playing during the registry jobs: ${left.join(', ')}`);
    return line;
  } finally {
    ipc.close();
    await browser.close();
    await host.stop();
    await lab.stop();
  }
}
