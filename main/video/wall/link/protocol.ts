/**
 * Messages of the wall link, validated on arrival: whatever a peer sends, only these shapes are
 * acted on. Commands carry the session id the node gave in its hello and a sequence number that
 * must be exactly the previous one plus one: a replayed or reordered command is refused.
 */
import { z } from 'zod';
import { MAX_TILES, STREAM_STATES, type WallShown } from '../../../../common/contract';
import { WALL_LAYOUTS } from '../../../../common/wall';
import { cameraId, text as textShape } from '../../../platform/ipc/shapes';
import { wallCommandSchema, wallTourSchema } from '../wall-command-schema';

/** Names and actors cross the link under the same text rule as the console's own IPC. */
const text = textShape({ max: 200 });
const tour = wallTourSchema;
const layout = z.enum(WALL_LAYOUTS);

/** The same validation as the console's own door (main/wall/wall-command-schema.ts). */
export { wallCommandSchema };

export const displayCommandSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('power'), on: z.boolean() }),
  z.strictObject({ kind: z.literal('input'), name: text }),
  z.strictObject({ kind: z.literal('scenario'), name: text }),
]);

const actor = z.strictObject({ login: text, name: text, rank: text, service: text });

export const wallStateSchema = z.strictObject({
  layout,
  tiles: z
    .array(z.strictObject({ cameraId: cameraId.nullable(), by: text.nullable(), tour: tour.nullable() }))
    .length(MAX_TILES),
  rev: z.number().int().min(0),
});

const displayInfo = z
  .strictObject({
    model: text,
    label: text,
    inputs: z.array(text).max(64),
    scenarios: z.array(text).max(64),
  })
  .nullable();

const session = z.string().regex(/^[0-9a-f-]{36}$/);
const seq = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

/** Console → node. */
export const toNodeSchema = z.discriminatedUnion('t', [
  z.strictObject({ t: z.literal('cmd'), session, seq, by: actor, cmd: wallCommandSchema }),
  z.strictObject({ t: z.literal('display'), session, seq, by: actor, cmd: displayCommandSchema }),
  z.strictObject({ t: z.literal('ping') }),
]);
export type ToNode = z.infer<typeof toNodeSchema>;

const appError = z.object({
  code: z.string().max(64),
  params: z.record(z.string().max(64), z.union([z.string().max(500), z.number()])).optional(),
});
const result = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: appError }),
]);

/** What the rack PC's wall page shows in each tile, for the console's miniature (as its page reports it). */
export const shownSchema: z.ZodType<WallShown[]> = z
  .array(z.enum(['empty', ...STREAM_STATES]))
  .max(MAX_TILES);

/** Node → console. */
export const toConsoleSchema = z.discriminatedUnion('t', [
  z.strictObject({ t: z.literal('hello'), session, state: wallStateSchema, display: displayInfo }),
  z.strictObject({ t: z.literal('state'), state: wallStateSchema }),
  z.strictObject({ t: z.literal('result'), seq, result }),
  z.strictObject({ t: z.literal('refused'), reason: z.enum(['pin']) }),
  z.strictObject({ t: z.literal('pong') }),
  z.strictObject({ t: z.literal('shown'), shown: shownSchema }),
]);
export type ToConsole = z.infer<typeof toConsoleSchema>;
