/**
 * The application side of PTZ for one post. It composes the lease service (notify the CSU, then
 * grant), one PtzControl, the drivers and the post's input devices:
 *  - a camera is attached to the control only while THIS post holds its lease, so no command
 *    reaches a camera without a notified lease, whatever a window or a device sends;
 *  - a lease ending (release, expiry, pre-emption, another post) detaches it: Stop, then close;
 *  - lock, logout, blur and unplug stop; quit stops and closes.
 */
import type {
  EventMap,
  EventName,
  SessionView,
  PtzCameraReason,
  PtzInputSettings,
  PtzLeaseView,
  PtzPresetView,
  PtzMoveInput,
  PtzStateView,
  PtzTakeInput,
} from '../../../common/contract';
import { err, ok, type Result } from '../../../common/result';
import type { Camera } from '../../video/cameras/inventory-schema';
import type { Credential } from '../../video/cameras/credentials';
import type { InputSettings } from '../input';
import { createLogger } from '../../platform/log/logger';
import { PtzControl } from './control';
import type { PtzDriver } from './driver';
import { openDriver } from './open-driver';
import type { LeaseChange, LeaseRequester, PtzLeases } from '../lease/types';
import { InputSettingsFile } from '../input/input-settings-file';
import { PtzDevices, type DeviceSpec } from './ptz-devices';
import { InputMonitor } from './input-monitor';
import { leaseView, reasonOf } from './ptz-views';

export type { DeviceSpec } from './ptz-devices';

const log = createLogger('ptz');

export interface PtzPush {
  emit<E extends EventName>(event: E, payload: EventMap[E]): void;
  emitTo<E extends EventName>(clientId: string, event: E, payload: EventMap[E]): void;
}

export interface PtzServiceOptions {
  leases: PtzLeases;
  post: string;
  camera(id: number): Camera | undefined;
  credential(ref: string | undefined): Credential | undefined;
  push: PtzPush;
  dataDir: string;
  devices?: DeviceSpec[];
  control?: PtzControl;
  open?: typeof openDriver;
  moveTimeoutS?: number;
}

/** Who calls: the window, and the operator as the lease service needs him. */
export interface PtzCaller extends LeaseRequester {
  clientId: string;
}

export class PtzService {
  readonly control: PtzControl;
  private readonly drivers = new Map<number, PtzDriver>();
  private readonly opening = new Map<number, Promise<Result<null>>>();
  private readonly errors = new Map<number, PtzCameraReason>();
  /** Windows that took or steered a camera: their lock or logout stops it. */
  private readonly callers = new Map<string, PtzCaller>();
  /** The window whose selected tile the devices steer. */
  private selector: string | null = null;
  private selected: number | null = null;
  private readonly devices: PtzDevices;
  private readonly settingsFile: InputSettingsFile;
  private readonly offLeases: () => void;
  /** The devices' live axes and buttons, for the technician's settings panel. */
  private readonly monitor = new InputMonitor((v) => this.o.push.emit('ptz:input', v));
  private closed = false;

  constructor(private readonly o: PtzServiceOptions) {
    this.settingsFile = new InputSettingsFile(o.dataDir);
    this.control = o.control ?? new PtzControl({ settings: this.settingsFile.value });
    this.control.setSettings(this.settingsFile.value);
    this.control.on('event', (e) => {
      const id = Number(e.camera);
      if (e.type === 'error') this.setError(id, reasonOf(e.code));
      else if (e.type === 'command' && this.errors.has(id)) this.setError(id, null);
    });
    this.control.on('console', (i) => {
      if (i.kind !== 'button' && this.selector) this.o.push.emitTo(this.selector, 'ptz:console', i);
    });
    this.offLeases = o.leases.onChange((c) => this.onLease(c));
    // Leases this post still holds from before a restart: their cameras are attached again.
    for (const l of o.leases.all()) if (l.holder.post === o.post) void this.sync(l.cameraId);
    this.devices = new PtzDevices(
      o.devices ?? [],
      (i) => {
        this.monitor.feed(i);
        this.control.handle(i);
      },
      (views, s) => {
        if (s.state === 'disconnected') void this.control.stopAll('unplug');
        this.o.push.emit('ptz:devices', views);
      },
    );
    this.devices.open(this.settingsFile.value);
  }

  state(): PtzStateView {
    return {
      post: this.o.post,
      leases: this.o.leases.all().map(leaseView),
      devices: this.devices.views(),
      limits: this.o.leases.limits(),
      channels: this.o.leases.channels(),
    };
  }

  async take(c: PtzCaller, req: PtzTakeInput): Promise<Result<PtzLeaseView>> {
    if (!this.o.camera(req.cameraId)?.ptz) return err('not_ptz_camera');
    this.callers.set(c.clientId, c);
    const r = await this.o.leases.take(req, c);
    if (!r.ok) return r;
    const attached = await this.attach(req.cameraId);
    if (!attached.ok) {
      // A camera that cannot be driven is not kept: the lease goes back, the reason is shown.
      await this.o.leases.release(req.cameraId, c);
      return attached;
    }
    return ok(leaseView(r.value));
  }

  async extend(c: PtzCaller, cameraId: number, minutes?: number): Promise<Result<PtzLeaseView>> {
    const r = await this.o.leases.extend(cameraId, minutes, c);
    return r.ok ? ok(leaseView(r.value)) : r;
  }

  async release(c: PtzCaller, cameraId: number): Promise<Result<null>> {
    const r = await this.o.leases.release(cameraId, c);
    await this.sync(cameraId);
    return r;
  }

  select(c: PtzCaller, cameraId: number | null): Result<null> {
    this.callers.set(c.clientId, c);
    this.selector = c.clientId;
    this.selected = cameraId;
    this.control.select(cameraId === null ? null : String(cameraId));
    return ok(null);
  }

  /**
   * Main's rule: only the holder, from this post. The camera is attached first if it is not yet
   * (the grant is still connecting to it, or the post restarted while the lease ran).
   */
  private async steerable(c: PtzCaller, cameraId: number): Promise<Result<null>> {
    if (!this.o.leases.holds(cameraId, c.actor.login)) return err('ptz_not_held');
    const attached = await this.attach(cameraId);
    if (!attached.ok) return attached;
    this.select(c, cameraId);
    return ok(null);
  }

  async move(c: PtzCaller, m: PtzMoveInput): Promise<Result<null>> {
    const r = await this.steerable(c, m.cameraId);
    if (r.ok) this.control.handle({ kind: 'move', pan: m.pan, tilt: m.tilt, zoom: m.zoom });
    return r;
  }

  /** Stopping is always allowed: it can only make a camera safer. */
  async stop(cameraId: number, reason: 'release' | 'blur'): Promise<Result<null>> {
    if (reason === 'blur') await this.control.stopAll('blur');
    else if (this.selected === cameraId) this.control.handle({ kind: 'stop' });
    return ok(null);
  }

  async presets(c: PtzCaller, cameraId: number): Promise<Result<PtzPresetView[]>> {
    const r = await this.steerable(c, cameraId);
    if (!r.ok) return r;
    const d = this.drivers.get(cameraId);
    const p = d ? await d.presets() : null;
    if (!p) return err('ptz_camera', { reason: 'closed' });
    return p.ok ? ok(p.value.slice(0, 64)) : err('ptz_camera', { reason: reasonOf(p.code) });
  }

  async gotoPreset(c: PtzCaller, cameraId: number, token: string): Promise<Result<null>> {
    const r = await this.steerable(c, cameraId);
    if (r.ok) this.control.gotoPreset(token);
    return r;
  }

  settings(): PtzInputSettings {
    return this.settingsFile.value;
  }

  setSettings(s: InputSettings): Result<PtzInputSettings> {
    const r = this.settingsFile.save(s);
    if (!r.ok) return r;
    this.control.setSettings(r.value);
    void this.devices.reopen(r.value);
    return ok(r.value);
  }

  /** A window's session changed (locked, demoted, ended): whatever it was steering stops. */
  async sessionChanged(clientId: string, view: SessionView | null): Promise<void> {
    const c = this.callers.get(clientId);
    if (!c || (view && !view.locked && view.permissions.includes('ptz'))) return;
    if (this.selector === clientId) {
      this.selector = null;
      this.selected = null;
      this.control.select(null);
    }
    await this.control.stopAll(view ? 'lock' : 'logout');
    if (view) return;
    this.callers.delete(clientId);
    // Logged out: control returns at once, unless another window of his still works here.
    if ([...this.callers.values()].some((o) => o.actor.login === c.actor.login)) return;
    for (const l of this.o.leases.all())
      if (l.holder.login === c.actor.login && l.holder.post === this.o.post)
        await this.o.leases.release(l.cameraId, c);
  }

  /** Some session changed (main calls this on every lock, logout and revocation). */
  async recheckCallers(status: (clientId: string) => SessionView | null): Promise<void> {
    for (const id of [...this.callers.keys()]) await this.sessionChanged(id, status(id));
  }

  async close(): Promise<void> {
    this.closed = true;
    this.offLeases();
    this.monitor.close();
    await this.devices.close();
    await this.control.close();
    this.drivers.clear();
  }

  private onLease(change: LeaseChange): void {
    void this.sync(change.cameraId);
    this.o.push.emit('ptz:leases', this.o.leases.all().map(leaseView));
    const ended = change.ended;
    if (!ended || ended.reason === 'released' || ended.lease.holder.post !== this.o.post) return;
    const by = ended.by && { name: ended.by.name, rank: ended.by.rank };
    for (const c of this.callers.values())
      if (c.actor.login === ended.lease.holder.login)
        this.o.push.emitTo(c.clientId, 'ptz:ended', {
          cameraId: change.cameraId,
          reason: ended.reason,
          ...(by && { by }),
        });
  }

  /** Attached exactly while this post holds the lease. */
  private async sync(cameraId: number): Promise<void> {
    const l = this.o.leases.current(cameraId);
    if (l && l.holder.post === this.o.post && !this.closed) {
      await this.attach(cameraId);
      return;
    }
    await this.opening.get(cameraId);
    if (!this.control.isAttached(String(cameraId))) return;
    this.drivers.delete(cameraId);
    log.info(`camera ${cameraId}: control withdrawn (no lease of this post)`);
    await this.control.detach(String(cameraId), 'lease-end');
  }

  private attach(cameraId: number): Promise<Result<null>> {
    if (this.control.isAttached(String(cameraId))) return Promise.resolve(ok(null));
    const pending = this.opening.get(cameraId);
    if (pending) return pending;
    const p = this.openAndAttach(cameraId).finally(() => this.opening.delete(cameraId));
    this.opening.set(cameraId, p);
    return p;
  }

  private async openAndAttach(cameraId: number): Promise<Result<null>> {
    const cam = this.o.camera(cameraId);
    if (!cam?.ptz) return err('not_ptz_camera');
    const cred = this.o.credential(cam.credentialsRef);
    const d = await (this.o.open ?? openDriver)(cam.ptz, {
      ...(cred && { username: cred.username, password: cred.password }),
      ...(this.o.moveTimeoutS !== undefined && { moveTimeoutS: this.o.moveTimeoutS }),
    });
    if (!d.ok) {
      log.warn(`camera ${cameraId}: PTZ driver refused (${d.code})`);
      this.setError(cameraId, reasonOf(d.code));
      return err('ptz_camera', { reason: reasonOf(d.code) });
    }
    const l = this.o.leases.current(cameraId);
    if (this.closed || !l || l.holder.post !== this.o.post) {
      await d.value.close(); // the lease ended while the camera answered: it gets nothing
      return err('ptz_not_held');
    }
    this.control.attach(String(cameraId), d.value);
    this.drivers.set(cameraId, d.value);
    log.info(`camera ${cameraId}: control granted to ${l.holder.login}`);
    // Detaching cleared the control's selection: the selected tile's camera is steered again.
    if (this.selected === cameraId) this.control.select(String(cameraId));
    this.setError(cameraId, null);
    return ok(null);
  }

  private setError(cameraId: number, error: PtzCameraReason | null): void {
    if ((this.errors.get(cameraId) ?? null) === error) return;
    if (error) this.errors.set(cameraId, error);
    else this.errors.delete(cameraId);
    this.o.push.emit('ptz:camera', { cameraId, error });
  }
}
