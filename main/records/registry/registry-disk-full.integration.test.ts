/**
 * Issue 23, a full disk: the registry on a real tmpfs filled to the last byte. It refuses what
 * would open an access, keeps the ends of access in memory, writes again by itself when space
 * returns (an outage entry, then the ends kept), and its chain verifies throughout.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { RegistryHealthView } from '../../../common/contract';
import { mountSmallDisk, smallDiskSkip, type SmallDisk } from '../../../test-support/records/small-disk';
import { Registry } from './registry';
import { RegistryWriteError } from './registry-health';
import { loadOrCreateKeys } from './registry-key';

const skip = smallDiskSkip();
let disk: SmallDisk;
before(() => {
  if (!skip) disk = mountSmallDisk(2);
});
after(() => disk?.unmount());

const ACTOR = { login: 'agent', name: 'Léa Moreau', rank: 'Gardienne', service: 'CIC' };
const view = (type: 'view.start' | 'view.end', viewId: string) => ({
  type,
  actor: ACTOR,
  cameraId: 3,
  surface: 'console-tile',
  data: { viewId },
});

/** Appends until the disk refuses (a registry may still have room in its write-ahead log). */
function appendUntilRefused(r: Registry): { accepted: number; error: unknown } {
  for (let i = 0; i < 5000; i++)
    try {
      r.append(view('view.start', `fill-${i}`));
    } catch (error) {
      return { accepted: i, error };
    }
  return { accepted: 5000, error: null };
}

/** The next health change to `state`; the probe's timer is unref'd, so the test keeps the loop alive. */
const next = (r: Registry, state: RegistryHealthView['state']): Promise<RegistryHealthView> =>
  new Promise((resolve) => {
    const alive = setInterval(() => undefined, 1000);
    const off = r.onHealth((v) => {
      if (v.state !== state) return;
      off();
      clearInterval(alive);
      resolve(v);
    });
  });

test(
  'a full disk: accesses refused with a reason, ends kept, writing again by itself, chain intact',
  { skip },
  async () => {
    const dir = path.join(disk.dir, 'data');
    fs.mkdirSync(dir, { mode: 0o700 });
    const r = new Registry(dir, loadOrCreateKeys(dir), { probeMs: 50 });
    try {
      r.append(view('view.start', 'on-screen'));
      assert.ok(r.verify().ok);

      assert.ok(disk.fill() > 0);
      assert.equal(disk.available(), 0);
      const { error } = appendUntilRefused(r);
      assert.ok(
        error instanceof RegistryWriteError,
        `refused with the registry's error, got ${String(error)}`,
      );
      assert.equal(error.reason, 'disk_full');
      assert.equal(error.code, 'ENOSPC');
      const unable = r.healthView();
      assert.equal(unable.state, 'unable');
      assert.equal(unable.state === 'unable' && unable.reason, 'disk_full');

      // While full: refused at once, and nothing written; the end of the picture on screen is kept.
      const head = r.query({ limit: 1 })[0]!.seq;
      assert.throws(() => r.append(view('view.start', 'new-call')), RegistryWriteError);
      r.appendLater(view('view.end', 'on-screen'));
      const during = r.healthView();
      assert.equal(during.state === 'unable' && during.pending, 1);
      assert.ok(during.state === 'unable' && during.refused >= 2);
      assert.equal(r.query({ limit: 1 })[0]!.seq, head, 'nothing half-written');
      assert.ok(r.verify().ok, 'what is written still verifies while the disk is full');

      const back = next(r, 'writing');
      disk.free();
      await back;
      const rows = r.query({ types: ['registry.outage', 'view.end'] });
      const outage = rows.find((x) => x.type === 'registry.outage');
      assert.ok(outage, 'the outage is recorded');
      const o = JSON.parse(outage.data) as { reason: string; refused: number; deferred: number };
      assert.equal(o.reason, 'disk_full');
      assert.ok(o.refused >= 2);
      assert.equal(o.deferred, 1);
      const end = rows.find((x) => x.type === 'view.end');
      assert.ok(end && end.seq === outage.seq + 1, 'the end kept follows the outage entry');
      const endData = JSON.parse(end.data) as { viewId: string; occurredAt: string };
      assert.equal(endData.viewId, 'on-screen');
      assert.ok(endData.occurredAt < outage.at, 'stamped when it happened, before it could be written');

      // A new access is recorded again, and the whole chain verifies.
      assert.equal(r.append(view('view.start', 'after')).type, 'view.start');
      const v = r.verify();
      assert.ok(v.ok, JSON.stringify(v));
    } finally {
      r.close();
    }
    // Re-opened (as after a restart), it still verifies: no half-written entry on the disk.
    const again = new Registry(dir, loadOrCreateKeys(dir));
    try {
      assert.ok(again.verify().ok);
    } finally {
      again.close();
    }
  },
);
