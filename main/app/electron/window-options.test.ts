import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CONSOLE_PARTITION, CONSOLE_URL, denyWindowOpen, navigationAllowed } from './window-options';

test('navigation stays inside the app; new windows are denied', () => {
  assert.ok(!CONSOLE_PARTITION.startsWith('persist:'), 'the session is not kept on disk');
  assert.equal(navigationAllowed(CONSOLE_URL), true);
  for (const url of [
    'https://evil.example/',
    'app://vigie.evil/index.html',
    'file:///etc/passwd',
    'javascript:alert(1)',
    '',
    'not a url',
  ])
    assert.equal(navigationAllowed(url), false, url);
  assert.deepEqual(denyWindowOpen(), { action: 'deny' });
});
