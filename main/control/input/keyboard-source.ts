/**
 * A serial CCTV keyboard (Pelco-D or Pelco-P) as an intent source, through `serialport`.
 * States: searching (device absent) → detecting (sniffing the baud rate) → connected → on unplug,
 * a stop intent and `disconnected`, then searching again until the device comes back (hot-plug).
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import { SerialPort } from 'serialport';
import { createLogger } from '../../platform/log/logger';
import { HeldRepeater, HOLD_REPEAT_MS } from './held';
import type { DeviceState, Intent, IntentSource } from './intent';
import { PelcoIntentMapper } from './pelco-intents';
import { PelcoParser, type PelcoProtocol } from './pelco-frames';
import { applyDeviceSettings, DEFAULT_INPUT_SETTINGS, type InputSettings } from './settings';

const log = createLogger('keyboard');

export const KEYBOARD_BAUDS = [2400, 4800, 9600] as const;

export interface KeyboardOptions {
  path: string;
  protocol: PelcoProtocol;
  /** Fixed baud rate; omitted, it is detected by sniffing for valid frames. */
  baud?: number;
  bauds?: readonly number[];
  /** How long to listen at each candidate rate. */
  sniffMs?: number;
  /** After a rate change, bytes received during this long are discarded (the UART may hold old ones). */
  settleMs?: number;
  /** How often to look for the device when it is absent. */
  reopenMs?: number;
  repeatMs?: number;
  settings?: InputSettings;
}

/** Valid frames heard at one rate: enough, and more signal than noise. */
export function sniffVerdict(p: PelcoParser): boolean {
  const len = p.protocol === 'pelco-d' ? 7 : 8;
  return p.accepted >= 2 && p.accepted * len >= p.rejected;
}

export class KeyboardSource extends EventEmitter implements IntentSource {
  state: DeviceState = { state: 'searching' };
  private port: SerialPort | null = null;
  private baud: number | undefined;
  private closed = false;
  private timer: NodeJS.Timeout | null = null;
  /** While a port is open: whether its device node is still there. */
  private presence: NodeJS.Timeout | null = null;
  private readonly mapper = new PelcoIntentMapper();
  private readonly repeater: HeldRepeater;
  private readonly settings: InputSettings;

  constructor(private readonly opts: KeyboardOptions) {
    super();
    this.baud = opts.baud;
    this.settings = opts.settings ?? DEFAULT_INPUT_SETTINGS;
    this.repeater = new HeldRepeater((i) => this.emit('intent', i), opts.repeatMs ?? HOLD_REPEAT_MS);
    this.timer = setTimeout(() => this.attempt(), 0);
  }

  /** The detected (or configured) baud rate, once known. */
  get baudRate(): number | undefined {
    return this.baud;
  }

  private setState(s: DeviceState): void {
    this.state = s;
    this.emit('state', s);
  }

  private schedule(): void {
    if (this.closed) return;
    this.timer = setTimeout(() => this.attempt(), this.opts.reopenMs ?? 1000);
  }

  private attempt(): void {
    this.timer = null;
    if (this.closed) return;
    if (!fs.existsSync(this.opts.path)) {
      if (this.state.state !== 'searching') this.setState({ state: 'searching' });
      return this.schedule();
    }
    const bauds = this.opts.bauds ?? KEYBOARD_BAUDS;
    const port = new SerialPort({ path: this.opts.path, baudRate: this.baud ?? bauds[0]!, autoOpen: false });
    port.on('error', (e) => log.warn('keyboard line error', e));
    port.open((e) => {
      if (e) {
        log.warn(`cannot open ${this.opts.path}`, e);
        this.setState({ state: 'disconnected', reason: 'device.open_failed' });
        return this.schedule();
      }
      if (this.closed) return void port.close();
      this.port = port;
      port.once('close', () => this.lost(port));
      this.watchPresence(port);
      if (this.baud) this.connected(port);
      else void this.detect(port, bauds);
    });
  }

  private async detect(port: SerialPort, bauds: readonly number[]): Promise<void> {
    this.setState({ state: 'detecting' });
    const sniffMs = this.opts.sniffMs ?? 1500;
    while (this.port === port && !this.closed) {
      for (const b of bauds) {
        if (this.port !== port || this.closed) return;
        const parser = new PelcoParser(this.opts.protocol);
        const onData = (d: Buffer): void => void parser.push(d);
        try {
          await new Promise<void>((res, rej) => port.update({ baudRate: b }, (e) => (e ? rej(e) : res())));
          await new Promise((r) => setTimeout(r, this.opts.settleMs ?? 100));
          await new Promise<void>((res, rej) => port.flush((e) => (e ? rej(e) : res())));
        } catch {
          return; // the port went away: 'close' handles it
        }
        port.on('data', onData);
        await new Promise((r) => setTimeout(r, sniffMs));
        port.off('data', onData);
        if (sniffVerdict(parser)) {
          this.baud = b;
          log.info(`keyboard ${this.opts.protocol} detected at ${b} baud`);
          return this.connected(port);
        }
      }
    }
  }

  private connected(port: SerialPort): void {
    const parser = new PelcoParser(this.opts.protocol);
    port.on('data', (d: Buffer) => {
      for (const f of parser.push(d)) for (const i of this.mapper.map(f)) this.deliver(i);
    });
    log.info(`keyboard connected on ${this.opts.path} (${this.opts.protocol}@${this.baud})`);
    this.setState({ state: 'connected', detail: `${this.opts.protocol}@${this.baud}` });
  }

  private deliver(raw: Intent): void {
    const i = applyDeviceSettings(raw, this.settings);
    if (i) this.repeater.push(i);
  }

  /**
   * An unplugged adapter's device node disappears. The read error that closes the port does not
   * always come (a pty whose other end is gone may never wake the poller), so the node is checked too.
   */
  private watchPresence(port: SerialPort): void {
    this.presence = setInterval(
      () => {
        if (this.port !== port || fs.existsSync(this.opts.path)) return;
        this.lost(port);
        if (port.isOpen) port.close(() => undefined);
      },
      Math.min(this.opts.reopenMs ?? 1000, 1000),
    );
  }

  private lost(port: SerialPort): void {
    if (this.port !== port) return;
    if (this.presence) clearInterval(this.presence);
    this.presence = null;
    this.port = null;
    this.mapper.reset();
    this.repeater.clear();
    this.emit('intent', { kind: 'stop' } satisfies Intent);
    if (this.closed) return;
    log.info(`keyboard disconnected from ${this.opts.path} (unplugged); waiting for it to come back`);
    this.setState({ state: 'disconnected', reason: 'device.unplugged' });
    this.schedule();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.presence) clearInterval(this.presence);
    const port = this.port;
    if (port?.isOpen) await new Promise<void>((r) => port.close(() => r()));
    if (this.port) this.lost(port!);
    this.setState({ state: 'closed' });
  }
}
