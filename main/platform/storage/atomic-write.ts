/** Durable writes: a crash or a full disk leaves either the old file or the new one, never half. */
import fs from 'node:fs';
import path from 'node:path';
import type { StorageErrorCode } from '../../../common/errors';
import { pgUnreachable } from './pg-errors';

export function writeFileAtomic(file: string, data: string, mode = 0o600): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w', mode);
  try {
    fs.writeSync(fd, data);
    fs.fsyncSync(fd);
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  fs.closeSync(fd);
  fs.renameSync(tmp, file);
}

export function appendLineDurable(file: string, line: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, 'a', 0o600);
  try {
    fs.writeSync(fd, line.endsWith('\n') ? line : line + '\n');
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** The code of a storage failure; the console words it (disk full, access denied, …). */
export function storageErrorCode(e: unknown): StorageErrorCode {
  const { code, errcode } = e as { code?: unknown; errcode?: unknown };
  // SQLITE_FULL (13, extended codes in the high bits): an embedded store's disk is full.
  const sqliteFull = code === 'ERR_SQLITE_ERROR' && typeof errcode === 'number' && (errcode & 0xff) === 13;
  if (code === 'ENOSPC' || sqliteFull) return 'disk_full';
  if (code === 'EACCES' || code === 'EPERM') return 'storage_denied';
  // The CIC's shared database (--store) out of reach: nothing was saved either.
  if (pgUnreachable(e)) return 'store_unreachable';
  return 'storage_error';
}
