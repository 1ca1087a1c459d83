//! Presence on the day: the agents' check-ins and check-outs, the zones' counts now, the
//! no-show alerts (issue 18, part 4).

pub const PRESENCE_CLOSED: &str =
    "Le pointage n’est possible que pendant les opérations (de l’installation au démontage).";
pub const PRESENCE_ALREADY_IN: &str = "Cet agent est déjà pointé présent.";
pub const PRESENCE_NOT_IN: &str = "Cet agent n’est pas pointé présent : il ne peut pas partir.";
pub const PRESENCE_MOVEMENT_INVALID: &str = "Choisissez « Arrivée » ou « Départ ».";
pub const PRESENCE_AGENT_INVALID: &str = "Choisissez un agent de votre équipe.";
pub const PRESENCE_BUSY: &str = "Le pointage n’a pas pu être enregistré : réessayez.";
pub const PRESENCE_TOO_MANY_LINKS: &str = "Cet agent a déjà trop de liens de pointage actifs : révoquez-en un.";

pub const PRESENCE_COVERAGE_TITLE: &str = "Couverture maintenant";
pub const PRESENCE_COVERAGE_HELP: &str = "Effectif prévu par les déploiements en cours, dont les agents nommés, et les agents nommés pointés présents. Un agent seulement compté ne peut pas pointer.";
pub const PRESENCE_COL_ZONE: &str = "Zone";
pub const PRESENCE_COL_PLANNED: &str = "Prévus";
pub const PRESENCE_COL_NAMED: &str = "Nommés";
pub const PRESENCE_COL_PRESENT: &str = "Présents";
pub const PRESENCE_NOTHING_NOW: &str = "Aucun déploiement en cours.";
pub const PRESENCE_TEAM_TITLE: &str = "Pointage de mon équipe";
pub const PRESENCE_TEAM_HELP: &str = "Pointez l’arrivée et le départ de vos agents, ou donnez à chacun son lien personnel : il pointe lui-même depuis son téléphone. Un lien sert tant que vous gardez vos droits sur l’équipe ; révoqué, il ne sert plus.";
pub const PRESENCE_TEAM_EMPTY: &str = "Aucun agent nommé de votre équipe n’est déployé sur cet événement.";
pub const PRESENCE_ARRIVAL: &str = "Arrivée";
pub const PRESENCE_DEPARTURE: &str = "Départ";
pub const PRESENCE_NEW_LINK: &str = "Lien personnel";
pub const PRESENCE_REVOKE_LINK: &str = "Révoquer le lien";
pub const PRESENCE_LINK_SHOWN_ONCE: &str =
    "Transmettez ce lien à l’agent seul : il n’est affiché qu’une fois et permet de pointer en son nom.";
pub const PRESENCE_NOT_CHECKED_IN: &str = "Non pointé";
pub const PRESENCE_NO_SHIFT: &str = "Aucune vacation à venir";

pub fn presence_since(at: &str) -> String {
    format!("Présent depuis {at}")
}
pub fn presence_left(at: &str) -> String {
    format!("Parti à {at}")
}
pub fn presence_shift(zone: &str, start: &str, end: &str) -> String {
    format!("{zone}, {start} → {end}")
}
pub fn presence_links_active(count: usize) -> String {
    match count {
        0 => String::new(),
        1 => "1 lien actif".into(),
        n => format!("{n} liens actifs"),
    }
}

/// The agent's phone page (`/pointage/{token}`).
pub const PRESENCE_PAGE_TITLE: &str = "Pointage";
pub const PRESENCE_PAGE_ARRIVE: &str = "J’arrive";
pub const PRESENCE_PAGE_LEAVE: &str = "Je pars";
pub const PRESENCE_PAGE_UNKNOWN: &str =
    "Ce lien de pointage n’existe pas ou n’est plus valable. Demandez un nouveau lien à votre responsable.";
pub const PRESENCE_PAGE_DONE_ARRIVAL: &str = "Arrivée enregistrée.";
pub const PRESENCE_PAGE_DONE_DEPARTURE: &str = "Départ enregistré.";
pub const PRESENCE_PAGE_NEXT_SHIFT: &str = "Votre vacation";

/// The no-show alert, raised by Cordon itself.
pub const NO_SHOW_SENDER: &str = "Cordon (pointage)";
pub fn no_show_alert(zone: &str, participant: &str, start: &str, missing: u32, named: u32) -> String {
    let missing_agents = if missing > 1 {
        format!("{missing} agents sur {named} de {participant} ne sont pas pointés présents")
    } else {
        format!("{missing} agent sur {named} de {participant} n’est pas pointé présent")
    };
    format!("{zone} : {missing_agents} 15 minutes après le début de la vacation ({start}).")
}
