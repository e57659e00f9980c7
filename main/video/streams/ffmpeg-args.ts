/** ffmpeg command lines for each source and output format. Pure: unit-tested, no spawning here. */
import type { VideoFormat } from '../../../common/contract';
import type { ElementaryCodec } from './annexb';

export type SourceSpec = { kind: 'rtsp'; url: string } | { kind: 'demo'; cameraId: number; label: string };

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
  const safe = label.replace(/[^\p{L}\p{N} #-]/gu, '');
  const base = `${pattern}=size=640x360:rate=25,hue=h=${hue},format=yuv420p`;
  if (!withText) return base;
  // A moving clock proves the picture is live; the label says it is a demo camera.
  return (
    `${base},drawtext=text='${safe}':x=16:y=16:fontsize=28:fontcolor=white:box=1:boxcolor=black@0.6,` +
    `drawtext=text='%{localtime\\:%X}':x=16:y=h-48:fontsize=28:fontcolor=yellow:box=1:boxcolor=black@0.6`
  );
}

/**
 * The only protocols ffmpeg may open for a camera (measured with ffmpeg 5.1): RTSP interleaved over
 * TCP needs `tcp`, rtsps adds `tls`. RTSP over UDP would need `rtp,udp` too, but the transport is
 * forced to TCP below, so a camera (or its SDP, or a redirect) cannot make ffmpeg open anything else:
 * no file, http, udp or pipe. lavfi (the demo patterns) opens no protocol.
 */
export const RTSP_PROTOCOL_WHITELIST = 'tcp,tls';

export function inputArgs(source: SourceSpec, demoText = true): string[] {
  switch (source.kind) {
    case 'rtsp':
      return [
        '-protocol_whitelist',
        RTSP_PROTOCOL_WHITELIST,
        '-rtsp_transport',
        'tcp',
        '-timeout',
        '5000000', // socket I/O timeout (µs): an unreachable camera fails instead of hanging
        '-fflags',
        'nobuffer',
        '-flags',
        'low_delay',
        // Short probe: codec and size come from the SDP (sprop-parameter-sets), so waiting for
        // more data only delays the first frame (measured: 1.3–2.1 s with 1 MB, 0.25–1.1 s with 32 kB).
        // No frame-rate estimation; the 5 s bound covers long GOPs.
        '-probesize',
        '32768',
        '-analyzeduration',
        '5000000',
        '-fpsprobesize',
        '0',
        '-i',
        source.url,
      ];
    case 'demo':
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
): string[] {
  const common = ['-an', '-sn', '-dn'];
  switch (format) {
    case 'annexb':
      if (source.kind === 'demo') {
        // The demo must be encoded once anyway; one slice per frame, 1 s GOP, like a camera.
        return [
          ...common,
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
        `scale=w='min(${BASELINE_MAX_WIDTH},iw)':h=-2,format=yuv420p`,
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
): string[] {
  return [
    '-hide_banner',
    '-nostdin',
    '-loglevel',
    'info',
    ...inputArgs(source, demoText),
    ...outputArgs(source, format, codec, framing),
  ];
}
