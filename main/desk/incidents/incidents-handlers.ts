/**
 * Contract handlers of the incident reports: anyone who sees images files one; its category must
 * be one of the current instructions', its cameras known, its time not in the future.
 */
import type { ChannelsOf } from '../../../common/contract';
import type { IncidentInput } from '../../../common/contract-docs';
import { err, ok, type Failure } from '../../../common/result';
import { storageErrorCode } from '../../platform/storage/atomic-write';
import type { EventSink, Handlers } from '../../platform/ipc/router';
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

export function incidentsHandlers(d: IncidentsDeps): Pick<Handlers, ChannelsOf<'incidents'>> {
  return {
    'incidents:list': (filter) => ok(d.store.list(filter)),
    'incidents:report': (input, ctx) => {
      const by = d.actor(ctx.clientId);
      if (!by) return err('unauthenticated');
      const refused = checkIncident(input, d, (d.now ?? Date.now)());
      if (refused) return refused;
      const cameras = [...new Set(input.cameras)];
      let added;
      try {
        added = d.store.add({ ...input, cameras, description: input.description.trim() }, by, (v) =>
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
          }),
        );
      } catch (e) {
        log.error('incident report not stored', e);
        return err(storageErrorCode(e));
      }
      d.events.emit('incidents:added', added);
      return ok(added);
    },
  };
}
