/** Contract handlers of the registry domain: consultation, exports, checkpoints, requisitions. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChannelsOf, RegistryFilterInput } from '../../common/contract';
import { err, ok } from '../../common/result';
import type { Handlers } from '../ipc/router';
import { storageErrorCode } from '../config/atomic-write';
import type { Registry, RegistryFilter, RegistryRow } from './registry';
import { toCsv, toPdf, viewingSessions } from './registry-export';
import type { RegistryActor } from './registry';

export function toFilter(f: RegistryFilterInput): RegistryFilter {
  return {
    ...(f.from && { from: new Date(`${f.from}T00:00:00`).toISOString() }),
    ...(f.to && { to: new Date(`${f.to}T23:59:59.999`).toISOString() }),
    ...(f.login && { login: f.login }),
    ...(f.cameraId !== undefined && { cameraId: f.cameraId }),
  };
}

const entry = ({ mac: _m, ...r }: RegistryRow) => r;

/** The newest checkpoint file's content, unchecked (`null` when unreadable): `verify` judges it. */
export function latestCheckpoint(dataDir: string): unknown {
  const dir = path.join(dataDir, 'checkpoints');
  if (!fs.existsSync(dir)) return undefined;
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const last = files.at(-1);
  return last ? readCheckpointFile(path.join(dir, last)) : undefined;
}

export function readCheckpointFile(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  } catch {
    return null;
  }
}

export function registryHandlers(
  registry: Registry,
  dataDir: string,
  actor: (clientId: string) => RegistryActor | null,
): Pick<Handlers, ChannelsOf<'registry'>> {
  const stamp = (): string =>
    new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
  return {
    'registry:query': (f, ctx) => {
      const filter = toFilter(f);
      const rows = registry.query(filter);
      registry.append({ type: 'registry.consult', actor: actor(ctx.clientId), data: { filter: f } });
      return ok({ entries: rows.slice(-500).map(entry), sessions: viewingSessions(rows) });
    },
    'registry:export': async (f, ctx) => {
      const { format, ...rest } = f;
      const filter = toFilter(rest);
      const rows = registry.query(filter);
      const dir = path.join(dataDir, 'exports');
      const file = path.join(dir, `registre-${stamp()}.${format}`);
      try {
        fs.mkdirSync(dir, { recursive: true });
        const body =
          format === 'csv'
            ? toCsv(rows)
            : await toPdf(rows, filter, registry.verify(latestCheckpoint(dataDir)), os.hostname());
        fs.writeFileSync(file, body, { mode: 0o600 });
      } catch (e) {
        return err(storageErrorCode(e));
      }
      registry.append({
        type: 'registry.export',
        actor: actor(ctx.clientId),
        data: { format, filter: rest, file: path.basename(file), rows: rows.length },
      });
      return ok({ file });
    },
    'registry:verify': (_p, ctx) => {
      const r = registry.verify(latestCheckpoint(dataDir));
      registry.append({
        type: 'registry.verify',
        actor: actor(ctx.clientId),
        data: r.ok
          ? { ok: true, rows: r.rows }
          : { ok: false, firstBadSeq: r.firstBadSeq, problem: r.problem },
      });
      return ok(r);
    },
    'registry:checkpoint': (_p, ctx) => {
      const c = registry.checkpoint();
      const file = path.join(dataDir, 'checkpoints', `checkpoint-${String(c.seq).padStart(10, '0')}.json`);
      try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, JSON.stringify(c, null, 2));
      } catch (e) {
        return err(storageErrorCode(e));
      }
      registry.append({
        type: 'registry.checkpoint',
        actor: actor(ctx.clientId),
        data: { seq: c.seq, mac: c.mac },
      });
      return ok({ file });
    },
    'registry:requisition': (p, ctx) => {
      // The CIC cannot copy video: a requested copy is asked of the CSU, and the request is what is recorded.
      const row = registry.append({ type: 'requisition', actor: actor(ctx.clientId), data: { ...p } });
      return ok(entry(row));
    },
  };
}
