/** ffmpeg command lines for each source and output format. Pure: unit-tested, no spawning here. */
import type { VideoFormat } from '../../../common/contract';
import type { ElementaryCodec } from './annexb';

/** A demo camera: a lavfi pattern, or (`feed`) the steerable demo's loopback y4m picture (main/app/demo). */
export type SourceSpec =
  { kind: 'rtsp'; url: string } | { kind: 'demo'; cameraId: number; label: string; feed?: string };

/** Tile-size ceiling for the baseline transcode: only larger sources are scaled down. */
export const BASELINE_MAX_WIDTH = 640;

const DEMO_PATTERNS = [
  'testsrc2',
  'testsrc',
  'smptebars',
  'rgbtestsrc',
  'smptehdbars',
  'yuvtestsrc',
  'pal100bars',
  'pal75bars',
];

export function demoFilter(cameraId: number, label: string, withText: boolean): string {
  const pattern = DEMO_PATTERNS[(cameraId - 1) % DEMO_PATTERNS.length];
  const hue = Math.floor((cameraId - 1) / DEMO_PATTERNS.length) * 90;
  const base = `${pattern}=size=640x360:rate=25,hue=h=${hue},format=yuv420p`;
  return withText ? `${base},${demoTextFilter(label)}` : base;
}

/** A moving clock proves the picture is live; the label says it is a demo camera. */
export function demoTextFilter(label: string): string {
  const safe = label.replace(/[^\p{L}\p{N} #-]/gu, '');
  return (
    `drawtext=text='${safe}':x=16:y=16:fontsize=28:fontcolor=white:box=1:boxcolor=black@0.6,` +
    `drawtext=text='%{localtime\\:%X}':x=16:y=h-48:fontsize=28:fontcolor=yellow:box=1:boxcolor=black@0.6`
  );
}

/** The demo feed's URL is the post's own (loopback), never the inventory's. */
const DEMO_FEED_WHITELIST = 'http,tcp';

/**
 * The only protocols ffmpeg may open for a camera (measured with ffmpeg 5.1): RTSP interleaved over
 * TCP needs `tcp`, rtsps adds `tls`. RTSP over UDP would need `rtp,udp` too, but the transport is
 * forced to TCP below, so a camera (or its SDP, or a redirect) cannot make ffmpeg open anything else:
 * no file, http, udp or pipe. lavfi (the demo patterns) opens no protocol.
 */
export const RTSP_PROTOCOL_WHITELIST = 'tcp,tls';

/**
 * How much of a camera's stream ffmpeg reads before it starts copying. 'short' is the gateway's
 * first try: the SDP's parameter sets give codec and picture size, so ffmpeg stops after the first
 * packet. 'full' is the fallback for a camera the short probe could not size (parameter sets only
 * in-band, some MJPEG): the stream session starts it again with this one, and what else reads a
 * camera (the self-test) keeps it. Measured by `bench --probe`.
 */
export type Probe = 'short' | 'full';

/**
 * The name of RTSP's socket timeout differs by ffmpeg: `-timeout` from ffmpeg 5, `-stimeout` before
 * (where `-timeout` means "listen for a connection", so every camera would fail). The installer's
 * Windows ffmpeg (@ffmpeg-installer, 4.1) is such an older one: ffmpeg-locate.ts asks the binary.
 */
export type RtspTimeoutOption = '-timeout' | '-stimeout';

export const RTSP_PROBE_ARGS: Readonly<Record<Probe, readonly string[]>> = {
  short: ['-probesize', '32', '-analyzeduration', '0', '-fpsprobesize', '0'],
  full: ['-probesize', '32768', '-analyzeduration', '5000000', '-fpsprobesize', '0'],
};

export function inputArgs(
  source: SourceSpec,
  demoText = true,
  probe: Probe = 'full',
  timeout: RtspTimeoutOption = '-timeout',
): string[] {
  switch (source.kind) {
    case 'rtsp':
      return [
        '-protocol_whitelist',
        RTSP_PROTOCOL_WHITELIST,
        '-rtsp_transport',
        'tcp',
        timeout,
        '5000000', // socket I/O timeout (µs): an unreachable camera fails instead of hanging
        '-flags',
        'low_delay',
        // No `-fflags nobuffer`: it throws away what ffmpeg read while probing, so a key frame
        // read then was lost and the copy waited for the next one, a whole GOP later (always, for
        // a camera whose key frame ends the probe). Probing only delays the first frame when the
        // SDP already tells (see `Probe`). `npm run bench -- --probe`: README, instant start.
        ...RTSP_PROBE_ARGS[probe],
        '-i',
        source.url,
      ];
    case 'demo':
      if (source.feed)
        return ['-protocol_whitelist', DEMO_FEED_WHITELIST, '-f', 'yuv4mpegpipe', '-i', source.feed];
      return ['-re', '-f', 'lavfi', '-i', demoFilter(source.cameraId, source.label, demoText)];
  }
}

/**
 * How the copied bitstream leaves ffmpeg. H.264 goes out as FLV: each tag carries its size, so
 * the gateway forwards a unit the moment ffmpeg writes it. HEVC (no FLV in ffmpeg 5) goes out as
 * a raw elementary stream, split at the next unit's start: one frame later.
 */
export function elementaryOutput(codec: ElementaryCodec, framing: 'flv' | 'split' = 'flv'): string[] {
  return codec === 'h264' && framing === 'flv'
    ? ['-flush_packets', '1', '-flvflags', 'no_duration_filesize', '-f', 'flv', 'pipe:1']
    : ['-flush_packets', '1', '-f', codec, 'pipe:1'];
}

export function outputArgs(
  source: SourceSpec,
  format: VideoFormat,
  codec: ElementaryCodec,
  framing: 'flv' | 'split' = 'flv',
  /** A filter before the output's own (the demo feed's label and clock). */
  filter?: string,
): string[] {
  const common = ['-an', '-sn', '-dn'];
  switch (format) {
    case 'annexb':
      if (source.kind === 'demo') {
        // The demo must be encoded once anyway; one slice per frame, 1 s GOP, like a camera.
        return [
          ...common,
          ...(filter ? ['-vf', filter] : []),
          '-c:v',
          'libx264',
          '-preset',
          'ultrafast',
          '-tune',
          'zerolatency',
          '-profile:v',
          'baseline',
          '-g',
          '25',
          '-threads',
          '1',
          '-b:v',
          '800k',
          ...elementaryOutput('h264', framing),
        ];
      }
      return [...common, '-c:v', 'copy', ...elementaryOutput(codec, framing)];
    case 'mpeg1':
      return [
        ...common,
        '-vf',
        `${filter ? `${filter},` : ''}scale=w='min(${BASELINE_MAX_WIDTH},iw)':h=-2,format=yuv420p`,
        '-c:v',
        'mpeg1video',
        '-b:v',
        '1000k',
        '-bf',
        '0',
        '-g',
        '25',
        '-r',
        '25',
        '-flush_packets',
        '1',
        '-f',
        'mpegts',
        'pipe:1',
      ];
  }
}

export function ffmpegArgs(
  source: SourceSpec,
  format: VideoFormat,
  codec: ElementaryCodec,
  demoText = true,
  framing: 'flv' | 'split' = 'flv',
  probe: Probe = 'full',
  timeout: RtspTimeoutOption = '-timeout',
): string[] {
  return [
    '-hide_banner',
    '-nostdin',
    '-loglevel',
    'info',
    ...inputArgs(source, demoText, probe, timeout),
    ...outputArgs(
      source,
      format,
      codec,
      framing,
      source.kind === 'demo' && source.feed && demoText ? demoTextFilter(source.label) : undefined,
    ),
  ];
}
