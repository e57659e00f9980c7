/**
 * The one parser of Vigie's command lines, over the table in flags.ts. It gives typed options or
 * one French sentence naming the flag at fault: an unknown flag, a flag of another command, a flag
 * given twice, a missing or malformed value, a required flag left out. Nothing starts on an error.
 */
import { textProblem } from '../../../common/text';
import { parseJoystickSelector } from '../../control/input';
import { redact } from '../../platform/log/logger';
import { parseServer } from '../selftest/sntp';
import { normalizeFingerprint } from '../../video/wall/link/identity';
import { parseHostPort } from './host-port';
import { COMMAND_IDS, flagSynopsis, flagsOf, type CommandId, type FlagSpec, type Flags } from './flags';

export type FlagErrorCode =
  | 'unknown'
  | 'elsewhere'
  | 'twice'
  | 'no_value'
  | 'takes_no_value'
  | 'invalid'
  | 'required'
  | 'unexpected'
  | 'unknown_command';

export class FlagError extends Error {
  constructor(
    readonly code: FlagErrorCode,
    /** The flag (`--port`), environment variable or word at fault. */
    readonly subject: string,
    message: string,
  ) {
    super(message);
  }
}

export type ParsedFlags = { ok: true; help: boolean; flags: Flags } | { ok: false; error: FlagError };

export const commandLabel = (c: CommandId): string =>
  c === 'electron' ? 'la console Electron' : `vigie ${c}`;

/** A refused value as quoted back: control characters replaced, a URL's password never repeated. */
const shown = (raw: string): string => {
  const s = redact(raw).replace(/\p{Cc}/gu, '?');
  return s.length > 80 ? `${s.slice(0, 80)}…` : s;
};

/** What a kind of value must be, in the sentence of an error. */
export function expected(s: FlagSpec): string {
  switch (s.kind) {
    case 'bool':
      return 'aucune valeur';
    case 'text':
      return s.check ? (s.arg?.[0] ?? 'une valeur') : 'un texte sans caractère de contrôle (500 au plus)';
    case 'path':
      return 'un chemin';
    case 'int':
      return s.oneOf ? s.oneOf.join(', ') : `un entier de ${s.min} à ${s.max}`;
    case 'enum':
      return s.values.length > 2
        ? `${s.values.slice(0, -1).join(', ')} ou ${s.values.at(-1)}`
        : s.values.join(' ou ');
    case 'hostport':
      return 'HÔTE:PORT (ex. 10.0.0.12:5790)';
    case 'fingerprint':
      return (
        'l’empreinte SHA-256 du poste appairé (64 chiffres hexadécimaux, avec ou sans « : »), ' +
        'affichée par « vigie wall identity » sur ce poste'
      );
    case 'joystick':
      return 'auto ou VID:PID (hexadécimal, ex. 046d:c215)';
    case 'server':
      return 'HÔTE[:PORT]';
  }
}

/** The typed value of one raw string, or undefined when it is not what the flag takes. */
export function readValue(s: FlagSpec, raw: string): unknown {
  switch (s.kind) {
    case 'bool':
      return undefined;
    case 'text': {
      const v = raw.trim();
      if (!v || v.length > 500 || textProblem(raw) !== null || (s.check && !s.check(v))) return undefined;
      return v;
    }
    case 'path':
      return raw.trim() && raw.length <= 4096 && textProblem(raw) === null ? raw.trim() : undefined;
    case 'int': {
      if (!/^\d{1,6}$/.test(raw)) return undefined;
      const n = Number(raw);
      if (n < s.min || n > s.max || (s.oneOf && !s.oneOf.includes(n))) return undefined;
      return n;
    }
    case 'enum':
      return s.values.includes(raw) ? raw : undefined;
    case 'hostport':
      return parseHostPort(raw) ?? undefined;
    case 'fingerprint':
      return normalizeFingerprint(raw) ?? undefined;
    case 'joystick': {
      const j = parseJoystickSelector(raw);
      return j.ok ? j.value : undefined;
    }
    case 'server':
      return textProblem(raw) === null && parseServer(raw) ? raw.trim() : undefined;
  }
}

const isHelp = (a: string): boolean => a === '--help' || a === '-h';

/** Parses one command's flags (`argv` after the command's words), then its environment fallbacks. */
export function parseFlags(
  command: CommandId,
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): ParsedFlags {
  if (argv.some(isHelp)) return { ok: true, help: true, flags: {} };
  const accepted = new Map(flagsOf(command).map(([k, s]) => [s.name, [k, s] as const]));
  const out: Record<string, unknown> = {};
  const fail = (code: FlagErrorCode, subject: string, message: string): ParsedFlags => ({
    ok: false,
    error: new FlagError(code, subject, message),
  });
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--') || a === '--')
      return fail('unexpected', a, `argument inattendu « ${shown(a)} » pour « ${commandLabel(command)} »`);
    const eq = a.indexOf('=');
    const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
    const flag = `--${name}`;
    const entry = accepted.get(name);
    if (!entry) {
      const owners = COMMAND_IDS.filter((c) => flagsOf(c).some(([, s]) => s.name === name));
      return owners.length
        ? fail(
            'elsewhere',
            flag,
            `l’option ${flag} ne s’applique pas à « ${commandLabel(command)} » ` +
              `(elle sert à : ${owners.map(commandLabel).join(', ')})`,
          )
        : fail('unknown', flag, `option inconnue : ${shown(flag)} pour « ${commandLabel(command)} »`);
    }
    const [key, spec] = entry;
    if (key in out && !spec.repeatable)
      return fail('twice', flag, `${flag} est donnée deux fois : une seule valeur est permise`);
    if (spec.kind === 'bool') {
      if (eq >= 0) return fail('takes_no_value', flag, `${flag} ne prend pas de valeur`);
      out[key] = true;
      continue;
    }
    const raw = eq >= 0 ? a.slice(eq + 1) : argv[i + 1];
    if (raw === undefined || (eq < 0 && raw.startsWith('--')))
      return fail('no_value', flag, `${flag} attend une valeur : ${expected(spec)}`);
    if (eq < 0) i++;
    const v = readValue(spec, raw);
    if (v === undefined)
      return fail('invalid', flag, `${flag} attend ${expected(spec)}, reçu « ${shown(raw)} »`);
    out[key] = spec.repeatable ? [...((out[key] as string[] | undefined) ?? []), v] : v;
  }
  for (const [key, spec] of accepted.values()) {
    if (key in out || !('env' in spec) || !spec.env) continue;
    const raw = env[spec.env];
    if (raw === undefined || raw === '') continue;
    const v = readValue(spec, raw);
    if (v === undefined)
      return fail(
        'invalid',
        spec.env,
        `$${spec.env} (à défaut de --${spec.name}) attend ${expected(spec)}, reçu « ${shown(raw)} »`,
      );
    out[key] = spec.repeatable ? [v] : v;
  }
  for (const [key, spec] of accepted.values())
    if (!(key in out) && (spec as FlagSpec).required?.includes(command))
      return fail(
        'required',
        `--${spec.name}`,
        `${flagSynopsis(spec, 0)} est requis pour « ${commandLabel(command)} »`,
      );
  return { ok: true, help: false, flags: out as Flags };
}

/** The first words of the `vigie` commands: `host`, `operators`, `registry`… */
export const CLI_WORDS = [
  ...new Set(COMMAND_IDS.filter((c) => c !== 'electron').map((c) => c.split(' ')[0]!)),
];

export type CommandLine =
  | { kind: 'help'; topic: string | null }
  | { kind: 'run'; command: CommandId; flags: Flags }
  | { kind: 'error'; error: FlagError; topic: string | null };

/** `vigie <command> [<sub-command>] [flags]`, as the CLI and `Vigie.exe <command>` receive it. */
export function parseCommandLine(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  words: readonly string[] = CLI_WORDS,
): CommandLine {
  const [word, ...rest] = argv;
  if (word === undefined || isHelp(word) || word === 'help') return { kind: 'help', topic: null };
  if (!words.includes(word))
    return {
      kind: 'error',
      topic: null,
      error: new FlagError('unknown_command', word, `commande inconnue : « ${shown(word)} »`),
    };
  const subs = COMMAND_IDS.filter((c) => c.startsWith(`${word} `));
  let command = word as CommandId;
  let flags = rest;
  if (subs.length) {
    const sub = rest[0];
    if (sub !== undefined && isHelp(sub)) return { kind: 'help', topic: word };
    const id = subs.find((c) => c === `${word} ${sub}`);
    if (!id)
      return {
        kind: 'error',
        topic: word,
        error: new FlagError(
          'unknown_command',
          sub ?? word,
          sub === undefined
            ? `« vigie ${word} » attend une sous-commande : ${subs.map((c) => c.split(' ')[1]).join(', ')}`
            : `sous-commande inconnue : « vigie ${word} ${shown(sub)} »`,
        ),
      };
    command = id;
    flags = rest.slice(1);
  }
  const p = parseFlags(command, flags, env);
  if (!p.ok) return { kind: 'error', error: p.error, topic: command };
  if (p.help) return { kind: 'help', topic: command };
  return { kind: 'run', command, flags: p.flags };
}
