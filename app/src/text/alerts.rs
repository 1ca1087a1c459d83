//! French strings of the day's alerts and of an account's mobile number.

// Targets
pub const ALERT_TARGET_EVERYONE: &str = "Tous les participants";
pub const ALERT_TARGET_STATE: &str = "Forces de l’État et préfecture seulement";
/// « Zone Entrée Nord ».
pub fn alert_target_zone(zone: &str) -> String {
    format!("Zone {zone}")
}
pub const ALERT_TARGET_ZONES: &str = "Les participants déployés sur une zone";
pub const ALERT_TARGET_PARTICIPANTS: &str = "Un participant";

// Refusals
pub const ALERT_TARGET_INVALID: &str = "Choisissez à qui envoyer l’alerte : une zone, un participant, ou tous.";
pub const ALERT_TEXT_EMPTY: &str = "Écrivez le message de l’alerte.";
pub const ALERT_CLOSED: &str =
    "Les alertes s’envoient pendant les opérations, de la mise en place à la fin du démontage.";
pub const ALERT_STATE_ONLY: &str =
    "Seules les forces de l’État et la préfecture envoient une alerte réservée aux forces de l’État.";
pub const ALERT_NO_RECIPIENT: &str =
    "Personne ne recevrait cette alerte : aucun autre participant n’est déployé sur cette zone ou ne correspond.";
pub const ALERT_NOT_ADDRESSED: &str = "Cette alerte ne vous est pas adressée.";
pub const ALERT_BUSY: &str = "Beaucoup d’alertes partent en ce moment : envoyez la vôtre à nouveau.";

// The page
pub const ALERTS_OPEN_TITLE: &str = "Alertes en cours";
pub const ALERTS_NONE_OPEN: &str = "Aucune alerte en attente de votre accusé de réception.";
pub const ALERT_ACKNOWLEDGE: &str = "Accuser réception";
pub const ALERT_SEND_TITLE: &str = "Envoyer une alerte";
pub const ALERT_SEND_INTRO: &str =
    "L’alerte s’affiche aussitôt sur la page « Opérations » des destinataires, et part par courriel et par SMS à leurs membres.";
pub const ALERT_FIELD_TARGET: &str = "Destinataires";
pub const ALERT_FIELD_SEVERITY: &str = "Gravité";
pub const ALERT_FIELD_TEXT: &str = "Message";
pub const ALERT_TEXT_HINT: &str = "480 caractères au plus : il part aussi par SMS.";
pub const ALERT_SEND: &str = "Envoyer l’alerte";
pub const ALERTS_SENT_TITLE: &str = "Alertes envoyées et accusés de réception";
pub const ALERTS_NONE_SENT: &str = "Aucune alerte envoyée pour l’instant.";
pub const ALERT_WAITING: &str = "en attente";

/// « Alerte de Commissariat — Zone Entrée Nord ».
pub fn alert_from(sender: &str, target: &str) -> String {
    format!("Alerte de {sender} — {target}")
}
/// « Reçu par Julie Martin le sam. 20/06 19:05 ».
pub fn alert_acknowledged_by(name: &str, at: &str) -> String {
    format!("Reçu par {name}, {at}")
}
/// « 2 destinataires sur 3 ont accusé réception » (« 0 destinataire sur 3 a … » in French).
pub fn alert_ack_count(done: usize, total: usize) -> String {
    if done <= 1 {
        format!("{done} destinataire sur {total} a accusé réception")
    } else {
        format!("{done} destinataires sur {total} ont accusé réception")
    }
}

// E-mail and SMS
pub fn alert_subject(severity: &str, event: &str) -> String {
    format!("Alerte ({severity}) — {event}")
}
pub fn alert_body(recipient: &str, sender: &str, event: &str, target: &str, text: &str, link: &str) -> String {
    format!(
        "Bonjour,\n\n{sender} envoie une alerte à {recipient} ({target}) pendant « {event} » :\n\n{text}\n\n\
         Accusez-en réception sur la page « Opérations » :\n{link}\n\n— Cordon\n"
    )
}
/// The SMS: short, the sender first.
pub fn alert_sms(severity: &str, sender: &str, text: &str) -> String {
    format!("Cordon — alerte {severity} de {sender} : {text}")
}

// Mobile number (« Mon compte »)
pub const MOBILE_INVALID: &str =
    "Numéro de mobile invalide : indiquez un mobile français, par exemple 06 12 34 56 78 ou +33 6 12 34 56 78.";
pub const MOBILE_TITLE: &str = "Numéro de mobile";
pub const MOBILE_INTRO: &str =
    "Facultatif : les alertes du jour de l’événement vous parviennent aussi par SMS. Laissez vide pour ne pas en recevoir.";
pub const MOBILE_LABEL: &str = "Mobile";
pub const MOBILE_HINT: &str = "Un mobile français : 06 12 34 56 78 ou +33 6 12 34 56 78.";
pub const MOBILE_SAVE: &str = "Enregistrer le numéro";
pub const MOBILE_SAVED: &str = "Numéro de mobile enregistré.";
pub const MOBILE_REMOVED: &str = "Numéro de mobile retiré : vous ne recevrez plus d’alerte par SMS.";

// Closing and withdrawing an alert
pub const ALERT_CLOSE: &str = "Clore l’alerte";
pub const ALERT_WITHDRAW: &str = "Retirer";
pub const ALERT_WITHDRAW_HINT: &str = "Envoyée par erreur : vous seul pouvez la retirer.";
pub const ALERT_CLOSING_INVALID: &str = "Choisissez de clore ou de retirer l’alerte.";
pub const ALERT_NOT_SENDER: &str =
    "Seule la personne qui a envoyé cette alerte peut la retirer ; le poste de commandement peut la clore.";
pub const ALERT_CLOSED_NO_ACK: &str = "Cette alerte est close : il n’y a plus à en accuser réception.";
/// « Cette alerte a déjà été close par Julie Martin (Préfecture), sam. 20/06 19:40. »
pub fn alert_already_closed(by: &str, at: &str) -> String {
    format!("Cette alerte a déjà été close par {by}, {at}.")
}
pub fn alert_already_withdrawn(by: &str, at: &str) -> String {
    format!("Cette alerte a déjà été retirée par {by}, {at}.")
}
/// « Alerte close par Julie Martin (Préfecture) ».
pub fn alert_closed_by(by: &str) -> String {
    format!("Alerte close par {by}")
}
pub fn alert_withdrawn_by(by: &str) -> String {
    format!("Alerte retirée par {by}")
}
/// The closed alerts' list, folded: « Alertes closes (2) ».
pub fn alerts_closed_title(count: usize) -> String {
    format!("Alertes closes ({count})")
}

// Alerts in the log's exports (CSV and PDF)
/// « Alerte n° 3 », « Alerte E-1 ».
pub fn alert_reference(label: &str) -> String {
    format!("Alerte {label}")
}
pub const ALERT_EXPORT_SENT: &str = "Alerte";
pub const ALERT_EXPORT_ACKNOWLEDGED: &str = "Accusé de réception";
pub const ALERT_EXPORT_CLOSED: &str = "Alerte close";
pub const ALERT_EXPORT_WITHDRAWN: &str = "Alerte retirée";
/// « Destinataires : Zone Entrée Nord. Bousculade… ».
pub fn alert_export_text(target: &str, text: &str) -> String {
    format!("Destinataires : {target}. {text}")
}
/// « Reçue par Provence Sécurité Événements ».
pub fn alert_export_acknowledged(recipient: &str) -> String {
    format!("Reçue par {recipient}")
}
