/**
 * Issue 21, one CIC on PostgreSQL: two whole posts (the services as the browser host builds them)
 * on one throwaway database, driven through their routers, as their consoles are. The first
 * account is made by `vigie operators add` with $VIGIE_STORE. Then, with each post's own rights
 * re-read only every 60 s: an account created on A logs in on B; demoted on A, its session on B
 * loses the right at once; disabled on A, its session on B ends; an incident filed on A is pushed
 * to B's console and listed there; contacts and wall presets saved on A are pushed
 * to B; both posts' registry entries reach the one chain, which `vigie registry verify --store`
 * finds intact. Each propagation is measured (target 1 s; deadline generous).
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { EventName, IncidentView, SessionView } from '../../common/contract';
import type { Result } from '../../common/result';
import { pgSuite } from '../../test-support/records/pg-suite';
import { createServices, type Services } from './services';

const ROOT = path.resolve(__dirname, '..', '..');
const DEADLINE_MS = 5_000; // the target is 1 s; a loaded machine gets slack, the figure is printed
const open: Services[] = [];
const dataDirOf = new WeakMap<Services, string>();
const dirs: string[] = [];
const tmp = (): string => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-posts-'));
  dirs.push(d);
  return d;
};

/**
 * A post on the shared store, with the same two cameras as every post. It joins the CIC's registry
 * first, as a technician does (`vigie store join`): the first post creates the key, the others are
 * given a copy of its store.key.
 */
async function post(store: string, cameras: string, keyFrom?: Services): Promise<Services> {
  const dataDir = tmp();
  const join = ['--import', 'tsx', 'main/app/cli/cli.ts', 'store', 'join', '--data-dir', dataDir];
  const keyFile = keyFrom ? ['--key-file', path.join(dataDirOf.get(keyFrom)!, 'store.key')] : [];
  execFileSync(process.execPath, [...join, '--store', store, ...keyFile], { cwd: ROOT });
  const s = await createServices({
    ...{ dataDir, assetsDir: path.join(ROOT, 'assets'), host: 'browser', version: 't' },
    ...{ camerasFile: cameras, store },
  });
  open.push(s);
  dataDirOf.set(s, dataDir);
  return s;
}

/** One console on a post: its calls, and the pushes its transport would let through to it. */
function consoleOn(s: Services, clientId: string) {
  const pushes: { event: EventName; payload: unknown; at: number }[] = [];
  const waiters = new Set<() => void>();
  s.events.add((event, payload, target) => {
    if (!s.mayReceive(clientId, event, target)) return;
    pushes.push({ event, payload, at: performance.now() });
    waiters.forEach((w) => w());
  });
  return {
    call: <T>(channel: string, payload?: unknown): Promise<Result<T>> =>
      Promise.resolve(s.router.dispatch(channel, payload, { clientId }) as Result<T> | Promise<Result<T>>),
    /** The first push of `event` whose payload passes `ok`, within the deadline. */
    push: async <T>(event: EventName, ok: (p: T) => boolean): Promise<{ payload: T; at: number }> => {
      const found = () => pushes.find((p) => p.event === event && ok(p.payload as T));
      const end = performance.now() + DEADLINE_MS;
      for (let p = found(); ; p = found()) {
        if (p) return { payload: p.payload as T, at: p.at };
        if (performance.now() > end) throw new Error(`${event} not pushed to ${clientId}`);
        await new Promise<void>((r) => {
          const t = setTimeout(r, DEADLINE_MS);
          waiters.add(() => (clearTimeout(t), r()));
        });
      }
    },
  };
}

const code = (r: Result<unknown>): string => (r.ok ? 'ok' : r.error.code);
const martin = {
  ...{ login: 'martin', name: 'Jean Martin', rank: 'Brigadier', service: 'CIC', badge: '4521' },
  ...{ role: 'supervisor' as const, validFrom: '2020-01-01', validUntil: '2099-12-31' },
};

pgSuite('two posts on one PostgreSQL', (lab) => {
  lab.cleanup(async () => {
    for (const s of open) await s.close();
  });
  test(
    'two posts on one database: accounts, rights and incident reports are one CIC’s',
    { timeout: 120_000 },
    async () => {
      const store = await lab.database();
      const cameras = path.join(tmp(), 'cameras.json');
      const list = [1, 2].map((id) => ({
        id,
        name: `Caméra ${id}`,
        site: 'Gare',
        streams: { main: `demo:${id}` },
      }));
      fs.writeFileSync(cameras, JSON.stringify({ cameras: list }));
      // The head's account, made once for the CIC by the install CLI, reading $VIGIE_STORE.
      const cli = ['--import', 'tsx', 'main/app/cli/cli.ts', 'operators', 'add', '--data-dir', tmp()];
      const chef = ['--login', 'chef', '--name', 'Anne Chef', '--rank', 'Commandant', '--service', 'CIC'];
      execFileSync(process.execPath, [...cli, ...chef, '--role', 'head'], {
        cwd: ROOT,
        env: { ...process.env, VIGIE_STORE: store },
        input: 'Chef-du-CIC-2026\n',
      });
      const a = await post(store, cameras);
      const b = await post(store, cameras, a);
      const chefA = consoleOn(a, 'a-chef');
      const martinB = consoleOn(b, 'b-martin');
      assert.equal(
        code(await chefA.call('auth:login', { login: 'chef', password: 'Chef-du-CIC-2026' })),
        'ok',
      );

      // Created on A: B has it within the deadline, and it logs in there.
      await chefA
        .call('operators:save', { ...martin, password: 'Martin-au-CIC-2026' })
        .then((r) => assert.ok(r.ok));
      const created = performance.now();
      const end = created + DEADLINE_MS;
      while (!b.auth.listOperators().some((o) => o.login === 'martin')) {
        assert.ok(performance.now() < end, 'account not on B');
        await new Promise((r) => setTimeout(r, 10));
      }
      const seenMs = performance.now() - created;
      assert.equal(
        code(await martinB.call('auth:login', { login: 'martin', password: 'Martin-au-CIC-2026' })),
        'ok',
      );
      assert.equal(code(await martinB.call('operations:list')), 'ok', 'a supervisor sees the operations');

      // Demoted on A: B's open session loses the right at once (its own re-read is 60 s away).
      const demote = performance.now();
      await chefA.call('operators:save', { ...martin, role: 'viewer' }).then((r) => assert.ok(r.ok));
      const demoted = await martinB.push<SessionView | null>('auth:session', (v) => v?.role === 'viewer');
      assert.equal(code(await martinB.call('operations:list')), 'forbidden');

      // Disabled on A: B's open session ends.
      const disable = performance.now();
      await chefA
        .call('operators:set-disabled', { login: 'martin', disabled: true })
        .then((r) => assert.ok(r.ok));
      const ended = await martinB.push<SessionView | null>('auth:session', (v) => v === null);
      const status = await martinB.call<{ session: SessionView | null }>('auth:status');
      assert.ok(status.ok && status.value.session === null, 'no session left on B');
      assert.equal(code(await martinB.call('incidents:list', {})), 'unauthenticated');

      // An incident filed on A is pushed to a console on B and listed there.
      const chefB = consoleOn(b, 'b-chef');
      assert.equal(
        code(await chefB.call('auth:login', { login: 'chef', password: 'Chef-du-CIC-2026' })),
        'ok',
      );
      const md = Buffer.from('# Consignes\n\n## Rixe\n\n- Prévenir le CSU\n').toString('base64');
      const imported = await chefA.call('instructions:import', {
        fileName: 'consignes.md',
        contentBase64: md,
      });
      assert.equal(code(imported), 'ok');
      const filed = performance.now();
      const r = await chefA.call<IncidentView>('incidents:report', {
        ...{ category: 'Rixe', cameras: [2], occurredAt: new Date().toISOString() },
        ...{ description: 'Bagarre devant la gare', urgency: 'urgent' },
      });
      assert.ok(r.ok, code(r));
      const pushed = await chefB.push<IncidentView>('incidents:added', (v) => v.id === r.value.id);
      assert.deepEqual(pushed.payload, r.value);
      const listed = await chefB.call<IncidentView[]>('incidents:list', {});
      assert.ok(listed.ok);
      assert.deepEqual(
        listed.value.map((i) => i.id),
        [r.value.id],
      );

      // Contacts saved on A are pushed to B's console.
      const saving = performance.now();
      const contacts = { entries: [], procedure: 'Prévenir le CSU puis l’officier de permanence' };
      assert.equal(code(await chefA.call('contacts:set', contacts)), 'ok');
      const told = await chefB.push<{ procedure: string }>(
        'contacts:changed',
        (v) => v.procedure === contacts.procedure,
      );
      const onB = await chefB.call<{ procedure: string }>('contacts:get');
      assert.equal(onB.ok && onB.value.procedure, contacts.procedure);

      // A wall preset saved on A is in B's list, pushed to its console.
      const presetting = performance.now();
      assert.equal(code(await chefA.call('wall:preset-save', { name: 'Salle de crise' })), 'ok');
      const preset = await chefB.push<{ presets: string[] }>('wall:changed', (v) =>
        v.presets.includes('Salle de crise'),
      );
      const ms = (t: number): string => `${Math.round(t)} ms`;
      console.log(
        `propagation: account ${ms(seenMs)}, demotion ${ms(demoted.at - demote)}, ` +
          `disable ${ms(ended.at - disable)}, incident ${ms(pushed.at - filed)}, contacts ${ms(told.at - saving)}, ` +
          `wall preset ${ms(preset.at - presetting)}`,
      );

      // One registry for the CIC: both posts' entries reach the one chain, which verifies.
      const db = new pg.Client({ connectionString: store });
      await db.connect();
      const origins = async (): Promise<number> =>
        Number((await db.query('SELECT count(DISTINCT origin) AS n FROM vigie_registry')).rows[0].n);
      for (const end = performance.now() + DEADLINE_MS; (await origins()) < 2;) {
        if (performance.now() > end) assert.fail('the two posts’ entries did not reach the CIC’s registry');
        await new Promise((r) => setTimeout(r, 100));
      }
      await db.end();
      const verify = ['--import', 'tsx', 'main/app/cli/cli.ts', 'registry', 'verify', '--store', store];
      execFileSync(process.execPath, [...verify, '--data-dir', dataDirOf.get(b)!], { cwd: ROOT });
    },
  );
});

// After the suite's own clean-up (hooks run in the order they are declared): the posts are closed by then.
after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
