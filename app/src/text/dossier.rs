//! The convention file's page, its e-mails and its command-line reports.

pub const DOSSIER_TITLE: &str = "Convention et instruction";
pub const DOSSIER_NOTHING_PUBLISHED: &str =
    "Aucune version du plan n’est publiée : publiez le dispositif pour constituer le dossier de convention.";
pub const DOSSIER_NO_FILE_YET: &str = "Le dossier n’a pas encore été déposé.";
pub const DOSSIER_MESSAGE: &str = "Message";
pub const DOSSIER_SEND_MESSAGE: &str = "Envoyer le message";
pub const DOSSIER_THREAD: &str = "Échanges et historique du dossier";
pub const DOSSIER_THREAD_EMPTY: &str = "Aucun échange pour l’instant.";
pub const DOSSIER_PREVIEW: &str = "Projet de convention (PDF)";
pub const DOSSIER_APPROVED_PDFS: &str = "Conventions approuvées";
pub const DOSSIER_CHAIN_BROKEN: &str =
    "Le journal d’audit de ce dossier est altéré : signalez-le à l’administrateur de Cordon.";
pub const DOSSIER_CHANGED_MEANWHILE: &str =
    "Le dossier a changé entre-temps (une autre personne a agi) : la page est rechargée, vérifiez son état.";
pub const DOSSIER_PDF_FAILED: &str =
    "La convention n’a pas pu être produite : réessayez ou contactez l’administrateur.";
pub const DOSSIER_REQUIRED_MESSAGE_HINT: &str = "Obligatoire pour cette décision ; transmis par courriel.";

/// The button of an action, by its stable code.
pub fn dossier_button(code: &str) -> &'static str {
    match code {
        "submit" => "Déposer le dossier",
        "take_up" => "Prendre en instruction",
        "request_corrections" => "Demander des corrections",
        "approve" => "Approuver la convention",
        "refuse" => "Refuser",
        "close" => "Classer sans suite",
        "withdraw" => "Retirer le dossier",
        _ => "Valider",
    }
}

/// What a thread line says happened, by the audit entry's kind.
pub fn dossier_event(kind: &str) -> &'static str {
    match kind {
        "transition.submit" => "Dossier déposé",
        "transition.take_up" => "Dossier pris en instruction",
        "transition.request_corrections" => "Corrections demandées",
        "transition.approve" => "Convention approuvée",
        "transition.refuse" => "Dossier refusé",
        "transition.close" => "Dossier classé sans suite",
        "transition.withdraw" => "Dossier retiré par l’organisateur",
        "transition.new_release" => "Nouvelle version du plan rattachée au dossier",
        "comment" => "Message",
        "opinion.request" => "Avis demandé",
        "inputs.risk" => "Évaluation des risques mise à jour",
        "inputs.amendment" => "Amendement ajouté",
        "inputs.amendment_removed" => "Amendement retiré",
        "inputs.attachment" => "Pièce jointe au dossier",
        "inputs.attachment_removed" => "Pièce retirée du dossier",
        "opinion.answer" => "Avis rendu",
        _ => "Événement du dossier",
    }
}

pub fn dossier_release(number: u32) -> String {
    format!("Version v{number} du plan")
}
pub fn dossier_newer_release(filed: u32, latest: u32) -> String {
    format!(
        "Le dossier porte sur la version v{filed} ; la version v{latest} a été publiée depuis. Elle sera rattachée \
         au dossier quand celui-ci reviendra à l’organisateur (corrections demandées), après l’approbation ou \
         après un retrait."
    )
}
pub fn dossier_due(date: &str, why: &str) -> String {
    format!("Date limite de dépôt : {date} ({why}).")
}
pub fn dossier_cycle(cycle: u32) -> String {
    format!("Cycle d’approbation n° {cycle}")
}
pub fn dossier_approved_line(cycle: u32, release: u32, date: &str, by: &str) -> String {
    format!("Cycle {cycle} — version v{release} — approuvée le {date} par {by}")
}
/// The capacity stamped on an approved convention: « par délégation » only with a recorded
/// délégation de signature; otherwise the approval is the instruction's, the prefect signs.
pub fn approver_role(prefecture: &str, delegation: Option<&str>) -> String {
    match delegation {
        Some(citation) => format!("Pour le préfet et par délégation ({citation}) — {prefecture}"),
        None => format!(
            "{prefecture} — approbation de l’instruction, sans délégation de signature enregistrée : signature du \
             préfet à apposer"
        ),
    }
}
pub fn dossier_mail_subject(event: &str, status: &str) -> String {
    format!("{event} : dossier de convention « {status} »")
}
pub fn dossier_mail_body(event: &str, status: &str, by: &str, message: Option<&str>, link: &str) -> String {
    let message = message.map(|m| format!("\nMessage :\n{m}\n")).unwrap_or_default();
    format!(
        "Bonjour,\n\nLe dossier de convention de « {event} » passe à l’état « {status} ».\nAuteur : {by}\n{message}\n\
         Le dossier, ses échanges et la convention :\n{link}\n\n— Cordon\n"
    )
}
pub fn audit_chain_ok(chain: &str, entries: usize) -> String {
    format!("{chain} : intact ({entries} entrées)")
}
pub fn audit_chain_bad(chain: &str, problem: &str) -> String {
    format!("{chain} : {problem}")
}
pub fn audit_summary(chains: usize, bad: usize) -> String {
    if bad == 0 {
        format!("Journal d’audit intact : {chains} chaîne(s) vérifiée(s).")
    } else {
        format!("Journal d’audit altéré : {bad} chaîne(s) sur {chains}.")
    }
}
pub const CENSUS_DEPARTMENT_INVALID: &str = "département inconnu (un code comme 13, 2A ou 974)";
pub const CENSUS_YEAR_INVALID: &str = "année hors de la période couverte (2000 à 2100)";
pub const DOSSIER_NOT_FILED: &str = "Non déposée";
pub const DUE_AT_RISK: &str = "À risque";
pub const DUE_LATE: &str = "En retard";
pub const DUE_FILED_LATE: &str = "Déposée en retard";
pub const OPINIONS_TITLE: &str = "Avis des services";
pub fn opinion_target_maire(commune: &str) -> String {
    format!("Maire de {commune} (réponse consignée par la préfecture)")
}
pub const OPINION_NONE_RECEIVED: &str = "Aucun avis n’a encore été reçu (forces de l’État, police municipale, maire, \
SDIS) : vous pouvez approuver, mais la convention le sera sans avis des services consultés.";
pub const OPINION_TARGET_SDIS: &str = "SDIS (réponse consignée par la préfecture)";
pub const OPINION_TARGET_OTHER: &str = "Autre service (réponse consignée par la préfecture)";
pub const OPINION_PENDING: &str = "En attente";
pub const OPINION_ANSWERED: &str = "Rendu";
pub const OPINION_ANSWERED_LATE: &str = "Rendu après la date limite";
pub const OPINION_OVERDUE: &str = "En retard";
pub const OPINION_INSTRUCTOR_ONLY: &str = "Seul le service instructeur de la préfecture demande des avis.";
pub const OPINION_NOT_NOW: &str = "Des avis se demandent sur un dossier déposé, tant qu’il n’est pas décidé.";
pub const OPINION_NOT_YOURS: &str = "Cet avis est demandé à un autre service.";
pub const OPINION_ASK: &str = "Demander l’avis";
pub const OPINION_GIVE: &str = "Rendre l’avis";
pub const OPINIONS_NONE: &str = "Aucun avis demandé.";
pub fn opinion_requested_line(body: &str, question: &str, deadline: &str) -> String {
    format!("Avis demandé à {body} pour le {deadline} : {question}")
}
pub fn opinion_answered_line(body: &str, verdict: &str, comment: &str) -> String {
    if comment.is_empty() {
        format!("Avis de {body} : {verdict}.")
    } else {
        format!("Avis de {body} : {verdict}. {comment}")
    }
}
pub fn opinion_mail_subject(event: &str) -> String {
    format!("{event} : la préfecture demande votre avis")
}
pub fn opinion_mail_body(event: &str, by: &str, question: &str, deadline: &str, link: &str) -> String {
    format!(
        "Bonjour,\n\n{by} demande l’avis de votre service sur la convention de « {event} », avant le {deadline} :\n\n\
         {question}\n\nDonnez votre avis (favorable, réservé ou défavorable) sur la page du dossier :\n{link}\n\n— Cordon\n"
    )
}
pub const REGISTRY_TITLE: &str = "Conventions en vigueur et recensement annuel";
pub const REGISTRY_OTHER_DEPARTMENT: &str = "Cette commune n’est pas dans votre département.";
pub const REGISTRY_EMPTY: &str = "Aucune convention enregistrée pour le département.";
pub const RISK_TITLE: &str = "Évaluation partagée des risques";
pub const RISK_LINE_PERIMETER: &str = "Un périmètre de protection est institué par arrêté préfectoral (CSI L226-1).";
pub const RISK_LINE_FIRST_AIDERS: &str = "Secouristes :";
pub const RISK_LINE_STEWARDS: &str = "Agents de sécurité et stewards :";
pub const RISK_SAVED: &str = "Évaluation enregistrée ; la convention et le dimensionnement en tiennent compte.";
pub const RISK_NOT_FILLED: &str = "L’évaluation partagée des risques n’est pas encore renseignée par l’organisateur.";
pub const INPUTS_FROZEN: &str =
    "Le dossier est entre les mains de la préfecture : l’organisateur ne modifie la convention qu’en brouillon ou quand des corrections sont demandées.";
pub const AMENDMENTS_TITLE: &str = "Amendements aux articles";
pub const AMENDMENTS_NONE: &str = "Aucun amendement.";
pub const AMENDMENT_TEXT_REQUIRED: &str = "Rédigez le texte de l’amendement.";
pub const AMENDMENTS_TOO_MANY: &str = "Le dossier compte déjà 50 amendements : retirez-en avant d’en ajouter.";
// Attachments of the file (prefect's orders, site plan, insurance certificate…).
pub const ATTACHMENTS_TITLE: &str = "Pièces jointes";
pub const ATTACHMENTS_NONE: &str = "Aucune pièce jointe.";
pub const ATTACHMENTS_HINT: &str = "Arrêtés, plan du site, attestation d’assurance : les pièces sont jointes au dossier et listées, avec leur empreinte, en annexe de la convention.";
pub const ATTACHMENT_KIND: &str = "Nature de la pièce";
pub const ATTACHMENT_FILE: &str = "Fichier";
pub const ATTACHMENT_ADD: &str = "Joindre la pièce";
pub const ATTACHMENT_ADDED: &str = "Pièce jointe au dossier.";
pub const ATTACHMENT_REMOVED: &str = "Pièce retirée du dossier.";
pub const ATTACHMENT_REMOVE: &str = "Retirer";
pub const ATTACHMENT_EMPTY: &str = "Choisissez un fichier (le fichier envoyé est vide).";
pub const ATTACHMENT_FORMAT: &str = "Ce fichier n’est ni un PDF, ni une image PNG ou JPEG.";
pub const ATTACHMENT_UNREADABLE: &str = "L’envoi n’a pas pu être lu : choisissez le fichier et envoyez-le de nouveau.";
pub fn attachment_file_hint(mebibytes: usize) -> String {
    format!("PDF, PNG ou JPEG, {mebibytes} Mo au plus.")
}
pub fn attachment_too_large(mebibytes: usize) -> String {
    format!("Ce fichier dépasse {mebibytes} Mo : réduisez-le (PDF compressé, image moins définie).")
}
pub fn attachments_too_many(max: usize) -> String {
    format!("Le dossier compte déjà {max} pièces jointes : retirez-en avant d’en joindre une autre.")
}
pub fn attachment_line(kind: &str, name: &str, size: &str) -> String {
    format!("{kind} — {name} ({size})")
}
pub fn filing_attachments(count: usize) -> String {
    match count {
        0 => "Pièces jointes (facultatives) : aucune ; joignez les arrêtés, le plan du site ou l’attestation d’assurance s’il y a lieu.".into(),
        n => format!("Pièces jointes : {n}."),
    }
}
/// `attendance` written as the sizing lines beside it write numbers ("18 000").
pub fn risk_line_public(attendance: &str, behaviour: &str) -> String {
    format!(
        "Effectif maximal simultané attendu : {attendance} personnes ; comportement du public : {}.",
        behaviour.to_lowercase()
    )
}
pub fn risk_line_site(site: &str, minutes: u32) -> String {
    format!("Site : {} ; délai d’intervention des secours publics : {minutes} min.", site.to_lowercase())
}
pub fn risk_line_context(alcohol: bool, night: bool, threat: &str) -> String {
    let alcohol = if alcohol { "avec vente ou consommation d’alcool" } else { "sans alcool" };
    let night = if night { "de nuit" } else { "de jour" };
    format!("Contexte : événement {alcohol}, {night} ; niveau de menace : {}.", threat.to_lowercase())
}
pub fn risk_line_threat_notes(notes: &str) -> String {
    format!("Menace, selon les forces de l’État : {notes}")
}
pub fn risk_line_erp(erp: &str) -> String {
    format!("L’événement se tient dans un établissement recevant du public de type {erp}.")
}
pub fn risk_line_notes(notes: &str) -> String {
    format!("Observations : {notes}")
}
pub fn risk_line_covered(suggested: u32, lowest: u32) -> String {
    format!("{suggested} suggérés ; le dispositif en prévoit au moins {lowest} pendant toute l’ouverture au public.")
}
pub fn risk_line_partly(suggested: u32, lowest: u32, highest: u32) -> String {
    format!(
        "{suggested} suggérés ; le dispositif en prévoit {highest} au plus fort mais seulement {lowest} au moment le plus faible."
    )
}
pub fn risk_line_short(suggested: u32, highest: u32) -> String {
    if highest == 0 {
        format!("{suggested} suggérés ; le dispositif n’en prévoit aucun.")
    } else {
        format!("{suggested} suggérés ; le dispositif n’en prévoit jamais plus de {highest}.")
    }
}
pub const DOSSIER_BLOCKING_TITLE: &str = "Points bloquants à corriger avant le dépôt";
pub const DOSSIER_BLOCKING_HINT: &str =
    "Corrigez le dispositif puis publiez une nouvelle version : le dossier la suivra et pourra être déposé.";
pub const FILING_TITLE: &str = "Avant de déposer";
pub const FILING_DONE: &str = "Fait : ";
pub const FILING_MISSING: &str = "À faire : ";
pub const FILING_OPTIONAL: &str = "Facultatif : ";
pub const DECISION_CANCEL: &str = "Annuler";
/// What a weighty move brings about, said before it is confirmed; `None` for the others.
pub fn decision_consequence(code: &str) -> Option<&'static str> {
    Some(match code {
        "approve" => "La convention sera approuvée : le PDF est tamponné et figé, et la convention entre au registre des conventions du département. Cette décision ne s’annule pas ; une nouvelle version du plan ouvrira un nouveau cycle d’approbation.",
        "refuse" => "Le dossier sera refusé pour les motifs que vous écrivez, et clos : l’organisateur ne pourra plus le déposer.",
        "close" => "Le dossier sera classé sans suite pour la raison que vous écrivez, et clos : l’organisateur ne pourra plus le déposer.",
        "withdraw" => "Le dossier sera retiré : la préfecture cessera de l’instruire. Vous pourrez le déposer de nouveau, comme un nouveau cycle d’approbation.",
        _ => return None,
    })
}
pub fn decision_confirm(label: &str) -> String {
    format!("Confirmer : {}", label.to_lowercase())
}
pub const FILING_RISK: &str = "L’évaluation des risques (axe 1 de la convention) est enregistrée.";
pub fn filing_findings(count: usize) -> String {
    match count {
        0 => "La version du plan à déposer ne présente aucun point bloquant de conformité.".into(),
        n => format!(
            "La version du plan à déposer présente {n} point(s) bloquant(s) de conformité, à corriger puis publier."
        ),
    }
}
/// Why a file may not be filed: every missing point.
pub fn dossier_not_ready(risk_missing: bool, findings: &[String]) -> String {
    let mut reasons = Vec::new();
    if risk_missing {
        reasons.push("l’évaluation des risques n’est pas enregistrée (section « Évaluation des risques »)".to_string());
    }
    if !findings.is_empty() {
        let list: String = findings.iter().map(|f| format!(" — {f}")).collect();
        reasons
            .push(format!("la version du plan présente {} point(s) bloquant(s) de conformité.{list}", findings.len()));
    }
    format!("Le dossier ne peut pas être déposé : {}", reasons.join(" ; "))
}

// The department's model of the convention (prefecture page).
pub const MODEL_TITLE: &str = "Modèle de convention du département";
pub const MODEL_INTRO: &str = "Les conventions des événements du département sont générées avec ces coefficients de dimensionnement et ces clauses. Chaque changement garde sa raison et entre dans le journal d’audit du département.";
pub const MODEL_SIZING_TITLE: &str = "Coefficients de dimensionnement";
pub const MODEL_CLAUSES_TITLE: &str = "Clauses du département";
pub const MODEL_CLAUSES_HINT: &str =
    "Chaque clause est imprimée dans son article, après le texte généré. Laissez vide pour ne rien ajouter.";
pub const MODEL_COEFFICIENT_SAVED: &str = "Coefficient enregistré ; les conventions du département en tiennent compte.";
pub const MODEL_CLAUSE_SAVED: &str = "Clause enregistrée ; elle figure dans les conventions du département.";
pub const MODEL_NEVER_SAVED: &str = "Le département applique le modèle national.";
pub fn model_updated(when: &str, by: &str) -> String {
    if by.is_empty() {
        format!("Dernière modification le {when}.")
    } else {
        format!("Dernière modification le {when} par {by}.")
    }
}
pub const DOSSIER_PREVIEW_HTML: &str = "Lire le projet dans le navigateur";
