/**
 * The application side against the real onvif client and the loopback ONVIF peer, with a small
 * in-test lease service (the real one is proved end to end in e2e/ptz.spec.ts): main attaches a
 * camera only under this post's lease, and stops it on release, expiry, lock, logout and unplug.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EventMap, EventName, SessionView } from '../../../common/contract';
import { err, ok, type Result } from '../../../common/result';
import type { Camera } from '../../video/cameras/inventory-schema';
import type { DeviceState, IntentSource } from '../input';
import type { Lease, LeaseChange, PtzLeases } from '../lease/types';
import { OnvifPeer, type PeerCommand } from '../../../test-support/control/onvif-peer';
import { PtzService, type PtzCaller } from './ptz-service';
import { INPUT_SETTINGS_FILE } from '../input/input-settings-file';

const POST = 'poste-1';

/** Grants every take from this post; `end` plays an expiry or a pre-emption. */
class TestLeases implements PtzLeases {
  readonly leases = new Map<number, Lease>();
  private readonly ee = new EventEmitter<{ change: [LeaseChange] }>();
  refuse = false;
  take(req: Parameters<PtzLeases['take']>[0], who: PtzCaller): Promise<Result<Lease>> {
    if (this.refuse) return Promise.resolve(err('ptz_not_held'));
    const lease: Lease = {
      id: `l${req.cameraId}`,
      cameraId: req.cameraId,
      holder: { ...who.actor, post: POST },
      priority: 1,
      eventRef: req.eventRef,
      reason: req.reason,
      grantedAt: Date.now(),
      expiresAt: Date.now() + 600_000,
      notified: 'csu',
    };
    this.leases.set(req.cameraId, lease);
    this.ee.emit('change', { cameraId: req.cameraId, lease });
    return Promise.resolve(ok(lease));
  }
  extend(): Promise<Result<Lease>> {
    return Promise.resolve(err('ptz_not_held'));
  }
  release(cameraId: number): Promise<Result<null>> {
    this.end(cameraId, 'released');
    return Promise.resolve(ok(null));
  }
  end(cameraId: number, reason: 'released' | 'expired' | 'preempted', next: Lease | null = null): void {
    const lease = this.leases.get(cameraId);
    if (!lease) return;
    if (next) this.leases.set(cameraId, next);
    else this.leases.delete(cameraId);
    const by = reason === 'preempted' && next ? { by: next.holder } : {};
    this.ee.emit('change', { cameraId, lease: next, ended: { lease, reason, ...by } });
  }
  holds(cameraId: number, login: string): boolean {
    const l = this.leases.get(cameraId);
    return !!l && l.holder.login === login && l.holder.post === POST;
  }
  current(cameraId: number): Lease | null {
    return this.leases.get(cameraId) ?? null;
  }
  all(): Lease[] {
    return [...this.leases.values()];
  }
  limits() {
    return { defaultMinutes: 10, maxMinutes: 30 };
  }
  channels(): ('webhook' | 'smtp')[] {
    return ['webhook'];
  }
  onChange(l: (c: LeaseChange) => void): () => void {
    this.ee.on('change', l);
    return () => this.ee.off('change', l);
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

class FakeDevice extends EventEmitter implements IntentSource {
  state: DeviceState = { state: 'connected', detail: 'test' };
  set(s: DeviceState): void {
    this.state = s;
    this.emit('state', s);
  }
  close(): Promise<void> {
    this.set({ state: 'closed' });
    return Promise.resolve();
  }
}

const AGENT: PtzCaller = {
  clientId: 'w1',
  role: 'ptz',
  actor: { login: 'agent', name: 'Léa Moreau', rank: 'Gardienne', service: 'CIC' },
};
const TAKE = { cameraId: 7, eventRef: 'EV-1', reason: 'Rixe' };

let dir: string;
let peer: OnvifPeer;
before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-ptzsvc-'));
  peer = await new OnvifPeer({ username: 'op', password: 'pw' }).start();
});
after(async () => {
  await peer.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

function nextCommand(action: string, ms = 5000): Promise<PeerCommand> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no ${action} reached the camera`)), ms);
    const on = (c: PeerCommand): void => {
      if (c.action !== action) return;
      clearTimeout(t);
      peer.off('command', on);
      resolve(c);
    };
    peer.on('command', on);
  });
}

function setup(url = peer.url, dataDir = dir) {
  const leases = new TestLeases();
  const pushed: { event: EventName; payload: unknown; to: string | null }[] = [];
  const device = new FakeDevice();
  const camera = (id: number): Camera | undefined =>
    id === 7
      ? ({
          id: 7,
          name: 'Parvis',
          site: 'Gare',
          zone: '',
          streams: { main: 'rtsp://127.0.0.1/x' },
          ptz: { type: 'onvif', url },
          credentialsRef: 'cam',
        } as Camera)
      : id === 8
        ? ({ id: 8, name: 'Fixe', site: 'Gare', zone: '', streams: { main: 'rtsp://127.0.0.1/y' } } as Camera)
        : undefined;
  const svc = new PtzService({
    leases,
    post: POST,
    camera,
    credential: (ref) => (ref === 'cam' ? { username: 'op', password: 'pw' } : undefined),
    push: {
      emit: <E extends EventName>(event: E, payload: EventMap[E]) =>
        pushed.push({ event, payload, to: null }),
      emitTo: <E extends EventName>(to: string, event: E, payload: EventMap[E]) =>
        pushed.push({ event, payload, to }),
    },
    dataDir,
    devices: [{ kind: 'keyboard', open: () => device }],
  });
  return { leases, pushed, device, svc };
}

const moves = (): number => peer.commands.filter((c) => c.action === 'ContinuousMove').length;

test('no lease, no command: the pad and the devices reach nothing, then the holder steers', async () => {
  const { svc, device } = setup();
  try {
    const before = moves();
    const r = await svc.move(AGENT, { cameraId: 7, pan: 1, tilt: 0, zoom: 0 });
    assert.deepEqual(r, err('ptz_not_held'));
    svc.select(AGENT, 7);
    device.emit('intent', { kind: 'move', pan: 1, tilt: 0, zoom: 0 });
    await new Promise((res) => setTimeout(res, 200));
    assert.equal(moves(), before, 'nothing moved without a lease');
    assert.deepEqual(
      await svc.take(AGENT, { cameraId: 8, eventRef: 'x', reason: 'y' }),
      err('not_ptz_camera'),
    );

    const taken = await svc.take(AGENT, TAKE);
    assert.ok(taken.ok);
    assert.equal(taken.value.holder.name, 'Léa Moreau');
    const mv = nextCommand('ContinuousMove');
    device.emit('intent', { kind: 'move', pan: 1, tilt: 0, zoom: 0 });
    assert.equal((await mv).x, 1);
    const st = nextCommand('Stop');
    assert.deepEqual(await svc.stop(7, 'release'), ok(null));
    await st;
  } finally {
    await svc.close();
  }
});

test('expiry and pre-emption stop the camera; the operator is told why', async () => {
  const { svc, leases, pushed } = setup();
  try {
    assert.ok((await svc.take(AGENT, TAKE)).ok);
    const mv = nextCommand('ContinuousMove');
    assert.ok((await svc.move(AGENT, { cameraId: 7, pan: 0, tilt: 1, zoom: 0 })).ok);
    await mv;
    const st = nextCommand('Stop');
    leases.end(7, 'expired');
    await st;
    assert.deepEqual(await svc.move(AGENT, { cameraId: 7, pan: 0, tilt: 1, zoom: 0 }), err('ptz_not_held'));
    const told = pushed.find((p) => p.event === 'ptz:ended');
    assert.deepEqual(told, { event: 'ptz:ended', payload: { cameraId: 7, reason: 'expired' }, to: 'w1' });

    assert.ok((await svc.take(AGENT, TAKE)).ok);
    const mv2 = nextCommand('ContinuousMove');
    assert.ok((await svc.move(AGENT, { cameraId: 7, pan: -1, tilt: 0, zoom: 0 })).ok);
    await mv2;
    const chef = { login: 'chef', name: 'Marc Petit', rank: 'Commandant', service: 'CIC', post: 'poste-2' };
    const st2 = nextCommand('Stop');
    leases.end(7, 'preempted', { ...leases.current(7)!, holder: chef, priority: 2 });
    await st2;
    const last = pushed.filter((p) => p.event === 'ptz:ended').at(-1);
    assert.deepEqual(last, {
      event: 'ptz:ended',
      payload: { cameraId: 7, reason: 'preempted', by: { name: 'Marc Petit', rank: 'Commandant' } },
      to: 'w1',
    });
    const leasesPush = pushed.filter((p) => p.event === 'ptz:leases').at(-1)?.payload as {
      holder: { name: string };
    }[];
    assert.equal(leasesPush[0]?.holder.name, 'Marc Petit', 'everyone sees the new holder');
  } finally {
    await svc.close();
  }
});

test('lock, logout and an unplugged device each stop the camera; logout gives the camera back', async () => {
  const { svc, leases, device } = setup();
  const view = (locked: boolean): SessionView =>
    ({ login: 'agent', locked, permissions: ['view', 'ptz'] }) as SessionView;
  try {
    assert.ok((await svc.take(AGENT, TAKE)).ok);
    for (const end of ['unplug', 'lock', 'logout'] as const) {
      if (end === 'logout') assert.ok(leases.holds(7, 'agent'));
      const mv = nextCommand('ContinuousMove');
      assert.ok((await svc.move(AGENT, { cameraId: 7, pan: 0.5, tilt: 0, zoom: 0 })).ok);
      await mv;
      const st = nextCommand('Stop');
      if (end === 'unplug') device.set({ state: 'disconnected', reason: 'device.unplugged' });
      else await svc.sessionChanged('w1', end === 'lock' ? view(true) : null);
      await st;
    }
    assert.equal(leases.current(7), null, 'a logout releases the lease');
  } finally {
    await svc.close();
  }
});

test('a move sent while the grant is still connecting to the camera waits for it, and is not refused', async () => {
  const { svc, leases } = setup();
  try {
    // The lease is granted (every window is told at once) while main still connects to the camera.
    assert.ok((await leases.take({ ...TAKE }, AGENT)).ok);
    const mv = nextCommand('ContinuousMove');
    assert.deepEqual(await svc.move(AGENT, { cameraId: 7, pan: 0, tilt: 0, zoom: 1 }), ok(null));
    assert.equal((await mv).zoom, 1);
  } finally {
    await svc.close();
  }
});

test('an unreachable camera: a clear code, and the lease goes back', async () => {
  const { svc, leases, pushed } = setup('http://127.0.0.1:1/onvif/device_service');
  try {
    const r = await svc.take(AGENT, TAKE);
    assert.deepEqual(r, err('ptz_camera', { reason: 'unreachable' }));
    assert.equal(leases.current(7), null);
    assert.ok(
      pushed.some(
        (p) => p.event === 'ptz:camera' && (p.payload as { error: string }).error === 'unreachable',
      ),
    );
  } finally {
    await svc.close();
  }
});

test('input settings are saved in the data directory; a malformed file gives the defaults', async () => {
  const d = fs.mkdtempSync(path.join(dir, 'settings-'));
  const a = setup(peer.url, d);
  const s = { ...a.svc.settings(), deadZone: 0.2, invert: { pan: true, tilt: false, zoom: false } };
  assert.ok(a.svc.setSettings(s).ok);
  await a.svc.close();
  const b = setup(peer.url, d);
  assert.equal(b.svc.settings().deadZone, 0.2);
  assert.equal(b.svc.settings().invert.pan, true);
  assert.equal(b.svc.setSettings({ ...s, deadZone: 3 }).ok, false, 'out of range is refused');
  await b.svc.close();
  fs.writeFileSync(path.join(d, INPUT_SETTINGS_FILE), '{"deadZone": "beaucoup"');
  const c = setup(peer.url, d);
  assert.equal(c.svc.settings().deadZone, 0.08);
  await c.svc.close();
});
