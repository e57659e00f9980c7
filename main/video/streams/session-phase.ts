/**
 * The life of a stream session's ffmpeg process, as one explicit state machine.
 *
 *   running ──stall──────────▶ stall-killed ──exit──▶ waiting ──spawn──▶ running
 *   running ──codec-switch───▶ respawning ───exit──▶ running (at once, other muxer)
 *   running ──exit───────────▶ waiting (failure classified from ffmpeg's stderr)
 *   any ─────close───────────▶ closed (idle, inventory change, unsupported codec, shutdown)
 *
 * A new session starts in waiting. Any other event leaves the phase as it is.
 */
export type SessionPhase = 'running' | 'stall-killed' | 'respawning' | 'waiting' | 'closed';
export type PhaseEvent = 'spawn' | 'stall' | 'codec-switch' | 'exit' | 'close';

export function nextPhase(phase: SessionPhase, event: PhaseEvent): SessionPhase {
  if (phase === 'closed') return 'closed';
  if (event === 'close') return 'closed';
  switch (phase) {
    case 'running':
      if (event === 'stall') return 'stall-killed';
      if (event === 'codec-switch') return 'respawning';
      if (event === 'exit') return 'waiting';
      return phase;
    case 'stall-killed':
      return event === 'exit' ? 'waiting' : phase;
    case 'respawning':
      return event === 'exit' ? 'running' : phase;
    case 'waiting':
      return event === 'spawn' ? 'running' : phase;
    default: {
      const never: never = phase;
      return never;
    }
  }
}
