/**
 * Zod schemas of every invoke's payload: main validates each one before any handler runs.
 * Checked against the contract's request types both ways, so the two cannot drift apart.
 */
import { displayCommandSchema } from '../../video/wall/link/protocol';
import { z } from 'zod';
import {
  LAYOUTS,
  MAX_IMPORT_BYTES,
  MAX_TILES,
  STREAM_STATES,
  type Channel,
  type RequestOf,
} from '../../../common/contract';
import { ROLES } from '../../../common/roles';
import { inputSettingsSchema } from '../../control/input/settings';
import { wallCommandSchema } from '../../video/wall/wall-command-schema';
import { docsSchemas } from '../../desk/instructions/docs-schemas';
import { extendShape, idShape, operationShape } from '../../desk/operations/operation-rules';
import { mapSchemas } from '../../desk/map/map-schemas';
import { cameraId, isoDate, text } from './shapes';

const registryFilter = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  login: text({ max: 40 }).optional(),
  cameraId: cameraId.optional(),
});

/** The report's period: two dates, the end not before the start, at most ten years. */
function reportSchemas() {
  const period = z.strictObject({ from: isoDate, to: isoDate });
  const ordered = <T extends { from: string; to: string }>(p: T): boolean =>
    p.from <= p.to && Date.parse(p.to) - Date.parse(p.from) <= 3660 * 86_400_000;
  return {
    'report:run': period.refine(ordered, { path: ['to'] }),
    'report:export': period.extend({ format: z.enum(['pdf', 'csv']) }).refine(ordered, { path: ['to'] }),
  };
}
/** A registry entry number, as a paging cursor. */
const seq = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const axis = z.number().min(-1).max(1);
/** PTZ payloads: the event reference and reason are free text, bounded and under the text rule. */
function ptzSchemas() {
  const line = (max: number) => text({ max }).trim().min(1);
  const camera = z.strictObject({ cameraId });
  return {
    'ptz:state': z.undefined(),
    'ptz:take': z.strictObject({
      cameraId,
      eventRef: line(80),
      reason: line(300),
      minutes: z
        .number()
        .positive()
        .max(24 * 60)
        .optional(),
      override: z.boolean().optional(),
    }),
    'ptz:extend': z.strictObject({
      cameraId,
      minutes: z
        .number()
        .positive()
        .max(24 * 60)
        .optional(),
    }),
    'ptz:release': camera,
    'ptz:select': z.strictObject({ cameraId: cameraId.nullable() }),
    'ptz:move': z.strictObject({ cameraId, pan: axis, tilt: axis, zoom: axis }),
    'ptz:stop': z.strictObject({ cameraId, reason: z.enum(['release', 'blur']) }),
    'ptz:presets': camera,
    'ptz:goto-preset': z.strictObject({ cameraId, token: text({ min: 1, max: 64 }) }),
    'ptz:settings-get': z.undefined(),
    'ptz:settings-set': inputSettingsSchema.required(),
  } as const;
}
const presetName = z.strictObject({ name: text({ min: 1, max: 60 }) });

export const requestSchemas = {
  'wall:get': z.undefined(),
  'wall:apply': wallCommandSchema,
  'wall:preset-save': presetName,
  'wall:preset-recall': presetName,
  'wall:settings-get': z.undefined(),
  'wall:settings-set': z.strictObject({
    display: text({ min: 1, max: 120 }).nullable(),
    contentProtection: z.boolean(),
  }),
  'wall:open': z.strictObject({ key: z.string().min(1).max(200) }),
  'wall:display': displayCommandSchema,
  'wall:report': z.strictObject({ shown: z.array(z.enum(['empty', ...STREAM_STATES])).max(MAX_TILES) }),
  'app:info': z.undefined(),
  'cameras:list': z.undefined(),
  'cameras:preview-import': z.strictObject({
    fileName: text({ min: 1, max: 260 }),
    contentBase64: z
      .string()
      .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/),
  }),
  'cameras:apply-import': z.strictObject({ previewId: text({ min: 1, max: 64 }) }),
  'cameras:history': z.undefined(),
  'layout:get': z.undefined(),
  'layout:set': z.strictObject({
    layout: z.enum(LAYOUTS),
    tiles: z.array(cameraId.nullable()).length(MAX_TILES),
    fullRate: z.boolean().optional(),
  }),
  'streams:endpoint': z.undefined(),
  'streams:statuses': z.undefined(),
  'auth:status': z.undefined(),
  // A password is never stored nor written to the registry: any characters, bounded.
  'auth:login': z.strictObject({ login: text({ min: 1, max: 40 }), password: z.string().min(1).max(200) }),
  'auth:logout': z.undefined(),
  'auth:lock': z.strictObject({ reason: z.enum(['inactivity', 'manual']) }),
  'auth:unlock': z.strictObject({ password: z.string().min(1).max(200) }),
  'auth:activity': z.undefined(),
  'operators:list': z.undefined(),
  'operators:save': z.strictObject({
    login: text({ min: 2, max: 40 }),
    name: text({ min: 1, max: 120 }),
    rank: text({ min: 1, max: 80 }),
    service: text({ min: 1, max: 120 }),
    badge: text({ max: 40 }),
    role: z.enum(ROLES),
    validFrom: isoDate,
    validUntil: isoDate,
    password: z.string().max(200).optional(),
  }),
  'registry:query': registryFilter
    .extend({ before: seq.optional(), after: seq.optional(), upTo: seq.optional() })
    .refine((p) => p.before === undefined || p.after === undefined, { path: ['after'] }),
  'registry:slots': registryFilter.extend({ page: z.number().int().nonnegative().max(1_000_000).optional() }),
  'registry:export': registryFilter.extend({ format: z.enum(['csv', 'pdf']) }),
  'registry:verify': z.undefined(),
  'registry:checkpoint': z.undefined(),
  'registry:requisition': z.strictObject({
    number: text({ min: 1, max: 80 }),
    authority: text({ min: 1, max: 200 }),
    officer: text({ min: 1, max: 200 }),
    cameras: z.array(cameraId).min(1).max(200),
    slots: text({ min: 1, max: 500 }),
    copyRequested: z.boolean(),
  }),
  ...ptzSchemas(),
  ...mapSchemas(),
  'selftest:run': z.strictObject({
    technician: text({ max: 120 }).trim().min(1),
  }),
  ...docsSchemas(),
  'operations:list': z.undefined(),
  'operations:create': operationShape,
  'operations:extend': extendShape,
  'operations:close': idShape,
  'operations:show': idShape,
  ...reportSchemas(),
} as const satisfies { [C in Channel]: z.ZodType<RequestOf<C>> };

/** The other direction: every contract request is something its schema's output can be. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Drift = { [C in Channel]: Same<z.output<(typeof requestSchemas)[C]>, RequestOf<C>> }[Channel];
const noDrift: Drift = true;
void noDrift;
