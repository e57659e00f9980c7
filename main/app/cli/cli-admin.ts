/** Install-time and audit commands: `vigie operators …`, `vigie registry …` (plain Node, no UI). */
import fs from 'node:fs';
import { AuthService } from '../../records/auth/auth-service';
import { openRegistry } from '../../records/registry/open-registry';
import type { KeyProtector } from '../../records/registry/registry-key';
import { latestCheckpoint, readCheckpointFile } from '../../records/registry/registry-handlers';
import { verifyReportFr } from '../../records/registry/registry-labels';
import { cliMessage } from './cli-messages';
import { sharedRegistryCommand } from './cli-store';
import type { Flags } from '../flags/flags';
import { openStores } from '../stores';
import { pgFailure } from '../../platform/storage/pg-listener';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

export async function operatorsCommand(
  sub: string,
  f: Flags,
  dataDir: string,
  protector?: KeyProtector,
): Promise<number> {
  // `--store` or $VIGIE_STORE: the CIC's shared accounts; otherwise this post's.
  let stores;
  try {
    stores = await openStores(dataDir, f.store);
  } catch (e) {
    process.stderr.write(`vigie : base partagée injoignable (${pgFailure((e as Error).cause ?? e)})\n`);
    return 1;
  }
  const registry = openRegistry(dataDir, protector);
  const store = stores.operators();
  try {
    const auth = new AuthService(store, registry, {
      isDemo: () => false,
      lockAfterSeconds: 300,
      onRevoke: () => undefined,
    });
    switch (sub) {
      case 'list':
        for (const o of auth.listOperators())
          process.stdout.write(
            `${o.login}\t${o.role}\t${o.name}\t${o.rank}\t${o.service}\t${o.validFrom}→${o.validUntil}` +
              `${o.disabledAt ? `\tdésactivé le ${o.disabledAt}` : ''}\n`,
          );
        return 0;
      case 'add': {
        const role = f.operatorRole!; // required by the flag table
        const password = await readStdin();
        const today = new Date().toISOString().slice(0, 10);
        const r = await auth.saveOperator(
          {
            login: f.login ?? '',
            name: f.name ?? '',
            rank: f.rank ?? '',
            service: f.service ?? '',
            badge: f.badge ?? '',
            role,
            validFrom: f.from ?? today,
            validUntil: f.until ?? `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
            password,
          },
          null,
        );
        if (!r.ok) {
          process.stderr.write(`vigie : ${cliMessage(r.error)}\n`);
          return 1;
        }
        process.stdout.write(
          `Compte « ${r.value.login} » (${r.value.role}) créé, valide du ${r.value.validFrom} au ${r.value.validUntil}.\n`,
        );
        return 0;
      }
      default:
        process.stderr.write('Usage : vigie operators add|list …\n');
        return 2;
    }
  } finally {
    store.close();
    registry.close();
    await stores.close();
  }
}

export async function registryCommand(
  sub: string,
  f: Flags,
  dataDir: string,
  protector?: KeyProtector,
): Promise<number> {
  // With --store (or $VIGIE_STORE), verify, checkpoint and purge act on the CIC's shared registry.
  if (f.store !== undefined && (sub === 'verify' || sub === 'checkpoint' || sub === 'purge'))
    return sharedRegistryCommand(sub, f, dataDir);
  const registry = openRegistry(dataDir, protector);
  try {
    switch (sub) {
      case 'verify': {
        const file = f.checkpoint;
        const cp = await (file ? readCheckpointFile(file) : latestCheckpoint(dataDir));
        const r = registry.verify(cp);
        if (r.ok) {
          const seq = (cp as { seq?: number } | undefined)?.seq;
          process.stdout.write(
            `Registre intègre : ${r.rows} entrées${seq !== undefined ? `, conforme au point de contrôle n° ${seq}` : ''}.\n`,
          );
          return 0;
        }
        const [count, ...lines] = verifyReportFr(r);
        process.stdout.write(`ALTÉRATION : ${count}\n${lines.map((l) => `  ${l}\n`).join('')}`);
        return 3;
      }
      case 'checkpoint': {
        const out = f.checkpointOut!; // required by the flag table
        const c = registry.checkpoint();
        fs.writeFileSync(out, JSON.stringify(c, null, 2));
        registry.append({ type: 'registry.checkpoint', data: { seq: c.seq, mac: c.mac, via: 'cli' } });
        process.stdout.write(`Point de contrôle n° ${c.seq} écrit dans ${out}.\n`);
        return 0;
      }
      case 'purge': {
        // Retention: entries older than N days go; the purge itself is chained into the registry.
        const days = f.olderThanDays!; // required, an integer ≥ 1 (the flag table)
        const before = new Date(Date.now() - days * 86_400_000).toISOString();
        const removed = registry.purge(before, null);
        process.stdout.write(
          `${removed} entrée(s) antérieures au ${before.slice(0, 10)} purgées ; la purge est inscrite au registre.\n` +
            (removed
              ? 'Les points de contrôle antérieurs ne prouvent plus rien : prenez-en un nouveau.\n'
              : ''),
        );
        return 0;
      }
      default:
        process.stderr.write('Usage : vigie registry verify|checkpoint|purge …\n');
        return 2;
    }
  } finally {
    registry.close();
  }
}
