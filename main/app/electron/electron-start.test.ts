/** Electron's command line and its windows, without the Electron binary (electron-start.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseDisplay, type WallScreen } from '../../video/wall/screen-choice';
import { electronStart, openWindows, withoutConsole, type ElectronStart } from './electron-start';

const FP = 'ab'.repeat(32);
const post = (argv: string[]) => {
  const s: ElectronStart = electronStart(argv, {});
  assert.equal(s.kind, 'post', JSON.stringify(s));
  return (s as Extract<ElectronStart, { kind: 'post' }>).options;
};

/** Records the windows the shell is asked to open. */
function windows(argv: string[]): string[] {
  const opened: string[] = [];
  openWindows(post(argv).role, {
    openConsole: () => {
      opened.push('console');
      return 'console-window';
    },
    openWall: ({ console, mayCoverPrimary }) =>
      opened.push(`wall(with ${console ?? 'no console'}${mayCoverPrimary ? ', any display' : ''})`),
  });
  return opened;
}

test('Electron takes the browser host’s post flags, which it ignored before', () => {
  const o = post([
    '--data-dir=/srv/vigie',
    '--lock-after',
    '120',
    '--ntp',
    'ntp.cic.local:123',
    '--ffmpeg',
    '/opt/ffmpeg',
    '--display',
    'barco-rlm@COM3',
    '--keyboard',
    'COM4',
    '--csu-webhook',
    'https://csu.example/ptz',
  ]);
  assert.equal(o.dataDir, '/srv/vigie');
  assert.equal(o.services.lockAfterSeconds, 120);
  assert.equal(o.services.ntp, 'ntp.cic.local:123');
  assert.equal(o.services.ffmpegPath, '/opt/ffmpeg');
  assert.deepEqual(o.role, { role: 'console', wall: null, display: 'barco-rlm@COM3' });
  assert.deepEqual(o.services.ptz?.keyboard, { path: 'COM4', protocol: 'pelco-d' });
  assert.equal(o.services.ptz?.csuWebhook, 'https://csu.example/ptz');
});

test('a console shows its wall on another display; a console with a rack PC shows none; a rack PC shows the wall alone', () => {
  assert.deepEqual(windows([]), ['console', 'wall(with console-window)']);
  assert.deepEqual(windows(['--wall', '10.0.0.12:5790', '--wall-pin', FP]), ['console']);
  assert.deepEqual(windows(['--role', 'wall', '--listen', '0.0.0.0:5790', '--peer-pin', FP]), [
    'wall(with no console, any display)',
  ]);
  const rack = post([
    '--role',
    'wall',
    '--listen',
    '0.0.0.0:5790',
    '--peer-pin',
    FP,
    '--display',
    'barco-rlm@COM3',
  ]);
  assert.equal(rack.role.role, 'wall');
});

test('on a rack PC the wall may take the only display; beside a console it never covers it', () => {
  const one = { id: '1', name: 'Barco', bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
  const screen: WallScreen = { displays: () => [one], primaryId: () => '1', onChange: () => () => undefined };
  assert.equal(chooseDisplay(screen.displays(), screen.primaryId(), null).display, null);
  const rack = withoutConsole(screen);
  assert.deepEqual(chooseDisplay(rack.displays(), rack.primaryId(), null).display, one);
});

test('Electron refuses a wrong flag by name, leaves Chromium’s switches alone, and runs the install commands', () => {
  const refused = (argv: string[]): string => {
    const s = electronStart(argv, {});
    assert.equal(s.kind, 'error', JSON.stringify(s));
    return (s as Extract<ElectronStart, { kind: 'error' }>).text;
  };
  assert.match(
    refused(['--camera', 'x.json']),
    /^vigie : option inconnue : --camera pour « la console Electron »/,
  );
  assert.match(refused(['--port', '5791']), /--port ne s’applique pas à « la console Electron »/);
  assert.match(refused(['--role', 'wall', '--listen', '0.0.0.0:5790']), /--peer-pin/);
  assert.match(refused(['--cameras', 'a.json', '--cameras', 'b.json']), /--cameras est donnée deux fois/);
  assert.match(refused(['operators', 'add', '--login', 'chef']), /--name NOM est requis/);
  post(['--no-sandbox', '--inspect=9229', '--enable-logging', '--cameras', 'a.json']);
  assert.deepEqual(electronStart(['registry', 'verify', '--data-dir', '/d'], {}), {
    kind: 'command',
    command: 'registry verify',
    flags: { dataDir: '/d' },
  });
  assert.equal(electronStart(['--help'], {}).kind, 'help');
  assert.match((electronStart(['--help'], {}) as { text: string }).text, /--role console\|wall/);
});
