import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CONSOLE_PARTITION,
  CONSOLE_URL,
  consoleWebPreferences,
  denyWindowOpen,
  navigationAllowed,
  withCsp,
} from './window-options';

test('the console window runs sandboxed, isolated, with no Node in the page', () => {
  const p = consoleWebPreferences('/app/preload.js', false);
  assert.equal(p.sandbox, true);
  assert.equal(p.contextIsolation, true);
  assert.equal(p.nodeIntegration, false);
  assert.equal(p.nodeIntegrationInWorker, false);
  assert.equal(p.nodeIntegrationInSubFrames, false);
  assert.equal(p.webSecurity, true);
  assert.equal(p.webviewTag, false);
  assert.equal(p.devTools, false);
  assert.equal(p.preload, '/app/preload.js');
  assert.ok(!CONSOLE_PARTITION.startsWith('persist:'), 'the session is not kept on disk');
});

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
