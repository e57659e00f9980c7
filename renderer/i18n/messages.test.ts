import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REGISTRY_EVENTS, VERIFY_PROBLEMS } from '../../common/contract';
import { errorKeys } from '../../common/errors';
import { en } from './en';
import { fr } from './fr';
import { errorText, eventLabel, problemText, verifyText } from './messages';

/** Signs of French in a sentence: accents, guillemets, a space before a colon. */
const FRENCH = /[éèêàâçùûôœ«»]| :/i;

test('every error code, registry event and verification problem is worded in both languages', () => {
  const keys = [
    ...errorKeys(),
    ...REGISTRY_EVENTS.map((e) => `event.${e}`),
    ...VERIFY_PROBLEMS.map((p) => `verify.${p}`),
  ];
  for (const key of keys) {
    assert.ok(Object.hasOwn(fr, key), `fr lacks ${key}`);
    assert.ok(Object.hasOwn(en, key), `en lacks ${key}`);
    const english = en[key as keyof typeof en];
    assert.doesNotMatch(english, FRENCH, `${key} is French in the English catalogue: ${english}`);
  }
});

test('main’s codes become sentences in the operator’s language', () => {
  const expired = {
    code: 'login_refused',
    params: { reason: 'expired', from: '2020-01-01', to: '2021-12-31' },
  } as const;
  assert.equal(
    errorText('fr', expired),
    'Habilitation non valide à cette date (du 2020-01-01 au 2021-12-31).',
  );
  assert.equal(
    errorText('en', expired),
    'Authorisation not valid on this date (from 2020-01-01 to 2021-12-31).',
  );
  assert.equal(
    errorText('en', { code: 'login_refused', params: { reason: 'credentials' } }),
    'Wrong login or password.',
  );
  // An unknown reason falls back to the code's own sentence, never to nothing.
  assert.equal(errorText('en', { code: 'forbidden', params: { reason: 'other' } }), 'Action not allowed.');
  // A lockout's end is an instant, shown on the operator's 24-hour clock.
  const locked = errorText('en', {
    code: 'login_refused',
    params: { reason: 'locked_out', failures: 5, until: '2026-11-29T14:05:00.000Z' },
  });
  assert.match(locked, /^Account blocked after 5 failures, until \d{2}:\d{2}:\d{2}\.$/);
});

test('inventory problems, registry events and verification are translated from their codes', () => {
  const p = {
    entry: 3,
    cameraId: 1,
    field: 'id',
    code: 'duplicate_id',
    message: 'numéro 1 déjà utilisé (entrée 1)',
  };
  assert.equal(problemText('fr', p), 'entrée 3 (caméra 1), champ « numéro (id) » : numéro 1 déjà utilisé');
  assert.equal(problemText('en', p), 'entry 3 (camera 1), field “number (id)”: number 1 already used');
  assert.equal(
    problemText('en', { line: 4, field: 'streams.main', code: 'url_scheme', message: '…' }),
    'line 4, field “main stream”: invalid stream address (rtsp:// or rtsps:// expected)',
  );
  assert.match(
    problemText('fr', { entry: 1, field: 'ptz.url', code: 'url_scheme', message: '…' }),
    /adresse PTZ invalide \(http:\/\/ ou https:\/\/ attendu\)$/,
  );
  assert.equal(eventLabel('en', 'view.start'), 'Viewing start');
  assert.equal(eventLabel('fr', 'view.start'), 'Début de visionnage');
  assert.equal(eventLabel('en', 'future.event'), 'future.event');
  assert.equal(
    verifyText('en', {
      ok: false,
      rows: 3,
      firstBadSeq: 4,
      problem: 'checkpoint-truncated',
      checkpointSeq: 5,
      missing: 2,
    }),
    'registry truncated: 2 entries missing since checkpoint #5',
  );
});

test('both catalogues word the same keys, each named after its feature', () => {
  assert.deepEqual(Object.keys(en).sort(), Object.keys(fr).sort());
  // Issue 19 renamed the three prefixes that named no feature (old → new):
  // ops. → accounts., op. → shell., sop. → operations.
  const retired = Object.keys(fr).filter((k) => /^(ops|op|sop)\./.test(k));
  assert.deepEqual(retired, [], 'use accounts., shell. or operations.');
});
