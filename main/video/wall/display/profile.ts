/**
 * Display profiles: a model's commands as data (`assets/displays/<model>.json`, or the same in the
 * post's `<data-dir>/displays/`), so a technician adds a model from its manual without code.
 * Each command is hex bytes or ASCII with its line ending, optionally with the reply the display
 * gives when it has done it. Whatever the cited source does not state is marked `unverified`.
 */
import path from 'node:path';
import { z } from 'zod';
import { text } from '../../../platform/ipc/shapes';
import { readFileSafe } from '../../../platform/storage/safe-read';

const HEX = /^[0-9A-Fa-f]{2}( ?[0-9A-Fa-f]{2})*$/;
const bytes = z.union([
  z.strictObject({ hex: z.string().regex(HEX).max(1024) }),
  z.strictObject({
    ascii: z.string().min(1).max(512),
    eol: z.enum(['', '\r', '\n', '\r\n']),
  }),
]);
const command = z.intersection(
  bytes,
  z.object({
    /** What the display answers once done; without it, written bytes are success. */
    reply: bytes.optional(),
    unverified: z.boolean().optional(),
    note: text({ max: 500, multiline: true }).optional(),
  }),
);
const name = z.string().regex(/^[\p{L}\p{N}][\p{L}\p{N} ._+-]{0,39}$/u);

export const displayProfileSchema = z.strictObject({
  model: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
  label: text({ min: 1, max: 100 }),
  source: z.strictObject({
    title: text({ min: 1, max: 300 }),
    url: z.string().url().max(500),
    notes: text({ max: 2000, multiline: true }).optional(),
  }),
  transport: z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('serial'),
      baudRate: z.union([1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200].map((b) => z.literal(b))),
      dataBits: z.union([z.literal(7), z.literal(8)]),
      parity: z.enum(['none', 'even', 'odd']),
      stopBits: z.union([z.literal(1), z.literal(2)]),
      unverified: z.boolean().optional(),
    }),
    z.strictObject({
      kind: z.literal('tcp'),
      port: z.number().int().min(1).max(65535),
      unverified: z.boolean().optional(),
    }),
  ]),
  /** How long a command may take before the display counts as not answering. */
  timeoutMs: z.number().int().min(100).max(10_000).default(2000),
  commands: z.strictObject({
    powerOn: command,
    powerOff: command,
    inputs: z.record(name, command),
    scenarios: z.record(name, command),
  }),
});
export type DisplayProfile = z.infer<typeof displayProfileSchema>;
export type ProfileCommand = DisplayProfile['commands']['powerOn'];
export type ProfileBytes = z.infer<typeof bytes>;

export function toBytes(b: ProfileBytes): Buffer {
  return 'hex' in b ? Buffer.from(b.hex.replace(/ /g, ''), 'hex') : Buffer.from(b.ascii + b.eol, 'latin1');
}

export type ProfileProblem = { problem: 'not-found' } | { problem: 'invalid'; detail: string };

/** A profile is a few commands: far under this. */
const MAX_PROFILE_BYTES = 256 * 1024;

/**
 * The model's profile: the post's own folder first, then the shipped ones. Read as a file someone
 * else made (readFileSafe): a regular file within the cap and the deadline, never a pipe.
 */
export async function loadProfile(model: string, dirs: string[]): Promise<DisplayProfile | ProfileProblem> {
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(model)) return { problem: 'not-found' };
  for (const dir of dirs) {
    const file = path.join(dir, `${model}.json`);
    const read = await readFileSafe(file, { maxBytes: MAX_PROFILE_BYTES, followLink: true });
    if (!read.ok && read.problem === 'missing') continue;
    if (!read.ok) return { problem: 'invalid', detail: `${file}: ${read.problem}` };
    return parseProfile(model, file, read.bytes.toString('utf8'));
  }
  return { problem: 'not-found' };
}

/** A profile file's text, checked against the schema and its model's name. */
export function parseProfile(model: string, file: string, text: string): DisplayProfile | ProfileProblem {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { problem: 'invalid', detail: `${file}: ${(e as Error).message}` };
  }
  const parsed = displayProfileSchema.safeParse(json);
  if (!parsed.success)
    return {
      problem: 'invalid',
      detail: `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    };
  if (parsed.data.model !== model)
    return { problem: 'invalid', detail: `${file}: model "${parsed.data.model}" ≠ "${model}"` };
  return parsed.data;
}
