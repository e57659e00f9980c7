/**
 * The release's electron-builder configuration: electron-builder.yml, plus what depends on the release
 * and must never be committed (timestamp server, publisher DN, hardware-token subject), from the
 * environment. Validated with electron-builder's own schema before any build starts.
 */
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';

export type BuilderConfig = Record<string, unknown> & {
  win?: Record<string, unknown> & { signtoolOptions?: Record<string, unknown> };
};

export const ROOT = path.resolve(__dirname, '..');

export function loadBaseConfig(file = path.join(ROOT, 'electron-builder.yml')): BuilderConfig {
  const doc = yaml.load(fs.readFileSync(file, 'utf8'));
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error(`${file}: not a mapping`);
  return doc as BuilderConfig;
}

/** A distinguished name as Windows shows it: `CN=…, O=…, L=…, C=FR`. */
const DN = /^CN=[^,]+(,\s*(O|OU|L|S|ST|C|E|SERIALNUMBER|STREET|PostalCode)=[^,]+)+$/i;

export interface ReleaseEnv {
  VIGIE_TIMESTAMP_URL?: string | undefined;
  VIGIE_PUBLISHER_DN?: string | undefined;
  VIGIE_CERT_SUBJECT?: string | undefined;
  WIN_CSC_LINK?: string | undefined;
  VIGIE_UPDATE_URL?: string | undefined;
}

/** Overlays the release's signing settings; throws a sentence a release engineer can act on. */
export function releaseConfig(base: BuilderConfig, env: ReleaseEnv, target: 'win' | 'linux'): BuilderConfig {
  const cfg: BuilderConfig = structuredClone(base);
  if (env.VIGIE_UPDATE_URL) {
    const u = new URL(env.VIGIE_UPDATE_URL);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('VIGIE_UPDATE_URL: http(s) only');
    cfg.publish = { ...(cfg.publish as object), url: u.toString() };
  }
  if (target !== 'win') return cfg;
  const missing = (['VIGIE_TIMESTAMP_URL', 'VIGIE_PUBLISHER_DN'] as const).filter((k) => !env[k]);
  if (missing.length) throw new Error(`signed Windows build: set ${missing.join(' and ')}`);
  if (!env.WIN_CSC_LINK && !env.VIGIE_CERT_SUBJECT)
    throw new Error('signed Windows build: set WIN_CSC_LINK (+ WIN_CSC_KEY_PASSWORD) or VIGIE_CERT_SUBJECT');
  const ts = new URL(env.VIGIE_TIMESTAMP_URL!);
  if (ts.protocol !== 'http:' && ts.protocol !== 'https:')
    throw new Error('VIGIE_TIMESTAMP_URL: an RFC 3161 server over http(s)');
  if (!DN.test(env.VIGIE_PUBLISHER_DN!))
    throw new Error(
      'VIGIE_PUBLISHER_DN: the full distinguished name, e.g. "CN=Ville de X, O=Ville de X, C=FR"',
    );
  const win = cfg.win ?? {};
  cfg.win = {
    ...win,
    signtoolOptions: {
      ...win.signtoolOptions,
      rfc3161TimeStampServer: ts.toString(),
      publisherName: env.VIGIE_PUBLISHER_DN,
      ...(env.VIGIE_CERT_SUBJECT && { certificateSubjectName: env.VIGIE_CERT_SUBJECT }),
    },
  };
  return cfg;
}

/** electron-builder's own validation (app-builder-lib's scheme.json); rejects with its message. */
export async function validateBuilderConfig(cfg: BuilderConfig): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
    validateConfiguration(c: unknown, logger: unknown): Promise<void>;
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  await validateConfiguration(cfg, new DebugLogger(false));
}
