/** Contract handlers of the wall domain: the console's control, the technician's settings, the wall page. */
import type { ChannelsOf, InventoryView, StreamStatus, VideoEndpoint } from '../../../common/contract';
import type { WallSettings, WallSettingsView } from '../../../common/contract-wall';
import { err, ok, type Result } from '../../../common/result';
import type { Handlers } from '../../platform/ipc/router';
import type { Registry, RegistryActor } from '../../records/registry/registry';
import type { WallDesk } from './wall-desk';
import type { WallSettingsStore } from './wall-settings';

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

export function wallHandlers(d: WallHandlerDeps): Pick<Handlers, ChannelsOf<'wall'>> {
  const who = (clientId: string): Result<RegistryActor> => {
    const a = d.actor(clientId);
    return a ? ok(a) : err('unauthenticated');
  };
  const settingsView = (s: WallSettings): WallSettingsView => ({ ...s, displays: d.screens() });
  return {
    'wall:get': () => ok(d.desk.view()),
    'wall:apply': async (cmd, ctx) => {
      const by = who(ctx.clientId);
      return by.ok ? d.desk.apply(cmd, by.value) : by;
    },
    'wall:display': async (cmd, ctx) => {
      const by = who(ctx.clientId);
      return by.ok ? d.desk.display.send(cmd, by.value) : by;
    },
    'wall:preset-save': (p, ctx) => {
      const by = who(ctx.clientId);
      return by.ok ? d.desk.savePreset(p.name, by.value) : by;
    },
    'wall:preset-recall': async (p, ctx) => {
      const by = who(ctx.clientId);
      return by.ok ? d.desk.recall(p.name, by.value) : by;
    },
    'wall:settings-get': () => ok(settingsView(d.settings.get())),
    'wall:settings-set': (p, ctx) => {
      const r = d.settings.set(p);
      if (!r.ok) return r;
      d.registry.append({ type: 'wall.settings', actor: d.actor(ctx.clientId), data: { ...r.value } });
      return ok(settingsView(r.value));
    },
    'wall:open': (p, ctx) => {
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
    'wall:report': (p, ctx) => {
      if (d.desk.displays.report(ctx.clientId, p.shown)) d.desk.push();
      return ok(null);
    },
  };
}
