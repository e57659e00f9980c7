/** The lease service on the embedded store, a real registry and a real loopback CSU webhook. */
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHook, type Hook } from '../../../test-support/control/csu-peers';
import { openPost, who, type Post } from '../../../test-support/control/lease-posts';
import { SqliteLeaseStore } from './sqlite-store';
import type { Lease } from './types';

let hook: Hook;
const posts: Post[] = [];
const dirs: string[] = [];
before(async () => {
  hook = await startHook();
});
afterEach(() => {
  hook.requests.length = 0;
  hook.answer = 200;
  hook.onRequest = undefined;
});
after(async () => {
  await Promise.all(posts.map((p) => p.close()));
  await hook.close();
  dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

function post(o: Parameters<typeof openPost>[1] = {}): Post {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-lease-svc-'));
  dirs.push(dir);
  const p = openPost(new SqliteLeaseStore(dir), { webhook: hook.url, ...o });
  posts.push(p);
  return p;
}

const take = { cameraId: 12, eventRef: 'EV-118', reason: 'rixe signalée' };
const value = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  assert.ok(r.ok, JSON.stringify(r));
  return r.value;
};

test('the CSU is notified before control is granted, and the notice names the lease’s end', async () => {
  const p = post();
  const during: { stored: Lease | null; holds: boolean }[] = [];
  hook.onRequest = async () => {
    during.push({ stored: await p.store.current(12, Date.now()), holds: p.service.holds(12, 'dupont') });
  };
  const lease = value(await p.service.take(take, who('dupont')));
  assert.deepEqual(during, [{ stored: null, holds: false }], 'no lease while the CSU is being told');
  assert.ok(hook.requests[0]!.at <= lease.grantedAt);
  assert.equal(hook.requests[0]!.json.until, new Date(lease.expiresAt).toISOString());
  assert.equal(hook.requests[0]!.json.cameraName, 'Place Bellecour');
  assert.equal(
    lease.expiresAt - lease.grantedAt <= 10 * 60_000 && lease.expiresAt - lease.grantedAt > 9 * 60_000,
    true,
  );
  assert.equal(lease.notified, 'csu');
  assert.equal(p.service.holds(12, 'dupont'), true);
  assert.equal(p.service.holds(12, 'martin'), false);
  assert.deepEqual(
    p.story().map((e) => [e.type, e.login, e.cameraId]),
    [
      ['ptz.request', 'dupont', 12],
      ['ptz.notify', 'dupont', 12],
      ['ptz.grant', 'dupont', 12],
    ],
  );
  assert.deepEqual(p.story()[1]!.data, { post: 'poste-1', kind: 'take', channel: 'webhook', ok: true });
});

test('a failed notification blocks control; with no channel at all it is refused too', async () => {
  const p = post();
  hook.answer = 500;
  const r = await p.service.take(take, who('dupont'));
  assert.deepEqual(r, { ok: false, error: { code: 'csu_unreached', params: { reason: 'failed' } } });
  assert.equal(p.service.holds(12, 'dupont'), false);
  assert.equal(await p.store.current(12, Date.now()), null);
  assert.deepEqual(
    p.story().map((e) => e.type),
    ['ptz.request', 'ptz.notify', 'ptz.refuse'],
  );
  assert.equal(p.story()[1]!.data.failure, 'http_500');
  assert.deepEqual(p.story()[2]!.data, { post: 'poste-1', why: 'csu_unreached', reason: 'failed' });

  const silent = post({ webhook: '' });
  assert.deepEqual(silent.service.channels(), []);
  assert.deepEqual(await silent.service.take(take, who('dupont')), {
    ok: false,
    error: { code: 'csu_unreached', params: { reason: 'none_configured' } },
  });
});

test('only a supervisor may override an unreachable CSU, and the override is recorded', async () => {
  const p = post();
  hook.answer = 503;
  assert.deepEqual(await p.service.take({ ...take, override: true }, who('dupont')), {
    ok: false,
    error: { code: 'forbidden', params: { reason: 'role' } },
  });
  const lease = value(await p.service.take({ ...take, override: true }, who('chef', 'supervisor')));
  assert.equal(lease.notified, 'override');
  assert.equal(lease.priority, 2);
  assert.deepEqual(
    p.story().map((e) => e.type),
    ['ptz.request', 'ptz.notify', 'ptz.override', 'ptz.grant'],
  );
  assert.equal(p.story()[0]!.data.override, true);
  assert.equal(p.story()[2]!.data.reason, 'failed');
  assert.equal(p.story()[3]!.data.notified, 'override');
});

test('a held camera is refused with the holder’s name, without telling the CSU; a supervisor pre-empts', async () => {
  const p = post();
  const first = value(await p.service.take(take, who('dupont')));
  hook.requests.length = 0;
  assert.deepEqual(await p.service.take(take, who('martin')), {
    ok: false,
    error: { code: 'ptz_held', params: { name: 'Agent dupont', post: 'poste-1' } },
  });
  assert.equal(hook.requests.length, 0, 'no notice for a refused request');
  const sup = value(await p.service.take(take, who('chef', 'supervisor')));
  const ended = await p.change((c) => c.ended?.lease.id === first.id);
  assert.equal(ended.ended?.reason, 'preempted');
  assert.equal(ended.ended?.by?.login, 'chef');
  assert.equal(ended.lease?.id, sup.id);
  assert.equal(p.service.holds(12, 'dupont'), false);
  assert.equal(p.service.holds(12, 'chef'), true);
  const story = p.story();
  const preempt = story.find((e) => e.type === 'ptz.preempt');
  assert.equal(preempt?.login, 'dupont', 'recorded in the pre-empted operator’s name');
  assert.deepEqual(preempt?.data.by, { login: 'chef', name: 'Agent chef', post: 'poste-1' });
  assert.equal(
    (story.findLast((e) => e.type === 'ptz.grant')?.data.preempted as { login: string }).login,
    'dupont',
  );
  assert.equal(story.filter((e) => e.type === 'ptz.refuse')[0]?.data.why, 'held');
});

test('a lease expires by itself: the change says so, the store is freed, the registry records it', async () => {
  const p = post({ minuteMs: 40 });
  const lease = value(await p.service.take({ ...take, minutes: 5 }, who('dupont')));
  const ended = await p.change((c) => c.ended?.lease.id === lease.id);
  assert.equal(ended.ended?.reason, 'expired');
  assert.equal(ended.lease, null);
  assert.ok(Date.now() >= lease.expiresAt);
  assert.equal(p.service.holds(12, 'dupont'), false);
  assert.equal(p.service.current(12), null);
  const raw = new SqliteLeaseStore(dirs.at(-1)!);
  assert.equal(await raw.current(12, 0), null, 'released in the store, not only out of date');
  await raw.close();
  assert.deepEqual(p.story().at(-1), {
    type: 'ptz.expire',
    login: 'dupont',
    cameraId: 12,
    data: { post: 'poste-1', leaseId: lease.id },
  });
});

test('extension notifies the CSU again; the registry holds the whole story in order', async () => {
  const p = post();
  const lease = value(await p.service.take({ ...take, minutes: 5 }, who('dupont')));
  assert.deepEqual(await p.service.extend(12, 31, who('dupont')), {
    ok: false,
    error: { code: 'lease_too_long', params: { max: 30 } },
  });
  assert.deepEqual(await p.service.extend(12, 10, who('martin')), {
    ok: false,
    error: { code: 'ptz_not_held' },
  });
  hook.answer = 500;
  assert.deepEqual((await p.service.extend(12, 20, who('dupont'))).ok, false);
  assert.equal(p.service.current(12)?.expiresAt, lease.expiresAt, 'a refused extension changes nothing');
  hook.answer = 200;
  const ext = value(await p.service.extend(12, 20, who('dupont')));
  assert.ok(ext.expiresAt > lease.expiresAt + 14 * 60_000);
  assert.equal(hook.requests.at(-1)!.json.kind, 'extend');
  assert.equal(hook.requests.at(-1)!.json.until, new Date(ext.expiresAt).toISOString());
  assert.equal((await p.store.current(12, Date.now()))?.expiresAt, ext.expiresAt);
  const released = p.change((c) => c.ended?.reason === 'released');
  assert.deepEqual(await p.service.release(12, who('dupont')), { ok: true, value: null });
  assert.equal((await released).ended?.lease.id, lease.id);
  assert.deepEqual(await p.service.release(12, who('dupont')), {
    ok: false,
    error: { code: 'ptz_not_held' },
  });
  assert.deepEqual(
    p.story(12).map((e) => e.type),
    [
      'ptz.request',
      'ptz.notify',
      'ptz.grant',
      'ptz.notify',
      'ptz.refuse',
      'ptz.notify',
      'ptz.extend',
      'ptz.release',
    ],
  );
  assert.ok(p.story(12).every((e) => e.login === 'dupont' && e.cameraId === 12));
});

test('the same operator taking a camera again renews control: no end is announced', async () => {
  const p = post();
  const first = value(await p.service.take(take, who('dupont')));
  const again = value(await p.service.take({ ...take, reason: 'rixe, renfort' }, who('dupont')));
  assert.notEqual(again.id, first.id);
  await p.change((c) => c.lease?.id === again.id);
  assert.deepEqual(
    p.changes.filter((c) => c.ended),
    [],
  );
  assert.equal(p.service.holds(12, 'dupont'), true);
  assert.equal(hook.requests.length, 2, 'the CSU is told each time');
});

test('a grant the registry cannot record is withdrawn: nothing is granted that the registry does not hold', async () => {
  const written: string[] = [];
  const registry = {
    append: (i: { type: string }) => {
      if (i.type === 'ptz.grant') throw new Error('disk I/O error');
      written.push(i.type);
    },
  };
  const p = post({ registry });
  assert.deepEqual(await p.service.take(take, who('dupont')), { ok: false, error: { code: 'internal' } });
  assert.equal(await p.store.current(12, Date.now()), null);
  assert.equal(p.service.holds(12, 'dupont'), false);
  assert.deepEqual(written, ['ptz.request', 'ptz.notify']);
});

test('requests are checked: role, event, duration, camera', async () => {
  const p = post();
  const code = async (r: Promise<{ ok: boolean; error?: unknown }>): Promise<unknown> =>
    ((await r) as { error?: unknown }).error;
  assert.deepEqual(await code(p.service.take(take, who('v', 'viewer'))), {
    code: 'forbidden',
    params: { reason: 'role' },
  });
  assert.deepEqual(await code(p.service.take({ ...take, eventRef: '  ' }, who('dupont'))), {
    code: 'ptz_event_required',
  });
  assert.deepEqual(await code(p.service.take({ ...take, minutes: 31 }, who('dupont'))), {
    code: 'lease_too_long',
    params: { max: 30 },
  });
  assert.deepEqual(await code(p.service.take({ ...take, minutes: 0.5 }, who('dupont'))), {
    code: 'invalid_payload',
    params: { field: 'minutes' },
  });
  assert.deepEqual(await code(p.service.take({ ...take, cameraId: 99 }, who('dupont'))), {
    code: 'invalid_payload',
    params: { field: 'cameraId' },
  });
  assert.equal(hook.requests.length, 0);
  assert.deepEqual(p.service.limits(), { defaultMinutes: 10, maxMinutes: 30 });
});

test('a second request for a camera being notified is refused, not raced', async () => {
  const p = post();
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  hook.onRequest = () => gate;
  const first = p.service.take(take, who('dupont'));
  while (hook.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
  assert.deepEqual(await p.service.take(take, who('chef', 'supervisor')), {
    ok: false,
    error: { code: 'ptz_busy' },
  });
  release();
  assert.equal((await first).ok, true);
});
