/** French sentences for the errors the install CLI can meet: the CLI is a French terminal tool. */
import type { AppError } from '../../../common/result';

const FR: Partial<Record<AppError['code'], string>> = {
  invalid_login: 'identifiant invalide (lettres, chiffres, . _ -)',
  invalid_role: 'rôle inconnu',
  invalid_validity: 'période d’habilitation invalide (AAAA-MM-JJ, fin après début)',
  password_required: 'un mot de passe est requis pour un nouveau compte',
  weak_password: 'mot de passe trop court ({min} caractères minimum)',
  missing_field: 'nom, grade et service sont obligatoires',
  text_invalid:
    'caractère interdit dans --{field} (caractère de contrôle, texte mal formé ou inversion du sens d’écriture)',
  disk_full: 'disque plein : rien n’a été enregistré',
  storage_denied: 'accès refusé au dossier de données : rien n’a été enregistré',
  storage_error: 'écriture impossible : rien n’a été enregistré',
};

export function cliMessage(e: AppError): string {
  const text = FR[e.code] ?? `erreur ${e.code}`;
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(e.params?.[k] ?? ''));
}
