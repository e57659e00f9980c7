/**
 * The README's flags against the one flag table and the real parsers of each entry point: the
 * tables are what `npm run flags:readme` writes; every flag a table lists is accepted, and used, by
 * every entry point it names; every command line the README shows parses.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { electronStart } from '../main/app/electron/electron-start';
import { parseCommandLine } from '../main/app/flags/flag-parser';
import { COMMAND_IDS, flagsOf, type CommandId } from '../main/app/flags/flags';
import { hostOptions } from '../main/app/flags/post-options';
import { BLOCKS, ENTRY_LABEL, README, renderReadme } from './flags-readme';

const readme = fs.readFileSync(README, 'utf8');

test('the README’s flag tables are the ones the flag table writes (npm run flags:readme)', async () => {
  assert.equal(await renderReadme(readme), readme, 'README.md is out of date: run npm run flags:readme');
});

/** What an entry point makes of a command line: its typed options, or why it refused. */
function parseAt(entry: CommandId, argv: string[]): { ok: boolean; out: string } {
  if (entry === 'host') {
    const r = hostOptions(argv, {});
    return { ok: r.ok && !r.help, out: JSON.stringify(r.ok ? r : r.error.message) };
  }
  if (entry === 'electron') {
    const r = electronStart(argv, {});
    return { ok: r.kind === 'post', out: JSON.stringify(r) };
  }
  const r = parseCommandLine([...entry.split(' '), ...argv], {});
  return { ok: r.kind === 'run', out: JSON.stringify(r.kind === 'error' ? r.error.message : r) };
}

/** The flags one flag needs beside it to mean anything (the wall's roles, the keyboard's line). */
const WITH: Record<string, string[]> = {
  role: ['listen', 'peer-pin'],
  listen: ['role', 'peer-pin'],
  'peer-pin': ['role', 'listen'],
  wall: ['wall-pin'],
  'wall-pin': ['wall'],
  'keyboard-protocol': ['keyboard'],
  'keyboard-baud': ['keyboard'],
};

function argvFor(entry: CommandId, name: string): { argv: string[]; base: string[] } {
  const specs = flagsOf(entry).map(([, s]) => s);
  const one = (n: string): string[] => {
    const s = specs.find((x) => x.name === n);
    assert.ok(s, `${entry} does not accept --${n}`);
    return s.kind === 'bool' ? [`--${n}`] : [`--${n}`, s.example ?? 'x'];
  };
  const base = [
    ...((entry === 'host' || entry === 'electron' ? WITH[name] : undefined) ?? []).flatMap(one),
    ...specs.filter((s) => s.required?.includes(entry) && s.name !== name).flatMap((s) => one(s.name)),
  ];
  return { argv: [...base, ...one(name)], base };
}

/** The rows of a generated table: its cells, `|` inside code unescaped. */
function rows(block: string): string[][] {
  const open = readme.indexOf(`<!-- flags:${block} -->`);
  const body = readme.slice(open, readme.indexOf(`<!-- /flags:${block} -->`));
  return body
    .split('\n')
    .filter((l) => l.startsWith('|'))
    .slice(2)
    .map((l) =>
      l
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim().replace(/\\\|/g, '|')),
    );
}

const ENTRY_BY_LABEL = new Map(COMMAND_IDS.map((c) => [ENTRY_LABEL[c], c]));
const flagNames = (cell: string): string[] => [...cell.matchAll(/`--([a-z-]+)/g)].map((m) => m[1]!);

test('each flag the README lists is accepted, and used, by each entry point that lists it', () => {
  const documented: [CommandId, string][] = [];
  for (const block of ['post', 'wall', 'ptz'])
    for (const [flag, , entries] of rows(block)) {
      const names = flagNames(flag!);
      assert.equal(names.length, 1, flag);
      const ids =
        entries === 'every entry point'
          ? COMMAND_IDS
          : entries!.split(', ').map((l) => ENTRY_BY_LABEL.get(l) ?? assert.fail(`unknown entry ${l}`));
      for (const id of ids) documented.push([id, names[0]!]);
    }
  for (const [flag] of rows('selftest')) documented.push(['selftest', flagNames(flag!)[0]!]);
  for (const [command, flags] of rows('commands')) {
    const id = /^`vigie ([a-z ]+)`$/.exec(command!)?.[1] as CommandId | undefined;
    if (id) for (const n of flagNames(flags!)) documented.push([id, n]);
  }
  assert.ok(documented.length > 80, `${documented.length} documented (entry, flag) pairs`);
  for (const [entry, name] of documented) {
    const { argv, base } = argvFor(entry, name);
    const withFlag = parseAt(entry, argv);
    assert.ok(withFlag.ok, `${entry} refuses ${argv.join(' ')}: ${withFlag.out}`);
    assert.notEqual(withFlag.out, parseAt(entry, base).out, `${entry} ignores --${name}`);
  }
});

/** Shell words of a README command: quotes, `\` line continuations, comments, `| more` cut off. */
function words(line: string): string[] {
  const out: string[] = [];
  let cur: string | null = null;
  let quote: string | null = null;
  for (const ch of line.replace(/\\\n/g, ' ')) {
    if (quote) {
      if (ch === quote) quote = null;
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      cur ??= '';
    } else if (/\s/.test(ch)) {
      if (cur !== null) out.push(cur);
      cur = null;
    } else if ((ch === '#' || ch === '|') && cur === null) break;
    else cur = (cur ?? '') + ch;
  }
  if (cur !== null) out.push(cur);
  return out;
}

/** The README's command lines for an entry point, from its shell blocks and inline code. */
function commandLines(): { entry: 'host' | 'electron' | 'cli'; argv: string[]; text: string }[] {
  const found: { entry: 'host' | 'electron' | 'cli'; argv: string[]; text: string }[] = [];
  const shell = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) =>
    m[1]!.replace(/\\\n/g, ' ').split('\n'),
  );
  const inline = [...readme.replace(/```[\s\S]*?```/g, '').matchAll(/`([^`]+)`/g)].map((m) =>
    m[1]!.replace(/\n/g, ' '),
  );
  const starts: [RegExp, 'host' | 'electron' | 'cli'][] = [
    [/(?:^|\s)npx vigie (.*)$/, 'cli'],
    [/(?:^|\s)npm run host -- (.*)$/, 'host'],
    [/(?:^|\s)npm start -- (.*)$/, 'host'],
    [/\\Vigie\.exe" (.*)$/, 'electron'],
  ];
  for (const text of [...shell, ...inline])
    for (const [re, entry] of starts) {
      const m = re.exec(text);
      // A value to fill in, `<console fingerprint>`, is one word.
      if (m) found.push({ entry, argv: words(m[1]!.replace(/<[^>]*>/g, '<>')), text });
    }
  return found;
}

test('every command line the README shows parses through its entry point', () => {
  const lines = commandLines();
  assert.ok(lines.length >= 12, `${lines.length} command lines found`);
  for (const { entry, argv, text } of lines) {
    // `[--flag X]` is optional, a lone `…` stands for flags shown elsewhere, `<…>` for a value to fill in.
    const args = argv
      .map((w) => w.replace(/^\[|\]$/g, ''))
      .filter((w, i, all) => w !== '…' || all[i - 1]?.startsWith('--'))
      .map((w, i, all) => {
        if (w !== '<>') return w;
        const flag = all[i - 1]!.slice(2);
        return flagsOf('host').find(([, s]) => s.name === flag)![1].example!;
      });
    const ok =
      entry === 'host'
        ? hostOptions(args, {})
        : entry === 'electron'
          ? electronStart(args, {})
          : parseCommandLine(args, {});
    const error = 'kind' in ok ? (ok.kind === 'error' ? ok.error : null) : ok.ok ? null : ok.error;
    // An elided line (`vigie operators add …`) may leave out what the command requires.
    const elided = argv.length > args.length;
    if (error && !(elided && error.code === 'required')) assert.fail(`README: ${text}\n${error.message}`);
  }
});

test('every generated block has its markers in the README', () => {
  for (const name of Object.keys(BLOCKS)) assert.ok(readme.includes(`<!-- flags:${name} -->`), name);
});
