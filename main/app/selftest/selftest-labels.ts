/**
 * French sentences for the self-test's codes: the CLI and the signed PDF report are French
 * documents. The console screen words the same codes through its fr/en catalogues.
 */
import { formatNumber } from '../../../common/format';
import type { CheckGroup, CheckResult, CheckStatus, SelftestCode } from './selftest-types';

export const GROUP_FR: Record<CheckGroup, string> = {
  displays: 'Écrans',
  inputs: 'Périphériques de commande',
  cameras: 'Caméras',
  ptz: 'Caméras mobiles (PTZ)',
  registry: 'Registre',
  clock: 'Horloge',
  wall: 'Liaison mur d’images',
  csu: 'Notification au CSU',
};

export const STATUS_FR: Record<CheckStatus, string> = { pass: 'OK', warn: 'ATTENTION', fail: 'ÉCHEC' };

const FR: Record<SelftestCode, string> = {
  clock_ok: 'écart de {offsetMs} ms avec le serveur de temps {subject} (strate {stratum})',
  clock_drift:
    'écart de {offsetMs} ms avec le serveur de temps {subject} : au-delà d’une seconde, régler l’horloge du poste',
  clock_not_configured: 'aucun serveur de temps configuré (--ntp) : l’heure du registre n’est pas contrôlée',
  clock_bad_server: 'adresse du serveur de temps invalide ({subject})',
  clock_timeout: 'le serveur de temps {subject} ne répond pas (UDP 123 filtré ?)',
  clock_unreachable: 'serveur de temps {subject} injoignable',
  clock_bad_reply: 'réponse du serveur de temps {subject} invalide',
  clock_unsynchronised: 'le serveur de temps {subject} n’est pas lui-même synchronisé',
  registry_writable: 'écriture possible (entrée n° {seq})',
  registry_not_writable: 'écriture impossible dans le registre',
  registry_disk_full: 'disque plein : le registre ne peut plus écrire',
  registry_verified: 'chaîne intègre ({rows} entrées)',
  registry_broken: 'chaîne rompue à l’entrée n° {seq} ({problem})',
  cameras_none: 'aucune caméra dans l’inventaire',
  camera_ok: '{name} : {codec} {resolution}, {fps} i/s, affichage direct (WebCodecs)',
  camera_transcoded:
    '{name} : {codec} {resolution}, {fps} i/s, transcodé (jsmpeg) : plus coûteux pour le poste',
  camera_unreachable: '{name} : injoignable (adresse, réseau ou pare-feu)',
  camera_auth: '{name} : identifiants refusés par la caméra',
  camera_codec: '{name} : codec non pris en charge',
  camera_ended: '{name} : le flux s’arrête aussitôt',
  camera_no_keyframe:
    '{name} : le flux arrive, mais sans image clé en {seconds} s : l’image tarde à s’afficher (régler l’intervalle entre images clés, GOP, à 4 s au plus)',
  camera_error: '{name} : erreur du flux',
  ptz_none: 'aucune caméra mobile dans l’inventaire',
  ptz_ok: '{name} : répond (GetPresets, {presets} préréglages)',
  ptz_pelco_one_way:
    '{name} : ligne Pelco-D {port} présente (liaison sans retour : vérifier un mouvement à l’écran)',
  ptz_port_missing: '{name} : port série {port} absent',
  ptz_unreachable: '{name} : injoignable en ONVIF',
  ptz_auth_refused: '{name} : identifiants ONVIF refusés',
  ptz_camera_error: '{name} : la caméra répond une erreur ONVIF',
  ptz_no_ptz: '{name} : aucun profil PTZ sur la caméra',
  ptz_bad_config: '{name} : adresse PTZ de l’inventaire inutilisable',
  ptz_credentials_unsafe: '{name} : identifiants refusés avant envoi (caractères dangereux)',
  ptz_bad_preset: '{name} : préréglage invalide',
  ptz_closed: '{name} : pilote fermé',
  keyboard_present: 'clavier CCTV : ligne série présente',
  keyboard_missing: 'clavier CCTV : ligne série absente (câble, adaptateur USB-série ?)',
  joystick_present: 'joystick présent ({product})',
  joystick_missing: 'joystick configuré absent',
  hid_unavailable: 'liste des périphériques USB indisponible (libusb ?)',
  inputs_none_configured: 'aucun clavier ni joystick configuré',
  displays_unavailable:
    'écrans non vérifiables hors de la console Electron : lancer l’auto-test depuis l’écran du technicien',
  displays_ok: '{count} écran(s) : {names}',
  wall_display_missing:
    'l’écran choisi pour le mur ({display}) est absent : le mur est sur un écran de repli',
  wall_none: 'aucun mur distant configuré',
  wall_up: 'mur distant {address} joint, empreinte {fingerprint}',
  wall_unreachable: 'mur distant {address} injoignable',
  wall_refused_by_wall:
    'mur distant {address} : il refuse ce poste (son --peer-pin ne désigne pas ce poste, appairage à refaire)',
  wall_pin_mismatch:
    'mur distant {address} : son empreinte n’est pas {fingerprint} (--wall-pin de ce poste, appairage à refaire)',
  check_failed: 'contrôle interrompu par une erreur inattendue',
  csu_delivered: 'message d’essai remis au CSU',
  csu_failed: 'message d’essai non remis ({failure}) : la prise de contrôle PTZ sera refusée',
  csu_config_invalid: 'réglage de notification invalide ({option})',
  csu_none: 'aucun canal de notification au CSU configuré : la prise de contrôle PTZ sera refusée',
};

/** Identifiers print as they are; measured figures in French (decimal comma, grouped thousands). */
const IDENTIFIERS = new Set(['seq']);
/** Groups whose subject is a camera's number: printed beside its name. */
const CAMERA_GROUPS = new Set<CheckGroup>(['cameras', 'ptz']);

const param = (r: CheckResult, k: string): string => {
  if (k === 'subject') return r.subject;
  const v = r.params?.[k];
  if (typeof v === 'number') return IDENTIFIERS.has(k) ? String(v) : formatNumber(v);
  if (k === 'name' && v !== undefined && CAMERA_GROUPS.has(r.group) && /^\d+$/.test(r.subject))
    return `n° ${r.subject} — ${v}`;
  return String(v ?? '');
};

export function resultFr(r: CheckResult): string {
  const text = FR[r.code] ?? r.code;
  return text.replace(/\{(\w+)\}/g, (_, k: string) => param(r, k));
}

export const KNOWN_CODES = Object.keys(FR);
