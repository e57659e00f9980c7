/**
 * The wall's modules. The local controller (the wall on this PC) comes first: the streams name the
 * operator behind a wall tile's viewing. The console's wall (local, or a rack PC's over the link)
 * comes after the streams: its settings screen shows their states.
 */
import type { ChannelsOf, EventsOf, InventoryView, StreamStatus } from '../../../common/contract';
import type { Module } from '../../platform/ipc/module';
import type { EventSink } from '../../platform/ipc/router';
import type { Registry, RegistryActor } from '../../records/registry/registry';
import type { WallController } from './controller';
import type { DisplayControl } from './display/display-control';
import { LocalWallController } from './local-controller';
import { WallDesk } from './wall-desk';
import type { WallDisplays } from './wall-displays';
import { wallEvents, wallHandlers } from './wall-handlers';
import type { WallPresetStore } from './wall-presets';
import { WallSettingsStore } from './wall-settings';

export function createLocalWall(d: {
  dataDir: string;
  inventory: { camera(id: number): unknown; onChange(l: () => void): () => void };
}): Module<never> & { controller: LocalWallController } {
  const controller = new LocalWallController({
    dataDir: d.dataDir,
    known: (id) => d.inventory.camera(id) !== undefined,
  });
  const stop = d.inventory.onChange(() => controller.inventoryChanged());
  return {
    controller,
    handlers: {},
    events: {},
    close: async () => {
      stop();
      await controller.close();
    },
  };
}

export interface WallDeps {
  dataDir: string;
  /** The local controller, or the rack PC's over the link. */
  controller: WallController;
  presets: WallPresetStore;
  displays: WallDisplays;
  /** The wall display's controls (`--display`, or the rack PC's); none by default. */
  display?: DisplayControl | undefined;
  registry: Registry;
  events: EventSink;
  actor: (clientId: string) => RegistryActor | null;
  inventory: () => InventoryView;
  statuses: () => StreamStatus[];
  videoUrl: string;
  /** Displays Electron sees (none in the browser host). */
  screens: () => { id: string; name: string }[];
}

export interface WallModule extends Module<ChannelsOf<'wall'>, EventsOf<'wall'>> {
  /** The console's wall: presets, commands, and `recallPresetByNumber` for joystick buttons. */
  desk: WallDesk;
  settings: WallSettingsStore;
}

export function createWall(d: WallDeps): WallModule {
  const { dataDir, controller, presets, displays, display, ...rest } = d;
  const settings = new WallSettingsStore(dataDir);
  const desk = new WallDesk({
    controller,
    presets,
    displays,
    display,
    registry: d.registry,
    events: d.events,
  });
  const stopLeave = displays.onLeave(() => desk.push());
  return {
    desk,
    settings,
    handlers: wallHandlers({ ...rest, desk, settings }),
    events: wallEvents,
    close: async () => {
      stopLeave();
      desk.close();
      await controller.close();
    },
  };
}
