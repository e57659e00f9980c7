/**
 * The usage text of every entry point, written from the flag table (flags.ts): `vigie --help`,
 * `vigie <command> --help`, `Vigie.exe --help`, and what a bad flag prints. French: the CLI is a
 * French terminal tool.
 */
import type { FlagError } from './flag-parser';
import {
  COMMAND_IDS,
  COMMANDS,
  flagSynopsis,
  flagsOf,
  type CommandId,
  type FlagGroup,
  type FlagSpec,
} from './flags';

const WIDTH = 100;

const GROUP_FR: Record<FlagGroup, string> = {
  post: 'Poste',
  wall: 'Mur d’images',
  ptz: 'PTZ',
  selftest: 'Auto-test',
  operators: 'Compte',
  registry: 'Registre',
  update: 'Mise à jour',
};

const program = (c: CommandId): string => (c === 'electron' ? 'Vigie' : `vigie ${c}`);

const bracketed = (s: FlagSpec, c: CommandId): string => {
  const f = flagSynopsis(s, 0) + (s.repeatable ? ' …' : '');
  return s.required?.includes(c) ? f : `[${f}]`;
};

/** Words wrapped at WIDTH, continuation lines indented. */
function wrap(words: string[], first: string, indent: string): string {
  const lines: string[] = [];
  let line = first;
  for (const w of words) {
    if (line.length + 1 + w.length > WIDTH && line.trim()) {
      lines.push(line);
      line = indent + w;
    } else line = line.endsWith(' ') || !line ? line + w : `${line} ${w}`;
  }
  lines.push(line);
  return lines.join('\n');
}

/** `vigie host [--data-dir DOSSIER] …`: every flag the command accepts. */
export function synopsis(c: CommandId, indent = '  '): string {
  return wrap(
    flagsOf(c).map(([, s]) => bracketed(s, c)),
    `${indent}${program(c)}`,
    indent + ' '.repeat(program(c).length + 1),
  );
}

function details(c: CommandId): string {
  const rows = flagsOf(c).map(([, s]) => {
    const notes = [
      s.env && `ou $${s.env}`,
      s.repeatable && 'peut être répétée',
      s.testOnly && 'pour les essais',
    ].filter(Boolean);
    return {
      group: s.group,
      left: flagSynopsis(s, 0),
      right: s.fr + (notes.length ? ` (${notes.join(' ; ')})` : ''),
    };
  });
  const pad = Math.min(30, Math.max(...rows.map((r) => r.left.length)) + 2);
  const groups = [...new Set(rows.map((r) => r.group))];
  return groups
    .map((g) => {
      const lines = rows
        .filter((r) => r.group === g)
        .map((r) => {
          const head = `  ${r.left.padEnd(pad)}`;
          return r.left.length >= pad
            ? `  ${r.left}\n${wrap(r.right.split(' '), ' '.repeat(pad + 2), ' '.repeat(pad + 2))}`
            : wrap(r.right.split(' '), head, ' '.repeat(pad + 2));
        });
      return (groups.length > 1 ? `${GROUP_FR[g]} :\n` : '') + lines.join('\n');
    })
    .join('\n');
}

/** One command's usage: its synopsis, what it does, and each flag. */
export function commandUsage(c: CommandId): string {
  return `Usage :\n${synopsis(c)}\n  ${COMMANDS[c].fr}\n\nOptions :\n${details(c)}`;
}

const RULES =
  'Une option s’écrit --nom valeur ou --nom=valeur. Une option inconnue ou donnée deux fois est refusée,\n' +
  'sauf --csu-mail-to, qui peut être répétée. « --help » après une commande en liste les options.';

/** `vigie --help`: every command with every flag it accepts. */
export function usage(): string {
  const cli = COMMAND_IDS.filter((c) => c !== 'electron');
  return (
    `Usage : vigie <commande> [options]\n${RULES}\n\n` +
    cli.map((c) => `${synopsis(c)}\n        ${COMMANDS[c].fr}`).join('\n')
  );
}

/** The usage for a topic: null (all), a first word (`registry`: its sub-commands), or a command. */
export function usageOf(topic: string | null): string {
  if (topic === null) return usage();
  const ids = COMMAND_IDS.filter((c) => c === topic || c.startsWith(`${topic} `));
  return ids.map(commandUsage).join('\n\n');
}

/** What a refused command line prints: the sentence, then where the options are listed. */
export function errorText(e: FlagError, topic: string | null): string {
  const help = topic === 'electron' ? 'Vigie --help' : `vigie ${topic ? `${topic} ` : ''}--help`;
  return `vigie : ${e.message}\n(${help} : la liste des options)`;
}
