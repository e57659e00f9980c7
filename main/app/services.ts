/**
 * Composition root of the plain-Node services. Electron and the browser host both call this:
 * neither has a line of business logic of its own. It is a list: the platform, then each domain's
 * module in the order they depend on each other, merged; they close in reverse.
 */
import os from 'node:os';
import path from 'node:path';
import { createPtz } from '../control/ptz/ptz-module';
import { createContacts } from '../desk/contacts/contacts-handlers';
import { createIncidents } from '../desk/incidents/incidents-handlers';
import { createInstructions } from '../desk/instructions/instructions-module';
import { createMap } from '../desk/map/map-module';
import { OperationTags } from '../desk/operations/operation-tags';
import { createOperations } from '../desk/operations/operations-module';
import { composeModules, resource } from '../platform/ipc/module';
import { EventHub, Router } from '../platform/ipc/router';
import { Signal } from '../platform/signal';
import { createAuth } from '../records/auth/auth-module';
import { startRegistry } from '../records/registry/open-registry';
import { createRegistry } from '../records/registry/registry-handlers';
import { createReport } from '../records/report/report-handlers';
import { createCameras, openInventory } from '../video/cameras/cameras-module';
import { CredentialStore } from '../video/cameras/credentials';
import { createMosaic } from '../video/mosaic/mosaic-module';
import { keptCameras } from '../video/streams/kept-cameras';
import { createStreams } from '../video/streams/streams-module';
import { loadOrCreateWallKey, WallDisplays, wallPagePushes } from '../video/wall/wall-displays';
import { createLocalWall, createWall } from '../video/wall/wall-module';
import { createApp } from './app-module';
import { postJobRunner } from './post-jobs';
import { openDemo } from './demo/demo-peer';
import { createSelftest } from './selftest/selftest-module';
import { openStores } from './stores';

import type { Services, ServicesOptions } from './services-shape';

export type { Services, ServicesOptions };

export async function createServices(o: ServicesOptions): Promise<Services> {
  const { dataDir } = o;
  // A channel or a push declared twice or by no module, or a module that cannot start: the post
  // does not start, and lets go of its sockets and timers (main/app/modules.test.ts).
  const { built: s, modules } = await composeModules(async (use) => {
    // The platform: the registry, pushes, worker jobs, camera credentials, the records' stores.
    const post = o.ptz?.post ?? os.hostname();
    const registry = startRegistry({ ...o, store: o.store ? { url: o.store, post } : undefined });
    use(resource(() => registry.close()));
    const events = new EventHub();
    const jobs = postJobRunner(dataDir, registry.keys);
    use(resource(() => jobs.close()));
    const credentials = CredentialStore.inDir(dataDir);
    const stores = await openStores(dataDir, o.store);
    use(resource(() => stores.close()));
    const fonts = path.join(o.assetsDir, 'fonts'); // the PDFs' (report, self-test)
    const videoRevoked = new Signal<[videoToken: string]>(); // a session's or a wall page's rights end
    const tags = new OperationTags(); // special operations tag viewing and PTZ entries

    // Accounts and cameras. The demo exists only on a post never set up (no account yet), or with --demo.
    const operators = stores.operators();
    const demoAllowed = (): boolean => o.demo === true || operators.count() === 0;
    const inventory = await openInventory({ ...o, registry, demoAllowed: demoAllowed() });
    const demo = (): boolean => inventory.view().demo && demoAllowed();
    // Demo mode: its PTZ cameras really move (an ONVIF peer and their picture), and a CSU receives.
    const steer = await openDemo(o, inventory);
    if (steer) use(resource(() => steer.close()));
    const displays = new WallDisplays(loadOrCreateWallKey(dataDir), (t) => videoRevoked.emit(t));
    const auth = use(createAuth({ ...o, store: operators, registry, events, demo, displays, videoRevoked }));
    const actor = auth.service.actor.bind(auth.service);
    const base = { dataDir, registry, events, actor };
    use(createApp({ ...o, demo: () => inventory.view().demo }));
    use(createCameras({ ...base, inventory, jobs, endDemoSessions: () => auth.service.endDemoSessions() }));
    const mosaic = use(createMosaic({ ...base, inventory }));

    // Video: the wall on this PC, the streams, then the console's wall (here or on a rack PC).
    const local = use(createLocalWall({ dataDir, inventory }));
    const wallController = o.wallController?.(local.controller) ?? local.controller;
    const streams = use(
      await createStreams({
        ...{ ...o, ...base, credentials, inventory, videoRevoked, tags, history: stores.statusHistory() },
        authorize: (token) => auth.service.authorizeVideo(token) ?? displays.authorizeVideo(token),
        videoToken: (clientId) => auth.service.videoToken(clientId),
        wallViewer: (cameraId) => local.controller.viewerOf(cameraId),
        ...(steer && { demoFeed: steer.feed }),
        kept: keptCameras(mosaic, wallController),
      }),
    );
    const wall = use(
      createWall({
        ...{ ...base, displays, presets: stores.wallPresets(), display: await o.wallDisplay?.(registry) },
        controller: wallController,
        inventory: () => inventory.view(),
        statuses: () => streams.gateway.statuses(),
        videoUrl: streams.url,
        screens: o.wallScreens ?? (() => []),
      }),
    );

    // Control, records, the self-test.
    const camera = (id: number) => (steer ? steer.ptzCamera(inventory.camera(id)) : inventory.camera(id));
    const ptzOptions = {
      ...o.ptz,
      post,
      ...(steer && !o.ptz?.csuWebhook && { csuWebhook: steer.csuWebhook }),
    };
    const credential = (ref: string | undefined) => credentials.get(ref) ?? undefined;
    const tag = (id: number) => tags.lease(id);
    use(await createPtz({ ...base, options: ptzOptions, camera, credential, tag, auth }));
    use(createRegistry({ ...base, runner: jobs }));
    use(
      createSelftest({
        ...{ ...o, ...base, fonts, post, inventory, credentials, ptz: ptzOptions, screens: o.wallScreens },
        ffmpegPath: streams.ffmpegPath,
        wallDisplay: () => wall.settings.get().display,
        wall: wall.desk.controller,
      }),
    );

    // The CIC's desk: instructions, incident reports, contacts, special operations, map, report.
    const knownCamera = (id: number): boolean => inventory.camera(id) !== undefined;
    const instructions = use(createInstructions({ ...base, store: stores.instructions(), jobs }));
    const categories = (): string[] => instructions.categories();
    use(createIncidents({ ...base, store: stores.incidents(), categories, knownCamera }));
    use(createContacts({ ...base, store: stores.contacts() }));
    const ops = { store: stores.operations(), wall: wall.desk, knownCamera, auth: auth.service, tags };
    use(createOperations({ ...base, ...ops }));
    use(createMap({ ...base, jobs }));
    use(createReport({ ...base, post, cameras: () => inventory.cameras(), runner: jobs, fonts }));
    return { events, registry, inventory, auth: auth.service, displays, gateway: streams.gateway, wall };
  });
  // Any invoke from a client is activity (its inactivity clock restarts), then its right is checked.
  const router = new Router(modules.defs, (access, ctx) => {
    s.auth.touch(ctx.clientId);
    return s.auth.check(ctx.clientId, access);
  });
  // A wall page gets only what shows its tiles; anyone else what their rights allow.
  const mayReceive = wallPagePushes(s.displays, (clientId, event, target) =>
    s.auth.mayReceive(clientId, modules.events[event], target),
  );
  return {
    ...{ router, events: s.events, mayReceive, modules, gateway: s.gateway, inventory: s.inventory },
    ...{ auth: s.auth, registry: s.registry, wall: s.wall.desk, wallSettings: s.wall.settings },
    wallKioskUrl: (origin) => s.displays.kioskUrl(origin),
    close: () => modules.close(),
  };
}
