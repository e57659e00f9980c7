/** `vigie` command line: `host` runs the browser host; the install and audit commands run and exit. */
import { appRoot } from '../../platform/app-root';
import '../../platform/log/sqlite-warning'; // first: before any module opens node:sqlite
import fs from 'node:fs';
import path from 'node:path';
import { chooseDataDir } from '../../platform/storage/data-dir';
import { installLastResort } from '../../platform/log/last-resort';
import { runAdminCommand } from './cli-commands';
import { startBrowserHost } from '../browser-host/browser-host';
import { parseCommandLine } from '../flags/flag-parser';
import { errorText, usageOf } from '../flags/flag-usage';
import type { Flags } from '../flags/flags';
import { openPost } from '../post';
import { hostOptionsOf, type HostOptions } from '../flags/post-options';

const ROOT = appRoot();

/** The version of this build, from its package.json. */
function appVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** --data-dir, $VIGIE_DATA_DIR, the machine-wide folder, or (lab only) a per-user one. */
const dataDirOf = (option: string | undefined): string =>
  chooseDataDir({ option, allowUserFallback: true }).dir;

async function host(o: HostOptions): Promise<void> {
  installLastResort();
  const post = await openPost(o, {
    dataDir: dataDirOf(o.dataDir),
    assetsDir: path.join(ROOT, 'assets'),
    host: 'browser',
    version: appVersion(),
  });
  const h = await startBrowserHost(post.services, path.join(ROOT, 'dist', 'renderer'), o.port);
  process.stdout.write(`Vigie (hôte navigateur) : ${h.url}\n`);
  // The key is the wall page's right to show images: this line is for the kiosk's technician.
  process.stdout.write(`Mur d’images (navigateur kiosque) : ${h.wallUrl}\n`);
  if (post.linkLine) process.stdout.write(`${post.linkLine}\n`);
  const stop = (): void => {
    void Promise.all([h.close(), post.close()]).finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main(argv: string[]): Promise<number> {
  const line = parseCommandLine(argv);
  if (line.kind === 'help') {
    process.stdout.write(usageOf(line.topic) + '\n');
    return 0;
  }
  if (line.kind === 'error') {
    process.stderr.write(errorText(line.error, line.topic) + '\n');
    return 2;
  }
  if (line.command === 'host') {
    const o = hostOptionsOf(line.flags);
    if (!o.ok) {
      process.stderr.write(errorText(o.error, 'host') + '\n');
      return 2;
    }
    await host(o.value);
    return -1; // keeps running
  }
  if (line.command === 'electron') return 2; // not a `vigie` command (parseCommandLine never gives it)
  return runAdminCommand(line.command, line.flags, {
    dataDir: (f: Flags) => dataDirOf(f.dataDir),
    assetsDir: path.join(ROOT, 'assets'),
    version: appVersion(),
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (e: unknown) => {
    process.stderr.write(`vigie : ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
