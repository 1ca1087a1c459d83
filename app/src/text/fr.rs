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
