/**
 * What an operation may be. The zod shape bounds what crosses the boundary (types, lengths, no
 * extra keys: a malformed payload is `invalid_payload`); `checkOperation` then says, as a code the
 * console words in fr/en, what is missing or inconsistent: no requester, an end before the start…
 */
import { z } from 'zod';
import { OPERATION_KINDS, type OperationInput } from '../../../common/contract';
import { err, ok, type Result } from '../../../common/result';
import { cameraId, text } from '../../platform/ipc/shapes';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** One requisition's period: an operation longer than this is extended, with a new entry. */
export const MAX_DURATION_MS = 31 * DAY;
/** An operation recorded after it began (the requisition came by phone first). */
export const MAX_START_PAST_MS = DAY;
export const MAX_START_FUTURE_MS = 90 * DAY;
export const MAX_CAMERAS = 64;

const isoTime = z.string().max(40);

export const operationShape = z.strictObject({
  name: text({ max: 120 }),
  kind: z.enum(OPERATION_KINDS),
  requester: text({ max: 200 }),
  legalRef: text({ max: 80 }),
  cameras: z.array(cameraId).max(MAX_CAMERAS),
  preset: text({ max: 60 }).nullable(),
  startAt: isoTime,
  plannedEnd: isoTime,
});

export const extendShape = z.strictObject({ id: z.number().int().positive(), plannedEnd: isoTime });
export const idShape = z.strictObject({ id: z.number().int().positive() });

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
/** Epoch ms of a full ISO time with its zone, or null. */
export function parseTime(s: string): number | null {
  if (!ISO.test(s)) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : t;
}

/** Trimmed, spaces collapsed (the shape already applied the text rule); null when empty. */
function clean(s: string): string | null {
  const v = s.trim().replace(/\s+/g, ' ');
  return v.length > 0 ? v : null;
}

export interface CheckContext {
  now: number;
  cameraKnown(id: number): boolean;
  /** The preset's stored name (case-insensitive match), or null when there is none. */
  preset(name: string): string | null;
}

export interface CheckedOperation extends OperationInput {
  startMs: number;
  endMs: number;
}

export function checkOperation(input: OperationInput, ctx: CheckContext): Result<CheckedOperation> {
  const bad = (reason: string, params: Record<string, string | number> = {}) =>
    err('operation_invalid', { reason, ...params });
  const name = clean(input.name);
  if (!name) return bad('name');
  const requester = clean(input.requester);
  if (!requester) return bad('requester');
  const legalRef = clean(input.legalRef);
  if (!legalRef) return bad('legal_ref');
  const cameras = [...new Set(input.cameras)];
  if (cameras.length === 0) return bad('cameras');
  const unknown = cameras.find((id) => !ctx.cameraKnown(id));
  if (unknown !== undefined) return bad('unknown_camera', { id: unknown });
  let preset: string | null = null;
  if (input.preset !== null && input.preset.trim() !== '') {
    preset = ctx.preset(input.preset);
    if (!preset) return bad('preset', { name: input.preset.slice(0, 60) });
  }
  const startMs = parseTime(input.startAt);
  if (startMs === null || startMs < ctx.now - MAX_START_PAST_MS || startMs > ctx.now + MAX_START_FUTURE_MS)
    return bad('start');
  const endMs = parseTime(input.plannedEnd);
  if (endMs === null) return bad('end');
  if (endMs <= startMs) return bad('end_before_start');
  if (endMs - startMs > MAX_DURATION_MS) return bad('too_long', { max: MAX_DURATION_MS / DAY });
  if (endMs <= ctx.now) return bad('end_past');
  return ok({
    name,
    kind: input.kind,
    requester,
    legalRef,
    cameras,
    preset,
    startAt: new Date(startMs).toISOString(),
    plannedEnd: new Date(endMs).toISOString(),
    startMs,
    endMs,
  });
}

/** A new planned end: a full ISO time, after now, at most one period from now. */
export function checkExtension(plannedEnd: string, now: number): Result<number> {
  const t = parseTime(plannedEnd);
  if (t === null) return err('operation_invalid', { reason: 'end' });
  if (t <= now) return err('operation_invalid', { reason: 'end_past' });
  if (t - now > MAX_DURATION_MS)
    return err('operation_invalid', { reason: 'too_long', max: MAX_DURATION_MS / DAY });
  return ok(t);
}
