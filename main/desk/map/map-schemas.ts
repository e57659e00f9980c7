/** Zod schemas of the map channels' payloads (spread into main/ipc/schemas.ts). */
import { z } from 'zod';
import { MAP_MAX_IMAGE_BYTES, MAP_MAX_IMAGE_SIDE, MAP_MAX_ZOOM } from '../../../common/contract-map';
import { text } from '../../platform/ipc/shapes';

const whole = (max: number) => z.number().int().min(0).max(max);
const point = z.strictObject({
  x: z.number().min(0).max(MAP_MAX_IMAGE_SIDE),
  y: z.number().min(0).max(MAP_MAX_IMAGE_SIDE),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});

export function mapSchemas() {
  return {
    'map:get': z.undefined(),
    'map:plan': z.undefined(),
    // Whole numbers only: a tile request can never name a path (the range is checked in main/map).
    'map:tile': z.strictObject({
      z: whole(MAP_MAX_ZOOM),
      x: whole(2 ** MAP_MAX_ZOOM),
      y: whole(2 ** MAP_MAX_ZOOM),
    }),
    'map:import-plan': z.strictObject({
      fileName: text({ min: 1, max: 260 }),
      contentBase64: z
        .string()
        .max(Math.ceil(MAP_MAX_IMAGE_BYTES / 3) * 4 + 4)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/),
      // No point at all is refused by main with its own words (map_no_points), not as a malformed call.
      points: z.array(point).max(3),
    }),
    'map:import-tiles': z.strictObject({ folder: text({ min: 1, max: 1024 }) }),
  } as const;
}
