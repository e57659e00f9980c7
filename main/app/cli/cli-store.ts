/**
 * The CIC's shared registry from the command line: `vigie store join`, and `vigie registry verify`,
 * `checkpoint` and `purge` given `--store` (or `$VIGIE_STORE`). French output, like every install command.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readCheckpointFile } from '../../records/registry/checkpoint-file';
import { openRegistry } from '../../records/registry/open-registry';
import { verifyReportFr } from '../../records/registry/registry-labels';
import { readWitness } from '../../records/registry/registry-outbox';
import { joinStore } from '../../records/registry/store-join';
import { STORE_KEY_FILE, StoreError, loadStoreKeys } from '../../records/registry/store-key';
import { purgeStore } from '../../records/registry/store-purge';
import { storeCheckpoint, verifyStore } from '../../records/registry/store-verify';
import type { Flags } from '../flags/flags';

/** A store refusal as the technician reads it; anything else is thrown. */
async function refusing(run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof StoreError)) throw e;
    process.stderr.write(`vigie : ${e.message} (${e.code}).\n`);
    return 1;
  }
}

export function storeCommand(sub: string, f: Flags, dataDir: string): Promise<number> {
  if (sub !== 'join') {
    process.stderr.write('Usage : vigie store join --store postgres://… [--key-file FICHIER]\n');
    return Promise.resolve(2);
  }
  return refusing(async () => {
    const j = await joinStore({ url: f.store!, dataDir, post: os.hostname(), keyFile: f.keyFile });
    process.stdout.write(
      j.created
        ? `Registre commun du CIC créé (${j.cic}). Pour chaque autre poste, copiez ${path.join(dataDir, STORE_KEY_FILE)} sur un support amovible, puis : vigie store join --store … --key-file FICHIER ; effacez la copie ensuite.\n`
        : `Poste rattaché au registre commun du CIC ${j.cic}.\n`,
    );
    return 0;
  });
}

/** `registry verify` and `registry checkpoint` on the CIC's registry (with `--store`). */
export function sharedRegistryCommand(
  sub: 'verify' | 'checkpoint' | 'purge',
  f: Flags,
  dataDir: string,
): Promise<number> {
  const url = f.store!;
  return refusing(async () => {
    const keys = loadStoreKeys(dataDir);
    if (sub === 'purge') {
      // Under the purge role (the posts' role cannot delete); the purge is chained into the registry.
      const before = new Date(Date.now() - f.olderThanDays! * 86_400_000).toISOString();
      const removed = await purgeStore({ url, keys, post: os.hostname(), before });
      process.stdout.write(
        `${removed} entrée(s) du registre commun antérieures au ${before.slice(0, 10)} purgées ; la purge y est inscrite.\n`,
      );
      return 0;
    }
    if (sub === 'checkpoint') {
      const c = await storeCheckpoint(url, keys);
      fs.writeFileSync(f.checkpointOut!, JSON.stringify(c, null, 2));
      const registry = openRegistry(dataDir, undefined, { url, post: os.hostname() });
      try {
        registry.append({
          type: 'registry.checkpoint',
          data: { seq: c.seq, mac: c.mac, via: 'cli', shared: true },
        });
        await registry.shared!.flush();
      } finally {
        await registry.shared!.close();
        registry.close();
      }
      process.stdout.write(
        `Point de contrôle du registre commun n° ${c.seq} écrit dans ${f.checkpointOut}.\n`,
      );
      return 0;
    }
    const checkpoint = f.checkpoint ? await readCheckpointFile(f.checkpoint) : undefined;
    const v = await verifyStore({
      url,
      keys,
      witness: readWitness(dataDir),
      ...(f.checkpoint && { checkpoint }),
    });
    const posts = v.posts.map((p) => `${p.post} : ${p.rows}`).join(', ');
    if (v.result.ok) {
      process.stdout.write(
        `Registre commun intègre : ${v.result.rows} entrées de ${v.posts.length} poste(s) (${posts}).\n`,
      );
      return 0;
    }
    const [count, ...lines] = verifyReportFr(v.result);
    process.stdout.write(
      `ALTÉRATION du registre commun : ${count}\n${lines.map((l) => `  ${l}\n`).join('')}`,
    );
    process.stdout.write(`Entrées lues par poste : ${posts || 'aucune'}.\n`);
    return 3;
  });
}
