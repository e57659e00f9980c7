/**
 * Large answers (the plan, a tile, an instructions file) are built once and handed to every client
 * that asks, on either transport: the handler returns the same frozen Result each time (Electron
 * clones it per call, as it must), and the browser host sends the same serialized bytes to every
 * socket (`sharedJson`), instead of one fresh copy per request. 150 requests for a 4 MiB plan cost
 * one copy, not 150.
 */
import type { Result } from '../../../common/result';

const json = new WeakMap<object, Buffer>();
/** What an entry costs beyond its bytes (the key, the objects): small answers count too. */
const ENTRY_OVERHEAD = 512;

/** Marks a Result as shared: frozen, and serialized once for the transports that send bytes. */
export function shareAnswer<T>(r: Result<T>): Result<T> {
  Object.freeze(r);
  json.set(r, Buffer.from(JSON.stringify(r)));
  return r;
}

/** The serialized bytes of a shared answer; undefined for any other value. */
export function sharedJson(r: unknown): Buffer | undefined {
  return typeof r === 'object' && r !== null ? json.get(r) : undefined;
}

/**
 * A byte-bounded cache of shared answers, least recently used out first. Requests for a key that is
 * being built wait for that one build. `clear()` when what the answers show has changed.
 */
export class AnswerCache {
  private readonly entries = new Map<string, { answer: Result<unknown>; bytes: number }>();
  private readonly building = new Map<string, Promise<Result<unknown>>>();
  private total = 0;
  private generation = 0;

  constructor(private readonly maxBytes: number) {}

  async get<T>(key: string, build: () => Promise<Result<T>> | Result<T>): Promise<Result<T>> {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key); // re-inserted last: the most recently used
      this.entries.set(key, hit);
      return hit.answer as Result<T>;
    }
    const pending = this.building.get(key);
    if (pending) return pending as Promise<Result<T>>;
    const generation = this.generation;
    const p = (async () => {
      const answer = shareAnswer(await build());
      // Only answers with a value are kept (a missing file may come back), none built before a clear().
      if (answer.ok && answer.value != null && generation === this.generation) this.keep(key, answer);
      return answer;
    })();
    this.building.set(key, p);
    try {
      return (await p) as Result<T>;
    } finally {
      if (this.building.get(key) === p) this.building.delete(key);
    }
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
    this.building.clear();
    this.total = 0;
  }

  /** Bytes held (the tests watch it). */
  get size(): number {
    return this.total;
  }

  private keep(key: string, answer: Result<unknown>): void {
    const bytes = sharedJson(answer)!.length + ENTRY_OVERHEAD;
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { answer, bytes });
    this.total += bytes;
    for (const [k, e] of this.entries) {
      if (this.total <= this.maxBytes) break;
      this.entries.delete(k);
      this.total -= e.bytes;
    }
  }
}
