import type {
  PtzCameraReason,
  PtzConsoleView,
  PtzDeviceView,
  PtzEndedView,
  PtzLeaseView,
  PtzPresetView,
  PtzTakeInput,
  PtzStateView,
} from '../../../common/contract';
import { rpc } from '../../api/bridge';
import type { ConsoleSlice } from '../../console/console-store';

/** How often a held pad button or arrow key is re-sent: main's watchdog stops a silent camera. */
export const PTZ_REPEAT_MS = 250;

/** PTZ: who holds which camera (everyone sees it), this post's devices, and steering. */
export interface PtzSlice {
  ptz: Omit<PtzStateView, 'leases' | 'devices'> | null;
  leases: Record<number, PtzLeaseView>;
  ptzDevices: PtzDeviceView[];
  ptzErrors: Record<number, PtzCameraReason>;
  presets: Record<number, PtzPresetView[]>;
  loadPtz(): Promise<void>;
  applyLeases(leases: PtzLeaseView[]): void;
  applyPtzDevices(devices: PtzDeviceView[]): void;
  applyPtzCamera(cameraId: number, error: PtzCameraReason | null): void;
  ptzEnded(e: PtzEndedView): void;
  ptzConsole(i: PtzConsoleView): void;
  takePtz(req: PtzTakeInput): Promise<boolean>;
  extendPtz(cameraId: number): Promise<void>;
  releasePtz(cameraId: number): Promise<void>;
  ptzSelect(cameraId: number | null): void;
  /** Starts (or changes) a held move, re-sent every PTZ_REPEAT_MS until ptzStop. */
  ptzHold(cameraId: number, pan: number, tilt: number, zoom: number): void;
  ptzStop(cameraId: number, reason: 'release' | 'blur'): void;
  loadPresets(cameraId: number): Promise<void>;
  gotoPreset(cameraId: number, token: string): void;
  /** The session ended: no held move, no lease or device shown. */
  resetPtz(): void;
}

let held: { timer: ReturnType<typeof setInterval>; cameraId: number } | null = null;
const clearHeld = (): void => {
  if (held) clearInterval(held.timer);
  held = null;
};

const initial = () => ({
  ptz: null,
  leases: {},
  ptzDevices: [],
  ptzErrors: {},
  presets: {},
});

export const createPtzSlice: ConsoleSlice<PtzSlice> = (set, get) => {
  const applyLease = (l: PtzLeaseView): void => set({ leases: { ...get().leases, [l.cameraId]: l } });
  const move = (cameraId: number, pan: number, tilt: number, zoom: number): void => {
    void rpc.ptz.move({ cameraId, pan, tilt, zoom }).then((r) => {
      if (r.ok) return;
      clearHeld(); // refused (no lease, camera down): stop re-sending, say why once
      set({ error: r.error });
    });
  };
  return {
    ...initial(),
    loadPtz: async () => {
      const r = await rpc.ptz.state();
      if (!r.ok) return;
      const { leases, devices, ...rest } = r.value;
      set({ ptz: rest, ptzDevices: devices });
      get().applyLeases(leases);
    },
    applyLeases: (leases) => set({ leases: Object.fromEntries(leases.map((l) => [l.cameraId, l])) }),
    applyPtzDevices: (ptzDevices) => set({ ptzDevices }),
    applyPtzCamera: (cameraId, error) => {
      const ptzErrors = { ...get().ptzErrors };
      if (error) ptzErrors[cameraId] = error;
      else delete ptzErrors[cameraId];
      set({ ptzErrors });
    },
    ptzEnded: (e) => {
      if (held?.cameraId === e.cameraId) clearHeld();
      const params = { id: e.cameraId, name: e.by ? `${e.by.rank} ${e.by.name}` : '' };
      set({ notice: { key: `ptz.ended.${e.reason}`, params } });
    },
    ptzConsole: (i) => {
      const s = get();
      const tile = s.solo ?? s.selected;
      if (i.kind === 'call-camera' && s.cameras.some((c) => c.id === i.camera)) s.assign(tile, i.camera);
      // A joystick button mapped to a wall preset: main checks the wall right like any recall.
      if (i.kind === 'wall-preset') s.recallPresetByNumber(i.preset);
      if (i.kind === 'step-camera' && s.cameras.length) {
        const at = s.cameras.findIndex((c) => c.id === s.tiles[tile]);
        const next = s.cameras[(at + i.delta + s.cameras.length) % s.cameras.length]!;
        s.assign(tile, next.id);
      }
    },
    takePtz: async (req) => {
      const l = get().unwrap(await rpc.ptz.take(req));
      if (l) applyLease(l);
      return l !== null;
    },
    extendPtz: async (cameraId) => {
      const l = get().unwrap(await rpc.ptz.extend({ cameraId }));
      if (l) applyLease(l);
    },
    releasePtz: async (cameraId) => {
      get().ptzStop(cameraId, 'release');
      if (get().unwrap(await rpc.ptz.release({ cameraId })) === null) return;
      const leases = { ...get().leases };
      delete leases[cameraId];
      set({ leases });
    },
    ptzSelect: (cameraId) => {
      void rpc.ptz.select({ cameraId });
    },
    ptzHold: (cameraId, pan, tilt, zoom) => {
      clearHeld();
      move(cameraId, pan, tilt, zoom);
      held = { cameraId, timer: setInterval(() => move(cameraId, pan, tilt, zoom), PTZ_REPEAT_MS) };
    },
    ptzStop: (cameraId, reason) => {
      clearHeld();
      void rpc.ptz.stop({ cameraId, reason });
    },
    loadPresets: async (cameraId) => {
      const r = await rpc.ptz.presets({ cameraId });
      if (r.ok) set({ presets: { ...get().presets, [cameraId]: r.value } });
    },
    gotoPreset: (cameraId, token) => {
      void rpc.ptz.gotoPreset({ cameraId, token }).then((r) => get().unwrap(r));
    },
    resetPtz: () => {
      clearHeld();
      set(initial());
    },
  };
};
