/**
 * A registry row: what an entry records, the row as it is MACed and stored, and how rows are read
 * back (the columns, and a filter as SQL). The registry, its jobs and the CIC's store share them.
 */
import { visibleText } from '../../../common/text';
import type { RegistryRow } from './registry-chain';

export interface RegistryActor {
  login: string;
  name: string;
  rank: string;
  service: string;
}

export interface RegistryInput {
  type: string;
  actor?: RegistryActor | null;
  cameraId?: number | null;
  surface?: string | null;
  data?: Record<string, unknown>;
}

export interface RegistryFilter {
  from?: string;
  to?: string;
  login?: string;
  cameraId?: number;
  types?: string[];
  limit?: number;
}

/** The columns a row is read back with, named as RegistryRow names them. */
export const ROWS =
  'SELECT seq, at, type, login, name, rank, service, camera_id AS cameraId, surface, data, mac FROM registry';

/** A filter as SQL: `WHERE …` (or nothing) and its arguments; the worker's jobs build on it too. */
export function filterWhere(f: RegistryFilter): { sql: string; args: (string | number)[] } {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (f.from) {
    where.push('at >= ?');
    args.push(f.from);
  }
  if (f.to) {
    where.push('at <= ?');
    args.push(f.to);
  }
  if (f.login) {
    where.push('login = ?');
    args.push(f.login);
  }
  if (f.cameraId !== undefined) {
    where.push('camera_id = ?');
    args.push(f.cameraId);
  }
  if (f.types?.length) {
    where.push(`type IN (${f.types.map(() => '?').join(',')})`);
    args.push(...f.types);
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', args };
}

/**
 * The row as it is MACed and stored. SQLite text is not JavaScript text (a lone surrogate is stored
 * as U+FFFD, a NUL cuts the text): each text column goes through `visibleText`, which leaves text
 * that obeys the text rule unchanged and makes the rest visible (NUL as ␀, a lone surrogate or a
 * bidi override as U+FFFD). `data` is JSON, which escapes lone surrogates and C0 controls, so it is
 * stored as it is MACed and its values come back intact. Rows written before this was done verify
 * as they always did: verification MACs the row as read back.
 */
export function canonicalRow(seq: number, at: string, input: RegistryInput): Omit<RegistryRow, 'mac'> {
  const a = input.actor;
  return {
    seq,
    at: visibleText(at),
    type: visibleText(input.type),
    login: visibleText(a?.login ?? ''),
    name: visibleText(a?.name ?? ''),
    rank: visibleText(a?.rank ?? ''),
    service: visibleText(a?.service ?? ''),
    cameraId: input.cameraId ?? null,
    surface: input.surface == null ? null : visibleText(input.surface),
    data: JSON.stringify(input.data ?? {}),
  };
}
