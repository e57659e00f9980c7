/**
 * PTZ end to end, on real parts: the browser host with a Pelco-D keyboard on a socat pty
 * (`--keyboard`), a loopback ONVIF peer as the camera's `ptz.url` (driven by the real onvif client),
 * and a loopback HTTP server as the CSU webhook (`--csu-webhook`). No command reaches the camera
 * without a lease notified to the CSU; the camera stops on every way control ends; the registry
 * holds the story.
 */
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { BIT, encodePelcoD } from '../main/control/input';
import { startPtyPair } from '../test-support/control/pty';
import { login } from '../test-support/e2e/host';
import {
  AGENT,
  CAM,
  CHEF,
  isMove,
  isStop,
  next,
  onCamera,
  registry,
  startLab,
  stopLab,
  take,
  TECH,
  type Lab,
} from '../test-support/e2e/ptz-lab';

test.describe('one post, one camera', () => {
  let lab: Lab;
  test.beforeAll(async () => {
    lab = await startLab();
  });
  test.afterAll(async () => {
    await stopLab(lab);
  });

  test('keyboard, arrows and pad reach the camera only under a notified lease; Stop follows each', async ({
    page,
  }) => {
    const { peer, hook } = lab;
    await onCamera(page, lab.host.url, AGENT);
    const panel = page.getByTestId('ptz-panel');
    await expect(panel.getByTestId('ptz-device')).toHaveAttribute('data-state', 'connected');
    await expect(panel.getByTestId('ptz-take')).toBeVisible();

    // No lease: the keyboard's frames go through main, which sends the camera nothing.
    let fd = fs.openSync(lab.pty.a, 'w');
    fs.writeSync(fd, encodePelcoD(CAM, 0, BIT.right, 0x3f, 0));
    // A negative needs a window: 1.5 s is three times the keyboard's keepalive.
    await new Promise((r) => setTimeout(r, 1500));
    fs.writeSync(fd, encodePelcoD(CAM, 0, 0, 0, 0));
    expect(peer.commands.filter(isMove)).toHaveLength(0);
    expect(hook.requests).toHaveLength(0);

    await take(page, 'EV-2026-114', 'Rixe devant la gare');
    await expect(panel.getByTestId('ptz-lease')).toHaveAttribute('data-holder', AGENT.login);
    await expect(page.getByTestId('tile-0').getByTestId('ptz-lease')).toHaveAttribute(
      'data-holder',
      AGENT.login,
    );
    await expect(page.getByTestId('tile-0').getByTestId('ptz-lease')).toContainText(AGENT.name);
    const expiresAt = Number(await panel.getByTestId('ptz-lease').getAttribute('data-expires-at'));
    expect(expiresAt - Date.now()).toBeGreaterThan(9 * 60_000);
    expect(hook.requests).toHaveLength(1);
    expect(hook.requests[0]!.json).toMatchObject({ cameraId: CAM, eventRef: 'EV-2026-114' });

    // The keyboard: ContinuousMove, then Stop on release.
    let mv = next(peer, (c) => isMove(c) && c.x! > 0);
    fs.writeSync(fd, encodePelcoD(CAM, 0, BIT.right, 0x3f, 0));
    await mv;
    let st = next(peer, isStop);
    fs.writeSync(fd, encodePelcoD(CAM, 0, 0, 0, 0));
    await st;

    // The arrow keys steer while the lease is held; keyup stops.
    mv = next(peer, (c) => isMove(c) && c.y! > 0);
    await page.keyboard.down('ArrowUp');
    await mv;
    st = next(peer, isStop);
    await page.keyboard.up('ArrowUp');
    await st;

    // The window loses focus with a key held: Stop, though the key was never released here.
    mv = next(peer, (c) => isMove(c) && c.x! > 0);
    await page.keyboard.down('ArrowRight');
    await mv;
    st = next(peer, isStop);
    await page.evaluate(() => window.dispatchEvent(new Event('blur')));
    await st;
    await page.keyboard.up('ArrowRight');

    // Extending notifies the CSU again and moves the end.
    await panel.getByTestId('ptz-extend').click();
    await expect.poll(() => hook.requests.length).toBe(2);
    expect(hook.requests[1]!.json).toMatchObject({ kind: 'extend', cameraId: CAM });
    await expect
      .poll(async () => Number(await panel.getByTestId('ptz-lease').getAttribute('data-expires-at')))
      .toBeGreaterThan(expiresAt);

    // The on-screen pad, and zoom.
    mv = next(peer, (c) => isMove(c) && c.x! < 0);
    await panel.getByTestId('ptz-pad-left').hover();
    await page.mouse.down();
    await mv;
    st = next(peer, isStop);
    await page.mouse.up();
    await st;
    mv = next(peer, (c) => isMove(c) && c.zoom! > 0);
    await panel.getByTestId('ptz-pad-zoom-in').hover();
    await page.mouse.down();
    await mv;
    st = next(peer, isStop);
    await page.mouse.up();
    await st;

    // A preset, by its camera token.
    const go = next(peer, (c) => c.action === 'GotoPreset');
    await panel.getByTestId('ptz-preset-1').click();
    expect((await go).preset).toBe('1');

    // The keyboard's line disappears in the middle of a move: Stop.
    mv = next(peer, (c) => isMove(c) && c.x! > 0);
    fs.writeSync(fd, encodePelcoD(CAM, 0, BIT.right, 0x3f, 0));
    await mv;
    st = next(peer, isStop);
    fs.closeSync(fd);
    await lab.pty.stop();
    await st;
    await expect(panel.getByTestId('ptz-device')).not.toHaveAttribute('data-state', 'connected');

    // Plugged back in, it steers again.
    lab.pty = await startPtyPair(lab.dir);
    await expect(panel.getByTestId('ptz-device')).toHaveAttribute('data-state', 'connected');
    fd = fs.openSync(lab.pty.a, 'w');
    mv = next(peer, (c) => isMove(c) && c.y! < 0);
    fs.writeSync(fd, encodePelcoD(CAM, 0, BIT.down, 0, 0x3f));
    await mv;

    // Release while moving: Stop, and the lease is gone everywhere.
    st = next(peer, isStop);
    await panel.getByTestId('ptz-release').click();
    await st;
    await expect(page.getByTestId('ptz-lease')).toHaveCount(0);
    const after = peer.commands.length;
    fs.writeSync(fd, encodePelcoD(CAM, 0, BIT.right, 0x3f, 0));
    await new Promise((r) => setTimeout(r, 1000));
    fs.closeSync(fd);
    expect(peer.commands.slice(after).filter(isMove)).toHaveLength(0);

    const story = registry(lab.dataDir).map((e) => e.type);
    expect(story).toEqual([
      'ptz.request',
      'ptz.notify',
      'ptz.grant',
      'ptz.notify',
      'ptz.extend',
      'ptz.release',
    ]);
  });

  test('a failed notification blocks control; a supervisor may override, pre-empting the operator, who is told why', async ({
    page,
    browser,
  }) => {
    const { peer, hook } = lab;
    const moves = peer.commands.filter(isMove).length;
    await onCamera(page, lab.host.url, AGENT);
    hook.answer = 500;
    await take(page, 'EV-2026-115', 'Attroupement');
    await expect(page.getByTestId('error-banner')).toHaveAttribute('data-code', 'csu_unreached');
    await expect(page.getByTestId('ptz-lease')).toHaveCount(0);
    await expect(page.getByTestId('ptz-pad-up')).toHaveCount(0);
    expect(peer.commands.filter(isMove)).toHaveLength(moves);

    hook.answer = 200;
    await page.getByTestId('error-banner').getByRole('button').click();
    await page.getByTestId('ptz-take-confirm').click();
    await expect(page.getByTestId('ptz-panel').getByTestId('ptz-lease')).toHaveAttribute(
      'data-holder',
      AGENT.login,
    );

    // Another post's view: the supervisor sees who holds the camera.
    const chefCtx = await browser.newContext();
    const chef = await chefCtx.newPage();
    await onCamera(chef, lab.host.url, CHEF);
    await expect(chef.getByTestId('tile-0').getByTestId('ptz-lease')).toHaveAttribute(
      'data-holder',
      AGENT.login,
    );
    await expect(chef.getByTestId('tile-0').getByTestId('ptz-lease')).toContainText(AGENT.name);

    // The CSU cannot be reached: refused, unless the supervisor explicitly overrides.
    hook.answer = 500;
    await take(chef, 'EV-2026-116', 'Prise prioritaire');
    await expect(chef.getByTestId('error-banner')).toHaveAttribute('data-code', 'csu_unreached');
    await chef.getByTestId('error-banner').getByRole('button').click();
    await chef.getByTestId('ptz-override').check();
    await chef.getByTestId('ptz-take-confirm').click();
    await expect(chef.getByTestId('ptz-panel').getByTestId('ptz-lease')).toHaveAttribute(
      'data-holder',
      CHEF.login,
    );
    hook.answer = 200;
    await expect(page.getByTestId('notice-banner')).toContainText(CHEF.name);
    await expect(page.getByTestId('tile-0').getByTestId('ptz-lease')).toHaveAttribute(
      'data-holder',
      CHEF.login,
    );
    await expect(page.getByTestId('ptz-pad-up')).toHaveCount(0);

    const mv = next(peer, (c) => isMove(c) && c.x! > 0);
    await chef.keyboard.down('ArrowRight');
    await mv;
    const st = next(peer, isStop);
    await chef.keyboard.up('ArrowRight');
    await st;
    await chefCtx.close();

    const story = registry(lab.dataDir).map((e) => `${e.type}:${e.login}`);
    for (const step of [
      'ptz.refuse:agent',
      'ptz.grant:agent',
      'ptz.refuse:chef',
      'ptz.override:chef',
      'ptz.grant:chef',
      'ptz.preempt:agent',
    ])
      expect(story).toContain(step);
  });
  test('locking the console stops the camera; logging out gives control back', async ({ page }) => {
    const { peer } = lab;
    await onCamera(page, lab.host.url, AGENT);
    await take(page, 'EV-2026-118', 'Surveillance du parvis');
    const panel = page.getByTestId('ptz-panel');
    await expect(panel.getByTestId('ptz-lease')).toHaveAttribute('data-holder', AGENT.login);
    let mv = next(peer, (c) => isMove(c) && c.y! < 0);
    await page.keyboard.down('ArrowDown');
    await mv;
    let st = next(peer, isStop);
    await page.getByTestId('lock-button').click();
    await st;
    await expect(page.getByTestId('lock-screen')).toBeVisible();
    await page.keyboard.up('ArrowDown');

    // Unlocked, the lease still runs and the operator steers again.
    await page.getByTestId('unlock-password').fill(AGENT.password);
    await page.getByTestId('unlock-submit').click();
    await expect(panel.getByTestId('ptz-lease')).toHaveAttribute('data-holder', AGENT.login);
    mv = next(peer, (c) => isMove(c) && c.y! > 0);
    await page.keyboard.down('ArrowUp');
    await mv;
    st = next(peer, isStop);
    await page.getByTestId('logout-button').click();
    await st;
    await page.keyboard.up('ArrowUp');
    await expect(page.getByTestId('login-screen')).toBeVisible();
    await expect
      .poll(() => registry(lab.dataDir).at(-1))
      .toEqual({ type: 'ptz.release', login: AGENT.login, cameraId: CAM });
  });

  test('the technician sees the keyboard live in the settings: the stick to the right, then back to centre', async ({
    page,
  }) => {
    await page.goto(lab.host.url);
    await login(page, TECH.login, TECH.password);
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('input-settings-button').click();
    const fd = fs.openSync(lab.pty.a, 'w');
    fs.writeSync(fd, encodePelcoD(CAM, 0, BIT.right, 0x3f, 0));
    await expect
      .poll(async () => Number(await page.getByTestId('input-live-pan').getAttribute('data-value')))
      .toBeGreaterThan(0.5);
    await expect(page.getByTestId('input-live-tilt')).toHaveAttribute('data-value', '0');
    fs.writeSync(fd, encodePelcoD(CAM, 0, 0, 0, 0));
    await expect(page.getByTestId('input-live-pan')).toHaveAttribute('data-value', '0');
    fs.closeSync(fd);
  });
});
