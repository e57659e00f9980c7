/**
 * French texts of the registry for its French documents only (CSV and PDF exports, the CLI).
 * The console shows the same events through its fr/en catalogues (renderer/i18n).
 */
import type { RegistryEventType, VerifyRange, VerifyView } from '../../../common/contract';

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
  'registry.init': 'Ouverture du registre',
  requisition: 'Réquisition judiciaire',
  'app.start': 'Démarrage du poste',
  'display.command': 'Commande de l’afficheur du mur',
  'wall.link_refused': 'Liaison du mur refusée',
  'wall.layout': 'Mur d’images : disposition',
  'wall.tile': 'Mur d’images : caméra sur une tuile',
  'wall.push': 'Mur d’images : envoi de la mosaïque',
  'wall.preset': 'Mur d’images : rappel d’un préréglage',
  'wall.preset_save': 'Mur d’images : enregistrement d’un préréglage',
  'wall.tour': 'Mur d’images : séquence',
  'wall.settings': 'Mur d’images : réglages de l’écran',
  'update.accept': 'Mise à jour acceptée',
  'update.refuse': 'Mise à jour refusée',
  'selftest.run': 'Auto-test de mise en service',
  'ptz.request': 'Demande de contrôle PTZ',
  'ptz.notify': 'Notification au CSU',
  'ptz.grant': 'Contrôle PTZ accordé',
  'ptz.refuse': 'Contrôle PTZ refusé',
  'ptz.override': 'Contrôle PTZ sans notification (dérogation)',
  'ptz.extend': 'Prolongation du contrôle PTZ',
  'ptz.release': 'Fin du contrôle PTZ (rendu)',
  'ptz.expire': 'Fin du contrôle PTZ (échéance)',
  'ptz.preempt': 'Contrôle PTZ repris (priorité)',
  'instructions.import': 'Import des consignes communes',
  'incident.report': 'Signalement',
  'contacts.change': 'Modification des contacts',
  'operation.start': 'Opération spéciale : début',
  'operation.extend': 'Opération spéciale : prolongation',
  'operation.due': 'Opération spéciale : échéance atteinte',
  'operation.close': 'Opération spéciale : clôture',
  'map.import': 'Import du plan du site',
  'report.generate': 'Rapport annuel de suivi généré',
};

/** The technician's and the PDF's words for one range at fault (French: the CLI's language). */
export function verifyProblemFr(r: VerifyRange): string {
  const cp = `point de contrôle n° ${r.checkpointSeq ?? '?'}`;
  const entries = (one: string, many: string): string =>
    r.first === r.last ? `entrée ${r.first} ${one}` : `entrées ${r.first} à ${r.last} ${many}`;
  switch (r.problem) {
    case 'missing':
      return entries('manquante', 'manquantes');
    case 'altered':
      return entries('altérée', 'altérées');
    case 'wiped':
      return 'le début du registre a disparu : il a été vidé ou recréé sans sa clé';
    case 'anchor-unproven':
      return `l’ancre de conservation (entrée ${r.first}) ne correspond à aucune purge inscrite : des entrées ont été effacées`;
    case 'checkpoint-unreadable':
      return 'point de contrôle illisible';
    case 'checkpoint-foreign-key':
      return `${cp} signé par une autre clé que celle de ce poste`;
    case 'checkpoint-signature':
      return `${cp} invalide (signature)`;
    case 'checkpoint-before-anchor':
      return `${cp} antérieur à la dernière purge : il ne prouve plus rien, prenez-en un nouveau`;
    case 'checkpoint-truncated':
      return `registre tronqué : ${r.missing ?? '?'} entrée(s) manquent depuis le ${cp}`;
    case 'checkpoint-mismatch':
      return `le registre ne correspond plus au ${cp}`;
  }
}

/** A failed verification as lines: how many ranges, then each one listed, then how many are not. */
export function verifyReportFr(v: Extract<VerifyView, { ok: false }>): string[] {
  const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  const unlisted = v.rangeCount - v.ranges.length;
  return [
    `${plural(v.rangeCount, 'plage', 'plages')} d’entrées en cause (${plural(v.rows, 'entrée lue', 'entrées lues')}) :`,
    ...v.ranges.map((r) => `- ${verifyProblemFr(r)}`),
    ...(unlisted > 0
      ? [`… et ${plural(unlisted, 'autre plage', 'autres plages')}, non listée${unlisted === 1 ? '' : 's'}.`]
      : []),
  ];
}

export function typeLabelFr(type: string): string {
  return Object.hasOwn(TYPE_LABELS, type) ? TYPE_LABELS[type as RegistryEventType] : type;
}
