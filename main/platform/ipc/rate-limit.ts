/**
 * Heavy channels (large answers, or a worker thread per call) are rate-limited per client (one
 * window, one socket): a token bucket each, so a page's normal burst passes (a screen of map tiles,
 * the plan at every opening of the map) and a loop asking for the plan 150 times gets
 * `too_many_requests` after the first few. Checked in main's gate, for both transports.
 */
import type { Channel } from '../../../common/contract';

export interface Bucket {
  /** Calls that may come at once. */
  burst: number;
  /** Calls a second, sustained. */
  perSecond: number;
}

export const HEAVY_CHANNELS: Partial<Record<Channel, Bucket>> = {
  // Up to 5.6 MB of JSON each; a page asks once per opening of the map or of a version.
  'map:plan': { burst: 4, perSecond: 0.5 },
  'instructions:read': { burst: 6, perSecond: 1 },
  // Up to 700 kB each; a full-HD screen shows about 40 tiles and a zoom asks for as many again.
  'map:tile': { burst: 256, perSecond: 64 },
  // Each reads the whole registry in a worker thread (main/jobs; the runner runs two at once and
  // queues four). Imports also run in a worker, but only for the few who may import, and a
  // technician trying file after file must not be told to wait: the runner's `jobs_busy` bounds them.
  'registry:export': { burst: 3, perSecond: 0.2 },
  'report:run': { burst: 3, perSecond: 0.2 },
  'report:export': { burst: 3, perSecond: 0.2 },
};

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly table: Partial<Record<string, Bucket>> = HEAVY_CHANNELS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** True when the call may go on; a refused call spends nothing. */
  take(clientId: string, channel: string): boolean {
    const rule = this.table[channel];
    if (!rule) return true;
    const key = `${clientId}\u0000${channel}`;
    const t = this.now();
    const b = this.buckets.get(key);
    const tokens = b ? Math.min(rule.burst, b.tokens + ((t - b.at) / 1000) * rule.perSecond) : rule.burst;
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: t });
      return false;
    }
    this.buckets.set(key, { tokens: tokens - 1, at: t });
    if (this.buckets.size > 4096) this.prune(t);
    return true;
  }

  /** Full buckets are the same as none (a client gone leaves only full ones behind). */
  private prune(t: number): void {
    for (const [key, b] of this.buckets) {
      const rule = this.table[key.slice(key.indexOf('\u0000') + 1)]!;
      if (b.tokens + ((t - b.at) / 1000) * rule.perSecond >= rule.burst) this.buckets.delete(key);
    }
  }
}
