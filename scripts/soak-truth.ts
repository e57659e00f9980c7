/**
 * The truth the soak holds against what the tiles display. The soak knows when each camera's
 * source is down (it caused it), when the host is down and when the console is between operators.
 * A tile shown as live must have presented a new frame within 2 s; a camera whose source is back
 * must be live again within 10 s. Every fault's end starts a watch that times its recovery.
 */
import type { Page } from '@playwright/test';
import type { FaultKind } from './soak-plan';
import { readTiles, type TileRead } from './soak-probe';
import { cameraId, type Post } from './soak-post';

export type Surface = 'console' | 'wall';
export const SURFACES: Surface[] = ['console', 'wall'];

/** A live tile's latest frame may be this old; past it (and still so 2 s later) the tile is stuck. */
export const FRESH_MS = 2000;
/** A camera whose source is back must be live again within this. */
export const RECOVER_MS = 10_000;
/** How long a recovery is watched before it is written off. */
export const WATCH_MS = 60_000;
/** Frames presented this soon after a fault's end may still be from before it (the tiles' 300 ms bound). */
const DRAIN_MS = 300;

export type StuckKind = 'live-without-frames' | 'not-recovering';

export interface StuckEpisode {
  kind: StuckKind;
  surface: Surface;
  tile: number;
  camera: number;
  at: number;
  detail: string;
}

export interface Recovery {
  fault: FaultKind | 'login';
  camera: number;
  surface: Surface;
  endAt: number;
  /** From the fault's end to the tile live again; null: not within WATCH_MS (or by the run's end). */
  ms: number | null;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const counters = (t: TileRead): string =>
  `decoded ${t.decoded ?? '-'}, shown ${t.shown ?? '-'}, presented ${t.presented ?? '-'}, dropped ${t.dropped ?? '-'}${t.keyOnly ? ', key frames only' : ''}`;

export class Truth {
  private readonly cams: { down: boolean; upSince: number }[];
  private serverDown = false;
  private serverUpSince = 0;
  /** The console shows its operator's mosaic since (null: locked, logged out, between operators). */
  private consoleSince: number | null = Date.now();
  readonly stuck: StuckEpisode[] = [];
  readonly recoveries: Recovery[] = [];
  /** Open stuck episodes, by surface:tile:camera, closed when the tile is seen live again. */
  private readonly open = new Set<string>();
  private watches = new Set<Promise<void>>();
  private ending = false;

  constructor(
    readonly post: Post,
    cameras: number,
  ) {
    this.cams = Array.from({ length: cameras }, () => ({ down: false, upSince: Date.now() }));
  }

  cameraDown(i: number): void {
    this.cams[i]!.down = true;
  }
  cameraUp(i: number, at = Date.now()): void {
    this.cams[i] = { down: false, upSince: at };
  }
  setServer(up: boolean, at = Date.now()): void {
    this.serverDown = !up;
    if (up) this.serverUpSince = at;
  }
  consoleBusy(): void {
    this.consoleSince = null;
  }
  consoleSteady(at = Date.now()): void {
    this.consoleSince = at;
  }

  page(s: Surface): Page {
    return s === 'console' ? this.post.console : this.post.wall;
  }

  /** Since when this camera's picture should be live on this surface; null: it should not be now. */
  liveSince(s: Surface, camera: number): number | null {
    const c = this.cams[camera - cameraId(0)];
    if (!c || c.down || this.serverDown || this.post.down) return null;
    const surface = s === 'console' ? this.consoleSince : this.post.upSince;
    if (surface === null) return null;
    return Math.max(c.upSince, this.serverUpSince, this.post.upSince, surface);
  }

  private episode(e: StuckEpisode): void {
    const key = `${e.surface}:${e.tile}:${e.camera}`;
    if (this.open.has(key)) return;
    this.open.add(key);
    this.stuck.push(e);
    console.log(`  STUCK ${e.kind} ${e.surface} tile ${e.tile} camera ${e.camera}: ${e.detail}`);
  }

  /**
   * One sample of a surface: a tile shown live whose latest frame is over 2 s old is read again
   * 2 s later, and is stuck if it still shows live with no new frame (a camera that just went
   * silent is allowed the tile's own stall rule meanwhile). A tile not shown live that has
   * presented no frame for over 10 s while its camera's source has been up all that time is stuck
   * too (its last presented frame says how long it has been dark, between samples as well).
   */
  async check(s: Surface): Promise<TileRead[] | null> {
    const tiles = await readTiles(this.page(s));
    if (!tiles) return null;
    const now = Date.now();
    const suspects: TileRead[] = [];
    for (const t of tiles) {
      if (t.camera === null) continue;
      const key = `${s}:${t.index}:${t.camera}`;
      const since = this.liveSince(s, t.camera);
      const fresh = t.presentedAt !== null && now - t.presentedAt <= FRESH_MS;
      if (t.state === 'playing' && fresh) this.open.delete(key);
      if (t.state === 'playing' && !fresh) suspects.push(t);
      else if (t.state !== 'playing' && since !== null) {
        const dark = now - Math.max(since, t.presentedAt ?? 0);
        if (dark > RECOVER_MS)
          this.episode({
            kind: 'not-recovering',
            surface: s,
            tile: t.index,
            camera: t.camera,
            at: now,
            detail: `${t.state}, no frame for ${Math.round(dark / 1000)} s, its source up for ${Math.round((now - since) / 1000)} s (${counters(t)})`,
          });
      }
    }
    if (suspects.length) {
      await sleep(FRESH_MS);
      const again = (await readTiles(this.page(s))) ?? [];
      for (const t of suspects) {
        const u = again.find((x) => x.index === t.index);
        if (!u || u.camera !== t.camera || u.state !== 'playing') continue;
        if (u.presentedAt !== null && u.presentedAt !== t.presentedAt) continue;
        this.episode({
          kind: 'live-without-frames',
          surface: s,
          tile: t.index,
          camera: t.camera!,
          at: now,
          detail: `(${counters(u)}) shown live, last frame ${t.presentedAt === null ? 'never' : `${Math.round((Date.now() - t.presentedAt) / 1000)} s ago`}`,
        });
      }
    }
    return tiles;
  }

  /**
   * Times each camera's return on each surface that shows it, from the fault's end to a frame
   * presented after it on a tile shown live (with the new resolution, for a resolution change).
   * A watch ends without a figure if the surface stops showing the camera meanwhile (an operator
   * change on the console, another fault).
   */
  watch(
    fault: FaultKind | 'login',
    cameras: number[],
    endAt: number,
    surfaces = SURFACES,
    resolution?: string,
  ): void {
    const p = (async () => {
      const pending = new Set(surfaces.flatMap((s) => cameras.map((c) => `${s}:${c}`)));
      const last = new Map<string, TileRead>();
      while (pending.size && Date.now() - endAt < WATCH_MS && !this.ending) {
        for (const s of surfaces) {
          const tiles = await readTiles(this.page(s));
          const now = Date.now();
          for (const c of cameras) {
            const key = `${s}:${c}`;
            if (!pending.has(key)) continue;
            const since = this.liveSince(s, c);
            if (since === null || since > endAt + 500) {
              pending.delete(key); // the surface or the source changed again: no figure
              continue;
            }
            const seen = tiles?.find((x) => x.camera === c);
            if (seen) last.set(key, seen);
            const t = tiles?.find((x) => x.camera === c && x.state === 'playing');
            if (!t || t.presentedAt === null || t.presentedAt < endAt + DRAIN_MS) continue;
            if (resolution && t.resolution !== resolution) continue;
            pending.delete(key);
            this.recovered({ fault, camera: c, surface: s, endAt, ms: now - endAt }, t);
          }
        }
        await sleep(250);
      }
      // Cut short by the run's end before its 10 s were up: no figure.
      if (this.ending && Date.now() - endAt < RECOVER_MS) return;
      for (const key of pending) {
        const [s, c] = key.split(':') as [Surface, string];
        this.recovered({ fault, camera: Number(c), surface: s, endAt, ms: null }, last.get(key));
      }
    })();
    this.watches.add(p);
    void p.finally(() => this.watches.delete(p));
  }

  private recovered(r: Recovery, tile: TileRead | undefined): void {
    this.recoveries.push(r);
    if (r.ms === null || r.ms > RECOVER_MS)
      this.episode({
        kind: 'not-recovering',
        surface: r.surface,
        tile: tile?.index ?? -1,
        camera: r.camera,
        at: r.endAt,
        detail: `${r.fault}: ${r.ms === null ? `not live again (${tile?.state ?? 'not shown'})` : `live again only after ${(r.ms / 1000).toFixed(1)} s`}${tile ? ` (${counters(tile)})` : ''}`,
      });
  }

  /** The run is over: open watches give up within a poll. */
  async finish(): Promise<void> {
    this.ending = true;
    await Promise.all([...this.watches]);
  }

  /** Waits for the open watches (at most `ms`). */
  async settle(ms: number): Promise<void> {
    await Promise.race([Promise.all([...this.watches]), sleep(ms)]);
  }
}
