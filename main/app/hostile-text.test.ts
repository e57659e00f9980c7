/**
 * Issue 18 §1: hostile text through every channel that writes to the registry or a store, as a raw
 * client sends it (the real router and services), logged in and not. After each call the registry
 * chain verifies, and text the rule refuses comes back as `text_invalid` naming the field; text
 * that is too long as `invalid_payload` naming the field; ordinary text (emoji, combining marks) is
 * never refused for its characters.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inventoryProblems, type Channel } from '../../common/contract';
import type { Result } from '../../common/result';
import { textProblem } from '../../common/text';
import { png } from '../../test-support/desk/png';
import { HOSTILE_TEXTS, type HostileText } from '../../test-support/records/hostile-text';
import { createServices, type Services } from './services';

const ASSETS = path.resolve(__dirname, '..', '..', 'assets');
const b64 = (s: string | Buffer): string => Buffer.from(s).toString('base64');
const account = (login: string, role: string) => ({
  login,
  name: 'Jean Dupont',
  rank: 'Brigadier-chef',
  service: 'CIC',
  badge: '42',
  role: role as 'head',
  validFrom: '2020-01-01',
  validUntil: '2099-12-31',
  password: `${login}-mot-de-passe`,
});
const CAMERAS = {
  cameras: [
    { id: 1, name: 'Parvis', site: 'Gare', streams: { main: 'rtsp://127.0.0.1:9/a' } },
    {
      id: 2,
      name: 'Quai',
      site: 'Gare',
      streams: { main: 'rtsp://127.0.0.1:9/b' },
      ptz: { type: 'pelco-d', port: '/nonexistent/ttyX', address: 1 },
    },
  ],
};
const soon = (min: number): string => new Date(Date.now() + min * 60_000).toISOString();

/** One text field of one channel: who calls it, and the payload with `x` in that field. */
interface Case {
  channel: Channel;
  as: 'anonymous' | 'chef' | 'sup';
  field: string;
  payload: (x: string) => unknown;
  /** Multi-line text: tab, line feed and bidi controls are legitimate there. */
  multiline?: boolean;
  /** Never stored (a password): any character, bounded. */
  anyText?: boolean;
}

const op = (x: Partial<Record<string, unknown>>) => ({
  name: 'Hirondelle',
  kind: 'suspect',
  requester: 'OPJ Martin',
  legalRef: 'R-2026-001',
  cameras: [1],
  preset: null,
  startAt: soon(0),
  plannedEnd: soon(60),
  ...x,
});
const requisition = (x: Partial<Record<string, unknown>>) => ({
  number: 'R-1',
  authority: 'Parquet',
  officer: 'OPJ Martin',
  cameras: [1],
  slots: '10h-11h',
  copyRequested: false,
  ...x,
});
const operator = (x: Partial<Record<string, unknown>>) => ({ ...account('agent2', 'viewer'), ...x });
const contacts = (x: Partial<Record<string, unknown>>, procedure = 'Appeler le 17') => ({
  entries: [{ site: 'csu', label: 'Chef de salle', number: '01 23 45 67 89', notes: '', ...x }],
  procedure,
});
const incident = (x: Partial<Record<string, unknown>>) => ({
  category: 'Rixe',
  cameras: [1],
  occurredAt: new Date().toISOString(),
  description: 'Deux individus se battent.',
  urgency: 'normal',
  ...x,
});

const CASES: Case[] = [
  { channel: 'auth:login', as: 'anonymous', field: 'login', payload: (x) => ({ login: x, password: 'x' }) },
  {
    channel: 'auth:login',
    as: 'anonymous',
    field: 'password',
    anyText: true,
    payload: (x) => ({ login: 'agent', password: x }),
  },
  ...(['login', 'name', 'rank', 'service', 'badge'] as const).map((f): Case => ({
    channel: 'operators:save',
    as: 'chef',
    field: f,
    payload: (x) => operator({ [f]: x }),
  })),
  { channel: 'registry:query', as: 'chef', field: 'login', payload: (x) => ({ login: x }) },
  { channel: 'registry:slots', as: 'chef', field: 'login', payload: (x) => ({ login: x }) },
  {
    channel: 'registry:export',
    as: 'chef',
    field: 'login',
    payload: (x) => ({ login: x, format: 'csv' }),
  },
  ...(['number', 'authority', 'officer', 'slots'] as const).map((f): Case => ({
    channel: 'registry:requisition',
    as: 'chef',
    field: f,
    payload: (x) => requisition({ [f]: x }),
  })),
  ...(['eventRef', 'reason'] as const).map((f): Case => ({
    channel: 'ptz:take',
    as: 'sup',
    field: f,
    payload: (x) => ({ cameraId: 2, eventRef: 'EV-1', reason: 'Rixe', override: true, [f]: x }),
  })),
  { channel: 'wall:preset-save', as: 'chef', field: 'name', payload: (x) => ({ name: x }) },
  { channel: 'wall:preset-recall', as: 'chef', field: 'name', payload: (x) => ({ name: x }) },
  {
    channel: 'wall:settings-set',
    as: 'chef',
    field: 'display',
    payload: (x) => ({ display: x, contentProtection: true }),
  },
  { channel: 'wall:display', as: 'chef', field: 'name', payload: (x) => ({ kind: 'input', name: x }) },
  {
    channel: 'cameras:preview-import',
    as: 'chef',
    field: 'fileName',
    payload: (x) => ({ fileName: x, contentBase64: b64(JSON.stringify(CAMERAS)) }),
  },
  {
    channel: 'instructions:import',
    as: 'chef',
    field: 'fileName',
    payload: (x) => ({ fileName: `${x}.md`, contentBase64: b64('## Rixe\n- Prévenir le 17\n') }),
  },
  ...(['category', 'description'] as const).map((f): Case => ({
    channel: 'incidents:report',
    as: 'chef',
    field: f,
    multiline: f === 'description',
    payload: (x) => incident({ [f]: x }),
  })),
  ...(['label', 'number', 'notes'] as const).map((f): Case => ({
    channel: 'contacts:set',
    as: 'chef',
    field: `entries.0.${f}`,
    payload: (x) => contacts({ [f]: x }),
  })),
  {
    channel: 'contacts:set',
    as: 'chef',
    field: 'procedure',
    multiline: true,
    payload: (x) => contacts({}, x),
  },
  ...(['name', 'requester', 'legalRef', 'preset'] as const).map((f): Case => ({
    channel: 'operations:create',
    as: 'chef',
    field: f,
    payload: (x) => op({ [f]: x }),
  })),
  {
    channel: 'map:import-plan',
    as: 'chef',
    field: 'fileName',
    payload: (x) => ({
      fileName: `${x}.png`,
      contentBase64: b64(png(64, 64)),
      points: [
        { x: 0, y: 0, lat: 48.85, lon: 2.35 },
        { x: 63, y: 63, lat: 48.84, lon: 2.36 },
      ],
    }),
  },
  { channel: 'map:import-tiles', as: 'chef', field: 'folder', payload: (x) => ({ folder: x }) },
  { channel: 'selftest:run', as: 'chef', field: 'technician', payload: (x) => ({ technician: x }) },
];

async function post(): Promise<{ s: Services; call: (c: Case, x: string) => Promise<Result<unknown>> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-hostile-'));
  const s = await createServices({ dataDir, assetsDir: ASSETS, host: 'browser', version: 't' });
  try {
    for (const [login, role] of [
      ['chef', 'head'],
      ['sup', 'supervisor'],
      ['agent', 'viewer'],
    ] as const)
      assert.ok((await s.auth.saveOperator(account(login, role), null)).ok);
    const prev = s.inventory.preview('cameras.json', Buffer.from(JSON.stringify(CAMERAS)));
    assert.ok(prev.ok && s.inventory.apply(prev.value.previewId).ok);
    for (const who of ['chef', 'sup']) {
      const { login, password } = account(who, 'head');
      const r = await s.router.dispatch('auth:login', { login, password }, { clientId: who });
      assert.ok(r.ok, JSON.stringify(r));
    }
    const md = b64('## Rixe\n- Prévenir le 17\n');
    const imported = await s.router.dispatch(
      'instructions:import',
      { fileName: 'consignes.md', contentBase64: md },
      { clientId: 'chef' },
    );
    assert.ok(imported.ok, JSON.stringify(imported));
  } catch (e) {
    await s.close();
    throw e;
  }
  return { s, call: (c, x) => s.router.dispatch(c.channel, c.payload(x), { clientId: c.as }) };
}

/** What the rule says of `h` in this field: a text_invalid reason, `too_long`, or null (accepted). */
function verdict(c: Case, h: HostileText, max = 260): string | null {
  if (h.text.length > max) return 'too_long';
  if (c.anyText) return null;
  return textProblem(h.text, { multiline: c.multiline });
}

test('hostile text through every channel that writes: the chain verifies, or the field is named', async () => {
  const { s, call } = await post();
  try {
    for (const c of CASES) {
      for (const h of HOSTILE_TEXTS) {
        const what = `${c.channel} ${c.field} ← ${h.label}`;
        const r = await call(c, h.text);
        const v = s.registry.verify();
        assert.ok(v.ok, `${what}: the chain no longer verifies: ${JSON.stringify(v)}`);
        const expected = verdict(c, h);
        const error = r.ok ? null : r.error;
        if (expected === 'too_long') {
          assert.deepEqual([error?.code, error?.params?.field], ['invalid_payload', c.field], what);
        } else if (expected) {
          assert.deepEqual(
            [error?.code, error?.params?.field, error?.params?.reason],
            ['text_invalid', c.field, expected],
            what,
          );
        } else {
          // Accepted by the rule: it may still be refused for what it means, never for its characters.
          assert.ok(
            !error || !['text_invalid', 'invalid_payload'].includes(error.code),
            `${what}: ${JSON.stringify(r)}`,
          );
        }
      }
    }
    // The ordinary text that was accepted reached the registry as typed.
    const logins = s.registry.query({ types: ['auth.login_failed'] }).map((e) => e.login);
    for (const h of HOSTILE_TEXTS.filter((x) => x.line === null && x.text.length <= 40))
      assert.ok(logins.includes(h.text), `${h.label} recorded as typed`);
  } finally {
    await s.close();
  }
});

test('without a session, every channel above is refused before its payload is read; nothing is written', async () => {
  const { s } = await post();
  try {
    const before = s.registry.query().length;
    for (const c of CASES.filter((x) => x.as !== 'anonymous'))
      for (const h of HOSTILE_TEXTS) {
        const r = await s.router.dispatch(c.channel, c.payload(h.text), { clientId: 'stranger' });
        assert.deepEqual(r.ok ? 'ok' : r.error.code, 'unauthenticated', `${c.channel} ${h.label}`);
      }
    assert.equal(s.registry.query().length, before);
    assert.ok(s.registry.verify().ok);
  } finally {
    await s.close();
  }
});

test('text inside files obeys the same rule: camera names and sites, instruction categories', async () => {
  const { s } = await post();
  try {
    const chef = (channel: Channel, payload: unknown) =>
      s.router.dispatch(channel, payload, { clientId: 'chef' });
    for (const h of HOSTILE_TEXTS.filter((x) => x.line !== null)) {
      const cams = { cameras: [{ ...CAMERAS.cameras[0], site: h.text }] };
      const r = await chef('cameras:preview-import', {
        fileName: 'c.json',
        contentBase64: b64(JSON.stringify(cams)),
      });
      assert.ok(!r.ok && r.error.code === 'invalid_inventory', h.label);
      assert.deepEqual(
        inventoryProblems(r.error).map((p) => [p.field, p.code]),
        [['site', `text_${h.line}`]],
        h.label,
      );
      // A Markdown file is UTF-8 bytes (no lone surrogate can be in it), and a line feed ends a heading.
      if (h.line === 'ill_formed' || h.text.includes('\n')) continue;
      const md = await chef('instructions:import', {
        fileName: 'consignes.md',
        contentBase64: b64(`## Rixe ${h.text}\n- Prévenir le 17\n`),
      });
      const expected = h.line === 'bidi' ? 'category_text' : 'encoding';
      assert.deepEqual(
        md.ok ? null : [md.error.code, md.error.params?.reason],
        ['instructions_invalid', expected],
        h.label,
      );
    }
    for (const h of HOSTILE_TEXTS.filter((x) => x.line === null && x.text.length < 100)) {
      const cams = { cameras: [{ ...CAMERAS.cameras[0], name: h.text }] };
      const r = await chef('cameras:preview-import', {
        fileName: 'c.json',
        contentBase64: b64(JSON.stringify(cams)),
      });
      assert.ok(r.ok, `${h.label}: ${JSON.stringify(r)}`);
    }
    assert.ok(s.registry.verify().ok);
  } finally {
    await s.close();
  }
});
