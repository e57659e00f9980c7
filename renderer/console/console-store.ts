/**
 * The console window's store: one slice per feature; every call to main is one of their actions.
 * Each slice owns its fields and its `reset<Name>()`; the store only composes them.
 */
import { useCallback } from 'react';
import { create, type StateCreator } from 'zustand';
import { api } from '../api/bridge';
import { createOperatorsSlice, type OperatorsSlice } from '../features/accounts/operators-slice';
import { createAuthSlice, type AuthSlice } from '../features/auth/auth-slice';
import { createCamerasSlice, type CamerasSlice } from '../features/cameras/cameras-slice';
import { createContactsSlice, type ContactsSlice } from '../features/contacts/contacts-slice';
import { createIncidentsSlice, type IncidentsSlice } from '../features/incidents/incidents-slice';
import {
  createInputSettingsSlice,
  type InputSettingsSlice,
} from '../features/input-settings/input-settings-slice';
import { createInstructionsSlice, type InstructionsSlice } from '../features/instructions/instructions-slice';
import { createMapSlice, type MapSlice } from '../features/map/map-slice';
import { createMosaicSlice, type MosaicSlice } from '../features/mosaic/mosaic-slice';
import { createOperationsSlice, type OperationsSlice } from '../features/operations/operations-slice';
import { createPtzSlice, type PtzSlice } from '../features/ptz/ptz-slice';
import { createRegistrySlice, type RegistrySlice } from '../features/registry/registry-slice';
import { createReportSlice, type ReportSlice } from '../features/report/report-slice';
import { createSelftestSlice, type SelftestSlice } from '../features/selftest/selftest-slice';
import { createShellSlice, type ShellSlice } from '../features/shell/shell-slice';
import { createStreamsSlice, type StreamsSlice } from '../features/tiles/streams-slice';
import { createWallSlice, type WallSlice } from '../features/wall-desk/wall-slice';
import { translate, type MessageKey } from '../i18n';
import { checkedHook } from '../ui/stable-selector';

interface SessionSlice {
  /** Binds main's pushes once for the window's life (not per React render), then reads the session. */
  connect(): Promise<void>;
  /** The session ended (logout, expiry): every slice forgets what it held for that operator. */
  forgetSession(): void;
}

export type ConsoleState = ShellSlice &
  AuthSlice &
  MosaicSlice &
  StreamsSlice &
  CamerasSlice &
  OperatorsSlice &
  RegistrySlice &
  PtzSlice &
  InputSettingsSlice &
  SelftestSlice &
  WallSlice &
  InstructionsSlice &
  IncidentsSlice &
  ContactsSlice &
  OperationsSlice &
  MapSlice &
  ReportSlice &
  SessionSlice;

/** A slice of the console's store: its fields and actions, written against the whole state. */
export type ConsoleSlice<T> = StateCreator<ConsoleState, [], [], T>;

type SliceReset = Extract<keyof ConsoleState, `reset${string}`>;
/** Every slice's own reset, run when the session ends: a slice's reset missing here is a type error. */
const RESETS: Record<SliceReset, true> = {
  resetShell: true,
  resetMosaic: true,
  resetStreams: true,
  resetCameras: true,
  resetOperators: true,
  resetRegistry: true,
  resetPtz: true,
  resetInputSettings: true,
  resetSelftest: true,
  resetWall: true,
  resetInstructions: true,
  resetIncidents: true,
  resetContacts: true,
  resetOperations: true,
  resetMap: true,
  resetReport: true,
};

let connected = false;

const store = create<ConsoleState>()((...a) => ({
  ...createShellSlice(...a),
  ...createAuthSlice(...a),
  ...createMosaicSlice(...a),
  ...createStreamsSlice(...a),
  ...createCamerasSlice(...a),
  ...createOperatorsSlice(...a),
  ...createRegistrySlice(...a),
  ...createPtzSlice(...a),
  ...createInputSettingsSlice(...a),
  ...createSelftestSlice(...a),
  ...createWallSlice(...a),
  ...createInstructionsSlice(...a),
  ...createIncidentsSlice(...a),
  ...createContactsSlice(...a),
  ...createOperationsSlice(...a),
  ...createMapSlice(...a),
  ...createReportSlice(...a),
  forgetSession: () => {
    const s = a[1]();
    for (const reset of Object.keys(RESETS) as SliceReset[]) s[reset]();
  },
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
    api.on('ptz:input', (v) => st().applyPtzInput(v));
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
    api.on('selftest:progress', (p) => st().applySelftestProgress(p));
    api.on('jobs:progress', (p) => st().applyJobProgress(p));
    api.on('registry:health', (h) => st().applyRegistryHealth(h));
    setInterval(() => st().tick(Date.now()), 500);
    await st().loadAuthStatus();
  },
}));

/** The console's hook: a selector that builds a fresh value on every call throws (ui/stable-selector.ts). */
export const useConsole = checkedHook(store);

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
