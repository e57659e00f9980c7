/** Reads ffmpeg's stderr: why a stream failed, and what the input carries. */
import type { OfflineReason, VideoFormat } from '../../../common/contract';
import type { ElementaryCodec } from './annexb';
import type { Probe } from './ffmpeg-args';

export function classifyFailure(stderr: string, exitCode: number | null): OfflineReason {
  if (/\b(401|403)\b|Unauthorized|Forbidden/i.test(stderr)) return 'auth';
  if (
    /Connection refused|timed out|No route to host|Network is unreachable|Name or service not known|Temporary failure in name resolution|404 Not Found|Connection reset|Host is unreachable/i.test(
      stderr,
    )
  )
    return 'unreachable';
  if (
    /Unsupported codec|Decoder \(codec .*\) not found|codec not currently supported|Could not find codec parameters|Error while opening decoder|unsupported/i.test(
      stderr,
    )
  )
    return 'codec';
  if (exitCode === 0 || /End of file|Stream ends prematurely/i.test(stderr)) return 'ended';
  return 'error';
}

export interface InputInfo {
  codec: string;
  width: number | null;
  height: number | null;
}

/** "Stream #0:0: Video: h264 (High), yuvj420p(pc), 1920x1080 [SAR 1:1 DAR 16:9], 25 fps" */
export function parseInputInfo(stderr: string): InputInfo | null {
  const input = stderr.split(/^Output #/m)[0] ?? stderr;
  const m = /Stream #\d+:\d+.*?: Video: ([a-z0-9_]+)([^\n]*)/m.exec(input);
  if (!m) return null;
  const size = /, (\d{2,5})x(\d{2,5})/.exec(m[2] ?? '');
  return { codec: m[1]!, width: size ? Number(size[1]) : null, height: size ? Number(size[2]) : null };
}

/**
 * What the input carries once ffmpeg has begun its output (null: not yet). A demo source is raw
 * lavfi video encoded here: viewers receive what we encode.
 */
export function inputOf(stderr: string, demo: boolean, format: VideoFormat): InputInfo | null {
  const parsed = parseInputInfo(stderr);
  if (!parsed || !/Output #|Stream mapping/.test(stderr)) return null;
  return demo ? { ...parsed, codec: format === 'annexb' ? 'h264' : 'mpeg1video' } : parsed;
}

export interface StartSettings {
  probe: Probe;
  codec: ElementaryCodec;
}

/**
 * What a camera's ffmpeg must start again with, at once, once its input is known (null: nothing,
 * it goes on). A short probe that could not size the picture (parameter sets not in the SDP) probes
 * in full; a copied HEVC stream needs the HEVC muxer. `copy`: the bitstream is copied (annexb).
 */
export function restartWith(info: InputInfo, now: StartSettings, copy: boolean): StartSettings | null {
  const next: StartSettings = {
    probe: info.width === null ? 'full' : now.probe,
    codec: copy && info.codec === 'hevc' ? 'hevc' : now.codec,
  };
  return next.probe !== now.probe || next.codec !== now.codec ? next : null;
}
