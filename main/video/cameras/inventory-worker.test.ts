/**
 * Issue 18 (a sibling of the Markdown case): a camera file within every limit (4 MiB, 33 000
 * cameras) took over a second of the main thread to decode, validate and compare. A post checks it
 * in a worker thread; main only keeps the outcome.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { MAX_IMPORT_BYTES } from '../../../common/contract';
import { postJobRunner } from '../../app/post-jobs';
import { loadOrCreateKeys } from '../../records/registry/registry-key';
import { camerasHandlers } from './cameras-handlers';
import { checkImport } from './inventory-check';
import { InventoryStore } from './inventory-store';

const DEMO = path.join(__dirname, '..', '..', '..', 'assets', 'demo-cameras.json');
const ctx = { clientId: 'c' };

function annex(count: number): Buffer {
  const lines = ['id;name;site;zone;main'];
  for (let i = 1; i <= count; i++)
    lines.push(`${i};Caméra ${i};Site ${i % 50};Z;rtsp://10.0.${(i >> 8) & 255}.${i & 255}/s1`);
  return Buffer.from(lines.join('\n'));
}

test(
  'a 4 MiB camera file is checked in a worker: the main thread keeps its timers',
  { timeout: 120_000 },
  async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-inv-worker-'));
    const jobs = postJobRunner(dir, loadOrCreateKeys(dir));
    const store = new InventoryStore(dir, DEMO);
    await store.init(undefined, false);
    const h = camerasHandlers({
      inventory: store,
      actor: () => null,
      check: (fileName, bytes, inForce) =>
        jobs.run('cameras.check', { fileName, bytes, inForce: [...inForce] }),
    });
    const bytes = annex(80_000).subarray(0, MAX_IMPORT_BYTES);
    const whole = bytes.subarray(0, bytes.lastIndexOf('\n'));
    let last = performance.now();
    let stall = 0;
    const tick = setInterval(() => {
      stall = Math.max(stall, performance.now() - last);
      last = performance.now();
    }, 10);
    const r = await h['cameras:preview-import'].handle(
      { fileName: 'annexe.csv', contentBase64: whole.toString('base64') },
      ctx,
    );
    clearInterval(tick);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error).slice(0, 300));
    assert.ok(r.value.count > 30_000);
    assert.equal(r.value.diff.added.length, r.value.count);
    assert.ok(stall < 100, `main thread stalled ${Math.round(stall)} ms`);
    const applied = await h['cameras:apply-import'].handle({ previewId: r.value.previewId }, ctx);
    assert.ok(applied.ok);
    assert.equal(store.cameras().length, r.value.count);
    await jobs.close();
  },
);

test('a check made against cameras no longer in force is refused as expired', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-inv-worker-'));
  const store = new InventoryStore(dir, DEMO);
  await store.init(undefined, false);
  const against = store.inForce();
  const checked = checkImport('a.csv', annex(3), store.diffBase());
  const other = store.preview('b.csv', annex(2));
  assert.ok(other.ok && store.apply(other.value.previewId).ok); // another import took effect meanwhile
  assert.deepEqual(store.previewChecked('a.csv', checked, against), {
    ok: false,
    error: { code: 'preview_expired' },
  });
});
