/**
 * What the post's input devices do right now, for the technician's settings panel: the stick's
 * axes as the devices report them and the buttons held, by their printed numbers (before mapping).
 * A change is reported at once, then at most once per `intervalMs`, the last state always last.
 */
import type { PtzInputView } from '../../../common/contract';
import type { Intent } from '../input/intent';

export interface InputMonitorOptions {
  intervalMs?: number;
  /** Timers (tests inject their own). */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (t: unknown) => void;
}

export class InputMonitor {
  private view: PtzInputView = { pan: 0, tilt: 0, zoom: 0, buttons: [] };
  private timer: unknown = null;
  private dirty = false;

  constructor(
    private readonly emit: (view: PtzInputView) => void,
    private readonly o: InputMonitorOptions = {},
  ) {}

  feed(i: Intent): void {
    const v = this.view;
    if (i.kind === 'move') this.view = { ...v, pan: i.pan, tilt: i.tilt, zoom: i.zoom };
    else if (i.kind === 'stop') this.view = { ...v, pan: 0, tilt: 0, zoom: 0 };
    else if (i.kind === 'button') {
      const others = v.buttons.filter((b) => b !== i.button);
      this.view = { ...v, buttons: i.pressed ? [...others, i.button].sort((a, b) => a - b) : others };
    } else return;
    if (this.view === v) return;
    this.dirty = true;
    if (this.timer === null) this.flush();
  }

  private flush(): void {
    if (!this.dirty) {
      this.timer = null;
      return;
    }
    this.dirty = false;
    this.emit(this.view);
    const set = this.o.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.timer = set(() => this.flush(), this.o.intervalMs ?? 100);
  }

  close(): void {
    if (this.timer !== null) (this.o.clearTimer ?? ((t) => clearTimeout(t as NodeJS.Timeout)))(this.timer);
    this.timer = null;
    this.dirty = false;
  }
}
