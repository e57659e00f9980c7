/** Zod schemas of the shared documents' payloads (spread into main/ipc/schemas.ts). */
import { z } from 'zod';
import {
  CONTACT_SITES,
  MAX_CATEGORIES,
  MAX_CATEGORY_CHARS,
  MAX_CONTACTS,
  MAX_DESCRIPTION_CHARS,
  MAX_INSTRUCTIONS_BYTES,
  MAX_PROCEDURE_CHARS,
  URGENCIES,
} from '../../../common/contract-docs';
import { cameraId, isoDate, text } from '../../platform/ipc/shapes';

export function docsSchemas() {
  const category = text({ min: 1, max: MAX_CATEGORY_CHARS });
  return {
    'instructions:get': z.undefined(),
    'instructions:read': z.strictObject({ version: z.number().int().positive().max(1_000_000) }),
    'instructions:import': z.strictObject({
      fileName: text({ min: 1, max: 260 }),
      contentBase64: z
        .string()
        .max(Math.ceil(MAX_INSTRUCTIONS_BYTES / 3) * 4 + 4)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/),
      categories: z
        .array(text({ max: MAX_CATEGORY_CHARS }))
        .max(MAX_CATEGORIES)
        .optional(),
    }),
    'incidents:report': z.strictObject({
      category,
      cameras: z.array(cameraId).min(1).max(64),
      occurredAt: z.iso.datetime({ offset: true }),
      description: text({ max: MAX_DESCRIPTION_CHARS, multiline: true }),
      urgency: z.enum(URGENCIES),
    }),
    'incidents:list': z.strictObject({
      category: category.optional(),
      cameraId: cameraId.optional(),
      urgency: z.enum(URGENCIES).optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
    }),
    'contacts:get': z.undefined(),
    // Lengths are bounded here; what a number may hold is told line by line by contacts-store.ts.
    'contacts:set': z.strictObject({
      entries: z
        .array(
          z.strictObject({
            site: z.enum(CONTACT_SITES),
            label: text({ max: 200 }),
            number: text({ max: 200 }),
            notes: text({ max: 1000 }),
          }),
        )
        .max(MAX_CONTACTS),
      procedure: text({ max: MAX_PROCEDURE_CHARS * 2, multiline: true }),
    }),
  } as const;
}
