/**
 * The French labels main writes into its French documents (CSV and PDF exports, the CLI, the
 * self-test report), written once: the console's French catalogue (renderer/i18n/fr.ts) spreads
 * them under the same keys, and its English one words the same keys.
 */
import type { RegistryEventType, VerifyProblem } from '../contract/registry';
import type { CheckGroup, SelftestCode } from '../selftest';

/** Each registry event type, as the registry's exports and the console name it. */
export const EVENT_LABELS_FR = {
  'event.auth.login': 'Connexion',
  'event.auth.logout': 'Déconnexion',
  'event.auth.login_failed': 'Échec de connexion',
  'event.auth.locked_out': 'Compte bloqué',
  'event.auth.lock': 'Verrouillage',
  'event.auth.unlock': 'Déverrouillage',
  'event.auth.unlock_failed': 'Échec de déverrouillage',
  'event.view.start': 'Début de visionnage',
  'event.view.end': 'Fin de visionnage',
  'event.inventory.change': 'Modification de la liste des caméras',
  'event.operator.create': 'Création de compte',
  'event.operator.update': 'Modification de compte',
  'event.operator.unlock': 'Déblocage de compte',
  'event.operator.disable': 'Désactivation de compte',
  'event.operator.enable': 'Réactivation de compte',
  'event.registry.consult': 'Consultation du registre',
  'event.registry.export': 'Export du registre',
  'event.registry.verify': 'Vérification du registre',
  'event.registry.checkpoint': 'Point de contrôle',
  'event.registry.purge': 'Purge (durée de conservation)',
  'event.registry.init': 'Ouverture du registre',
  'event.registry.outage': 'Registre de nouveau inscriptible (après une panne d’écriture)',
  'event.requisition': 'Réquisition judiciaire',
  'event.app.start': 'Démarrage du poste',
  'event.display.command': 'Commande de l’afficheur du mur',
  'event.wall.link_refused': 'Liaison du mur refusée',
  'event.wall.layout': 'Mur d’images : disposition',
  'event.wall.tile': 'Mur d’images : caméra sur une tuile',
  'event.wall.push': 'Mur d’images : envoi de la mosaïque',
  'event.wall.preset': 'Mur d’images : rappel d’un préréglage',
  'event.wall.preset_save': 'Mur d’images : enregistrement d’un préréglage',
  'event.wall.tour': 'Mur d’images : séquence',
  'event.wall.settings': 'Mur d’images : réglages de l’écran',
  'event.update.accept': 'Mise à jour acceptée',
  'event.update.refuse': 'Mise à jour refusée',
  'event.selftest.run': 'Auto-test de mise en service',
  'event.ptz.request': 'Demande de contrôle PTZ',
  'event.ptz.notify': 'Notification au CSU',
  'event.ptz.grant': 'Contrôle PTZ accordé',
  'event.ptz.refuse': 'Contrôle PTZ refusé',
  'event.ptz.override': 'Contrôle PTZ sans notification (dérogation)',
  'event.ptz.extend': 'Prolongation du contrôle PTZ',
  'event.ptz.release': 'Fin du contrôle PTZ (rendu)',
  'event.ptz.expire': 'Fin du contrôle PTZ (échéance)',
  'event.ptz.preempt': 'Contrôle PTZ repris (priorité)',
  'event.instructions.import': 'Import des consignes communes',
  'event.incident.report': 'Signalement',
  'event.contacts.change': 'Modification des contacts',
  'event.operation.start': 'Opération spéciale : début',
  'event.operation.extend': 'Opération spéciale : prolongation',
  'event.operation.due': 'Opération spéciale : échéance atteinte',
  'event.operation.close': 'Opération spéciale : clôture',
  'event.map.import': 'Import du plan du site',
  'event.report.generate': 'Rapport annuel de suivi généré',
} satisfies Record<`event.${RegistryEventType}`, string>;

/** One range a verification found at fault (`.range`: several entries). */
export const VERIFY_LABELS_FR = {
  'verify.missing': 'entrée {seq} manquante',
  'verify.missing.range': 'entrées {first} à {last} manquantes',
  'verify.altered': 'entrée {seq} altérée',
  'verify.altered.range': 'entrées {first} à {last} altérées',
  'verify.wiped': 'le début du registre a disparu : il a été vidé ou recréé sans sa clé',
  'verify.anchor-unproven':
    'l’ancre de conservation (entrée {seq}) ne correspond à aucune purge inscrite : des entrées ont été effacées',
  'verify.checkpoint-unreadable': 'point de contrôle illisible',
  'verify.checkpoint-foreign-key':
    'point de contrôle n° {checkpoint} signé par une autre clé que celle de ce poste',
  'verify.checkpoint-signature': 'point de contrôle n° {checkpoint} invalide (signature)',
  'verify.checkpoint-before-anchor':
    'point de contrôle n° {checkpoint} antérieur à la dernière purge : il ne prouve plus rien, prenez-en un nouveau',
  'verify.checkpoint-truncated':
    'registre tronqué : {missing} entrée(s) manquent depuis le point de contrôle n° {checkpoint}',
  'verify.checkpoint-mismatch': 'le registre ne correspond plus au point de contrôle n° {checkpoint}',
} satisfies Record<`verify.${VerifyProblem}` | 'verify.missing.range' | 'verify.altered.range', string>;

export const SELFTEST_GROUPS_FR = {
  'selftest.group.displays': 'Écrans',
  'selftest.group.inputs': 'Périphériques de commande',
  'selftest.group.cameras': 'Caméras',
  'selftest.group.ptz': 'Caméras mobiles (PTZ)',
  'selftest.group.registry': 'Registre',
  'selftest.group.clock': 'Horloge',
  'selftest.group.wall': 'Liaison mur d’images',
  'selftest.group.csu': 'Notification au CSU',
} satisfies Record<`selftest.group.${CheckGroup}`, string>;

/** The self-test's results; `{subject}` is what was checked (a time server, a camera number). */
export const SELFTEST_CODES_FR = {
  'selftest.code.clock_ok': 'écart de {offsetMs} ms avec le serveur de temps {subject} (strate {stratum})',
  'selftest.code.clock_drift':
    'écart de {offsetMs} ms avec le serveur de temps {subject} : au-delà d’une seconde, régler l’horloge du poste',
  'selftest.code.clock_not_configured':
    'aucun serveur de temps configuré (--ntp) : l’heure du registre n’est pas contrôlée',
  'selftest.code.clock_bad_server': 'adresse du serveur de temps invalide ({subject})',
  'selftest.code.clock_timeout': 'le serveur de temps {subject} ne répond pas (UDP 123 filtré ?)',
  'selftest.code.clock_unreachable': 'serveur de temps {subject} injoignable',
  'selftest.code.clock_bad_reply': 'réponse du serveur de temps {subject} invalide',
  'selftest.code.clock_unsynchronised': 'le serveur de temps {subject} n’est pas lui-même synchronisé',
  'selftest.code.registry_writable': 'écriture possible (entrée n° {seq})',
  'selftest.code.registry_not_writable': 'écriture impossible dans le registre',
  'selftest.code.registry_disk_full': 'disque plein : le registre ne peut plus écrire',
  'selftest.code.registry_verified': 'chaîne intègre ({rows} entrées)',
  'selftest.code.registry_broken': 'chaîne rompue à l’entrée n° {seq} ({problem})',
  'selftest.code.registry_store_ok': 'registre commun du CIC joint : toutes les entrées de ce poste y sont',
  'selftest.code.registry_store_unreachable':
    'registre commun du CIC injoignable ({reason}) : {queued} entrée(s) attendent sur ce poste',
  'selftest.code.cameras_none': 'aucune caméra dans l’inventaire',
  'selftest.code.camera_ok': '{name} : {codec} {resolution}, {fps} i/s, affichage direct (WebCodecs)',
  'selftest.code.camera_transcoded':
    '{name} : {codec} {resolution}, {fps} i/s, transcodé (jsmpeg) : plus coûteux pour le poste',
  'selftest.code.camera_unreachable': '{name} : injoignable (adresse, réseau ou pare-feu)',
  'selftest.code.camera_auth': '{name} : identifiants refusés par la caméra',
  'selftest.code.camera_codec': '{name} : codec non pris en charge',
  'selftest.code.camera_ended': '{name} : le flux s’arrête aussitôt',
  'selftest.code.camera_no_keyframe':
    '{name} : le flux arrive, mais sans image clé en {seconds} s : l’image tarde à s’afficher (régler l’intervalle entre images clés, GOP, à 4 s au plus)',
  'selftest.code.camera_error': '{name} : erreur du flux',
  'selftest.code.ptz_none': 'aucune caméra mobile dans l’inventaire',
  'selftest.code.ptz_ok': '{name} : répond (GetPresets, {presets} préréglages)',
  'selftest.code.ptz_pelco_one_way':
    '{name} : ligne Pelco-D {port} présente (liaison sans retour : vérifier un mouvement à l’écran)',
  'selftest.code.ptz_port_missing': '{name} : port série {port} absent',
  'selftest.code.ptz_unreachable': '{name} : injoignable en ONVIF',
  'selftest.code.ptz_auth_refused': '{name} : identifiants ONVIF refusés',
  'selftest.code.ptz_camera_error': '{name} : la caméra répond une erreur ONVIF',
  'selftest.code.ptz_no_ptz': '{name} : aucun profil PTZ sur la caméra',
  'selftest.code.ptz_bad_config': '{name} : adresse PTZ de l’inventaire inutilisable',
  'selftest.code.ptz_credentials_unsafe': '{name} : identifiants refusés avant envoi (caractères dangereux)',
  'selftest.code.ptz_bad_preset': '{name} : préréglage invalide',
  'selftest.code.ptz_closed': '{name} : pilote fermé',
  'selftest.code.keyboard_present': 'clavier CCTV : ligne série présente',
  'selftest.code.keyboard_missing': 'clavier CCTV : ligne série absente (câble, adaptateur USB-série ?)',
  'selftest.code.joystick_present': 'joystick présent ({product})',
  'selftest.code.joystick_missing': 'joystick configuré absent',
  'selftest.code.hid_unavailable': 'liste des périphériques USB indisponible (libusb ?)',
  'selftest.code.inputs_none_configured': 'aucun clavier ni joystick configuré',
  'selftest.code.displays_unavailable':
    'écrans non vérifiables hors de la console Electron : lancer l’auto-test depuis l’écran du technicien',
  'selftest.code.displays_ok': '{count} écran(s) : {names}',
  'selftest.code.wall_display_missing':
    'l’écran choisi pour le mur ({display}) est absent : le mur est sur un écran de repli',
  'selftest.code.wall_none': 'aucun mur distant configuré',
  'selftest.code.wall_up': 'mur distant {address} joint, empreinte {fingerprint}',
  'selftest.code.wall_unreachable': 'mur distant {address} injoignable',
  'selftest.code.wall_refused_by_wall':
    'mur distant {address} : il refuse ce poste (son --peer-pin ne désigne pas ce poste, appairage à refaire)',
  'selftest.code.wall_pin_mismatch':
    'mur distant {address} : son empreinte n’est pas {fingerprint} (--wall-pin de ce poste, appairage à refaire)',
  'selftest.code.csu_delivered': 'message d’essai remis au CSU',
  'selftest.code.csu_failed': 'message d’essai non remis ({failure}) : la prise de contrôle PTZ sera refusée',
  'selftest.code.csu_config_invalid': 'réglage de notification invalide ({option})',
  'selftest.code.csu_none':
    'aucun canal de notification au CSU configuré : la prise de contrôle PTZ sera refusée',
  'selftest.code.check_failed': 'contrôle interrompu par une erreur inattendue',
} satisfies Record<`selftest.code.${SelftestCode}`, string>;

export const LABELS_FR = {
  ...EVENT_LABELS_FR,
  ...VERIFY_LABELS_FR,
  ...SELFTEST_GROUPS_FR,
  ...SELFTEST_CODES_FR,
};
