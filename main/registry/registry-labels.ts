/**
 * French texts of the registry for its French documents only (CSV and PDF exports, the CLI).
 * The console shows the same events through its fr/en catalogues (renderer/i18n).
 */
import type { RegistryEventType, VerifyView } from '../../common/contract';

const TYPE_LABELS: Record<RegistryEventType, string> = {
  'auth.login': 'Connexion',
  'auth.logout': 'Déconnexion',
  'auth.login_failed': 'Échec de connexion',
  'auth.locked_out': 'Compte bloqué',
  'auth.lock': 'Verrouillage',
  'auth.unlock': 'Déverrouillage',
  'auth.unlock_failed': 'Échec de déverrouillage',
  'view.start': 'Début de visionnage',
  'view.end': 'Fin de visionnage',
  'inventory.change': 'Modification de la liste des caméras',
  'operator.create': 'Création de compte',
  'operator.update': 'Modification de compte',
  'registry.consult': 'Consultation du registre',
  'registry.export': 'Export du registre',
  'registry.verify': 'Vérification du registre',
  'registry.checkpoint': 'Point de contrôle',
  'registry.purge': 'Purge (durée de conservation)',
  requisition: 'Réquisition judiciaire',
  'app.start': 'Démarrage du poste',
};

/** One French sentence for a failed verification, as the PDF and the CLI print it. */
export function verifyProblemFr(v: Extract<VerifyView, { ok: false }>): string {
  switch (v.problem) {
    case 'missing':
      return `entrée ${v.firstBadSeq} manquante`;
    case 'altered':
      return `entrée ${v.firstBadSeq} altérée`;
    case 'checkpoint_signature':
      return 'point de contrôle invalide (signature)';
    case 'truncated':
      return `registre tronqué : ${v.missing ?? '?'} entrée(s) manquent depuis le point de contrôle`;
    case 'checkpoint_mismatch':
      return 'le registre ne correspond plus au point de contrôle';
  }
}

export function typeLabelFr(type: string): string {
  return Object.hasOwn(TYPE_LABELS, type) ? TYPE_LABELS[type as RegistryEventType] : type;
}
