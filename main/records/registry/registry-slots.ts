/**
 * Time slots viewed, per camera and operator, as the convention asks: viewing sessions paired from
 * `view.start` / `view.end` entries, then merged where the same operator's sessions of the same
 * camera overlap or touch. A session still open ends "now" and makes its slot open.
 */
import type { RegistryEntryView, ViewedSlotView, ViewingSessionView } from '../../../common/contract';

/** One view entry, as the worker reads it (`viewId` from the entry's data). */
export type ViewRow = Omit<RegistryEntryView, 'seq' | 'data'> & { viewId: string | null };

/** Pairs starts and ends by viewId, in entry order; an end without its start is ignored. */
export function pairSessions(rows: Iterable<ViewRow>): ViewingSessionView[] {
  const open = new Map<string, ViewingSessionView>();
  const out: ViewingSessionView[] = [];
  for (const r of rows) {
    if (!r.viewId) continue;
    if (r.type === 'view.start') {
      const s: ViewingSessionView = {
        cameraId: r.cameraId,
        surface: r.surface,
        login: r.login,
        name: r.name,
        rank: r.rank,
        service: r.service,
        start: r.at,
        end: null,
      };
      open.set(r.viewId, s);
      out.push(s);
    } else if (r.type === 'view.end') {
      const s = open.get(r.viewId);
      if (s) {
        s.end = r.at;
        open.delete(r.viewId);
      }
    }
  }
  return out;
}

/** Merges sessions into slots, newest first (by start, then camera). */
export function mergeSlots(sessions: readonly ViewingSessionView[], now: Date): ViewedSlotView[] {
  const nowMs = now.getTime();
  const groups = new Map<string, ViewingSessionView[]>();
  for (const s of sessions) {
    const key = `${s.cameraId ?? ''}\u0000${s.login}`;
    const g = groups.get(key);
    if (g) g.push(s);
    else groups.set(key, [s]);
  }
  const slots: (ViewedSlotView & { startMs: number; endMs: number })[] = [];
  for (const g of groups.values()) {
    const ordered = g
      .map((s) => {
        const startMs = Date.parse(s.start);
        const endMs = s.end === null ? nowMs : Math.max(startMs, Date.parse(s.end));
        return { s, startMs, endMs };
      })
      .sort((a, b) => a.startMs - b.startMs);
    let cur: (typeof slots)[number] | null = null;
    for (const { s, startMs, endMs } of ordered) {
      if (cur && startMs <= cur.endMs) {
        cur.sessions++;
        if (s.end === null) cur.open = true;
        if (endMs > cur.endMs) cur.endMs = endMs;
        continue;
      }
      cur = {
        cameraId: s.cameraId,
        login: s.login,
        name: s.name,
        rank: s.rank,
        service: s.service,
        start: s.start,
        end: '',
        open: s.end === null,
        sessions: 1,
        startMs,
        endMs,
      };
      slots.push(cur);
    }
  }
  slots.sort((a, b) => b.startMs - a.startMs || (a.cameraId ?? 0) - (b.cameraId ?? 0));
  return slots.map(({ startMs: _s, endMs, ...slot }) => ({ ...slot, end: new Date(endMs).toISOString() }));
}
