/**
 * One ffmpeg process for one camera stream in one output format, shared by all its viewers.
 * Supervises it: watchdog on data, classified failures, capped exponential restart, idle stop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type {
  OfflineReason,
  StreamKind,
  StreamState,
  StreamStatus,
  VideoFormat,
} from '../../common/contract';
import { streamKey } from '../../common/stream-key';
import { encodeFrame, type VideoControl } from '../../common/video-frame';
import { createLogger } from '../log/logger';
import { AnnexBSplitter, type AccessUnit, type ElementaryCodec } from './annexb';
import { backoffDelay } from './backoff';
import { ffmpegArgs, type SourceSpec } from './ffmpeg-args';
import { classifyFailure, parseInputInfo, type InputInfo } from './ffmpeg-diagnose';

const log = createLogger('streams');

export interface Viewer {
  send(data: Uint8Array | string): void;
  bufferedAmount(): number;
  close(code: number, reason: string): void;
}

export interface SessionOptions {
  ffmpegPath: string;
  stallMs: number;
  connectTimeoutMs: number;
  idleMs: number;
  /** Failures in a row before a stream is reported offline rather than reconnecting. */
  offlineAfter: number;
  demoText: boolean;
}

/** A viewer further behind than this skips to the next key frame (low latency beats completeness). */
const MAX_VIEWER_BACKLOG = 1_500_000;
const GOP_CACHE_LIMIT = 150;
const TS_PACKET = 188;

interface ViewerState {
  waitKey: boolean;
}

export class StreamSession {
  readonly key: string;
  private proc: ChildProcess | null = null;
  private readonly viewers = new Map<Viewer, ViewerState>();
  private codec: ElementaryCodec = 'h264';
  private info: InputInfo | null = null;
  private gop: Uint8Array[] = [];
  private tsRemainder: Buffer = Buffer.alloc(0);
  private splitter: AnnexBSplitter | null = null;
  private attempts = 0;
  private startedAt = 0;
  private lastDataAt: number | null = null;
  private stderrTail = '';
  private stallKill = false;
  private respawnNow = false;
  private closed = false;
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
    return this.viewers.size;
  }

  addViewer(v: Viewer): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.viewers.set(v, { waitKey: false });
    if (this.format === 'annexb') {
      if (this.info) v.send(JSON.stringify(this.codecMessage(this.info)));
      // Warm start: the current GOP lets a new viewer show a picture at once.
      for (const f of this.gop) v.send(f);
    }
  }

  removeViewer(v: Viewer): void {
    this.viewers.delete(v);
    if (this.viewers.size === 0 && !this.closed) {
      this.idleTimer = setTimeout(() => this.close(), this.opts.idleMs);
    }
  }

  close(reason = 'idle'): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.watchdog);
    if (this.restartTimer) clearTimeout(this.restartTimer);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.proc?.kill('SIGKILL');
    this.proc = null;
    for (const v of this.viewers.keys()) v.close(4000, reason);
    this.viewers.clear();
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
    if (this.closed) return;
    this.restartTimer = null;
    this.stderrTail = '';
    this.stallKill = false;
    this.startedAt = Date.now();
    this.gop = [];
    this.tsRemainder = Buffer.alloc(0);
    this.splitter =
      this.format === 'annexb' ? new AnnexBSplitter(this.codec, (au) => this.onAccessUnit(au)) : null;
    const args = ffmpegArgs(this.source, this.format, this.codec, this.opts.demoText);
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
    if (this.info) return;
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
        // Wrong elementary muxer for this camera: restart at once with the right one.
        this.codec = 'hevc';
        this.info = null;
        this.respawnNow = true;
        this.proc?.kill('SIGKILL');
        return;
      }
      if (info.codec !== 'h264' && info.codec !== 'hevc') {
        // Not copyable to Annex-B: viewers fall back to the transcoded path.
        for (const v of this.viewers.keys()) v.send(JSON.stringify(this.codecMessage(info)));
        this.setState('offline', 'codec');
        this.closed = true;
        this.proc?.kill('SIGKILL');
        return;
      }
    }
    for (const v of this.viewers.keys()) v.send(JSON.stringify(this.codecMessage(info)));
  }

  private onData(chunk: Buffer): void {
    this.lastDataAt = Date.now();
    if (this.status.state !== 'playing') {
      this.attempts = 0;
      this.setState('playing', null);
    }
    if (this.splitter) {
      this.splitter.push(chunk);
      return;
    }
    // MPEG-TS: hand viewers whole 188-byte packets so a late joiner's demuxer stays aligned.
    const data = this.tsRemainder.length ? Buffer.concat([this.tsRemainder, chunk]) : chunk;
    const usable = data.length - (data.length % TS_PACKET);
    this.tsRemainder = data.subarray(usable);
    if (usable === 0) return;
    const packets = data.subarray(0, usable);
    for (const v of this.viewers.keys()) {
      if (v.bufferedAmount() < MAX_VIEWER_BACKLOG) v.send(packets);
    }
  }

  private onAccessUnit(au: AccessUnit): void {
    const frame = encodeFrame(au.data, au.key, Date.now());
    if (au.key) this.gop = [];
    if (this.gop.length < GOP_CACHE_LIMIT) this.gop.push(frame);
    for (const [v, st] of this.viewers) {
      if (st.waitKey && !au.key) continue;
      if (v.bufferedAmount() > MAX_VIEWER_BACKLOG) {
        st.waitKey = true;
        continue;
      }
      st.waitKey = false;
      v.send(frame);
    }
  }

  private checkWatchdog(): void {
    if (!this.proc || this.closed) return;
    const now = Date.now();
    if (
      this.status.state === 'playing' &&
      this.lastDataAt !== null &&
      now - this.lastDataAt > this.opts.stallMs
    ) {
      this.stallKill = true;
      this.setState('stalled', null);
      this.proc.kill('SIGKILL');
    } else if (this.status.state !== 'playing' && now - this.startedAt > this.opts.connectTimeoutMs) {
      this.stderrTail += '\nConnection timed out (no video data)';
      this.proc.kill('SIGKILL');
    }
  }

  private onExit(code: number | null): void {
    this.proc = null;
    this.splitter?.reset();
    if (this.closed) return;
    if (this.respawnNow) {
      this.respawnNow = false;
      this.spawn();
      return;
    }
    this.info = null;
    this.attempts += 1;
    const reason = this.stallKill ? null : classifyFailure(this.stderrTail, code);
    const tail = this.stderrTail.trim().split('\n').slice(-2).join(' | ');
    log.warn(
      `ffmpeg for ${this.key} exited (code ${code}, attempt ${this.attempts})${reason ? ` reason=${reason}` : ''}: ${tail}`,
    );
    const offline = reason !== null && (reason === 'auth' || this.attempts >= this.opts.offlineAfter);
    this.setState(offline ? 'offline' : 'reconnecting', reason);
    this.restartTimer = setTimeout(() => this.spawn(), backoffDelay(this.attempts));
  }
}
