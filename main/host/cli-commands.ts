/**
 * The install and audit commands (`operators`, `registry`, `wall`, `selftest`, `update`), shared by
 * the `vigie` CLI and the packaged Electron app: on a Windows post with no Node, a technician runs
 * `Vigie.exe operators add …` and gets the same command, with the registry key the app itself uses.
 */
import { operatorsCommand, registryCommand } from './cli-admin';
import { wallCommand } from './cli-wall';
import { selftestCommand } from '../selftest/selftest-command';
import { updateCommand } from '../update/update-command';

export const ADMIN_COMMANDS = ['operators', 'registry', 'wall', 'selftest', 'update'] as const;
export type AdminCommand = (typeof ADMIN_COMMANDS)[number];

export const isAdminCommand = (c: string | undefined): c is AdminCommand =>
  (ADMIN_COMMANDS as readonly (string | undefined)[]).includes(c);

export interface AdminContext {
  dataDir: (args: string[]) => string;
  assetsDir: string;
  version: string;
}

export function runAdminCommand(command: AdminCommand, rest: string[], ctx: AdminContext): Promise<number> {
  switch (command) {
    case 'operators':
      return operatorsCommand(rest, ctx.dataDir(rest));
    case 'registry':
      return registryCommand(rest, ctx.dataDir(rest));
    case 'wall':
      return wallCommand(rest, ctx.dataDir(rest));
    case 'selftest':
      return selftestCommand(rest, ctx.dataDir(rest), ctx.assetsDir, ctx.version);
    case 'update':
      return updateCommand(rest, ctx.dataDir(rest), ctx.version);
  }
}
