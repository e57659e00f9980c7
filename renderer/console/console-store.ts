/** The console window's store: one slice per domain; every call to main is one of their actions. */
import { useCallback } from 'react';
import { create } from 'zustand';
import { api } from '../api/bridge';
import { translate, type MessageKey } from '../i18n';
import { createAuthSlice, type AuthSlice } from '../features/auth/auth-slice';
import { createCamerasSlice, type CamerasSlice } from '../features/cameras/cameras-slice';
import { createMosaicSlice, type MosaicSlice } from '../features/mosaic/mosaic-slice';
import { createOperatorsSlice, type OperatorsSlice } from '../features/accounts/operators-slice';
import { createPtzSlice, type PtzSlice } from '../features/ptz/ptz-slice';
import { createRegistrySlice, type RegistrySlice } from '../features/registry/registry-slice';
import { createSelftestSlice, type SelftestSlice } from '../features/selftest/selftest-slice';
import { createStreamsSlice, type StreamsSlice } from '../features/tiles/streams-slice';
import { createUiSlice, type UiSlice } from '../features/shell/ui-slice';
import { createWallSlice, type WallSlice } from '../features/wall-desk/wall-slice';
import { createDocsSlice, type DocsSlice } from '../features/instructions/instructions-slice';
import { createOperationsSlice, type OperationsSlice } from '../features/operations/operations-slice';
import { createMapSlice, type MapSlice } from '../features/map/map-slice';
import { createReportSlice, type ReportSlice } from '../features/report/report-slice';

interface ConnectSlice {
  /** Binds main's pushes once for the window's life (not per React render), then reads the session. */
  connect(): Promise<void>;
}

export type ConsoleState = MosaicSlice &
  CamerasSlice &
  StreamsSlice &
  UiSlice &
  AuthSlice &
  OperatorsSlice &
  RegistrySlice &
  PtzSlice &
  SelftestSlice &
  WallSlice &
  DocsSlice &
  OperationsSlice &
  MapSlice &
  ReportSlice &
  ConnectSlice;

let connected = false;

export const useConsole = create<ConsoleState>()((...a) => ({
  ...createMosaicSlice(...a),
  ...createCamerasSlice(...a),
  ...createStreamsSlice(...a),
  ...createUiSlice(...a),
  ...createAuthSlice(...a),
  ...createOperatorsSlice(...a),
  ...createRegistrySlice(...a),
  ...createPtzSlice(...a),
  ...createSelftestSlice(...a),
  ...createWallSlice(...a),
  ...createDocsSlice(...a),
  ...createOperationsSlice(...a),
  ...createMapSlice(...a),
  ...createReportSlice(...a),
  connect: async () => {
    if (connected) return;
    connected = true;
    const st = a[1];
    api.on('streams:status', (s) => st().setStatus(s));
    api.on('cameras:changed', (v) => st().applyInventory(v));
    api.on('layout:changed', (l) => st().applyLayout(l));
    api.on('wall:changed', (v) => st().applyWallView(v));
    // Main changed this window's session (locked for inactivity, demoted, expired, ended).
    api.on('auth:session', () => void st().loadAuthStatus());
    api.on('ptz:leases', (l) => st().applyLeases(l));
    api.on('ptz:devices', (d) => st().applyPtzDevices(d));
    api.on('ptz:camera', (c) => st().applyPtzCamera(c.cameraId, c.error));
    api.on('ptz:ended', (e) => st().ptzEnded(e));
    api.on('ptz:console', (i) => st().ptzConsole(i));
    api.on('instructions:changed', (v) => st().applyInstructions(v));
    api.on('incidents:added', (v) => st().incidentAdded(v));
    api.on('contacts:changed', (v) => st().applyContacts(v));
    api.on('operations:changed', (l) => st().applyOperations(l));
    api.on('operations:due', (op) => st().operationDue(op));
    api.on('map:changed', (v) => void st().applyMapView(v));
    api.on('report:progress', (p) => st().applyReportProgress(p.fraction));
    api.on('jobs:progress', (p) => st().applyJobProgress(p));
    setInterval(() => st().tick(Date.now()), 500);
    await st().loadAuthStatus();
  },
}));

/** Selectors return stored references only (derived collections go through useShallow/useMemo). */
export const selectors = {
  locale: (s: ConsoleState) => s.locale,
  cameras: (s: ConsoleState) => s.cameras,
  layout: (s: ConsoleState) => s.layout,
  mosaicSync: (s: ConsoleState) => s.mosaicSync,
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
