/**
 * The post's PTZ options and the input devices they name. The options come from the command line,
 * parsed and checked by the flag table (main/app/flags/flags.ts, post-options.ts), and the module
 * that opens the post's PTZ from them.
 */
import { JoystickSource, KeyboardSource, type JoystickSelector, type KeyboardConfig } from '../input';
import { nodeHid, nodeHidBackend } from '../input/node-hid-backend';
import { err, ok, type Result } from '../../../common/result';
import type { Registry } from '../../records/registry/registry';
import { createCsuNotifier, LeaseService, openLeaseStore, type PtzLeases } from '../lease';
import type { Camera } from '../../video/cameras/inventory-schema';
import type { Credential } from '../../video/cameras/credentials';
import { PtzService, type DeviceSpec, type PtzPush } from './ptz-service';
import type { ChannelsOf, EventsOf, SessionView } from '../../../common/contract';
import type { Module } from '../../platform/ipc/module';
import type { AuthModule } from '../../records/auth/auth-module';
import type { AuthService } from '../../records/auth/auth-service';
import { ptzEvents, ptzHandlers } from './ptz-handlers';

export interface PtzOptions {
  /** This post's name in the lease store (the host name by default). */
  post?: string;
  keyboard?: KeyboardConfig;
  joystick?: JoystickSelector;
  csuWebhook?: string;
  csuSmtp?: string;
  csuMailTo?: string;
  /** `postgres://…` for several posts; the embedded SQLite store otherwise. */
  leaseStore?: string;
  leaseMinutes?: number;
  leaseMaxMinutes?: number;
  /** Tests only (`--lease-minute-seconds`): how long a lease "minute" lasts, so expiry comes quickly. */
  leaseMinuteMs?: number;
}

export function devicesOf(o: PtzOptions): DeviceSpec[] {
  const out: DeviceSpec[] = [];
  const kbd = o.keyboard;
  if (kbd) out.push({ kind: 'keyboard', open: (settings) => new KeyboardSource({ ...kbd, settings }) });
  const js = o.joystick;
  if (js)
    out.push({
      kind: 'joystick',
      open: (settings) => new JoystickSource({ backend: nodeHidBackend(js, nodeHid), settings }),
    });
  return out;
}

/**
 * The lease service of this post: its store (embedded SQLite, or PostgreSQL shared by several
 * posts) and the CSU notifier. A malformed option is a code naming it; nothing is opened then.
 */
async function openPtzLeases(
  o: PtzOptions & { post: string },
  ctx: {
    dataDir: string;
    registry: Registry;
    camera(id: number): { name: string; site: string } | null;
    /** The running special operation's tag for a camera's entries (main/operations/operation-tags.ts). */
    tag?: (cameraId: number) => Record<string, unknown>;
  },
): Promise<Result<PtzLeases>> {
  const notifier = createCsuNotifier({
    ...(o.csuWebhook !== undefined && { webhook: o.csuWebhook }),
    ...(o.csuSmtp !== undefined && { smtp: o.csuSmtp }),
    ...(o.csuMailTo !== undefined && { mailTo: o.csuMailTo }),
  });
  if (!notifier.ok) return notifier;
  const store = await openLeaseStore(o.leaseStore ?? 'embedded', ctx.dataDir);
  if (!store.ok) return store;
  const max = o.leaseMaxMinutes ?? Math.max(30, o.leaseMinutes ?? 0);
  if ((o.leaseMinutes ?? 10) > max) {
    await store.value.close();
    return err('lease_too_long', { max });
  }
  const leases = new LeaseService({
    store: store.value,
    notifier: notifier.value,
    registry: ctx.registry,
    post: o.post,
    camera: ctx.camera,
    ...(ctx.tag && { tag: ctx.tag }),
    maxMinutes: max,
    ...(o.leaseMinutes !== undefined && { defaultMinutes: o.leaseMinutes }),
    ...(o.leaseMinuteMs !== undefined && { minuteMs: o.leaseMinuteMs }),
  });
  await leases.ready();
  return ok(leases);
}

export interface PtzModuleDeps {
  /** The command line's PTZ options (main/app/flags), `post` resolved. */
  options: PtzOptions & { post: string };
  dataDir: string;
  registry: Registry;
  events: PtzPush;
  /** The running special operation's tag for a camera's entries. */
  tag: (cameraId: number) => Record<string, unknown>;
  camera(id: number): Camera | undefined;
  credential(ref: string | undefined): Credential | undefined;
  /** Who calls, and the sessions whose rights change (a locked or ended session lets its cameras go). */
  auth: Pick<AuthModule, 'sessions' | 'rightsEnded'> & { service: Pick<AuthService, 'status'> };
}

export interface PtzModule extends Module<ChannelsOf<'ptz'>, EventsOf<'ptz'>> {
  service: PtzService;
}

/**
 * The post's PTZ: its leases (notified to the CSU), the service that steers under them, and its
 * channels. A malformed option stops the post with its code; nothing stays open then.
 */
export async function createPtz(d: PtzModuleDeps): Promise<PtzModule> {
  const o = d.options;
  const leases = await openPtzLeases(o, { ...d, camera: (id) => d.camera(id) ?? null });
  if (!leases.ok) throw new Error(`PTZ : ${leases.error.code} ${JSON.stringify(leases.error.params ?? {})}`);
  const service = new PtzService({
    leases: leases.value,
    post: o.post,
    camera: d.camera,
    credential: d.credential,
    push: d.events,
    dataDir: d.dataDir,
    devices: devicesOf(o),
  });
  const status = (clientId: string): SessionView | null => d.auth.service.status(clientId);
  const stopSessions = d.auth.sessions.on((clientId, view) => void service.sessionChanged(clientId, view));
  const stopRights = d.auth.rightsEnded.on(() => void service.recheckCallers(status));
  return {
    service,
    handlers: ptzHandlers({ service, status }),
    events: ptzEvents,
    close: async () => {
      stopSessions();
      stopRights();
      await service.close();
      await leases.value.close();
    },
  };
}
