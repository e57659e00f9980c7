/**
 * The wall's tour engine: each touring tile shows each of its cameras for its dwell time. An
 * operator working on a tile holds its tour; it resumes `holdMs` after the last hold. Pure and
 * clocked from outside (`now` in ms), so that tests drive it without waiting.
 */
import type { WallState, WallTour } from '../../../common/wall';

/** How long a tour stays paused after an operator last worked on its tile. */
export const TOUR_HOLD_MS = 60_000;

type Run =
  | { phase: 'running'; tour: WallTour; pos: number; nextAt: number }
  | { phase: 'held'; tour: WallTour; pos: number; until: number };

export interface TourStep {
  index: number;
  cameraId: number;
}

const sameTour = (a: WallTour, b: WallTour): boolean =>
  a.dwellSeconds === b.dwellSeconds &&
  a.cameras.length === b.cameras.length &&
  a.cameras.every((c, i) => c === b.cameras[i]);

export class TourEngine {
  private readonly runs = new Map<number, Run>();

  constructor(private readonly holdMs = TOUR_HOLD_MS) {}

  /** Follows the wall's tours: a new or changed tour starts at its tile's camera, a removed one stops. */
  sync(state: WallState, now: number): void {
    state.tiles.forEach((t, index) => {
      const run = this.runs.get(index);
      if (!t.tour) {
        this.runs.delete(index);
        return;
      }
      if (run && sameTour(run.tour, t.tour)) return;
      const pos = Math.max(0, t.tour.cameras.indexOf(t.cameraId ?? -1));
      this.runs.set(index, { phase: 'running', tour: t.tour, pos, nextAt: now + t.tour.dwellSeconds * 1000 });
    });
    for (const index of this.runs.keys()) if (!state.tiles[index]?.tour) this.runs.delete(index);
  }

  /** An operator works on this tile: its tour pauses until `holdMs` after now. */
  hold(index: number, now: number): void {
    const run = this.runs.get(index);
    if (run) this.runs.set(index, { phase: 'held', tour: run.tour, pos: run.pos, until: now + this.holdMs });
  }

  /** The tiles whose camera changes now. */
  due(now: number): TourStep[] {
    const steps: TourStep[] = [];
    for (const [index, run] of this.runs) {
      const dwell = run.tour.dwellSeconds * 1000;
      if (run.phase === 'held') {
        if (now < run.until) continue;
        // Resumed: the current camera gets a full dwell before the tour moves on.
        this.runs.set(index, { phase: 'running', tour: run.tour, pos: run.pos, nextAt: now + dwell });
        continue;
      }
      if (now < run.nextAt) continue;
      const pos = (run.pos + 1) % run.tour.cameras.length;
      this.runs.set(index, { ...run, pos, nextAt: now + dwell });
      steps.push({ index, cameraId: run.tour.cameras[pos]! });
    }
    return steps;
  }

  /** For the console: which tiles are held now. */
  held(): number[] {
    return [...this.runs].filter(([, r]) => r.phase === 'held').map(([i]) => i);
  }
}
