/**
 * One ffmpeg process for one camera stream in one output format, shared by all its viewers.
 * Supervises it: watchdog on data, classified failures, capped exponential restart, idle stop.
 * The process's life is the explicit state machine in session-phase.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type {
  OfflineReason,
  StreamKind,
  StreamState,
  StreamStatus,
  VideoFormat,
} from '../../../common/contract';
import { streamKey } from '../../../common/stream-key';
import type { VideoControl } from '../../../common/video-frame';
import { createLogger } from '../../platform/log/logger';
import { AnnexBSplitter, type AccessUnit, type ElementaryCodec } from './annexb';
import { backoffDelay } from './backoff';
import { ffmpegArgs, type SourceSpec } from './ffmpeg-args';
import { classifyFailure, parseInputInfo, type InputInfo } from './ffmpeg-diagnose';
import { AccessUnitFanout, type Viewer } from './fanout';
import { FlvDemuxer } from './flv';
import { nextPhase, type PhaseEvent, type SessionPhase } from './session-phase';

export type { Viewer } from './fanout';

const log = createLogger('streams');

export interface SessionOptions {
  ffmpegPath: string;
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

const TS_PACKET = 188;

interface Framer {
  push(chunk: Buffer): void;
  reset(): void;
}

export class StreamSession {
  readonly key: string;
  private phase: SessionPhase = 'waiting';
  private proc: ChildProcess | null = null;
  private readonly fanout = new AccessUnitFanout();
  private codec: ElementaryCodec = 'h264';
  private info: InputInfo | null = null;
  private tsRemainder: Buffer = Buffer.alloc(0);
  private framer: Framer | null = null;
  private attempts = 0;
  private startedAt = 0;
  private lastDataAt: number | null = null;
  private stderrTail = '';
  private restartTimer: NodeJS.Timeout | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private readonly watchdog: NodeJS.Timeout;
  private status: StreamStatus;

  constructor(
    readonly cameraId: number,
    readonly stream: StreamKind,
    readonly format: VideoFormat,
    readonly source: SourceSpec,
    private readonly opts: SessionOptions,
    private readonly onStatus: (s: StreamStatus) => void,
    private readonly onIdle: (s: StreamSession) => void,
  ) {
    this.key = streamKey(cameraId, stream, format);
    this.status = {
      key: this.key,
      cameraId,
      stream,
      format,
      state: 'connecting',
      reason: null,
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

  get lifePhase(): SessionPhase {
    return this.phase;
  }

  private go(event: PhaseEvent): SessionPhase {
    const from = this.phase;
    this.phase = nextPhase(from, event);
    return from;
  }

  addViewer(v: Viewer): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const elementary = this.format === 'annexb';
    if (elementary && this.info) v.send(JSON.stringify(this.codecMessage(this.info)));
    // Warm start: the current GOP lets a new viewer show a picture at once.
    this.fanout.add(v, elementary);
  }

  removeViewer(v: Viewer): void {
    this.fanout.remove(v);
    if (this.fanout.size === 0 && this.phase !== 'closed') {
      this.idleTimer = setTimeout(() => this.close(), this.opts.idleMs);
    }
  }

  /** Ends the session for good: process, timers, watchdog and viewers; the gateway forgets it. */
  close(reason = 'idle'): void {
    if (this.go('close') === 'closed') return;
    clearInterval(this.watchdog);
    if (this.restartTimer) clearTimeout(this.restartTimer);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.proc?.kill('SIGKILL');
    this.proc = null;
    for (const v of this.fanout.list()) v.close(4000, reason);
    this.fanout.clear();
    log.info(`stream ${this.key} stopped (${reason})`);
    this.onIdle(this);
  }

  private codecMessage(info: InputInfo): VideoControl {
    return { type: 'codec', codec: info.codec, width: info.width, height: info.height };
  }

  private setState(state: StreamState, reason: OfflineReason | null): void {
    if (this.status.state === state && this.status.reason === reason) return;
    this.status = { ...this.status, state, reason, lastFrameAt: this.lastDataAt };
    log.info(`stream ${this.key} ${state}${reason ? ` (${reason})` : ''}`);
    this.onStatus(this.status);
  }

  private spawn(): void {
    this.restartTimer = null;
    if (this.phase === 'closed') return;
    this.go('spawn'); // waiting → running; a codec switch's exit already went to running
    this.stderrTail = '';
    this.startedAt = Date.now();
    this.fanout.resetGop();
    this.tsRemainder = Buffer.alloc(0);
    const onUnit = (au: AccessUnit): void => this.fanout.pushUnit(au.data, au.key);
    this.framer =
      this.format !== 'annexb'
        ? null
        : this.codec === 'h264' && this.opts.h264Framing === 'flv'
          ? new FlvDemuxer(onUnit)
          : new AnnexBSplitter(this.codec, onUnit);
    const args = ffmpegArgs(this.source, this.format, this.codec, this.opts.demoText, this.opts.h264Framing);
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
    if (this.info || this.phase !== 'running') return;
    const parsed = parseInputInfo(this.stderrTail);
    if (!parsed || !/Output #|Stream mapping/.test(this.stderrTail)) return;
    // A demo source is raw lavfi video encoded here: viewers receive what we encode.
    const info =
      this.source.kind === 'demo'
        ? { ...parsed, codec: this.format === 'annexb' ? 'h264' : 'mpeg1video' }
        : parsed;
    this.info = info;
    this.status = { ...this.status, codec: info.codec, width: info.width, height: info.height };
    if (this.format === 'annexb' && this.source.kind === 'rtsp') {
      if (info.codec === 'hevc' && this.codec !== 'hevc') {
        // Wrong muxer for this camera: restart at once with the right one.
        this.codec = 'hevc';
        this.info = null;
        this.go('codec-switch');
        this.proc?.kill('SIGKILL');
        return;
      }
      if (info.codec !== 'h264' && info.codec !== 'hevc') {
        // Not copyable: viewers fall back to the transcoded path, and this session ends now
        // (its watchdog and its place in the gateway go with it).
        for (const v of this.fanout.list()) v.send(JSON.stringify(this.codecMessage(info)));
        this.setState('offline', 'codec');
        this.close('unsupported codec');
        return;
      }
    }
    for (const v of this.fanout.list()) v.send(JSON.stringify(this.codecMessage(info)));
  }

  private onData(chunk: Buffer): void {
    if (this.phase !== 'running') return;
    this.lastDataAt = Date.now();
    if (this.status.state !== 'playing') {
      this.attempts = 0;
      this.setState('playing', null);
    }
    if (this.framer) {
      try {
        this.framer.push(chunk);
      } catch (e) {
        log.warn(`stream ${this.key}: unreadable ffmpeg output, restarting`, e);
        this.proc?.kill('SIGKILL');
      }
      return;
    }
    // MPEG-TS: hand viewers whole 188-byte packets so a late joiner's demuxer stays aligned.
    const data = this.tsRemainder.length ? Buffer.concat([this.tsRemainder, chunk]) : chunk;
    const usable = data.length - (data.length % TS_PACKET);
    this.tsRemainder = data.subarray(usable);
    if (usable > 0) this.fanout.pushPackets(data.subarray(0, usable));
  }

  private checkWatchdog(): void {
    if (!this.proc || this.phase !== 'running') return;
    const now = Date.now();
    if (
      this.status.state === 'playing' &&
      this.lastDataAt !== null &&
      now - this.lastDataAt > this.opts.stallMs
    ) {
      this.go('stall');
      this.setState('stalled', null);
      this.proc.kill('SIGKILL');
    } else if (this.status.state !== 'playing' && now - this.startedAt > this.opts.connectTimeoutMs) {
      this.stderrTail += '\nConnection timed out (no video data)';
      this.proc.kill('SIGKILL');
    }
  }

  private onExit(code: number | null): void {
    this.proc = null;
    this.framer?.reset();
    const from = this.go('exit');
    if (this.phase === 'closed') return;
    if (from === 'respawning') {
      this.spawn();
      return;
    }
    this.info = null;
    this.attempts += 1;
    const reason = from === 'stall-killed' ? null : classifyFailure(this.stderrTail, code);
    const tail = this.stderrTail.trim().split('\n').slice(-2).join(' | ');
    log.warn(
      `ffmpeg for ${this.key} exited (code ${code}, attempt ${this.attempts})${reason ? ` reason=${reason}` : ''}: ${tail}`,
    );
    const offline = reason !== null && (reason === 'auth' || this.attempts >= this.opts.offlineAfter);
    this.setState(offline ? 'offline' : 'reconnecting', reason);
    this.restartTimer = setTimeout(() => this.spawn(), backoffDelay(this.attempts));
  }
}
