/** The console window's store: composed from slices, fed by IPC subscriptions bound once. */
import { useCallback } from 'react';
import { create } from 'zustand';
import type { LayoutState } from '../../common/contract';
import { api } from '../api/bridge';
import { translate, type MessageKey } from '../i18n';
import { createCamerasSlice, type CamerasSlice } from './cameras-slice';
import { createMosaicSlice, type MosaicSlice } from './mosaic-slice';
import { createStreamsSlice, type StreamsSlice } from './streams-slice';
import { createUiSlice, type UiSlice } from './ui-slice';
import { createAuthSlice, type AuthSlice } from './auth-slice';
import { resetVideoEndpoint } from '../video/endpoint';

interface PersistSlice {
  persistLayout(state: LayoutState): void;
}

export type ConsoleState = MosaicSlice & CamerasSlice & StreamsSlice & UiSlice & AuthSlice & PersistSlice;

export const useConsole = create<ConsoleState>()((...a) => ({
  ...createMosaicSlice(...a),
  ...createCamerasSlice(...a),
  ...createStreamsSlice(...a),
  ...createUiSlice(...a),
  ...createAuthSlice(...a),
  persistLayout: (state) => {
    void api.invoke('layout:set', state).then((r) => {
      if (!r.ok) a[0]({ error: r.error });
    });
  },
}));

/** Selectors return stored references only (derived collections go through useShallow/useMemo). */
export const selectors = {
  locale: (s: ConsoleState) => s.locale,
  cameras: (s: ConsoleState) => s.cameras,
  layout: (s: ConsoleState) => s.layout,
  tiles: (s: ConsoleState) => s.tiles,
  solo: (s: ConsoleState) => s.solo,
  selected: (s: ConsoleState) => s.selected,
  now: (s: ConsoleState) => s.now,
};

/** Translation bound to the current locale. */
export function useT(): (key: MessageKey, params?: Record<string, string | number>) => string {
  const locale = useConsole(selectors.locale);
  return useCallback((key, params) => translate(locale, key, params), [locale]);
}

let bound = false;

/** Loads what the operator's role allows, after a login or an unlock. */
export async function refreshConsole(): Promise<void> {
  const set = useConsole.setState;
  const st = useConsole.getState;
  resetVideoEndpoint();
  const inv = await api.invoke('cameras:list');
  if (inv.ok) {
    st().applyInventory(inv.value);
    if (inv.value.lastError) set({ error: inv.value.lastError });
  }
  if (!st().session?.permissions.includes('view')) return;
  const [layout, statuses] = await Promise.all([api.invoke('layout:get'), api.invoke('streams:statuses')]);
  if (layout.ok) st().applyLayout(layout.value);
  if (statuses.ok) st().setStatuses(statuses.value);
}

/** Subscriptions to main's pushes, bound once for the window's life (not per React render). */
export async function bindConsole(): Promise<void> {
  if (bound) return;
  bound = true;
  const st = useConsole.getState;
  api.on('streams:status', (s) => st().setStatus(s));
  api.on('cameras:changed', (v) => st().applyInventory(v));
  api.on('layout:changed', (l) => st().applyLayout(l));
  setInterval(() => st().tick(Date.now()), 500);
  const status = await api.invoke('auth:status');
  if (status.ok) {
    st().setAuthStatus(status.value.session, status.value.demoAvailable);
    if (status.value.session && !status.value.session.locked) await refreshConsole();
  } else st().setAuthStatus(null, false);
}
