/**
 * Camera credentials live apart from the inventory (the annex can be shared, credentials cannot):
 * `credentials.json` in the data directory, mode 0600, `{ "ref": { "username": "", "password": "" } }`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createLogger } from '../log/logger';

const log = createLogger('credentials');

export interface Credential {
  username: string;
  password: string;
}

export class CredentialStore {
  private readonly entries = new Map<string, Credential>();

  constructor(private readonly file: string) {
    this.reload();
  }

  static inDir(dataDir: string): CredentialStore {
    return new CredentialStore(path.join(dataDir, 'credentials.json'));
  }

  reload(): void {
    this.entries.clear();
    if (!fs.existsSync(this.file)) return;
    try {
      const data = JSON.parse(fs.readFileSync(this.file, 'utf8')) as Record<string, Partial<Credential>>;
      for (const [ref, c] of Object.entries(data)) {
        if (typeof c.username === 'string' && typeof c.password === 'string')
          this.entries.set(ref, { username: c.username, password: c.password });
      }
    } catch (e) {
      log.error('credentials file unreadable; cameras needing it will be refused', e);
    }
  }

  /** Injects credentials into an RTSP URL, for ffmpeg only. The result must never be logged unredacted. */
  apply(url: string, ref: string | undefined): string {
    if (!ref) return url;
    const c = this.entries.get(ref);
    if (!c) {
      log.warn(`credentials reference "${ref}" not found`);
      return url;
    }
    const u = new URL(url);
    u.username = encodeURIComponent(c.username);
    u.password = encodeURIComponent(c.password);
    return u.toString();
  }
}
