/**
 * One ffmpeg process for one camera stream in one output format, shared by all its viewers.
 * Supervises it: watchdog on data, classified failures, capped exponential restart. A session
 * without viewers says so after `idleMs`; the gateway decides whether it keeps flowing.
 * The session's one state (process life and displayed status) is the machine in session-state.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { StreamKind, StreamStatus, VideoFormat } from '../../../common/contract';
import { streamKey } from '../../../common/stream-key';
import type { VideoControl } from '../../../common/video-frame';
import { createLogger } from '../../platform/log/logger';
import type { ElementaryCodec } from './annexb';
import { RETURN_WINDOW_MS, restartDelay } from './backoff';
import { ffmpegArgs, type Probe, type RtspTimeoutOption, type SourceSpec } from './ffmpeg-args';
import { classifyFailure, parseInputInfo, restartWith, type InputInfo } from './ffmpeg-diagnose';
import { AccessUnitFanout, type Viewer } from './fanout';
import { SessionOutput } from './session-output';
import { probeUntilAccepting } from './port-probe';
import {
  INITIAL_STATE,
  nextState,
  reading,
  shownStatus,
  type SessionEvent,
  type SessionState,
} from './session-state';

export type { Viewer } from './fanout';

const log = createLogger('streams');

export interface SessionOptions {
  ffmpegPath: string;
  /** This ffmpeg's name for RTSP's socket timeout (ffmpeg-locate.ts). */
  rtspTimeout: RtspTimeoutOption;
  stallMs: number;
  connectTimeoutMs: number;
  idleMs: number;
  /** Failures in a row before a stream is reported offline rather than reconnecting. */
  offlineAfter: number;
  demoText: boolean;
  /**
   * How H.264 leaves ffmpeg: 'flv' forwards each unit as soon as it is written; 'split' (the
   * elementary stream cut at the next unit's start, one frame later) is kept for the benchmark.
   */
  h264Framing: 'flv' | 'split';
}

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
  private readonly fanout = new AccessUnitFanout();
  private codec: ElementaryCodec = 'h264';
  /** A camera is first probed short; one the short probe cannot size is probed in full from then on. */
  private probe: Probe = 'short';
  /** When ffmpeg had probed the camera, since its start (the first picture's log line). */
  private probedIn: number | null = null;
  private info: InputInfo | null = null;
  /** The stream's parameter sets, sent before any unit so a viewer configures its decoder early. */
  private config: string | null = null;
  private output: SessionOutput | null = null;
  private attempts = 0;
  private startedAt = 0;
  private lastDataAt: number | null = null;
  private stderrTail = '';
  private restartTimer: NodeJS.Timeout | null = null;
  /** Watching a server that refused us, to start again as soon as it accepts. */
  private stopProbe: (() => void) | null = null;
  /** When a server that refused us was seen accepting again (null: not since the last picture). */
  private returnedAt: number | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  /** When the last viewer left and `idleMs` passed (null: viewed, or not yet idle). */
  private idleSince: number | null = null;
  /** When a viewer last joined or left. */
  private viewed = Date.now();
  private readonly watchdog: NodeJS.Timeout;
  private status: StreamStatus;
  private readonly onStatus: (s: StreamStatus) => void;
  private readonly onIdle: (s: StreamSession) => void;
  private readonly onClosed: (s: StreamSession) => void;

  constructor(d: SessionDeps) {
    ({ cameraId: this.cameraId, stream: this.stream, format: this.format, source: this.source } = d);
    this.opts = d.opts;
    this.onStatus = d.onStatus;
    this.onIdle = d.onIdle;
    this.onClosed = d.onClosed;
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
    return this.fanout.size;
  }

  get now(): SessionState {
    return this.state;
  }

  /** Viewerless for `idleMs` at least: a stream the gateway may keep flowing or stop. */
  get idle(): boolean {
    return this.idleSince !== null;
  }

  /** When a viewer last joined or left: the gateway keeps the most recently viewed. */
  get viewedAt(): number {
    return this.viewed;
  }

  /** What the cache holds (tests and diagnostics). */
  get cached(): { units: number; bytes: number } {
    return this.fanout.cached;
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
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.idleSince = null;
    this.viewed = Date.now();
    const elementary = this.format === 'annexb';
    if (elementary && this.info) v.send(JSON.stringify(this.codecMessage(this.info)));
    if (elementary && this.config) v.send(this.config);
    // Warm start: a playing stream's units since its last key frame let a new viewer catch up
    // to a current picture at once. A stream not playing replays nothing: never a stale picture.
    this.fanout.add(v, elementary && this.state.name === 'playing');
  }

  removeViewer(v: Viewer): void {
    this.fanout.remove(v);
    this.viewed = Date.now();
    if (this.fanout.size === 0 && this.state.name !== 'closed') {
      if (this.idleTimer) clearTimeout(this.idleTimer);
      this.idleTimer = setTimeout(() => {
        this.idleTimer = null;
        this.idleSince = Date.now();
        this.onIdle(this);
      }, this.opts.idleMs);
    }
  }

  /**
   * Ends the session for good: process, timers, watchdog and viewers; the gateway forgets it.
   * An unsupported codec ends it showing offline (codec); any other reason keeps what it showed.
   */
  close(reason = 'idle', how: 'close' | 'unsupported' = 'close'): void {
    if (this.go({ type: how }).name === 'closed') return;
    clearInterval(this.watchdog);
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.stopProbe?.();
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.proc?.kill('SIGKILL');
    this.proc = null;
    for (const v of this.fanout.list()) v.close(4000, reason);
    this.fanout.clear();
    log.info(`stream ${this.key} stopped (${reason})`);
    this.onClosed(this);
  }

  private codecMessage(info: InputInfo): VideoControl {
    return { type: 'codec', codec: info.codec, width: info.width, height: info.height };
  }

  private spawn(): void {
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    this.stopProbe?.();
    this.stopProbe = null;
    if (this.state.name === 'closed') return;
    this.go({ type: 'spawn' }); // waiting → starting; a codec switch's exit already went there
    this.stderrTail = '';
    this.startedAt = Date.now();
    this.probedIn = null;
    this.fanout.resetGop();
    this.config = null;
    this.output = new SessionOutput(this.format, this.codec, this.opts.h264Framing, {
      unit: (au) => {
        this.alive();
        this.fanout.pushUnit(au.data, au.key);
      },
      config: (ps) => {
        const msg: VideoControl = { type: 'config', paramSets: ps.toString('base64') };
        this.config = JSON.stringify(msg);
        for (const v of this.fanout.list()) v.send(this.config);
      },
      // Transcoded, so a packet is a picture.
      packets: (data) => {
        this.alive();
        this.fanout.pushPackets(data);
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
    const parsed = parseInputInfo(this.stderrTail);
    if (!parsed || !/Output #|Stream mapping/.test(this.stderrTail)) return;
    // A demo source is raw lavfi video encoded here: viewers receive what we encode.
    const info =
      this.source.kind === 'demo'
        ? { ...parsed, codec: this.format === 'annexb' ? 'h264' : 'mpeg1video' }
        : parsed;
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
    if (this.format === 'annexb' && this.source.kind === 'rtsp') {
      if (info.codec !== 'h264' && info.codec !== 'hevc') {
        // Not copyable: viewers fall back to the transcoded path, and this session ends now
        // (its watchdog and its place in the gateway go with it).
        for (const v of this.fanout.list()) v.send(JSON.stringify(this.codecMessage(info)));
        this.close('unsupported codec', 'unsupported');
        return;
      }
    }
    for (const v of this.fanout.list()) v.send(JSON.stringify(this.codecMessage(info)));
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
      this.returnedAt = null;
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
      this.fanout.resetGop();
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
    this.fanout.resetGop();
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
    const returning = this.returnedAt !== null && Date.now() - this.returnedAt < RETURN_WINDOW_MS;
    const offline =
      reason !== null && (reason === 'auth' || (!returning && this.attempts >= this.opts.offlineAfter));
    this.go({ type: 'exit', offline, reason });
    const ranFor = Date.now() - this.startedAt;
    this.restartTimer = setTimeout(() => this.spawn(), restartDelay(this.attempts, ranFor, returning));
    // A server that refused the connection is watched, and tried again as soon as it accepts.
    if (this.source.kind === 'rtsp' && /Connection refused/i.test(this.stderrTail))
      this.stopProbe = probeUntilAccepting(this.source.url, () => {
        this.returnedAt = Date.now();
        this.spawn();
      });
  }
}
