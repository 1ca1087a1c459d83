//! French strings of the coverage timeline and the plan table (to be merged into
//! `crate::text` later).

/// Abbreviated weekdays, Monday first, as French dates print them ("ven. 10 juil.").
pub const WEEKDAYS_SHORT: [&str; 7] = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."];
/// Abbreviated months, January first.
pub const MONTHS_SHORT: [&str; 12] =
    ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];

/// Heading of the timeline.
pub const TIMELINE_TITLE: &str = "Chronologie de la couverture";
/// Accessible name of the drawing.
pub const TIMELINE_LABEL: &str = "Couverture des besoins par zone au fil du temps";
/// Label of the group of zoom buttons.
pub const ZOOM_LABEL: &str = "Période affichée";
/// Zoom button showing the whole event.
pub const ZOOM_WHOLE: &str = "Tout l’événement";
/// Zoom button showing six hours.
pub const ZOOM_SIX_HOURS: &str = "6 h";
/// Moves the six-hour window back.
pub const ZOOM_PREVIOUS: &str = "6 h précédentes";
/// Moves the six-hour window forward.
pub const ZOOM_NEXT: &str = "6 h suivantes";
/// Shown when the plan has no zone.
pub const TIMELINE_EMPTY: &str = "Aucune zone n’est encore définie : la chronologie apparaîtra avec la première zone.";

/// Title of the legend.
pub const LEGEND_TITLE: &str = "Légende";
/// Legend entry of a need's outline.
pub const LEGEND_NEED: &str = "Besoin : cadre pointillé, effectif requis";
/// Legend entry of a gap.
pub const LEGEND_GAP: &str = "Manque : effectif manquant (par exemple −2)";
pub const LEGEND_SEX_GAP: &str = "Trait rouge au bas d’un besoin : femmes ou hommes manquants pour les palpations";
pub const LEGEND_PHASE: &str = "Fond grisé : montage et démontage";
/// Legend entry of a deployment with a warning.
pub const LEGEND_WARNING: &str = "Bordure épaisse : hors de l’événement, agent affecté deux fois ou non conforme";

/// Caption word for a deployment outside the event's operations.
pub const WARNING_OUTSIDE: &str = "hors de la période de l’événement";
/// Caption word for a deployment naming an agent deployed elsewhere at the same time.
pub const WARNING_COMPLIANCE: &str = "non conforme (voir « Conformité du plan »)";
pub const WARNING_DOUBLE: &str = "un agent est affecté ailleurs en même temps";
/// The participant of a deployment is not in the plan.
pub const UNKNOWN_PARTICIPANT: &str = "Participant inconnu";
/// The zone of a deployment is not in the plan.
pub const UNKNOWN_ZONE: &str = "Zone inconnue";
/// The post of a deployment is not in the plan.
pub const UNKNOWN_POST: &str = "Poste inconnu";
/// An empty table cell.
pub const NONE: &str = "—";

/// Column headers of the plan table, in display order.
pub const COLUMN_ZONE: &str = "Zone";
pub const COLUMN_POST: &str = "Poste";
pub const COLUMN_PARTICIPANT: &str = "Participant";
pub const COLUMN_START: &str = "Début";
pub const COLUMN_END: &str = "Fin";
pub const COLUMN_HEADCOUNT: &str = "Effectif";
pub const COLUMN_NAMED: &str = "Agents nommés";
pub const COLUMN_CATEGORY: &str = "Catégorie";
pub const COLUMN_MISSION: &str = "Mission";
pub const COLUMN_VISIBILITY: &str = "Visibilité";
/// Shown instead of the table body when there is no deployment.
pub const TABLE_EMPTY: &str = "Aucun déploiement n’est encore prévu.";

/// "ven. 10/07 18:00 (UTC+2)": the suffix disambiguates a time the October change repeats.
pub fn with_offset(time: &str, offset: &str) -> String {
    format!("{time} ({offset})")
}

/// "4 agents" / "1 agent".
pub fn agents(count: u32) -> String {
    if count > 1 {
        format!("{count} agents")
    } else {
        format!("{count} agent")
    }
}

/// Text inside a need's outline: "6 requis".
pub fn required(count: u32) -> String {
    format!("{count} requis")
}

/// Text of a gap: "−2" (with a true minus sign).
pub fn missing(count: u32) -> String {
    format!("−{count}")
}

/// Hover title of a gap.
pub fn gap_title(count: u32, from: &str, to: &str) -> String {
    format!("Manque {} de {from} à {to}", agents(count))
}

/// Hover title of a shortfall of women or men.
pub fn sex_gap_title(count: u32, sex: crate::domain::plan::Sex, from: &str, to: &str) -> String {
    let who = match (sex, count) {
        (crate::domain::plan::Sex::Femme, 1) => "1 femme".to_string(),
        (crate::domain::plan::Sex::Femme, n) => format!("{n} femmes"),
        (crate::domain::plan::Sex::Homme, 1) => "1 homme".to_string(),
        (crate::domain::plan::Sex::Homme, n) => format!("{n} hommes"),
    };
    format!("Palpations : manque {who} de {from} à {to}")
}

/// Hover title of the set-up or tear-down shading.
pub fn phase_title(name: &str, from: &str, to: &str) -> String {
    format!("{name} : de {from} à {to}")
}

pub const SETUP: &str = "Montage";
pub const TEARDOWN: &str = "Démontage";

/// Hover title of a need.
pub fn need_title(count: u32, from: &str, to: &str) -> String {
    format!("Besoin de {} de {from} à {to}", agents(count))
}

/// Under a zone's name when some deployments do not fit in its lanes.
pub fn hidden(count: usize) -> String {
    format!("+{count} dans le tableau")
}

/// Spoken and hover description of a deployment bar.
pub struct BarDescription<'a> {
    pub participant: &'a str,
    /// The participant's role, unless the participant is unknown.
    pub role: Option<&'a str>,
    pub headcount: u32,
    pub zone: &'a str,
    pub post: Option<&'a str>,
    pub from: &'a str,
    pub to: &'a str,
    pub category: &'a str,
    pub warnings: &'a [&'a str],
}

/// What a bar shows inside, longest first: each is part of its [`bar_label`], as the
/// accessible name must contain the visible text ("Sécurité Sud, 4 agents", "4 agents", "4").
pub fn bar_texts(participant: &str, headcount: u32) -> [String; 3] {
    [format!("{participant}, {}", agents(headcount)), agents(headcount), headcount.to_string()]
}

/// "Sécurité Sud, 4 agents (Sécurité privée), Entrée Nord, poste Portique 3, de ven. 10/07
/// 18:00 à sam. 11/07 02:00, Filtrage ; attention : …".
pub fn bar_label(d: &BarDescription) -> String {
    let mut label = format!("{}, {}", d.participant, agents(d.headcount));
    if let Some(role) = d.role {
        label.push_str(&format!(" ({role})"));
    }
    label.push_str(&format!(", {}", d.zone));
    if let Some(post) = d.post {
        label.push_str(&format!(", poste {post}"));
    }
    label.push_str(&format!(", de {} à {}, {}", d.from, d.to, d.category));
    if !d.warnings.is_empty() {
        label.push_str(" ; attention : ");
        label.push_str(&d.warnings.join(", "));
    }
    label
}

/// Caption of the plan table.
pub fn table_caption(event: &str, count: usize, zone: &str) -> String {
    let deployments = if count > 1 { "déploiements" } else { "déploiement" };
    format!("Dispositif de « {event} » : {count} {deployments}, en heure locale ({zone})")
}

/// The window on view, announced when the zoom changes: "Du ven. 10/07 18:00 au sam. 11/07 02:00".
pub fn view_range(from: &str, to: &str) -> String {
    format!("Du {from} au {to}")
}

/// Under the timeline: which clock the times are read on.
pub fn local_time_note(zone: &str) -> String {
    format!("Heures locales de l’événement ({zone}).")
}

/// A zone's headcount now, under its name on the timeline.
pub fn present_now(present: u32, named: u32, planned: u32) -> String {
    if named == 0 {
        format!("Prévus {planned}, aucun nommé")
    } else {
        format!("Présents {present}/{named} · prévus {planned}")
    }
}

/// The "now" line's label.
pub const NOW: &str = "Maintenant";
