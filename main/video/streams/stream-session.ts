/**
 * One ffmpeg process for one camera stream in one output format, shared by all its viewers.
 * Supervises it: watchdog on data, classified failures, capped exponential restart. A session
 * without viewers says so after `idleMs`; the gateway decides whether it keeps flowing.
 * The session's one state (process life and displayed status) is the machine in session-state.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { StreamKind, StreamStatus, VideoFormat } from '../../../common/contract';
import { streamKey } from '../../../common/stream-key';
import { createLogger } from '../../platform/log/logger';
import type { ElementaryCodec } from './annexb';
import { restartDelay } from './backoff';
import { ffmpegArgs, type Probe, type SourceSpec } from './ffmpeg-args';
import { classifyFailure, inputOf, restartWith, type InputInfo } from './ffmpeg-diagnose';
import type { Viewer } from './fanout';
import type { SessionOptions } from './session-options';
import { SessionOutput } from './session-output';
import { RestartSchedule } from './session-restart';
import {
  INITIAL_STATE,
  nextState,
  reading,
  shownStatus,
  type SessionEvent,
  type SessionState,
} from './session-state';
import { SessionViewers } from './session-viewers';

export type { Viewer } from './fanout';

const log = createLogger('streams');

export interface SessionDeps {
  cameraId: number;
  stream: StreamKind;
  format: VideoFormat;
  source: SourceSpec;
  opts: SessionOptions;
  /** The displayed status changed. */
  onStatus: (s: StreamStatus) => void;
  /** No viewer for `idleMs`: the gateway keeps the session flowing or closes it. */
  onIdle: (s: StreamSession) => void;
  /** The session ended for good. */
  onClosed: (s: StreamSession) => void;
}

export class StreamSession {
  readonly key: string;
  readonly cameraId: number;
  readonly stream: StreamKind;
  readonly format: VideoFormat;
  readonly source: SourceSpec;
  private readonly opts: SessionOptions;
  private state: SessionState = INITIAL_STATE;
  private proc: ChildProcess | null = null;
  private readonly viewers: SessionViewers;
  private codec: ElementaryCodec = 'h264';
  /** A camera is first probed short; one the short probe cannot size is probed in full from then on. */
  private probe: Probe = 'short';
  /** When ffmpeg had probed the camera, since its start (the first picture's log line). */
  private probedIn: number | null = null;
  private info: InputInfo | null = null;
  private output: SessionOutput | null = null;
  private attempts = 0;
  private startedAt = 0;
  private lastDataAt: number | null = null;
  private stderrTail = '';
  private readonly restarts = new RestartSchedule(() => this.spawn());
  private readonly watchdog: NodeJS.Timeout;
  private status: StreamStatus;
  private readonly onStatus: (s: StreamStatus) => void;
  private readonly onClosed: (s: StreamSession) => void;

  constructor(d: SessionDeps) {
    ({ cameraId: this.cameraId, stream: this.stream, format: this.format, source: this.source } = d);
    this.opts = d.opts;
    this.onStatus = d.onStatus;
    this.onClosed = d.onClosed;
    this.viewers = new SessionViewers(d.format, d.opts.idleMs, () => d.onIdle(this));
    this.key = streamKey(d.cameraId, d.stream, d.format);
    this.status = {
      key: this.key,
      cameraId: d.cameraId,
      stream: d.stream,
      format: d.format,
      ...shownStatus(this.state),
      lastFrameAt: null,
      codec: null,
      width: null,
      height: null,
    };
    this.watchdog = setInterval(() => this.checkWatchdog(), 250);
    this.spawn();
  }

  get current(): StreamStatus {
    return this.status;
  }

  get viewerCount(): number {
    return this.viewers.size;
  }

  get now(): SessionState {
    return this.state;
  }

  /** Viewerless for `idleMs` at least: a stream the gateway may keep flowing or stop. */
  get idle(): boolean {
    return this.viewers.idle;
  }

  /** When a viewer last joined or left: the gateway keeps the most recently viewed. */
  get viewedAt(): number {
    return this.viewers.viewedAt;
  }

  /** What the cache holds (tests and diagnostics). */
  get cached(): { units: number; bytes: number } {
    return this.viewers.cached;
  }

  /**
   * One transition of the session's state; the displayed status follows from it, and is sent
   * when it changed. Returns the state left.
   */
  private go(event: SessionEvent): SessionState {
    const from = this.state;
    this.state = nextState(from, event);
    const shown = shownStatus(this.state);
    if (shown.state !== this.status.state || shown.reason !== this.status.reason) {
      this.status = { ...this.status, ...shown, lastFrameAt: this.lastDataAt };
      log.info(`stream ${this.key} ${shown.state}${shown.reason ? ` (${shown.reason})` : ''}`);
      this.onStatus(this.status);
    }
    return from;
  }

  addViewer(v: Viewer): void {
    this.viewers.add(v, this.info, this.state.name === 'playing');
  }

  removeViewer(v: Viewer): void {
    this.viewers.remove(v, this.state.name === 'closed');
  }

  /**
   * Ends the session for good: process, timers, watchdog and viewers; the gateway forgets it.
   * An unsupported codec ends it showing offline (codec); any other reason keeps what it showed.
   */
  close(reason = 'idle', how: 'close' | 'unsupported' = 'close'): void {
    if (this.go({ type: how }).name === 'closed') return;
    clearInterval(this.watchdog);
    this.restarts.cancel();
    this.proc?.kill('SIGKILL');
    this.proc = null;
    this.viewers.close(reason);
    log.info(`stream ${this.key} stopped (${reason})`);
    this.onClosed(this);
  }

  private spawn(): void {
    this.restarts.cancel();
    if (this.state.name === 'closed') return;
    this.go({ type: 'spawn' }); // waiting → starting; a codec switch's exit already went there
    this.stderrTail = '';
    this.startedAt = Date.now();
    this.probedIn = null;
    this.viewers.restart();
    this.output = new SessionOutput(this.format, this.codec, this.opts.h264Framing, {
      unit: (au) => {
        this.alive();
        this.viewers.unit(au.data, au.key);
      },
      config: (ps) => this.viewers.paramSets(ps),
      // Transcoded, so a packet is a picture.
      packets: (data) => {
        this.alive();
        this.viewers.packets(data);
      },
    });
    const { source, format, codec, opts } = this;
    const args = ffmpegArgs(
      source,
      format,
      codec,
      opts.demoText,
      opts.h264Framing,
      this.probe,
      opts.rtspTimeout,
    );
    const proc = spawn(this.opts.ffmpegPath, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    this.proc = proc;
    proc.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    proc.stderr.on('data', (chunk: Buffer) => this.onStderr(chunk));
    proc.on('error', (e) => log.error(`ffmpeg for ${this.key} could not start`, e));
    proc.on('close', (code) => {
      if (this.proc === proc) this.onExit(code);
    });
  }

  private onStderr(chunk: Buffer): void {
    this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-8192);
    if (this.info || !reading(this.state)) return;
    const info = inputOf(this.stderrTail, this.source.kind === 'demo', this.format);
    if (!info) return;
    this.info = info;
    this.probedIn = Date.now() - this.startedAt;
    this.status = { ...this.status, codec: info.codec, width: info.width, height: info.height };
    // A camera the short probe could not size, or an HEVC one: start again at once, rightly set.
    const again =
      this.source.kind === 'rtsp' &&
      restartWith(info, { probe: this.probe, codec: this.codec }, this.format === 'annexb');
    if (again) {
      ({ probe: this.probe, codec: this.codec } = again);
      this.info = null;
      this.go({ type: 'codec-switch' });
      this.proc?.kill('SIGKILL');
      return;
    }
    this.viewers.announce(info);
    // Not copyable: viewers fall back to the transcoded path, and this session ends now (its
    // watchdog and its place in the gateway go with it).
    const copyable = info.codec === 'h264' || info.codec === 'hevc';
    if (this.format === 'annexb' && this.source.kind === 'rtsp' && !copyable)
      this.close('unsupported codec', 'unsupported');
  }

  /**
   * Video arrived: the stream plays. Only a picture counts, never the container's header: ffmpeg
   * writes its FLV header as soon as it has probed the camera, but copying starts at the next key
   * frame, up to a GOP later (2 to 8 s on CCTV cameras). Counting the header as video had the
   * watchdog call a long-GOP camera stalled before its first key frame, and the restart land at
   * the same point of the next GOP, again and again: a camera dark for good.
   */
  private alive(): void {
    const now = Date.now();
    this.lastDataAt = now;
    if (this.state.name === 'starting') {
      const probed = this.probedIn === null ? '' : ` (probed in ${this.probedIn} ms, ${this.probe})`;
      log.info(`stream ${this.key} first picture ${now - this.startedAt} ms after start${probed}`);
      this.attempts = 0;
      this.restarts.settled();
      this.go({ type: 'picture' });
    }
  }

  private onData(chunk: Buffer): void {
    if (!reading(this.state)) return;
    try {
      this.output?.push(chunk);
    } catch (e) {
      log.warn(`stream ${this.key}: unreadable ffmpeg output, restarting`, e);
      this.proc?.kill('SIGKILL');
    }
  }

  private checkWatchdog(): void {
    if (!this.proc) return;
    const now = Date.now();
    if (
      this.state.name === 'playing' &&
      this.lastDataAt !== null &&
      now - this.lastDataAt > this.opts.stallMs
    ) {
      // Stalled: what the cache holds is no longer current, and no new viewer may see it.
      this.viewers.resetGop();
      this.go({ type: 'stall' });
      this.proc.kill('SIGKILL');
    } else if (this.state.name === 'starting' && now - this.startedAt > this.opts.connectTimeoutMs) {
      this.stderrTail += '\nConnection timed out (no video data)';
      this.proc.kill('SIGKILL');
    }
  }

  private onExit(code: number | null): void {
    this.proc = null;
    this.output = null;
    this.viewers.resetGop();
    if (this.state.name === 'closed') return;
    if (this.state.name === 'respawning') {
      this.go({ type: 'exit', offline: false, reason: null });
      this.spawn();
      return;
    }
    this.info = null;
    this.attempts += 1;
    const reason = this.state.name === 'stall-killed' ? null : classifyFailure(this.stderrTail, code);
    const tail = this.stderrTail.trim().split('\n').slice(-2).join(' | ');
    log.warn(
      `ffmpeg for ${this.key} exited (code ${code}, attempt ${this.attempts})${reason ? ` reason=${reason}` : ''}: ${tail}`,
    );
    const returning = this.restarts.returning();
    const offline =
      reason !== null && (reason === 'auth' || (!returning && this.attempts >= this.opts.offlineAfter));
    this.go({ type: 'exit', offline, reason });
    const ranFor = Date.now() - this.startedAt;
    // A server that refused the connection is watched, and tried again as soon as it accepts.
    const refused = this.source.kind === 'rtsp' && /Connection refused/i.test(this.stderrTail);
    this.restarts.after(restartDelay(this.attempts, ranFor, returning), refused ? this.source.url : null);
  }
}
