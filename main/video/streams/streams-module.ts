/**
 * The streams' module: the video gateway (its socket, one relay per camera and stream), what it
 * records (viewing sessions, the cameras' state changes) and its channels.
 */
import type { ChannelsOf, EventsOf } from '../../../common/contract';
import type { Module } from '../../platform/ipc/module';
import type { EventSink } from '../../platform/ipc/router';
import { createLogger } from '../../platform/log/logger';
import type { Signal } from '../../platform/signal';
import type { Registry, RegistryActor } from '../../records/registry/registry';
import type { CredentialStore } from '../cameras/credentials';
import type { Camera } from '../cameras/inventory-schema';
import { locateFfmpeg, rtspTimeoutOption } from './ffmpeg-locate';
import { StreamGateway } from './gateway';
import type { ViewerIdentity } from './gateway-request';
import type { KeptCameras } from './kept-cameras';
import { cameraState, type StatusHistoryStore } from './status-history';
import { streamsEvents, streamsHandlers } from './streams-handlers';
import { viewRecorder, type ViewRecordDeps } from './view-record';

const log = createLogger('services');

export interface StreamsDeps {
  /** `--ffmpeg`, else VIGIE_FFMPEG, else the one shipped in `resourcesDir`, else the PATH's. */
  ffmpegPath?: string | undefined;
  resourcesDir?: string | undefined;
  credentials: CredentialStore;
  events: EventSink;
  inventory: { camera(id: number): Camera | undefined; onChange(l: () => void): () => void };
  /** Who a video token belongs to: a console's session, or a wall page's. */
  authorize: (token: string) => ViewerIdentity | null;
  /** A client's video token, when its session may see images. */
  videoToken: (clientId: string) => string | null;
  /** Tokens whose rights ended: their viewers close. */
  videoRevoked: Signal<[videoToken: string]>;
  registry: Registry;
  tags: ViewRecordDeps['tags'];
  /** A wall tile's viewing names the operator who put the camera there. */
  wallViewer: (cameraId: number) => RegistryActor | null;
  history: StatusHistoryStore;
  stallMs?: number | undefined;
  idleMs?: number | undefined;
  /** Demo mode: the steerable demo camera's picture. */
  demoFeed?: (cam: Camera) => string | undefined;
  /** Recently viewed streams kept flowing with no viewer (`--keep-streams`; the gateway's default). */
  keepStreams?: number | undefined;
  /** The post's mosaic and wall cameras, kept flowing whatever their recency. */
  kept?: KeptCameras;
}

export interface StreamsModule extends Module<ChannelsOf<'streams'>, EventsOf<'streams'>> {
  gateway: StreamGateway;
  /** The video socket's address. */
  url: string;
  ffmpegPath: string;
}

export async function createStreams(d: StreamsDeps): Promise<StreamsModule> {
  const ffmpegPath = locateFfmpeg(d.ffmpegPath ?? process.env.VIGIE_FFMPEG, d.resourcesDir);
  const rtspTimeout = await rtspTimeoutOption(ffmpegPath);
  log.info(`ffmpeg: ${ffmpegPath}${rtspTimeout === '-stimeout' ? ' (before ffmpeg 5: -stimeout)' : ''}`);
  const gateway = new StreamGateway({
    ffmpegPath,
    rtspTimeout,
    credentials: d.credentials,
    events: d.events,
    lookupCamera: (id) => d.inventory.camera(id),
    authorize: d.authorize,
    onView: viewRecorder({ registry: d.registry, tags: d.tags, wallViewer: d.wallViewer }),
    ...(d.stallMs !== undefined && { stallMs: d.stallMs }),
    ...(d.idleMs !== undefined && { idleMs: d.idleMs }),
    ...(d.demoFeed && { demoFeed: d.demoFeed }),
    ...(d.keepStreams !== undefined && { keepStreams: d.keepStreams }),
    ...(d.kept && { pinned: d.kept.cameras }),
    onCameraStatus: (id, statuses) => {
      const c = cameraState(statuses);
      d.history.record(id, c.state, c.reason);
    },
  });
  const stopRevoked = d.videoRevoked.on((token) => gateway.revoke(token));
  const stopInventory = d.inventory.onChange(() => gateway.refresh());
  const stopKept = d.kept?.onChange(() => gateway.keptChanged());
  const close = async (): Promise<void> => {
    stopRevoked();
    stopInventory();
    stopKept?.();
    await gateway.close();
    d.history.close();
  };
  const endpoint = await gateway.listen().catch(async (e: unknown) => {
    await close();
    throw e;
  });
  return {
    gateway,
    url: endpoint.url,
    ffmpegPath,
    handlers: streamsHandlers({ gateway, url: endpoint.url, videoToken: d.videoToken }),
    events: streamsEvents,
    close,
  };
}
