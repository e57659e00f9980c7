/** The convention's annex as data: one schema, used for JSON files and for CSV rows alike. */
import { z } from 'zod';

const streamUrl = z
  .string()
  .trim()
  .refine((u) => /^(rtsps?:\/\/[^\s]+|demo:[a-z0-9-]+)$/i.test(u), { message: 'url_scheme' });

export const ptzSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('onvif'), url: z.string().trim().url({ message: 'url' }) }),
  z.strictObject({
    type: z.literal('pelco-d'),
    port: z.string().trim().min(1),
    address: z.number().int().min(1).max(255),
    baud: z.number().int().optional(),
  }),
]);

export const cameraSchema = z.strictObject({
  id: z.number().int().positive().max(999_999),
  name: z.string().trim().min(1).max(120),
  site: z.string().trim().min(1).max(120),
  zone: z.string().trim().max(120).default(''),
  streams: z.strictObject({ main: streamUrl, sub: streamUrl.optional() }),
  ptz: ptzSchema.optional(),
  credentialsRef: z.string().trim().min(1).max(80).optional(),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
});

export const inventorySchema = z.strictObject({
  demo: z.boolean().optional(),
  cameras: z.array(z.unknown()),
});

export type Camera = z.infer<typeof cameraSchema>;
export interface Inventory {
  demo: boolean;
  cameras: Camera[];
}

export type { InventoryProblem } from '../../common/contract';
