/** Issue 18: main's one read of a file it does not control: regular files only, bounded, never waiting on a pipe. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { readFileSafe } from './safe-read';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-safe-read-'));
const at = (name: string): string => path.join(dir, name);
const problem = async (file: string, o: Parameters<typeof readFileSafe>[1] = { maxBytes: 1024 }) => {
  const r = await readFileSafe(file, o);
  return r.ok ? 'ok' : r.problem;
};

test('a regular file is read whole; over the cap it is refused', async () => {
  fs.writeFileSync(at('a.json'), '{"a":1}');
  assert.deepEqual(await readFileSafe(at('a.json'), { maxBytes: 7 }), {
    ok: true,
    bytes: Buffer.from('{"a":1}'),
  });
  assert.equal(await problem(at('a.json'), { maxBytes: 6 }), 'too_large');
  fs.writeFileSync(at('empty'), '');
  assert.deepEqual(await readFileSafe(at('empty'), { maxBytes: 1 }), { ok: true, bytes: Buffer.alloc(0) });
  assert.equal(await problem(at('missing')), 'missing');
  assert.equal(await problem(path.join(at('a.json'), 'below')), 'missing');
});

test(
  'a pipe, a socket, a device or a folder is refused at once, without waiting for a writer',
  { timeout: 10_000 },
  async () => {
    execFileSync('mkfifo', [at('pipe')]);
    const t = performance.now();
    assert.equal(await problem(at('pipe')), 'not_file');
    assert.ok(performance.now() - t < 2000);
    const server = net.createServer().listen(at('sock'));
    await new Promise((r) => server.once('listening', r));
    assert.equal(await problem(at('sock')), 'not_file');
    server.close();
    assert.equal(await problem('/dev/zero'), 'not_file');
    assert.equal(await problem(dir), 'not_file');
  },
);

test('a link is refused, unless the caller names the file itself (a command-line argument)', async () => {
  fs.writeFileSync(at('target'), 'x');
  fs.symlinkSync(at('target'), at('link'));
  assert.equal(await problem(at('link')), 'symlink');
  assert.deepEqual(await readFileSafe(at('link'), { maxBytes: 1, followLink: true }), {
    ok: true,
    bytes: Buffer.from('x'),
  });
  fs.symlinkSync('/dev/zero', at('to-device'));
  assert.equal(await problem(at('to-device'), { maxBytes: 1, followLink: true }), 'not_file');
});

test('a read past its deadline gives up; a large file can be streamed to a hash instead of kept', async () => {
  const big = Buffer.alloc(48 * 1024 * 1024, 7);
  fs.writeFileSync(at('big'), big);
  assert.equal(await problem(at('big'), { maxBytes: big.length, deadlineMs: 1 }), 'timeout');
  const h = createHash('sha256');
  const r = await readFileSafe(at('big'), { maxBytes: big.length, onChunk: (c) => h.update(c) });
  assert.deepEqual(r, { ok: true, bytes: Buffer.alloc(0) });
  assert.equal(h.digest('hex'), createHash('sha256').update(big).digest('hex'));
});
