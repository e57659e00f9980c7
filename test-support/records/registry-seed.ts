/**
 * Seeds a registry with a year's worth of realistic, correctly chained entries, fast (one
 * transaction, one prepared statement): viewing sessions in start/end pairs, PTZ leases, incident
 * reports, special operations, logins. Used by the bench (2 million rows), the e2e specs and the
 * unit tests; never by the post itself.
 */
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { GENESIS, computeMac, type RegistryRow } from '../../main/records/registry/registry-chain';
import { loadOrCreateKeys, type RegistryKeys } from '../../main/records/registry/registry-key';
import { Registry } from '../../main/records/registry/registry';

export interface SeedOptions {
  rows: number;
  /** ISO; the entries are spread evenly from `from` to `to`, in order. */
  from: string;
  to: string;
  cameras?: number;
  operators?: number;
  /** Deterministic pseudo-random sequence. */
  seed?: number;
  /** Entries a test knows, chained after the others (their times after `to`). */
  extra?: Omit<RegistryRow, 'seq' | 'mac'>[];
}

const OPERATORS = ['agent', 'lmoreau', 'pdurand', 'sbernard', 'kmartin', 'arobert', 'cpetit', 'jrichard'];

export function seedRegistry(dataDir: string, o: SeedOptions): { keys: RegistryKeys; rows: number } {
  const keys = loadOrCreateKeys(dataDir);
  new Registry(dataDir, keys).close(); // the schema, and `registry.init` for a new key
  const db = new DatabaseSync(path.join(dataDir, 'registry.db'));
  db.exec('PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;');
  let state = o.seed ?? 12345;
  const rand = (): number => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;
  const operators = OPERATORS.slice(0, o.operators ?? 6).map((login) => ({
    login,
    name: `Opérateur ${login}`,
    rank: 'Gardien de la paix',
    service: 'CIC',
  }));
  const cameras = Array.from({ length: o.cameras ?? 60 }, (_, i) => i + 1);
  const insert = db.prepare(
    'INSERT INTO registry (seq, at, type, login, name, rank, service, camera_id, surface, data, mac) VALUES (?,?,?,?,?,?,?,?,?,?,?)',
  );
  const t0 = Date.parse(o.from);
  const step = (Date.parse(o.to) - t0) / Math.max(1, o.rows);
  const open: { viewId: string; op: (typeof operators)[number]; cameraId: number; surface: string }[] = [];
  // Indexes are built once at the end (the Registry re-creates them), faster than row by row.
  db.exec(['at', 'type', 'login', 'camera'].map((i) => `DROP INDEX IF EXISTS registry_${i};`).join(' '));
  db.exec('BEGIN IMMEDIATE');
  try {
    const head = db.prepare('SELECT seq, mac FROM registry ORDER BY seq DESC LIMIT 1').get() as
      { seq: number; mac: string } | undefined;
    let prev = head ?? { seq: 0, mac: GENESIS };
    let views = 0;
    const chain = (row: Omit<RegistryRow, 'seq' | 'mac'>): void => {
      const full = { seq: prev.seq + 1, ...row };
      const mac = computeMac(keys.macKey, prev.mac, full);
      insert.run(
        full.seq,
        full.at,
        full.type,
        full.login,
        full.name,
        full.rank,
        full.service,
        full.cameraId,
        full.surface,
        full.data,
        mac,
      );
      prev = { seq: full.seq, mac };
    };
    for (let i = 0; i < o.rows; i++) {
      const at = new Date(t0 + i * step).toISOString();
      const r = rand();
      let row: Omit<RegistryRow, 'seq' | 'at' | 'mac'>;
      const op = pick(operators);
      const actor = { login: op.login, name: op.name, rank: op.rank, service: op.service };
      if (r < 0.72) {
        // A viewing session ends, or another starts (a tile changes camera).
        if (open.length > 24 || (open.length && rand() < 0.5)) {
          const v = open.splice(Math.floor(rand() * open.length), 1)[0]!;
          row = {
            type: 'view.end',
            login: v.op.login,
            name: v.op.name,
            rank: v.op.rank,
            service: v.op.service,
            cameraId: v.cameraId,
            surface: v.surface,
            data: JSON.stringify({ viewId: v.viewId, seconds: Math.round(step / 1000) }),
          };
        } else {
          const v = { viewId: `seed-${++views}`, op, cameraId: pick(cameras), surface: 'console-tile' };
          open.push(v);
          row = {
            type: 'view.start',
            ...actor,
            cameraId: v.cameraId,
            surface: v.surface,
            data: JSON.stringify({ viewId: v.viewId, stream: 'sub' }),
          };
        }
      } else if (r < 0.84) {
        const type = pick([
          'ptz.request',
          'ptz.notify',
          'ptz.grant',
          'ptz.release',
          'ptz.expire',
          'ptz.refuse',
        ]);
        row = {
          type,
          ...actor,
          cameraId: pick(cameras),
          surface: null,
          data: JSON.stringify({ eventRef: `EV-${i}`, minutes: 10 }),
        };
      } else if (r < 0.88) {
        const cameraId = pick(cameras);
        row = {
          type: 'incident.report',
          ...actor,
          cameraId,
          surface: null,
          data: JSON.stringify({
            incidentId: i,
            category: pick(['rixe', 'vol', 'accident', 'dégradation']),
            urgency: rand() < 0.2 ? 'urgent' : 'normal',
            occurredAt: at,
            cameras: [cameraId],
            description: 'Signalement de charge',
          }),
        };
      } else if (r < 0.9) {
        row = {
          type: pick(['operation.start', 'operation.extend', 'operation.close']),
          ...actor,
          cameraId: null,
          surface: null,
          data: JSON.stringify({ operationId: Math.floor(i / 1000) + 1, name: 'Opération de charge' }),
        };
      } else {
        row = {
          type: pick([
            'auth.login',
            'auth.logout',
            'registry.consult',
            'wall.push',
            'auth.lock',
            'auth.unlock',
          ]),
          ...actor,
          cameraId: null,
          surface: null,
          data: '{}',
        };
      }
      chain({ at, ...row });
    }
    for (const row of o.extra ?? []) chain(row);
    db.exec('COMMIT');
  } catch (e) {
    db.exec('ROLLBACK');
    throw e;
  } finally {
    db.close();
    new Registry(dataDir, keys).close();
  }
  return { keys, rows: o.rows };
}
