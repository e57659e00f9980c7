/** Contract handlers of the site map: reading it (any operator), importing it (the technician). */
import type { ChannelsOf } from '../../../common/contract';
import type { MapView } from '../../../common/contract-map';
import { err, ok, type Result } from '../../../common/result';
import type { EventSink, Handlers } from '../../platform/ipc/router';
import { AnswerCache } from '../../platform/ipc/shared-answer';
import type { Registry, RegistryActor } from '../../records/registry/registry';
import type { MapStore } from './map-store';

export interface MapHandlerDeps {
  store: MapStore;
  registry: Registry;
  events: EventSink;
  actor: (clientId: string) => RegistryActor | null;
}

/** The plan and the tiles most asked for, each answer built once for every client (5.6 MB for a 4 MiB plan). */
const ANSWER_CACHE_BYTES = 32 * 1024 * 1024;

export function mapHandlers(d: MapHandlerDeps): Pick<Handlers, ChannelsOf<'map'>> {
  const answers = new AnswerCache(ANSWER_CACHE_BYTES);
  const imported = (r: Result<MapView>, clientId: string, data: Record<string, unknown>): Result<MapView> => {
    if (!r.ok) return r;
    answers.clear();
    d.registry.append({
      type: 'map.import',
      actor: d.actor(clientId),
      data: { kind: r.value.kind, ...data },
    });
    d.events.emit('map:changed', r.value);
    return r;
  };
  return {
    'map:get': () => ok(d.store.view()),
    'map:plan': () =>
      answers.get(`${d.store.version()}/plan`, async () => {
        const p = await d.store.plan();
        return ok(p && { type: p.type, contentBase64: p.bytes.toString('base64') });
      }),
    'map:tile': (p) =>
      answers.get(`${d.store.version()}/${p.z}/${p.x}/${p.y}`, async () => {
        const b = await d.store.tile(p.z, p.x, p.y);
        return ok(b && { contentBase64: b.toString('base64') });
      }),
    'map:import-plan': async (p, ctx) => {
      if (!d.actor(ctx.clientId)) return err('unauthenticated');
      const bytes = Buffer.from(p.contentBase64, 'base64');
      const r = await d.store.importPlan(p.fileName, bytes, p.points);
      return imported(r, ctx.clientId, {
        fileName: p.fileName,
        ...(r.ok && r.value.kind === 'plan' && { width: r.value.width, height: r.value.height }),
        points: p.points.length,
      });
    },
    'map:import-tiles': async (p, ctx) => {
      if (!d.actor(ctx.clientId)) return err('unauthenticated');
      const r = await d.store.importTiles(p.folder);
      return imported(r, ctx.clientId, {
        folder: p.folder,
        ...(r.ok && r.value.kind === 'tiles' && { count: r.value.count, maxZoom: r.value.maxZoom }),
      });
    },
  };
}
