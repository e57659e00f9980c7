/** Contract handlers of the layout domain: the saved mosaic of this post. */
import { z } from 'zod';
import { LAYOUTS, MAX_TILES } from '../../../common/contract';
import { ok } from '../../../common/result';
import { defineChannels, type EventAccess } from '../../platform/ipc/module';
import type { EventSink } from '../../platform/ipc/router';
import { cameraId } from '../../platform/ipc/shapes';
import type { LayoutStore } from './mosaic-store';

export const layoutEvents: EventAccess<'layout:changed'> = { 'layout:changed': 'view' };

export function layoutHandlers(d: { layout: LayoutStore; cameraIds: () => number[]; events: EventSink }) {
  const { layout, cameraIds, events } = d;
  return defineChannels('layout', {
    'layout:get': { access: 'view', input: z.undefined(), handle: () => ok(layout.get()) },
    'layout:set': {
      access: 'view',
      input: z.strictObject({
        layout: z.enum(LAYOUTS),
        tiles: z.array(cameraId.nullable()).length(MAX_TILES),
        fullRate: z.boolean().optional(),
      }),
      handle: (p) => {
        // A tile may only name a camera of the inventory in force.
        const known = new Set(cameraIds());
        const tiles = p.tiles.map((id) => (id !== null && known.has(id) ? id : null));
        const r = layout.set({ layout: p.layout, tiles, fullRate: p.fullRate === true });
        if (r.ok) events.emit('layout:changed', r.value);
        return r;
      },
    },
  });
}
