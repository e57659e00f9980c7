/** Issue 18: `registry verify --checkpoint FILE` and the newest checkpoint are read without waiting on a pipe. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { latestCheckpoint, readCheckpointFile } from './checkpoint-file';

test(
  'a checkpoint that is a pipe, a device or too large reads as null at once; a good one is parsed',
  { timeout: 20_000 },
  async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-cp-'));
    const cp = { seq: 12, mac: 'abc' };
    fs.writeFileSync(path.join(dir, 'cp.json'), JSON.stringify(cp));
    assert.deepEqual(await readCheckpointFile(path.join(dir, 'cp.json')), cp);
    fs.symlinkSync(path.join(dir, 'cp.json'), path.join(dir, 'link.json'));
    assert.deepEqual(
      await readCheckpointFile(path.join(dir, 'link.json')),
      cp,
      'a file named on the command line',
    );
    execFileSync('mkfifo', [path.join(dir, 'pipe.json')]); // the CLI used to wait for its writer forever
    assert.equal(await readCheckpointFile(path.join(dir, 'pipe.json')), null);
    assert.equal(await readCheckpointFile('/dev/zero'), null);
    fs.writeFileSync(path.join(dir, 'big.json'), Buffer.alloc(1024 * 1024, 0x20));
    assert.equal(await readCheckpointFile(path.join(dir, 'big.json')), null);

    // The newest in the data directory: a pipe planted there, or a link, is refused too.
    const data = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-cp-data-'));
    assert.equal(await latestCheckpoint(data), undefined);
    fs.mkdirSync(path.join(data, 'checkpoints'));
    fs.writeFileSync(path.join(data, 'checkpoints', '2026-01-01.json'), JSON.stringify(cp));
    assert.deepEqual(await latestCheckpoint(data), cp);
    execFileSync('mkfifo', [path.join(data, 'checkpoints', '2026-02-01.json')]);
    assert.equal(await latestCheckpoint(data), null);
    fs.rmSync(path.join(data, 'checkpoints', '2026-02-01.json'));
    fs.symlinkSync(path.join(dir, 'cp.json'), path.join(data, 'checkpoints', '2026-03-01.json'));
    assert.equal(await latestCheckpoint(data), null);
  },
);
