/**
 * Issue 23, a full disk, on a whole post: its data directory on a real tmpfs, filled to the last
 * byte while a picture is on screen. Nothing is displayed that is not recorded: a new login and a
 * new camera call are refused with `registry_unable_to_write`, the picture already on screen stays,
 * every console is told; a setting that cannot be saved says so and changes nothing. When space
 * returns the post resumes by itself, and the registry verifies, every view.start with its view.end.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import WebSocket from 'ws';
import type { EventName, LayoutState, RegistryHealthView, VideoEndpoint } from '../../common/contract';
import type { Result } from '../../common/result';
import { openRegistry } from '../records/registry/open-registry';
import { checkRegistry } from './selftest/check-registry';
import { mountSmallDisk, smallDiskSkip, type SmallDisk } from '../../test-support/records/small-disk';
import { createServices, type Services } from './services';

const skip = smallDiskSkip();
const ASSETS = path.resolve(__dirname, '..', '..', 'assets');
let disk: SmallDisk;
before(() => {
  if (!skip) disk = mountSmallDisk(8);
});
after(() => disk?.unmount());

const call = <T>(s: Services, channel: string, payload: unknown, clientId: string): Promise<Result<T>> =>
  s.router.dispatch(channel, payload, { clientId }) as Promise<Result<T>>;
const login = (s: Services, clientId: string) =>
  call(s, 'auth:login', { login: 'demo', password: 'demo' }, clientId);
const code = (r: Result<unknown>): string => (r.ok ? 'ok' : r.error.code);

/** A viewer of one camera: counts the pictures it receives, and how its socket ended. */
function watch(e: VideoEndpoint, cameraId: number) {
  const q = new URLSearchParams({ token: e.token, camera: String(cameraId), format: 'annexb' });
  const ws = new WebSocket(`${e.url}?${q.toString()}`);
  const v = { ws, pictures: 0, closed: null as null | { code: number; reason: string } };
  const waiters: (() => void)[] = [];
  const wake = (): void => waiters.splice(0).forEach((w) => w());
  ws.on('message', (d, binary) => {
    if (binary) v.pictures++;
    wake();
  });
  ws.on('close', (c, reason) => {
    v.closed = { code: c, reason: reason.toString() };
    wake();
  });
  const until = async (ok: () => boolean): Promise<void> => {
    while (!ok()) await new Promise<void>((r) => waiters.push(r));
  };
  return { v, until };
}

test(
  'a full data disk: no login nor camera call unrecorded, pictures on screen stay, the post resumes',
  { skip },
  async () => {
    const dataDir = path.join(disk.dir, 'data');
    const s = await createServices({ dataDir, assetsDir: ASSETS, host: 'browser', version: 't' });
    const health: RegistryHealthView[] = [];
    const pushed = new Set<() => void>();
    s.events.add((event: EventName, payload) => {
      if (event !== 'registry:health') return;
      health.push(payload as RegistryHealthView);
      pushed.forEach((w) => w());
      pushed.clear();
    });
    const healthIs = async (state: RegistryHealthView['state']): Promise<void> => {
      while (health.at(-1)?.state !== state) await new Promise<void>((r) => pushed.add(r));
    };
    try {
      assert.equal(code(await login(s, 'c1')), 'ok');
      const ep = await call<VideoEndpoint>(s, 'streams:endpoint', undefined, 'c1');
      assert.ok(ep.ok);
      const onScreen = watch(ep.value, 1);
      await onScreen.until(() => onScreen.v.pictures > 0);
      const layout = await call<LayoutState>(s, 'layout:get', undefined, 'c1');
      assert.ok(layout.ok);

      assert.ok(disk.fill() > 0);
      // A registry may still have room in its write-ahead log: logins go on until one is refused.
      let refused: Result<unknown> | null = null;
      for (let i = 0; i < 500 && !refused; i++) {
        const r = await login(s, `other-${i}`);
        if (!r.ok) refused = r;
      }
      assert.ok(refused && !refused.ok);
      assert.deepEqual(refused.error, { code: 'registry_unable_to_write', params: { reason: 'disk_full' } });
      await healthIs('unable');
      assert.deepEqual(
        await call(s, 'registry:writable', undefined, 'c1').then(
          (r) => r.ok && (r.value as RegistryHealthView).state,
        ),
        'unable',
      );

      // The technician's self-test says why.
      const selftest = checkRegistry(s.registry, { run: 'disk-full' });
      assert.deepEqual(
        selftest.map((c) => [c.subject, c.status, c.code]),
        [
          ['write', 'fail', 'registry_disk_full'],
          ['chain', 'pass', 'registry_verified'],
        ],
      );

      // A new camera call is refused with the reason; the picture already on screen keeps coming.
      const newCall = watch(ep.value, 2);
      await newCall.until(() => newCall.v.closed !== null);
      assert.deepEqual(newCall.v.closed, { code: 4010, reason: 'registry_unable_to_write' });
      assert.equal(newCall.v.pictures, 0, 'not one picture shown unrecorded');
      const before = onScreen.v.pictures;
      await onScreen.until(() => onScreen.v.pictures > before + 5);
      assert.equal(onScreen.v.closed, null);

      // A setting that cannot be saved says so, and changes nothing.
      const changed = { layout: layout.value.layout === '1' ? '2x2' : '1', tiles: layout.value.tiles };
      assert.equal(code(await call(s, 'layout:set', changed, 'c1')), 'disk_full');
      assert.deepEqual(await call(s, 'layout:get', undefined, 'c1'), layout);

      // Space returns: the post writes again by itself, and accesses are recorded again.
      disk.free();
      await healthIs('writing');
      assert.equal(code(await login(s, 'c2')), 'ok');
      const again = watch(ep.value, 2);
      await again.until(() => again.v.pictures > 0);
      again.v.ws.close();
      onScreen.v.ws.close();
      await onScreen.until(() => onScreen.v.closed !== null);
      await again.until(() => again.v.closed !== null);
    } finally {
      await s.close();
    }

    const r = openRegistry(dataDir);
    try {
      const v = r.verify();
      assert.ok(v.ok, JSON.stringify(v));
      const views = r.query({ types: ['view.start', 'view.end', 'registry.outage'] });
      assert.equal(views.filter((x) => x.type === 'registry.outage').length, 1);
      const ids = (type: string): string[] =>
        views
          .filter((x) => x.type === type)
          .map((x) => (JSON.parse(x.data) as { viewId: string }).viewId)
          .sort();
      assert.equal(ids('view.start').length, 2, 'the refused call left no entry');
      assert.deepEqual(ids('view.end'), ids('view.start'), 'every view.start has its view.end');
    } finally {
      r.close();
    }
  },
);
