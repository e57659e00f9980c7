/**
 * The tag provider, injected where entries are written: every `ptz.*` entry of a camera under a
 * running operation carries its id (the real lease service, store and loopback CSU webhook), and
 * `view.start` gets the id and the name; nothing is tagged before the operation starts or once closed.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHook, type Hook } from '../../../test-support/control/csu-peers';
import { openPost, who } from '../../../test-support/control/lease-posts';
import { SqliteLeaseStore } from '../../control/lease/sqlite-store';
import { OperationTags } from './operation-tags';
import { CHEF, input, openOps, type OpsPost } from '../../../test-support/desk/operations-clock';

let hook: Hook;
const cleanup: (() => Promise<void> | void)[] = [];
before(async () => {
  hook = await startHook();
});
after(async () => {
  for (const c of cleanup.reverse()) await c();
  await hook.close();
});

function ops(): OpsPost {
  const p = openOps({ cameras: [1, 2, 12, 21, 22] });
  cleanup.push(() => {
    p.stop();
    fs.rmSync(p.dir, { recursive: true, force: true });
  });
  return p;
}

test('view.start data: operationId and name while the operation runs, nothing otherwise', async () => {
  const p = ops();
  const tags = new OperationTags();
  assert.deepEqual(tags.view(1), {}, 'not wired yet: untagged');
  tags.provide((id) => p.service.tagFor(id));
  assert.deepEqual(tags.view(1), {});
  const r = await p.service.create(input(), { actor: CHEF, wall: true });
  assert.ok(r.ok);
  assert.deepEqual(tags.view(1), { operationId: r.value.operation.id, operation: 'Opération Hirondelle' });
  assert.deepEqual(tags.view(5), {});
  assert.ok(p.service.close(r.value.operation.id, CHEF).ok);
  assert.deepEqual(tags.view(1), {});
});

test('every ptz.* entry of a camera under a running operation carries its operationId', async () => {
  const p = ops();
  const tags = new OperationTags();
  tags.provide((id) => p.service.tagFor(id));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-ops-lease-'));
  const post = openPost(new SqliteLeaseStore(dir), { webhook: hook.url, tag: (id) => tags.lease(id) });
  cleanup.push(async () => {
    await post.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  // Camera 12 of the lease fixture: an operation on it (and on 21 as a control, taken after it ends).
  const r = await p.service.create(input({ cameras: [12] }), { actor: CHEF, wall: false });
  assert.ok(r.ok);
  const id = r.value.operation.id;
  const take = { cameraId: 12, eventRef: 'EV-7', reason: 'suivi du suspect' };
  assert.ok((await post.service.take(take, who('dupont'))).ok);
  assert.ok((await post.service.release(12, who('dupont'))).ok);
  const during = post.story(12);
  assert.deepEqual(
    during.map((e) => e.type),
    ['ptz.request', 'ptz.notify', 'ptz.grant', 'ptz.release'],
  );
  for (const e of during) assert.equal(e.data.operationId, id, `${e.type} is tagged`);
  assert.ok((await post.service.take({ ...take, cameraId: 22 }, who('dupont'))).ok);
  for (const e of post.story(22)) assert.equal(e.data.operationId, undefined, 'another camera: untagged');
  assert.ok(p.service.close(id, CHEF).ok);
  assert.ok((await post.service.take(take, who('martin'))).ok);
  assert.ok((await post.service.release(22, who('dupont'))).ok);
  const afterClose = post.story(12).slice(during.length);
  for (const e of afterClose) assert.equal(e.data.operationId, undefined, 'closed: untagged');
});
