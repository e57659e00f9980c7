/**
 * The one typed contract between main and every renderer (Electron IPC or the browser host's
 * WebSocket). Pure TypeScript + zod: imported by main, preload and renderer alike.
 * Invokes are `domain:verb`, validated by their schema in main; pushes are events.
 */
import { z } from 'zod';
import type { AppError, Result } from './result';

export const LAYOUTS = ['1', '2x2', '3x3', '4x4', '1+5', '1+7'] as const;
export type LayoutName = (typeof LAYOUTS)[number];
export const MAX_TILES = 16;

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

export const ROLE_NAMES = ['viewer', 'ptz', 'supervisor', 'head', 'technician'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];
export type PermissionName = 'view' | 'ptz' | 'inventory' | 'registry' | 'registry.admin' | 'operators';

export interface SessionView {
  login: string;
  name: string;
  rank: string;
  service: string;
  role: RoleName;
  locked: boolean;
  demo: boolean;
  permissions: PermissionName[];
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
  role: RoleName;
  validFrom: string;
  validUntil: string;
  grantedBy: string;
  failedAttempts: number;
  lockedUntil: string | null;
}

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

export interface RegistryPage {
  entries: RegistryEntryView[];
  sessions: ViewingSessionView[];
}

export type VerifyView =
  | { ok: true; rows: number; head: { seq: number; mac: string } | null }
  | { ok: false; rows: number; firstBadSeq: number; problem: string };

const cameraId = z.number().int().positive().max(999_999);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date AAAA-MM-JJ attendue');
const registryFilter = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  login: z.string().max(40).optional(),
  cameraId: cameraId.optional(),
});
export type RegistryFilterInput = z.infer<typeof registryFilter>;

/** Request schemas: main validates every payload against these before any handler runs. */
export const requestSchemas = {
  'app:info': z.undefined(),
  'cameras:list': z.undefined(),
  'cameras:preview-import': z.strictObject({
    fileName: z.string().min(1).max(260),
    content: z.string().max(5_000_000),
  }),
  'cameras:apply-import': z.strictObject({ previewId: z.string().min(1).max(64) }),
  'cameras:history': z.undefined(),
  'layout:get': z.undefined(),
  'layout:set': z.strictObject({
    layout: z.enum(LAYOUTS),
    tiles: z.array(cameraId.nullable()).length(MAX_TILES),
    fullRate: z.boolean().optional(),
  }),
  'streams:endpoint': z.undefined(),
  'streams:statuses': z.undefined(),
  'auth:status': z.undefined(),
  'auth:login': z.strictObject({ login: z.string().min(1).max(40), password: z.string().min(1).max(200) }),
  'auth:logout': z.undefined(),
  'auth:lock': z.strictObject({ reason: z.enum(['inactivity', 'manual']) }),
  'auth:unlock': z.strictObject({ password: z.string().min(1).max(200) }),
  'operators:list': z.undefined(),
  'operators:save': z.strictObject({
    login: z.string().min(2).max(40),
    name: z.string().min(1).max(120),
    rank: z.string().min(1).max(80),
    service: z.string().min(1).max(120),
    badge: z.string().max(40),
    role: z.enum(ROLE_NAMES),
    validFrom: isoDate,
    validUntil: isoDate,
    password: z.string().max(200).optional(),
  }),
  'registry:query': registryFilter,
  'registry:export': registryFilter.extend({ format: z.enum(['csv', 'pdf']) }),
  'registry:verify': z.undefined(),
  'registry:checkpoint': z.undefined(),
  'registry:requisition': z.strictObject({
    number: z.string().min(1).max(80),
    authority: z.string().min(1).max(200),
    officer: z.string().min(1).max(200),
    cameras: z.array(cameraId).min(1).max(200),
    slots: z.string().min(1).max(500),
    copyRequested: z.boolean(),
  }),
} as const;

export interface ResponseMap {
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
  'operators:list': OperatorView[];
  'operators:save': OperatorView;
  'registry:query': RegistryPage;
  'registry:export': { file: string };
  'registry:verify': VerifyView;
  'registry:checkpoint': { file: string };
  'registry:requisition': RegistryEntryView;
}

export type Channel = keyof typeof requestSchemas;
export type RequestOf<C extends Channel> = z.infer<(typeof requestSchemas)[C]>;
export type ResponseOf<C extends Channel> = ResponseMap[C];

export interface EventMap {
  'streams:status': StreamStatus;
  'cameras:changed': InventoryView;
  'layout:changed': LayoutState;
}
export type EventName = keyof EventMap;
export const EVENT_NAMES: readonly EventName[] = ['streams:status', 'cameras:changed', 'layout:changed'];
export const CHANNELS = Object.keys(requestSchemas) as Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(requestSchemas, value);
}
export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value);
}

/** The API object the preload (or the WebSocket bridge) gives the renderer. */
export interface VigieApi {
  invoke<C extends Channel>(channel: C, payload?: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
}
