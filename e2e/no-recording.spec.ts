import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { loginDemo, startHost } from '../test-support/e2e/host';

/** Signatures of video or pictures a recording would leave: any of them in a file fails the test. */
const SIGNATURES: [string, (b: Buffer) => boolean][] = [
  [
    'H.264/H.265 parameter sets',
    (b) =>
      [
        [0, 0, 0, 1, 0x67],
        [0, 0, 0, 1, 0x27],
        [0, 0, 0, 1, 0x40, 0x01],
        [0, 0, 0, 1, 0x42, 0x01],
      ].some((sig) => b.includes(Buffer.from(sig))),
  ],
  ['MPEG-1 sequence header', (b) => b.includes(Buffer.from([0, 0, 1, 0xb3]))],
  ['MPEG-TS packets', (b) => b.length >= 188 * 3 && b[0] === 0x47 && b[188] === 0x47 && b[376] === 0x47],
  ['MP4/ISO BMFF', (b) => b.subarray(4, 8).toString('latin1') === 'ftyp'],
  ['JPEG', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ['PNG', (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
];
/**
 * What the post may write while images play: the registry, accounts, configuration, and the
 * cameras' status transitions (state and time only, for the annual report's availability).
 */
const ALLOWED =
  /^(registry\.db(-wal|-shm)?|operators\.db(-wal|-shm)?|status-history\.db(-wal|-shm)?|registry\.key|layout\.json|inventory\.json|inventory-history\.jsonl|credentials\.json)$/;

function snapshot(dir: string): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.set(p, fs.statSync(p).size);
    }
  };
  walk(dir);
  return out;
}

test('30 s of a 16-tile mosaic, then 10 s of its streams kept flowing, write no video under the data and temp directories', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-norec-data-'));
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-norec-tmp-'));
  const host = await startHost({ dataDir, env: { TMPDIR: tmpDir, TEMP: tmpDir, TMP: tmpDir } });
  try {
    const before = new Map([...snapshot(dataDir), ...snapshot(tmpDir)]);
    await page.goto(host.url);
    await loginDemo(page);
    for (let i = 0; i < 16; i++)
      await expect(page.getByTestId(`tile-${i}`)).toHaveAttribute('data-state', 'playing', {
        timeout: 45_000,
      });
    // Thirty seconds of live images, paced by the tiles' own clock: the mosaic keeps playing throughout.
    const clock = page.getByTestId('tile-0').locator('.tile-clock');
    const until = Date.now() + 30_000;
    while (Date.now() < until) {
      const shown = await clock.textContent();
      await expect(clock).not.toHaveText(shown ?? '');
      await expect(page.locator('[data-state="playing"]')).toHaveCount(16);
    }
    // One tile: the other fifteen streams keep flowing with no viewer, each caching its units since
    // its last key frame, in memory only. Ten more seconds of that, then what reached the disk.
    await page.getByTestId('layout-1').click();
    await expect(page.locator('[data-testid^="tile-"][data-state]')).toHaveCount(1);
    const kept = Date.now() + 10_000;
    while (Date.now() < kept) {
      const shown = await clock.textContent();
      await expect(clock).not.toHaveText(shown ?? '');
    }
    expect(host.output(), 'the streams off the mosaic kept flowing').not.toContain('stopped (idle)');
    const after = new Map([...snapshot(dataDir), ...snapshot(tmpDir)]);
    const written = [...after].filter(([p, size]) => size > (before.get(p) ?? -1)).map(([p]) => p);
    expect(
      written.some((p) => path.basename(p).startsWith('registry.db')),
      'the registry records the viewing',
    ).toBe(true);
    for (const p of written) {
      expect(path.basename(p), `${p} is not a registry or config file`).toMatch(ALLOWED);
      const bytes = fs.readFileSync(p);
      for (const [name, found] of SIGNATURES) expect(found(bytes), `${name} in ${p}`).toBe(false);
    }
    expect(snapshot(tmpDir).size, 'nothing at all in the temp directory').toBe(0);
  } finally {
    await host.stop();
  }
});
