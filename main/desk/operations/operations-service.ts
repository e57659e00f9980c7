/**
 * Special operations in main: validation, the state machine driven by one timer on an injected
 * clock, the registry entries (`operation.*`), the pushes to consoles with the `operations` right,
 * and the tag that viewing and PTZ entries carry while an operation runs. A restarted post reads
 * its open operations back from the store and catches up (a start or an end passed meanwhile).
 */
import type { OperationInput, OperationStarted, OperationView } from '../../../common/contract';
import { err, ok, type Result } from '../../../common/result';
import { createLogger } from '../../platform/log/logger';
import type { RegistryActor, RegistryInput } from '../../records/registry/registry';
import { isActive, nextWake, step, type OperationEvent, type OperationNote } from './operation-machine';
import { checkExtension, checkOperation } from './operation-rules';
import type { OperationStore } from './operations-store';

const log = createLogger('operations');
/** setTimeout's limit is about 24.8 days: a farther wake is re-armed on the way. */
const MAX_TIMER_MS = 6 * 3_600_000;
/** A step that could not be recorded (registry or store failing) is retried this much later, not in a loop. */
export const RETRY_MS = 5_000;

export interface Clock {
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref();
    return t;
  },
  clearTimer: (h) => clearTimeout(h as NodeJS.Timeout),
};

/** What viewing and PTZ entries carry while an operation that includes the camera runs. */
export interface OperationTag {
  operationId: number;
  name: string;
}

export interface OperationsDeps {
  store: OperationStore;
  registry: { append(input: RegistryInput): unknown };
  clock?: Clock;
  cameraKnown(id: number): boolean;
  /** The wall presets' names, in order. */
  presets(): string[];
  /** Puts a preset on the wall (WallDesk.recall). */
  recallPreset(name: string, by: RegistryActor): Promise<Result<unknown>>;
  onChange(list: OperationView[]): void;
  onDue(op: OperationView): void;
}

export interface OperationsCaller {
  actor: RegistryActor;
  /** May drive the wall (the `wall` right): else the preset part is refused, and said so. */
  wall: boolean;
}

export class OperationsService {
  private readonly clock: Clock;
  private open: OperationView[] = [];
  private timer: unknown = null;
  private closed = false;

  constructor(private readonly d: OperationsDeps) {
    this.clock = d.clock ?? systemClock;
  }

  /** Reads the open operations back and catches up with the time that passed. */
  start(): void {
    this.open = this.d.store.open();
    this.tick();
  }

  list(): OperationView[] {
    return this.d.store.recent(this.clock.now());
  }

  /** The operation the camera's entries are tagged with: the latest started among those running. */
  tagFor(cameraId: number): OperationTag | null {
    let best: OperationView | null = null;
    for (const op of this.open)
      if (isActive(op.state) && op.cameras.includes(cameraId) && (!best || op.startAt >= best.startAt))
        best = op;
    return best ? { operationId: best.id, name: best.name } : null;
  }

  async create(input: OperationInput, by: OperationsCaller): Promise<Result<OperationStarted>> {
    const now = this.clock.now();
    const checked = checkOperation(input, {
      now,
      cameraKnown: this.d.cameraKnown,
      preset: (name) => this.d.presets().find((p) => p.toLowerCase() === name.trim().toLowerCase()) ?? null,
    });
    if (!checked.ok) return checked;
    const stored = this.d.store.insert(checked.value, by.actor.login);
    this.open.push(stored);
    const r = this.apply(stored, { kind: 'tick', now }, by.actor);
    if (!r.ok) return r;
    this.changed();
    return ok({ operation: r.value, wall: await this.wallPart(r.value, by) });
  }

  /** A running operation's preset, on the wall again. */
  async show(id: number, by: OperationsCaller): Promise<Result<OperationStarted>> {
    const op = this.find(id);
    if (!op) return err('operation_unknown');
    if (!isActive(op.state)) return err('operation_state', { state: op.state });
    return ok({ operation: op, wall: await this.wallPart(op, by) });
  }

  extend(id: number, plannedEnd: string, by: RegistryActor): Result<OperationView> {
    const op = this.find(id);
    if (!op) return err('operation_unknown');
    const now = this.clock.now();
    const t = checkExtension(plannedEnd, now);
    if (!t.ok) return t;
    const r = this.apply(op, { kind: 'extend', plannedEnd: t.value, now }, by);
    if (r.ok) this.changed();
    return r;
  }

  close(id: number, by: RegistryActor): Result<OperationView> {
    const op = this.find(id);
    if (!op) return err('operation_unknown');
    const r = this.apply(op, { kind: 'close', now: this.clock.now() }, by);
    if (r.ok) this.changed();
    return r;
  }

  /** Runs the timer's step on every open operation, then re-arms for the next change. */
  tick(): void {
    if (this.closed) return;
    const now = this.clock.now();
    let changed = false;
    for (const op of [...this.open]) {
      const r = this.apply(op, { kind: 'tick', now }, null);
      if (!r.ok) continue;
      if (r.value.state !== op.state) changed = true;
      if (r.value.state === 'due' && op.state !== 'due') this.d.onDue(r.value);
    }
    if (changed) this.changed();
    else this.arm();
  }

  dispose(): void {
    this.closed = true;
    if (this.timer !== null) this.clock.clearTimer(this.timer);
    this.timer = null;
  }

  private find(id: number): OperationView | null {
    return this.open.find((o) => o.id === id) ?? this.d.store.get(id);
  }

  /**
   * One step of the machine: its registry entries first (nothing changes that the registry does not
   * hold), then the store, then the in-memory list the tags and the timer follow.
   */
  private apply(op: OperationView, ev: OperationEvent, by: RegistryActor | null): Result<OperationView> {
    const startAt = Date.parse(op.startAt);
    const r = step({ state: op.state, startAt, plannedEnd: Date.parse(op.plannedEnd) }, ev);
    if (!r.ok) return r;
    if (r.value.state === op.state && r.value.notes.length === 0) return ok(op);
    const plannedEnd = new Date(r.value.plannedEnd).toISOString();
    const next: OperationView = { ...op, state: r.value.state, plannedEnd };
    if (next.state === 'closed') {
      next.closedAt = new Date(ev.now).toISOString();
      next.closedBy = by?.login ?? null;
    }
    try {
      for (const n of r.value.notes) this.d.registry.append(this.entry(next, n, by));
      this.d.store.update(op.id, {
        state: next.state,
        plannedEnd,
        ...(next.closedAt && { closedAt: next.closedAt }),
        ...(next.closedBy && { closedBy: next.closedBy }),
      });
    } catch (e) {
      log.error(`operation ${op.id}: step not recorded`, e);
      return err('storage_error');
    }
    this.open = next.state === 'closed' ? this.open.filter((o) => o.id !== op.id) : this.replace(next);
    return ok(next);
  }

  private replace(op: OperationView): OperationView[] {
    const i = this.open.findIndex((o) => o.id === op.id);
    return i < 0 ? [...this.open, op] : this.open.map((o) => (o.id === op.id ? op : o));
  }

  private entry(op: OperationView, n: OperationNote, by: RegistryActor | null): RegistryInput {
    const base = { type: n.type, actor: by };
    switch (n.type) {
      case 'operation.start':
        return {
          ...base,
          cameraId: op.cameras[0] ?? null,
          data: {
            operationId: op.id,
            name: op.name,
            kind: op.kind,
            requester: op.requester,
            legalRef: op.legalRef,
            cameras: op.cameras,
            preset: op.preset,
            plannedEnd: op.plannedEnd,
          },
        };
      case 'operation.extend':
        return { ...base, data: { operationId: op.id, plannedEnd: op.plannedEnd } };
      case 'operation.due':
        return { ...base, data: { operationId: op.id } };
      case 'operation.close':
        return { ...base, data: { operationId: op.id, early: n.early } };
    }
  }

  private async wallPart(op: OperationView, by: OperationsCaller): Promise<OperationStarted['wall']> {
    if (!op.preset || !isActive(op.state)) return 'none';
    if (!by.wall) return 'no-right';
    const r = await this.d.recallPreset(op.preset, by.actor);
    if (!r.ok) log.warn(`operation ${op.id}: preset not applied (${r.error.code})`);
    return r.ok ? 'applied' : 'failed';
  }

  private changed(): void {
    this.arm();
    this.d.onChange(this.list());
  }

  private arm(): void {
    if (this.timer !== null) this.clock.clearTimer(this.timer);
    this.timer = null;
    if (this.closed) return;
    const wakes = this.open.map((o) =>
      nextWake({ state: o.state, startAt: Date.parse(o.startAt), plannedEnd: Date.parse(o.plannedEnd) }),
    );
    const next = Math.min(...wakes.filter((w): w is number => w !== null));
    if (!Number.isFinite(next)) return;
    const wait = next - this.clock.now();
    const ms = wait <= 0 ? RETRY_MS : Math.min(MAX_TIMER_MS, wait);
    this.timer = this.clock.setTimer(() => this.tick(), ms);
  }
}
