/**
 * Which display the Electron wall window goes to, behind a small interface over Electron's
 * `screen` (no electron import: unit-tested with fakes). The technician names a display by id or
 * name; when it is missing the wall goes to a fallback and the console is warned; plugging and
 * unplugging displays re-runs the choice.
 */

export interface WallDisplayInfo {
  id: string;
  /** Electron's `label` (the monitor's name), or empty. */
  name: string;
  bounds: { x: number; y: number; width: number; height: number };
}

/** What the wall window needs of Electron's `screen`. */
export interface WallScreen {
  displays(): WallDisplayInfo[];
  primaryId(): string;
  /** Called on display-added, display-removed and display-metrics-changed. */
  onChange(listener: () => void): () => void;
}

export interface ScreenChoice {
  display: WallDisplayInfo | null;
  /** The wanted display (id or name) when it is missing and a fallback was taken. */
  missing: string | null;
}

/**
 * The display for the wall: the wanted one by id, else by name (case-insensitive); when none is
 * wanted, or the wanted one is missing, the first display that is not the console's (primary),
 * else none: the wall never covers the console.
 */
export function chooseDisplay(
  displays: WallDisplayInfo[],
  primaryId: string,
  wanted: string | null,
): ScreenChoice {
  if (wanted) {
    const w = wanted.trim().toLowerCase();
    const found =
      displays.find((d) => d.id === wanted) ?? displays.find((d) => d.name.trim().toLowerCase() === w);
    if (found) return { display: found, missing: null };
  }
  // Never over the console: with only the console's display left, the wall waits hidden.
  const fallback = displays.find((d) => d.id !== primaryId) ?? null;
  return { display: fallback, missing: wanted };
}

/** What places the wall window: an Electron BrowserWindow in main/electron, a fake in tests. */
export interface WallWindowPort {
  place(bounds: WallDisplayInfo['bounds']): void;
  hide(): void;
}

/**
 * Keeps the wall window on its display as displays come and go. Reports each new choice (the
 * console warns while `missing` is set).
 */
export class WallScreenKeeper {
  private last: ScreenChoice | null = null;
  private readonly off: () => void;

  constructor(
    private readonly screen: WallScreen,
    private readonly window: WallWindowPort,
    private wanted: string | null,
    private readonly onChoice: (c: ScreenChoice) => void,
  ) {
    this.off = screen.onChange(() => this.apply());
    this.apply();
  }

  setWanted(wanted: string | null): void {
    this.wanted = wanted;
    this.apply();
  }

  current(): ScreenChoice | null {
    return this.last;
  }

  apply(): void {
    const c = chooseDisplay(this.screen.displays(), this.screen.primaryId(), this.wanted);
    if (c.display) this.window.place(c.display.bounds);
    else this.window.hide();
    const changed = !this.last || this.last.display?.id !== c.display?.id || this.last.missing !== c.missing;
    this.last = c;
    if (changed) this.onChoice(c);
  }

  close(): void {
    this.off();
  }
}
