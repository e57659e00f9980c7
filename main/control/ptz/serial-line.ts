/**
 * A serial line shared by every Pelco-D camera on it (an RS-485 bus carries several addresses).
 * Reference-counted; opened on first use and again after an unplug; a write on a dead line is a code.
 */
import { SerialPort } from 'serialport';
import { createLogger } from '../../platform/log/logger';
import { done, fail, type PtzResult } from './driver';

const log = createLogger('ptz-serial');

export class SerialLine {
  private port: SerialPort | null = null;
  private opening: Promise<SerialPort | null> | null = null;
  refs = 0;

  constructor(
    readonly path: string,
    readonly baud: number,
  ) {}

  private open(): Promise<SerialPort | null> {
    if (this.port?.isOpen) return Promise.resolve(this.port);
    this.opening ??= new Promise<SerialPort | null>((resolve) => {
      const p = new SerialPort({ path: this.path, baudRate: this.baud, autoOpen: false });
      p.on('error', (e) => log.warn(`line ${this.path}`, e));
      p.open((e) => {
        this.opening = null;
        if (e) {
          log.warn(`cannot open ${this.path}`, e);
          return resolve(null);
        }
        this.port = p;
        p.once('close', () => {
          if (this.port === p) this.port = null;
        });
        resolve(p);
      });
    });
    return this.opening;
  }

  async write(frame: Buffer): Promise<PtzResult> {
    const p = await this.open();
    if (!p) return fail('ptz.unreachable', 'serial line absent');
    return new Promise((resolve) => {
      p.write(frame, (e) => {
        if (e) return resolve(fail('ptz.unreachable', e.message));
        p.drain((d) => resolve(d ? fail('ptz.unreachable', d.message) : done));
      });
    });
  }

  async close(): Promise<void> {
    const p = this.port;
    this.port = null;
    if (p?.isOpen) await new Promise<void>((r) => p.close(() => r()));
  }
}

const lines = new Map<string, SerialLine>();

export function acquireLine(path: string, baud: number): SerialLine {
  let l = lines.get(path);
  if (!l) {
    l = new SerialLine(path, baud);
    lines.set(path, l);
  } else if (l.baud !== baud) log.warn(`${path} already open at ${l.baud} baud; ${baud} ignored`);
  l.refs++;
  return l;
}

export async function releaseLine(l: SerialLine): Promise<void> {
  if (--l.refs > 0) return;
  lines.delete(l.path);
  await l.close();
}
