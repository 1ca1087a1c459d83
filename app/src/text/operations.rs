//! French strings of the day of the event: the log (main courante) and the « Opérations » page.

// Categories and severities of an entry
pub const LOG_CATEGORY_INCIDENT: &str = "Incident";
pub const LOG_CATEGORY_INFORMATION: &str = "Information";
pub const LOG_CATEGORY_REINFORCEMENT: &str = "Demande de renfort";
pub const LOG_CATEGORY_RESCUE: &str = "Secours";
pub const LOG_CATEGORY_CLOSED: &str = "Fin d’incident";
pub const LOG_SEVERITY_LOW: &str = "Faible";
pub const LOG_SEVERITY_MEDIUM: &str = "Moyenne";
pub const LOG_SEVERITY_HIGH: &str = "Élevée";
pub const LOG_SEVERITY_CRITICAL: &str = "Critique";
pub const LOG_REGISTER_SHARED: &str = "Tous les participants";
pub const LOG_REGISTER_RESTRICTED: &str = "Forces de l’État et préfecture seulement";

// Refusals
pub const LOG_ZONE_UNKNOWN: &str = "Zone inconnue : choisissez une zone de l’événement, ou aucune.";
pub const LOG_CATEGORY_INVALID: &str = "Choisissez une catégorie.";
pub const LOG_SEVERITY_INVALID: &str = "Choisissez une gravité.";
pub const LOG_REGISTER_INVALID: &str = "Choisissez qui peut lire l’entrée.";
pub const LOG_TEXT_EMPTY: &str = "Écrivez ce qui s’est passé.";
pub const LOG_CORRECTS_UNKNOWN: &str =
    "Entrée à corriger inconnue : indiquez le numéro d’une entrée de la main courante (12, ou E-3).";
pub const LOG_REGISTER_STATE_ONLY: &str =
    "Seules les forces de l’État et la préfecture écrivent dans leur registre restreint.";
pub const LOG_CORRECTION_STAYS_RESTRICTED: &str =
    "La correction d’une entrée réservée aux forces de l’État reste réservée aux forces de l’État.";

/// The log is closed at this instant.
pub fn log_closed(opens: &str, closes: &str) -> String {
    format!("La main courante est ouverte de la mise en place au démontage : du {opens} au {closes}.")
}

// The page
pub const OPERATIONS_TITLE: &str = "Opérations";
pub const OPERATIONS_LINK: &str = "Opérations (main courante)";
pub const LOG_TITLE: &str = "Main courante";
pub const LOG_NEW: &str = "Nouvelle entrée";
pub const LOG_WRITE: &str = "Inscrire";
pub const LOG_WRITTEN: &str = "Entrée inscrite à la main courante.";
pub const LOG_EMPTY: &str = "Aucune entrée pour l’instant.";
pub const LOG_NONE_MATCH: &str = "Aucune entrée ne correspond aux filtres.";
pub const LOG_FIELD_ZONE: &str = "Zone";
pub const LOG_FIELD_CATEGORY: &str = "Catégorie";
pub const LOG_FIELD_SEVERITY: &str = "Gravité";
pub const LOG_FIELD_REGISTER: &str = "Lecteurs";
pub const LOG_FIELD_TEXT: &str = "Texte";
pub const LOG_FIELD_CORRECTS: &str = "Corrige l’entrée n°";
pub const LOG_CORRECTS_HINT: &str =
    "Laisser vide pour une nouvelle entrée ; sinon son numéro : 12, ou E-3 au registre de l’État.";
pub const LOG_NO_ZONE: &str = "— Aucune zone —";
pub const LOG_ALL_ZONES: &str = "Toutes les zones";
pub const LOG_ALL_SEVERITIES: &str = "Toutes les gravités";
pub const LOG_FILTER_ZONE: &str = "Filtrer par zone";
pub const LOG_FILTER_SEVERITY: &str = "Filtrer par gravité";
pub const LOG_RESTRICTED_BADGE: &str = "État";
pub const LOG_CORRECTS: &str = "corrige l’entrée";
pub const LOG_EXPORT_CSV: &str = "Télécharger la main courante (CSV)";
pub const LOG_LIVE: &str = "En direct : les nouvelles entrées s’affichent d’elles-mêmes.";
pub const LOG_HEADER_CSV: &str = "reference;heure;auteur;organisation;zone;categorie;gravite;lecteurs;texte;corrige";
/// The PDF's columns.
pub const LOG_PDF_HEADER: [&str; 8] = ["N°", "Heure", "Auteur", "Zone", "Catégorie", "Gravité", "Texte", "Lecteurs"];
pub const LOG_PDF: &str = "Télécharger la main courante (PDF)";
pub const LOG_PDF_FAILED: &str = "La main courante n’a pas pu être mise en PDF ; réessayez, ou téléchargez-la en CSV.";
/// Who the PDF is printed for, when, and how many entries it holds.
pub fn log_printed_for(reader: &str, at: &str, count: usize) -> String {
    let entries = match count {
        0 => "aucune entrée".to_string(),
        1 => "1 entrée".to_string(),
        n => format!("{n} entrées"),
    };
    format!(
        "Édition pour {reader}, le {at} : {entries}, dans la vue de ce lecteur (les entrées qu’il ne peut pas lire n’y          figurent pas)."
    )
}
/// Before the text of a correction.
pub fn log_correction_of(reference: &str) -> String {
    format!("Corrige {reference} :")
}

/// « La main courante s'ouvre le … » before the set-up.
pub fn log_opens(at: &str) -> String {
    format!("La main courante s’ouvrira au début de la mise en place, le {at}.")
}

/// « La main courante est close depuis le … » after the tear-down.
pub fn log_closed_since(at: &str) -> String {
    format!("La main courante est close depuis la fin du démontage, le {at}. Elle reste consultable et exportable.")
}

pub const LOG_BUSY: &str = "La main courante reçoit beaucoup d’entrées en ce moment : inscrivez la vôtre à nouveau.";
