/**
 * Issue 18, sections 2 and 3, from outside: a real browser host, raw /ipc clients as any local
 * process could open them. While each hostile import runs (a 4 MiB Markdown file of `![`, a tile
 * folder whose files turn into named pipes mid-import, corrupt plan images), and while a viewer asks
 * 150 times for a 4 MiB plan without ever reading its socket, a second client measures `app:info`
 * round trips: p99 stays within 100 ms, and the burst grows the host by 64 MB at most.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { noisyPng, png } from '../test-support/desk/png';
import { createOperator, startHost, type Host } from '../test-support/e2e/host';
import { RawIpc, type RawResult } from '../test-support/e2e/raw-ipc';

const CHEF = { login: 'chef', password: 'chef-mot-de-passe', role: 'head' };
const TECH = { login: 'tech', password: 'tech-mot-de-passe', role: 'technician' };
const AGENT = { login: 'agent', password: 'agent-mot-de-passe', role: 'viewer' };
const POINTS = [
  { x: 100, y: 100, lat: 48.851, lon: 2.349 },
  { x: 700, y: 500, lat: 48.847, lon: 2.357 },
];
const MAX_P99_MS = 100;

let host: Host;

test.beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-hostile-files-'));
  for (const o of [CHEF, TECH, AGENT]) createOperator(dataDir, o);
  host = await startHost({ dataDir });
});
test.afterAll(async () => {
  await host.stop();
});

async function session(o: { login: string; password: string }): Promise<RawIpc> {
  const c = await RawIpc.open(host.url);
  expect((await c.call('auth:login', { login: o.login, password: o.password })).ok).toBe(true);
  return c;
}

/** Round trips of `app:info` from a client of its own, one after the other, while `work` runs. */
async function pingDuring<T>(work: () => Promise<T>): Promise<{ value: T; p99: number; samples: number }> {
  const pinger = await RawIpc.open(host.url);
  const times: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const t = performance.now();
      expect((await pinger.call('app:info')).ok).toBe(true);
      times.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  try {
    await new Promise((r) => setTimeout(r, 200));
    const value = await work();
    await new Promise((r) => setTimeout(r, 200));
    running = false;
    await loop; // the round trip in flight counts too, however long it took
    return { value, ...percentile99(times) };
  } finally {
    running = false;
    await loop;
    pinger.close();
  }
}

function percentile99(times: number[]): { p99: number; samples: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    p99: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))]!,
    samples: sorted.length,
  };
}

/** What was measured, in the test's annotations and its output. */
function measured(what: string): void {
  test.info().annotations.push({ type: 'measured', description: what });
  console.log(`  measured: ${what}`);
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

test('a 4 MiB Markdown file of `![` is refused at its deadline; the post answers all along', async () => {
  test.setTimeout(120_000);
  const chef = await session(CHEF);
  const head = '## Rixe\n\n';
  // The issue's `[a` now parses in 4.3 to 5.0 s on this machine, at the 5 s deadline: a quiet run
  // accepted it. `![` is the slowest two-character pattern found (11 s), so it is past the
  // deadline on any machine of this kind. The post must answer all along in both cases.
  const bytes = Buffer.from(head + '!['.repeat((4 * 1024 * 1024 - head.length) / 2));
  const { value, p99, samples } = await pingDuring(() =>
    chef.call('instructions:import', { fileName: 'consignes.md', contentBase64: bytes.toString('base64') }),
  );
  expect(value.error).toEqual({
    code: 'instructions_invalid',
    params: { reason: 'too_complex', seconds: 5 },
  });
  measured(`Markdown import: app:info p99 ${p99.toFixed(1)} ms over ${samples} round trips`);
  expect(samples).toBeGreaterThan(50);
  expect(p99, `app:info p99 over ${samples} round trips`).toBeLessThanOrEqual(MAX_P99_MS);
  expect((await chef.call('instructions:get')).value).toEqual({ current: null, versions: [] });
  chef.close();
});

test('tiles swapped for named pipes while importing are refused at once; the post answers all along', async () => {
  test.setTimeout(180_000);
  const tech = await session(TECH);
  const src = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-fifo-tiles-'));
  const tile = png(256, 256);
  const Z = 6;
  const N = 2 ** Z;
  for (let x = 0; x < N; x++) {
    fs.mkdirSync(path.join(src, String(Z), String(x)), { recursive: true });
    for (let y = 0; y < N; y++) fs.writeFileSync(path.join(src, String(Z), String(x), `${y}.png`), tile);
  }
  const fifos = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-fifos-'));
  const mapDir = path.join(host.dataDir, 'map');
  const { value, p99, samples } = await pingDuring(async () => {
    const imported = tech.call('map:import-tiles', { folder: src });
    // As soon as the copy starts (its folder appears), one tile of every column turns into a pipe
    // nobody writes (columns are read in the folder's own order: every one of them is hit).
    while (!(fs.existsSync(mapDir) && fs.readdirSync(mapDir).some((f) => f.endsWith('.tmp'))))
      await new Promise((r) => setTimeout(r, 2));
    const pipes = Array.from({ length: N }, (_, x) => path.join(fifos, `${x}.png`));
    execFileSync('mkfifo', pipes);
    // rename() swaps each file for its pipe at once: the tile is never missing.
    pipes.forEach((f, x) => fs.renameSync(f, path.join(src, String(Z), String(x), `${N - 1}.png`)));
    return imported;
  });
  measured(`tile folder with pipes: app:info p99 ${p99.toFixed(1)} ms over ${samples} round trips`);
  expect(value.error?.code).toBe('map_tiles_invalid');
  expect(value.error?.params?.reason).toBe('not_file');
  expect(String(value.error?.params?.path)).toMatch(new RegExp(`^${Z}/\\d+/${N - 1}\\.png$`));
  expect(p99, `app:info p99 over ${samples} round trips`).toBeLessThanOrEqual(MAX_P99_MS);
  expect((await tech.call('map:get')).value).toEqual({ kind: 'none' });
  expect(fs.readdirSync(mapDir).filter((f) => f.startsWith('tiles-'))).toEqual([]);
  tech.close();
});

test('corrupt plan images are refused as damaged; the post answers all along', async () => {
  const tech = await session(TECH);
  const whole = png(800, 600);
  const idatAt = whole.indexOf('IDAT') - 4;
  const notZlib = Buffer.from(whole);
  notZlib.write('not zlib', idatAt + 8, 'latin1');
  const { value, p99, samples } = await pingDuring(async () => {
    const results: RawResult[] = [];
    for (const bytes of [whole.subarray(0, idatAt), whole.subarray(0, idatAt + 20), notZlib])
      results.push(
        await tech.call('map:import-plan', {
          fileName: 'plan.png',
          contentBase64: bytes.toString('base64'),
          points: POINTS,
        }),
      );
    return results;
  });
  measured(`corrupt plans: app:info p99 ${p99.toFixed(1)} ms over ${samples} round trips`);
  for (const r of value)
    expect(r.error).toEqual({ code: 'map_image_invalid', params: { reason: 'damaged' } });
  expect(p99, `app:info p99 over ${samples} round trips`).toBeLessThanOrEqual(MAX_P99_MS);
  expect((await tech.call('map:get')).value).toEqual({ kind: 'none' });
  tech.close();
});

test('150 requests for a 4 MiB plan from a viewer who never reads: the host grows 64 MB at most and answers all along', async () => {
  test.setTimeout(120_000);
  const tech = await session(TECH);
  const plan = noisyPng(1180, 1180, 0); // 4 MiB, valid to the last byte
  expect(plan.length).toBeGreaterThan(4_000_000);
  expect(plan.length).toBeLessThanOrEqual(4 * 1024 * 1024);
  const imported = await tech.call('map:import-plan', {
    fileName: 'plan.png',
    contentBase64: plan.toString('base64'),
    points: POINTS,
  });
  expect(imported.ok, JSON.stringify(imported.error)).toBe(true);
  tech.close();
  const viewer = await session(AGENT);
  const pid = host.proc.pid!;
  await new Promise((r) => setTimeout(r, 500));
  const before = rssMb(pid);
  let peak = before;
  const { p99, samples } = await pingDuring(async () => {
    (viewer.ws as unknown as { _socket: net.Socket })._socket.pause(); // never reads again
    for (let i = 0; i < 150; i++) viewer.ws.send(JSON.stringify({ id: 10_000 + i, channel: 'map:plan' }));
    const until = performance.now() + 5000;
    while (performance.now() < until) {
      peak = Math.max(peak, rssMb(pid));
      await new Promise((r) => setTimeout(r, 50));
    }
  });
  viewer.ws.terminate();
  measured(
    `150 × map:plan unread: RSS ${before.toFixed(0)} → peak ${peak.toFixed(0)} MB, app:info p99 ${p99.toFixed(1)} ms over ${samples}`,
  );
  expect(peak - before, `host RSS ${Math.round(before)} → ${Math.round(peak)} MB`).toBeLessThanOrEqual(64);
  expect(p99, `app:info p99 over ${samples} round trips`).toBeLessThanOrEqual(MAX_P99_MS);
  // A reader that reads still gets the plan, whole.
  const other = await session(AGENT);
  const r = await other.call('map:plan');
  expect(Buffer.from((r.value as { contentBase64: string }).contentBase64, 'base64').equals(plan)).toBe(true);
  other.close();
});
