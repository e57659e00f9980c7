/**
 * A stream session's viewers: the fan-out, what a joining viewer is sent first (the input's codec,
 * the parameter sets, then the cached GOP), and when the session is idle for want of viewers.
 */
import type { VideoFormat } from '../../../common/contract';
import type { VideoControl } from '../../../common/video-frame';
import type { InputInfo } from './ffmpeg-diagnose';
import { AccessUnitFanout, type Viewer } from './fanout';

export class SessionViewers {
  private readonly fanout = new AccessUnitFanout();
  /** The stream's parameter sets, sent before any unit so a viewer configures its decoder early. */
  private config: string | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  /** When the last viewer left and `idleMs` passed (null: viewed, or not yet idle). */
  private idleSince: number | null = null;
  /** When a viewer last joined or left. */
  private viewed = Date.now();

  constructor(
    private readonly format: VideoFormat,
    private readonly idleMs: number,
    /** No viewer for `idleMs`. */
    private readonly onIdle: () => void,
  ) {}

  get size(): number {
    return this.fanout.size;
  }

  get idle(): boolean {
    return this.idleSince !== null;
  }

  get viewedAt(): number {
    return this.viewed;
  }

  get cached(): { units: number; bytes: number } {
    return this.fanout.cached;
  }

  /** `info`: the input, once known; `playing`: the cached GOP is current and may be replayed. */
  add(v: Viewer, info: InputInfo | null, playing: boolean): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.idleSince = null;
    this.viewed = Date.now();
    const elementary = this.format === 'annexb';
    if (elementary && info) v.send(JSON.stringify(codecMessage(info)));
    if (elementary && this.config) v.send(this.config);
    // Warm start: a playing stream's units since its last key frame let a new viewer catch up
    // to a current picture at once. A stream not playing replays nothing: never a stale picture.
    this.fanout.add(v, elementary && playing);
  }

  /** `closed`: the session ended, so it never goes idle. */
  remove(v: Viewer, closed: boolean): void {
    this.fanout.remove(v);
    this.viewed = Date.now();
    if (this.fanout.size === 0 && !closed) {
      if (this.idleTimer) clearTimeout(this.idleTimer);
      this.idleTimer = setTimeout(() => {
        this.idleTimer = null;
        this.idleSince = Date.now();
        this.onIdle();
      }, this.idleMs);
    }
  }

  /** The input is known: every viewer is told its codec and size. */
  announce(info: InputInfo): void {
    for (const v of this.fanout.list()) v.send(JSON.stringify(codecMessage(info)));
  }

  /** The stream's parameter sets (H.264 over FLV): kept for joiners, sent to those watching. */
  paramSets(ps: Buffer): void {
    const msg: VideoControl = { type: 'config', paramSets: ps.toString('base64') };
    this.config = JSON.stringify(msg);
    for (const v of this.fanout.list()) v.send(this.config);
  }

  unit(data: Uint8Array, key: boolean): void {
    this.fanout.pushUnit(data, key);
  }

  packets(data: Uint8Array): void {
    this.fanout.pushPackets(data);
  }

  /** The upstream stalled or stopped: nothing cached is current any more. */
  resetGop(): void {
    this.fanout.resetGop();
  }

  /** A new ffmpeg process: its parameter sets are yet to come. */
  restart(): void {
    this.fanout.resetGop();
    this.config = null;
  }

  /** The session ended: every viewer is closed with `reason`. */
  close(reason: string): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    for (const v of this.fanout.list()) v.close(4000, reason);
    this.fanout.clear();
  }
}

function codecMessage(info: InputInfo): VideoControl {
  return { type: 'codec', codec: info.codec, width: info.width, height: info.height };
}
