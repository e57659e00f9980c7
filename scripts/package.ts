/**
 * Release build: `npm run dist -- --win` (signed NSIS x64) or `--linux` (dir + AppImage, for the lab).
 * Offline build servers: see README, "Technicians" (ELECTRON_MIRROR, ELECTRON_BUILDER_BINARIES_MIRROR,
 * or a pre-seeded cache).
 */
import { ROOT, loadBaseConfig, releaseConfig, validateBuilderConfig } from './release-config';

async function main(): Promise<void> {
  const target = process.argv.includes('--win') ? 'win' : 'linux';
  const cfg = releaseConfig(loadBaseConfig(), process.env, target);
  await validateBuilderConfig(cfg);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const builder = require('electron-builder') as typeof import('electron-builder');
  await builder.build({
    projectDir: ROOT,
    config: cfg as never,
    ...(target === 'win' ? { win: ['nsis'], x64: true } : { linux: ['dir', 'AppImage'] }),
    publish: 'never',
  });
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
