/**
 * The wall on this PC: its state, its tours, and its last layout kept in `wall.json`. The rack
 * PC runs this same controller behind the link, so it knows nothing of consoles: it takes
 * commands, says who put each camera where, and reports every change.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ok, type Result } from '../../../common/result';
import type { WallLink, WallState } from '../../../common/wall';
import { writeFileAtomic } from '../../platform/storage/atomic-write';
import { createLogger } from '../../platform/log/logger';
import type { RegistryActor } from '../../records/registry/registry';
import type { WallCommand, WallController } from './controller';
import { TourEngine } from './tours';
import { applyCommand, emptyWall, parseWallState, reconcileWall } from './wall-state';

const log = createLogger('wall');
export const WALL_STATE_FILE = 'wall.json';

export interface LocalWallOptions {
  /** Where the last layout is kept; null keeps nothing (tests). */
  dataDir: string | null;
  /** Whether a camera is in the inventory in force. */
  known: (cameraId: number) => boolean;
  now?: () => number;
  holdMs?: number;
  /** Tour clock period, ms; 0: the caller drives `tick()` (tests). */
  tickMs?: number;
}

type Listener = (state: WallState | null, link: WallLink) => void;

function parseActor(v: unknown): RegistryActor | null {
  if (v === null || typeof v !== 'object') return null;
  const a = v as Record<string, unknown>;
  const s = (k: string): string | null => (typeof a[k] === 'string' ? (a[k] as string).slice(0, 200) : null);
  const login = s('login');
  return login ? { login, name: s('name') ?? '', rank: s('rank') ?? '', service: s('service') ?? '' } : null;
}

export class LocalWallController implements WallController {
  readonly kind = 'local' as const;
  private current: WallState;
  /** The operators named by the tiles (WallTile.by), for the wall's viewing sessions. */
  private readonly actors = new Map<string, RegistryActor>();
  private readonly listeners = new Set<Listener>();
  private readonly tours: TourEngine;
  private readonly now: () => number;
  private readonly timer: NodeJS.Timeout | null;

  constructor(private readonly o: LocalWallOptions) {
    this.now = o.now ?? Date.now;
    this.tours = new TourEngine(o.holdMs);
    this.current = reconcileWall(this.read() ?? emptyWall(), o.known);
    this.tours.sync(this.current, this.now());
    const period = o.tickMs ?? 500;
    this.timer = period > 0 ? setInterval(() => this.tick(), period) : null;
    this.timer?.unref();
  }

  private file(): string | null {
    return this.o.dataDir ? path.join(this.o.dataDir, WALL_STATE_FILE) : null;
  }

  private read(): WallState | null {
    const file = this.file();
    if (!file) return null;
    try {
      const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { state?: unknown; actors?: unknown };
      const state = parseWallState(raw?.state);
      if (!state) throw new Error('no wall state in the file');
      for (const a of Array.isArray(raw.actors) ? (raw.actors as unknown[]) : []) {
        const actor = parseActor(a);
        if (actor) this.actors.set(actor.login, actor);
      }
      return state;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
        log.warn(`saved wall unreadable; the wall starts empty: ${(e as Error).message}`);
      return null;
    }
  }

  private save(): void {
    const file = this.file();
    if (!file) return;
    const logins = new Set(this.current.tiles.map((t) => t.by).filter((b): b is string => b !== null));
    const actors = [...this.actors.values()].filter((a) => logins.has(a.login));
    try {
      writeFileAtomic(file, JSON.stringify({ state: this.current, actors }));
    } catch (e) {
      // The wall keeps showing what it was told; only the restart would lose it.
      log.warn('wall state not saved', e);
    }
  }

  link(): WallLink {
    return 'local';
  }

  state(): WallState {
    return this.current;
  }

  apply(cmd: WallCommand, by: RegistryActor): Promise<Result<WallState>> {
    if (cmd.kind === 'hold') {
      if (Number.isInteger(cmd.index)) this.tours.hold(cmd.index, this.now());
      return Promise.resolve(ok(this.current));
    }
    const r = applyCommand(this.current, cmd, by.login, this.o.known);
    if (!r.ok) return Promise.resolve(r);
    this.actors.set(by.login, by);
    this.commit(r.value);
    return Promise.resolve(r);
  }

  /** Advances the tours that are due. */
  tick(): void {
    const steps = this.tours.due(this.now());
    if (!steps.length) return;
    const tiles = [...this.current.tiles];
    for (const s of steps) {
      const t = tiles[s.index];
      if (t && this.o.known(s.cameraId)) tiles[s.index] = { ...t, cameraId: s.cameraId };
    }
    this.commit({ ...this.current, tiles, rev: this.current.rev + 1 });
  }

  /** The inventory changed: cameras that left it leave the wall. */
  inventoryChanged(): void {
    const next = reconcileWall(this.current, this.o.known);
    if (next !== this.current) this.commit(next);
  }

  /** Who put this camera on the wall: the wall's viewing session of it names them. */
  viewerOf(cameraId: number): RegistryActor | null {
    const tile = this.current.tiles.find((t) => t.cameraId === cameraId && t.by !== null);
    return tile?.by ? (this.actors.get(tile.by) ?? null) : null;
  }

  heldTiles(): number[] {
    return this.tours.held();
  }

  private commit(next: WallState): void {
    this.current = next;
    this.tours.sync(next, this.now());
    this.save();
    for (const l of this.listeners) {
      try {
        l(next, 'local');
      } catch (e) {
        log.error('wall listener failed', e);
      }
    }
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.listeners.clear();
    return Promise.resolve();
  }
}
