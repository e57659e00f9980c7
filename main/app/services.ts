/**
 * Composition root of the plain-Node services. Electron and the browser host both call this:
 * neither has a line of business logic of its own.
 */
import os from 'node:os';
import path from 'node:path';
import { authHandlers } from '../records/auth/auth-handlers';
import { AuthService } from '../records/auth/auth-service';
import { CHANNEL_ACCESS } from '../records/auth/channel-access';
import { OperatorStore } from '../records/auth/operator-store';
import { operatorsHandlers } from '../records/auth/operators-handlers';
import { camerasHandlers } from '../video/cameras/cameras-handlers';
import { CredentialStore } from '../video/cameras/credentials';
import { InventoryStore } from '../video/cameras/inventory-store';
import { locateFfmpeg } from '../video/streams/ffmpeg-locate';
import { appHandlers } from './app-handlers';
import { RateLimiter } from '../platform/ipc/rate-limit';
import { EventHub, Router, type Handlers } from '../platform/ipc/router';
import { layoutHandlers } from '../video/mosaic/mosaic-handlers';
import { LayoutStore } from '../video/mosaic/mosaic-store';
import { createLogger } from '../platform/log/logger';
import type { Registry, RegistryActor } from '../records/registry/registry';
import { registryHandlers } from '../records/registry/registry-handlers';
import { postJobRunner } from './post-jobs';
import type { KeyProtector } from '../records/registry/registry-key';
import { openRegistry } from '../records/registry/open-registry';
import { ptzHandlers } from '../control/ptz/ptz-handlers';
import type { PtzService } from '../control/ptz/ptz-service';
import { openPtz, type PtzOptions } from '../control/ptz/ptz-setup';
import { StreamGateway } from '../video/streams/gateway';
import { streamsHandlers } from '../video/streams/streams-handlers';
import type { WallController } from '../video/wall/controller';
import { LocalWallController } from '../video/wall/local-controller';
import { selftestHandlers } from './selftest/selftest-handlers';
import { selftestDeps } from './selftest/selftest-wiring';
import { WallDesk } from '../video/wall/wall-desk';
import { loadOrCreateWallKey, WallDisplays } from '../video/wall/wall-displays';
import { wallHandlers } from '../video/wall/wall-handlers';
import { WallPresets } from '../video/wall/wall-presets';
import { WallSettingsStore } from '../video/wall/wall-settings';
import { OperationTags } from '../desk/operations/operation-tags';
import { composeOperations } from './services-operations';
import { useFontDir } from '../platform/pdf/fonts';
import { err } from '../../common/result';
import { cameraState, StatusHistory } from '../video/streams/status-history';
import { viewRecorder } from '../video/streams/view-record';

const log = createLogger('services');

/** A camera file (4 MiB at most) is decoded, validated and compared in a worker within this time. */
const IMPORT_CHECK_MS = 60_000;

export interface ServicesOptions {
  dataDir: string;
  assetsDir: string;
  camerasFile?: string;
  ffmpegPath?: string;
  /** Packaged builds: Electron's resources folder, where the installer ships ffmpeg. */
  resourcesDir?: string;
  host: 'electron' | 'browser';
  version: string;
  stallMs?: number;
  idleMs?: number;
  /** Console inactivity lock, seconds. */
  lockAfterSeconds?: number;
  keyProtector?: KeyProtector;
  /** Showrooms: the demo cameras and account even on a post that has accounts. */
  demo?: boolean;
  /** How often main re-reads each session's rights, ms (60 s by default; tests shorten it). */
  recheckMs?: number;
  /** The NTP server the self-test measures the clock against (`--ntp HOST[:PORT]`). */
  ntp?: string;
  /** PTZ: input devices, CSU notification, lease store and durations. */
  ptz?: PtzOptions;
  /** The console's wall when it is not on this PC (a rack PC over the link); the local one otherwise. */
  wallController?: (local: LocalWallController) => WallController;
  /** Displays Electron sees, for the technician's wall settings. */
  wallScreens?: () => { id: string; name: string }[];
}

export interface Services {
  router: Router;
  events: EventHub;
  gateway: StreamGateway;
  inventory: InventoryStore;
  auth: AuthService;
  registry: Registry;
  /** The console's wall: presets, commands, and `recallPresetByNumber` for joystick buttons. */
  wall: WallDesk;
  wallSettings: WallSettingsStore;
  /** The kiosk address of this host's wall page, with the wall key in its fragment. */
  wallKioskUrl(origin: string): string;
  close(): Promise<void>;
}

export async function createServices(o: ServicesOptions): Promise<Services> {
  const registry = openRegistry(o.dataDir, o.keyProtector);
  registry.append({ type: 'app.start', data: { host: o.host, version: o.version } });
  const interrupted = registry.closeOrphanViews();
  if (interrupted)
    log.warn(`${interrupted} viewing session(s) left open by a previous run closed as interrupted`);

  const events = new EventHub();
  const jobs = postJobRunner(o.dataDir, registry.keys);
  const credentials = CredentialStore.inDir(o.dataDir);
  const operators = new OperatorStore(o.dataDir);
  // The demo exists only on a post never set up (no account yet), or with an explicit --demo.
  const demoAllowed = (): boolean => o.demo === true || operators.count() === 0;
  const inventory = new InventoryStore(o.dataDir, path.join(o.assetsDir, 'demo-cameras.json'));
  const ids = (): number[] => inventory.cameras().map((c) => c.id);
  inventory.onChange((_v, change, actor) => {
    if (change)
      registry.append({
        type: 'inventory.change',
        actor,
        data: { ...change },
      });
  });
  await inventory.init(o.camerasFile, demoAllowed());
  const layout = new LayoutStore(o.dataDir, ids());
  const ffmpegPath = locateFfmpeg(o.ffmpegPath ?? process.env.VIGIE_FFMPEG, o.resourcesDir);
  log.info(`ffmpeg: ${ffmpegPath}`);

  useFontDir(path.join(o.assetsDir, 'fonts'));
  const statusHistory = new StatusHistory(o.dataDir);
  let gateway: StreamGateway | null = null;
  const tags = new OperationTags(); // special operations tag viewing and PTZ entries (main/operations)
  let ptz: PtzService | null = null;
  const displays = new WallDisplays(loadOrCreateWallKey(o.dataDir), (t) => gateway?.revoke(t));
  const localWall = new LocalWallController({
    dataDir: o.dataDir,
    known: (id) => inventory.camera(id) !== undefined,
  });
  const auth = new AuthService(operators, registry, {
    isDemo: () => inventory.view().demo && demoAllowed(),
    lockAfterSeconds: o.lockAfterSeconds ?? 300,
    onRevoke: (token) => {
      gateway?.revoke(token);
      void ptz?.recheckCallers((id) => auth.status(id));
    },
    onSessionChange: (clientId, view) => {
      events.emitTo(clientId, 'auth:session', view);
      void ptz?.sessionChanged(clientId, view);
    },
    ...(o.recheckMs !== undefined && { recheckMs: o.recheckMs }),
    displays,
  });
  // Main's own watch: inactivity lock and stale rights, whatever the page does.
  const lockMs = (o.lockAfterSeconds ?? 300) * 1000;
  const sweep = setInterval(
    () => auth.sweep(),
    Math.max(250, Math.min(5000, lockMs / 4, o.recheckMs ?? 5000)),
  );
  sweep.unref();
  gateway = new StreamGateway({
    ffmpegPath,
    credentials,
    events,
    lookupCamera: (id) => inventory.camera(id),
    authorize: (token) => auth.authorizeVideo(token) ?? displays.authorizeVideo(token),
    onView: viewRecorder({
      registry,
      tags,
      wallViewer: (cameraId) => localWall.viewerOf(cameraId),
    }),
    ...(o.stallMs !== undefined && { stallMs: o.stallMs }),
    ...(o.idleMs !== undefined && { idleMs: o.idleMs }),
    onCameraStatus: (id, statuses) => {
      const c = cameraState(statuses);
      statusHistory.record(id, c.state, c.reason);
    },
  });
  const endpoint = await gateway.listen();
  const gw = gateway;
  const actor = (clientId: string): RegistryActor | null => auth.actor(clientId);

  let wasDemo = inventory.view().demo;
  inventory.onChange((view) => {
    // Any inventory change ends the demo sessions: no demo rights over real cameras.
    auth.endDemoSessions();
    gw.refresh();
    events.emit('cameras:changed', view);
    events.emit('layout:changed', layout.onInventory(ids(), wasDemo && !view.demo));
    wasDemo = view.demo;
    localWall.inventoryChanged();
  });
  const wallSettings = new WallSettingsStore(o.dataDir);
  const wallDesk = new WallDesk(
    o.wallController?.(localWall) ?? localWall,
    new WallPresets(o.dataDir),
    displays,
    registry,
    events,
  );
  displays.onLeave(() => wallDesk.push());

  const post = o.ptz?.post ?? os.hostname();
  const ptzOpened = await openPtz(
    { ...o.ptz, post },
    {
      ...{ dataDir: o.dataDir, registry, push: events, tag: (id: number) => tags.lease(id) },
      camera: (id) => inventory.camera(id),
      credential: (ref) => credentials.get(ref) ?? undefined,
    },
  );
  if (!ptzOpened.ok) {
    await gw.close();
    statusHistory.close();
    throw new Error(`PTZ : ${ptzOpened.error.code} ${JSON.stringify(ptzOpened.error.params ?? {})}`);
  }
  const { service: ptzService, leases: ptzLeases } = ptzOpened.value;
  ptz = ptzService;
  const operations = composeOperations({
    ...{ dataDir: o.dataDir, registry, events, wall: wallDesk, inventory, auth, post, jobs, tags },
  });
  const handlers: Handlers = {
    ...appHandlers(o, inventory),
    ...authHandlers(auth, () => inventory.view().demo && demoAllowed()),
    ...operatorsHandlers(auth),
    ...camerasHandlers(inventory, actor, (fileName, bytes, inForce) =>
      jobs.run('cameras.check', { fileName, bytes, inForce: [...inForce] }, { deadlineMs: IMPORT_CHECK_MS }),
    ),
    ...layoutHandlers(layout, ids, events),
    ...streamsHandlers(gw, endpoint.url, (id) => auth.videoToken(id)),
    ...registryHandlers(registry, o.dataDir, actor, { runner: jobs, events }),
    ...ptzHandlers(() => ptzService, auth),
    ...wallHandlers({
      desk: wallDesk,
      settings: wallSettings,
      registry,
      actor,
      inventory: () => inventory.view(),
      statuses: () => gw.statuses(),
      videoUrl: endpoint.url,
      screens: o.wallScreens ?? (() => []),
    }),
    ...selftestHandlers(
      selftestDeps({
        post,
        version: o.version,
        host: o.host,
        registry,
        inventory,
        ffmpegPath,
        credentials,
        ntp: o.ntp,
        ptz: o.ptz ?? {},
        screens: o.wallScreens,
        wallDisplay: () => wallSettings.get().display,
        wall: wallDesk.controller,
      }),
      o.dataDir,
      actor,
    ),
    ...operations.handlers,
  };
  // Any invoke from a client is activity (its inactivity clock restarts), then its right is checked.
  // A well-formed call to a heavy channel then spends its client's rate limit (main/ipc/rate-limit.ts).
  const limits = new RateLimiter();
  const router = new Router(
    handlers,
    (channel, ctx) => {
      auth.touch(ctx.clientId);
      return auth.check(ctx.clientId, CHANNEL_ACCESS[channel]);
    },
    (channel, ctx) => (limits.take(ctx.clientId, channel) ? null : err('too_many_requests')),
  );

  return {
    router,
    events,
    gateway: gw,
    inventory,
    auth,
    registry,
    wall: wallDesk,
    wallSettings,
    wallKioskUrl: (origin) => displays.kioskUrl(origin),
    close: async () => {
      clearInterval(sweep);
      operations.close(); // before the wall and the registry they use
      await ptzService.close(); // every camera stops before the post goes
      await ptzLeases.close();
      wallDesk.close();
      await wallDesk.controller.close();
      await localWall.close();
      await gw.close();
      statusHistory.close();
      await jobs.close();
      registry.close();
      operators.close();
    },
  };
}
