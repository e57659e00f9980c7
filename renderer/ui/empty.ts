/**
 * The one empty list a selector's fallback may use: `useConsole((s) => s.list) ?? NONE`. A
 * selector that returns `s.list ?? []` builds a new array on every call (ui/stable-selector.ts).
 */
export const NONE: readonly never[] = Object.freeze([]);
