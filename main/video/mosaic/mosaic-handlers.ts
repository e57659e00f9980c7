/** Contract handlers of the layout domain: the saved mosaic of this post. */
import type { ChannelsOf } from '../../../common/contract';
import { ok } from '../../../common/result';
import type { EventSink, Handlers } from '../../platform/ipc/router';
import type { LayoutStore } from './mosaic-store';

export function layoutHandlers(
  layout: LayoutStore,
  cameraIds: () => number[],
  events: EventSink,
): Pick<Handlers, ChannelsOf<'layout'>> {
  return {
    'layout:get': () => ok(layout.get()),
    'layout:set': (p) => {
      // A tile may only name a camera of the inventory in force.
      const known = new Set(cameraIds());
      const tiles = p.tiles.map((id) => (id !== null && known.has(id) ? id : null));
      const r = layout.set({ layout: p.layout, tiles, fullRate: p.fullRate === true });
      if (r.ok) events.emit('layout:changed', r.value);
      return r;
    },
  };
}
