/**
 * Watches a camera whose RTSP server refused the connection: a TCP connection every half second
 * (no ffmpeg started), and `onAccepting` as soon as one is accepted. A server that comes back is
 * seen within half a second instead of at the end of a backoff of up to 10 s. Cancel stops it.
 */
import net from 'node:net';

export const PROBE_EVERY_MS = 500;
const PROBE_TIMEOUT_MS = 1000;

/** The RTSP server's host and port, or null for a URL that is not RTSP. */
export function rtspEndpoint(url: string): { host: string; port: number } | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'rtsp:' && u.protocol !== 'rtsps:') return null;
    return {
      host: u.hostname.replace(/^\[|\]$/g, ''),
      port: Number(u.port) || (u.protocol === 'rtsps:' ? 322 : 554),
    };
  } catch {
    return null;
  }
}

export function probeUntilAccepting(url: string, onAccepting: () => void): () => void {
  const at = rtspEndpoint(url);
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let socket: net.Socket | null = null;
  const stop = (): void => {
    stopped = true;
    if (timer) clearTimeout(timer);
    socket?.destroy();
  };
  const attempt = (): void => {
    timer = null;
    if (stopped || !at) return;
    const s = net.connect({ host: at.host, port: at.port, timeout: PROBE_TIMEOUT_MS });
    socket = s;
    const next = (): void => {
      s.destroy();
      if (!stopped && !timer) timer = setTimeout(attempt, PROBE_EVERY_MS);
    };
    s.once('connect', () => {
      s.destroy();
      if (stopped) return;
      stop();
      onAccepting();
    });
    s.once('error', next);
    s.once('timeout', next);
  };
  timer = setTimeout(attempt, PROBE_EVERY_MS);
  return stop;
}
