/**
 * The annual report's figures, computed from the registry's rows and the cameras' status
 * transitions. Pure: the job (report-job.ts) reads the files, this only counts. Every duration is
 * clipped to the period, and anything still open counts until the period's end or now.
 */
import type { ReportFigures } from '../../../common/contract';
import type { CameraState, Transition } from '../../video/streams/status-history';

/** A registry row as the report reads it. */
export interface ReportRow {
  at: string;
  type: string;
  cameraId: number | null;
  surface: string | null;
  data: string;
}

export interface ReportPeriod {
  /** Epoch ms, [fromMs, toMs). */
  fromMs: number;
  toMs: number;
  /** Nothing is counted after now: the current day is not over. */
  nowMs: number;
}

const HOUR = 3_600_000;
const hours = (ms: number): number => Math.round((ms / HOUR) * 100) / 100;

/** The length of [a, b) inside the period (and before now). */
export function clip(p: ReportPeriod, a: number, b: number): number {
  const end = Math.min(b, p.toMs, p.nowMs);
  return Math.max(0, end - Math.max(a, p.fromMs));
}

/** Playing and observed time per camera, from its transitions (the last one before the period first). */
export function availability(
  p: ReportPeriod,
  transitions: Transition[],
): Map<number, { observedMs: number; playingMs: number }> {
  const byCamera = new Map<number, Transition[]>();
  for (const t of transitions) {
    const list = byCamera.get(t.cameraId) ?? [];
    list.push(t);
    byCamera.set(t.cameraId, list);
  }
  const out = new Map<number, { observedMs: number; playingMs: number }>();
  for (const [id, list] of byCamera) {
    list.sort((a, b) => a.at - b.at);
    let observedMs = 0;
    let playingMs = 0;
    list.forEach((t, i) => {
      const next = list[i + 1]?.at ?? Infinity;
      const ms = clip(p, t.at, next);
      if (t.state !== ('idle' satisfies CameraState)) observedMs += ms;
      if (t.state === 'playing') playingMs += ms;
    });
    out.set(id, { observedMs, playingMs });
  }
  return out;
}

type Data = Record<string, unknown>;
function parse(data: string): Data {
  try {
    const d = JSON.parse(data) as unknown;
    return d && typeof d === 'object' && !Array.isArray(d) ? (d as Data) : {};
  } catch {
    return {};
  }
}
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
/** An operation's id as the operations service records it: its store's integer key. */
const opId = (v: unknown): number | null =>
  Number.isSafeInteger(v) && (v as number) > 0 ? (v as number) : null;
const time = (v: unknown): number | null => {
  const t = typeof v === 'string' ? Date.parse(v) : NaN;
  return Number.isNaN(t) ? null : t;
};

function countBy<K>(keys: K[]): Map<K, number> {
  const m = new Map<K, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

/**
 * Folds the registry's rows (seq order, everything before the period's end) into the figures.
 * `names` gives the inventory's camera names; others show as their number.
 */
export class ReportAccumulator {
  private readonly views = new Map<
    string,
    {
      cameraId: number | null;
      surface: string;
      start: number;
      end: number | null;
      operationId: number | null;
    }
  >();
  private readonly leases = new Map<
    string,
    { start: number; end: number | null; grantedInPeriod: boolean }
  >();
  private readonly ptz = { grants: 0, notifications: 0, notificationsFailed: 0, refusals: 0, overrides: 0 };
  private readonly incidents: { category: string; urgent: boolean }[] = [];
  private readonly operations = new Map<number, ReportFigures['operations']['items'][number]>();
  private extensions = 0;
  private closedEarly = 0;
  private requisitions = 0;
  private copies = 0;

  constructor(private readonly p: ReportPeriod) {}

  private inPeriod(at: number): boolean {
    return at >= this.p.fromMs && at < this.p.toMs;
  }

  add(r: ReportRow): void {
    const at = Date.parse(r.at);
    if (Number.isNaN(at) || at >= this.p.toMs) return;
    const d = parse(r.data);
    const within = this.inPeriod(at);
    switch (r.type) {
      case 'view.start': {
        const id = str(d.viewId);
        if (id)
          this.views.set(id, {
            cameraId: r.cameraId,
            surface: r.surface ?? '—',
            start: at,
            end: null,
            operationId: opId(d.operationId),
          });
        return;
      }
      case 'view.end': {
        const v = this.views.get(str(d.viewId) ?? '');
        if (v && v.end === null) v.end = at;
        return;
      }
      case 'ptz.grant': {
        const id = str(d.leaseId);
        // A lease never outlives its expiry: an unrecorded end counts until then.
        if (id) this.leases.set(id, { start: at, end: time(d.expiresAt), grantedInPeriod: within });
        if (within) this.ptz.grants++;
        return;
      }
      case 'ptz.extend': {
        const l = this.leases.get(str(d.leaseId) ?? '');
        const until = time(d.expiresAt);
        if (l && until !== null) l.end = until;
        return;
      }
      case 'ptz.release':
      case 'ptz.expire':
      case 'ptz.preempt': {
        const l = this.leases.get(str(d.leaseId) ?? '');
        if (l) l.end = Math.min(at, l.end ?? at);
        return;
      }
    }
    if (!within) {
      if (r.type === 'operation.close') this.closeOperation(d, at);
      return;
    }
    switch (r.type) {
      case 'ptz.notify':
        this.ptz.notifications++;
        if (d.ok !== true) this.ptz.notificationsFailed++;
        return;
      case 'ptz.refuse':
        this.ptz.refusals++;
        return;
      case 'ptz.override':
        this.ptz.overrides++;
        return;
      case 'incident.report':
        this.incidents.push({ category: str(d.category) ?? '—', urgent: d.urgency === 'urgent' });
        return;
      case 'operation.start': {
        const id = opId(d.operationId);
        if (id !== null)
          this.operations.set(id, {
            operationId: id,
            name: str(d.name) ?? `Opération ${id}`,
            kind: str(d.kind) ?? 'other',
            startedAt: r.at,
            closedAt: null,
            cameras: Array.isArray(d.cameras) ? d.cameras.length : 0,
            viewingHours: 0,
          });
        return;
      }
      case 'operation.extend':
        this.extensions++;
        return;
      case 'operation.close':
        if (d.early === true) this.closedEarly++;
        this.closeOperation(d, at);
        return;
      case 'requisition':
        this.requisitions++;
        if (d.copyRequested === true) this.copies++;
        return;
    }
  }

  private closeOperation(d: Data, at: number): void {
    const id = opId(d.operationId);
    const o = id === null ? undefined : this.operations.get(id);
    if (o) o.closedAt = new Date(at).toISOString();
  }

  figures(
    names: ReadonlyMap<number, string>,
    transitions: Transition[],
    meta: { post: string; from: string; to: string },
  ): ReportFigures {
    const p = this.p;
    const name = (id: number | null): string => (id === null ? '—' : (names.get(id) ?? `Caméra ${id}`));
    const byCamera = new Map<number, { sessions: number; ms: number }>();
    const bySurface = new Map<string, { sessions: number; ms: number }>();
    const byOperation = new Map<number, number>();
    let totalMs = 0;
    for (const v of this.views.values()) {
      const ms = clip(p, v.start, v.end ?? Infinity);
      if (ms <= 0 && !this.inPeriod(v.start)) continue;
      totalMs += ms;
      if (v.cameraId !== null) {
        const c = byCamera.get(v.cameraId) ?? { sessions: 0, ms: 0 };
        byCamera.set(v.cameraId, { sessions: c.sessions + 1, ms: c.ms + ms });
      }
      const s = bySurface.get(v.surface) ?? { sessions: 0, ms: 0 };
      bySurface.set(v.surface, { sessions: s.sessions + 1, ms: s.ms + ms });
      if (v.operationId !== null) byOperation.set(v.operationId, (byOperation.get(v.operationId) ?? 0) + ms);
    }
    let leaseMs = 0;
    for (const l of this.leases.values()) leaseMs += clip(p, l.start, l.end ?? Infinity);
    const avail = availability(p, transitions);
    const operations = [...this.operations.values()].map((o) => ({
      ...o,
      viewingHours: hours(byOperation.get(o.operationId) ?? 0),
    }));
    const sortedCounts = (m: Map<string, number>) =>
      [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    return {
      ...meta,
      generatedAt: new Date(p.nowMs).toISOString(),
      availability: [...avail]
        .sort((a, b) => a[0] - b[0])
        .map(([cameraId, a]) => ({
          cameraId,
          name: name(cameraId),
          observedHours: hours(a.observedMs),
          playingHours: hours(a.playingMs),
          // A share of a time that shows as 0 h is no figure: under 18 s observed, not observed.
          availability:
            hours(a.observedMs) > 0 ? Math.round((a.playingMs / a.observedMs) * 10_000) / 10_000 : null,
        })),
      viewing: {
        totalHours: hours(totalMs),
        byCamera: [...byCamera]
          .sort((a, b) => a[0] - b[0])
          .map(([cameraId, c]) => ({
            cameraId,
            name: name(cameraId),
            sessions: c.sessions,
            hours: hours(c.ms),
          })),
        bySurface: [...bySurface]
          .sort((a, b) => a[0].localeCompare(b[0]))
          .map(([surface, s]) => ({ surface, sessions: s.sessions, hours: hours(s.ms) })),
      },
      ptz: { ...this.ptz, hours: hours(leaseMs) },
      incidents: {
        total: this.incidents.length,
        urgent: this.incidents.filter((i) => i.urgent).length,
        byCategory: sortedCounts(countBy(this.incidents.map((i) => i.category))).map(([category, count]) => ({
          category,
          count,
        })),
      },
      operations: {
        total: operations.length,
        extensions: this.extensions,
        closedEarly: this.closedEarly,
        byKind: sortedCounts(countBy(operations.map((o) => o.kind))).map(([kind, count]) => ({
          kind,
          count,
        })),
        items: operations,
      },
      requisitions: { total: this.requisitions, copiesRequested: this.copies },
    };
  }
}
