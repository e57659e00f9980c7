import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CONSOLE_PARTITION, CONSOLE_URL, denyWindowOpen, navigationAllowed, withCsp } from './window-options';

test('every response carries the one CSP, replacing any the response brought', () => {
  const h = withCsp({ 'content-security-policy': ["default-src *; script-src 'unsafe-eval'"], 'x-a': ['1'] });
  assert.equal(h['content-security-policy'], undefined);
  assert.deepEqual(h['x-a'], ['1']);
  const csp = String(h['Content-Security-Policy']);
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /object-src 'none'/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/);
});

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
