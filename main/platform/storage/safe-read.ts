/**
 * The one way main reads a file whose path someone else chose (an import folder, a CLI argument,
 * removable media) or that someone could have swapped (a file in the data directory): a regular
 * file only, within a size cap, within a deadline, never blocking a thread on a pipe.
 *
 * - `lstat` first: a link, a directory, a FIFO, a socket or a device is refused before any open.
 * - `open` with O_NOFOLLOW (a link swapped in since is refused) and O_NONBLOCK (a FIFO swapped in
 *   since does not wait for its writer), then `fstat` the descriptor: what was opened is what is read.
 * - The bytes are read asynchronously (libuv's pool, never the event loop) up to `maxBytes`; a file
 *   that grows past it is refused, whatever its size said.
 * - The whole read has a deadline: a stuck share or USB key gives `timeout`, and the caller goes on.
 *   (A read stuck in the kernel keeps its pool thread until the kernel lets go; the descriptor is
 *   closed as soon as it does.)
 */
import fs from 'node:fs';

export type SafeReadProblem = 'missing' | 'symlink' | 'not_file' | 'too_large' | 'timeout' | 'unreadable';
export type SafeRead = { ok: true; bytes: Buffer } | { ok: false; problem: SafeReadProblem };

export interface SafeReadOptions {
  maxBytes: number;
  /** 10 s by default. */
  deadlineMs?: number;
  /** A link at the path itself is followed (a file named on the command line); never for imports. */
  followLink?: boolean;
  /** Streams the bytes to this function instead of keeping them (an installer's hash); `bytes` is then empty. */
  onChunk?: (chunk: Buffer) => void;
}

export const DEFAULT_READ_DEADLINE_MS = 10_000;
const CHUNK = 1024 * 1024;
// Neither flag exists on Windows, where a path cannot name a FIFO and links need privileges.
const NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;
const NONBLOCK = fs.constants.O_NONBLOCK ?? 0;

class Refused extends Error {
  constructor(readonly problem: SafeReadProblem) {
    super(problem);
  }
}

/** Reads a file from a path main does not control. Never throws. */
export async function readFileSafe(file: string, o: SafeReadOptions): Promise<SafeRead> {
  let timer: NodeJS.Timeout | undefined;
  let late = false;
  const deadline = new Promise<SafeRead>((resolve) => {
    timer = setTimeout(() => {
      late = true;
      resolve({ ok: false, problem: 'timeout' });
    }, o.deadlineMs ?? DEFAULT_READ_DEADLINE_MS);
  });
  const read = readChecked(file, o, () => late).then(
    (bytes): SafeRead => ({ ok: true, bytes }),
    (e: unknown): SafeRead => ({ ok: false, problem: problemOf(e) }),
  );
  try {
    return await Promise.race([read, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

async function readChecked(file: string, o: SafeReadOptions, late: () => boolean): Promise<Buffer> {
  const st = await fs.promises.lstat(file);
  if (st.isSymbolicLink() && !o.followLink) throw new Refused('symlink');
  checkStats(st.isSymbolicLink() ? await fs.promises.stat(file) : st, o.maxBytes);
  const handle = await fs.promises.open(
    file,
    fs.constants.O_RDONLY | NONBLOCK | (o.followLink ? 0 : NOFOLLOW),
  );
  try {
    const { size } = await handle.stat().then((s) => (checkStats(s, o.maxBytes), s));
    const kept: Buffer[] = [];
    let total = 0;
    for (;;) {
      if (late()) throw new Refused('timeout');
      // As much as fstat said is left (plus one, to see the end), never more than the cap allows.
      const want = total < size ? size - total + 1 : CHUNK;
      const buf = Buffer.allocUnsafe(Math.min(want, CHUNK, o.maxBytes - total + 1));
      const { bytesRead } = await handle.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > o.maxBytes) throw new Refused('too_large');
      const chunk = buf.subarray(0, bytesRead);
      if (o.onChunk) o.onChunk(chunk);
      else kept.push(chunk);
      // A regular file reads short only at its end: no need to ask again (a tile is one read).
      if (bytesRead < buf.length && total >= size) break;
    }
    return kept.length === 1 ? kept[0]! : Buffer.concat(kept, o.onChunk ? 0 : total);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function checkStats(st: fs.Stats, maxBytes: number): void {
  if (!st.isFile()) throw new Refused('not_file'); // a directory, FIFO, socket or device
  if (st.size > maxBytes) throw new Refused('too_large');
}

function problemOf(e: unknown): SafeReadProblem {
  if (e instanceof Refused) return e.problem;
  switch ((e as NodeJS.ErrnoException).code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'missing';
    case 'ELOOP': // O_NOFOLLOW met a link swapped in after the lstat
      return 'symlink';
    case 'ENXIO': // a socket, or a device with nothing behind it
    case 'EISDIR':
      return 'not_file';
    default:
      return 'unreadable';
  }
}
