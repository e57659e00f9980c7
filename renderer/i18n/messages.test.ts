import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REGISTRY_EVENTS, VERIFY_PROBLEMS } from '../../common/contract';
import { errorKeys } from '../../common/errors';
import { en } from './en';
import { fr } from './fr';
import { translate } from './index';
import { errorText, eventLabel, problemText, selftestText, verifyText } from './messages';

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

test('a character refused by the text rule names the field in the operator’s words', () => {
  assert.equal(
    errorText('fr', { code: 'text_invalid', params: { field: 'login', reason: 'control' } }),
    'Le champ « identifiant » contient un caractère de contrôle (caractère invisible, NUL…) : rien n’a été enregistré.',
  );
  assert.equal(
    errorText('en', { code: 'text_invalid', params: { field: 'entries.2.label', reason: 'bidi' } }),
    'The “label” field holds a character that reverses the writing direction, not allowed on one line: nothing was saved.',
  );
  assert.match(
    errorText('fr', { code: 'text_invalid', params: { field: 'eventRef', reason: 'ill_formed' } }),
    /^Le champ « référence de l’événement » contient un caractère incomplet/,
  );
  // A field the catalogue does not name is shown as its path, never dropped.
  assert.equal(
    errorText('en', { code: 'invalid_payload', params: { field: 'tiles.3' } }),
    'Invalid request (tiles.3).',
  );
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
    verifyText('en', { first: 4, last: 5, problem: 'checkpoint-truncated', checkpointSeq: 5, missing: 2 }),
    'registry truncated: 2 entries missing since checkpoint #5',
  );
  assert.equal(verifyText('fr', { first: 7, last: 7, problem: 'altered' }), 'entrée 7 altérée');
  assert.equal(verifyText('fr', { first: 7, last: 12, problem: 'missing' }), 'entrées 7 à 12 manquantes');
  assert.equal(
    verifyText('en', { first: 7, last: 8, problem: 'altered' }),
    'entries 7 to 8 have been altered',
  );
});

test('a refused wall link names the side whose pin is wrong; a wall that does not answer is not described', () => {
  const byWall = { code: 'wall_unreachable', params: { reason: 'refused_by_wall' } } as const;
  const mismatch = { code: 'wall_unreachable', params: { reason: 'wall_pin_mismatch' } } as const;
  // The banner after a command.
  assert.match(errorText('fr', byWall), /^Le PC du mur d’images refuse ce poste .*--peer-pin/);
  assert.match(errorText('en', byWall), /^The video wall PC refuses this post.*--peer-pin/);
  assert.match(errorText('fr', mismatch), /empreinte attendue.*--wall-pin de ce poste.*ce poste refuse/);
  assert.match(errorText('en', mismatch), /expected fingerprint.*this post’s --wall-pin.*this post refuses/);
  for (const locale of ['fr', 'en'] as const) {
    assert.doesNotMatch(
      errorText(locale, byWall),
      /fingerprint|empreinte/,
      'the wall refused: its print is fine',
    );
    assert.doesNotMatch(errorText(locale, mismatch), /peer-pin/);
  }
  // The badge beside the miniature.
  assert.match(
    translate('fr', 'wall.link.refused-by-wall'),
    /^Refusé par le PC du mur.*--peer-pin sur le PC du mur/,
  );
  assert.match(
    translate('fr', 'wall.link.wall-pin-mismatch'),
    /^Refusé par ce poste.*--wall-pin sur ce poste/,
  );
  assert.match(
    translate('en', 'wall.link.refused-by-wall'),
    /^Refused by the wall PC.*--peer-pin on the wall PC/,
  );
  assert.match(
    translate('en', 'wall.link.wall-pin-mismatch'),
    /^Refused by this post.*--wall-pin on this post/,
  );
  // A rack PC that does not answer: the console cannot know what its wall shows.
  assert.equal(
    translate('fr', 'wall.link.down'),
    'PC du mur injoignable : ce que le mur affiche n’est pas connu',
  );
  assert.equal(translate('en', 'wall.link.down'), 'Wall PC unreachable: what the wall shows is not known');
});

test('both catalogues word the same keys, each named after its feature', () => {
  assert.deepEqual(Object.keys(en).sort(), Object.keys(fr).sort());
  // Issue 19 renamed the three prefixes that named no feature (old → new):
  // ops. → accounts., op. → shell., sop. → operations.
  const retired = Object.keys(fr).filter((k) => /^(ops|op|sop)\./.test(k));
  assert.deepEqual(retired, [], 'use accounts., shell. or operations.');
});

test('numbers put into a sentence are written in the console’s language: 12,5 i/s in French', () => {
  const camera = {
    group: 'cameras',
    subject: 'n° 12',
    status: 'pass',
    code: 'camera_ok',
    params: { name: 'n° 12 — Place Bellecour', codec: 'H.264', resolution: '1280x720', fps: 12.5 },
  } as const;
  assert.match(selftestText('fr', camera), /, 12,5 i\/s,/);
  assert.match(selftestText('en', camera), /, 12\.5 /);
  // Identifiers and counts stay as they are: an entry number is never "12 345".
  assert.equal(
    translate('fr', 'selftest.code.registry_writable', { seq: 12345 }),
    'écriture possible (entrée n° 12345)',
  );
  assert.match(translate('fr', 'report.viewing', { hours: 0.13 }), /0,13 h au total/);
});
