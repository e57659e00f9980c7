/**
 * Contract handlers of the incident reports: anyone who sees images files one; its category must
 * be one of the current instructions', its cameras known, its time not in the future.
 */
import { z } from 'zod';
import {
  MAX_CATEGORY_CHARS,
  MAX_DESCRIPTION_CHARS,
  URGENCIES,
  type ChannelsOf,
  type EventsOf,
  type IncidentInput,
  type IncidentView,
} from '../../../common/contract';
import { err, ok, type Failure } from '../../../common/result';
import { after, settle } from '../../platform/storage/awaitable';
import { storageErrorCode } from '../../platform/storage/atomic-write';
import { defineChannels, type EventAccess, type Module } from '../../platform/ipc/module';
import type { EventSink } from '../../platform/ipc/router';
import { cameraId, isoDate, text } from '../../platform/ipc/shapes';
import { createLogger } from '../../platform/log/logger';
import type { Registry, RegistryActor } from '../../records/registry/registry';
import type { IncidentStore } from './incident-store';

const log = createLogger('incidents');
/** A clock a little ahead on the operator's side is tolerated, not a time in the future. */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

export interface IncidentsDeps {
  store: IncidentStore;
  registry: Registry;
  events: EventSink;
  actor: (clientId: string) => RegistryActor | null;
  /** The current instructions' categories. */
  categories: () => string[];
  knownCamera: (id: number) => boolean;
  now?: () => number;
}

/** The first reason a report cannot be filed, or null. */
export function checkIncident(
  input: IncidentInput,
  d: Pick<IncidentsDeps, 'categories' | 'knownCamera'>,
  now: number,
): Failure | null {
  const categories = d.categories();
  if (categories.length === 0) return err('incident_invalid', { reason: 'no_instructions' });
  if (!categories.includes(input.category))
    return err('incident_invalid', { reason: 'category', category: input.category });
  const unknown = input.cameras.find((id) => !d.knownCamera(id));
  if (unknown !== undefined) return err('incident_invalid', { reason: 'camera', id: unknown });
  if (Date.parse(input.occurredAt) > now + FUTURE_TOLERANCE_MS)
    return err('incident_invalid', { reason: 'future', minutes: FUTURE_TOLERANCE_MS / 60_000 });
  if (input.description.trim().length === 0) return err('incident_invalid', { reason: 'description' });
  return null;
}

export const incidentsEvents: EventAccess<'incidents:added'> = { 'incidents:added': 'view' };

const category = text({ min: 1, max: MAX_CATEGORY_CHARS });

// Everyone who sees images files reports and reads them.
export function incidentsHandlers(d: IncidentsDeps) {
  return defineChannels('incidents', {
    'incidents:list': {
      access: 'view',
      input: z.strictObject({
        category: category.optional(),
        cameraId: cameraId.optional(),
        urgency: z.enum(URGENCIES).optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
      }),
      handle: (filter) => after(d.store.list(filter), ok),
    },
    'incidents:report': {
      access: 'view',
      input: z.strictObject({
        category,
        cameras: z.array(cameraId).min(1).max(64),
        occurredAt: z.iso.datetime({ offset: true }),
        description: text({ max: MAX_DESCRIPTION_CHARS, multiline: true }),
        urgency: z.enum(URGENCIES),
      }),
      handle: (input, ctx) => {
        const by = d.actor(ctx.clientId);
        if (!by) return err('unauthenticated');
        const refused = checkIncident(input, d, (d.now ?? Date.now)());
        if (refused) return refused;
        const cameras = [...new Set(input.cameras)];
        const record = (v: IncidentView): void => {
          d.registry.append({
            type: 'incident.report',
            actor: by,
            cameraId: v.cameras[0] ?? null,
            data: {
              incidentId: v.id,
              category: v.category,
              urgency: v.urgency,
              occurredAt: v.occurredAt,
              cameras: v.cameras,
              description: v.description,
            },
          });
        };
        return settle(
          () => d.store.add({ ...input, cameras, description: input.description.trim() }, by, record),
          (added) => {
            d.events.emit('incidents:added', added);
            return ok(added);
          },
          (e) => {
            log.error('incident report not stored', e);
            return err(storageErrorCode(e));
          },
        );
      },
    },
  });
}

/** The incident reports' module; its store closes with it. */
export function createIncidents(d: IncidentsDeps): Module<ChannelsOf<'incidents'>, EventsOf<'incidents'>> {
  // A report filed on another post reaches this post's consoles as one filed here.
  const off = d.store.onAdded?.((added) => d.events.emit('incidents:added', added));
  return {
    handlers: incidentsHandlers(d),
    events: incidentsEvents,
    close: () => {
      off?.();
      d.store.close();
    },
  };
}
