/**
 * The one typed contract between main and every renderer (Electron IPC or the browser host's
 * WebSocket). Pure TypeScript, no zod and no Node: imported by main, preload and renderer alike.
 * Invokes are `domain:verb`; main validates each payload with its schema (main/ipc/schemas.ts).
 */
import type { AppError, Result } from './result';
import type { Permission, Role } from './roles';
import {
  PTZ_CHANNELS,
  PTZ_EVENTS,
  type PtzEventMap,
  type PtzRequestMap,
  type PtzResponseMap,
} from './contract-ptz';
import {
  WALL_CHANNEL_SET,
  WALL_EVENT_SET,
  type WallEventMap,
  type WallRequestMap,
  type WallResponseMap,
} from './contract-wall';
import { SELFTEST_CHANNELS, type SelftestRequestMap, type SelftestResponseMap } from './contract-selftest';
import {
  DOCS_CHANNELS,
  DOCS_EVENTS,
  type DocsEventMap,
  type DocsRequestMap,
  type DocsResponseMap,
} from './contract-docs';
import {
  OPERATIONS_CHANNELS,
  OPERATIONS_EVENTS,
  type OperationsEventMap,
  type OperationsRequestMap,
  type OperationsResponseMap,
} from './contract-operations';
import {
  MAP_CHANNELS,
  MAP_EVENTS,
  type MapEventMap,
  type MapRequestMap,
  type MapResponseMap,
} from './contract-map';
import {
  REPORT_CHANNELS,
  REPORT_EVENTS,
  type ReportEventMap,
  type ReportRequestMap,
  type ReportResponseMap,
} from './contract-report';
import { JOBS_EVENTS, type JobsEventMap } from './contract-jobs';
export type { JobProgressView } from './contract-jobs';

export const LAYOUTS = ['1', '2x2', '3x3', '4x4', '1+5', '1+7'] as const;
export type LayoutName = (typeof LAYOUTS)[number];
export const MAX_TILES = 16;
/** Camera files: a byte limit whose base64 form stays well under the 8 MiB socket limit. */
export const MAX_IMPORT_BYTES = 4 * 1024 * 1024;

export const STREAM_STATES = ['connecting', 'playing', 'stalled', 'reconnecting', 'offline'] as const;
export type StreamState = (typeof STREAM_STATES)[number];
export const OFFLINE_REASONS = ['unreachable', 'auth', 'codec', 'ended', 'error'] as const;
export type OfflineReason = (typeof OFFLINE_REASONS)[number];

export type StreamKind = 'main' | 'sub';
/** annexb: zero-transcode H.264/H.265 access units (WebCodecs); mpeg1: baseline transcode (jsmpeg). */
export type VideoFormat = 'annexb' | 'mpeg1';

/** What the renderer may know of a camera: never its URLs nor credentials. */
export interface CameraView {
  id: number;
  name: string;
  site: string;
  zone: string;
  hasSub: boolean;
  ptz: 'onvif' | 'pelco-d' | null;
  lat?: number;
  lon?: number;
}

/** One problem in a camera file, located precisely enough for an operator to fix it. */
export interface InventoryProblem {
  /** 1-based line in a CSV file, or 1-based entry in a JSON file. */
  line?: number;
  entry?: number;
  cameraId?: number;
  field: string;
  code: string;
  /** French, for logs and the CLI; the console translates `code`. */
  message: string;
}

export interface InventoryView {
  cameras: CameraView[];
  demo: boolean;
  source: string;
  loadedAt: string;
  /** Set when the last load attempt failed and the previous inventory stayed in force. */
  lastError: AppError | null;
}

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}
export interface InventoryDiff {
  added: CameraView[];
  removed: CameraView[];
  changed: { id: number; name: string; changes: FieldChange[] }[];
}
export interface ImportPreview {
  previewId: string;
  fileName: string;
  count: number;
  diff: InventoryDiff;
}
export interface InventoryChange {
  at: string;
  source: string;
  diff: InventoryDiff;
}

export interface LayoutState {
  layout: LayoutName;
  /** Always MAX_TILES long; the layout decides how many are visible. */
  tiles: (number | null)[];
  /** Small tiles show every frame too (by default they show one in two). Saved for this post. */
  fullRate?: boolean;
}

export interface StreamStatus {
  key: string;
  cameraId: number;
  stream: StreamKind;
  format: VideoFormat;
  state: StreamState;
  reason: OfflineReason | null;
  /** Epoch ms of the last data received from the camera. */
  lastFrameAt: number | null;
  codec: string | null;
  width: number | null;
  height: number | null;
}

export interface VideoEndpoint {
  url: string;
  token: string;
}

export interface AppInfo {
  version: string;
  host: 'electron' | 'browser';
  demo: boolean;
}

export interface SessionView {
  login: string;
  name: string;
  rank: string;
  service: string;
  role: Role;
  locked: boolean;
  demo: boolean;
  permissions: Permission[];
  lockAfterSeconds: number;
}

export interface AuthStatus {
  session: SessionView | null;
  demoAvailable: boolean;
}

export interface OperatorView {
  login: string;
  name: string;
  rank: string;
  service: string;
  badge: string;
  role: Role;
  validFrom: string;
  validUntil: string;
  grantedBy: string;
  failedAttempts: number;
  lockedUntil: string | null;
}

/** Every event the registry records; its label lives in the catalogues (and in French for exports). */
export const REGISTRY_EVENTS = [
  'auth.login',
  'auth.logout',
  'auth.login_failed',
  'auth.locked_out',
  'auth.lock',
  'auth.unlock',
  'auth.unlock_failed',
  'view.start',
  'view.end',
  'inventory.change',
  'operator.create',
  'operator.update',
  'registry.consult',
  'registry.export',
  'registry.verify',
  'registry.checkpoint',
  'registry.purge',
  'registry.init',
  'requisition',
  'app.start',
  'display.command',
  'wall.link_refused',
  'wall.layout',
  'wall.tile',
  'wall.push',
  'wall.preset',
  'wall.preset_save',
  'wall.tour',
  'wall.settings',
  'update.accept',
  'update.refuse',
  'selftest.run',
  'ptz.request',
  'ptz.notify',
  'ptz.grant',
  'ptz.refuse',
  'ptz.override',
  'ptz.extend',
  'ptz.release',
  'ptz.expire',
  'ptz.preempt',
  'instructions.import',
  'incident.report',
  'contacts.change',
  'operation.start',
  'operation.extend',
  'operation.due',
  'operation.close',
  'map.import',
  'report.generate',
] as const;
export type RegistryEventType = (typeof REGISTRY_EVENTS)[number];

export interface RegistryEntryView {
  seq: number;
  at: string;
  type: string;
  login: string;
  name: string;
  rank: string;
  service: string;
  cameraId: number | null;
  surface: string | null;
  data: string;
}

export interface ViewingSessionView {
  cameraId: number | null;
  surface: string | null;
  login: string;
  name: string;
  rank: string;
  service: string;
  start: string;
  end: string | null;
}

/** One page of entries, newest first (keyset on seq: `before` pages older, `after` newer). */
export interface RegistryPage {
  entries: RegistryEntryView[];
  /** Entries matching the filter, every page together. */
  total: number;
  hasNewer: boolean;
  hasOlder: boolean;
}
export const REGISTRY_PAGE_SIZE = 100;

export interface RegistryQueryInput extends RegistryFilterInput {
  before?: number;
  after?: number;
  /** The newest entry when the search was made: pages stay those of that moment. */
  upTo?: number;
}

/** A time slot viewed: one camera, one operator, its sessions merged where they overlap or touch. */
export interface ViewedSlotView {
  cameraId: number | null;
  login: string;
  name: string;
  rank: string;
  service: string;
  start: string;
  /** An open slot (a session still running) ends now. */
  end: string;
  open: boolean;
  sessions: number;
}

/** Merged slots, newest first, one page; and the newest viewing sessions as they were recorded. */
export interface RegistrySlotsPage {
  slots: ViewedSlotView[];
  /** 0-based page, and how many pages the filter gives. */
  page: number;
  pages: number;
  total: number;
  sessions: ViewingSessionView[];
}

/** What a registry verification can find wrong; the renderer and the CLI each put it in words. */
export const VERIFY_PROBLEMS = [
  'missing', // an entry is missing from the chain
  'altered', // an entry's MAC does not match
  'wiped', // the registry's first entry is gone (emptied or re-created without its key)
  'anchor-unproven', // the retention anchor is not the one the last chained purge recorded
  'checkpoint-unreadable',
  'checkpoint-foreign-key', // signed with a key that is not this post's
  'checkpoint-signature',
  'checkpoint-before-anchor', // the checkpoint's entry has been purged: it proves nothing any more
  'checkpoint-truncated', // entries the checkpoint vouched for are gone
  'checkpoint-mismatch',
] as const;
export type VerifyProblem = (typeof VERIFY_PROBLEMS)[number];

/** Entries `first` to `last` (the same for one entry) share one problem. */
export interface VerifyRange {
  first: number;
  last: number;
  problem: VerifyProblem;
  /** For checkpoint problems: the checkpoint's entry number, and how many entries are missing. */
  checkpointSeq?: number;
  missing?: number;
}

/** How many of the chain's altered or missing ranges a verification lists; it counts them all. */
export const VERIFY_RANGES_LISTED = 10;

export type VerifyView =
  | { ok: true; rows: number; head: { seq: number; mac: string } | null }
  | ({
      ok: false;
      rows: number;
      /** The first range listed, for callers that name one problem. */
      firstBadSeq: number;
      /**
       * Every range found, counted; listed: the chain's first ten (in entry order), then any problem
       * of the registry as a whole (its anchor, a checkpoint), which is never left out.
       */
      rangeCount: number;
      ranges: VerifyRange[];
    } & Omit<VerifyRange, 'first' | 'last'>);

export interface RegistryFilterInput {
  /** AAAA-MM-JJ */
  from?: string;
  to?: string;
  login?: string;
  cameraId?: number;
}

/** An account as the head of service saves it: its identity and rights, and a password when set. */
export type OperatorInput = Pick<
  OperatorView,
  'login' | 'name' | 'rank' | 'service' | 'badge' | 'role' | 'validFrom' | 'validUntil'
> & { password?: string };

export interface RequisitionInput {
  number: string;
  authority: string;
  officer: string;
  cameras: number[];
  slots: string;
  copyRequested: boolean;
}

/** What each invoke takes. */
export interface RequestMap
  extends
    PtzRequestMap,
    WallRequestMap,
    SelftestRequestMap,
    DocsRequestMap,
    OperationsRequestMap,
    MapRequestMap,
    ReportRequestMap {
  'app:info': undefined;
  'cameras:list': undefined;
  /** The file's bytes, base64: main detects their encoding (main/cameras/inventory-decode.ts). */
  'cameras:preview-import': { fileName: string; contentBase64: string };
  'cameras:apply-import': { previewId: string };
  'cameras:history': undefined;
  'layout:get': undefined;
  'layout:set': LayoutState;
  'streams:endpoint': undefined;
  'streams:statuses': undefined;
  'auth:status': undefined;
  'auth:login': { login: string; password: string };
  'auth:logout': undefined;
  'auth:lock': { reason: 'inactivity' | 'manual' };
  'auth:unlock': { password: string };
  'auth:activity': undefined;
  'operators:list': undefined;
  'operators:save': OperatorInput;
  'registry:query': RegistryQueryInput;
  'registry:slots': RegistryFilterInput & { page?: number };
  'registry:export': RegistryFilterInput & { format: 'csv' | 'pdf' };
  'registry:verify': undefined;
  'registry:checkpoint': undefined;
  'registry:requisition': RequisitionInput;
}

export interface ResponseMap
  extends
    PtzResponseMap,
    WallResponseMap,
    SelftestResponseMap,
    DocsResponseMap,
    OperationsResponseMap,
    MapResponseMap,
    ReportResponseMap {
  'app:info': AppInfo;
  'cameras:list': InventoryView;
  'cameras:preview-import': ImportPreview;
  'cameras:apply-import': InventoryView;
  'cameras:history': InventoryChange[];
  'layout:get': LayoutState;
  'layout:set': LayoutState;
  'streams:endpoint': VideoEndpoint;
  'streams:statuses': StreamStatus[];
  'auth:status': AuthStatus;
  'auth:login': SessionView;
  'auth:logout': null;
  'auth:lock': SessionView;
  'auth:unlock': SessionView;
  'auth:activity': null;
  'operators:list': OperatorView[];
  'operators:save': OperatorView;
  'registry:query': RegistryPage;
  'registry:slots': RegistrySlotsPage;
  'registry:export': { file: string };
  'registry:verify': VerifyView;
  'registry:checkpoint': { file: string };
  'registry:requisition': RegistryEntryView;
}

export type Channel = keyof RequestMap;
export type RequestOf<C extends Channel> = RequestMap[C];
export type ResponseOf<C extends Channel> = ResponseMap[C];

/** Every channel once: a missing or extra one is a type error. */
const CHANNEL_SET: { [C in Channel]: true } = {
  ...WALL_CHANNEL_SET,
  'app:info': true,
  'cameras:list': true,
  'cameras:preview-import': true,
  'cameras:apply-import': true,
  'cameras:history': true,
  'layout:get': true,
  'layout:set': true,
  'streams:endpoint': true,
  'streams:statuses': true,
  'auth:status': true,
  'auth:login': true,
  'auth:logout': true,
  'auth:lock': true,
  'auth:unlock': true,
  'auth:activity': true,
  'operators:list': true,
  'operators:save': true,
  'registry:query': true,
  'registry:slots': true,
  'registry:export': true,
  'registry:verify': true,
  'registry:checkpoint': true,
  'registry:requisition': true,
  ...PTZ_CHANNELS,
  ...SELFTEST_CHANNELS,
  ...DOCS_CHANNELS,
  ...OPERATIONS_CHANNELS,
  ...MAP_CHANNELS,
  ...REPORT_CHANNELS,
};
export const CHANNELS = Object.keys(CHANNEL_SET) as Channel[];
/** The channels of one domain, derived from the contract (`registry` → `registry:query` | …). */
export type ChannelsOf<D extends string> = Extract<Channel, `${D}:${string}`>;

export interface EventMap
  extends
    PtzEventMap,
    WallEventMap,
    DocsEventMap,
    OperationsEventMap,
    MapEventMap,
    ReportEventMap,
    JobsEventMap {
  'streams:status': StreamStatus;
  'cameras:changed': InventoryView;
  'layout:changed': LayoutState;
  /** This client's own session changed in main (locked, demoted, expired, ended): re-read it. */
  'auth:session': SessionView | null;
}
export type EventName = keyof EventMap;
const EVENT_SET: { [E in EventName]: true } = {
  ...WALL_EVENT_SET,
  'streams:status': true,
  'cameras:changed': true,
  'layout:changed': true,
  'auth:session': true,
  ...PTZ_EVENTS,
  ...DOCS_EVENTS,
  ...OPERATIONS_EVENTS,
  ...MAP_EVENTS,
  ...REPORT_EVENTS,
  ...JOBS_EVENTS,
};
export const EVENT_NAMES = Object.keys(EVENT_SET) as EventName[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(CHANNEL_SET, value);
}
export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(EVENT_SET, value);
}

/** The API object the preload (or the WebSocket bridge) gives the renderer. */
export interface VigieApi {
  invoke<C extends Channel>(channel: C, payload?: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
}
