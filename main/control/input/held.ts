/**
 * Re-emits a held move while the device stays connected. Keyboards and HID sticks may report only
 * on change; the PTZ loop's watchdog must only fire when the input really falls silent.
 */
import type { Intent, MoveIntent } from './intent';

export const HOLD_REPEAT_MS = 250;

export class HeldRepeater {
  private held: MoveIntent | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly emit: (i: Intent) => void,
    private readonly everyMs = HOLD_REPEAT_MS,
  ) {}

  /** Passes an intent through and tracks whether a move is held. */
  push(i: Intent): void {
    if (i.kind === 'move') {
      this.held = i;
      if (!this.timer) this.timer = setInterval(() => this.held && this.emit(this.held), this.everyMs);
    } else if (i.kind === 'stop') {
      this.clear();
    }
    this.emit(i);
  }

  get moving(): boolean {
    return this.held !== null;
  }

  /** Drops the held move without emitting anything. */
  clear(): void {
    this.held = null;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
