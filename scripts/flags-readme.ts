/**
 * `npm run flags:readme`: writes the README's flag tables from the one flag table
 * (main/app/flags/flags.ts), between markers such as `<!-- flags:wall -->` … `<!-- /flags:wall -->`.
 * scripts/flags-readme.test.ts fails when the README is not what this script would write.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import {
  COMMAND_IDS,
  COMMANDS,
  FLAGS,
  flagSynopsis,
  flagsOf,
  type CommandId,
  type FlagGroup,
  type FlagSpec,
} from '../main/app/flags/flags';

export const README = path.join(__dirname, '..', 'README.md');

/** How an entry point is named in the README's tables. */
export const ENTRY_LABEL: Record<CommandId, string> = Object.fromEntries(
  COMMAND_IDS.map((c) => [c, c === 'electron' ? 'Electron' : c]),
) as Record<CommandId, string>;

const cell = (s: string): string => s.replace(/\|/g, '\\|');
const code = (s: string): string => `\`${cell(s)}\``;

const what = (s: FlagSpec): string =>
  cell(s.en + (s.repeatable ? ', or the flag repeated' : '') + (s.testOnly ? ' (tests only)' : ''));

function table(head: string[], rows: string[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

const specs = (): FlagSpec[] => Object.values(FLAGS);

/** One group's flags, with the entry points that accept each. */
function groupTable(group: FlagGroup): string {
  return table(
    ['Flag', 'Environment', 'Accepted by', 'What'],
    specs()
      .filter((s) => s.group === group)
      .map((s) => [
        code(flagSynopsis(s, 1)),
        s.env ? code(s.env) : '',
        s.commands.length === COMMAND_IDS.length
          ? 'every entry point'
          : s.commands.map((c) => ENTRY_LABEL[c]).join(', '),
        what(s),
      ]),
  );
}

/** Every flag one command accepts. */
function commandTable(c: CommandId): string {
  return table(
    ['Flag', 'Environment', 'What'],
    flagsOf(c).map(([, s]) => [code(flagSynopsis(s, 1)), s.env ? code(s.env) : '', what(s)]),
  );
}

/** Every `vigie` command with its flags (the host's and Electron's are in the group tables). */
function commandsTable(): string {
  return table(
    ['Command', 'Flags', 'What'],
    COMMAND_IDS.map((c) => {
      const flags =
        c === 'host' || c === 'electron'
          ? 'the post, wall and PTZ flags'
          : flagsOf(c)
              .map(([, s]) => {
                const f = code(flagSynopsis(s, 1));
                return s.required?.includes(c) ? f : `[${f}]`;
              })
              .join(' ');
      return [c === 'electron' ? 'Electron (`Vigie.exe`)' : code(`vigie ${c}`), flags, cell(COMMANDS[c].en)];
    }),
  );
}

export const BLOCKS: Record<string, () => string> = {
  commands: commandsTable,
  post: () => groupTable('post'),
  wall: () => groupTable('wall'),
  ptz: () => groupTable('ptz'),
  selftest: () => commandTable('selftest'),
};

/** The README with every block rewritten from the table, formatted as the repository formats it. */
export async function renderReadme(text: string): Promise<string> {
  let out = text;
  for (const [name, render] of Object.entries(BLOCKS)) {
    const open = `<!-- flags:${name} -->`;
    const close = `<!-- /flags:${name} -->`;
    const a = out.indexOf(open);
    const b = out.indexOf(close);
    if (a < 0 || b < a) throw new Error(`README.md: markers ${open} … ${close} missing`);
    out = `${out.slice(0, a + open.length)}\n\n${render()}\n\n${out.slice(b)}`;
  }
  const config = (await prettier.resolveConfig(README)) ?? {};
  return prettier.format(out, { ...config, filepath: README });
}

if (require.main === module) {
  void (async () => {
    const before = fs.readFileSync(README, 'utf8');
    const after = await renderReadme(before);
    if (after !== before) fs.writeFileSync(README, after);
    process.stdout.write(
      after === before ? 'README.md already up to date\n' : 'README.md flag tables rewritten\n',
    );
  })();
}
