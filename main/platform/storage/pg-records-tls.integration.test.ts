/**
 * Issue 21, connection security: the shared store over TLS on a real throwaway server with its own
 * CA (openssl). `sslmode=verify-full&sslrootcert=` in the URL reaches the driver as is: the CIC's
 * CA lets the post in, encrypted; another CA is refused, and neither the refusal nor the logs
 * repeat the URL's password.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PgRecords } from './pg-records';
import type { PgServer } from '../../../test-support/records/pg-server';
import { pgSuite } from '../../../test-support/records/pg-suite';
import { asSuperuser, RECORDS_SCHEMA } from '../../../test-support/records/pg-databases';
import { captureLog } from '../../../test-support/platform/log-capture';

const SECRET = 'pw-secret-9';
let dir = '';

const openssl = (...args: string[]): void =>
  void execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });

/** A CA and its certificate for 127.0.0.1, as a CIC would have; `other.pem` is a CA the server never used. */
function certificates(): void {
  const key = ['-newkey', 'rsa:2048', '-nodes', '-days', '2'];
  openssl('req', '-x509', ...key, '-keyout', 'ca.key', '-out', 'ca.pem', '-subj', '/CN=CIC CA');
  openssl('req', '-x509', ...key, '-keyout', 'o.key', '-out', 'other.pem', '-subj', '/CN=Other CA');
  openssl('req', ...key.slice(0, 3), '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=db');
  fs.writeFileSync(path.join(dir, 'ext'), 'subjectAltName=IP:127.0.0.1\n');
  openssl(
    ...['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial'],
    ...['-out', 'server.crt', '-days', '2', '-extfile', 'ext'],
  );
  fs.chmodSync(dir, 0o755);
  fs.chmodSync(path.join(dir, 'server.key'), 0o600);
  if (process.getuid?.() === 0) {
    const id = (f: string) => Number(execFileSync('id', [f, 'postgres'], { encoding: 'utf8' }).trim());
    for (const f of ['server.key', 'server.crt']) fs.chownSync(path.join(dir, f), id('-u'), id('-g'));
  }
}

/** The cluster restarted with the CIC's certificate: TLS on. */
async function restartWithTls(server: PgServer): Promise<void> {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-tls-'));
  certificates();
  await asSuperuser(server.url, `ALTER SYSTEM SET ssl_cert_file = '${path.join(dir, 'server.crt')}'`);
  await asSuperuser(server.url, `ALTER SYSTEM SET ssl_key_file = '${path.join(dir, 'server.key')}'`);
  await asSuperuser(server.url, 'ALTER SYSTEM SET ssl = on');
  await server.stop();
  await server.start();
}

pgSuite('shared store over TLS', (lab) => {
  lab.setUp(() => restartWithTls(lab.server));
  const url = (ca: string): string =>
    `postgres://vigie:${SECRET}@127.0.0.1:${lab.server.port}/postgres?sslmode=verify-full&sslrootcert=${path.join(dir, ca)}`;

  test('with the CIC’s CA the post connects, encrypted, and listens', { timeout: 30_000 }, async () => {
    const r = await PgRecords.open(url('ca.pem'), RECORDS_SCHEMA);
    try {
      const q = await r.pool.query<{ ssl: boolean }>(
        'SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()',
      );
      assert.equal(q.rows[0]?.ssl, true);
    } finally {
      await r.close();
    }
  });

  test('a server whose certificate another CA signed is refused, and the password is never said', async () => {
    const log = captureLog();
    let refused: unknown;
    try {
      await PgRecords.open(url('other.pem'), RECORDS_SCHEMA);
    } catch (e) {
      refused = e;
    } finally {
      log.restore();
    }
    assert.ok(refused instanceof Error, 'refused');
    assert.match(refused.message, /^shared store unreachable \(\w*(CERT|ISSUER|SIGNATURE)\w*\)$/);
    assert.ok(!refused.message.includes(SECRET));
    assert.ok(!log.lines.some((l) => l.includes(SECRET)), log.lines.join('\n'));
  });
});

// After the cluster is removed.
after(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});
