/** Opening the post's registry, with the OS keystore's protection of its key where the shell has one. */
import fs from 'node:fs';
import { createLogger } from '../../platform/log/logger';
import { Registry } from './registry';
import { loadOrCreateKeys, type KeyProtector } from './registry-key';
import { RegistryPump } from './registry-pump';
import { loadStoreKeys } from './store-key';

/** `--store postgres://…`: the CIC's shared registry, and this post's name in it. */
export interface SharedStore {
  url: string;
  post: string;
}

/**
 * The post's registry; with a store, each entry also goes through the post's outbox to the CIC's
 * registry (a post that has not joined it does not start: StoreError `store_not_joined`).
 */
export function openRegistry(dataDir: string, protector?: KeyProtector, store?: SharedStore): Registry {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (!store) return new Registry(dataDir, loadOrCreateKeys(dataDir, protector));
  const storeKeys = loadStoreKeys(dataDir); // first: a post that has not joined makes nothing
  const shared = new RegistryPump({ ...store, dataDir, keys: storeKeys });
  return new Registry(dataDir, loadOrCreateKeys(dataDir, protector), { shared });
}

/**
 * The registry of a post that starts: its opening entry, and the viewing sessions a previous run
 * left open closed as interrupted.
 */
export function startRegistry(d: {
  dataDir: string;
  keyProtector?: KeyProtector | undefined;
  host: string;
  version: string;
  store?: SharedStore | undefined;
}): Registry {
  const registry = openRegistry(d.dataDir, d.keyProtector, d.store);
  registry.append({ type: 'app.start', data: { host: d.host, version: d.version } });
  const interrupted = registry.closeOrphanViews();
  if (interrupted)
    createLogger('services').warn(
      `${interrupted} viewing session(s) left open by a previous run closed as interrupted`,
    );
  return registry;
}
