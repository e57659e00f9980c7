/** Contract handlers of the wall domain: the console's control, the technician's settings, the wall page. */
import { z } from 'zod';
import type {
  InventoryView,
  StreamStatus,
  VideoEndpoint,
  WallSettings,
  WallSettingsView,
} from '../../../common/contract';
import { err, ok, type Result } from '../../../common/result';
import { defineChannels, type EventAccess } from '../../platform/ipc/module';
import { text } from '../../platform/ipc/shapes';
import type { Registry, RegistryActor } from '../../records/registry/registry';
import type { WallDesk } from './wall-desk';
import type { WallSettingsStore } from './wall-settings';
import { displayCommandSchema, shownSchema } from './link/protocol';
import { wallCommandSchema } from './wall-command-schema';

export interface WallHandlerDeps {
  desk: WallDesk;
  settings: WallSettingsStore;
  registry: Registry;
  actor: (clientId: string) => RegistryActor | null;
  inventory: () => InventoryView;
  statuses: () => StreamStatus[];
  videoUrl: string;
  /** Displays Electron sees (none in the browser host). */
  screens: () => { id: string; name: string }[];
}

/** To consoles with the `wall` right (wall pages get it too: WALL_DISPLAY_EVENTS, wall-displays.ts). */
export const wallEvents: EventAccess<'wall:changed'> = { 'wall:changed': 'wall' };

const presetName = z.strictObject({ name: text({ min: 1, max: 60 }) });

export function wallHandlers(d: WallHandlerDeps) {
  const who = (clientId: string): Result<RegistryActor> => {
    const a = d.actor(clientId);
    return a ? ok(a) : err('unauthenticated');
  };
  const settingsView = (s: WallSettings): WallSettingsView => ({ ...s, displays: d.screens() });
  return defineChannels('wall', {
    'wall:get': { access: 'wall', input: z.undefined(), handle: () => ok(d.desk.view()) },
    'wall:apply': {
      access: 'wall',
      input: wallCommandSchema,
      handle: async (cmd, ctx) => {
        const by = who(ctx.clientId);
        return by.ok ? d.desk.apply(cmd, by.value) : by;
      },
    },
    'wall:display': {
      access: 'wall',
      input: displayCommandSchema,
      handle: async (cmd, ctx) => {
        const by = who(ctx.clientId);
        return by.ok ? d.desk.display.send(cmd, by.value) : by;
      },
    },
    'wall:preset-save': {
      access: 'wall',
      input: presetName,
      handle: (p, ctx) => {
        const by = who(ctx.clientId);
        return by.ok ? d.desk.savePreset(p.name, by.value) : by;
      },
    },
    'wall:preset-recall': {
      access: 'wall',
      input: presetName,
      handle: async (p, ctx) => {
        const by = who(ctx.clientId);
        return by.ok ? d.desk.recall(p.name, by.value) : by;
      },
    },
    'wall:settings-get': {
      access: 'settings',
      input: z.undefined(),
      handle: () => ok(settingsView(d.settings.get())),
    },
    'wall:settings-set': {
      access: 'settings',
      input: z.strictObject({
        display: text({ min: 1, max: 120 }).nullable(),
        contentProtection: z.boolean(),
      }),
      handle: (p, ctx) => {
        const r = d.settings.set(p);
        if (!r.ok) return r;
        d.registry.append({ type: 'wall.settings', actor: d.actor(ctx.clientId), data: { ...r.value } });
        return ok(settingsView(r.value));
      },
    },
    // The key is checked by the handler; a client presenting wrong keys is closed (wall-displays.ts).
    'wall:open': {
      access: 'public',
      input: z.strictObject({ key: z.string().min(1).max(200) }),
      handle: (p, ctx) => {
        // A client that keeps presenting wrong keys is closed by its own transport, never the post.
        const token = d.desk.displays.open(ctx.clientId, p.key, () =>
          ctx.transport?.closeClient('wall_key_tries'),
        );
        if (!token.ok) return token;
        const video: VideoEndpoint = { url: d.videoUrl, token: token.value };
        return ok({
          video,
          state: d.desk.controller.state(),
          cameras: d.inventory().cameras,
          statuses: d.statuses(),
        });
      },
    },
    'wall:report': {
      access: 'wall-display',
      input: z.strictObject({ shown: shownSchema }),
      handle: (p, ctx) => {
        if (d.desk.displays.report(ctx.clientId, p.shown)) d.desk.push();
        return ok(null);
      },
    },
  });
}
