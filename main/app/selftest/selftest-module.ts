/** The self-test's module: what it needs from a running post, gathered for the technician's screen. */
import type { CredentialStore } from '../../video/cameras/credentials';
import type { InventoryStore } from '../../video/cameras/inventory-store';
import { joystickLabel } from '../../control/input';
import type { PtzOptions } from '../../control/ptz/ptz-module';
import type { ChannelsOf, EventsOf } from '../../../common/contract';
import type { Module } from '../../platform/ipc/module';
import type { EventSink } from '../../platform/ipc/router';
import type { Registry, RegistryActor } from '../../records/registry/registry';
import { selftestEvents, selftestHandlers } from './selftest-handlers';
import { checkCsu } from './check-csu';
import { checkDisplays } from './check-displays';
import type { SelftestDeps } from './selftest';
import { checkWall } from './check-wall';
import type { WallController } from '../../video/wall/controller';

export interface SelftestModuleDeps {
  dataDir: string;
  /** The post's PDF fonts folder (`<assets>/fonts`). */
  fonts: string;
  actor: (clientId: string) => RegistryActor | null;
  post: string;
  version: string;
  host: 'electron' | 'browser';
  registry: Registry;
  events: EventSink;
  inventory: InventoryStore;
  ffmpegPath: string;
  credentials: CredentialStore;
  ntp?: string | undefined;
  ptz: PtzOptions;
  /** Electron's displays and the wall's chosen one; absent in the browser host. */
  screens?: (() => { id: string; name: string }[]) | undefined;
  wallDisplay: () => string | null;
  wall: WallController;
}

function selftestDeps(w: SelftestModuleDeps): () => Omit<SelftestDeps, 'technician'> {
  const j = w.ptz.joystick;
  return () => ({
    post: w.post,
    app: { version: w.version, host: w.host },
    registry: w.registry,
    cameras: [...w.inventory.cameras()],
    ffmpegPath: w.ffmpegPath,
    credentials: w.credentials,
    credentialsOf: (ref) => w.credentials.get(ref),
    ntp: w.ntp,
    inputs: {
      keyboard: w.ptz.keyboard?.path,
      joystick: j && joystickLabel(j),
    },
    ...(w.screens && { displays: async () => checkDisplays(w.screens!(), w.wallDisplay()) }),
    wall: async () => checkWall(w.wall),
    csu: () =>
      checkCsu(
        {
          ...(w.ptz.csuWebhook !== undefined && { webhook: w.ptz.csuWebhook }),
          ...(w.ptz.csuSmtp !== undefined && { smtp: w.ptz.csuSmtp }),
          ...(w.ptz.csuMailTo !== undefined && { mailTo: w.ptz.csuMailTo }),
        },
        { post: w.post, technician: '' },
      ),
  });
}

export function createSelftest(d: SelftestModuleDeps): Module<ChannelsOf<'selftest'>, EventsOf<'selftest'>> {
  const { dataDir, actor, fonts, events } = d;
  return {
    handlers: selftestHandlers({ deps: selftestDeps(d), dataDir, actor, fonts, events }),
    events: selftestEvents,
  };
}
