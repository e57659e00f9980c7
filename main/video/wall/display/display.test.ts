import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SerialPort } from 'serialport';
import type { RegistryInput } from '../../../records/registry/registry';
import { openDisplay } from './display-config';
import { loadProfile, parseProfile, type DisplayProfile } from './profile';
import { ProfileDisplay } from './profile-display';

const ASSETS = path.resolve(__dirname, '..', '..', '..', '..', 'assets', 'displays');
const ALICE = { login: 'alice', name: 'Alice Martin', rank: 'Brigadier', service: 'CIC' };
const ACK = Buffer.from('fe01000607ff', 'hex');

function barco(timeoutMs = 2000): DisplayProfile {
  const file = path.join(ASSETS, 'barco-rlm.json');
  const p = parseProfile('barco-rlm', file, fs.readFileSync(file, 'utf8'));
  assert.ok(!('problem' in p), JSON.stringify(p));
  return { ...p, timeoutMs };
}

/** A pseudo-terminal pair made by socat: the display's end and ours. */
async function ptyPair(t: { after: (fn: () => unknown) => void }): Promise<{ ours: string; theirs: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-pty-'));
  const ours = path.join(dir, 'ttyA');
  const theirs = path.join(dir, 'ttyB');
  const socat = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${ours}`, `pty,raw,echo=0,link=${theirs}`]);
  t.after(() => socat.kill());
  for (let i = 0; i < 100 && !(fs.existsSync(ours) && fs.existsSync(theirs)); i++)
    await new Promise((r) => setTimeout(r, 50));
  assert.ok(fs.existsSync(ours) && fs.existsSync(theirs), 'socat made the pty pair');
  return { ours, theirs };
}

/** The display's side of the wire: records bytes, answers with `reply(bytes)` if any. */
async function fakeSerialDisplay(
  t: { after: (fn: () => unknown) => void },
  p: string,
  reply: (got: Buffer) => Buffer | null,
): Promise<Buffer[]> {
  const got: Buffer[] = [];
  const port = new SerialPort({ path: p, baudRate: 9600, autoOpen: false });
  await new Promise<void>((res, rej) => port.open((e) => (e ? rej(e) : res())));
  t.after(() => new Promise<void>((r) => port.close(() => r())));
  port.on('data', (b: Buffer) => {
    got.push(b);
    const r = reply(Buffer.concat(got));
    if (r) port.write(r);
  });
  return got;
}

test('the shipped Barco profile is valid, cites its source and marks what it does not state', async () => {
  for (const f of fs.readdirSync(ASSETS).filter((n) => n.endsWith('.json'))) {
    const p = await loadProfile(f.replace(/\.json$/, ''), [ASSETS]);
    assert.ok(!('problem' in p), `${f}: ${JSON.stringify(p)}`);
  }
  const p = barco();
  assert.match(p.source.url, /^https:\/\//);
  assert.match(p.source.title, /RS232/);
  assert.equal(p.transport.unverified, true, 'the serial settings are not in the cited pages');
  assert.equal(p.commands.inputs.DVI?.unverified, true);
  assert.equal(p.commands.powerOn.unverified, undefined, 'power on is the manual’s own example');
});

test('RS-232 through a socat pty: the exact bytes are written and the acknowledge is awaited', async (t) => {
  const { ours, theirs } = await ptyPair(t);
  const got = await fakeSerialDisplay(t, theirs, (b) => (b.length >= 5 ? ACK : null));
  const records: RegistryInput[] = [];
  const d = new ProfileDisplay(barco(), { kind: 'serial', path: ours }, (e) => records.push(e));
  assert.deepEqual(d.info(), {
    model: 'barco-rlm',
    label: 'Barco RLM series',
    inputs: ['DVI', 'SDI', 'D15'],
    scenarios: [],
  });
  assert.deepEqual(await d.send({ kind: 'power', on: true }, ALICE), { ok: true, value: null });
  assert.equal(Buffer.concat(got).toString('hex'), 'fe016566ff');
  assert.equal(records.length, 1);
  assert.equal(records[0]?.type, 'display.command');
  assert.equal(records[0]?.actor?.login, 'alice');
  assert.deepEqual(records[0]?.data, { model: 'barco-rlm', command: 'power-on', ok: true });
});

test('a silent display on RS-232 times out with a clear code and a registry entry', async (t) => {
  const { ours, theirs } = await ptyPair(t);
  const got = await fakeSerialDisplay(t, theirs, () => null);
  const records: RegistryInput[] = [];
  const d = new ProfileDisplay(barco(300), { kind: 'serial', path: ours }, (e) => records.push(e));
  const started = Date.now();
  const r = await d.send({ kind: 'power', on: false }, ALICE);
  assert.deepEqual(r, {
    ok: false,
    error: { code: 'display_failed', params: { reason: 'timeout', model: 'barco-rlm' } },
  });
  assert.ok(Date.now() - started < 2000, 'nothing hangs');
  assert.equal(Buffer.concat(got).toString('hex'), 'fe016667ff');
  assert.equal(records[0]?.data?.ok, false);
  assert.equal(records[0]?.data?.reason, 'timeout');
  // A serial port that is not there is its own error.
  const gone = new ProfileDisplay(barco(300), { kind: 'serial', path: '/dev/nonexistent-vigie' }, (e) =>
    records.push(e),
  );
  const g = await gone.send({ kind: 'power', on: true }, ALICE);
  assert.equal(!g.ok && g.error.params?.reason, 'port');
});

/** A display on loopback TCP: records what it receives, answers with `reply`. */
async function fakeTcpDisplay(
  t: { after: (fn: () => unknown) => void },
  reply: (got: Buffer) => Buffer | null,
): Promise<{ port: number; got: Buffer[] }> {
  const got: Buffer[] = [];
  const server = net.createServer((s) => {
    s.on('error', () => undefined);
    s.on('data', (b) => {
      got.push(b);
      const r = reply(Buffer.concat(got));
      if (r) s.write(r);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  t.after(() => new Promise<void>((r) => server.close(() => r())));
  return { port: (server.address() as net.AddressInfo).port, got };
}

test('TCP on loopback: exact bytes, ASCII line endings, wrong replies and refusals', async (t) => {
  const tcpProfile: DisplayProfile = {
    ...barco(400),
    model: 'test-tcp',
    transport: { kind: 'tcp', port: 1 },
    commands: {
      powerOn: { ascii: 'PWR ON', eol: '\r', reply: { ascii: 'OK', eol: '\r' } },
      powerOff: { ascii: 'PWR OFF', eol: '\r\n' },
      inputs: { DVI: { hex: 'FE 01 38 05 00 3E FF', reply: { hex: 'FE 01 00 06 07 FF' } } },
      scenarios: { 'Salle de crise': { ascii: 'SCN 3', eol: '\n', reply: { ascii: 'OK', eol: '' } } },
    },
  };
  const records: RegistryInput[] = [];
  const ok = await fakeTcpDisplay(t, (b) =>
    b.includes('\r') || b.includes(0xff) ? (b[0] === 0xfe ? ACK : Buffer.from('OK\r')) : null,
  );
  const d = new ProfileDisplay(tcpProfile, { kind: 'tcp', host: '127.0.0.1', port: ok.port }, (e) =>
    records.push(e),
  );
  assert.ok((await d.send({ kind: 'power', on: true }, ALICE)).ok);
  assert.equal(Buffer.concat(ok.got).toString('latin1'), 'PWR ON\r');
  ok.got.length = 0;
  assert.ok((await d.send({ kind: 'input', name: 'DVI' }, ALICE)).ok);
  assert.equal(Buffer.concat(ok.got).toString('hex'), 'fe013805003eff');
  ok.got.length = 0;
  assert.ok((await d.send({ kind: 'power', on: false }, ALICE)).ok, 'no reply expected: written is done');
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(Buffer.concat(ok.got).toString('latin1'), 'PWR OFF\r\n');

  const unknown = await d.send({ kind: 'input', name: 'constructor' }, ALICE);
  assert.equal(!unknown.ok && unknown.error.params?.reason, 'unknown_command');

  const liar = await fakeTcpDisplay(t, () => Buffer.from('ERR\r'));
  const l = new ProfileDisplay(tcpProfile, { kind: 'tcp', host: '127.0.0.1', port: liar.port }, (e) =>
    records.push(e),
  );
  const wrong = await l.send({ kind: 'scenario', name: 'Salle de crise' }, ALICE);
  assert.equal(!wrong.ok && wrong.error.params?.reason, 'reply');
  assert.equal(Buffer.concat(liar.got).toString('latin1'), 'SCN 3\n');

  const closed = net.createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
  const deadPort = (closed.address() as net.AddressInfo).port;
  await new Promise<void>((r) => closed.close(() => r()));
  const refused = await new ProfileDisplay(
    tcpProfile,
    { kind: 'tcp', host: '127.0.0.1', port: deadPort },
    (e) => records.push(e),
  ).send({ kind: 'power', on: true }, ALICE);
  assert.deepEqual(refused, {
    ok: false,
    error: { code: 'display_failed', params: { reason: 'refused', model: 'test-tcp' } },
  });
  assert.deepEqual(
    records.map((r) => [r.data?.command, r.data?.ok, r.data?.reason]),
    [
      ['power-on', true, undefined],
      ['input:DVI', true, undefined],
      ['power-off', true, undefined],
      ['scenario:Salle de crise', false, 'reply'],
      ['power-on', false, 'refused'],
    ],
  );
});

test('profiles and --display specs that are wrong are refused with a reason', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-profiles-'));
  fs.writeFileSync(path.join(dir, 'broken.json'), '{ nope');
  fs.writeFileSync(path.join(dir, 'other.json'), JSON.stringify({ ...barco(), model: 'barco-rlm' }));
  fs.writeFileSync(
    path.join(dir, 'bad-hex.json'),
    JSON.stringify({
      ...barco(),
      model: 'bad-hex',
      commands: { ...barco().commands, powerOn: { hex: 'FE 0' } },
    }),
  );
  assert.equal(((await loadProfile('broken', [dir])) as { problem: string }).problem, 'invalid');
  assert.match(((await loadProfile('other', [dir])) as { detail: string }).detail, /model/);
  assert.match(((await loadProfile('bad-hex', [dir])) as { detail: string }).detail, /commands\.powerOn/);
  assert.deepEqual(await loadProfile('../etc/passwd', [dir]), { problem: 'not-found' });
  // A pipe in the post's folder is refused at once, not waited on (start-up used to hang on it).
  execFileSync('mkfifo', [path.join(dir, 'piped.json')]);
  assert.deepEqual(await loadProfile('piped', [dir, ASSETS]), {
    problem: 'invalid',
    detail: `${path.join(dir, 'piped.json')}: not_file`,
  });
  // The post's own folder comes before the shipped one.
  fs.writeFileSync(path.join(dir, 'barco-rlm.json'), JSON.stringify({ ...barco(), label: 'Barco du CIC' }));
  const mine = await openDisplay('barco-rlm@/dev/ttyS0', [dir, ASSETS], () => undefined);
  assert.ok(mine.ok && mine.display.info().label === 'Barco du CIC');
  assert.equal((await openDisplay('barco-rlm', [ASSETS], () => undefined)).ok, false);
  assert.equal((await openDisplay('nope@/dev/ttyS0', [ASSETS], () => undefined)).ok, false);
});
