/** What the composition root (services.ts) takes from a shell, and what it hands back. */
import type { PtzOptions } from '../control/ptz/ptz-module';
import type { MergedModules } from '../platform/ipc/module';
import type { EventHub, PushFilter, Router } from '../platform/ipc/router';
import type { AuthService } from '../records/auth/auth-service';
import type { Registry } from '../records/registry/registry';
import type { KeyProtector } from '../records/registry/registry-key';
import type { InventoryStore } from '../video/cameras/inventory-store';
import type { StreamGateway } from '../video/streams/gateway';
import type { WallController } from '../video/wall/controller';
import type { DisplayControl } from '../video/wall/display/display-control';
import type { LocalWallController } from '../video/wall/local-controller';
import type { WallDesk } from '../video/wall/wall-desk';
import type { WallSettingsStore } from '../video/wall/wall-settings';

export interface ServicesOptions {
  dataDir: string;
  assetsDir: string;
  camerasFile?: string;
  ffmpegPath?: string;
  /** Packaged builds: Electron's resources folder, where the installer ships ffmpeg. */
  resourcesDir?: string;
  host: 'electron' | 'browser';
  version: string;
  stallMs?: number;
  idleMs?: number;
  /** Streams kept flowing with no viewer besides the mosaic's and wall's (`--keep-streams`). */
  keepStreams?: number;
  /** Console inactivity lock, seconds. */
  lockAfterSeconds?: number;
  keyProtector?: KeyProtector;
  /** Showrooms: the demo cameras and account even on a post that has accounts. */
  demo?: boolean;
  /** How often main re-reads each session's rights, ms (60 s by default; tests shorten it). */
  recheckMs?: number;
  /** The NTP server the self-test measures the clock against (`--ntp HOST[:PORT]`). */
  ntp?: string;
  /** The CIC's shared store (`--store postgres://…`): the registry (through an outbox) and the shared records; absent, the post's own SQLite. */
  store?: string;
  /** PTZ: input devices, CSU notification, lease store and durations. */
  ptz?: PtzOptions;
  /** The console's wall when it is not on this PC (a rack PC over the link); the local one otherwise. */
  wallController?: (local: LocalWallController) => WallController;
  /** The wall display's controls (`--display`, or the rack PC's); they write to the registry. */
  wallDisplay?: (registry: Registry) => Promise<DisplayControl>;
  /** Displays Electron sees, for the technician's wall settings. */
  wallScreens?: () => { id: string; name: string }[];
}

export interface Services {
  router: Router;
  events: EventHub;
  /** Whether a push may reach a client: every transport asks before it sends. */
  mayReceive: PushFilter;
  /** Every channel's def and every push's rule, as merged (each channel once). */
  modules: MergedModules;
  gateway: StreamGateway;
  inventory: InventoryStore;
  auth: AuthService;
  registry: Registry;
  /** The console's wall: presets, commands, and `recallPresetByNumber` for joystick buttons. */
  wall: WallDesk;
  wallSettings: WallSettingsStore;
  /** The kiosk address of this host's wall page, with the wall key in its fragment. */
  wallKioskUrl(origin: string): string;
  close(): Promise<void>;
}
