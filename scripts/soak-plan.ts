/**
 * The soak's fault schedule, drawn from a seed (the run prints it; `--seed` replays it). Faults
 * never overlap one another, so each recovery is that of one fault: every 30 to 90 s a random
 * camera's publisher dies for 5 to 20 s; now and then the gateway's ffmpeg for a random camera is
 * killed; once per run, at fixed fractions of it: one camera sends corrupt packets for a while,
 * the host is killed with SIGKILL and restarted, one camera changes resolution (midway), and the
 * RTSP server refuses connections, then accepts them again.
 */

export type FaultKind = 'publisher' | 'gateway-ffmpeg' | 'corrupt' | 'host-crash' | 'resolution' | 'server';

export interface Fault {
  kind: FaultKind;
  /** Seconds from the start of the chaos phase. */
  at: number;
  /** How long the fault lasts (0: an instant, such as a kill). */
  seconds: number;
  /** The lab camera's index, for the faults of one camera. */
  camera: number | null;
}

export interface PlanOptions {
  seconds: number;
  cameras: number;
  seed: number;
  /** The camera that changes resolution, and the one that sends corrupt packets. */
  resolutionCamera: number;
  corruptCamera: number;
}

/**
 * Time kept clear after a fault's end, for its recovery to be measured alone: a camera must be
 * live again within 10 s; the host's restart and the server's return touch every tile.
 */
export const RECOVERY_WINDOW_S: Record<FaultKind, number> = {
  publisher: 12,
  'gateway-ffmpeg': 12,
  corrupt: 12,
  resolution: 12,
  'host-crash': 20,
  server: 25,
};

/** mulberry32: a small seeded generator, so a run's schedule can be replayed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seconds a fault keeps to itself: a little before it, its length, and its recovery. */
export const window = (f: Fault): [number, number] => [
  f.at - 3,
  f.at + f.seconds + RECOVERY_WINDOW_S[f.kind],
];

export function plan(o: PlanOptions): Fault[] {
  const rnd = random(o.seed);
  const between = (a: number, b: number): number => Math.round(a + rnd() * (b - a));
  const T = o.seconds;
  const faults: Fault[] = [];
  const free = (f: Fault): boolean => {
    const [a, b] = window(f);
    return (
      a >= 0 &&
      b <= T &&
      faults.every((g) => {
        const [c, d] = window(g);
        return b <= c || a >= d;
      })
    );
  };
  /** Puts the fault at its time, or the first free time after it; false if none is left. */
  const place = (f: Fault): boolean => {
    for (; window(f)[1] <= T; f.at += 1)
      if (free(f)) {
        faults.push(f);
        return true;
      }
    return false;
  };
  // Once per run, at fractions of it: corruption early, the crash before the second half (whose
  // slopes the report measures), the resolution change midway, the server late.
  const once: [FaultKind, number, number, number | null][] = [
    ['corrupt', 0.1, Math.max(15, Math.min(60, Math.round(T * 0.1))), o.corruptCamera],
    ['host-crash', 0.3, 0, null],
    ['resolution', 0.5, 0, o.resolutionCamera],
    ['server', 0.7, 10, null],
  ];
  for (const [kind, fraction, seconds, camera] of once) {
    const after = faults.length ? window(faults.at(-1)!)[1] + 3 : 0;
    if (!place({ kind, at: Math.max(Math.round(T * fraction), after), seconds, camera }))
      throw new Error(`a ${Math.round(T / 60)}-minute run is too short for its schedule (${kind})`);
  }
  const others = Array.from({ length: o.cameras }, (_, i) => i).filter(
    (i) => i !== o.resolutionCamera && i !== o.corruptCamera,
  );
  const pick = (): number => others[Math.floor(rnd() * others.length)]!;
  const periodic = (
    kind: FaultKind,
    first: number,
    step: [number, number],
    seconds: [number, number],
  ): void => {
    let placed = false;
    for (let at = first; at < T; at += between(...step))
      placed = place({ kind, at, seconds: between(...seconds), camera: pick() }) || placed;
    // At least once, at its shortest, in the first free slot.
    if (!placed) place({ kind, at: 3, seconds: seconds[0], camera: pick() });
  };
  // A publisher dies every 30 to 90 s; the gateway's ffmpeg is killed about every 2 minutes.
  periodic('publisher', between(15, 40), [30, 90], [5, 20]);
  periodic('gateway-ffmpeg', between(20, 60), [90, 150], [0, 0]);
  return faults.sort((a, b) => a.at - b.at);
}
