/**
 * A zustand selector must return what the store holds (or a primitive): one that builds a fresh
 * array or object (`s.x ?? []`, `.map`, `.filter`, `{…}`) makes React re-render forever, "Maximum
 * update depth exceeded", and the whole window goes blank. Lint refuses the usual shapes
 * (scripts/eslint-stable-selector.mjs); this check catches the rest at run time: each hook call
 * runs its selector twice on the same state and throws when the two results differ. The throw
 * lands in the panel's error boundary, so one faulty panel never takes the console down. Both
 * calls cost next to nothing (selectors read fields), so the check stays on in production too.
 */
import type { StoreApi, UseBoundStore } from 'zustand';

export class UnstableSelectorError extends Error {
  override name = 'UnstableSelectorError';
}

/** Throws when `selector` gives two different results for one state. */
export function assertStableSelector<S, U>(selector: (s: S) => U, state: S): void {
  const first = selector(state);
  const second = selector(state);
  if (Object.is(first, second)) return;
  const what = Array.isArray(first) ? 'array' : typeof first;
  throw new UnstableSelectorError(
    `A store selector returned a new ${what} on every call (use a stored value, a module-level ` +
      `constant, or useShallow): ${String(selector).slice(0, 160)}`,
  );
}

/** The store's hook, with every selector checked before zustand runs it; the store's API is kept. */
export function checkedHook<S>(hook: UseBoundStore<StoreApi<S>>): UseBoundStore<StoreApi<S>> {
  const checked = <U>(selector?: (s: S) => U): U | S => {
    if (!selector) return hook();
    assertStableSelector(selector, hook.getState());
    return hook(selector);
  };
  return Object.assign(checked, hook) as UseBoundStore<StoreApi<S>>;
}
