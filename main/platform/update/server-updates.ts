/**
 * Updates from an internal server: electron-updater with a `generic` provider at the URL in
 * `<data>/update.json` (`{ "enabled": true, "url": "https://…/vigie" }`). Off unless that file says
 * so. electron-updater itself checks the sha512 and, on Windows, that the installer is signed by the
 * build's publisher (`verifyUpdateCodeSignature`); every download and every refusal is recorded.
 * electron-updater needs Electron, so the shell hands it in through this small interface.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { createLogger } from '../log/logger';

const log = createLogger('update');

export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (e: Error) => void): unknown;
}

/** Where each download and refusal is recorded (the registry: `update.accept`, `update.refuse`). */
export interface UpdateRecord {
  append(entry: { type: 'update.accept' | 'update.refuse'; data: Record<string, unknown> }): unknown;
}

const configSchema = z.strictObject({
  enabled: z.boolean(),
  url: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .optional(),
});
export type UpdateConfig = { enabled: false } | { enabled: true; url: string };

/** Absent file: off. A malformed file: off, and said in the log — never a half-configured updater. */
export function readUpdateConfig(dataDir: string): UpdateConfig {
  const file = path.join(dataDir, 'update.json');
  if (!fs.existsSync(file)) return { enabled: false };
  try {
    const r = configSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (r.success && r.data.enabled && r.data.url) return { enabled: true, url: r.data.url };
    if (!r.success || r.data.enabled) log.error('update.json invalid: updates from a server stay off');
  } catch {
    log.error('update.json unreadable: updates from a server stay off');
  }
  return { enabled: false };
}

/** Why electron-updater refused, as a code for the registry (its messages are English prose). */
export function refusalOf(e: Error): string {
  const m = e.message;
  if (/not signed|publisher|signature/i.test(m)) return 'wrong_signer';
  if (/sha512 checksum mismatch|checksum/i.test(m)) return 'hash_mismatch';
  if (/ENOSPC/.test(m)) return 'disk_full';
  return 'server_error';
}

export function startServerUpdates(
  updater: UpdaterLike,
  cfg: UpdateConfig,
  registry: UpdateRecord,
  everyMs = 6 * 3600_000,
): () => void {
  if (!cfg.enabled) return () => undefined;
  updater.autoDownload = true;
  // Installed when the post is next closed by its operator, never in the middle of a shift.
  updater.autoInstallOnAppQuit = true;
  updater.setFeedURL({ provider: 'generic', url: cfg.url });
  updater.on('update-downloaded', (info) => {
    try {
      registry.append({ type: 'update.accept', data: { version: info.version, from: 'server' } });
    } catch (e) {
      log.error('update not recorded', e);
    }
  });
  updater.on('error', (e) => {
    log.warn(`update refused or failed: ${refusalOf(e)}`);
    try {
      registry.append({ type: 'update.refuse', data: { reason: refusalOf(e), from: 'server' } });
    } catch (err) {
      log.error('update refusal not recorded', err);
    }
  });
  const check = (): void => void updater.checkForUpdates().catch(() => undefined); // 'error' records it
  check();
  const timer = setInterval(check, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
