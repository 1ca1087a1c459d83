//! French strings: screens, messages, e-mails.

pub const APP_NAME: &str = "Cordon";
pub const APP_TAGLINE: &str = "Coopération de sécurité des événements";

// Validation
pub const EMAIL_REQUIRED: &str = "Saisissez une adresse électronique.";
pub const EMAIL_INVALID: &str = "Adresse électronique invalide : elle doit avoir la forme nom@domaine.fr.";
pub const EMAIL_TOO_LONG: &str = "Adresse électronique trop longue (254 caractères au plus).";
pub const PASSWORD_TOO_SHORT: &str = "Le mot de passe doit comporter au moins 12 caractères.";
pub const PASSWORD_TOO_LONG: &str = "Le mot de passe doit comporter au plus 1 024 caractères.";
pub const PASSWORD_MISMATCH: &str = "Les deux mots de passe ne sont pas identiques.";
pub const NAME_REQUIRED: &str = "Saisissez un nom.";
pub const NAME_TOO_LONG: &str = "Le nom doit comporter au plus 120 caractères.";
pub const NAME_CONTROL_CHARS: &str = "Le nom contient des caractères non autorisés.";
pub const ORG_KIND_UNKNOWN: &str = "Choisissez un type d’organisation dans la liste.";
pub const COMMUNE_REQUIRED: &str =
    "Une police municipale est rattachée à une commune : saisissez son code INSEE (5 caractères, par exemple 13055).";
pub const COMMUNE_INVALID: &str = "Code INSEE de commune invalide : 5 caractères, par exemple 13055, 2A004 ou 97411.";
pub const CNAPS_REQUIRED: &str = "Une entreprise de sécurité privée doit indiquer son numéro d’autorisation CNAPS.";
pub const CNAPS_INVALID: &str = "Numéro d’autorisation CNAPS invalide : il commence par AUT- suivi du département et de chiffres, par exemple AUT-013-2118-05-12-20190412345.";
pub const DEPARTMENT_REQUIRED: &str =
    "Une préfecture est rattachée à un département : saisissez son numéro (par exemple 13, 2A ou 974).";
pub const DEPARTMENT_INVALID: &str = "Numéro de département inconnu (par exemple 13, 2A, 974).";
pub const ROLE_UNKNOWN: &str = "Choisissez un rôle : membre ou administrateur.";

// Sign-in and sessions
pub const SIGN_IN_FAILED: &str = "Adresse électronique ou mot de passe incorrect.";
pub const SIGN_IN_RATE_LIMITED: &str = "Trop de tentatives de connexion. Réessayez dans quelques minutes.";
pub const NOT_SIGNED_IN: &str = "Votre session a expiré : connectez-vous à nouveau.";
pub const FORBIDDEN: &str = "Vous n’avez pas accès à cette ressource.";
pub const NOT_FOUND: &str = "Cette ressource n’existe pas ou vous n’y avez pas accès.";
pub const INTERNAL: &str = "Une erreur interne est survenue. Réessayez ; si elle persiste, contactez l’assistance.";
pub const CROSS_SITE_REFUSED: &str = "Requête refusée : elle ne provient pas de Cordon.";

// Invitations
pub const INVITATION_EXPIRED: &str =
    "Cette invitation a expiré (elle était valable 7 jours). Demandez-en une nouvelle.";
pub const INVITATION_USED: &str = "Cette invitation a déjà été utilisée. Connectez-vous.";
pub const INVITATION_UNKNOWN: &str = "Cette invitation n’existe pas. Vérifiez le lien reçu.";
pub const INVITATION_ALREADY_MEMBER: &str = "Cette personne est déjà membre de l’organisation.";
pub const INVITATION_EXISTING_ACCOUNT_PASSWORD: &str =
    "Un compte existe déjà pour cette adresse : saisissez son mot de passe pour accepter.";

/// Subject of the invitation e-mail.
pub fn invitation_subject(organisation: &str) -> String {
    format!("Invitation à rejoindre {organisation} sur Cordon")
}

/// Body of the invitation e-mail (plain text).
pub fn invitation_body(inviter: &str, organisation: &str, link: &str, expires: &str) -> String {
    format!(
        "Bonjour,\n\n{inviter} vous invite à rejoindre l’organisation « {organisation} » sur Cordon, \
         l’outil de coopération de sécurité des événements.\n\n\
         Pour accepter, ouvrez ce lien et choisissez votre mot de passe :\n{link}\n\n\
         Ce lien n’est utilisable qu’une fois et expire le {expires}.\n\
         Si vous n’attendiez pas cette invitation, ignorez ce message.\n\n\
         — Cordon\n"
    )
}

// Roles and kinds
pub const ROLE_MEMBER: &str = "Membre";
pub const ROLE_ADMIN: &str = "Administrateur";
pub const KIND_POLICE_NATIONALE: &str = "Police nationale";
pub const KIND_GENDARMERIE: &str = "Gendarmerie nationale";
pub const KIND_POLICE_MUNICIPALE: &str = "Police municipale";
pub const KIND_SECURITE_PRIVEE: &str = "Sécurité privée";
pub const KIND_ORGANISATEUR: &str = "Organisateur (donneur d’ordre)";
pub const KIND_PREFECTURE: &str = "Préfecture";
pub const KIND_AUTRE: &str = "Autre";

// Screens
pub const NAV_DASHBOARD: &str = "Tableau de bord";
pub const NAV_ACCOUNT: &str = "Mon compte";
pub const NAV_ADMIN: &str = "Administration";
pub const NAV_SIGN_IN: &str = "Se connecter";
pub const NAV_SIGN_OUT: &str = "Se déconnecter";
pub const SIGN_IN_TITLE: &str = "Connexion à Cordon";
pub const SIGN_IN_INTRO: &str = "Connectez-vous avec l’adresse électronique et le mot de passe de votre compte.";
pub const LABEL_EMAIL: &str = "Adresse électronique";
pub const HINT_EMAIL: &str = "Format attendu : nom@domaine.fr";
pub const LABEL_PASSWORD: &str = "Mot de passe";
pub const HINT_PASSWORD_NEW: &str = "12 caractères au minimum.";
pub const LABEL_PASSWORD_CONFIRM: &str = "Confirmez le mot de passe";
pub const SHOW_PASSWORD: &str = "Afficher le mot de passe";
pub const HIDE_PASSWORD: &str = "Masquer le mot de passe";
pub const LABEL_NAME: &str = "Prénom et nom";
pub const LABEL_ORG_NAME: &str = "Nom de l’organisation";
pub const LABEL_ORG_KIND: &str = "Type d’organisation";
pub const LABEL_COMMUNE: &str = "Code INSEE de la commune (police municipale)";
pub const LABEL_CNAPS: &str = "Numéro d’autorisation CNAPS (sécurité privée)";
pub const LABEL_DEPARTMENT: &str = "Département (préfecture)";
pub const LABEL_ROLE: &str = "Rôle";
pub const DASHBOARD_TITLE: &str = "Tableau de bord";
pub const MY_ORGANISATIONS: &str = "Mes organisations";
pub const NO_ORGANISATION: &str =
    "Vous n’êtes membre d’aucune organisation. Demandez une invitation à son administrateur.";
pub const MEMBERS: &str = "Membres";
pub const PENDING_INVITATIONS: &str = "Invitations en attente";
pub const NO_PENDING_INVITATION: &str = "Aucune invitation en attente.";
pub const INVITE_TITLE: &str = "Inviter une personne";
pub const INVITE_BUTTON: &str = "Envoyer l’invitation";
pub const INVITE_SENT: &str = "Invitation envoyée.";
pub const ACCEPT_TITLE: &str = "Rejoindre une organisation";
pub const ACCEPT_BUTTON: &str = "Créer mon compte et rejoindre";
pub const ACCEPT_EXISTING_BUTTON: &str = "Rejoindre l’organisation";
pub const ACCOUNT_TITLE: &str = "Mon compte";
pub const SIGN_OUT_EVERYWHERE: &str = "Se déconnecter de tous les appareils";
pub const SIGN_OUT_EVERYWHERE_HINT: &str =
    "Ferme toutes vos sessions ouvertes, y compris celle-ci (par exemple après la perte d’un téléphone).";
pub const ADMIN_TITLE: &str = "Administration de la plateforme";
pub const CREATE_ORG_TITLE: &str = "Créer une organisation";
pub const CREATE_ORG_BUTTON: &str = "Créer l’organisation";
pub const ORG_CREATED: &str = "Organisation créée.";
pub const ALL_ORGANISATIONS: &str = "Toutes les organisations";
pub const LOADING: &str = "Chargement…";
pub const PAGE_NOT_FOUND: &str = "Page non trouvée";
pub const PAGE_NOT_FOUND_TEXT: &str = "La page que vous cherchez n’existe pas ou a été déplacée.";
pub const BACK_HOME: &str = "Retour au tableau de bord";
pub const COL_NAME: &str = "Nom";
pub const COL_EMAIL: &str = "Adresse électronique";
pub const COL_ROLE: &str = "Rôle";
pub const COL_KIND: &str = "Type";
pub const COL_DETAILS: &str = "Précisions";
pub const COL_EXPIRES: &str = "Expire le";
pub const FILTER_MEMBERS: &str = "Filtrer les membres";
pub const PLATFORM_ADMIN_BADGE: &str = "Administrateur de la plateforme";
pub const FOOTER_TEXT: &str = "Cordon planifie la sécurité des événements ponctuels en coopération entre forces de l’État, polices municipales et sécurité privée, dans le cadre des conventions locales de coopération de sécurité (circulaire du 5 janvier 2016).";

pub const WEEKDAYS: [&str; 7] = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];
pub const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

// Planning
pub const NAV_EVENTS: &str = "Événements";
pub const EVENTS_TITLE: &str = "Mes événements";
pub const NO_EVENT: &str = "Aucun événement pour l’instant.";
pub const CREATE_EVENT_TITLE: &str = "Créer un événement";
pub const CREATE_EVENT_BUTTON: &str = "Créer l’événement";
pub const NOT_AN_ORGANISER: &str =
    "Seul un membre d’une organisation de type « organisateur » peut créer un événement.";
pub const COMMUNE_UNKNOWN: &str =
    "Aucune commune ne porte ce code INSEE dans la liste officielle. Vérifiez le code (ce n’est pas le code postal).";
pub const DATETIME_INVALID: &str = "Date et heure invalides : utilisez le format JJ/MM/AAAA HH:MM.";
pub const NUMBER_INVALID: &str = "Saisissez un nombre entier.";
pub const CHOICE_INVALID: &str = "Choisissez une valeur dans la liste.";
pub const UNKNOWN_ZONE: &str = "Cette zone n’existe pas dans le plan.";
pub const UNKNOWN_POST: &str = "Ce poste n’existe pas dans cette zone.";
pub const UNKNOWN_AGENT: &str = "Agent inconnu ou d’un autre participant.";
pub const PARTICIPANT_NOT_YOURS: &str = "Vous ne pouvez modifier que les déploiements de votre organisation.";
pub const ORGANISER_ONLY: &str = "Seul l’organisateur de l’événement peut modifier cela.";
pub const ALREADY_PARTICIPANT: &str = "Cette organisation participe déjà à l’événement.";
pub const SAVED: &str = "Enregistré.";

/// The message shown when a save was based on an outdated version.
pub fn stale_record(current: &str) -> String {
    format!("Quelqu’un a modifié cet élément entre-temps : votre modification n’a pas été enregistrée. Valeurs actuelles : {current}. Rechargez pour repartir de ces valeurs.")
}

// Plan files: command-line import and JSON API
pub const IMPORT_EVENT_EXISTS: &str =
    "Un événement portant cet identifiant existe déjà dans la base : rien n’a été importé.";
pub const IMPORT_ID_TAKEN: &str = "Cet identifiant est déjà utilisé par un autre élément de la base.";
pub const IMPORT_NO_ORGANISER: &str =
    "Le plan doit compter un participant de rôle « organisateur » : son organisation organise l’événement.";
pub const IMPORT_UNKNOWN_ORGANISATION: &str =
    "Organisation inconnue : aucune organisation de la base n’a cet identifiant.";
pub const API_UNAUTHORISED: &str = "Jeton d’accès manquant, inconnu ou révoqué : envoyez l’en-tête « Authorization: Bearer <jeton> » avec un jeton créé sur la page « Mon compte ».";
pub const API_TOO_LARGE: &str = "Le fichier dépasse la taille maximale d’un plan : 10 Mio (10 485 760 octets).";
pub const API_BODY_UNREADABLE: &str = "Le corps de la requête n’a pas pu être lu entièrement.";
pub const API_CANNOT_EDIT: &str = "Vous ne pouvez pas modifier cet élément.";
pub const API_CANNOT_ADD: &str = "Vous ne pouvez pas ajouter cet élément.";
pub const API_RESTRICTED_STATE_ONLY: &str =
    "Seuls les déploiements des forces de l’État peuvent être à diffusion restreinte (« restricted »).";
pub const API_CONFLICT: &str = "Le plan a été modifié par quelqu’un d’autre pendant votre envoi : rien n’a été enregistré. Relisez le plan puis renvoyez vos modifications.";

/// The event id of a file sent to the URL of another event.
pub fn api_event_id_mismatch(url_id: &str) -> String {
    format!("L’identifiant de l’événement doit être celui de l’adresse : {url_id}.")
}

/// A record absent from the file that the caller may not delete.
pub fn api_cannot_delete(id: &str) -> String {
    format!("Vous ne pouvez pas supprimer l’élément {id} : remettez-le dans le fichier tel qu’il est.")
}

/// A record deleted although other records of the plan still refer to it.
pub fn api_still_referenced(id: &str) -> String {
    format!("L’élément {id} ne peut pas être supprimé : d’autres éléments du plan y font référence.")
}

// Personal API tokens (account page)
pub const API_TOKENS_TITLE: &str = "Jetons d’accès à l’API";
pub const API_TOKENS_INTRO: &str = "Un jeton permet à un logiciel de lire et de modifier les plans des événements auxquels vous avez accès, avec vos droits, par l’API JSON de Cordon (en-tête « Authorization: Bearer <jeton> »). Révoquez un jeton dès qu’il ne sert plus.";
pub const API_TOKENS_NONE: &str = "Aucun jeton actif.";
pub const API_TOKEN_NAME: &str = "Nom du jeton";
pub const API_TOKEN_NAME_HINT: &str = "Pour vous souvenir de son usage, par exemple « Export du plan chaque nuit ».";
pub const API_TOKEN_NAME_REQUIRED: &str = "Donnez un nom au jeton.";
pub const API_TOKEN_NAME_TOO_LONG: &str = "Le nom du jeton doit comporter au plus 100 caractères.";
pub const API_TOKEN_CREATE: &str = "Créer un jeton";
pub const API_TOKEN_CREATED_TITLE: &str = "Jeton créé";
pub const API_TOKEN_VALUE: &str = "Votre nouveau jeton";
pub const API_TOKEN_SHOWN_ONCE: &str = "Copiez ce jeton maintenant et gardez-le en lieu sûr : il ne sera plus jamais affiché. Si vous le perdez, révoquez-le et créez-en un autre.";
pub const API_TOKEN_REVOKE: &str = "Révoquer";
pub const API_TOKEN_REVOKED: &str = "Jeton révoqué : il ne permet plus d’accéder à l’API.";
pub const API_TOKEN_NEVER_USED: &str = "Jamais";
pub const API_TOKENS_LIMIT: &str =
    "Vous avez déjà 20 jetons actifs : révoquez ceux qui ne servent plus avant d’en créer un autre.";
pub const COL_CREATED: &str = "Créé le";
pub const COL_LAST_USED: &str = "Dernière utilisation";
pub const COL_ACTIONS: &str = "Actions";

/// The accessible name of the button revoking the token `name`.
pub fn api_token_revoke_label(name: &str) -> String {
    format!("Révoquer le jeton « {name} »")
}

// Agents
pub const CSV_TOO_LARGE: &str = "Fichier trop volumineux : 2 Mo au plus.";
pub const CARD_EXPIRED: &str = "La carte professionnelle est expirée : l’agent ne peut pas être employé.";
pub const CARD_ALREADY_KNOWN: &str = "Un agent de l’événement a déjà cette carte professionnelle.";

/// Subject of the e-mail telling an organisation it takes part in an event.
pub fn participation_subject(event: &str) -> String {
    format!("Votre organisation participe à « {event} » sur Cordon")
}

/// Body of that e-mail.
pub fn participation_body(organisation: &str, role: &str, event: &str, starts: &str, link: &str) -> String {
    format!(
        "Bonjour,\n\nL’organisateur de « {event} » (début le {starts}) a associé {organisation} à l’événement, \
         en tant que {role}.\n\nVous pouvez consulter le plan et y saisir vos agents et vos déploiements :\n{link}\n\n— Cordon\n"
    )
}
pub const SETUP_AFTER_START: &str = "Le montage doit commencer avant le début de l’événement.";
pub const TEARDOWN_BEFORE_END: &str = "Le démontage doit se terminer après la fin de l’événement.";
pub const API_TOKEN_NEEDS_SCRIPT: &str =
    "Un jeton ne s’affiche qu’une fois, dans cette page : activez JavaScript pour en créer un. Aucun jeton n’a été créé.";
