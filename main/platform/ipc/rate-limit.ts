/**
 * Heavy channels (large answers, or a worker thread per call) are rate-limited per client (one
 * window, one socket): a token bucket each, so a page's normal burst passes (a screen of map tiles,
 * the plan at every opening of the map) and a loop asking for the plan 150 times gets
 * `too_many_requests` after the first few. Checked by the router, for both transports; each heavy
 * channel's bucket is in its def, beside its handler (`limit`, main/platform/ipc/module.ts).
 */
export interface Bucket {
  /** Calls that may come at once. */
  burst: number;
  /** Calls a second, sustained. */
  perSecond: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    /** Channel → its bucket (each heavy channel's def names its own: module.ts). */
    private readonly table: Partial<Record<string, Bucket>>,
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
