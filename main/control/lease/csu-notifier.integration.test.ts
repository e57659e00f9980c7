/** The CSU notifier against a real loopback webhook and a real loopback SMTP relay. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { createCsuNotifier, type CsuNotifierOptions } from './csu-notifier';
import {
  body,
  header,
  startHook,
  startRelay,
  type Hook,
  type Relay,
} from '../../../test-support/control/csu-peers';
import type { CsuNotice, CsuNotifier } from './types';

const notice: CsuNotice = {
  kind: 'take',
  cameraId: 12,
  cameraName: 'Place Bellecour',
  site: 'Centre',
  holder: { login: 'dupont', name: 'Jean Dupont', rank: 'Brigadier-chef', service: 'CIC', post: 'poste-2' },
  eventRef: 'EV-2026-118',
  reason: 'rixe signalée',
  until: '2026-11-29T18:15:00.000Z',
};

let hook: Hook;
let relay: Relay;
before(async () => {
  [hook, relay] = await Promise.all([startHook(), startRelay()]);
});
after(async () => {
  await Promise.all([hook.close(), relay.close()]);
});

function notifier(o: CsuNotifierOptions): CsuNotifier {
  const r = createCsuNotifier({ timeoutMs: 1_000, ...o });
  assert.ok(r.ok, JSON.stringify(r));
  return r.value;
}

async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

test('webhook: the CSU receives one JSON POST with the camera, the holder, the event and the end time', async () => {
  hook.requests.length = 0;
  hook.answer = 200;
  const url = hook.url.replace('http://', 'http://csu:s%C3%A9cret@');
  const out = await notifier({ webhook: url }).notify(notice);
  assert.deepEqual(out, [{ channel: 'webhook', ok: true }]);
  assert.equal(hook.requests.length, 1);
  const r = hook.requests[0]!;
  assert.equal(r.method, 'POST');
  assert.equal(r.path, '/csu/notify');
  assert.match(String(r.headers['content-type']), /^application\/json/);
  assert.equal(r.headers.authorization, `Basic ${Buffer.from('csu:sécret').toString('base64')}`);
  assert.equal(r.json.type, 'vigie.ptz.take');
  assert.equal(r.json.cameraId, 12);
  assert.equal(r.json.cameraName, 'Place Bellecour');
  assert.equal(r.json.site, 'Centre');
  assert.deepEqual(r.json.holder, notice.holder);
  assert.equal(r.json.eventRef, 'EV-2026-118');
  assert.equal(r.json.reason, 'rixe signalée');
  assert.equal(r.json.until, notice.until);
});

test('webhook: a 500, a redirect, a closed port and a silent server each fail with a code, without a throw or a hang', async () => {
  hook.requests.length = 0;
  hook.answer = 500;
  assert.deepEqual(await notifier({ webhook: hook.url }).notify(notice), [
    { channel: 'webhook', ok: false, failure: 'http_500' },
  ]);
  hook.answer = 302;
  assert.deepEqual(await notifier({ webhook: hook.url }).notify(notice), [
    { channel: 'webhook', ok: false, failure: 'http_302' },
  ]);
  assert.equal(hook.requests.length, 2, 'the redirect is not followed');
  const port = await closedPort();
  assert.deepEqual(await notifier({ webhook: `http://127.0.0.1:${port}/x` }).notify(notice), [
    { channel: 'webhook', ok: false, failure: 'refused' },
  ]);
  hook.answer = 'hang';
  const t0 = Date.now();
  assert.deepEqual(await notifier({ webhook: hook.url, timeoutMs: 300 }).notify(notice), [
    { channel: 'webhook', ok: false, failure: 'timeout' },
  ]);
  assert.ok(Date.now() - t0 < 2_000, 'the deadline holds');
  hook.answer = 200;
});

test('smtp: the CSU manager receives a French mail: To, subject and body', async () => {
  relay.mails.length = 0;
  relay.reject = null;
  const out = await notifier({ smtp: relay.url, mailTo: 'chef.csu@ville.example' }).notify({
    ...notice,
    kind: 'extend',
  });
  assert.deepEqual(out, [{ channel: 'smtp', ok: true }]);
  assert.equal(relay.mails.length, 1);
  const m = relay.mails[0]!;
  assert.deepEqual(m.to, ['chef.csu@ville.example']);
  assert.equal(header(m.raw, 'To'), 'chef.csu@ville.example');
  assert.equal(
    header(m.raw, 'Subject'),
    'Vigie — prolongation du contrôle PTZ de la caméra n° 12 « Place Bellecour »',
  );
  const text = body(m.raw);
  assert.match(
    text,
    /Le CIC prolonge le contrôle PTZ de la caméra n° 12 « Place Bellecour » \(site : Centre\)/,
  );
  assert.match(text, /Opérateur : Brigadier-chef Jean Dupont \(dupont\), service CIC, poste poste-2/);
  assert.match(text, /Événement opérationnel : EV-2026-118 — rixe signalée/);
  assert.match(text, /2026-11-29T18:15:00\.000Z/);
});

test('smtp: a rejection and a closed port fail with a code; both channels are tried together', async () => {
  relay.mails.length = 0;
  relay.reject = 550;
  hook.requests.length = 0;
  hook.answer = 200;
  const both = notifier({ webhook: hook.url, smtp: relay.url, mailTo: 'chef.csu@ville.example' });
  assert.deepEqual(both.channels(), ['webhook', 'smtp']);
  assert.deepEqual(await both.notify(notice), [
    { channel: 'webhook', ok: true },
    { channel: 'smtp', ok: false, failure: 'smtp_550' },
  ]);
  assert.equal(relay.mails.length, 0);
  relay.reject = null;
  const port = await closedPort();
  assert.deepEqual(
    await notifier({ smtp: `smtp://127.0.0.1:${port}`, mailTo: 'chef.csu@ville.example' }).notify(notice),
    [{ channel: 'smtp', ok: false, failure: 'refused' }],
  );
  // A relay that accepts the connection and never greets.
  const mute = net.createServer(() => undefined);
  await new Promise<void>((r) => mute.listen(0, '127.0.0.1', r));
  const mutePort = (mute.address() as net.AddressInfo).port;
  const t0 = Date.now();
  const silent = notifier({
    smtp: `smtp://127.0.0.1:${mutePort}`,
    mailTo: 'chef.csu@ville.example',
    timeoutMs: 300,
  });
  assert.deepEqual(await silent.notify(notice), [{ channel: 'smtp', ok: false, failure: 'timeout' }]);
  assert.ok(Date.now() - t0 < 3_000, 'the deadline holds');
  mute.close();
  mute.unref();
});

test('no credentials reach the log when a channel fails', async () => {
  const lines: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((s: string | Uint8Array) => {
    lines.push(String(s));
    return true;
  }) as typeof process.stderr.write;
  try {
    hook.answer = 503;
    const n = notifier({
      webhook: hook.url.replace('http://', 'http://csu:Tr3s-Secret@'),
      smtp: `smtp://relay:Aut3-Secret@127.0.0.1:${await closedPort()}`,
      mailTo: 'chef.csu@ville.example',
    });
    await n.notify(notice);
  } finally {
    process.stderr.write = write;
    hook.answer = 200;
  }
  assert.ok(lines.some((l) => /CSU notification by webhook failed \(http_503\)/.test(l)));
  assert.ok(lines.every((l) => !l.includes('Tr3s-Secret') && !l.includes('Aut3-Secret')));
});

test('bad options are refused with the option named; no option means no channel', async () => {
  const bad = (o: CsuNotifierOptions): unknown => {
    const r = createCsuNotifier(o);
    return r.ok ? null : r.error;
  };
  assert.deepEqual(bad({ webhook: 'ftp://x/y' }), {
    code: 'csu_config_invalid',
    params: { option: '--csu-webhook' },
  });
  assert.deepEqual(bad({ webhook: 'pas une url' }), {
    code: 'csu_config_invalid',
    params: { option: '--csu-webhook' },
  });
  assert.deepEqual(bad({ mailTo: 'a@b.fr' }), {
    code: 'csu_config_invalid',
    params: { option: '--csu-smtp' },
  });
  assert.deepEqual(bad({ smtp: 'smtp://127.0.0.1:25' }), {
    code: 'csu_config_invalid',
    params: { option: '--csu-mail-to' },
  });
  assert.deepEqual(bad({ smtp: 'smtp://127.0.0.1:25', mailTo: 'a@b.fr\r\nBcc: x@y.fr' }), {
    code: 'csu_config_invalid',
    params: { option: '--csu-mail-to' },
  });
  const none = notifier({});
  assert.deepEqual(none.channels(), []);
  assert.deepEqual(await none.notify(notice), []);
});
