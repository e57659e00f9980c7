/**
 * The install and audit commands (`operators`, `registry`, `wall`, `selftest`, `update`), shared by
 * the `vigie` CLI and the packaged Electron app: on a Windows post with no Node, a technician runs
 * `Vigie.exe operators add …` and gets the same command, with the registry key the app itself uses.
 * Their flags are parsed by the one flag table (flags.ts) before they run.
 */
import { operatorsCommand, registryCommand } from './cli-admin';
import { storeCommand } from './cli-store';
import { wallCommand } from './cli-wall';
import { selftestCommand } from '../selftest/selftest-command';
import { updateCommand } from './update-command';
import type { CommandId, Flags } from '../flags/flags';
import type { KeyProtector } from '../../records/registry/registry-key';

/** The first words of the admin commands. */
export const ADMIN_COMMANDS = ['operators', 'registry', 'store', 'wall', 'selftest', 'update'] as const;

export type AdminCommand = Exclude<CommandId, 'host' | 'electron'>;

export interface AdminContext {
  dataDir: (f: Flags) => string;
  assetsDir: string;
  version: string;
  /** The OS keystore that wraps the registry key (Electron), so a command opens the console's registry. */
  keyProtector?: KeyProtector | undefined;
}

export function runAdminCommand(command: AdminCommand, f: Flags, ctx: AdminContext): Promise<number> {
  const [word, sub = ''] = command.split(' ') as [(typeof ADMIN_COMMANDS)[number], string?];
  switch (word) {
    case 'operators':
      return operatorsCommand(sub, f, ctx.dataDir(f), ctx.keyProtector);
    case 'registry':
      return registryCommand(sub, f, ctx.dataDir(f), ctx.keyProtector);
    case 'store':
      return storeCommand(sub, f, ctx.dataDir(f));
    case 'wall':
      return wallCommand(ctx.dataDir(f));
    case 'selftest':
      return selftestCommand(f, ctx.dataDir(f), ctx.assetsDir, ctx.version, ctx.keyProtector);
    case 'update':
      return updateCommand(f, ctx.dataDir(f), ctx.version, ctx.keyProtector);
  }
}
