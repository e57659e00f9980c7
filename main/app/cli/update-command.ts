/**
 * `vigie update verify --media DIR --publisher DN [--ca FILE]`: the technician's check of an update
 * brought on removable media, before installing it. The verdict, accepted or refused with its reason,
 * is recorded in the post's registry. French output: the CLI is a French terminal tool.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Flags } from '../flags/flags';
import { openRegistry } from '../../records/registry/open-registry';
import type { KeyProtector } from '../../records/registry/registry-key';
import {
  caFileProblem,
  osslsigncodeInspector,
  powershellInspector,
  type CaProblem,
} from '../../platform/update/authenticode';
import { verifyUpdate, type UpdateRefusal } from '../../platform/update/verify-update';

export const REFUSAL_FR: Record<UpdateRefusal, string> = {
  manifest_missing: 'latest.yml absent du support',
  manifest_invalid: 'latest.yml illisible ou incomplet',
  file_missing: 'l’installeur nommé par latest.yml est absent',
  path_outside: 'latest.yml désigne un fichier hors du support',
  size_mismatch: 'la taille de l’installeur ne correspond pas à latest.yml',
  hash_mismatch: 'l’empreinte sha512 de l’installeur ne correspond pas à latest.yml (fichier modifié ?)',
  not_newer: 'cette version n’est pas plus récente que celle installée',
  unsigned: 'l’installeur n’est pas signé',
  signature_invalid:
    'la signature Authenticode est invalide (fichier modifié après signature, ou chaîne non reconnue)',
  wrong_signer: 'l’installeur est signé par un autre éditeur que celui attendu',
  tool_missing: 'outil de vérification de signature indisponible (osslsigncode ou PowerShell)',
};

const CA_PROBLEM_FR: Record<CaProblem, string> = {
  missing: 'fichier absent',
  not_a_file: 'ce n’est pas un fichier',
  unreadable: 'lecture refusée',
  too_large: 'fichier de plus de 1 Mo',
  no_certificate: 'aucun certificat PEM dedans',
};

const caUnreadable = (file: string, problem: CaProblem | null): string =>
  `fichier de l’autorité de certification (--ca) illisible : ${file}` +
  `${problem ? ` (${CA_PROBLEM_FR[problem]})` : ''} ; l’installeur n’a pas été vérifié, rien n’est inscrit au registre\n`;

export async function updateCommand(
  f: Flags,
  dataDir: string,
  currentVersion: string,
  protector?: KeyProtector,
): Promise<number> {
  // --media and --publisher (or $VIGIE_PUBLISHER_DN) are required by the flag table.
  const media = f.media!;
  const publisher = f.publisher!;
  const ca = f.ca;
  if (process.platform !== 'win32' && !ca) {
    process.stderr.write(
      'vigie : --ca FICHIER est requis hors Windows (certificats de confiance d’osslsigncode)\n',
    );
    return 2;
  }
  if (!fs.existsSync(media)) {
    process.stderr.write(`support introuvable : ${media}\n`);
    return 2;
  }
  const caFile = process.platform === 'win32' ? null : path.resolve(ca!);
  // Without its trust anchors no verdict on the installer could be true: say so, record nothing.
  const problem = caFile === null ? null : caFileProblem(caFile);
  if (caFile !== null && problem) {
    process.stderr.write(caUnreadable(caFile, problem));
    return 2;
  }
  const inspector = caFile === null ? powershellInspector() : osslsigncodeInspector({ caFile });
  const v = await verifyUpdate({ dir: media, currentVersion, expectedPublisher: publisher, inspector });
  if (!v.ok && v.reason === 'ca_unreadable') {
    process.stderr.write(caUnreadable(caFile ?? '', null));
    return 2;
  }
  const registry = openRegistry(dataDir, protector);
  try {
    registry.append({
      type: v.ok ? 'update.accept' : 'update.refuse',
      data: v.ok
        ? { version: v.version, file: v.file, signer: v.signer, from: 'media' }
        : {
            reason: v.reason,
            version: v.version ?? '',
            file: v.file ?? '',
            signer: v.signer ?? '',
            from: 'media',
          },
    });
  } finally {
    registry.close();
  }
  if (v.ok) {
    process.stdout.write(`mise à jour ${v.version} acceptée : ${v.file}, signée par ${v.signer}\n`);
    return 0;
  }
  process.stdout.write(`mise à jour refusée : ${REFUSAL_FR[v.reason]}\n`);
  return 1;
}
