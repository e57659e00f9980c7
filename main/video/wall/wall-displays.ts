/**
 * Who may open the wall page. The page shows images, so a local process must not get them by
 * loading `/wall`. The post keeps a wall key (`wall.key` in the data directory, mode 0600); the
 * kiosk URL carries it in its fragment, which no HTTP request sends. The page exchanges it over
 * `/ipc` (its open invoke) for a video token of its own, valid while that page stays connected and
 * only for the `wall-tile` surface. Without the key a page gets nothing.
 *
 * Wrong keys are counted per client, never per post: a local process flooding wrong keys is
 * closed after a few and cannot keep the genuine kiosk out. The right key is always accepted.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { EventName, WallShown } from '../../../common/contract';
import { err, ok, type Result } from '../../../common/result';
import type { PushFilter } from '../../platform/ipc/router';
import { createLogger } from '../../platform/log/logger';
import { sameSecret } from '../../platform/secret';
import type { ViewerIdentity } from '../streams/gateway-request';

const log = createLogger('wall');
export const WALL_KEY_FILE = 'wall.key';
/** Wrong keys one client (a socket, a window) may present before its transport closes it. */
export const MAX_WRONG_KEYS = 3;
/** Wrong keys are logged at most this often, as a count (a flood must not flood the log). */
const WRONG_KEY_LOG_MS = 10_000;

/** The only pushes a wall page receives: what it needs to show its tiles, nothing of operators. */
export const WALL_DISPLAY_EVENTS: ReadonlySet<EventName> = new Set<EventName>([
  'wall:changed',
  'streams:status',
  'cameras:changed',
]);

/** A wall page gets only WALL_DISPLAY_EVENTS (and what is addressed to it); anyone else, what `others` allows. */
export function wallPagePushes(displays: { has(clientId: string): boolean }, others: PushFilter): PushFilter {
  return (clientId, event, target) =>
    target === null && displays.has(clientId)
      ? WALL_DISPLAY_EVENTS.has(event)
      : others(clientId, event, target);
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
  /** Wrong keys per client; forgotten when the client goes. */
  private readonly wrongKeys = new Map<string, number>();
  private wrongSinceLog = 0;
  private loggedAt = -Infinity;
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

  /**
   * A page presents the key: it becomes a wall display, with its own video token. The right key
   * is always accepted, whatever any client tried before. A client's MAX_WRONG_KEYS-th wrong key
   * (and any after) asks its transport to close it (`closeClient`).
   */
  open(clientId: string, key: string, closeClient: () => void = () => undefined): Result<string> {
    if (sameSecret(key, this.key)) {
      this.wrongKeys.delete(clientId);
      const existing = this.displays.get(clientId);
      if (existing) return ok(existing.videoToken);
      const videoToken = crypto.randomBytes(24).toString('base64url');
      this.displays.set(clientId, { videoToken, shown: [] });
      return ok(videoToken);
    }
    const wrong = (this.wrongKeys.get(clientId) ?? 0) + 1;
    this.wrongKeys.set(clientId, wrong);
    this.logWrongKey();
    if (wrong >= MAX_WRONG_KEYS) closeClient();
    return err('wall_key_refused');
  }

  private logWrongKey(): void {
    this.wrongSinceLog++;
    const t = this.now();
    if (t - this.loggedAt < WRONG_KEY_LOG_MS) return;
    log.warn(`wrong wall key presented (${this.wrongSinceLog} since the last report)`);
    this.wrongSinceLog = 0;
    this.loggedAt = t;
  }

  has(clientId: string): boolean {
    return this.displays.has(clientId);
  }

  /** The page went away: its video stops at once. */
  forget(clientId: string): boolean {
    this.wrongKeys.delete(clientId);
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
