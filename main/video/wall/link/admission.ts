/**
 * Who gets a connection slot on the wall link. A connection is pending from the TCP accept until
 * its certificate matches the pin; then it is the console's, and never dropped to make room.
 * Pending connections are capped per source address, and in total: past either cap, the oldest
 * pending connection makes room (of that address, or of the address holding the most). So a
 * peer keeping handshakes half-open holds a few slots at most, and the pinned console always
 * gets one, where a plain total cap (`maxConnections`) refused it.
 */

/** Pending connections one source address may hold: a console opens one at a time. */
export const MAX_PENDING_PER_ADDRESS = 4;
/** Connections the link holds in all, pending or not. */
export const MAX_CONNECTIONS = 128;

interface Pending {
  address: string;
  drop: () => void;
}

export class LinkAdmission {
  /** In arrival order: the first is the oldest. */
  private readonly pending = new Map<string, Pending>();
  private readonly admitted = new Set<string>();

  constructor(
    private readonly o: { perAddress: number; total: number } = {
      perAddress: MAX_PENDING_PER_ADDRESS,
      total: MAX_CONNECTIONS,
    },
  ) {}

  /** A new connection (`id` unique while it lives), from `address`; `drop` closes it. */
  arrive(id: string, address: string, drop: () => void): void {
    const same = [...this.pending].filter(([, p]) => p.address === address);
    if (same.length >= this.o.perAddress) this.evict(same[0]![0]);
    if (this.pending.size + this.admitted.size >= this.o.total) {
      const busiest = this.busiestAddress();
      const oldest = [...this.pending].find(([, p]) => p.address === busiest);
      if (oldest) this.evict(oldest[0]);
    }
    this.pending.set(id, { address, drop });
  }

  /** Its certificate matched the pin: it keeps its slot. */
  admit(id: string): void {
    if (this.pending.delete(id)) this.admitted.add(id);
  }

  /** It closed, whatever the reason. */
  leave(id: string): void {
    this.pending.delete(id);
    this.admitted.delete(id);
  }

  counts(): { pending: number; admitted: number } {
    return { pending: this.pending.size, admitted: this.admitted.size };
  }

  private evict(id: string): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    p.drop();
  }

  /** The address holding the most pending connections; on a tie, the one holding the oldest. */
  private busiestAddress(): string | undefined {
    const held = new Map<string, number>();
    for (const p of this.pending.values()) held.set(p.address, (held.get(p.address) ?? 0) + 1);
    let best: string | undefined;
    for (const [address, n] of held) if (best === undefined || n > held.get(best)!) best = address;
    return best;
  }
}
