/** The mosaic's module: this post's saved layout, kept to the inventory in force. */
import type { ChannelsOf, EventsOf, InventoryView } from '../../../common/contract';
import type { Module } from '../../platform/ipc/module';
import type { EventSink } from '../../platform/ipc/router';
import type { Signal } from '../../platform/signal';
import { layoutEvents, layoutHandlers } from './mosaic-handlers';
import { LayoutStore } from './mosaic-store';

export interface MosaicModule extends Module<ChannelsOf<'layout'>, EventsOf<'layout'>> {
  /** The cameras of the post's saved mosaic, hidden tiles included (a layout change shows them). */
  cameras(): number[];
  changed: Signal<[]>;
}

export function createMosaic(d: {
  dataDir: string;
  inventory: {
    view(): InventoryView;
    cameras(): readonly { id: number }[];
    onChange(l: (view: InventoryView) => void): () => void;
  };
  events: EventSink;
}): MosaicModule {
  const cameraIds = (): number[] => d.inventory.cameras().map((c) => c.id);
  const layout = new LayoutStore(d.dataDir, cameraIds());
  let wasDemo = d.inventory.view().demo;
  const stop = d.inventory.onChange((view) => {
    // Leaving the demo for real cameras fills the mosaic again; otherwise unknown tiles empty.
    d.events.emit('layout:changed', layout.onInventory(cameraIds(), wasDemo && !view.demo));
    wasDemo = view.demo;
  });
  return {
    handlers: layoutHandlers({ layout, cameraIds, events: d.events }),
    events: layoutEvents,
    cameras: () => layout.get().tiles.filter((id): id is number => id !== null),
    changed: layout.changed,
    close: stop,
  };
}
