/**
 * Camera credentials live apart from the inventory (the annex can be shared, credentials cannot):
 * `credentials.json` in the data directory, mode 0600, `{ "ref": { "username": "", "password": "" } }`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createLogger } from '../../platform/log/logger';

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

  /** Each entry stands alone: a malformed one is ignored (and named, never its content). */
  reload(): void {
    this.entries.clear();
    if (!fs.existsSync(this.file)) return;
    let data: unknown;
    try {
      data = JSON.parse(fs.readFileSync(this.file, 'utf8').replace(/^\uFEFF/, ''));
    } catch {
      log.error('credentials file unreadable (not JSON); cameras needing it will be refused');
      return;
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      log.error('credentials file is not an object of references; cameras needing it will be refused');
      return;
    }
    for (const [ref, c] of Object.entries(data)) {
      const entry = c as Partial<Credential> | null;
      if (typeof entry?.username === 'string' && typeof entry.password === 'string')
        this.entries.set(ref, { username: entry.username, password: entry.password });
      else
        log.warn(`credentials entry ${JSON.stringify(ref)} ignored: username and password strings expected`);
    }
  }

  /** A camera's credentials for its PTZ driver (ONVIF WS-UsernameToken); null when none. */
  get(ref: string | undefined): Credential | null {
    return ref ? (this.entries.get(ref) ?? null) : null;
  }

  /**
   * Injects credentials into an RTSP URL, for ffmpeg only. The result must never be logged
   * unredacted. The inventory schema only admits URLs that `new URL` parses; should one fail all
   * the same, it goes out without credentials (and fails to authenticate) rather than throw.
   */
  apply(url: string, ref: string | undefined): string {
    if (!ref) return url;
    const c = this.entries.get(ref);
    if (!c) {
      log.warn(`credentials reference ${JSON.stringify(ref)} not found`);
      return url;
    }
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      log.warn(`credentials reference ${JSON.stringify(ref)} not applied: the camera address does not parse`);
      return url;
    }
    u.username = encodeURIComponent(c.username);
    u.password = encodeURIComponent(c.password);
    return u.toString();
  }
}
