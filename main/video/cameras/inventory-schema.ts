/** The convention's annex as data: one schema, used for JSON files and for CSV rows alike. */
import { z } from 'zod';
import { textProblem } from '../../../common/text';
import { cameraId, text as textShape } from '../../platform/ipc/shapes';

/**
 * Why an address is refused, or null. Checked with the WHATWG URL parser, which is stricter than
 * ffmpeg's: what passes here parses the same way when credentials are injected (credentials.ts).
 */
export function urlProblem(url: string, schemes: readonly string[]): string | null {
  if (textProblem(url)) return 'url_control';
  if (/\s/.test(url)) return 'url_invalid';
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'url_invalid';
  }
  if (!schemes.includes(u.protocol)) return 'url_scheme';
  if (!u.hostname) return 'url_host';
  return null;
}

const STREAM_SCHEMES = ['rtsp:', 'rtsps:'] as const;
/** `demo:N` is the locally generated pattern of the demo cameras (and of test inventories). */
const DEMO_URL = /^demo:[a-z0-9-]+$/i;

const urlField = (schemes: readonly string[], allowDemo: boolean) =>
  z
    .string()
    .trim()
    .superRefine((u, ctx) => {
      if (allowDemo && DEMO_URL.test(u)) return;
      const problem = urlProblem(u, schemes);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

const streamUrl = urlField(STREAM_SCHEMES, true);
/** A name, a site, a zone: the text rule (issue message `text_control`, `text_ill_formed`, `text_bidi`). */
const text = (max: number) => textShape({ max }).trim();

export const ptzSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('onvif'), url: urlField(['http:', 'https:'], false) }),
  z.strictObject({
    type: z.literal('pelco-d'),
    port: text(80).min(1),
    address: z.number().int().min(1).max(255),
    baud: z.number().int().optional(),
  }),
]);

export const cameraSchema = z.strictObject({
  id: cameraId,
  name: text(120).min(1),
  site: text(120).min(1),
  zone: text(120).default(''),
  streams: z.strictObject({ main: streamUrl, sub: streamUrl.optional() }),
  ptz: ptzSchema.optional(),
  credentialsRef: text(80).min(1).optional(),
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

export type { InventoryProblem } from '../../../common/contract';
