/**
 * The console's store, built from its slices in Node (a fake `window.vigie` answers every call):
 * each slice forgets its own fields when the session ends, opening a panel touches no other
 * slice's fields, and the shared selectors return what the store holds.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { VigieApi } from '../../common/contract';

const g = globalThis as Record<string, unknown>;
const fake: VigieApi = {
  invoke: (() => Promise.resolve({ ok: false, error: { code: 'disconnected' } })) as VigieApi['invoke'],
  on: () => () => undefined,
};
g.window = { vigie: fake };
g.localStorage = { getItem: () => null, setItem: () => undefined };
g.document = { documentElement: { lang: 'fr' } };

type Store = typeof import('./console-store');
type State = ReturnType<Store['useConsole']['getState']>;
let useConsole: Store['useConsole'];
let selectors: Store['selectors'];
let check: typeof import('../ui/stable-selector');
// Loaded once the fake window is in place (the bridge reads `window.vigie` when it loads).
before(async () => {
  ({ useConsole, selectors } = await import('./console-store'));
  check = await import('../ui/stable-selector');
});

/** What outlives a session: the post's language, the clock, and the session itself (auth's own). */
const KEPT = new Set(['locale', 'now', 'session', 'demoAvailable', 'authChecked']);

function dataFields(s: State): string[] {
  return Object.keys(s).filter((k) => typeof s[k as keyof State] !== 'function' && !KEPT.has(k));
}

test('when the session ends, every slice puts back each of its own fields', () => {
  const initial = useConsole.getState();
  const fields = dataFields(initial);
  assert.ok(fields.length > 40, `only ${fields.length} fields found`);
  // Every field holds something else, as after a long session.
  useConsole.setState(Object.fromEntries(fields.map((k) => [k, { left: k, url: 'blob:left' }])));
  useConsole.getState().setSession(null);
  const after = useConsole.getState();
  for (const k of fields)
    assert.deepEqual(after[k as keyof State], initial[k as keyof State], `${k} kept after the session ended`);
  assert.equal(after.locale, initial.locale);
});

test('opening a panel changes the open panel only: each panel clears its own slice', () => {
  useConsole.setState({ verification: { ok: true, rows: 3, head: null }, operators: [] });
  const before = useConsole.getState();
  before.setPanel('registry');
  const after = useConsole.getState();
  for (const k of Object.keys(before) as (keyof State)[])
    if (k !== 'panel') assert.equal(after[k], before[k], `${k} changed by setPanel`);
  assert.equal(after.panel, 'registry');
  after.resetRegistry();
  assert.equal(useConsole.getState().verification, null);
});

test('the shared selectors return what the store holds, the same on every call', () => {
  const s = useConsole.getState();
  for (const [name, select] of Object.entries(selectors)) {
    assert.doesNotThrow(() => check.assertStableSelector(select as (s: State) => unknown, s), name);
  }
});

test('a selector that builds a fresh array or object is refused at run time', () => {
  const s = useConsole.getState();
  const fresh: ((x: State) => unknown)[] = [
    (x: State) => x.instructions?.current?.categories ?? [],
    (x: State) => x.cameras.filter((c) => c.ptz),
    (x: State) => ({ layout: x.layout }),
  ];
  for (const select of fresh)
    assert.throws(() => check.assertStableSelector(select, s), check.UnstableSelectorError);
  const stable: ((x: State) => unknown)[] = [
    (x: State) => x.instructions?.current?.categories ?? null,
    (x: State) => x.cameras.find((c) => c.id === 1),
    (x: State) => x.session?.permissions.includes('view') ?? false,
  ];
  for (const select of stable) assert.doesNotThrow(() => check.assertStableSelector(select, s));
});
