import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EventHub, Router } from '../../platform/ipc/router';
import { JobRunner } from '../../platform/jobs/job-runner';
import { loadOrCreateKeys } from './registry-key';
import { Registry } from './registry';
import { registryHandlers } from './registry-handlers';

const actor = { login: 'chef', name: 'Marc Petit', rank: 'Commandant', service: 'CIC' };

test('a registry filter date that does not exist is invalid_payload naming the field, not internal', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-filter-'));
  const registry = new Registry(dir, loadOrCreateKeys(dir));
  const runner = new JobRunner({ dataDir: dir, shared: registry.keys });
  const router = new Router(
    registryHandlers({ registry, dataDir: dir, actor: () => actor, runner, events: new EventHub() }),
  );
  const ctx = { clientId: 'c1' };
  for (const [field, value] of [
    ['from', '2026-13-40'],
    ['to', '2026-02-30'],
    ['from', '2026-00-10'],
  ] as const) {
    for (const channel of ['registry:query', 'registry:export'] as const) {
      const payload = { [field]: value, ...(channel === 'registry:export' && { format: 'csv' }) };
      const r = await router.dispatch(channel, payload, ctx);
      assert.ok(!r.ok, `${channel} ${value}`);
      assert.equal(r.error.code, 'invalid_payload');
      assert.deepEqual(r.error.params, { field });
    }
  }
  const good = await router.dispatch('registry:query', { from: '2024-02-29', to: '2026-12-31' }, ctx);
  assert.ok(good.ok);
  await runner.close();
  registry.close();
});
