/** `vigie wall identity`: the post's link identity, made on first use, and its fingerprint to copy. */
import { loadOrCreateIdentity } from '../../video/wall/link/identity';

export async function wallCommand(dataDir: string): Promise<number> {
  const id = await loadOrCreateIdentity(dataDir);
  process.stdout.write(
    `${id.created ? 'Identité du poste créée' : 'Identité du poste'} (${dataDir}).\n` +
      'Empreinte SHA-256 à recopier sur le poste appairé (--peer-pin ou --wall-pin) :\n' +
      `${id.fingerprint}\n`,
  );
  return 0;
}
