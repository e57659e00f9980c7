/**
 * Two CIC posts, one lease per camera: both browser hosts share a real PostgreSQL server
 * (`--lease-store postgres://…`, started on loopback by the fixture). The second post sees the
 * first one's holder at once; a supervisor there pre-empts the operator, whose post stops the
 * camera and tells him who took it. The posts never talk to each other: only through the store.
 */
import { expect, test } from '@playwright/test';
import { pgSkipReason, startPg, type PgServer } from '../test-support/records/pg-server';
import type { Host } from '../test-support/e2e/host';
import {
  AGENT,
  CHEF,
  isMove,
  isStop,
  next,
  onCamera,
  registry,
  startLab,
  startOtherPost,
  stopLab,
  take,
  type Lab,
} from '../test-support/e2e/ptz-lab';

test.skip(pgSkipReason() !== null, pgSkipReason() ?? '');

let pg: PgServer;
let lab: Lab;
let other: Host;
test.beforeAll(async () => {
  pg = await startPg();
  lab = await startLab(['--lease-store', pg.url]);
  other = await startOtherPost(lab, ['--lease-store', pg.url, '--post', 'CIC-2']);
});
test.afterAll(async () => {
  await other?.stop();
  if (lab) await stopLab(lab);
  await pg?.destroy();
});

test('two posts share one lease: the other post sees the holder, and its supervisor pre-empts across posts', async ({
  page,
  browser,
}) => {
  const { peer } = lab;
  await onCamera(page, lab.host.url, AGENT);
  await take(page, 'EV-2026-120', 'Manifestation');
  await expect(page.getByTestId('ptz-panel').getByTestId('ptz-lease')).toHaveAttribute(
    'data-holder',
    AGENT.login,
  );

  const ctx = await browser.newContext();
  const chef = await ctx.newPage();
  await onCamera(chef, other.url, CHEF);
  const tileLease = chef.getByTestId('tile-0').getByTestId('ptz-lease');
  await expect(tileLease).toHaveAttribute('data-holder', AGENT.login);
  await expect(tileLease).toContainText(AGENT.name);

  let mv = next(peer, (c) => isMove(c) && c.x! > 0);
  await page.keyboard.down('ArrowRight');
  await mv;

  // The supervisor on the other post takes over: the first post stops the camera at once.
  const st = next(peer, isStop);
  await take(chef, 'EV-2026-121', 'Interpellation en cours');
  await expect(chef.getByTestId('ptz-panel').getByTestId('ptz-lease')).toHaveAttribute(
    'data-holder',
    CHEF.login,
  );
  await st;
  await expect(page.getByTestId('notice-banner')).toContainText(CHEF.name);
  await expect(page.getByTestId('tile-0').getByTestId('ptz-lease')).toHaveAttribute(
    'data-holder',
    CHEF.login,
  );
  await page.keyboard.up('ArrowRight');

  mv = next(peer, (c) => isMove(c) && c.y! > 0);
  await chef.keyboard.down('ArrowUp');
  await mv;
  const st2 = next(peer, isStop);
  await chef.keyboard.up('ArrowUp');
  await st2;
  await ctx.close();

  expect(registry(lab.dataDir).map((e) => `${e.type}:${e.login}`)).toContain('ptz.preempt:agent');
  expect(registry(other.dataDir).map((e) => `${e.type}:${e.login}`)).toContain('ptz.grant:chef');
});
