import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { _electron as electron, expect, test } from '@playwright/test';

// Electron's binary cannot be downloaded on every machine (ELECTRON_SKIP_BINARY_DOWNLOAD=1).
// Read electron's path.txt ourselves: require('electron') would try to download the binary.
function electronBinary(): string | null {
  try {
    const dir = path.dirname(createRequire(__filename).resolve('electron/package.json'));
    const rel = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
    const bin = path.join(dir, 'dist', rel);
    return fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

test('the Electron console opens securely and plays the demo mosaic', async () => {
  const bin = electronBinary();
  test.skip(
    !bin,
    'Electron binary not installed on this machine (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1)',
  );
  const app = await electron.launch({ executablePath: bin!, args: [path.resolve(__dirname, '..')] });
  const win = await app.firstWindow();
  const prefs = await app.evaluate(({ BrowserWindow }) => {
    const w = BrowserWindow.getAllWindows()[0]!;
    const p =
      (
        w.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> | null }
      ).getLastWebPreferences() ?? {};
    return { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration };
  });
  expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false });
  expect(await win.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe(
    'undefined',
  );
  await expect(win.getByTestId('tile-0')).toHaveAttribute('data-state', 'playing', { timeout: 45_000 });
  await app.close();
});
