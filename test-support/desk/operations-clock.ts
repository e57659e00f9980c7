/** Test fixture: the operations service on a real registry and a real store, with a manual clock. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { OperationInput, OperationView } from '../../common/contract';
import { ok } from '../../common/result';
import { Registry } from '../../main/records/registry/registry';
import { loadOrCreateKeys } from '../../main/records/registry/registry-key';
import { OperationsService, type Clock } from '../../main/desk/operations/operations-service';
import { SqliteOperationStore } from '../../main/desk/operations/operations-store';

/** A clock that moves only when told: timers fire in order as time is advanced past them. */
export class ManualClock implements Clock {
  private timers: { id: number; at: number; fn: () => void }[] = [];
  private next = 1;
  constructor(public t: number) {}
  now(): number {
    return this.t;
  }
  setTimer(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.timers.push({ id, at: this.t + ms, fn });
    return id;
  }
  clearTimer(h: unknown): void {
    this.timers = this.timers.filter((x) => x.id !== h);
  }
  pending(): number {
    return this.timers.length;
  }
  advance(ms: number): void {
    const until = this.t + ms;
    for (;;) {
      const due = this.timers.filter((x) => x.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((x) => x !== due);
      this.t = Math.max(this.t, due.at);
      due.fn();
    }
    this.t = until;
  }
}

export const CHEF = { login: 'chef', name: 'Marc Petit', rank: 'Commandant', service: 'CIC' };
export const T0 = Date.parse('2026-06-01T08:00:00Z');
export const MIN = 60_000;

export function input(o: Partial<OperationInput> = {}): OperationInput {
  return {
    name: 'Opération Hirondelle',
    kind: 'missing',
    requester: 'OPJ Durand, commissariat central',
    legalRef: 'REQ-2026-0042',
    cameras: [1, 2],
    preset: null,
    startAt: new Date(T0).toISOString(),
    plannedEnd: new Date(T0 + 30 * MIN).toISOString(),
    ...o,
  };
}

export interface OpsPost {
  dir: string;
  clock: ManualClock;
  registry: Registry;
  service: OperationsService;
  changes: OperationView[][];
  due: OperationView[];
  recalled: string[];
  /** The registry's `operation.*` entries: type and data, in order. */
  story(): { type: string; login: string; data: Record<string, unknown> }[];
  /** Stops this service (as a post that stops), keeping the data directory. */
  stop(): void;
}

export function openOps(
  o: { dir?: string; clock?: ManualClock; presets?: string[]; cameras?: number[] } = {},
): OpsPost {
  const dir = o.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-ops-'));
  const clock = o.clock ?? new ManualClock(T0);
  const registry = new Registry(dir, loadOrCreateKeys(dir));
  const store = new SqliteOperationStore(dir);
  const changes: OperationView[][] = [];
  const due: OperationView[] = [];
  const recalled: string[] = [];
  const service = new OperationsService({
    store,
    registry,
    clock,
    cameraKnown: (id) => (o.cameras ?? [1, 2, 3, 4, 5, 6]).includes(id),
    presets: () => o.presets ?? ['Salle de crise'],
    recallPreset: (name) => {
      recalled.push(name);
      return Promise.resolve(ok(null));
    },
    onChange: (l) => changes.push(l),
    onDue: (op) => due.push(op),
  });
  service.start();
  return {
    dir,
    clock,
    registry,
    service,
    changes,
    due,
    recalled,
    story: () =>
      registry
        .query({})
        .filter((r) => r.type.startsWith('operation.'))
        .map((r) => ({ type: r.type, login: r.login, data: JSON.parse(r.data) as Record<string, unknown> })),
    stop: () => {
      service.dispose();
      store.close();
      registry.close();
    },
  };
}
