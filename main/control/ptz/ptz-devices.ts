/**
 * The post's input devices (keyboard, joystick) as one set: opened with the post's settings,
 * re-opened when they change, their intents to one listener, their states as views.
 */
import type { PtzDeviceKind, PtzDeviceView } from '../../../common/contract';
import type { DeviceState, InputSettings, Intent, IntentSource } from '../input';

/** An input device of the post, re-opened when the settings change. */
export interface DeviceSpec {
  kind: PtzDeviceKind;
  open(settings: InputSettings): IntentSource;
}

export function deviceView(kind: PtzDeviceKind, s: DeviceState): PtzDeviceView {
  if (s.state === 'connected') return { kind, state: s.state, detail: s.detail };
  if (s.state === 'disconnected') return { kind, state: s.state, reason: s.reason };
  return { kind, state: s.state };
}

export class PtzDevices {
  private sources: { kind: PtzDeviceKind; source: IntentSource }[] = [];
  private closed = false;

  constructor(
    private readonly specs: DeviceSpec[],
    private readonly onIntent: (i: Intent) => void,
    /** Any device's state changed: every view, and the new state. */
    private readonly onState: (views: PtzDeviceView[], s: DeviceState) => void,
  ) {}

  views(): PtzDeviceView[] {
    return this.sources.map(({ kind, source }) => deviceView(kind, source.state));
  }

  open(settings: InputSettings): void {
    if (this.closed) return;
    this.sources = this.specs.map((d) => {
      const source = d.open(settings);
      source.on('intent', (i) => this.onIntent(i));
      source.on('state', (s) => this.onState(this.views(), s));
      return { kind: d.kind, source };
    });
  }

  async reopen(settings: InputSettings): Promise<void> {
    await this.shut();
    this.open(settings);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.shut();
  }

  private async shut(): Promise<void> {
    const old = this.sources;
    this.sources = [];
    await Promise.all(old.map((s) => s.source.close()));
  }
}
