import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCommandLine, parseFlags, type ParsedFlags } from './flag-parser';
import { usageOf } from './flag-usage';
import { COMMAND_IDS, flagSynopsis, flagsOf, type CommandId } from './flags';
import { hostOptions } from './post-options';
import { electronStart } from '../electron/electron-start';

const flags = (p: ParsedFlags) => {
  assert.ok(p.ok, p.ok ? '' : p.error.message);
  return p.flags;
};
const refusal = (p: ParsedFlags) => {
  assert.ok(!p.ok, 'refused');
  return p.error;
};

test('a flag is --name value or --name=value, typed by the table', () => {
  assert.deepEqual(flags(parseFlags('host', ['--port', '5791', '--data-dir=/tmp/d', '--demo'], {})), {
    port: 5791,
    dataDir: '/tmp/d',
    demo: true,
  });
  assert.deepEqual(flags(parseFlags('selftest', ['--csu-webhook=http://h/x', '--joystick', 'auto'], {})), {
    csuWebhook: 'http://h/x',
    joystick: { kind: 'auto' },
  });
  // A value may hold '=' and start with one dash.
  assert.equal(
    flags(parseFlags('update verify', ['--publisher=CN=X, O=Y', '--media', 'E:\\v'], {})).publisher,
    'CN=X, O=Y',
  );
  assert.equal(refusal(parseFlags('host', ['--lease-minutes', '-3'], {})).code, 'invalid');
});

test('an unknown flag, or another command’s, is refused with a French sentence naming it', () => {
  const unknown = refusal(parseFlags('host', ['--prot', '5791'], {}));
  assert.equal(unknown.code, 'unknown');
  assert.equal(unknown.message, 'option inconnue : --prot pour « vigie host »');
  const elsewhere = refusal(parseFlags('selftest', ['--port', '1'], {}));
  assert.equal(elsewhere.code, 'elsewhere');
  assert.match(
    elsewhere.message,
    /l’option --port ne s’applique pas à « vigie selftest » \(elle sert à : vigie host\)/,
  );
  assert.match(refusal(parseFlags('electron', ['--port', '1'], {})).message, /« la console Electron »/);
  assert.match(
    refusal(parseFlags('host', ['cameras.json'], {})).message,
    /argument inattendu « cameras\.json »/,
  );
  assert.match(refusal(parseFlags('host', ['--demo=yes'], {})).message, /--demo ne prend pas de valeur/);
  assert.match(
    refusal(parseFlags('host', ['--data-dir', '--port', '1'], {})).message,
    /--data-dir attend une valeur/,
  );
  assert.match(refusal(parseFlags('host', ['--port'], {})).message, /--port attend une valeur/);
  assert.match(refusal(parseFlags('host', ['--post', 'a\u0007b'], {})).message, /--post attend un texte/);
  assert.match(
    refusal(parseFlags('registry checkpoint', [], {})).message,
    /--out FICHIER est requis pour « vigie registry checkpoint »/,
  );
});

test('a flag given twice is refused the same way by every entry point; only a repeatable one adds up', () => {
  const twice = ['--data-dir', '/a', '--data-dir=/b'];
  const sentence = '--data-dir est donnée deux fois : une seule valeur est permise';
  const host = hostOptions(twice, {});
  assert.ok(!host.ok && host.error.message === sentence);
  const electron = electronStart(twice, {});
  assert.ok(electron.kind === 'error' && electron.error.message === sentence);
  for (const c of COMMAND_IDS.filter((c) => c !== 'host' && c !== 'electron')) {
    const r = parseCommandLine([...c.split(' '), ...twice], {});
    assert.ok(r.kind === 'error' && r.error.message === sentence, c);
  }
  assert.deepEqual(
    flags(parseFlags('selftest', ['--csu-mail-to', 'a@x.fr', '--csu-mail-to=b@x.fr'], {})).csuMailTo,
    ['a@x.fr', 'b@x.fr'],
  );
});

test('an environment fallback applies only when the flag is absent, and is checked like the flag', () => {
  const env = { VIGIE_PORT: '5780', VIGIE_DATA_DIR: '/srv/vigie', VIGIE_FFMPEG: '/opt/ffmpeg' };
  assert.deepEqual(flags(parseFlags('host', [], env)), {
    dataDir: '/srv/vigie',
    port: 5780,
    ffmpeg: '/opt/ffmpeg',
  });
  assert.equal(flags(parseFlags('host', ['--port', '5791'], env)).port, 5791);
  assert.equal(flags(parseFlags('operators list', [], env)).port, undefined, 'only where the flag is taken');
  const bad = refusal(parseFlags('host', [], { VIGIE_PORT: 'http' }));
  assert.equal(bad.subject, 'VIGIE_PORT');
  assert.match(bad.message, /\$VIGIE_PORT \(à défaut de --port\) attend un entier de 0 à 65535/);
  assert.equal(
    flags(parseFlags('update verify', ['--media', 'm'], { VIGIE_PUBLISHER_DN: 'CN=V' })).publisher,
    'CN=V',
  );
});

test('vigie <command> [<sub-command>]: help, unknown words, sub-commands', () => {
  assert.deepEqual(parseCommandLine([], {}), { kind: 'help', topic: null });
  assert.deepEqual(parseCommandLine(['--help'], {}), { kind: 'help', topic: null });
  assert.deepEqual(parseCommandLine(['registry', '--help'], {}), { kind: 'help', topic: 'registry' });
  assert.deepEqual(parseCommandLine(['registry', 'purge', '-h'], {}), {
    kind: 'help',
    topic: 'registry purge',
  });
  const r = parseCommandLine(['registry', 'verify', '--checkpoint', 'cp.json'], {});
  assert.deepEqual(r, { kind: 'run', command: 'registry verify', flags: { checkpoint: 'cp.json' } });
  const cases: [string[], RegExp][] = [
    [['hots'], /commande inconnue : « hots »/],
    [['registry'], /« vigie registry » attend une sous-commande : verify, checkpoint, purge/],
    [['registry', 'verfy'], /sous-commande inconnue : « vigie registry verfy »/],
    [['electron'], /commande inconnue/],
  ];
  for (const [argv, re] of cases) {
    const e = parseCommandLine(argv, {});
    assert.ok(e.kind === 'error' && re.test(e.error.message), argv.join(' '));
  }
});

test('the usage lists every flag each command accepts (the self-test’s CSU flags included)', () => {
  const all = usageOf(null);
  for (const c of COMMAND_IDS.filter((c) => c !== 'electron')) {
    const block = all.slice(all.indexOf(`vigie ${c} `));
    const own = block.slice(0, block.search(/\n {8}\S/)); // up to the command's description
    for (const [, s] of flagsOf(c)) assert.ok(own.includes(flagSynopsis(s, 0)), `${c}: ${s.name}`);
  }
  for (const f of ['--csu-webhook URL', '--csu-smtp smtp://HÔTE:PORT', '--csu-mail-to ADRESSE'])
    assert.ok(usageOf('selftest').includes(f), f);
  for (const c of COMMAND_IDS as CommandId[]) {
    const u = usageOf(c);
    for (const [, s] of flagsOf(c))
      assert.ok(u.includes(`  ${flagSynopsis(s, 0)}`), `${c} --help: ${s.name}`);
  }
});
