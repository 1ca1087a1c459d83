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
pub fn internal_with_reference(reference: &str) -> String {
    format!("Une erreur interne est survenue. Réessayez ; si elle persiste, contactez l’assistance en citant la référence {reference}.")
}
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
pub const KEY_DEPARTMENT: &str = "le département";
pub const KEY_COMMUNE: &str = "le code de commune";
pub const KEY_CNAPS: &str = "l’autorisation CNAPS";
pub const KEY_SIRET: &str = "le SIRET";
pub const KEYS_COMPANY: &str = "l’autorisation CNAPS ou le SIRET";
pub const MATCHED_BY_ID: &str = "son identifiant (elle vient de cette base)";
pub const ID_INVALID: &str = "Identifiant invalide : un UUID est attendu.";
pub const IDENTITY_INVALID: &str = "Numéro mal formé";
pub const SIRET_TITLE: &str = "Identifiant SIRET";
pub const SIRET_HELP: &str = "Le SIRET permet à un autre Cordon de reconnaître votre organisation quand un plan y est importé (la préfecture l’est par son département, une police municipale par sa commune, une entreprise de sécurité par son autorisation CNAPS).";
pub const SIRET_BUTTON: &str = "Enregistrer le SIRET";
pub const SIRET_SAVED: &str = "SIRET enregistré.";
pub const LABEL_SIRET: &str = "SIRET (14 chiffres, facultatif)";
pub const SIRET_INVALID: &str =
    "SIRET invalide : 14 chiffres dont la clé de contrôle est juste, par exemple 732 829 320 00074.";
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
pub const DEPLOYMENT_DUPLICATE: &str = "Dupliquer";
pub const DEPLOYMENT_FROM_TEMPLATE: &str =
    "Nouveau déploiement prérempli : vérifiez les horaires, l’effectif et la mission, puis enregistrez-le.";
pub const GAP_FILL: &str = "Combler ce manque";
pub fn gap_mission(zone: &str) -> String {
    format!("Renfort : {zone}")
}
pub const MINE_TITLE: &str = "Mes déploiements";
pub const MINE_NO_AGENT: &str = "agents non nommés";
pub const MINE_RESTRICTED: &str = "Diffusion restreinte";
pub const MINE_RADIO: &str = "Canal radio";
pub const MINE_CONTACTS: &str = "Contacts des participants";
pub fn mine_count(count: usize) -> String {
    match count {
        0 => "Aucun déploiement de votre service pour l’instant.".to_string(),
        1 => "1 déploiement de votre service, dans l’ordre chronologique.".to_string(),
        n => format!("{n} déploiements de votre service, dans l’ordre chronologique."),
    }
}
pub fn mine_headcount(count: u32) -> String {
    if count <= 1 {
        format!("{count} agent")
    } else {
        format!("{count} agents")
    }
}
pub const WORKLIST_DASHBOARD_TITLE: &str = "Dossiers à instruire";
pub const WORKLIST_OPEN: &str = "Ouvrir la liste des dossiers";
pub fn worklist_late(count: usize) -> String {
    if count == 1 {
        "1 dossier en retard".to_string()
    } else {
        format!("{count} dossiers en retard")
    }
}
pub const WORKLIST_SEARCH: &str = "Rechercher un événement par son nom";
pub const WORKLIST_COMMUNE: &str = "Commune";
pub const WORKLIST_ALL_COMMUNES: &str = "Toutes les communes";
pub const WORKLIST_TABS: &str = "Dossiers par statut";
pub fn worklist_count(count: usize, tab: &str) -> String {
    match count {
        0 => format!("Aucun dossier « {tab} »."),
        1 => format!("1 dossier « {tab} »."),
        n => format!("{n} dossiers « {tab} »."),
    }
}
pub fn worklist_awaited(count: usize) -> String {
    if count == 1 {
        "1 avis attendu".to_string()
    } else {
        format!("{count} avis attendus")
    }
}
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
pub const PARTICIPANT_ORGANISATION_FIXED: &str =
    "Un participant reste l’organisation pour laquelle il a été ajouté : retirez-le et ajoutez l’autre organisation.";

/// A participant's role that its organisation's kind does not allow.
pub fn role_not_for_kind(kind: &str) -> String {
    format!("Ce rôle ne correspond pas à ce qu’est l’organisation ({kind}) : choisissez le rôle de son type.")
}
pub const SAVED: &str = "Enregistré.";
// What the plan page announces after each save (it redraws in place).
pub const SAVED_ZONE: &str = "Zone enregistrée.";
pub const SAVED_NEED: &str = "Besoin enregistré.";
pub const SAVED_DEPLOYMENT: &str = "Déploiement enregistré.";
pub const SAVED_PARTICIPANT: &str = "Participant enregistré.";
pub const SAVED_AGENTS: &str = "Agents importés.";
pub const SAVED_AGENT: &str = "Agent enregistré.";
pub const SAVED_EVENT: &str = "Événement enregistré.";
pub const SAVED_POST: &str = "Poste enregistré.";
pub const SAVED_REMOVAL: &str = "Suppression enregistrée.";
pub const SAVED_RELEASE: &str = "Version publiée.";
pub const SAVED_SCHEDULE: &str = "Planning accepté.";

/// The message shown when a save was based on an outdated version.
pub fn stale_record(current: &str) -> String {
    format!("Quelqu’un a modifié cet élément entre-temps : votre modification n’a pas été enregistrée. Valeurs actuelles : {current}. Rechargez pour repartir de ces valeurs.")
}

/// An agent of another participant, whose name the reader may not know.
pub fn agent_withheld(participant: &str) -> String {
    let short: String = participant.chars().take(60).collect();
    format!("Agent de {short} (nom réservé à son organisation)")
}

// Removing plan records
pub const REMOVAL_ORGANISER: &str = "L’organisateur ne peut pas se retirer de son propre événement.";
pub const REMOVED: &str = "Supprimé.";
pub const CARD_NUMBER_MISSING: &str = "Une date d’expiration est donnée sans numéro de carte professionnelle.";
pub const CARD_EXPIRY_MISSING: &str = "Indiquez la date d’expiration de la carte professionnelle.";
pub const DATE_INVALID: &str = "Date invalide : utilisez le format JJ/MM/AAAA.";
pub const VERSION_REQUIRED: &str =
    "La version de l’élément manque : rechargez la page et refaites la modification (rien n’a été enregistré).";
pub const STALE_IMPORT: &str =
    "Le plan a changé entre-temps : aucun agent n’a été importé. Rechargez la page et importez le fichier de nouveau.";
pub const STALE_REMOVAL: &str = "Quelqu’un a modifié cet élément entre-temps : il n’a pas été supprimé. Rechargez la page pour voir ses valeurs actuelles.";
pub const REMOVE: &str = "Supprimer";
pub const REMOVE_CONFIRM: &str = "Confirmer la suppression";
pub const REMOVE_CANCEL: &str = "Annuler";

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// What prevents removing a zone: its posts.
pub fn removal_zone_posts(n: usize) -> String {
    format!("{} dans cette zone : supprimez-les d’abord.", plural(n, "poste est défini", "postes sont définis"))
}

/// What prevents removing a zone or a post: the needs placed on it.
pub fn removal_needs(n: usize) -> String {
    format!("{} ici : supprimez-les ou déplacez-les d’abord.", plural(n, "besoin est placé", "besoins sont placés"))
}

/// What prevents removing a zone, a post or a participant: deployments.
pub fn removal_deployments(n: usize) -> String {
    format!(
        "{} : supprimez-les ou déplacez-les d’abord.",
        plural(n, "déploiement en dépend", "déploiements en dépendent")
    )
}

/// What prevents removing a participant: its agents.
pub fn removal_agents(n: usize) -> String {
    format!("{} : supprimez-les d’abord.", plural(n, "agent lui est rattaché", "agents lui sont rattachés"))
}

/// What prevents removing an agent: the deployments naming it.
pub fn removal_agent_named(n: usize) -> String {
    format!("Cet agent est nommé dans {} : retirez-le d’abord.", plural(n, "déploiement", "déploiements"))
}

/// Why a removal was refused, the blockers joined.
pub const REMOVAL_USED_BY_OTHERS: &str = "D’autres participants utilisent encore cet élément.";

pub fn removal_refused(blockers: &[String]) -> String {
    format!("Suppression impossible. {}", blockers.join(" "))
}

// Plan files: command-line import and JSON API
pub const IMPORT_EVENT_EXISTS: &str = "Un événement portant cet identifiant existe déjà dans la base : rien n’a été \
     importé. Pour l’importer comme copie (nouveaux identifiants), ajoutez « --copy » (ligne de commande) ou \
     « ?copy=true » (API).";
pub const IMPORT_ID_TAKEN: &str = "Cet identifiant est déjà utilisé par un autre élément de la base.";
pub const IMPORT_NO_ORGANISER: &str =
    "Le plan doit compter un participant de rôle « organisateur » : son organisation organise l’événement.";
pub const IMPORT_UNKNOWN_ORGANISATION: &str =
    "Organisation inconnue : aucune organisation de la base n’a cet identifiant.";
pub const API_UNAUTHORISED: &str = "Jeton d’accès manquant, inconnu ou révoqué : envoyez l’en-tête « Authorization: Bearer <jeton> » avec un jeton créé sur la page « Mon compte ».";
pub const API_TOO_LARGE: &str = "Le fichier dépasse la taille maximale d’un plan : 10 Mio (10 485 760 octets).";
pub const API_BODY_UNREADABLE: &str = "Le corps de la requête n’a pas pu être lu entièrement.";
pub const API_VERSION_REQUIRED: &str = "Version du plan manquante : envoyez l’en-tête « If-Match » avec la valeur de l’en-tête « ETag » reçue avec le plan (GET). Rien n’a été enregistré.";
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

// ===================================================================================== //
// Contrôles de conformité du plan (issue 7) — début de section                         //
// ===================================================================================== //

/// A number as French writes it: thousands grouped by spaces, a decimal comma, at most two
/// decimals (1500 → "1 500", 0.25 → "0,25").
pub fn compliance_number(value: f64) -> String {
    french_number(value, 2)
}

/// A number with thousands grouped by spaces, a decimal comma and at most `decimals`
/// decimals, trailing zeros dropped.
fn french_number(value: f64, decimals: usize) -> String {
    let fixed = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(' ');
        }
        grouped.push(digit);
    }
    let fraction = fraction.trim_end_matches('0');
    let sign = if value < 0.0 { "-" } else { "" };
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped},{fraction}")
    }
}

/// A rule set read back without every rule or with other parameters than the defaults'.
pub const COMPLIANCE_INCOMPLETE_RULE_SET: &str =
    "Jeu de règles incomplet : chaque règle doit y figurer une fois, avec les paramètres prévus.";
/// A settings override without its reason.
pub fn compliance_reason_required(rule: &str) -> String {
    format!("Règle « {rule} » : indiquez la raison de la modification.")
}
/// A settings override naming a parameter the rule does not have.
pub fn compliance_unknown_parameter(rule: &str, name: &str) -> String {
    format!("Règle « {rule} » : paramètre « {name} » inconnu.")
}
/// A settings override with a value that cannot be used.
pub fn compliance_invalid_parameter(rule: &str, name: &str) -> String {
    format!("Règle « {rule} » : la valeur de « {name} » doit être un nombre positif (une heure entre 0 et 24).")
}

pub const DELEGATION_PREFECTURE_ONLY: &str =
    "Une délégation de signature du préfet ne s’enregistre que pour les membres d’une préfecture.";
pub const DELEGATION_TITLE: &str = "Délégation de signature";
pub const DELEGATION_NONE: &str = "Aucune";
pub const DELEGATION_SAVE: &str = "Enregistrer";
pub const DELEGATION_EDIT: &str = "Modifier la délégation";
pub const DELEGATION_HINT: &str = "Numéro et date de l’arrêté portant délégation de signature ; seul un membre qui en \
détient une approuve « pour le préfet et par délégation ». Laissez vides pour la retirer.";
pub fn delegation_label(citation: &str) -> String {
    format!("Par délégation : {citation}")
}
pub const LEGAL_FRAME: &str = "Cadre juridique";
pub const ZONE_ACCES_ENCEINTE: &str =
    "La zone donne accès à une enceinte fermée de la manifestation (palpations possibles au-delà de 300 spectateurs, \
L613-3)";
pub const PARTICIPANT_SERVICE_INTERNE: &str = "Les agents de l’organisateur forment un service interne de sécurité \
(article L612-25 : agents titulaires d’une carte professionnelle) ; sinon ce sont des bénévoles ou des stadiers";
pub const ORDERS_TITLE: &str = "Arrêtés préfectoraux";
pub const ORDERS_HINT: &str = "Saisissez chaque arrêté signé sur lequel le plan s’appuie : la convention le cite avec \
son numéro et sa date, et les contrôles ne le retiennent que pour ses zones et sa durée (aucune zone : tout le site ; \
pas de durée : tout l’événement).";
pub const ORDERS_NONE: &str = "Aucun arrêté préfectoral saisi.";
pub const ORDER_ADD: &str = "Ajouter l’arrêté";
pub const ORDER_REMOVE: &str = "Retirer";
pub const ORDER_ADDED: &str = "Arrêté enregistré.";
pub const LEGAL_FRAME_HINT: &str =
    "Les arrêtés préfectoraux (palpations, périmètre de protection, voie publique) se saisissent un par un sur la \
page du plan, avec leur numéro, leur date, leur durée et leurs zones.";
pub const LEGAL_ORGANISEE_PAR_LA_COMMUNE: &str =
    "La commune (ou son intercommunalité) organise la manifestation (article L512-6 du CSI : sa police municipale \
peut la surveiller de nuit)";
pub const LEGAL_BUT_LUCRATIF: &str =
    "Manifestation à but lucratif (déclaration au maire au-delà de 1 500 personnes, R211-22 ; service d’ordre \
pouvant être exigé, L211-11)";
pub const LEGAL_DECLARATION_DEPOSEE_LE: &str = "Déclaration déposée en mairie le (facultatif)";
pub const LEGAL_DECLARATION_DEPOSEE_LE_HINT: &str =
    "Manifestation à but lucratif : date de dépôt de la déclaration auprès du maire, un mois au moins avant \
(R211-23). Laissez vide si elle n’est pas encore déposée.";
pub const LEGAL_PALPATIONS_OPJ: &str =
    "Palpations à l’entrée de l’enceinte sous le contrôle d’un officier de police judiciaire (article L613-3)";
pub const LEGAL_REGIME_POLICE: &str = "Régime de police de la commune";
pub const LEGAL_REGIME_POLICE_HINT: &str =
    "Qui maintient l’ordre lors des grands rassemblements (article L2214-4 du CGCT) : la convention le dit.";
pub const LEGAL_CONVENTION_COORDINATION: &str =
    "Convention de coordination police municipale / forces de l’État en vigueur (article L512-4)";

pub fn compliance_public_road(participant: &str, zone: &str) -> String {
    format!("{participant} déploie des agents privés sur la voie publique (« {zone} ») sans autorisation préfectorale.")
}
pub const COMPLIANCE_FIX_PUBLIC_ROAD: &str = "Demandez par écrit au préfet l’autorisation prévue à l’article L613-1, \
limitée à la surveillance des biens gardés dans leurs abords immédiats, ou confiez cette zone aux forces de l’État ou \
à la police municipale.";

pub fn compliance_public_road_mission(participant: &str, zone: &str, mission: &str) -> String {
    format!(
        "{participant} : mission « {mission} » d’agents privés sur la voie publique (« {zone} ») ; l’autorisation \
         L613-1 ne couvre que la surveillance des biens gardés, dans leurs abords immédiats."
    )
}
pub const COMPLIANCE_FIX_PUBLIC_ROAD_MISSION: &str = "Sur la voie publique, confiez le filtrage, la circulation et \
les interventions aux forces de l’État ou à la police municipale ; des agents privés ne peuvent y filtrer qu’en \
assistance, dans un périmètre de protection (L226-1), sous l’autorité d’officiers de police judiciaire.";

/// What is missing for pat-downs at the entrance of an enclosed venue (L613-3).
pub const COMPLIANCE_L613_3_NOT_ENCLOSED: &str = "la zone ne donne pas accès à une enceinte";
pub fn compliance_l613_3_too_few(attendance: u32, threshold: f64) -> String {
    let (attendance, threshold) = (compliance_number(f64::from(attendance)), compliance_number(threshold));
    format!("{attendance} spectateurs attendus ({threshold} au plus)")
}
pub const COMPLIANCE_L613_3_NO_OPJ: &str = "aucun contrôle d’un officier de police judiciaire n’est prévu";
pub fn compliance_pat_down_no_basis(participant: &str, zone: &str, missing: &str) -> String {
    format!(
        "{participant} prévoit des palpations de sécurité à « {zone} » sans base légale : ni arrêté préfectoral \
         (L613-2) ni périmètre de protection (L226-1) ne couvre ce lieu et ce moment, et l’accès à une enceinte \
         (L613-3) ne s’applique pas ({missing})."
    )
}
pub const COMPLIANCE_FIX_PAT_DOWN_NO_BASIS: &str = "Pour l’accès à une enceinte de plus de 300 spectateurs, indiquez \
que la zone y donne accès et que les palpations ont lieu sous le contrôle d’un officier de police judiciaire \
(L613-3) ; ailleurs, il faut un arrêté préfectoral (L613-2) ou un périmètre de protection (L226-1) couvrant le lieu \
et l’horaire. À défaut, limitez le filtrage à l’inspection visuelle des sacs.";

pub const ROLE_MEMBER_OR_ADMIN: &str = "member ou admin";
pub fn no_organisation_named(key: &str) -> String {
    format!("aucune organisation « {key} »")
}
pub fn account_exists(email: &str) -> String {
    format!("un compte existe déjà pour {email}")
}
pub fn feed_no_participant(key: &str) -> String {
    format!("--participant : aucun participant ni organisation « {key} » dans l’événement")
}
pub fn feed_no_agent(key: &str) -> String {
    format!("--agent : aucun agent « {key} »")
}
pub fn feed_no_zone(key: &str) -> String {
    format!("--zone : aucune zone « {key} »")
}
pub const COMPLIANCE_NO_POLICE_REGIME: &str =
    "Le régime de police de la commune (police d’État ou zone de gendarmerie) \
n’est pas renseigné : l’article 5 de la convention ne peut pas dire qui maintient le bon ordre pendant la \
manifestation et cite les deux cas.";
pub const COMPLIANCE_FIX_NO_POLICE_REGIME: &str =
    "Indiquez le régime de police de la commune dans le cadre juridique de l’événement.";
pub fn compliance_pat_down_volunteers_no_basis(participant: &str, zone: &str, missing: &str) -> String {
    format!(
        "{participant} fait palper ses bénévoles ou stadiers à « {zone} » : ils ne peuvent palper qu’à l’accès d’une \
         enceinte de plus de 300 spectateurs, sous le contrôle d’un officier de police judiciaire (L613-3), ce qui \
         ne s’applique pas ici ({missing}) ; un arrêté (L613-2) ou un périmètre (L226-1) n’ouvre les palpations \
         qu’aux agents de sécurité."
    )
}
pub const COMPLIANCE_FIX_PAT_DOWN_VOLUNTEERS_NO_BASIS: &str = "Confiez ces palpations à une entreprise de sécurité \
privée ou au service interne de sécurité de l’organisateur (L612-25), ou limitez le filtrage à l’inspection visuelle \
des sacs.";
pub fn compliance_pat_down_no_power(participant: &str, zone: &str) -> String {
    format!(
        "{participant} prévoit des palpations de sécurité à « {zone} » : seuls les agents de sécurité privée, les \
         stadiers agréés de l’organisateur (L613-3) et les forces de police peuvent palper."
    )
}
pub const COMPLIANCE_FIX_PAT_DOWN_NO_POWER: &str = "Confiez le filtrage à une entreprise de sécurité privée ou aux \
forces de police, ou donnez à ce participant une mission sans palpation.";
pub fn compliance_pat_down_volunteers(participant: &str, zone: &str, people: &str) -> String {
    format!(
        "{participant} affecte aux palpations à « {zone} » des personnes qui ne sont ni agents de sécurité ni \
         titulaires de l’agrément L613-3 : {people}."
    )
}
pub fn compliance_unnamed(count: u32) -> String {
    match count {
        1 => "1 personne non nommée".into(),
        n => format!("{n} personnes non nommées"),
    }
}
pub const COMPLIANCE_FIX_PAT_DOWN_VOLUNTEERS: &str = "Nommez les stadiers qui palpent et indiquez leur agrément \
(qualification reconnue par l’État et agrément, L613-3), déclarez le service interne de sécurité de l’organisateur \
(L612-25), ou confiez les palpations à une entreprise de sécurité privée.";

pub fn compliance_pat_down_unqualified(zone: &str, agents: &str) -> String {
    // Names are often initials ("Karim D."): no second full stop after them.
    let end = if agents.ends_with('.') { "" } else { "." };
    format!("Agents sans qualification « palpation de sécurité » affectés aux palpations à « {zone} » : {agents}{end}")
}
pub const COMPLIANCE_FIX_PAT_DOWN_UNQUALIFIED: &str = "Depuis 2021, la loi n’exige plus d’habilitation spécifique \
pour palper (L613-2) : vérifiez que ces agents sont formés à la palpation, ou affectez-en d’autres.";

pub const COMPLIANCE_NO_WOMAN: &str = "aucune femme nommée";
pub const COMPLIANCE_NO_MAN: &str = "aucun homme nommé";
pub const COMPLIANCE_NO_ONE_NAMED: &str = "ni femme ni homme nommés";
pub fn compliance_pat_down_sexes(zone: &str, missing: &str) -> String {
    format!(
        "Palpations à « {zone} » avec {missing} : une palpation est faite par une personne du même sexe que la \
         personne palpée."
    )
}
pub const COMPLIANCE_FIX_PAT_DOWN_SEXES: &str =
    "Nommez au moins une femme et un homme habilités à la palpation sur ce filtrage, pendant toute sa durée.";

pub fn compliance_vehicle_search_private(participant: &str, zone: &str) -> String {
    format!(
        "{participant} : fouille de véhicules à « {zone} » ; un agent privé ou un organisateur ne fouille jamais un \
         véhicule."
    )
}
pub fn compliance_vehicle_search_municipal(participant: &str, zone: &str) -> String {
    format!(
        "{participant} : fouille de véhicules à « {zone} » ; la visite des véhicules revient aux officiers et agents \
         de police judiciaire des forces de l’État, la police municipale n’en est pas chargée."
    )
}
pub const COMPLIANCE_FIX_VEHICLE_SEARCH: &str = "Confiez la fouille des véhicules aux forces de l’État (officiers de \
police judiciaire) ; les agents privés peuvent seulement inspecter visuellement les bagages.";

pub fn compliance_municipal_night(participant: &str, zone: &str, from: &str, to: &str) -> String {
    format!(
        "{participant} : déploiement de nuit à « {zone} » (du {from} au {to}) sans convention de coordination en \
         vigueur."
    )
}
pub fn compliance_fix_municipal_night(from_hour: &str, to_hour: &str) -> String {
    format!(
        "Sans convention de coordination, la police municipale ne travaille qu’entre {to_hour} et {from_hour} (sauf \
         gardes statiques des bâtiments communaux et cérémonies, fêtes et réjouissances organisées par la commune) : \
         avancez la fin du déploiement, confiez la nuit aux forces de l’État, indiquez la convention en vigueur, ou \
         que la commune organise la manifestation."
    )
}

pub fn compliance_municipal_other_commune(participant: &str, commune: &str, event_commune: &str) -> String {
    format!(
        "{participant}, police municipale d’une autre commune (code INSEE {commune}), intervient à {event_commune} \
         sans arrêté préfectoral de mise à disposition."
    )
}
pub const COMPLIANCE_FIX_MUNICIPAL_OTHER_COMMUNE: &str = "Demandez au préfet l’arrêté de mise à disposition \
(L512-3 : communes limitrophes ou d’une même agglomération, pour la durée de la manifestation) et indiquez sa \
référence sur le participant, ou indiquez la mise en commun d’agents (L512-1) ou la police intercommunale (L512-2) \
qui l’amène.";

pub fn compliance_agent_without_card(agent: &str, participant: &str) -> String {
    format!("{agent} ({participant}) n’a pas de carte professionnelle CNAPS.")
}
pub const COMPLIANCE_FIX_AGENT_WITHOUT_CARD: &str =
    "Saisissez le numéro de sa carte professionnelle, ou retirez l’agent du plan : sans carte, il ne peut pas exercer.";

pub fn compliance_card_expired(agent: &str, participant: &str, expires: &str, until: &str) -> String {
    format!(
        "La carte professionnelle de {agent} ({participant}) expire le {expires}, avant la fin de sa mission \
         ({until})."
    )
}
/// The same finding for a reader who may not know the card's dates.
pub fn compliance_card_expired_reduced(agent: &str, participant: &str) -> String {
    format!("La carte professionnelle de {agent} ({participant}) ne couvre pas toute sa mission.")
}
pub const COMPLIANCE_FIX_CARD_EXPIRED: &str =
    "Saisissez la carte renouvelée, ou confiez à un autre agent les missions qui suivent l’expiration.";

pub fn compliance_company_without_authorisation(participant: &str) -> String {
    format!("{participant} (sécurité privée) n’a pas de numéro d’autorisation CNAPS.")
}
pub const COMPLIANCE_FIX_COMPANY_WITHOUT_AUTHORISATION: &str = "Saisissez le numéro d’autorisation d’exercer de \
l’entreprise (AUT-…) : sans autorisation, elle ne peut pas intervenir.";

pub fn compliance_no_service_d_ordre(people: u32, threshold: f64) -> String {
    let (people, threshold) = (compliance_number(f64::from(people)), compliance_number(threshold));
    format!(
        "Manifestation à but lucratif de {people} personnes, public et personnel compris (plus de {threshold}), sans \
         agent de l’organisateur ni de sécurité privée : le préfet peut exiger un service d’ordre."
    )
}
pub const COMPLIANCE_FIX_NO_SERVICE_D_ORDRE: &str = "Si la préfecture l’exige, prévoyez un service d’ordre \
(service interne de sécurité ou entreprise de sécurité privée) ; le concours des forces de l’État au-delà de leurs \
missions normales est remboursé par l’organisateur.";

pub fn compliance_declaration_due(people: u32, threshold: f64, deadline: &str) -> String {
    let (people, threshold) = (compliance_number(f64::from(people)), compliance_number(threshold));
    format!(
        "Manifestation à but lucratif de {people} personnes, public et personnel compris (plus de {threshold}) : \
         déclarez-la au maire au plus tard le {deadline}."
    )
}
pub const COMPLIANCE_FIX_DECLARATION_DUE: &str =
    "Déposez la déclaration auprès du maire au moins un mois avant la manifestation, avec les mesures de sécurité \
prévues.";
pub fn compliance_declaration_late(people: u32, threshold: f64, deadline: &str) -> String {
    let (people, threshold) = (compliance_number(f64::from(people)), compliance_number(threshold));
    format!(
        "Manifestation à but lucratif de {people} personnes, public et personnel compris (plus de {threshold}) : le \
         délai de déclaration au maire a expiré le {deadline}."
    )
}
pub fn compliance_declaration_filed_late(filed: &str, deadline: &str) -> String {
    format!(
        "La déclaration au maire a été déposée le {filed}, après le délai d’un mois (au plus tard le {deadline}) \
         prévu par R211-23, sauf urgence motivée."
    )
}
pub const COMPLIANCE_FIX_DECLARATION_FILED_LATE: &str =
    "Vérifiez auprès de la mairie que la déclaration tardive a été acceptée pour urgence motivée, et joignez sa \
réponse au dossier.";
pub const COMPLIANCE_FIX_DECLARATION_LATE: &str =
    "Vérifiez que la déclaration a bien été déposée auprès du maire ; sinon, prenez contact avec la mairie sans \
attendre.";

pub fn compliance_daily_work(agent: &str, worked: &str, from: &str, to: &str, max: &str) -> String {
    format!("{agent} travaille {worked} du {from} au {to}, sans repos suffisant entre-temps (au plus {max}).")
}
pub fn compliance_rest(agent: &str, from: &str, to: &str, rest: &str) -> String {
    format!("{agent} n’a pas {rest} de repos consécutif entre ses vacations du {from} au {to}.")
}
pub const COMPLIANCE_FIX_PUBLIC_SERVICE_WORKING_TIME: &str =
    "Répartissez les vacations entre plus d’agents, ou faites décider par le chef de service la dérogation pour \
circonstances exceptionnelles, pour une période limitée (décret n° 2000-815, art. 3 II b).";
pub fn compliance_municipal_outside_order(participant: &str, commune: &str, order: &str) -> String {
    format!(
        "{participant} (commune {commune}) est déployée hors de la durée ou des zones de l’{order} (L512-3 : pour \
         un délai déterminé)."
    )
}
pub fn compliance_l512_3_conditions(
    participant: &str,
    order: &str,
    lending: &str,
    lending_epci: Option<&str>,
    event_commune: &str,
    event_epci: Option<&str>,
) -> String {
    let epci = |name: Option<&str>| name.map_or_else(|| "intercommunalité inconnue".to_string(), str::to_string);
    format!(
        "{participant} (commune {lending}, {}) vient à {event_commune} ({}) au titre de l’article L512-3 \
         ({order}) : cet article ne vaut que pour des communes limitrophes ou d’une même agglomération, et pour \
         des missions de police administrative seulement.",
        epci(lending_epci),
        epci(event_epci)
    )
}
pub const COMPLIANCE_FIX_L512_3_CONDITIONS: &str =
    "Vérifiez que l’arrêté constate que les communes sont limitrophes ou d’une même agglomération et que les \
missions confiées relèvent de la police administrative.";
pub fn compliance_amplitude(agent: &str, from: &str, to: &str, max: &str) -> String {
    format!("La journée de travail de {agent} s’étend du {from} au {to} : amplitude de plus de {max}.")
}
pub fn compliance_no_long_rest(agent: &str, worked: &str, from: &str, to: &str, rest: &str, max: &str) -> String {
    format!("{agent} travaille {worked} du {from} au {to} sans repos de {rest} (au plus {max} de travail avant).")
}
pub fn compliance_weekly_work(agent: &str, worked: &str, monday: &str, max: &str) -> String {
    format!("{agent} travaille {worked} dans la semaine du lundi {monday} (au plus {max}).")
}
pub fn compliance_days_per_week(agent: &str, days: u32, monday: &str, max: f64) -> String {
    format!("{agent} travaille {days} jours dans la semaine du lundi {monday} (au plus {max}).")
}
pub fn compliance_short_shift(agent: &str, from: &str, to: &str, min: &str) -> String {
    format!("La vacation de {agent} du {from} au {to} dure moins de {min}.")
}
pub const COMPLIANCE_FIX_WORKING_TIME: &str = "Répartissez ces heures sur d’autres agents ou espacez les vacations.";
pub const COMPLIANCE_FIX_SHORT_SHIFT: &str = "Allongez la vacation ou regroupez-la avec une autre mission de l’agent.";

pub fn compliance_dps(ris: &str, tier: &str, required: u32, planned: u32) -> String {
    format!(
        "Ratio d’intervenants secouristes RIS = {ris} ({tier}) : {required} secouristes requis en permanence pendant \
         l’événement, {planned} prévus par une association agréée de sécurité civile au moment le plus faible."
    )
}
pub const COMPLIANCE_FIX_DPS: &str = "Faites appel à une association agréée de sécurité civile (seule habilitée à \
tenir un dispositif prévisionnel de secours, L725-3) pour un dispositif à la mesure du RIS ; des agents de sécurité \
secouristes ne le remplacent pas.";

pub fn compliance_stewards(planned: u32, suggested: u32, posts: usize, ratio: f64) -> String {
    let posts = match posts {
        0 => "aucun poste fixe".to_string(),
        1 => "1 poste fixe".to_string(),
        n => format!("{n} postes fixes"),
    };
    let ratio = compliance_number(ratio);
    format!(
        "Au plus {planned} agents de sécurité (organisateur et sécurité privée) présents en même temps, pour \
         {suggested} suggérés ({posts} et un agent pour {ratio} spectateurs)."
    )
}
pub const COMPLIANCE_FIX_STEWARDS: &str =
    "Renforcez l’effectif de sécurité, ou justifiez cet effectif dans l’évaluation partagée des risques.";

pub const COMPLIANCE_NO_COMMAND_POST: &str = "Le plan ne prévoit aucun poste de commandement.";
pub const COMPLIANCE_FIX_NO_COMMAND_POST: &str =
    "Ajoutez une zone de type « Poste de commandement » où les acteurs se coordonnent pendant l’événement.";

pub fn compliance_no_contact(participant: &str) -> String {
    format!("{participant} n’a pas de contact nommé.")
}
pub const COMPLIANCE_FIX_NO_CONTACT: &str =
    "Indiquez le nom et le téléphone d’un responsable joignable pendant toute la durée de l’événement.";

pub const COMPLIANCE_NO_ALERT_PROCEDURE: &str = "Le plan ne décrit pas de procédure d’alerte des acteurs de terrain.";
pub const COMPLIANCE_FIX_NO_ALERT_PROCEDURE: &str =
    "Décrivez qui alerte qui, et par quel moyen (radio, téléphone), en cas de risque imminent.";

pub fn compliance_convention_overlap(reference: &str) -> String {
    format!("La convention « {reference} » est en vigueur dans la commune pendant l’événement ; le document la cite.")
}
pub const COMPLIANCE_FIX_CONVENTION_OVERLAP: &str = "Rien à corriger : la convention de l’événement cite cette \
convention et n’en reprend pas le contenu (non-redondance voulue par la circulaire).";

// ===================================================================================== //
// Contrôles de conformité du plan (issue 7) — fin de section                           //
// ===================================================================================== //
// ─── Releases and calendar feeds (issue 4) ─────────────────────────────────────────────────
// Kept together at the end of the file on purpose: the release and iCal modules are written
// alongside other work on this file.

pub const RELEASE_COMMENT_TOO_LONG: &str = "Le commentaire de la version doit comporter au plus 1 000 caractères.";
pub const RELEASE_COMMENT_CONTROL_CHARS: &str = "Le commentaire de la version contient des caractères non autorisés.";
pub const RELEASE_NOT_AFTER_PREVIOUS: &str =
    "Une nouvelle version doit être publiée après la précédente : vérifiez l’horloge du serveur.";
pub const RELEASE_OTHER_EVENT: &str = "Cette version appartient à un autre événement.";
pub const RELEASE_LINE_NEW: &str = "Nouveau";
pub const RELEASE_LINE_MOVED: &str = "Déplacé";
pub const RELEASE_LINE_MODIFIED: &str = "Modifié";
pub const RELEASE_LINE_CANCELLED: &str = "Annulé";
pub const RELEASE_PART_TIME: &str = "horaires";
pub const RELEASE_PART_PLACE: &str = "lieu";
pub const RELEASE_PART_HEADCOUNT: &str = "effectif";
pub const RELEASE_PART_AGENTS: &str = "agents";
pub const RELEASE_PART_DETAILS: &str = "mission, radio ou diffusion modifiées";

/// "1 agent", "4 agents".
pub fn agents_count(n: u32) -> String {
    if n <= 1 {
        format!("{n} agent")
    } else {
        format!("{n} agents")
    }
}

pub const FEED_UNKNOWN_PARTICIPANT: &str = "Ce participant ne figure pas dans le plan publié.";
pub const FEED_UNKNOWN_AGENT: &str = "Cet agent ne figure pas dans le plan publié.";
pub const FEED_UNKNOWN_ZONE: &str = "Cette zone ne figure pas dans le plan publié.";
/// Put before the summary of a cancelled deployment, so that it reads on a lock screen.
pub const FEED_CANCELLED: &str = "Annulé";
pub const FEED_MISSION: &str = "Mission";
pub const FEED_PARTICIPANT: &str = "Participant";
pub const FEED_HEADCOUNT: &str = "Effectif";
pub const FEED_AGENTS: &str = "Agents";
pub const FEED_RADIO: &str = "Radio";
pub const FEED_COMMAND_POST: &str = "Poste de commandement";
pub const FEED_CONVENTION: &str = "Convention";
pub const FEED_RESTRICTED: &str = "Diffusion restreinte : forces de l’État et préfecture uniquement.";

/// The last line of a deployment's description: the plan version it comes from.
pub fn feed_version(release: &str, changed_in: &str) -> String {
    format!("Plan publié : version {release} (dernière modification de ce déploiement : {changed_in}).")
}

/// The line saying in which version a deployment was cancelled.
pub fn feed_cancelled_in(release: &str) -> String {
    format!("Déploiement annulé dans la version {release} du plan.")
}

/// The calendar's description.
pub fn feed_description(event: &str, release: &str) -> String {
    format!("Déploiements de « {event} », plan publié par Cordon en version {release}. Mis à jour toutes les heures.")
}
// ─── End of releases and calendar feeds ────────────────────────────────────────────────────

// ===================================================================================== //
// Publication : versions, abonnements aux calendriers (issue 4, intégration)              //
// ===================================================================================== //

pub const NEVER: &str = "Jamais";
pub const RELEASE_NOTHING_CHANGED: &str =
    "Aucun déploiement n’a changé depuis la dernière version : il n’y a rien de nouveau à publier.";
pub const RELEASE_PUBLISHED_MEANWHILE: &str =
    "Quelqu’un a publié une version entre-temps : rechargez la page, vérifiez les changements, puis publiez.";
pub const FEED_NOTHING_PUBLISHED: &str =
    "Aucune version n’est encore publiée : les calendriers suivent la dernière version publiée du dispositif.";
pub const FEED_TOO_MANY: &str =
    "Vous avez déjà 50 liens d’abonnement actifs pour cet événement : révoquez-en un d’abord.";
pub const FEED_WHOLE_EVENT: &str = "Tout l’événement";
pub const FEED_UNKNOWN: &str = "Ce lien d’abonnement n’existe pas ou a été révoqué.";

/// The feed of one participant.
pub fn feed_participant(name: &str) -> String {
    format!("Déploiements de {name}")
}

/// The feed of one named agent.
pub fn feed_agent(name: &str) -> String {
    format!("Vacations de {name}")
}

/// The feed of one zone (for a command post).
pub fn feed_zone(name: &str) -> String {
    format!("Zone {name}")
}

/// Subject of the e-mail telling a participant that a release changed its deployments.
pub fn release_subject(event: &str, number: &str) -> String {
    format!("{event} : dispositif publié en version {number}")
}

/// Body of that e-mail: the changes of the participant, one per line.
pub fn release_body(participant: &str, event: &str, number: &str, lines: &[String], link: &str) -> String {
    let changes: String = lines.iter().map(|l| format!("- {l}\n")).collect();
    format!(
        "Bonjour,\n\nL’organisateur de « {event} » a publié la version {number} du dispositif. \
         Les déploiements de {participant} ont changé :\n\n{changes}\n\
         Les calendriers abonnés se mettent à jour d’eux-mêmes. Le dispositif et ses versions :\n{link}\n\n— Cordon\n"
    )
}

// Règles de conformité d’un département (préfecture)
pub const RULE_REASON_REQUIRED: &str = "Indiquez la raison de ce changement : elle est conservée dans l’historique.";
pub const RULE_PARAMETERS_FORMAT: &str =
    "Paramètres invalides : écrivez nom=valeur, séparés par « ; » (par exemple seuil_spectateurs=300).";

// ===================================================================================== //
// Proposition automatique des vacations (issue 6) — début de section                   //
// ===================================================================================== //

pub fn schedule_error_format(found: &str) -> String {
    format!("Format « {found} » inconnu : un problème de planification porte « cordon-schedule-instance/2 ».")
}
pub fn schedule_error_time_zone(name: &str) -> String {
    format!("Fuseau horaire « {name} » inconnu.")
}
pub fn schedule_error_duplicate(id: &str) -> String {
    format!("L’identifiant « {id} » apparaît plusieurs fois.")
}
pub fn schedule_error_unknown_zone(id: &str) -> String {
    format!("La zone « {id} » n’existe pas.")
}
pub fn schedule_error_priority(need: &str) -> String {
    format!("Le besoin « {need} » doit avoir une priorité de 1 à 5.")
}
pub fn schedule_error_headcount(need: &str) -> String {
    format!(
        "Le besoin « {need} » doit demander au moins un agent, et ses minima de femmes et d’hommes doivent tenir \
         dans cet effectif."
    )
}
pub fn schedule_unknown_size(size: &str) -> String {
    format!("Taille « {size} » inconnue : village, fair, stadium ou city.")
}
pub const SCHEDULE_ERROR_PROFILE: &str =
    "Les limites de temps de travail sont incohérentes : la vacation minimale doit être positive et ne pas dépasser \
     la vacation maximale.";

pub const SCHEDULE_REASON_LEGAL_RULE: &str = "Aucun agent ne peut légalement tenir ce besoin : palpations sans base \
légale (ni accès à une enceinte de plus de 300 spectateurs sous le contrôle d’un officier de police judiciaire, ni \
arrêté L613-2, ni périmètre L226-1 couvrant ce lieu et ce moment), ou voie publique sans autorisation L613-1 pour \
les agents privés.";
pub const SCHEDULE_REASON_NO_QUALIFIED_AGENT: &str =
    "Aucun agent ne détient la qualification demandée (ou n’est du sexe que demandent les palpations).";
pub const SCHEDULE_REASON_CARD_EXPIRED: &str =
    "Les agents qualifiés n’ont pas de carte professionnelle CNAPS valable jusqu’à la fin de la vacation.";
pub const SCHEDULE_REASON_NOT_AVAILABLE: &str = "Aucun agent qualifié n’est disponible sur ce créneau.";
pub const SCHEDULE_REASON_ALL_BUSY: &str = "Tous les agents qualifiés et disponibles sont déjà affectés ailleurs.";
pub const SCHEDULE_REASON_WORKING_TIME: &str =
    "Des agents qualifiés sont libres, mais chaque vacation qui en placerait \
un ici enfreindrait une règle de temps de travail.";
pub const SCHEDULE_REASON_NOT_REACHED: &str = "Un agent qualifié, libre et disponible pouvait tenir ce créneau sans \
enfreindre aucune règle : la recherche s’est arrêtée, faute de temps, avant de l’y placer.";
/// A gap's reason followed by the rule that blocked the candidates (its sentence continued
/// after the colon, so starting in lower case).
pub fn schedule_reason_with_rule(reason: &str, rule: &str) -> String {
    let mut chars = rule.chars();
    let rule = chars.next().map(|first| first.to_lowercase().chain(chars).collect::<String>()).unwrap_or_default();
    format!("{reason} Règle en cause : {rule}")
}

// The sentences explaining a broken hard rule of a schedule (`domain::schedule::HardRule`).
pub const SCHEDULE_RULE_MALFORMED: &str =
    "La vacation cite un agent ou un besoin inconnu, ou finit avant de commencer.";
pub const SCHEDULE_RULE_QUALIFICATION: &str = "L’agent ne détient pas la qualification que demande le besoin.";
pub const SCHEDULE_RULE_OVERLAP: &str = "L’agent est affecté à deux endroits en même temps.";
pub const SCHEDULE_RULE_AVAILABILITY: &str = "La vacation sort des disponibilités de l’agent.";
pub const SCHEDULE_RULE_PUBLIC_ROAD: &str = "Un agent de sécurité privée ne travaille sur la voie publique qu’avec \
une autorisation préfectorale (L613-1) pour surveiller les biens gardés, ou en assistance dans un périmètre de \
protection (L226-1).";
pub const SCHEDULE_RULE_PAT_DOWN_BASIS: &str = "Palpations sans base légale : il faut l’accès à une enceinte de plus \
de 300 spectateurs sous le contrôle d’un officier de police judiciaire (L613-3), ou un arrêté préfectoral (L613-2) \
ou un périmètre de protection (L226-1) couvrant ce lieu et ce moment.";
pub const SCHEDULE_RULE_PAT_DOWN_SEX: &str = "Le poste de palpation n’admet pas cet agent à ce moment : poste réservé \
à l’autre sexe, ou homme placé avant que le minimum de femmes soit présent (la palpation est faite par une personne \
du même sexe que la personne palpée).";
pub const SCHEDULE_RULE_CARD: &str =
    "La carte professionnelle CNAPS de l’agent manque ou expire avant la fin de la vacation.";
pub const SCHEDULE_RULE_MAX_SHIFT: &str = "La vacation dépasse la durée maximale.";
pub const SCHEDULE_RULE_MIN_SHIFT: &str = "La vacation est plus courte que la durée minimale.";
pub const SCHEDULE_RULE_IDLE_TIME: &str =
    "La vacation déborde de la plage du besoin alors que le temps d’attente payé est exclu.";
pub const SCHEDULE_RULE_SPLIT_SHIFT: &str =
    "Deux vacations de l’agent sont plus rapprochées que ne le permettent les règles de coupure.";
pub const SCHEDULE_RULE_DAILY_WORK: &str = "Le travail de la journée dépasse le maximum quotidien.";
pub const SCHEDULE_RULE_REST: &str = "Le repos entre deux vacations est trop court.";
pub const SCHEDULE_RULE_WEEKLY_WORK: &str = "Le travail de la semaine dépasse le maximum hebdomadaire.";
pub const SCHEDULE_RULE_DAYS_PER_WEEK: &str = "L’agent travaille trop de jours dans la semaine.";

// ===================================================================================== //
// Proposition automatique des vacations (issue 6) — fin de section                     //
// ===================================================================================== //

// Proposer un planning (the scheduler in the planner).
pub const PROPOSAL_UNKNOWN_PARTICIPANT: &str = "Ce participant ne prend pas part à l’événement.";
pub const PROPOSAL_NOT_SCHEDULABLE: &str =
    "Seules les sociétés de sécurité privée et les polices municipales ont des agents à planifier.";
pub const PROPOSAL_NO_AGENTS: &str =
    "Ajoutez d’abord vos agents nommés (onglet Agents) : le planning se construit avec eux.";
pub const PROPOSAL_MISSION: &str = "Vacation proposée par le planificateur de Cordon et acceptée";
pub const PROPOSAL_STALE: &str =
    "Le plan a changé depuis cette proposition : relancez « Proposer un planning » pour en obtenir une à jour.";
pub const PROPOSAL_NOTHING_ACCEPTED: &str = "Cochez au moins un agent dont vous acceptez les changements.";

// ===================================================================================== //
// Convention d’événement et son approbation (issue 5) — début de section                //
// ===================================================================================== //

/// A number as French writes it, with at most three decimals (1.125 → "1,125",
/// 12000 → "12 000"): the référentiel's thresholds have three.
pub fn convention_number(value: f64) -> String {
    french_number(value, 3)
}

// Shared risk assessment
pub const RISK_ATTENDANCE_RANGE: &str =
    "L’effectif maximal simultané doit être compris entre 1 et 2 000 000 personnes.";
pub const RISK_RESPONSE_TIME_RANGE: &str =
    "Le délai d’intervention des secours s’exprime en minutes, 1 440 (une journée) au plus.";
pub fn risk_erp_unknown(code: &str) -> String {
    format!("Type d’ERP inconnu : « {code} ». Choisissez un type dans la liste (L, M, N, P, R, S, T, V, X, Y, PA, CTS, SG).")
}

// Sizing: references, refusals and the arithmetic shown in the convention
pub const SIZING_REFERENCE_DPS: &str = "Référentiel national relatif aux dispositifs prévisionnels de secours \
     (arrêté du 7 novembre 2006), grille d’évaluation des risques";
pub const SIZING_REFERENCE_DPS_MINIMUM: &str = "Référentiel national DPS (arrêté du 7 novembre 2006) : un DPS de \
     petite envergure compte au moins quatre intervenants secouristes (à vérifier localement)";
pub const SIZING_REFERENCE_STEWARDS: &str =
    "Usage professionnel : un agent par 250 à 300 spectateurs, selon le comportement du public (aucun ratio réglementaire)";
pub const SIZING_REASON_REQUIRED: &str =
    "Indiquez pourquoi le département modifie les coefficients de dimensionnement.";
pub fn sizing_invalid_value(key: &str) -> String {
    format!(
        "Coefficient « {key} » invalide : un nombre positif est attendu (au plus 1 pour P2, E1 et E2, un nombre entier \
         de secouristes, au moins 1 spectateur par agent)."
    )
}
pub fn sizing_thresholds_out_of_order(which: &str) -> String {
    format!("Les seuils {which} doivent être strictement croissants.")
}
pub fn sizing_public(attendance: f64, cap: f64, counted: f64) -> String {
    let (n, c, p) = (convention_number(attendance), convention_number(cap), convention_number(counted));
    if attendance > cap {
        format!(
            "Effectif pris en compte : P = {c} + ({n} − {c}) / 2 = {p} personnes (au-delà de {c} personnes, le public \
             supplémentaire compte pour moitié)."
        )
    } else {
        format!("Effectif pris en compte : P = {p} personnes (effectif maximal simultané).")
    }
}
pub fn sizing_index(p2: f64, e1: f64, e2: f64, minutes: u32) -> String {
    format!(
        "Indicateur de risque : i = P2 + E1 + E2 = {} + {} + {} = {} (secours publics à {minutes} min).",
        convention_number(p2),
        convention_number(e1),
        convention_number(e2),
        convention_number(p2 + e1 + e2)
    )
}
pub fn sizing_ris(index: f64, public: f64, ris: f64) -> String {
    format!(
        "Ratio d’intervenants secouristes : RIS = i × P / 1 000 = {} × {} / 1 000 = {}.",
        convention_number(index),
        convention_number(public),
        convention_number(ris)
    )
}
pub fn sizing_authority(ris: f64, minimum: f64) -> String {
    format!(
        "RIS = {} est inférieur à {} : le dispositif de secours relève de la décision de l’autorité de police.",
        convention_number(ris),
        convention_number(minimum)
    )
}
pub fn sizing_paps(ris: f64, maximum: f64, first_aiders: u32) -> String {
    format!(
        "RIS = {} ne dépasse pas {} : point d’alerte et de premiers secours, {first_aiders} secouristes.",
        convention_number(ris),
        convention_number(maximum)
    )
}
pub fn sizing_dps(ris: f64, category: &str, first_aiders: u32, minimum: f64) -> String {
    format!(
        "RIS = {} : {category}, {first_aiders} intervenants secouristes (RIS arrondi à l’unité supérieure, {} au \
         minimum).",
        convention_number(ris),
        convention_number(minimum)
    )
}
pub fn sizing_stewards(posts: u32, attendance: f64, ratio: f64, by_ratio: u32, total: u32) -> String {
    format!(
        "Agents de sécurité suggérés : {posts} postes fixes + {} / {} = {by_ratio} (arrondi à l’unité supérieure), soit \
         {total} agents.",
        convention_number(attendance),
        convention_number(ratio)
    )
}

// Approval workflow
/// The French verb phrase of a workflow action, by its stable code.
pub fn workflow_action(code: &str) -> &'static str {
    match code {
        "submit" => "déposer le dossier",
        "take_up" => "prendre le dossier en instruction",
        "request_corrections" => "demander des corrections",
        "approve" => "approuver le dossier",
        "refuse" => "refuser le dossier",
        "close" => "classer le dossier sans suite",
        "withdraw" => "retirer le dossier",
        "new_release" => "rattacher une nouvelle version du plan",
        "comment" => "commenter le dossier",
        "amend" => "amender la convention",
        _ => "agir sur le dossier",
    }
}
/// "de" before a phrase, elided before a vowel: "de déposer", "d’approuver".
fn de(phrase: &str) -> String {
    match phrase.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u' | 'é' | 'h') => format!("d’{phrase}"),
        _ => format!("de {phrase}"),
    }
}
pub fn workflow_forbidden(action: &str) -> String {
    format!("Votre rôle ne vous permet pas {}.", de(workflow_action(action)))
}
pub fn workflow_not_now(action: &str, status: &str) -> String {
    format!("Impossible {} : le dossier est à l’état « {status} ».", de(workflow_action(action)))
}
pub const WORKFLOW_MESSAGE_REQUIRED: &str = "Rédigez un message : il est transmis avec la décision.";
pub fn workflow_message_invalid(max: usize) -> String {
    format!("Le message doit comporter au plus {max} caractères, sans caractères de contrôle.")
}
pub const WORKFLOW_RELEASE_NOT_NEWER: &str = "Cette version du plan n’est pas plus récente que celle du dossier.";

// Opinions
pub const OPINION_DEADLINE_BEFORE_REQUEST: &str = "La date limite de l’avis doit suivre la date de la demande.";
pub const OPINION_BODY_NAME_REQUIRED: &str = "Précisez le nom du service consulté.";
pub const OPINION_COMMENT_REQUIRED: &str = "Un avis réservé ou défavorable doit être motivé : rédigez un commentaire.";
pub fn opinion_text_invalid(max: usize) -> String {
    format!("Le texte doit comporter au plus {max} caractères, sans caractères de contrôle.")
}
pub const OPINION_ALREADY_ANSWERED: &str = "Cet avis a déjà été rendu.";
pub const OPINION_ANSWER_BEFORE_REQUEST: &str = "Un avis ne peut pas être rendu avant d’avoir été demandé.";

// Deadlines
// The text each lead time comes from (typical values, varying by prefecture).
pub const DEADLINE_REF_GATHERING: &str =
    "CSI R211-22 et usage préfectoral : déclaration un mois au moins avant (deux dans de nombreuses préfectures)";
pub const DEADLINE_REF_SPORT: &str =
    "Code du sport (manifestations sportives sur la voie publique) et usage préfectoral : délais à vérifier localement";
pub const DEADLINE_REF_PUBLIC_BUILDING: &str =
    "Usage : un mois au moins avant l’utilisation exceptionnelle d’un bâtiment public";
pub const DEADLINE_REASON_REQUIRED: &str = "Indiquez pourquoi le département modifie ce délai.";
pub fn deadline_months_invalid(max: u32) -> String {
    format!("Un délai de dépôt compte au plus {max} mois.")
}
pub fn deadline_why(months: u32, case: &str) -> String {
    format!("{months} mois avant l’événement : {}", case.to_lowercase())
}
fn days(n: i64) -> String {
    if n.abs() <= 1 {
        format!("{n} jour")
    } else {
        format!("{n} jours")
    }
}
pub fn deadline_at_risk(date: &str, why: &str, days_left: i64) -> String {
    match days_left {
        0 => format!("Le dossier doit être déposé aujourd’hui au plus tard, le {date} ({why})."),
        n => format!("Le dossier doit être déposé au plus tard le {date} ({why}) : il reste {}.", days(n)),
    }
}
pub fn deadline_late(date: &str, why: &str, days_late: i64) -> String {
    format!(
        "Dépôt tardif : la date limite était le {date} ({why}), dépassée de {}. La préfecture pourra ne pas \
         instruire le dossier à temps.",
        days(days_late)
    )
}
pub fn deadline_filed_late(date: &str, why: &str, days_late: i64) -> String {
    format!("Dossier déposé avec {} de retard sur la date limite du {date} ({why}).", days(days_late))
}

// Audit trail
pub const AUDIT_FIRST_ENTRY_MISSING: &str = "le début de la chaîne manque";
pub const AUDIT_HASH_MISMATCH: &str = "son contenu ne correspond plus à son empreinte";
pub const AUDIT_BROKEN_LINK: &str =
    "elle ne suit pas l’empreinte de l’entrée précédente (l’une des deux a été réécrite)";
pub const AUDIT_ENTRY_MISSING: &str = "elle a été supprimée";
pub const AUDIT_OUT_OF_ORDER: &str = "elle n’est pas à sa place dans la chaîne";
pub const AUDIT_DUPLICATE: &str = "son numéro est répété";
pub fn audit_tampered(seq: u64, reason: &str) -> String {
    format!("Journal d’audit altéré à l’entrée n° {seq} : {reason}.")
}

// Conventions in force and the annual census
pub const CENSUS_END_BEFORE_START: &str = "La fin de la convention doit suivre son début.";
/// The recipient the circular names; the body has since been renamed, hence configurable.
pub const CENSUS_DEFAULT_RECIPIENT: &str = "Délégation aux coopérations de sécurité";
pub const CENSUS_RECIPIENT: &str = "Destinataire";
pub const CENSUS_YES: &str = "oui";
pub const CENSUS_NO: &str = "non";
pub const CENSUS_OPEN_ENDED: &str = "sans terme";
pub const CENSUS_COLUMNS: [&str; 7] =
    ["Commune (code INSEE)", "Type", "Référence", "Intitulé", "Signée le", "Début", "Fin"];
pub fn census_title(year: i32, department: &str) -> String {
    format!("Recensement des conventions de coopération de sécurité – année {year} – département {department}")
}
pub fn census_in_force_column(year: i32) -> String {
    format!("En vigueur au 31/12/{year}")
}
pub fn census_signed_column(year: i32) -> String {
    format!("Signée en {year}")
}

// ===================================================================================== //
// Convention d’événement et son approbation (issue 5) — fin de section                  //
// ===================================================================================== //

// The compliance panel of the plan page: whose findings they are.
pub fn compliance_title(whole_plan: bool) -> &'static str {
    if whole_plan {
        "Conformité du plan"
    } else {
        "Conformité de vos déploiements"
    }
}
pub fn compliance_none(whole_plan: bool) -> &'static str {
    if whole_plan {
        "Aucune anomalie : le plan respecte les règles vérifiées."
    } else {
        "Aucune anomalie dans vos déploiements : ils respectent les règles vérifiées."
    }
}
/// 18000 → "18 000": thousands apart as French typography writes them, with a narrow no-break
/// space (a line never breaks inside the number). Every figure Cordon prints in French — pages,
/// documents — goes through this one (the domain's documents too: `domain::document::wording`).
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{202f}');
        }
        out.push(c);
    }
    out
}

/// Under a long table: "Déploiements 101 à 200 sur 2 000", the rows on screen.
pub fn table_page(noun: &str, first: usize, last: usize, count: usize) -> String {
    let [first, last, count] = [first, last, count].map(|n| thousands(n as u64));
    format!("{noun} {first} à {last} sur {count}")
}
/// The name of a long table's page buttons, for a screen reader.
pub fn table_pages_label(noun: &str) -> String {
    format!("Pages du tableau : {}", noun.to_lowercase())
}
pub const TABLE_PREVIOUS: &str = "Page précédente";
pub const TABLE_NOUN_DEPLOYMENTS: &str = "Déploiements";
pub const TABLE_NOUN_NEEDS: &str = "Besoins";
pub const TABLE_NEXT: &str = "Page suivante";

/// Above the list of what publishing now would change.
pub fn changes_to_publish(count: usize) -> String {
    let n = thousands(count as u64);
    if count == 1 {
        "1 changement par rapport à la version publiée :".to_string()
    } else {
        format!("{n} changements par rapport à la version publiée :")
    }
}
/// The last line of a long list of changes to publish.
pub fn changes_not_listed(more: usize) -> String {
    let n = thousands(more as u64);
    if more == 1 {
        "… et 1 autre changement.".to_string()
    } else {
        format!("… et {n} autres changements.")
    }
}

/// The button under a rule's first findings on the plan page (issue 17).
pub fn compliance_more(hidden: usize, rule: &str) -> String {
    let n = thousands(hidden as u64);
    if hidden == 1 {
        format!("Afficher l’autre constat « {rule} »")
    } else {
        format!("Afficher les {n} autres constats « {rule} »")
    }
}
pub const COMPLIANCE_MORE_LOADING: &str = "Chargement des constats…";
pub const COMPLIANCE_OWN_SCOPE: &str = "Seuls les constats qui concernent vos déploiements et vos agents sont affichés ici ; ceux de l’ensemble du plan sont suivis par l’organisateur, les forces de l’État et la préfecture.";

// A calendar link just created.
pub const FEED_SHOWN_ONCE: &str = "Ce lien ne s’affiche qu’une fois : copiez-le dans votre agenda.";
/// Said only where the QR code is shown (a large screen).
pub const FEED_SCAN: &str = " Vous pouvez aussi scanner le code avec un téléphone.";
pub const FEED_WEBCAL: &str = "Apple Calendrier et autres agendas (webcal)";

// Plans moved between Cordons, and next year's edition.

/// A file's organisation given no number to recognise it by.
pub fn match_no_number(name: &str, expected: &str) -> String {
    format!(
        "« {name} » : le fichier n’indique pas {expected}, seul moyen de la reconnaître dans cette base \
         (un import ne crée jamais d’organisation)."
    )
}

/// No organisation of this database has the file's numbers.
pub fn match_none(name: &str, kind: &str, tried: &str) -> String {
    format!(
        "« {name} » ({kind}) : aucune organisation de cette base n’a {tried}. Un import ne crée jamais \
         d’organisation : faites-la créer (ou complétez son numéro), puis recommencez."
    )
}

/// Several organisations of this database share the file's number.
pub fn match_several(name: &str, number: &str, candidates: &str) -> String {
    format!(
        "« {name} » : plusieurs organisations de cette base ont {number} ({candidates}) ; l’import ne peut choisir."
    )
}

pub const IMPORT_NOT_ORGANISER_MEMBER: &str =
    "Vous n’êtes pas membre de l’organisation qui organise l’événement de ce plan : seul l’organisateur l’importe.";
pub const NEXT_EDITION_TITLE: &str = "Reconduire l’événement";
pub const NEXT_EDITION_HELP: &str = "Crée l’édition suivante à une nouvelle date : mêmes horaires locaux, zones, postes, besoins, participants et déploiements. Chaque participant confirme ensuite ses déploiements repris : seuls les déploiements confirmés sont publiés. Les arrêtés préfectoraux, la date de déclaration et les disponibilités des agents ne sont pas repris. Rien n’est envoyé aux participants avant votre publication.";
pub const NEXT_EDITION_START: &str = "Début de la nouvelle édition (heure locale de l’événement)";
pub const NEXT_EDITION_BUTTON: &str = "Créer l’édition suivante";

/// The banner of an edition made from an earlier one.
pub fn next_edition_note(source: &str) -> String {
    format!(
        "Cette édition reprend « {source} » : chaque participant confirme ses déploiements repris ; vérifiez les \
         arrêtés préfectoraux et les disponibilités des agents, puis publiez le plan pour l’envoyer aux participants."
    )
}

/// The plan page's notice to a participant whose deployments taken from the last edition
/// are still to confirm.
pub fn deployments_to_confirm(count: usize) -> String {
    if count == 1 {
        "Un de vos déploiements est repris de l’édition précédente et reste à confirmer : vérifiez-le \
         (le modifier le confirme aussi). Tant qu’il n’est pas confirmé, il n’est pas publié."
            .to_string()
    } else {
        format!(
            "{count} de vos déploiements sont repris de l’édition précédente et restent à confirmer : vérifiez-les \
             (en modifier un le confirme aussi). Tant qu’ils ne sont pas confirmés, ils ne sont pas publiés."
        )
    }
}
pub fn confirm_deployments_button(count: usize) -> String {
    if count == 1 {
        "Confirmer ce déploiement".to_string()
    } else {
        format!("Confirmer ces {count} déploiements")
    }
}
/// A participant's deployments still to confirm, on the organiser's publication block.
pub fn deployments_to_confirm_of(participant: &str, count: usize) -> String {
    if count == 1 {
        format!("{participant} : 1 déploiement à confirmer")
    } else {
        format!("{participant} : {count} déploiements à confirmer")
    }
}
pub const TO_CONFIRM_BADGE: &str = "à confirmer";
pub const SAVED_CONFIRMATION: &str = "Déploiements confirmés.";
pub const UNCONFIRMED_LEFT_OUT: &str = "Déploiements repris de l’édition précédente, pas encore confirmés par leur \
     participant : la publication les laisse de côté (ils n’apparaissent dans aucun agenda).";
pub const FIRST_RELEASE_CONTENTS: &str = "Ce que la première version publiera :";
pub const FIRST_RELEASE_EMPTY: &str =
    "Aucun déploiement à publier pour l’instant : la première version ne porterait que \
     l’événement.";
pub const NOTHING_TO_CONFIRM: &str = "Aucun de vos déploiements ne reste à confirmer.";
pub const STALE_CONFIRMATION: &str = "Quelqu’un a modifié l’un de ces déploiements entre-temps : rien n’a été \
     confirmé. Rechargez la page pour voir leurs valeurs actuelles.";

// The evaluation after the event (RETEX).
pub const EVALUATION_TITLE: &str = "Évaluation (retour d’expérience)";
pub const EVALUATION_HEADCOUNT_INVALID: &str = "Effectif invalide : un nombre entier d’agents, de 0 à 100 000.";
pub const EVALUATION_PART_EMPTY: &str =
    "Renseignez au moins l’effectif présent ou l’un des trois commentaires (incidents, difficultés, propositions).";
pub const EVALUATION_UPCOMING: &str = "à venir (après la fin de l’événement)";
pub const EVALUATION_CLOSED_ALREADY: &str = "L’évaluation est clôturée : elle ne peut plus être modifiée.";
pub const EVALUATION_NOT_YOURS: &str = "Vous ne pouvez pas modifier cette partie de l’évaluation.";
pub const EVALUATION_NOT_YET: &str = "L’évaluation s’ouvre à la fin de l’événement.";
pub const EVALUATION_CLOSE_NEEDS_ASSESSMENT: &str = "Rédigez le bilan de la préfecture avant de clôturer l’évaluation.";
pub const EVALUATION_DEADLINE_INVALID: &str = "Date invalide : choisissez le jour de l’échéance.";
pub const EVALUATION_PART_SAVED: &str = "Votre contribution est enregistrée.";
pub const EVALUATION_ASSESSMENT_SAVED: &str = "Bilan enregistré.";
pub const EVALUATION_DEADLINE_SAVED: &str = "Échéance enregistrée.";
pub const EVALUATION_CLOSED_DONE: &str = "Évaluation clôturée.";
pub const REGISTRY_OTHER_EVALUATIONS: &str =
    "Évaluations des événements terminés dont la convention n’est pas au registre (non approuvée ou jamais déposée)";
pub const EVALUATION_CSV_COLUMN: &str = "Évaluation de l’événement";

pub fn evaluation_open(deadline: &str) -> String {
    format!("en cours (contributions attendues au plus tard le {deadline})")
}
pub fn evaluation_late(deadline: &str) -> String {
    format!("en retard (échéance du {deadline} dépassée)")
}
pub fn evaluation_closed(day: &str) -> String {
    format!("clôturée le {day}")
}

/// The reminder sent to a participant's members whose part is missing.
pub fn evaluation_reminder_subject(event: &str) -> String {
    format!("Évaluation de « {event} » : votre contribution est attendue")
}
pub fn evaluation_reminder_body(participant: &str, event: &str, deadline: &str, link: &str) -> String {
    format!(
        "Bonjour,\n\nLa préfecture attend la contribution de {participant} à l’évaluation de « {event} » au plus \
         tard le {deadline} : effectif présent au regard de l’effectif prévu, incidents, difficultés et \
         propositions.\n\nPour la renseigner :\n{link}\n\n\
         Ce rappel n’est envoyé qu’une fois, quelques jours avant l’échéance.\n\n\
         — Cordon\n"
    )
}
pub const EVALUATION_STALE: &str =
    "Quelqu’un a enregistré cette partie de l’évaluation entre-temps : rien n’a été écrasé. Rechargez la page pour lire sa version.";
pub const EVALUATION_INTRO: &str = "Axe 5 de la convention : chaque participant compare ce que prévoyait le plan publié à ce qui s’est passé, avant l’échéance fixée par la préfecture ; l’organisateur et la préfecture rédigent le bilan d’ensemble, puis la préfecture clôt l’évaluation. Les contributions sont lues par toutes les parties, celles des forces de l’État par les forces de l’État et la préfecture seulement.";
pub const EVALUATION_MISSING: &str = "Contribution attendue";
pub const EVALUATION_RESTRICTED_OR_MISSING: &str = "Réservée aux forces de l’État et à la préfecture";
pub const EVALUATION_PART_BUTTON: &str = "Enregistrer ma contribution";
pub const EVALUATION_ASSESSMENT_BUTTON: &str = "Enregistrer le bilan";
pub const EVALUATION_NOT_WRITTEN: &str = "Pas encore rédigé.";
pub const EVALUATION_CLOSE_HELP: &str = "Une fois clôturée, l’évaluation ne peut plus être modifiée ; son état figure au registre des conventions et au recensement annuel.";
pub const EVALUATION_LINK: &str = "Évaluation";

#[cfg(test)]
mod thousands_tests {
    use super::thousands;

    #[test]
    fn figures_read_with_french_thousands_separators() {
        assert_eq!(thousands(18_000), "18\u{202f}000");
        assert_eq!(thousands(1_500_000), "1\u{202f}500\u{202f}000");
        assert_eq!(thousands(1_234_567), "1\u{202f}234\u{202f}567");
        assert_eq!((thousands(300), thousands(0)), ("300".into(), "0".into()));
    }
}
