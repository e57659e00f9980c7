/**
 * Test fixture: two days of a post's life, played through the product's own services into a data
 * folder, so the annual report is computed from what the post really writes (never hand-written
 * rows). Viewing goes through the real stream gateway and the recorder services.ts gives it; PTZ
 * takeovers through the lease service on its SQLite store and a loopback CSU webhook; special
 * operations through the operations service on its store; incidents and requisitions through their
 * contract handlers; camera states through the status history the gateway feeds.
 *
 * The registry stamps each entry with the current time, so the scenario freezes `Date` and moves it
 * step by step (the operations service's timer follows on a manual clock). Times are local, as the
 * report's periods are: `day(d, h, m, s)` is March d, 2026. The figures it must give for the period
 * of March 2 and 3 are in EXPECTED.
 */
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { CredentialStore } from '../../main/video/cameras/credentials';
import { SqliteIncidentStore } from '../../main/desk/incidents/incident-store';
import { incidentsHandlers } from '../../main/desk/incidents/incidents-handlers';
import { EventHub } from '../../main/platform/ipc/router';
import { postJobRunner } from '../../main/app/post-jobs';
import { OperationTags } from '../../main/desk/operations/operation-tags';
import { OperationsService } from '../../main/desk/operations/operations-service';
import { SqliteOperationStore } from '../../main/desk/operations/operations-store';
import { ManualClock } from '../desk/operations-clock';
import { startHook } from '../control/csu-peers';
import { createCsuNotifier } from '../../main/control/lease/csu-notifier';
import { LeaseService } from '../../main/control/lease/lease-service';
import { SqliteLeaseStore } from '../../main/control/lease/sqlite-store';
import type { LeaseRequester } from '../../main/control/lease/types';
import { openRegistry } from '../../main/records/registry/open-registry';
import type { RegistryActor } from '../../main/records/registry/registry';
import { registryHandlers } from '../../main/records/registry/registry-handlers';
import { StreamGateway, type ViewEvent } from '../../main/video/streams/gateway';
import { StatusHistory } from '../../main/video/streams/status-history';
import { viewRecorder } from '../../main/video/streams/view-record';

/** March d, 2026, local time. */
export const day = (d: number, h = 0, m = 0, s = 0): number => new Date(2026, 2, d, h, m, s).getTime();

export const AGENT: RegistryActor = {
  login: 'agent',
  name: 'Léa Moreau',
  rank: 'Gardienne de la paix',
  service: 'CIC Nord',
};
export const SUPERVISOR: RegistryActor = {
  login: 'chef',
  name: 'Marc Petit',
  rank: 'Commandant',
  service: 'CIC',
};
export const OPERATION_NAME = 'Recherche « Léa »';

/** What the report must say for March 2 and 3 (see the timeline in playReportScenario). */
export const EXPECTED = {
  /** Camera 1: 12 h observed, 10 playing; 2: 6 h, all playing; 3: 3 h, 2 playing; 4: 15 s. */
  availability: { 1: [12, 10, 0.8333], 2: [6, 6, 1], 3: [3, 2, 0.6667], 4: [0, 0, null] },
  viewing: {
    totalHours: 5,
    byCamera: { 1: { sessions: 3, hours: 4 }, 2: { sessions: 1, hours: 1 } },
    bySurface: {
      'console-tile': { sessions: 2, hours: 3.5 },
      'console-large': { sessions: 1, hours: 0.5 },
      'wall-tile': { sessions: 1, hours: 1 },
    },
  },
  ptz: { grants: 2, hours: 0.5, notifications: 3, notificationsFailed: 2, refusals: 1, overrides: 1 },
  incidents: { total: 3, urgent: 1, byCategory: { Rixe: 2, 'Dégradation de mobilier': 1 } },
  operations: { total: 1, extensions: 1, closedEarly: 1, viewingHours: 1, cameras: 2 },
  requisitions: { total: 2, copiesRequested: 1 },
} as const;

/** `Date` frozen at a time the caller moves; `new Date(x)` and the statics still work. */
function freezeDate(start: number): { set(ms: number): void; restore(): void } {
  const Real = Date;
  let now = start;
  class Frozen extends Real {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(now);
      else super(...(args as [string]));
    }
    static override now(): number {
      return now;
    }
  }
  globalThis.Date = Frozen as DateConstructor;
  return {
    set: (ms) => {
      if (ms < now) throw new Error('the scenario only moves forward');
      now = ms;
    },
    restore: () => {
      globalThis.Date = Real;
    },
  };
}

const as = (actor: RegistryActor, role: LeaseRequester['role']): LeaseRequester => ({ actor, role });
function value<T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }, what: string): T {
  if (!r.ok) throw new Error(`${what}: ${r.error.code}`);
  return r.value;
}

export interface ScenarioCamera {
  id: number;
  name: string;
  site: string;
}

/**
 * Plays the two days into `dataDir` (a post that is not running) and closes every service.
 * Cameras 1 to 4 must be in `cameras`.
 */
export async function playReportScenario(dataDir: string, cameras: ScenarioCamera[]): Promise<void> {
  const clockDate = freezeDate(day(1, 21));
  const clock = new ManualClock(day(1, 21));
  const at = (ms: number): void => {
    clockDate.set(ms);
    clock.advance(ms - clock.t);
  };
  const known = (id: number): ScenarioCamera | null => cameras.find((c) => c.id === id) ?? null;
  const hook = await startHook();
  const registry = openRegistry(dataDir);
  const history = new StatusHistory(dataDir);
  const status = (id: number, state: Parameters<StatusHistory['record']>[1]): void => {
    history.record(id, state, state === 'offline' ? 'unreachable' : null);
    history.flush();
  };
  const tags = new OperationTags();
  const opsStore = new SqliteOperationStore(dataDir);
  const ops = new OperationsService({
    store: opsStore,
    registry,
    clock,
    cameraKnown: (id) => known(id) !== null,
    presets: () => [],
    recallPreset: () => Promise.reject(new Error('no preset in this scenario')),
    onChange: () => undefined,
    onDue: () => undefined,
  });
  ops.start();
  tags.provide((id) => ops.tagFor(id));
  const notifier = value(createCsuNotifier({ webhook: hook.url, timeoutMs: 2_000 }), 'CSU notifier');
  const leases = new LeaseService({
    store: new SqliteLeaseStore(dataDir),
    notifier,
    registry,
    post: 'poste-1',
    camera: known,
    tag: (id) => tags.lease(id),
    // Nothing in this scenario expires on its own: the store is re-read only when it changes.
    sweepMs: 3_600_000,
  });
  await leases.ready();
  const events = new EventHub();
  const incidentStore = new SqliteIncidentStore(dataDir);
  const incidents = incidentsHandlers({
    store: incidentStore,
    registry,
    events,
    actor: () => AGENT,
    categories: () => ['Rixe', 'Dégradation de mobilier', 'Accident'],
    knownCamera: (id) => known(id) !== null,
  });
  const runner = postJobRunner(dataDir, registry.keys);
  const requisitions = registryHandlers({ registry, dataDir, actor: () => AGENT, runner, events });

  // Viewing through the real gateway; the cameras need not answer for a session to be recorded.
  const recorded: { phase: 'start' | 'end'; v: ViewEvent }[] = [];
  const record = viewRecorder({ registry, tags, wallViewer: () => AGENT });
  const gateway = new StreamGateway({
    ffmpegPath: 'ffmpeg',
    credentials: CredentialStore.inDir(dataDir),
    events,
    lookupCamera: (id) => {
      const c = known(id);
      return c ? { ...c, zone: '', streams: { main: 'rtsp://127.0.0.1:9/scenario' } } : undefined;
    },
    authorize: (token) =>
      token === 'console'
        ? { clientId: 'console', actor: AGENT }
        : token === 'wall'
          ? { clientId: 'wall', actor: null, surface: 'wall-tile' }
          : null,
    onView: (phase, v) => {
      record(phase, v);
      recorded.push({ phase, v });
    },
  });
  const endpoint = await gateway.listen();
  const until = async (done: () => boolean): Promise<void> => {
    for (let i = 0; i < 1000 && !done(); i++) await new Promise((r) => setImmediate(r));
    if (!done()) throw new Error('the gateway did not report the view');
  };
  const openView = async (cameraId: number, surface: string): Promise<WebSocket> => {
    const before = recorded.length;
    const q = new URLSearchParams({
      token: surface === 'wall-tile' ? 'wall' : 'console',
      camera: String(cameraId),
      format: 'annexb',
      surface,
    });
    const ws = new WebSocket(`${endpoint.url}?${q.toString()}`);
    ws.on('error', () => undefined);
    await once(ws, 'open');
    await until(() => recorded.slice(before).some((r) => r.phase === 'start'));
    return ws;
  };
  const closeView = async (ws: WebSocket): Promise<void> => {
    const ends = recorded.filter((r) => r.phase === 'end').length;
    ws.close();
    await until(() => recorded.filter((r) => r.phase === 'end').length > ends);
  };
  const requisition = async (number: string, copyRequested: boolean): Promise<void> => {
    value(
      await requisitions['registry:requisition'].handle(
        {
          number,
          authority: 'Parquet',
          officer: 'OPJ Martin',
          cameras: [1],
          slots: '9 h – 11 h',
          copyRequested,
        },
        { clientId: 'console' },
      ),
      'requisition',
    );
  };
  const incident = async (category: string, urgency: 'urgent' | 'normal'): Promise<void> => {
    value(
      await incidents['incidents:report'].handle(
        {
          category,
          urgency,
          cameras: [1],
          occurredAt: new Date(day(2, 15)).toISOString(),
          description: 'Signalé',
        },
        { clientId: 'console' },
      ),
      'incident',
    );
  };

  try {
    // March 1, evening: camera 2 plays; a wall tile shows it from 23 h to 1 h.
    at(day(1, 22));
    status(2, 'playing');
    at(day(1, 23));
    const wall = await openView(2, 'wall-tile');
    at(day(2, 1));
    await closeView(wall);
    at(day(2, 6));
    status(2, 'idle');
    // March 2: camera 1 plays 8–14, is offline 14–16, plays 16–20.
    at(day(2, 8));
    status(1, 'playing');
    at(day(2, 9));
    const tile = await openView(1, 'console-tile'); // 2.5 h
    at(day(2, 10));
    await requisition('RJ-0', true);
    at(day(2, 11, 30));
    await closeView(tile);
    // A takeover of 24 minutes, the CSU notified.
    at(day(2, 12));
    value(
      await leases.take({ cameraId: 1, eventRef: 'EV-1', reason: 'Rixe', minutes: 30 }, as(AGENT, 'ptz')),
      'take',
    );
    at(day(2, 12, 24));
    value(await leases.release(1, as(AGENT, 'ptz')), 'release');
    // The CSU does not answer: the operator is refused.
    hook.answer = 500;
    at(day(2, 13));
    const refused = await leases.take({ cameraId: 1, eventRef: 'EV-2', reason: 'Suivi' }, as(AGENT, 'ptz'));
    if (refused.ok) throw new Error('a takeover without the CSU was granted');
    at(day(2, 14));
    status(1, 'offline');
    at(day(2, 15));
    await incident('Rixe', 'urgent');
    at(day(2, 15, 1));
    await incident('Rixe', 'normal');
    at(day(2, 15, 2));
    await incident('Dégradation de mobilier', 'normal');
    at(day(2, 16));
    status(1, 'playing');
    // A special operation on cameras 1 and 2, 17–19, extended to 21, closed at 19: early.
    at(day(2, 17));
    const op = value(
      await ops.create(
        {
          name: OPERATION_NAME,
          kind: 'missing',
          requester: 'OPJ Martin',
          legalRef: 'RJ-2026-001',
          cameras: [1, 2],
          preset: null,
          startAt: new Date(day(2, 17)).toISOString(),
          plannedEnd: new Date(day(2, 19)).toISOString(),
        },
        { actor: SUPERVISOR, wall: false },
      ),
      'operation',
    ).operation;
    at(day(2, 17, 30));
    const during = await openView(1, 'console-tile'); // 1 h, tagged with the operation
    at(day(2, 18));
    value(ops.extend(op.id, new Date(day(2, 21)).toISOString(), SUPERVISOR), 'extend');
    at(day(2, 18, 30));
    await closeView(during);
    at(day(2, 19));
    value(ops.close(op.id, SUPERVISOR), 'close');
    at(day(2, 20));
    status(1, 'idle');
    // March 3: camera 4 observed 15 s only; a supervisor's takeover of 6 minutes without the CSU.
    at(day(3, 8));
    status(4, 'connecting');
    at(day(3, 8, 0, 3));
    status(4, 'playing');
    at(day(3, 8, 0, 15));
    status(4, 'idle');
    at(day(3, 9));
    value(
      await leases.take(
        { cameraId: 2, eventRef: 'EV-3', reason: 'Urgence', minutes: 10, override: true },
        as(SUPERVISOR, 'supervisor'),
      ),
      'override',
    );
    at(day(3, 9, 6));
    value(await leases.release(2, as(SUPERVISOR, 'supervisor')), 'release');
    // Camera 3 stalls 1 h then plays 2 h; camera 1 seen in large for 30 minutes.
    at(day(3, 10));
    status(3, 'stalled');
    const large = await openView(1, 'console-large');
    await requisition('RJ-1', false);
    at(day(3, 10, 30));
    await closeView(large);
    at(day(3, 11));
    status(3, 'playing');
    at(day(3, 13));
    status(3, 'idle');
    // After the period: counted in no figure.
    at(day(5, 10));
    status(3, 'offline');
    await requisition('RJ-2', true);
    at(day(5, 11));
    status(3, 'idle');
  } finally {
    await gateway.close();
    await leases.close();
    ops.dispose();
    opsStore.close();
    incidentStore.close();
    history.close();
    await runner.close();
    registry.close();
    await hook.close();
    clockDate.restore();
  }
}

/** A fresh data folder with the scenario played in it. */
export async function scenarioDir(cameras: ScenarioCamera[]): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-report-'));
  await playReportScenario(dir, cameras);
  return dir;
}
