import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserWindow, Session } from 'electron';
import { createWallWindow } from './wall-window';
import { createConsoleWindow } from './window';

class RecordingWindow {
  static last: RecordingWindow;
  protected: boolean | null = null;
  loaded = '';
  readonly webContents = { setWindowOpenHandler: () => undefined, on: () => undefined };
  constructor(readonly options: Electron.BrowserWindowConstructorOptions) {
    RecordingWindow.last = this;
  }
  setContentProtection(on: boolean): void {
    this.protected = on;
  }
  once(): void {}
  loadURL(url: string): Promise<void> {
    this.loaded = url;
    return Promise.resolve();
  }
}

const open = (protect: boolean): RecordingWindow => {
  createWallWindow(
    RecordingWindow as unknown as typeof BrowserWindow,
    {} as Session,
    'app://vigie/wall#key=k',
    protect,
  );
  return RecordingWindow.last;
};

test('the wall window is frameless, sandboxed, without DevTools, protected unless the technician said otherwise', () => {
  const w = open(true);
  assert.equal(w.options.frame, false);
  const p = w.options.webPreferences!;
  assert.equal(p.sandbox, true);
  assert.equal(p.contextIsolation, true);
  assert.equal(p.nodeIntegration, false);
  assert.equal(p.devTools, false);
  assert.equal(w.protected, true);
  assert.equal(w.loaded, 'app://vigie/wall#key=k');
  assert.equal(open(false).protected, false);
});

test('the wall window has the very web preferences of the console window (DevTools off in both)', () => {
  const wall = open(true).options.webPreferences;
  createConsoleWindow(RecordingWindow as unknown as typeof BrowserWindow, {} as Session, false);
  assert.deepEqual(wall, RecordingWindow.last.options.webPreferences);
});
