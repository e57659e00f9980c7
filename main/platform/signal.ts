/**
 * A signal between modules built one after the other: the one created first emits, those created
 * after it listen. It breaks the cycles of the post (a session's rights end in auth; the gateway and
 * PTZ, built later, act on it) without any dependency filled in after construction.
 */
export class Signal<A extends unknown[]> {
  private readonly listeners = new Set<(...args: A) => void>();

  /** Listens from now on; returns the way to stop. */
  on(listener: (...args: A) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(...args: A): void {
    for (const l of [...this.listeners]) l(...args);
  }
}

/** Synchronous listeners, each isolated: one that throws never stops the others. */
export class Listeners<T> {
  private readonly set = new Set<(v: T) => void>();
  constructor(private readonly onError: (e: unknown) => void) {}
  add(fn: (v: T) => void): () => void {
    this.set.add(fn);
    return () => this.set.delete(fn);
  }
  emit(v: T): void {
    for (const fn of [...this.set]) {
      try {
        fn(v);
      } catch (e) {
        this.onError(e);
      }
    }
  }
  clear(): void {
    this.set.clear();
  }
}
