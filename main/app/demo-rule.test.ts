/** Issue 7 §3: the demo account exists only on a post never set up (or with an explicit --demo). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InventoryView } from '../../common/contract';
import { createServices, type Services } from './services';

const ASSETS = path.resolve(__dirname, '..', '..', 'assets');
const ACCOUNT = {
  login: 'chef',
  name: 'Marc Petit',
  rank: 'Commandant',
  service: 'CIC',
  badge: '1',
  role: 'head' as const,
  validFrom: '2020-01-01',
  validUntil: '2099-12-31',
  password: 'chef-mot-de-passe',
};

const start = (dataDir: string, demo?: boolean): Promise<Services> =>
  createServices({ dataDir, assetsDir: ASSETS, host: 'browser', version: 't', ...(demo && { demo }) });

async function postWithAccount(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-demo-'));
  const s = await start(dir);
  assert.ok((await s.auth.saveOperator(ACCOUNT, null)).ok);
  await s.close();
  return dir;
}

const demoLogin = (s: Services, clientId = 'c1') =>
  s.router.dispatch('auth:login', { login: 'demo', password: 'demo' }, { clientId });

test('a post never set up offers the demo, and importing a real inventory ends the demo session', async () => {
  const s = await start(fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-demo-')));
  try {
    assert.equal(s.inventory.view().demo, true);
    assert.ok((await demoLogin(s)).ok);
    const content = JSON.stringify({
      cameras: [{ id: 5, name: 'Parvis', site: 'Gare', streams: { main: 'rtsp://10.0.0.1/a' } }],
    });
    const prev = s.inventory.preview('cams.json', Buffer.from(content));
    assert.ok(prev.ok);
    assert.ok(s.inventory.apply(prev.value.previewId).ok);
    assert.equal(s.auth.status('c1'), null, 'the demo session ended with the change');
    assert.equal((await demoLogin(s, 'c2')).ok, false, 'and the demo account is gone');
  } finally {
    await s.close();
  }
});

test('a post with accounts and no inventory has no demo cameras and no demo account', async () => {
  const s = await start(await postWithAccount());
  try {
    assert.equal(s.inventory.view().demo, false);
    assert.equal(s.inventory.view().cameras.length, 0);
    assert.equal((await demoLogin(s)).ok, false);
  } finally {
    await s.close();
  }
});

test('a corrupt stored inventory leaves no cameras and a visible error, never the demo', async () => {
  const dir = await postWithAccount();
  fs.writeFileSync(path.join(dir, 'inventory.json'), '{ "cameras": [ { "id": 1, ');
  const s = await start(dir);
  try {
    const r = await s.router.dispatch('auth:status', undefined, { clientId: 'c1' });
    assert.ok(r.ok && !(r.value as { demoAvailable: boolean }).demoAvailable);
    assert.equal((await demoLogin(s)).ok, false, 'demo/demo never logs in on a post with accounts');
    const login = await s.router.dispatch(
      'auth:login',
      { login: ACCOUNT.login, password: ACCOUNT.password },
      { clientId: 'c1' },
    );
    assert.ok(login.ok);
    const list = await s.router.dispatch('cameras:list', undefined, { clientId: 'c1' });
    assert.ok(list.ok);
    const view = list.value as InventoryView;
    assert.equal(view.demo, false);
    assert.equal(view.cameras.length, 0);
    assert.equal(view.lastError?.code, 'stored_inventory_invalid');
  } finally {
    await s.close();
  }
});

test('a showroom starts with --demo: the demo even on a post with accounts', async () => {
  const s = await start(await postWithAccount(), true);
  try {
    assert.equal(s.inventory.view().demo, true);
    assert.ok((await demoLogin(s)).ok);
  } finally {
    await s.close();
  }
});
