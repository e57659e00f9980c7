/** The renderer's calls are derived from the contract: every channel once, by its camelCase verb. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHANNELS, type VigieApi } from '../../common/contract';
import { camelCase, createRpc, type CamelCase } from './rpc';

test('kebab verbs become camelCase, at run time and in types', () => {
  assert.equal(camelCase('preview-import'), 'previewImport');
  assert.equal(camelCase('settings-get'), 'settingsGet');
  assert.equal(camelCase('goto-preset'), 'gotoPreset');
  assert.equal(camelCase('list'), 'list');
  const typed: CamelCase<'import-tiles'> = 'importTiles';
  assert.equal(typed, camelCase('import-tiles'));
});

test('each function invokes its own channel with the payload given, and answers its Result', async () => {
  const calls: [string, unknown][] = [];
  const api: Pick<VigieApi, 'invoke'> = {
    invoke: ((channel: string, payload?: unknown) => {
      calls.push([channel, payload]);
      return Promise.resolve({ ok: true, value: channel });
    }) as VigieApi['invoke'],
  };
  const rpc = createRpc(api);
  const filter = { category: 'Rixe' };
  assert.deepEqual(await rpc.incidents.list(filter), { ok: true, value: 'incidents:list' });
  await rpc.cameras.previewImport({ fileName: 'c.csv', contentBase64: '' });
  await rpc.cameras.list();
  assert.deepEqual(calls, [
    ['incidents:list', filter],
    ['cameras:preview-import', { fileName: 'c.csv', contentBase64: '' }],
    ['cameras:list', undefined],
  ]);
  assert.equal(calls[0]![1], filter, 'the payload object itself, not a copy');
});

test('every channel of the contract has its function, and nothing else does', async () => {
  const called: string[] = [];
  const rpc = createRpc({
    invoke: ((channel: string) => {
      called.push(channel);
      return Promise.resolve({ ok: true, value: null });
    }) as VigieApi['invoke'],
  });
  const functions = Object.values(
    rpc as unknown as Record<string, Record<string, () => Promise<unknown>>>,
  ).flatMap((domain) => Object.values(domain));
  assert.equal(functions.length, CHANNELS.length);
  for (const f of functions) await f();
  assert.deepEqual([...called].sort(), [...CHANNELS].sort());
});
