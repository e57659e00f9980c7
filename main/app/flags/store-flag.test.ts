/** Issue 21: `--store postgres://…` (or $VIGIE_STORE) picks the CIC's shared store; its password is never repeated. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFlags } from './flag-parser';
import { hostOptions } from './post-options';
import { shownStoreUrl } from '../../platform/storage/store-url';

const URL_WITH_TLS =
  'postgres://vigie:s3cret@db.cic:5432/vigie?sslmode=verify-full&sslrootcert=/etc/vigie/ca.pem';

test('no --store: the post keeps its own SQLite, and its PTZ leases their default', () => {
  const o = hostOptions([], {});
  assert.ok(o.ok && !o.help);
  assert.equal(o.value.services.store, undefined);
  assert.equal(o.value.services.ptz?.leaseStore, undefined);
});

test('--store takes a PostgreSQL URL with its TLS options as is, and the leases follow it', () => {
  const o = hostOptions(['--store', URL_WITH_TLS], {});
  assert.ok(o.ok && !o.help);
  assert.equal(o.value.services.store, URL_WITH_TLS);
  assert.equal(o.value.services.ptz?.leaseStore, URL_WITH_TLS);
  // A lease store of their own still wins.
  const own = hostOptions(['--store', URL_WITH_TLS, '--lease-store', 'postgres://l@h/leases'], {});
  assert.ok(own.ok && !own.help);
  assert.equal(own.value.services.ptz?.leaseStore, 'postgres://l@h/leases');
});

test('the CLI commands read $VIGIE_STORE; --store wins over it', () => {
  const env = { VIGIE_STORE: 'postgresql://vigie@10.0.0.5/vigie' };
  const p = parseFlags('operators list', [], env);
  assert.ok(p.ok);
  assert.equal(p.flags.store, env.VIGIE_STORE);
  const q = parseFlags('operators list', ['--store', URL_WITH_TLS], env);
  assert.ok(q.ok);
  assert.equal(q.flags.store, URL_WITH_TLS);
});

test('anything but a postgres URL is refused, and the refusal never repeats a password', () => {
  for (const bad of [
    'mysql://u:pw-secret-1@h/db',
    'postgres://',
    '/var/lib/vigie',
    'postgres://u:pw-secret-1@',
  ]) {
    const p = parseFlags('host', ['--store', bad], {});
    assert.ok(!p.ok, bad);
    assert.equal(p.error.subject, '--store');
    assert.ok(!p.error.message.includes('pw-secret-1'), p.error.message);
  }
  const env = parseFlags('operators add', [], { VIGIE_STORE: 'http://u:pw-secret-1@h/db' });
  assert.ok(!env.ok);
  assert.equal(env.error.subject, 'VIGIE_STORE');
  assert.ok(!env.error.message.includes('pw-secret-1'), env.error.message);
});

test('the URL as shown keeps where it goes and hides the password', () => {
  const shown = shownStoreUrl(URL_WITH_TLS);
  assert.ok(!shown.includes('s3cret'), shown);
  assert.match(shown, /^postgres:\/\/vigie:\*\*\*@db\.cic:5432\/vigie\?sslmode=verify-full/);
  assert.ok(!shownStoreUrl('postgres://u@h/db?password=s3cret').includes('s3cret'));
});
