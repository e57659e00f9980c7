/**
 * A USB HID joystick as an intent source. Device access sits behind `HidBackend`/`HidDevice`, so
 * node-hid (not installed yet) plugs in later with a ten-line adapter; tests use recorded buffers.
 * Unplugging (node-hid's 'error') gives a stop intent and `disconnected`, then the backend is polled
 * until the stick comes back.
 */
import { EventEmitter } from 'node:events';
import { createLogger } from '../../platform/log/logger';
import { joystickLabel } from './device-config';
import { HeldRepeater, HOLD_REPEAT_MS } from './held';
import { parseReportDescriptor } from './hid-descriptor';
import { chooseProfile, toMove } from './hid-profiles';
import { decodeReport } from './hid-report';
import type { DeviceState, Intent, IntentSource } from './intent';
import { applyDeviceSettings, DEFAULT_INPUT_SETTINGS, type InputSettings } from './settings';

const log = createLogger('joystick');

export interface HidDevice {
  on(event: 'data', listener: (report: Buffer) => void): unknown;
  on(event: 'error', listener: (e: Error) => void): unknown;
  close(): void;
}

export interface HidCandidate {
  vendorId: number;
  productId: number;
  descriptor: Buffer;
  open(): HidDevice;
}

/** Finds the configured stick (`auto` or `VID:PID`), or null while none is plugged in. */
export interface HidBackend {
  find(): HidCandidate | null;
}

export interface JoystickOptions {
  backend: HidBackend;
  reopenMs?: number;
  repeatMs?: number;
  settings?: InputSettings;
}

export class JoystickSource extends EventEmitter implements IntentSource {
  state: DeviceState = { state: 'searching' };
  private device: HidDevice | null = null;
  /** `vvvv:pppp` of the stick in use, for the log. */
  private label = '';
  private closed = false;
  private timer: NodeJS.Timeout | null = null;
  private readonly repeater: HeldRepeater;
  private readonly settings: InputSettings;

  constructor(private readonly opts: JoystickOptions) {
    super();
    this.settings = opts.settings ?? DEFAULT_INPUT_SETTINGS;
    this.repeater = new HeldRepeater((i) => this.emit('intent', i), opts.repeatMs ?? HOLD_REPEAT_MS);
    this.timer = setTimeout(() => this.attempt(), 0);
  }

  private setState(s: DeviceState): void {
    this.state = s;
    this.emit('state', s);
  }

  private schedule(): void {
    if (!this.closed) this.timer = setTimeout(() => this.attempt(), this.opts.reopenMs ?? 1000);
  }

  private attempt(): void {
    this.timer = null;
    if (this.closed) return;
    const c = this.opts.backend.find();
    if (!c) {
      if (this.state.state !== 'searching') this.setState({ state: 'searching' });
      return this.schedule();
    }
    const parsed = parseReportDescriptor(c.descriptor);
    if (!parsed.ok) {
      log.warn(`joystick descriptor refused at byte ${parsed.at}`);
      this.setState({ state: 'disconnected', reason: 'device.open_failed' });
      return this.schedule();
    }
    let dev: HidDevice;
    try {
      dev = c.open();
    } catch (e) {
      log.warn('cannot open joystick', e);
      this.setState({ state: 'disconnected', reason: 'device.open_failed' });
      return this.schedule();
    }
    this.device = dev;
    const layout = parsed.layout;
    const profile = chooseProfile(layout, c.vendorId, c.productId);
    let pressed = new Map<number, boolean>();
    let moving = false;
    dev.on('data', (report) => {
      if (this.device !== dev) return;
      const r = decodeReport(layout, report);
      if (!r.ok) return; // other report IDs (LEDs, vendor pages) and runts are ignored
      for (const [b, down] of r.state.buttons)
        if (down !== (pressed.get(b) ?? false)) this.deliver({ kind: 'button', button: b, pressed: down });
      pressed = r.state.buttons;
      const move = toMove(profile, r.state);
      if (move) this.deliver(move);
      else if (moving) this.deliver({ kind: 'stop' });
      moving = move !== null;
    });
    dev.on('error', (e) => this.lost(dev, e));
    this.label = joystickLabel({ kind: 'id', vendorId: c.vendorId, productId: c.productId });
    log.info(`joystick connected: ${this.label} (${profile.id})`);
    this.setState({ state: 'connected', detail: profile.id });
  }

  private deliver(raw: Intent): void {
    const i = applyDeviceSettings(raw, this.settings);
    if (i) this.repeater.push(i);
  }

  private lost(dev: HidDevice, e?: Error): void {
    if (this.device !== dev) return;
    if (!this.closed)
      log.info(
        `joystick disconnected: ${this.label}${e ? ` (${e.message})` : ''}; waiting for it to come back`,
      );
    this.device = null;
    this.repeater.clear();
    this.emit('intent', { kind: 'stop' } satisfies Intent);
    try {
      dev.close();
    } catch {
      /* already gone */
    }
    if (this.closed) return;
    this.setState({ state: 'disconnected', reason: 'device.unplugged' });
    this.schedule();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.device) this.lost(this.device);
    this.setState({ state: 'closed' });
  }
}
