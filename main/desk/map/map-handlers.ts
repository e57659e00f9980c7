/** Contract handlers of the site map: reading it (any operator), importing it (the technician). */
import { z } from 'zod';
import {
  MAP_MAX_IMAGE_BYTES,
  MAP_MAX_IMAGE_SIDE,
  MAP_MAX_ZOOM,
  type MapView,
} from '../../../common/contract';
import { err, ok, type Result } from '../../../common/result';
import { defineChannels, type EventAccess } from '../../platform/ipc/module';
import type { EventSink } from '../../platform/ipc/router';
import { base64, text } from '../../platform/ipc/shapes';
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

/** A technician imported a new map: every console re-reads it. */
export const mapEvents: EventAccess<'map:changed'> = { 'map:changed': 'session' };

const whole = (max: number) => z.number().int().min(0).max(max);
const point = z.strictObject({
  x: z.number().min(0).max(MAP_MAX_IMAGE_SIDE),
  y: z.number().min(0).max(MAP_MAX_IMAGE_SIDE),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});

/**
 * The plan is no camera picture, so every operator sees it (markers and states come from what each
 * already may see); only the technician's `settings` right imports it.
 */
export function mapHandlers(d: MapHandlerDeps) {
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
  return defineChannels('map', {
    'map:get': { access: 'session', input: z.undefined(), handle: () => ok(d.store.view()) },
    'map:plan': {
      access: 'session',
      input: z.undefined(),
      // Up to 5.6 MB of JSON each; a page asks once per opening of the map or of a version.
      limit: { burst: 4, perSecond: 0.5 },
      handle: () =>
        answers.get(`${d.store.version()}/plan`, async () => {
          const p = await d.store.plan();
          return ok(p && { type: p.type, contentBase64: p.bytes.toString('base64') });
        }),
    },
    'map:tile': {
      access: 'session',
      // Whole numbers only: a tile request can never name a path (the range is checked in map-store.ts).
      input: z.strictObject({
        z: whole(MAP_MAX_ZOOM),
        x: whole(2 ** MAP_MAX_ZOOM),
        y: whole(2 ** MAP_MAX_ZOOM),
      }),
      // Up to 700 kB each; a full-HD screen shows about 40 tiles and a zoom asks for as many again.
      limit: { burst: 256, perSecond: 64 },
      handle: (p) =>
        answers.get(`${d.store.version()}/${p.z}/${p.x}/${p.y}`, async () => {
          const b = await d.store.tile(p.z, p.x, p.y);
          return ok(b && { contentBase64: b.toString('base64') });
        }),
    },
    'map:import-plan': {
      access: 'settings',
      input: z.strictObject({
        fileName: text({ min: 1, max: 260 }),
        contentBase64: base64(MAP_MAX_IMAGE_BYTES),
        // No point at all is refused by main with its own words (map_no_points), not as a malformed call.
        points: z.array(point).max(3),
      }),
      handle: async (p, ctx) => {
        if (!d.actor(ctx.clientId)) return err('unauthenticated');
        const bytes = Buffer.from(p.contentBase64, 'base64');
        const r = await d.store.importPlan(p.fileName, bytes, p.points);
        return imported(r, ctx.clientId, {
          fileName: p.fileName,
          ...(r.ok && r.value.kind === 'plan' && { width: r.value.width, height: r.value.height }),
          points: p.points.length,
        });
      },
    },
    'map:import-tiles': {
      access: 'settings',
      input: z.strictObject({ folder: text({ min: 1, max: 1024 }) }),
      handle: async (p, ctx) => {
        if (!d.actor(ctx.clientId)) return err('unauthenticated');
        const r = await d.store.importTiles(p.folder);
        return imported(r, ctx.clientId, {
          folder: p.folder,
          ...(r.ok && r.value.kind === 'tiles' && { count: r.value.count, maxZoom: r.value.maxZoom }),
        });
      },
    },
  });
}
