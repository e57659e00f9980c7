/** The wall link's slots: who is dropped to make room, and who never is. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LinkAdmission } from './admission';

test('pending connections are capped per address and in total; an admitted console is never dropped', () => {
  const dropped: string[] = [];
  const a = new LinkAdmission({ perAddress: 2, total: 5 });
  const arrive = (id: string, address: string) => a.arrive(id, address, () => dropped.push(id));
  arrive('console', '10.0.0.1');
  a.admit('console');
  // One address past its cap: its own oldest pending goes.
  arrive('x1', '10.0.0.9');
  arrive('x2', '10.0.0.9');
  arrive('x3', '10.0.0.9');
  assert.deepEqual(dropped, ['x1']);
  // The total cap: the address holding the most pending gives up its oldest.
  arrive('y1', '10.0.0.7');
  arrive('z1', '10.0.0.8');
  assert.deepEqual(dropped, ['x1'], 'five in all: none dropped yet');
  arrive('v1', '10.0.0.6');
  assert.deepEqual(dropped, ['x1', 'x2']);
  assert.deepEqual(a.counts(), { pending: 4, admitted: 1 });
  // A tie: the oldest pending of all goes; the admitted console stays, whatever arrives.
  for (let i = 0; i < 20; i++) arrive(`w${i}`, `10.0.1.${i}`);
  assert.ok(!dropped.includes('console'));
  assert.deepEqual(a.counts(), { pending: 4, admitted: 1 });
  // Closed connections free their slots.
  a.leave('console');
  assert.deepEqual(a.counts(), { pending: 4, admitted: 0 });
});
