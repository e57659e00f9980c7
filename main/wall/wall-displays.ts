/**
 * Who may open the wall page. The page shows images, so a local process must not get them by
 * loading `/wall`. The post keeps a wall key (`wall.key` in the data directory, mode 0600); the
 * kiosk URL carries it in its fragment, which no HTTP request sends. The page exchanges it over
 * `/ipc` (`wall:open`) for a video token of its own, valid while that page stays connected and
 * only for the `wall-tile` surface. Without the key a page gets nothing.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { WallShown } from '../../common/contract-wall';
import { err, ok, type Result } from '../../common/result';
import { createLogger } from '../log/logger';
import type { ViewerIdentity } from '../streams/gateway';

const log = createLogger('wall');
export const WALL_KEY_FILE = 'wall.key';
/** Wrong keys are answered no faster than this many per second, per post. */
const MAX_TRIES_PER_SECOND = 5;

function sameSecret(a: string, b: string): boolean {
  const x = crypto.createHash('sha256').update(a).digest();
  const y = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(x, y);
}

/** Reads the post's wall key, creating it on first use. */
export function loadOrCreateWallKey(dataDir: string): string {
  const file = path.join(dataDir, WALL_KEY_FILE);
  try {
    const key = fs.readFileSync(file, 'utf8').trim();
    if (/^[A-Za-z0-9_-]{32,}$/.test(key)) return key;
    log.warn('wall key malformed: a new one is made (kiosk URLs must be updated)');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const key = crypto.randomBytes(32).toString('base64url');
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, key + '\n', { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return key;
}

interface Display {
  videoToken: string;
  shown: WallShown[];
}

export class WallDisplays {
  private readonly displays = new Map<string, Display>();
  private tries: number[] = [];
  private readonly leaveListeners = new Set<() => void>();

  constructor(
    private readonly key: string,
    /** Cuts a video token's sockets (the gateway's revoke). */
    private readonly revoke: (videoToken: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** The kiosk address of a host's `/wall` page, key in the fragment. */
  kioskUrl(origin: string): string {
    return `${origin.replace(/\/$/, '')}/wall#key=${this.key}`;
  }

  /** A page presents the key: it becomes a wall display, with its own video token. */
  open(clientId: string, key: string): Result<string> {
    const existing = this.displays.get(clientId);
    if (existing && sameSecret(key, this.key)) return ok(existing.videoToken);
    const t = this.now();
    this.tries = this.tries.filter((x) => t - x < 1000);
    if (this.tries.length >= MAX_TRIES_PER_SECOND) return err('wall_key_refused');
    this.tries.push(t);
    if (!sameSecret(key, this.key)) {
      log.warn('a page presented a wrong wall key');
      return err('wall_key_refused');
    }
    const videoToken = crypto.randomBytes(24).toString('base64url');
    this.displays.set(clientId, { videoToken, shown: [] });
    return ok(videoToken);
  }

  has(clientId: string): boolean {
    return this.displays.has(clientId);
  }

  /** The page went away: its video stops at once. */
  forget(clientId: string): boolean {
    const d = this.displays.get(clientId);
    if (!d) return false;
    this.displays.delete(clientId);
    this.revoke(d.videoToken);
    for (const l of this.leaveListeners) l();
    return true;
  }

  /** A wall page went away: the console's miniature no longer has its report. */
  onLeave(l: () => void): () => void {
    this.leaveListeners.add(l);
    return () => this.leaveListeners.delete(l);
  }

  /** The video socket's check for wall pages: the surface is always `wall-tile`. */
  authorizeVideo(token: string): ViewerIdentity | null {
    for (const [clientId, d] of this.displays)
      if (sameSecret(token, d.videoToken)) return { clientId, actor: null, surface: 'wall-tile' };
    return null;
  }

  report(clientId: string, shown: WallShown[]): boolean {
    const d = this.displays.get(clientId);
    if (!d) return false;
    const changed = d.shown.length !== shown.length || d.shown.some((s, i) => s !== shown[i]);
    d.shown = shown;
    return changed;
  }

  /** What the wall shows: the latest page's report (one kiosk page per wall). */
  shown(): WallShown[] {
    return [...this.displays.values()].at(-1)?.shown ?? [];
  }
}
