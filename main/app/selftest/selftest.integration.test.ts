import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import { CredentialStore } from '../../video/cameras/credentials';
import type { Camera } from '../../video/cameras/inventory-schema';
import { locateFfmpeg } from '../../video/streams/ffmpeg-locate';
import { startPtyPair } from '../../../test-support/control/pty';
import { OnvifPeer } from '../../../test-support/control/onvif-peer';
import { openRegistry } from '../../records/registry/open-registry';
import { runSelftest, type SelftestDeps } from './selftest';
import { reportPdf, selftestJsonSchema, selftestReportSchema, writeReport } from './selftest-report';
import { GROUP_FR, resultFr } from './selftest-labels';
import type { SelftestReport } from './selftest-types';
import { startHook } from '../../../test-support/control/csu-peers';
import { checkCsu } from './check-csu';
import { startSntpPeer } from '../../../test-support/app/sntp-server';

const tmp = (p: string): string => fs.mkdtempSync(path.join(os.tmpdir(), p));
const noHid = { hid: async () => [] };

async function world(password: string) {
  const dataDir = tmp('vigie-st-');
  fs.writeFileSync(
    path.join(dataDir, 'credentials.json'),
    JSON.stringify({ dome: { username: 'admin', password } }),
  );
  const peer = await new OnvifPeer({ username: 'admin', password: 'bon-mot-de-passe' }).start();
  const ntp = await startSntpPeer(0);
  const pty = await startPtyPair(dataDir);
  const cameras: Camera[] = [
    {
      id: 7,
      name: 'Dôme place',
      site: 'Centre',
      zone: '',
      streams: { main: 'demo:7' },
      ptz: { type: 'onvif', url: peer.url },
      credentialsRef: 'dome',
    },
  ];
  const credentials = CredentialStore.inDir(dataDir);
  const registry = openRegistry(dataDir);
  const deps: SelftestDeps = {
    post: 'CIC-poste-2',
    technician: 'Jeanne Martin',
    app: { version: '0.1.0', host: 'cli' },
    registry,
    cameras,
    ffmpegPath: locateFfmpeg(),
    credentials,
    credentialsOf: (ref) => credentials.get(ref),
    ntp: `127.0.0.1:${ntp.port}`,
    inputs: { keyboard: pty.a },
    hidListing: noHid,
    cameraSeconds: 1,
  };
  const close = async (): Promise<void> => {
    registry.close();
    await peer.stop();
    await ntp.close();
    await pty.stop();
  };
  return { dataDir, deps, peer, ntp, pty, close };
}

const pdfText = (pdf: Buffer): string =>
  execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf, encoding: 'utf8' });

/** Text with its line wraps and runs of spaces as single spaces. */
const flat = (t: string): string => t.replace(/\s+/g, ' ');

/** The text from a heading to the next one. */
function section(text: string, from: RegExp, to: RegExp): string {
  const start = text.search(from);
  assert.ok(start >= 0, `${String(from)} in ${text}`);
  const rest = text.slice(start);
  const end = rest.slice(1).search(to);
  return end < 0 ? rest : rest.slice(0, end + 1);
}

/** Pixels of the first page, rendered as a signatory sees it, that are plainly red. */
function redPixels(pdf: Buffer): number {
  const ppm = execFileSync('pdftoppm', ['-r', '30', '-f', '1', '-l', '1', '-'], { input: pdf });
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 32).toString('latin1'));
  assert.ok(header, 'a PPM image');
  let red = 0;
  for (let i = header[0].length; i + 2 < ppm.length; i += 3)
    if (ppm[i]! > 140 && ppm[i + 1]! < 90 && ppm[i + 2]! < 90) red++;
  return red;
}

const byCode = (r: { results: { group: string; code: string; status: string }[] }) =>
  Object.fromEntries(r.results.map((x) => [x.group + ':' + x.code, x.status]));

test('a working post passes: demo camera, ONVIF PTZ peer, NTP responder, keyboard line, registry; the report is dated, signed-off and schema-valid', async () => {
  const w = await world('bon-mot-de-passe');
  try {
    const report = await runSelftest(w.deps);
    const codes = byCode(report);
    assert.equal(codes['cameras:camera_ok'], 'pass', JSON.stringify(report.results));
    assert.equal(codes['ptz:ptz_ok'], 'pass');
    assert.equal(codes['clock:clock_ok'], 'pass');
    assert.equal(codes['inputs:keyboard_present'], 'pass');
    assert.equal(codes['registry:registry_writable'], 'pass');
    assert.equal(codes['registry:registry_verified'], 'pass');
    assert.ok(
      w.peer.commands.some((c) => c.action === 'GetPresets'),
      'the camera was asked for its presets',
    );
    assert.ok(!w.peer.commands.some((c) => c.action === 'ContinuousMove'), 'nothing moved');
    assert.equal(report.summary.fail, 0);
    assert.equal(selftestReportSchema.safeParse(report).success, true);
    const schema = selftestJsonSchema() as { properties: Record<string, unknown> };
    assert.ok(schema.properties.results && schema.properties.technician, 'a JSON Schema for archivists');

    const files = await writeReport(report, path.join(w.dataDir, 'out'));
    const text = execFileSync('pdftotext', ['-layout', files.pdf, '-'], { encoding: 'utf8' });
    assert.match(text, /Procès-verbal d’auto-test de mise en service/);
    assert.match(text, /Technicien : Jeanne Martin/);
    assert.match(text, /Poste : CIC-poste-2/);
    assert.match(text, /✓ Verdict : CONFORME/);
    assert.match(text, /Le technicien\s+Le chef de service \(visa\)/);
    assert.deepEqual(JSON.parse(fs.readFileSync(files.json, 'utf8')), report);
    assert.equal((await reportPdf(report)).subarray(0, 5).toString(), '%PDF-');
  } finally {
    await w.close();
  }
});

test('progress: each group and each camera is one step, counted up to the total as the checks end', async () => {
  const w = await world('bon-mot-de-passe');
  try {
    const cameras: Camera[] = [
      ...w.deps.cameras,
      { id: 8, name: 'Parvis', site: 'Centre', zone: '', streams: { main: 'demo:8' } },
      { id: 9, name: 'Éteinte', site: 'Centre', zone: '', streams: { main: 'rtsp://127.0.0.1:9/x' } },
    ];
    const seen: string[] = [];
    const report = await runSelftest({ ...w.deps, cameras, progress: (d, t) => seen.push(`${d}/${t}`) });
    // 7 groups run together (3 cameras in theirs), then the registry: 10 steps.
    assert.deepEqual(
      seen,
      Array.from({ length: 11 }, (_, i) => `${i}/10`),
    );
    assert.equal(report.results.filter((r) => r.group === 'cameras').length, 3);
    // A group that throws still takes its steps (none checked: the count still ends at its total).
    const none: string[] = [];
    await runSelftest({ ...w.deps, cameras: [], progress: (d, t) => none.push(`${d}/${t}`) });
    assert.equal(none.at(-1), '8/8');
    assert.equal(none.length, 9);
  } finally {
    await w.close();
  }
});

test('each check fails with its reason when its target is absent or broken, and none stops the others', async () => {
  const w = await world('mauvais-mot-de-passe');
  try {
    w.ntp.silent = true;
    w.deps.inputs = { keyboard: path.join(w.dataDir, 'ttyAbsent'), joystick: '046d:c215' };
    w.deps.cameras = [
      ...w.deps.cameras,
      { id: 9, name: 'Absente', site: 'Nord', zone: '', streams: { main: 'rtsp://127.0.0.1:9/x' } },
    ];
    const report = await runSelftest(w.deps);
    const codes = byCode(report);
    assert.equal(codes['ptz:ptz_auth_refused'], 'fail', JSON.stringify(report.results));
    assert.equal(codes['clock:clock_timeout'], 'fail');
    assert.equal(codes['inputs:keyboard_missing'], 'fail');
    assert.equal(codes['inputs:joystick_missing'], 'fail');
    assert.equal(codes['cameras:camera_unreachable'], 'fail');
    assert.equal(codes['cameras:camera_ok'], 'pass', 'the other camera is still checked');
    assert.equal(codes['registry:registry_verified'], 'pass');
    assert.ok(report.summary.fail >= 5);

    // What the signatories read: the verdict, the failures set apart, each camera's number.
    const pdf = await reportPdf(report);
    const text = pdfText(pdf);
    assert.match(text, /✗ Verdict : NON CONFORME/);
    const failures = section(text, /✗ Échecs \((\d+)\)/, /⚠ Points à surveiller|Détail des contrôles/);
    assert.equal(Number(/✗ Échecs \((\d+)\)/.exec(text)?.[1]), report.summary.fail);
    for (const r of report.results.filter((x) => x.status === 'fail'))
      assert.ok(
        flat(failures).includes(flat(`✗ ${GROUP_FR[r.group]} — ${resultFr(r)}`)),
        `${r.code} in ${failures}`,
      );
    assert.doesNotMatch(failures, /✓/);
    assert.match(failures, /✗ Caméras — n° 9 — Absente : injoignable/);
    assert.match(failures, /✗ Caméras mobiles \(PTZ\) — n° 7 — Dôme place : identifiants ONVIF refusés/);
    assert.match(failures, new RegExp(`serveur de temps 127\\.0\\.0\\.1:${w.ntp.port} ne répond pas`));
    assert.match(text, new RegExp(`Serveur de temps contrôlé : 127\\.0\\.0\\.1:${w.ntp.port}`));
    assert.ok(redPixels(pdf) > 0, 'failures are printed in red');
  } finally {
    await w.close();
  }
});

test('the signed report: French figures, the time server, the verdict, a name and a date beside each signature', async () => {
  const report: SelftestReport = {
    version: 1,
    at: '2026-12-07T09:30:00.000Z',
    post: 'CIC-poste-2',
    technician: 'Jeanne Martin',
    app: { version: '0.2.0', host: 'cli' },
    results: [
      {
        group: 'clock',
        subject: 'ntp.ville.fr:123',
        status: 'warn',
        code: 'clock_drift',
        params: { offsetMs: 1234, stratum: 2 },
      },
      {
        group: 'cameras',
        subject: '12',
        status: 'pass',
        code: 'camera_ok',
        params: {
          name: 'Place Bellecour',
          codec: 'h264',
          resolution: '1920x1080',
          fps: 12.5,
          path: 'webcodecs',
        },
      },
      {
        group: 'registry',
        subject: 'chain',
        status: 'pass',
        code: 'registry_verified',
        params: { rows: 15230 },
      },
      {
        group: 'registry',
        subject: 'write',
        status: 'pass',
        code: 'registry_writable',
        params: { seq: 15231 },
      },
    ],
    summary: { pass: 3, warn: 1, fail: 0 },
  };
  const pdf = await reportPdf(report);
  const text = pdfText(pdf);
  assert.match(text, /✓ Verdict : CONFORME/);
  assert.doesNotMatch(text, /NON CONFORME|Échecs/);
  assert.match(text, /Serveur de temps contrôlé : ntp\.ville\.fr:123/);
  // Decimal comma, thousands apart (a narrow no-break space), an entry's number as it is.
  assert.match(text, /n° 12 — Place Bellecour : h264 1920x1080, 12,5 i\/s/);
  assert.match(text, /écart de 1[\s\u202f]234 ms avec le serveur de temps ntp\.ville\.fr:123/);
  assert.match(text, /chaîne intègre \(15[\s\u202f]230 entrées\)/);
  assert.match(text, /écriture possible \(entrée n° 15231\)/);
  assert.doesNotMatch(
    text.replace(/Vigie \d+\.\d+\.\d+/g, ''),
    /\d\.\d/,
    'no decimal point in a French document (its version aside)',
  );
  const warn = section(text, /⚠ Points à surveiller \(1\)/, /Détail des contrôles/);
  assert.match(warn, /⚠ Horloge — écart de 1[\s\u202f]234 ms/);
  // Each signatory: a printed name and a date beside the frame to sign in.
  const signatures = section(text, /Signatures/, /page 1\/1/);
  assert.match(signatures, /Le technicien\s+Le chef de service \(visa\)/);
  assert.match(signatures, /Nom : Jeanne Martin\s+Nom : _{10,}/);
  assert.match(signatures, /Date : ____ \/ ____ \/ ________\s+Date : ____ \/ ____ \/ ________/);
  assert.equal(redPixels(pdf), 0, 'nothing in red when nothing failed');
});

test('vigie selftest: French lines, exit code 1 on a failure, --json prints a schema-valid report', () => {
  const dataDir = tmp('vigie-st-cli-');
  const cli = path.resolve(__dirname, '..', 'cli', 'cli.ts');
  const run = (extra: string[]) =>
    spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        cli,
        'selftest',
        '--data-dir',
        dataDir,
        '--post',
        'P1',
        '--technician',
        'T',
        ...extra,
      ],
      {
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
  const human = run(['--ntp', '127.0.0.1:9', '--keyboard', '/nonexistent/tty']);
  assert.equal(human.status, 1, human.stderr);
  assert.match(human.stdout, /ÉCHEC\s+Périphériques de commande — clavier CCTV : ligne série absente/);
  assert.match(human.stdout, /Procès-verbal : .*autotest-P1-.*\.pdf/);
  const json = run(['--json']);
  const parsed = selftestReportSchema.safeParse(JSON.parse(json.stdout));
  assert.equal(parsed.success, true, json.stdout.slice(0, 400));
  assert.ok(
    parsed.data!.results.some((r) => r.group === 'cameras' && r.status === 'pass'),
    'the demo cameras answer',
  );
});

test('CSU: a test message reaches the webhook (and says it is a test); a failing or misconfigured channel fails with its reason', async () => {
  const hook = await startHook();
  try {
    const ok = await checkCsu({ webhook: hook.url }, { post: 'CIC-2', technician: 'Jeanne Martin' });
    assert.deepEqual(
      ok.map((r) => [r.subject, r.status, r.code]),
      [['webhook', 'pass', 'csu_delivered']],
    );
    assert.equal(hook.requests[0]?.json.type, 'vigie.ptz.test');
    assert.equal((hook.requests[0]?.json.holder as { post: string }).post, 'CIC-2');
    hook.answer = 500;
    const ko = await checkCsu({ webhook: hook.url }, { post: 'CIC-2', technician: 'J' });
    assert.deepEqual([ko[0]?.status, ko[0]?.code], ['fail', 'csu_failed']);
  } finally {
    await hook.close();
  }
  const bad = await checkCsu({ webhook: 'ftp://x' }, { post: 'p', technician: 't' });
  assert.deepEqual([bad[0]?.code, bad[0]?.params?.option], ['csu_config_invalid', '--csu-webhook']);
  assert.equal((await checkCsu({}, { post: 'p', technician: 't' }))[0]?.code, 'csu_none');
});
