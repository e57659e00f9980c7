/**
 * When a session's ffmpeg starts again after it exited: once the backoff has passed, or as soon as
 * a server that refused the connection accepts again (the delay then stays at the base step for
 * RETURN_WINDOW_MS, while the relay comes back).
 */
import { RETURN_WINDOW_MS } from './backoff';
import { probeUntilAccepting } from './port-probe';

export class RestartSchedule {
  private timer: NodeJS.Timeout | null = null;
  /** Watching a server that refused us, to start again as soon as it accepts. */
  private stopProbe: (() => void) | null = null;
  /** When a server that refused us was seen accepting again (null: not since the last picture). */
  private returnedAt: number | null = null;

  constructor(private readonly start: () => void) {}

  /** Whether a refusing server came back within the window. */
  returning(now = Date.now()): boolean {
    return this.returnedAt !== null && now - this.returnedAt < RETURN_WINDOW_MS;
  }

  /** A picture arrived: the server is back for good. */
  settled(): void {
    this.returnedAt = null;
  }

  /** Starts again after `delayMs`; `refusedUrl`: a server that refused us, watched until it accepts. */
  after(delayMs: number, refusedUrl: string | null): void {
    this.timer = setTimeout(this.start, delayMs);
    if (refusedUrl !== null)
      this.stopProbe = probeUntilAccepting(refusedUrl, () => {
        this.returnedAt = Date.now();
        this.start();
      });
  }

  /** A start is under way, or the session ends: nothing pending fires. */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.stopProbe?.();
    this.stopProbe = null;
  }
}
