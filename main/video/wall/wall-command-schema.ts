/**
 * The one validation of a wall command, used at both doors: the console's IPC (wall-handlers.ts) and
 * the rack PC's end of the link. The tour bounds are the state model's own.
 */
import { z } from 'zod';
import { MAX_TILES } from '../../../common/contract';
import { WALL_LAYOUTS } from '../../../common/wall';
import { cameraId } from '../../platform/ipc/shapes';
import { TOUR_MAX_CAMERAS, TOUR_MAX_DWELL, TOUR_MIN_DWELL } from './wall-state';

const tileIndex = z
  .number()
  .int()
  .min(0)
  .max(MAX_TILES - 1);
const layout = z.enum(WALL_LAYOUTS);

export const wallTourSchema = z.strictObject({
  cameras: z.array(cameraId).min(2).max(TOUR_MAX_CAMERAS),
  dwellSeconds: z.number().int().min(TOUR_MIN_DWELL).max(TOUR_MAX_DWELL),
});

export const wallCommandSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('layout'), layout }),
  z.strictObject({ kind: z.literal('tile'), index: tileIndex, cameraId: cameraId.nullable() }),
  z.strictObject({
    kind: z.literal('push'),
    layout,
    tiles: z
      .array(z.strictObject({ cameraId: cameraId.nullable(), tour: wallTourSchema.nullable() }))
      .max(MAX_TILES),
  }),
  z.strictObject({ kind: z.literal('tour'), index: tileIndex, tour: wallTourSchema.nullable() }),
  z.strictObject({ kind: z.literal('hold'), index: tileIndex }),
]);
