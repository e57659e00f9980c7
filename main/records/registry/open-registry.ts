/** Opening the post's registry, with the OS keystore the Electron shell sets once for every command. */
import fs from 'node:fs';
import { Registry } from './registry';
import { loadOrCreateKeys, type KeyProtector } from './registry-key';

/** The Electron shell sets the OS keystore once, so its own admin commands open the same registry. */
let defaultProtector: KeyProtector | undefined;
export function useKeyProtector(p: KeyProtector | undefined): void {
  defaultProtector = p;
}

export function openRegistry(
  dataDir: string,
  protector: KeyProtector | undefined = defaultProtector,
): Registry {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  return new Registry(dataDir, loadOrCreateKeys(dataDir, protector));
}
