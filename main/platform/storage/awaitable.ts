/**
 * A store's answer: at once from SQLite (the post on its own), a promise from the shared store.
 * The store interfaces return this so a single post keeps its synchronous paths exactly as they
 * were, and a handler that gets a promise returns one (the router awaits either).
 */
export type Awaitable<T> = T | Promise<T>;

/** `done` applied to `run`'s answer, at once if it came at once; `fail` if it throws or rejects. */
export function settle<T, R>(
  run: () => Awaitable<T>,
  done: (v: T) => Awaitable<R>,
  fail: (e: unknown) => Awaitable<R>,
): Awaitable<R> {
  let v: Awaitable<T>;
  try {
    v = run();
  } catch (e) {
    return fail(e);
  }
  return v instanceof Promise ? v.then(done, fail) : done(v);
}

/** `f` applied to `v`, at once if `v` came at once. */
export function after<T, R>(v: Awaitable<T>, f: (t: T) => Awaitable<R>): Awaitable<R> {
  return v instanceof Promise ? v.then(f) : f(v);
}
