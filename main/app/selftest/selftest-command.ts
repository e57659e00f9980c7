/**
 * `vigie selftest [flags]` (the flags are in main/host/flags.ts): the commissioning self-test from a
 * terminal. Exit code 1 when any check failed. The dated report (JSON + PDF) goes to --out, or to
 * the data directory's `autotests` folder.
 */
import os from 'node:os';
import path from 'node:path';
import { SqliteOperatorStore } from '../../records/auth/operator-store';
import { CredentialStore } from '../../video/cameras/credentials';
import { InventoryStore } from '../../video/cameras/inventory-store';
import { locateFfmpeg } from '../../video/streams/ffmpeg-locate';
import type { Flags } from '../flags/flags';
import { ptzOptionsOf } from '../flags/post-options';
import { joystickLabel } from '../../control/input';
import { setLogLevel } from '../../platform/log/logger';
import { openRegistry } from '../../records/registry/open-registry';
import type { KeyProtector } from '../../records/registry/registry-key';
import { GROUP_FR, resultFr, STATUS_FR } from './selftest-labels';
import { writeReport } from './selftest-report';
import { runSelftest } from './selftest';
import { checkCsu } from './check-csu';

export async function selftestCommand(
  f: Flags,
  dataDir: string,
  assetsDir: string,
  version: string,
  protector?: KeyProtector,
): Promise<number> {
  setLogLevel('warn'); // stdout carries the result (and, with --json, only the report)
  const operators = new SqliteOperatorStore(dataDir);
  const demoAllowed = operators.count() === 0;
  operators.close();
  const inventory = new InventoryStore(dataDir, path.join(assetsDir, 'demo-cameras.json'));
  inventory.init(undefined, demoAllowed); // read only: the self-test never changes the camera list
  const credentials = CredentialStore.inDir(dataDir);
  const registry = openRegistry(dataDir, protector);
  const post = f.post ?? os.hostname();
  const technician = f.technician ?? os.userInfo().username;
  const ptz = ptzOptionsOf(f); // the CSU channels, as the console reads them
  try {
    const report = await runSelftest({
      post,
      technician,
      app: { version, host: 'cli' },
      registry,
      cameras: [...inventory.cameras()],
      ffmpegPath: locateFfmpeg(f.ffmpeg),
      credentials,
      credentialsOf: (ref) => credentials.get(ref),
      ntp: f.ntp,
      inputs: { keyboard: f.keyboard, joystick: f.joystick && joystickLabel(f.joystick) },
      csu: () =>
        checkCsu(
          {
            ...(ptz.csuWebhook !== undefined && { webhook: ptz.csuWebhook }),
            ...(ptz.csuSmtp !== undefined && { smtp: ptz.csuSmtp }),
            ...(ptz.csuMailTo !== undefined && { mailTo: ptz.csuMailTo }),
          },
          { post, technician },
        ),
    });
    const files = await writeReport(report, f.out ?? path.join(dataDir, 'autotests'));
    if (f.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    else {
      for (const r of report.results)
        process.stdout.write(`${STATUS_FR[r.status].padEnd(9)} ${GROUP_FR[r.group]} — ${resultFr(r)}\n`);
      process.stdout.write(
        `\n${report.summary.pass} OK, ${report.summary.warn} à surveiller, ${report.summary.fail} en échec\n` +
          `Procès-verbal : ${files.pdf}\n`,
      );
    }
    return report.summary.fail > 0 ? 1 : 0;
  } finally {
    registry.close();
  }
}
