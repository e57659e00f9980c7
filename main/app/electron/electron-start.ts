/**
 * What Electron's main does with its command line, with no Electron import, so that it is unit-tested
 * without the binary (electron-start.test.ts). The flags are the browser host's, from the one table
 * (main/host/flags.ts); `Vigie.exe <command>` runs the CLI's install commands; `--role wall` makes
 * this PC the rack PC, showing the wall window alone.
 */
import { ADMIN_COMMANDS, type AdminCommand } from '../cli/cli-commands';
import { parseCommandLine, parseFlags, type FlagError } from '../flags/flag-parser';
import { commandUsage, errorText, usageOf } from '../flags/flag-usage';
import type { Flags } from '../flags/flags';
import { postOptions, type PostOptions } from '../flags/post-options';
import type { HostRole } from '../wall-role';
import type { WallScreen } from '../../video/wall/screen-choice';

/**
 * Chromium's and Node's own switches, which Electron may be started with (`--no-sandbox` as root, a
 * debugger port, logging): they are Electron's, not Vigie's, and are left to it.
 */
const RUNTIME_SWITCH =
  /^--(no-sandbox|disable-gpu|enable-logging|v|vmodule|inspect|inspect-brk|remote-debugging-port|ozone-platform|ozone-platform-hint|enable-features|disable-features|lang|force-device-scale-factor)(=|$)/;

export type ElectronStart =
  | { kind: 'help'; text: string }
  | { kind: 'command'; command: AdminCommand; flags: Flags }
  | { kind: 'post'; options: PostOptions }
  | { kind: 'error'; error: FlagError; text: string };

/** Electron's command line (after the app path): a post to open, an install command, help or a refusal. */
export function electronStart(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): ElectronStart {
  if ((ADMIN_COMMANDS as readonly (string | undefined)[]).includes(argv[0])) {
    const line = parseCommandLine(argv, env, ADMIN_COMMANDS);
    if (line.kind === 'help') return { kind: 'help', text: usageOf(line.topic) };
    if (line.kind === 'error')
      return { kind: 'error', error: line.error, text: errorText(line.error, line.topic) };
    return { kind: 'command', command: line.command as AdminCommand, flags: line.flags };
  }
  const p = parseFlags(
    'electron',
    argv.filter((a) => !RUNTIME_SWITCH.test(a)),
    env,
  );
  if (!p.ok) return { kind: 'error', error: p.error, text: errorText(p.error, 'electron') };
  if (p.help)
    return {
      kind: 'help',
      text: `${commandUsage('electron')}\n\nVigie <commande> … : les commandes d’installation (${ADMIN_COMMANDS.join(', ')}) ; Vigie <commande> --help`,
    };
  const o = postOptions(p.flags);
  return o.ok
    ? { kind: 'post', options: o.value }
    : { kind: 'error', error: o.error, text: errorText(o.error, 'electron') };
}

/** The windows Electron opens, as the shell makes them (main.ts) or a test records them. */
export interface PostWindows<W> {
  openConsole(): W;
  /**
   * The wall window on its display. `console` is the window it lives with (it closes with it), null
   * on a rack PC; `mayCoverPrimary` lets it take the primary display, where no console needs it.
   */
  openWall(o: { console: W | null; mayCoverPrimary: boolean }): void;
}

/**
 * A console shows its own wall on another display, unless its wall is on a rack PC (`--wall`). A
 * rack PC (`--role wall`) shows the wall alone, on any display, with no console window.
 */
export function openWindows<W>(role: HostRole, w: PostWindows<W>): void {
  if (role.role === 'wall') return w.openWall({ console: null, mayCoverPrimary: true });
  const consoleWindow = w.openConsole();
  if (!role.wall) w.openWall({ console: consoleWindow, mayCoverPrimary: false });
}

/** The screen as the wall sees it on a rack PC: no display is the console's, so any may take the wall. */
export const withoutConsole = (s: WallScreen): WallScreen => ({ ...s, primaryId: () => '' });
