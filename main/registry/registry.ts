/**
 * The access registry: append-only SQLite (WAL, synchronous=FULL, triggers refuse UPDATE and
 * DELETE), every row chained by HMAC-SHA256 over the previous MAC. An append returns only once
 * the row is durable: nothing acknowledged is lost.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { RegistryEntryView, VerifyView } from '../../common/contract';
import type { RegistryKeys } from './registry-key';

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

/** A stored row: what the contract shows, plus its chain MAC. */
export type RegistryRow = RegistryEntryView & { mac: string };

export interface RegistryFilter {
  from?: string;
  to?: string;
  login?: string;
  cameraId?: number;
  types?: string[];
  limit?: number;
}

export interface Checkpoint {
  seq: number;
  mac: string;
  at: string;
  signature: string;
  publicKey: string;
}

const GENESIS = 'vigie-registry-genesis';

function canonical(r: Omit<RegistryRow, 'mac'>): string {
  return JSON.stringify([
    r.seq,
    r.at,
    r.type,
    r.login,
    r.name,
    r.rank,
    r.service,
    r.cameraId,
    r.surface,
    r.data,
  ]);
}

export function computeMac(key: Buffer, prevMac: string, r: Omit<RegistryRow, 'mac'>): string {
  return crypto.createHmac('sha256', key).update(prevMac).update('\n').update(canonical(r)).digest('hex');
}

export class Registry {
  private readonly db: DatabaseSync;
  private headMac: string;
  private headSeq: number;

  constructor(
    dataDir: string,
    private readonly keys: RegistryKeys,
  ) {
    this.db = new DatabaseSync(path.join(dataDir, 'registry.db'));
    this.db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = FULL;
      CREATE TABLE IF NOT EXISTS registry (
        seq INTEGER PRIMARY KEY, at TEXT NOT NULL, type TEXT NOT NULL,
        login TEXT NOT NULL, name TEXT NOT NULL, rank TEXT NOT NULL, service TEXT NOT NULL,
        camera_id INTEGER, surface TEXT, data TEXT NOT NULL, mac TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS registry_at ON registry(at);
      CREATE TABLE IF NOT EXISTS registry_anchor (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, mac TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS registry_purge_gate (open INTEGER NOT NULL);
      CREATE TRIGGER IF NOT EXISTS registry_no_update BEFORE UPDATE ON registry
        BEGIN SELECT RAISE(ABORT, 'registry is append-only'); END;
      CREATE TRIGGER IF NOT EXISTS registry_no_delete BEFORE DELETE ON registry
        WHEN NOT EXISTS (SELECT 1 FROM registry_purge_gate WHERE open = 1)
        BEGIN SELECT RAISE(ABORT, 'registry is append-only'); END;
    `);
    const head = this.db.prepare('SELECT seq, mac FROM registry ORDER BY seq DESC LIMIT 1').get() as
      { seq: number; mac: string } | undefined;
    const anchor = this.anchor();
    this.headSeq = head?.seq ?? anchor.seq;
    this.headMac = head?.mac ?? anchor.mac;
  }

  private anchor(): { seq: number; mac: string } {
    const a = this.db.prepare('SELECT seq, mac FROM registry_anchor WHERE id = 1').get() as
      { seq: number; mac: string } | undefined;
    return a ?? { seq: 0, mac: GENESIS };
  }

  append(input: RegistryInput): RegistryRow {
    const a = input.actor;
    const row: Omit<RegistryRow, 'mac'> = {
      seq: this.headSeq + 1,
      at: new Date().toISOString(),
      type: input.type,
      login: a?.login ?? '',
      name: a?.name ?? '',
      rank: a?.rank ?? '',
      service: a?.service ?? '',
      cameraId: input.cameraId ?? null,
      surface: input.surface ?? null,
      data: JSON.stringify(input.data ?? {}),
    };
    const mac = computeMac(this.keys.macKey, this.headMac, row);
    this.db
      .prepare(
        'INSERT INTO registry (seq, at, type, login, name, rank, service, camera_id, surface, data, mac) VALUES (?,?,?,?,?,?,?,?,?,?,?)',
      )
      .run(
        row.seq,
        row.at,
        row.type,
        row.login,
        row.name,
        row.rank,
        row.service,
        row.cameraId,
        row.surface,
        row.data,
        mac,
      );
    this.headSeq = row.seq;
    this.headMac = mac;
    return { ...row, mac };
  }

  query(f: RegistryFilter = {}): RegistryRow[] {
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
    const sql = `SELECT seq, at, type, login, name, rank, service, camera_id AS cameraId, surface, data, mac FROM registry
      ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY seq ${f.limit ? `DESC LIMIT ${Math.floor(f.limit)}` : 'ASC'}`;
    const rows = this.db.prepare(sql).all(...args) as unknown as RegistryRow[];
    return f.limit ? rows.reverse() : rows;
  }

  /** Re-computes the whole chain; names the first row that does not match. */
  verify(checkpoint?: Checkpoint): VerifyView {
    let prev = this.anchor();
    let count = 0;
    for (const r of this.db
      .prepare(
        'SELECT seq, at, type, login, name, rank, service, camera_id AS cameraId, surface, data, mac FROM registry ORDER BY seq',
      )
      .iterate() as Iterable<RegistryRow>) {
      count++;
      if (r.seq !== prev.seq + 1)
        return {
          ok: false,
          rows: count,
          firstBadSeq: prev.seq + 1,
          problem: 'missing',
        };
      const { mac, ...rest } = r;
      if (computeMac(this.keys.macKey, prev.mac, rest) !== mac)
        return { ok: false, rows: count, firstBadSeq: r.seq, problem: 'altered' };
      prev = { seq: r.seq, mac };
    }
    if (checkpoint) {
      if (!this.checkpointSignatureValid(checkpoint))
        return {
          ok: false,
          rows: count,
          firstBadSeq: checkpoint.seq,
          problem: 'checkpoint_signature',
        };
      if (prev.seq < checkpoint.seq)
        return {
          ok: false,
          rows: count,
          firstBadSeq: prev.seq + 1,
          problem: 'truncated',
          missing: checkpoint.seq - prev.seq,
        };
      const at = this.db.prepare('SELECT mac FROM registry WHERE seq = ?').get(checkpoint.seq) as
        { mac: string } | undefined;
      if (at && at.mac !== checkpoint.mac)
        return {
          ok: false,
          rows: count,
          firstBadSeq: checkpoint.seq,
          problem: 'checkpoint_mismatch',
        };
    }
    return { ok: true, rows: count, head: count || prev.seq ? prev : null };
  }

  checkpoint(): Checkpoint {
    const base = { seq: this.headSeq, mac: this.headMac, at: new Date().toISOString() };
    const signature = crypto
      .sign(null, Buffer.from(JSON.stringify(base)), this.keys.signingKey)
      .toString('base64');
    return { ...base, signature, publicKey: this.keys.publicKeyPem };
  }

  checkpointSignatureValid(c: Checkpoint): boolean {
    const base = { seq: c.seq, mac: c.mac, at: c.at };
    try {
      return crypto.verify(
        null,
        Buffer.from(JSON.stringify(base)),
        crypto.createPublicKey(c.publicKey),
        Buffer.from(c.signature, 'base64'),
      );
    } catch {
      return false;
    }
  }

  /** Retention: removes rows older than `before`, keeping the chain verifiable from an anchor. */
  purge(before: string, actor: RegistryActor | null): number {
    const last = this.db
      .prepare('SELECT seq, mac FROM registry WHERE at < ? ORDER BY seq DESC LIMIT 1')
      .get(before) as { seq: number; mac: string } | undefined;
    if (!last) return 0;
    this.db.exec('BEGIN IMMEDIATE');
    try {
      this.db.prepare('INSERT INTO registry_purge_gate (open) VALUES (1)').run();
      const removed = Number(this.db.prepare('DELETE FROM registry WHERE seq <= ?').run(last.seq).changes);
      this.db.prepare('DELETE FROM registry_purge_gate').run();
      this.db
        .prepare('INSERT OR REPLACE INTO registry_anchor (id, seq, mac) VALUES (1, ?, ?)')
        .run(last.seq, last.mac);
      this.db.exec('COMMIT');
      this.append({ type: 'registry.purge', actor, data: { before, removed, anchorSeq: last.seq } });
      return removed;
    } catch (e) {
      this.db.exec('ROLLBACK');
      throw e;
    }
  }

  /** After a crash, viewing sessions left open are closed honestly, marked interrupted. */
  closeOrphanViews(): number {
    const rows = this.db
      .prepare(
        `SELECT s.login, s.name, s.rank, s.service, s.camera_id AS cameraId, s.surface, json_extract(s.data, '$.viewId') AS viewId
      FROM registry s WHERE s.type = 'view.start' AND NOT EXISTS (SELECT 1 FROM registry e WHERE e.type = 'view.end'
      AND json_extract(e.data, '$.viewId') = json_extract(s.data, '$.viewId'))`,
      )
      .all() as unknown as (RegistryActor & {
      cameraId: number | null;
      surface: string | null;
      viewId: string;
    })[];
    for (const r of rows) {
      this.append({
        type: 'view.end',
        actor: r,
        cameraId: r.cameraId,
        surface: r.surface,
        data: { viewId: r.viewId, interrupted: true },
      });
    }
    return rows.length;
  }

  close(): void {
    this.db.close();
  }
}
