import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChannelDefs } from '../../platform/ipc/module';
import { Router } from '../../platform/ipc/router';
import { ok } from '../../../common/result';
import { camerasHandlers } from '../../video/cameras/cameras-handlers';
import { layoutHandlers } from '../../video/mosaic/mosaic-handlers';
import { streamsHandlers } from '../../video/streams/streams-handlers';
import { registryHandlers } from '../registry/registry-handlers';
import { AuthService, MAX_FAILURES } from './auth-service';
import { SqliteOperatorStore } from './operator-store';
import { Registry } from '../registry/registry';
import { loadOrCreateKeys } from '../registry/registry-key';
import { hashPassword, verifyPassword } from './passwords';

function setup(demo = false) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-auth-'));
  const registry = new Registry(dir, loadOrCreateKeys(dir));
  const revoked: string[] = [];
  const auth = new AuthService(new SqliteOperatorStore(dir), registry, {
    isDemo: () => demo,
    lockAfterSeconds: 60,
    onRevoke: (t) => revoked.push(t),
  });
  return { auth, registry, revoked };
}

const today = new Date().toISOString().slice(0, 10);
const base = {
  name: 'Jeanne Martin',
  rank: 'Gardien de la paix',
  service: 'CIC',
  badge: '4521',
  validFrom: '2020-01-01',
  validUntil: '2099-12-31',
};

test('passwords are hashed with scrypt and verified in constant time', async () => {
  const h = await hashPassword('correct horse battery');
  assert.match(h, /^scrypt\$32768\$8\$1\$/);
  assert.equal(await verifyPassword('correct horse battery', h), true);
  assert.equal(await verifyPassword('wrong', h), false);
});

test('login, then lockout after repeated failures, all in the registry', async () => {
  const { auth, registry } = setup();
  assert.ok(
    (await auth.saveOperator({ ...base, login: 'martin', role: 'viewer', password: 'mot-de-passe-1' }, null))
      .ok,
  );
  const good = await auth.login('c1', 'martin', 'mot-de-passe-1');
  assert.ok(
    good.ok && good.value.permissions.includes('view') && !good.value.permissions.includes('registry'),
  );
  for (let i = 0; i < MAX_FAILURES; i++) assert.equal((await auth.login('c2', 'martin', 'faux')).ok, false);
  const locked = await auth.login('c2', 'martin', 'mot-de-passe-1');
  assert.ok(
    !locked.ok && locked.error.code === 'login_refused' && locked.error.params?.reason === 'locked_out',
    'even the right password is refused while locked out',
  );
  const types = registry.query().map((r) => r.type);
  assert.ok(
    types.includes('auth.login') &&
      types.includes('auth.locked_out') &&
      types.filter((t) => t === 'auth.login_failed').length >= MAX_FAILURES,
  );
});

test("an authorisation date that does not exist is refused at every door, the install CLI's too", async () => {
  const { auth } = setup();
  for (const [validFrom, validUntil] of [
    ['2026-01-01', '2026-02-30'],
    ['2026-13-01', '2027-01-01'],
    ['2026-1-01', '2027-01-01'],
  ] as const) {
    const r = await auth.saveOperator(
      { ...base, login: 'dates', role: 'viewer', validFrom, validUntil, password: 'mot-de-passe-9' },
      null,
    );
    assert.equal(r.ok ? null : r.error.code, 'invalid_validity', `${validFrom} → ${validUntil}`);
  }
});

test('an expired authorisation cannot log in', async () => {
  const { auth } = setup();
  await auth.saveOperator(
    {
      ...base,
      login: 'ancien',
      role: 'viewer',
      validFrom: '2020-01-01',
      validUntil: '2021-12-31',
      password: 'mot-de-passe-2',
    },
    null,
  );
  const r = await auth.login('c', 'ancien', 'mot-de-passe-2');
  assert.deepEqual(r.ok ? null : r.error, {
    code: 'login_refused',
    params: { reason: 'expired', from: '2020-01-01', to: '2021-12-31' },
  });
  await auth.saveOperator(
    {
      ...base,
      login: 'futur',
      role: 'viewer',
      validFrom: '2098-01-01',
      validUntil: '2099-01-01',
      password: 'mot-de-passe-3',
    },
    null,
  );
  assert.equal((await auth.login('c', 'futur', 'mot-de-passe-3')).ok, false);
  assert.ok(today > '2021-12-31');
});

test('roles are enforced in main: a viewer cannot import cameras nor read the registry; a technician sees no image', async () => {
  const { auth } = setup();
  await auth.saveOperator({ ...base, login: 'viewer1', role: 'viewer', password: 'mot-de-passe-4' }, null);
  await auth.saveOperator({ ...base, login: 'tech1', role: 'technician', password: 'mot-de-passe-5' }, null);
  const called: string[] = [];
  // The real rights and schemas of these channels; handlers that only say they were reached.
  const real: Partial<ChannelDefs> = {
    ...streamsHandlers({ gateway: {} as never, url: '', videoToken: () => null }),
    ...camerasHandlers({ inventory: {} as never, actor: () => null }),
    ...registryHandlers({
      registry: { onHealth: () => () => undefined } as never,
      dataDir: '',
      actor: () => null,
      runner: {} as never,
      events: {} as never,
    }),
    ...layoutHandlers({ layout: {} as never, cameraIds: () => [], events: {} as never }),
  };
  const defs = Object.fromEntries(
    Object.entries(real).map(([ch, def]) => [
      ch,
      {
        ...def,
        handle: () => {
          called.push(ch);
          return ok(null);
        },
      },
    ]),
  );
  const router = new Router(defs, (access, ctx) => auth.check(ctx.clientId, access));
  const anon = await router.dispatch('streams:endpoint', undefined, { clientId: 'x' });
  assert.ok(!anon.ok && anon.error.code === 'unauthenticated');
  await auth.login('v', 'viewer1', 'mot-de-passe-4');
  const imp = await router.dispatch(
    'cameras:preview-import',
    { fileName: 'a.json', contentBase64: 'e30=' },
    { clientId: 'v' },
  );
  assert.ok(!imp.ok && imp.error.code === 'forbidden');
  const reg = await router.dispatch('registry:query', {}, { clientId: 'v' });
  assert.ok(!reg.ok && reg.error.code === 'forbidden');
  assert.ok((await router.dispatch('streams:endpoint', undefined, { clientId: 'v' })).ok);
  await auth.login('t', 'tech1', 'mot-de-passe-5');
  const img = await router.dispatch('streams:endpoint', undefined, { clientId: 't' });
  assert.ok(!img.ok && img.error.code === 'forbidden');
  assert.equal(auth.videoToken('t'), null);
  assert.ok(
    (
      await router.dispatch(
        'cameras:preview-import',
        { fileName: 'a.json', contentBase64: 'e30=' },
        { clientId: 't' },
      )
    ).ok,
  );
  assert.deepEqual(
    called,
    ['streams:endpoint', 'cameras:preview-import'],
    'refused calls never reached a handler',
  );
  // Malformed payloads are refused before any handler, naming the field.
  const bad = await router.dispatch('layout:set', { layout: '5x5', tiles: [] }, { clientId: 'v' });
  assert.deepEqual(bad.ok ? null : bad.error, { code: 'invalid_payload', params: { field: 'layout' } });
});

test('a lock cuts video at once and needs the password; changing operator closes the previous session', async () => {
  const { auth, revoked, registry } = setup();
  await auth.saveOperator({ ...base, login: 'a1', role: 'viewer', password: 'mot-de-passe-6' }, null);
  await auth.saveOperator(
    { ...base, login: 'a2', name: 'Paul Durand', role: 'viewer', password: 'mot-de-passe-7' },
    null,
  );
  await auth.login('c', 'a1', 'mot-de-passe-6');
  const token = auth.videoToken('c')!;
  assert.ok(auth.authorizeVideo(token));
  auth.lock('c', 'inactivity');
  assert.deepEqual(revoked, [token]);
  assert.equal(auth.authorizeVideo(token), null);
  assert.equal(auth.check('c', 'view')?.error.code, 'locked');
  assert.equal((await auth.unlock('c', 'nope')).ok, false);
  assert.ok((await auth.unlock('c', 'mot-de-passe-6')).ok);
  await auth.login('c', 'a2', 'mot-de-passe-7');
  assert.equal(auth.status('c')?.login, 'a2');
  const logouts = registry.query().filter((r) => r.type === 'auth.logout');
  assert.deepEqual(
    logouts.map((r) => [r.login, JSON.parse(r.data).reason]),
    [['a1', 'change']],
  );
});

test('the demo account exists only with the demo inventory', async () => {
  assert.ok((await setup(true).auth.login('c', 'demo', 'demo')).ok);
  assert.equal((await setup(false).auth.login('c', 'demo', 'demo')).ok, false);
});

test('account forms refuse bad input and change nothing', async () => {
  const { auth } = setup();
  assert.equal(
    (await auth.saveOperator({ ...base, login: 'x y', role: 'viewer', password: 'mot-de-passe-8' }, null)).ok,
    false,
  );
  assert.equal(
    (await auth.saveOperator({ ...base, login: 'court', role: 'viewer', password: 'court' }, null)).ok,
    false,
  );
  assert.equal(
    (
      await auth.saveOperator(
        {
          ...base,
          login: 'dates',
          role: 'viewer',
          validFrom: '2030-01-01',
          validUntil: '2020-01-01',
          password: 'mot-de-passe-9',
        },
        null,
      )
    ).ok,
    false,
  );
  assert.deepEqual(auth.listOperators(), []);
});
