import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createOperator, login, startHost, type Host } from '../test-support/e2e/host';

let host: Host;
test.beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-switch-'));
  createOperator(dataDir, { login: 'agent', password: 'agent-mot-de-passe', role: 'viewer' });
  const file = path.join(dataDir, 'cameras.json');
  fs.writeFileSync(
    file,
    JSON.stringify({
      cameras: [1, 2, 3, 4].map((id) => ({
        id,
        name: `Double flux ${id}`,
        site: 'Essais',
        zone: '',
        streams: { main: `demo:${id}`, sub: `demo:${id + 10}` },
      })),
    }),
  );
  host = await startHost({ dataDir, cameras: file });
});
test.afterAll(async () => {
  await host.stop();
});

test('small tiles use the sub-stream; shown alone, a tile moves to the main stream without going dark', async ({
  page,
}) => {
  await page.goto(host.url);
  await login(page, 'agent', 'agent-mot-de-passe');
  const tile = page.getByTestId('tile-1');
  await expect(tile).toHaveAttribute('data-state', 'playing', { timeout: 30_000 });
  await expect(tile).toHaveAttribute('data-stream', 'sub');
  // Record every state the tile goes through while it switches streams.
  await page.evaluate(() => {
    const el = document.querySelector('[data-testid="tile-1"]')!;
    const seen: string[] = [];
    (window as unknown as { __seen: string[] }).__seen = seen;
    new MutationObserver(() => seen.push(el.getAttribute('data-state') ?? '')).observe(el, {
      attributes: true,
      attributeFilter: ['data-state'],
    });
  });
  await tile.dblclick();
  await expect(tile).toHaveAttribute('data-stream', 'main');
  // The new stream's first frame replaces the old picture: only the main stream's picture remains.
  await expect(tile.locator('.video[data-stream="main"]')).toHaveCount(1);
  await expect(tile.locator('.video')).toHaveCount(1, { timeout: 20_000 });
  await expect(tile.locator('.video[data-stream="main"]')).toHaveCount(1);
  await expect(tile).toHaveAttribute('data-state', 'playing');
  const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
  expect(seen.filter((s) => s !== 'playing')).toEqual([]);
  await tile.dblclick();
  await expect(tile).toHaveAttribute('data-stream', 'sub');
  await expect(page.locator('[data-testid^="tile-"][data-state]')).toHaveCount(16);
});
