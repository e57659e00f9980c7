/** Issue 18: a large answer is built once and serialized once, whoever asks and however often. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { err, ok } from '../../../common/result';
import { AnswerCache, sharedJson } from './shared-answer';

test('150 requests at once build one answer, and every caller gets the same frozen object and bytes', async () => {
  const cache = new AnswerCache(64 * 1024 * 1024);
  let builds = 0;
  const build = async () => {
    builds++;
    await new Promise((r) => setTimeout(r, 20));
    return ok({ contentBase64: 'A'.repeat(1024 * 1024) });
  };
  const answers = await Promise.all(Array.from({ length: 150 }, () => cache.get('plan', build)));
  assert.equal(builds, 1);
  assert.ok(answers.every((a) => a === answers[0]));
  assert.ok(Object.isFrozen(answers[0]));
  const bytes = sharedJson(answers[0]);
  assert.ok(bytes);
  assert.deepEqual(JSON.parse(bytes.toString()), answers[0]);
  assert.equal(await cache.get('plan', build), answers[0]);
  assert.equal(builds, 1);
  assert.equal(sharedJson({ ok: true, value: 1 }), undefined); // only shared answers have bytes
});

test('the cache keeps within its bytes, least recently used out first; clear() drops everything', async () => {
  const cache = new AnswerCache(3000);
  const answer = (n: number) => () => ok('x'.repeat(n));
  await cache.get('a', answer(900));
  await cache.get('b', answer(900));
  await cache.get('a', answer(900)); // a is now the most recent
  let rebuilt = 0;
  await cache.get('c', answer(900)); // over 3000 with the overhead: b goes
  await cache.get('a', () => (rebuilt++, ok('a')));
  assert.equal(rebuilt, 0, 'a was kept');
  await cache.get('b', () => (rebuilt++, ok('b')));
  assert.equal(rebuilt, 1, 'b was dropped');
  assert.ok(cache.size <= 3000);
  cache.clear();
  assert.equal(cache.size, 0);
  await cache.get('a', () => (rebuilt++, ok('a')));
  assert.equal(rebuilt, 2);
});

test('refusals and empty answers are not kept: the next request builds again', async () => {
  const cache = new AnswerCache(1024 * 1024);
  let builds = 0;
  await cache.get('k', () => (builds++, err('internal')));
  await cache.get('k', () => (builds++, ok(null)));
  await cache.get('k', () => (builds++, ok(null)));
  assert.equal(builds, 3);
  assert.equal(cache.size, 0);
});

test('an answer built before a clear() is not kept after it', async () => {
  const cache = new AnswerCache(1024 * 1024);
  let release = (): void => undefined;
  const slow = cache.get<string>('plan', () => new Promise((r) => (release = () => r(ok('old plan')))));
  cache.clear(); // a new map was imported meanwhile
  release();
  assert.deepEqual(await slow, { ok: true, value: 'old plan' });
  assert.deepEqual(await cache.get('plan', () => ok('new plan')), { ok: true, value: 'new plan' });
});
