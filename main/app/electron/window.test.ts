import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserWindow, Session } from 'electron';
import { createConsoleWindow, hardenSession } from './window';

/** Stands in for Electron's BrowserWindow: records the options and handlers the console sets. */
class RecordingWindow {
  static last: RecordingWindow;
  protected = false;
  loaded = '';
  openHandler: (() => { action: string }) | null = null;
  readonly handlers = new Map<string, (...a: unknown[]) => void>();
  readonly webContents = {
    setWindowOpenHandler: (h: () => { action: string }) => (this.openHandler = h),
    on: (event: string, h: (...a: unknown[]) => void) => this.handlers.set(event, h),
  };
  constructor(readonly options: Electron.BrowserWindowConstructorOptions) {
    RecordingWindow.last = this;
  }
  setContentProtection(on: boolean): void {
    this.protected = on;
  }
  once(): void {}
  show(): void {}
  loadURL(url: string): Promise<void> {
    this.loaded = url;
    return Promise.resolve();
  }
}

function open(devTools = false): RecordingWindow {
  createConsoleWindow(RecordingWindow as unknown as typeof BrowserWindow, {} as Session, devTools);
  return RecordingWindow.last;
}

test('the console window runs sandboxed, isolated, with no Node in the page, protected from capture', () => {
  const w = open();
  const p = w.options.webPreferences!;
  assert.equal(p.sandbox, true);
  assert.equal(p.contextIsolation, true);
  assert.equal(p.nodeIntegration, false);
  assert.equal(p.nodeIntegrationInWorker, false);
  assert.equal(p.nodeIntegrationInSubFrames, false);
  assert.equal(p.webSecurity, true);
  assert.equal(p.webviewTag, false);
  assert.equal(p.devTools, false);
  assert.equal(p.disableBlinkFeatures, 'Auxclick');
  assert.equal(w.protected, true);
  assert.equal(w.loaded, 'app://vigie/index.html');
});

test('the window denies new windows and navigation away from the app', () => {
  const w = open();
  assert.deepEqual(w.openHandler?.(), { action: 'deny' });
  const navigate = (event: string, url: string): boolean => {
    let prevented = false;
    const e = { url, preventDefault: () => (prevented = true) };
    w.handlers.get(event)?.(e, url);
    return prevented;
  };
  for (const event of ['will-navigate', 'will-frame-navigate']) {
    assert.equal(navigate(event, 'https://evil.example/'), true, event);
    assert.equal(navigate(event, ''), true, event);
    assert.equal(navigate(event, 'app://vigie/index.html'), false, event);
  }
});

test('the session denies permissions, screen capture and downloads, and forces the one CSP', () => {
  const seen: Record<string, unknown> = {};
  let headersHook: ((d: unknown, cb: (r: unknown) => void) => void) | null = null;
  const ses = {
    setPermissionRequestHandler: (h: (wc: unknown, p: string, cb: (ok: boolean) => void) => void) =>
      h(null, 'media', (ok) => (seen.permission = ok)),
    setPermissionCheckHandler: (h: () => boolean) => (seen.check = h()),
    setDisplayMediaRequestHandler: (h: (r: unknown, cb: (s: unknown) => void) => void) =>
      h({}, (s) => (seen.display = s)),
    on: (event: string, h: (e: { preventDefault(): void }) => void) =>
      h({ preventDefault: () => (seen[event] = 'prevented') }),
    webRequest: { onHeadersReceived: (h: typeof headersHook) => (headersHook = h) },
  };
  hardenSession(ses as unknown as Session);
  assert.deepEqual(seen, { permission: false, check: false, display: {}, 'will-download': 'prevented' });
  let out: { responseHeaders: Record<string, string[]> } | null = null;
  headersHook!(
    {
      responseHeaders: {
        'content-security-policy': ["default-src *; script-src 'unsafe-eval'"],
        'x-a': ['1'],
      },
    },
    (r) => (out = r as typeof out),
  );
  const h = out!.responseHeaders;
  assert.equal(h['content-security-policy'], undefined);
  assert.deepEqual(h['x-a'], ['1']);
  const csp = String(h['Content-Security-Policy']);
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /object-src 'none'/);
  assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/);
});
