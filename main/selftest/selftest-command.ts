/**
 * `vigie selftest --data-dir DIR [--json] [--post NOM] [--technician NOM] [--ntp HÔTE[:PORT]]
 *  [--keyboard CHEMIN] [--joystick auto|VID:PID] [--out DOSSIER]`: the commissioning self-test from a
 * terminal. Exit code 1 when any check failed. The dated report (JSON + PDF) goes to --out, or to
 * the data directory's `autotests` folder.
 */
import os from 'node:os';
import path from 'node:path';
import { OperatorStore } from '../auth/operator-store';
import { CredentialStore } from '../cameras/credentials';
import { InventoryStore } from '../cameras/inventory-store';
import { locateFfmpeg } from '../config/ffmpeg-locate';
import { option } from '../host/cli-args';
import { setLogLevel } from '../log/logger';
import { openRegistry } from '../registry/open-registry';
import { GROUP_FR, resultFr, STATUS_FR } from './selftest-labels';
import { writeReport } from './selftest-report';
import { runSelftest } from './selftest';
import { checkCsu } from './check-csu';

export async function selftestCommand(
  args: string[],
  dataDir: string,
  assetsDir: string,
  version: string,
): Promise<number> {
  setLogLevel('warn'); // stdout carries the result (and, with --json, only the report)
  const operators = new OperatorStore(dataDir);
  const demoAllowed = operators.count() === 0;
  operators.close();
  const inventory = new InventoryStore(dataDir, path.join(assetsDir, 'demo-cameras.json'));
  inventory.init(undefined, demoAllowed); // read only: the self-test never changes the camera list
  const credentials = CredentialStore.inDir(dataDir);
  const registry = openRegistry(dataDir);
  const post = option(args, 'post') ?? os.hostname();
  const technician = option(args, 'technician') ?? os.userInfo().username;
  try {
    const report = await runSelftest({
      post,
      technician,
      app: { version, host: 'cli' },
      registry,
      cameras: [...inventory.cameras()],
      ffmpegPath: locateFfmpeg(option(args, 'ffmpeg') ?? process.env.VIGIE_FFMPEG),
      credentials,
      credentialsOf: (ref) => credentials.get(ref),
      ntp: option(args, 'ntp'),
      inputs: { keyboard: option(args, 'keyboard'), joystick: option(args, 'joystick') },
      csu: () =>
        checkCsu(
          {
            ...(option(args, 'csu-webhook') !== undefined && { webhook: option(args, 'csu-webhook') }),
            ...(option(args, 'csu-smtp') !== undefined && { smtp: option(args, 'csu-smtp') }),
            ...(option(args, 'csu-mail-to') !== undefined && { mailTo: option(args, 'csu-mail-to') }),
          },
          { post, technician },
        ),
    });
    const files = await writeReport(report, option(args, 'out') ?? path.join(dataDir, 'autotests'));
    if (args.includes('--json')) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
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
