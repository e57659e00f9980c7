/**
 * The console's side of its wall: drives the one WallController (local or remote alike), keeps
 * the presets, records every change in the registry (who, when, what) and pushes the wall's view
 * to consoles and wall pages. The PTZ side calls `recallPresetByNumber` for joystick buttons.
 */
import type { WallView } from '../../../common/contract';
import { err, ok, type Result } from '../../../common/result';
import type { WallCommand, WallState } from '../../../common/wall';
import type { EventSink } from '../../platform/ipc/router';
import { createLogger } from '../../platform/log/logger';
import { after, type Awaitable } from '../../platform/storage/awaitable';
import type { Registry, RegistryActor } from '../../records/registry/registry';
import type { WallController } from './controller';
import { NO_DISPLAY, type DisplayControl } from './display/display-control';
import type { WallDisplays } from './wall-displays';
import type { WallPresetStore } from './wall-presets';
import type { WallDeps } from './wall-module';

const log = createLogger('wall');

export class WallDesk {
  private missing: string | null = null;
  private readonly off: () => void;
  readonly controller: WallController;
  readonly displays: WallDisplays;
  /** The wall display's controls: on this PC (--display), or the rack PC's over the link. */
  readonly display: DisplayControl;
  private readonly presets: WallPresetStore;
  private readonly registry: Registry;
  private readonly events: EventSink;

  constructor(d: Pick<WallDeps, 'controller' | 'presets' | 'displays' | 'display' | 'registry' | 'events'>) {
    this.controller = d.controller;
    this.displays = d.displays;
    this.display = d.display ?? NO_DISPLAY;
    this.presets = d.presets;
    this.registry = d.registry;
    this.events = d.events;
    const offWall = d.controller.onChange(() => this.push());
    // A preset saved on another post is in this post's list at once.
    const offPresets = d.presets.onChange?.(() => this.push());
    this.off = () => {
      offWall();
      offPresets?.();
    };
  }

  view(): WallView {
    return {
      state: this.controller.state(),
      link: this.controller.link(),
      // A rack PC's wall page reports over the link; a wall on this PC reports here.
      shown: this.controller.shown?.() ?? this.displays.shown(),
      presets: this.presets.names(),
      displayMissing: this.missing,
      display: this.display.info(),
    };
  }

  push(): void {
    this.events.emit('wall:changed', this.view());
  }

  /** The Electron wall window's display is missing (a fallback was taken), or back. */
  setDisplayMissing(missing: string | null): void {
    if (missing === this.missing) return;
    this.missing = missing;
    this.push();
  }

  async apply(cmd: WallCommand, by: RegistryActor): Promise<Result<WallState>> {
    const r = await this.controller.apply(cmd, by);
    if (r.ok) this.record(cmd, by);
    return r;
  }

  async recall(name: string, by: RegistryActor): Promise<Result<WallState>> {
    const p = this.presets.get(name);
    if (!p) return err('wall_preset_unknown', { name: name.slice(0, 60) });
    const r = await this.controller.apply({ kind: 'push', layout: p.layout, tiles: p.tiles }, by);
    if (r.ok) this.registry.append({ type: 'wall.preset', actor: by, data: { name: p.name } });
    return r;
  }

  /** Joystick buttons and keyboard shortcuts: the n-th preset, 1-based, in the order shown. */
  recallPresetByNumber(n: number, by: RegistryActor): Promise<Result<WallState>> {
    const p = this.presets.byNumber(n);
    return p ? this.recall(p.name, by) : Promise.resolve(err('wall_preset_unknown', { name: String(n) }));
  }

  savePreset(name: string, by: RegistryActor): Awaitable<Result<WallView>> {
    const state = this.controller.state();
    if (!state) return err('wall_preset_unknown', { name: name.slice(0, 60) });
    return after(this.presets.save(name, state), (r) => {
      if (!r.ok) return r;
      this.registry.append({ type: 'wall.preset_save', actor: by, data: { name: r.value.name } });
      this.push();
      return ok(this.view());
    });
  }

  private record(cmd: WallCommand, by: RegistryActor): void {
    switch (cmd.kind) {
      case 'hold':
        return; // pausing a tour while working on a tile is not a change of the wall
      case 'layout':
        this.registry.append({ type: 'wall.layout', actor: by, data: { layout: cmd.layout } });
        return;
      case 'tile':
        this.registry.append({
          type: 'wall.tile',
          actor: by,
          cameraId: cmd.cameraId,
          data: { tile: cmd.index + 1 },
        });
        return;
      case 'push':
        this.registry.append({
          type: 'wall.push',
          actor: by,
          data: { layout: cmd.layout, cameras: cmd.tiles.map((t) => t.cameraId) },
        });
        return;
      case 'tour':
        this.registry.append({
          type: 'wall.tour',
          actor: by,
          data: { tile: cmd.index + 1, cameras: cmd.tour?.cameras ?? [], dwell: cmd.tour?.dwellSeconds ?? 0 },
        });
        return;
      default: {
        const never: never = cmd;
        log.warn(`unrecorded wall command ${String(never)}`);
      }
    }
  }

  close(): void {
    this.off();
  }
}
