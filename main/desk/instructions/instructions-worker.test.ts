/**
 * Issue 18: an instructions file is parsed in a worker thread with a deadline, the Markdown as much
 * as the PDF. A 4 MiB file within every documented limit (`[a` repeated under one `##`) kept the
 * post from answering for 8 to 12 s when parsed on the main thread.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { MAX_INSTRUCTIONS_BYTES } from '../../../common/contract';
import { postJobRunner } from '../../app/post-jobs';
import { loadOrCreateKeys } from '../../records/registry/registry-key';
import { parseInWorker } from './instructions-module';
import { makeInstructionsPdf } from '../../../test-support/desk/instructions-pdf';

/** The longest the main thread went without running a timer while `work` ran. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ value: T; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 10);
  try {
    return { value: await work(), stallMs };
  } finally {
    clearInterval(tick);
  }
}

test(
  'a pathological Markdown file is refused at its deadline; the main thread never waits on it',
  { timeout: 60_000 },
  async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-instr-worker-'));
    const jobs = postJobRunner(dir, loadOrCreateKeys(dir));
    const parse = parseInWorker(jobs, { markdown: 1500, pdf: 20_000 });
    const head = '## Rixe\n\n';
    const body = '[a'.repeat((MAX_INSTRUCTIONS_BYTES - head.length) / 2);
    const bytes = Buffer.from(head + body);
    assert.ok(bytes.length <= MAX_INSTRUCTIONS_BYTES);
    const { value, stallMs } = await longestStall(() =>
      parse({ fileName: 'c.md', format: 'markdown', bytes }),
    );
    assert.deepEqual(value, {
      ok: true,
      value: { ok: false, problem: { reason: 'too_complex', params: { seconds: 1.5 } } },
    });
    assert.ok(stallMs < 100, `main thread stalled ${Math.round(stallMs)} ms`);

    // Ordinary files still go through the same worker: Markdown and a PDF with its outline.
    const md = await parse({
      fileName: 'c.md',
      format: 'markdown',
      bytes: Buffer.from('## Rixe\n\n- Coups\n'),
    });
    assert.deepEqual(md, {
      ok: true,
      value: { ok: true, format: 'markdown', categories: [{ label: 'Rixe', items: ['Coups'] }] },
    });
    const pdf = await parse({
      fileName: 'c.pdf',
      format: 'pdf',
      bytes: await makeInstructionsPdf(['Rixe', 'Vol']),
    });
    assert.ok(pdf.ok && pdf.value.ok);
    assert.deepEqual(
      pdf.value.categories.map((c) => c.label),
      ['Rixe', 'Vol'],
    );
    await jobs.close();
  },
);
