/** French names of registry events: the exports and the console's registry panel share them. */
export const TYPE_LABELS: Record<string, string> = {
  'auth.login': 'Connexion', 'auth.logout': 'Déconnexion', 'auth.login_failed': 'Échec de connexion', 'auth.locked_out': 'Compte bloqué',
  'auth.lock': 'Verrouillage', 'auth.unlock': 'Déverrouillage', 'auth.unlock_failed': 'Échec de déverrouillage',
  'view.start': 'Début de visionnage', 'view.end': 'Fin de visionnage', 'inventory.change': 'Modification de la liste des caméras',
  'operator.create': 'Création de compte', 'operator.update': 'Modification de compte', 'registry.consult': 'Consultation du registre',
  'registry.export': 'Export du registre', 'registry.verify': 'Vérification du registre', 'registry.checkpoint': 'Point de contrôle',
  'registry.purge': 'Purge (durée de conservation)', requisition: 'Réquisition judiciaire', 'app.start': 'Démarrage du poste',
};
