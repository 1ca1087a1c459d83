//! The rules table: every compliance rule with its stable code, its default severity, whether
//! it is enabled, its legal reference and its numeric parameters (thresholds, hours, ratios).
//! The table is data: a prefecture re-parameterises or switches off a rule for its department
//! with a [`RuleSettings`] overlay, always with a reason, instead of a code change.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::domain::plan::fields::coded_enum;
use crate::text;

coded_enum! {
    /// How serious a finding is.
    pub enum Severity {
        /// The plan breaks the law: it cannot be approved as it is.
        Bloquant => ("bloquant", "Bloquant"),
        /// Probably wrong, or missing something the circular expects: to look at.
        Avertissement => ("avertissement", "Avertissement"),
        /// Worth knowing: a deadline, a convention to cite.
        Information => ("information", "Information"),
    }
}

coded_enum! {
    /// The stable code of each rule, in the order findings are listed for equal severity.
    pub enum RuleCode {
        VoiePubliqueSansAutorisation => ("voie_publique_sans_autorisation", "Agents privés sur la voie publique sans autorisation"),
        PalpationSansBaseLegale => ("palpation_sans_base_legale", "Palpations par des agents privés sans base légale"),
        VoiePubliqueMissionHorsAutorisation => ("voie_publique_mission_hors_autorisation", "Mission d’agents privés sur la voie publique hors du champ de l’autorisation"),
        PalpationBenevoleSansAgrement => ("palpation_benevole_sans_agrement", "Palpations par des personnes sans carte ni agrément"),
        PalpationAgentNonQualifie => ("palpation_agent_non_qualifie", "Palpations par des agents sans qualification palpation"),
        PalpationSansMixite => ("palpation_sans_mixite", "Palpations sans agents des deux sexes"),
        FouilleVehiculeHorsForcesEtat => ("fouille_vehicule_hors_forces_etat", "Fouille de véhicules par un acteur non habilité"),
        PoliceMunicipaleNuitSansConvention => ("police_municipale_nuit_sans_convention", "Police municipale de nuit sans convention de coordination"),
        PoliceMunicipaleAutreCommuneSansArrete => ("police_municipale_autre_commune_sans_arrete", "Police municipale d’une autre commune sans arrêté"),
        PoliceMunicipaleL512_3Conditions => ("police_municipale_l512_3_conditions", "Conditions de l’arrêté L512-3 à vérifier"),
        AgentPriveSansCarte => ("agent_prive_sans_carte", "Agent privé sans carte professionnelle"),
        CarteProfessionnelleExpiree => ("carte_professionnelle_expiree", "Carte professionnelle expirée"),
        EntrepriseSansAutorisation => ("entreprise_sans_autorisation", "Entreprise sans autorisation CNAPS"),
        ServiceOrdreAbsent => ("service_ordre_absent", "Service d’ordre pouvant être exigé"),
        DeclarationADeposer => ("declaration_a_deposer", "Déclaration de la manifestation à déposer"),
        DeclarationDelaiDepasse => ("declaration_delai_depasse", "Délai de déclaration dépassé"),
        TempsTravailJournalier => ("temps_travail_journalier", "Durée de travail journalière dépassée"),
        TempsTravailRepos => ("temps_travail_repos", "Repos quotidien insuffisant"),
        TempsTravailHebdomadaire => ("temps_travail_hebdomadaire", "Durée de travail hebdomadaire dépassée"),
        TempsTravailJoursSemaine => ("temps_travail_jours_semaine", "Trop de jours travaillés dans la semaine"),
        VacationTropCourte => ("vacation_trop_courte", "Vacation trop courte"),
        TempsTravailFonctionPublique => ("temps_travail_fonction_publique", "Temps de travail d’un policier municipal dépassé"),
        DpsInsuffisant => ("dps_insuffisant", "Dispositif de secours insuffisant"),
        StewardsInsuffisants => ("stewards_insuffisants", "Effectif de sécurité très inférieur à l’usage"),
        PosteCommandementAbsent => ("poste_commandement_absent", "Pas de poste de commandement"),
        ContactNommeAbsent => ("contact_nomme_absent", "Participant sans contact nommé"),
        ProcedureAlerteAbsente => ("procedure_alerte_absente", "Pas de procédure d’alerte"),
        RegimePoliceNonRenseigne => ("regime_police_non_renseigne", "Régime de police de la commune non renseigné"),
        ConventionEnVigueurChevauchement => ("convention_en_vigueur_chevauchement", "Convention déjà en vigueur dans la commune"),
    }
}

impl RuleCode {
    /// The version of the text the rule was read against (`docs/legal-references.md`), as the
    /// rules table of `docs/compliance.md` prints it: what "right on today's text" rests on,
    /// and what is still to verify.
    pub fn text_version(self) -> &'static str {
        use RuleCode::*;
        match self {
            VoiePubliqueSansAutorisation | VoiePubliqueMissionHorsAutorisation => {
                "L613-1 as consolidated on 23 May 2024 (loi n° 2021-646); L226-1 to verify"
            }
            PalpationSansBaseLegale => {
                "L613-2 as consolidated on 23 May 2024; L613-3 LEGIARTI000047569772; L226-1 to verify"
            }
            PalpationBenevoleSansAgrement => "L613-3 LEGIARTI000047569772; R613-10 of 22 May 2022; L612-25 to verify",
            PalpationAgentNonQualifie | PalpationSansMixite => {
                "L613-2 as consolidated on 23 May 2024 (habilitation removed by loi n° 2021-646); L613-3 LEGIARTI000047569772"
            }
            FouilleVehiculeHorsForcesEtat => "L226-1 to verify (2017 text and commentary only); CPP 78-2-2, 78-2-4",
            PoliceMunicipaleNuitSansConvention => "L512-4, L512-5 of 4 July 2020; L512-6 from a secondary source, to verify",
            PoliceMunicipaleAutreCommuneSansArrete | PoliceMunicipaleL512_3Conditions => {
                "L512-3 in force since 27 May 2021 (loi n° 2021-646 art. 10); L512-1, L512-2 of 2019–2020, to verify"
            }
            AgentPriveSansCarte | CarteProfessionnelleExpiree => "L612-20 in force since 1 May 2022 (ordonnance n° 2022-448)",
            EntrepriseSansAutorisation => "L612-9 (juriblio, current version)",
            ServiceOrdreAbsent => "L211-11 (ordonnance n° 2012-351); CE 11 May 2022 n° 449370",
            DeclarationADeposer | DeclarationDelaiDepasse => "R211-22 in force since 8 July 2018; R211-23",
            TempsTravailJournalier
            | TempsTravailRepos
            | TempsTravailHebdomadaire
            | TempsTravailJoursSemaine
            | VacationTropCourte => "IDCC 1351, accord of 18 May 1993 and KALI articles as consolidated",
            TempsTravailFonctionPublique => "décret n° 2000-815 art. 3 I in force since 1 January 2023",
            DpsInsuffisant => "L725-3 (current version 3); référentiel DPS of 7 November 2006, values above 12 to verify",
            StewardsInsuffisants => "no text: professional practice",
            PosteCommandementAbsent | ContactNommeAbsent | ProcedureAlerteAbsente | ConventionEnVigueurChevauchement => {
                "circular of 5 January 2016 (the seed copy, read whole)"
            }
            RegimePoliceNonRenseigne => "CGCT L2214-4 (checked); L2212-2 to verify",
        }
    }

    /// Whether the rule judges the event as a whole (its sizing, its declaration, its command
    /// post, its conventions) rather than some deployments: its findings may name the
    /// deployments counted, but none of them is at fault, so the timeline outlines none.
    pub fn is_event_wide(self) -> bool {
        use RuleCode::*;
        matches!(
            self,
            DpsInsuffisant
                | StewardsInsuffisants
                | ServiceOrdreAbsent
                | DeclarationADeposer
                | DeclarationDelaiDepasse
                | PosteCommandementAbsent
                | ContactNommeAbsent
                | ProcedureAlerteAbsente
                | RegimePoliceNonRenseigne
                | ConventionEnVigueurChevauchement
        )
    }
}

/// One rule as applied: the defaults, possibly changed by a prefecture's settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rule {
    pub code: RuleCode,
    pub severity: Severity,
    pub enabled: bool,
    /// The article or text the rule applies, e.g. "CSI L613-1".
    pub reference: String,
    /// Named numeric parameters; the names are fixed by the defaults.
    pub parameters: BTreeMap<String, f64>,
    /// Why the prefecture changed the rule; `None` for the national default.
    pub reason: Option<String>,
}

impl Rule {
    /// The value of a parameter. Every name used by a check exists in the defaults and a
    /// settings overlay cannot remove one, so a missing name is a programming error that reads
    /// as 0.
    pub fn parameter(&self, name: &str) -> f64 {
        debug_assert!(self.parameters.contains_key(name), "{:?} has no parameter {name}", self.code);
        self.parameters.get(name).copied().unwrap_or_default()
    }
}

/// The rules in force: the national defaults, or them with a department's settings applied.
/// Read back from JSON only if it holds every rule once with the defaults' parameter names, so
/// that a check can never look up a rule or a parameter that is not there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RuleSetFields")]
pub struct RuleSet {
    /// The department whose settings are applied, if any.
    pub department: Option<String>,
    /// One rule per code, in [`RuleCode::ALL`] order.
    pub rules: Vec<Rule>,
}

/// The unchecked shape of a rule set read from JSON.
#[derive(Deserialize)]
struct RuleSetFields {
    department: Option<String>,
    rules: Vec<Rule>,
}

impl TryFrom<RuleSetFields> for RuleSet {
    type Error = SettingsError;
    fn try_from(fields: RuleSetFields) -> Result<Self, SettingsError> {
        let defaults = RuleSet::defaults();
        let complete = fields.rules.len() == defaults.rules.len()
            && fields.rules.iter().zip(&defaults.rules).all(|(rule, default)| {
                rule.code == default.code
                    && rule.parameters.keys().eq(default.parameters.keys())
                    && rule.parameters.values().all(|value| value.is_finite() && *value >= 0.0)
            });
        if !complete {
            return Err(SettingsError::IncompleteRuleSet);
        }
        Ok(RuleSet { department: fields.department, rules: fields.rules })
    }
}

/// A prefecture's changes to the defaults for its department. Persistence and the audit trail
/// of who changed what come later; today the overlay is a file or a value in memory.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RuleSettings {
    #[serde(default)]
    pub department: Option<String>,
    #[serde(default)]
    pub overrides: Vec<RuleOverride>,
}

impl RuleSettings {
    /// The overlay without the parameters the rules no longer have: what a department saved
    /// before a rule lost a parameter (the DPS coefficients moved to the convention's sizing)
    /// still applies, minus what no longer exists.
    pub fn known_parameters_only(&self) -> RuleSettings {
        let defaults = RuleSet::defaults();
        let mut settings = self.clone();
        for change in &mut settings.overrides {
            let rule = defaults.rule(change.rule);
            change.parameters.retain(|name, _| rule.parameters.contains_key(name));
        }
        settings
    }
}

/// A change to one rule, with its reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleOverride {
    pub rule: RuleCode,
    #[serde(default)]
    pub enabled: Option<bool>,
    #[serde(default)]
    pub severity: Option<Severity>,
    #[serde(default)]
    pub parameters: BTreeMap<String, f64>,
    /// Why, in words: required, shown next to every finding of the rule later on.
    pub reason: String,
}

/// Why a settings overlay was refused.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum SettingsError {
    #[error("{}", text::compliance_reason_required(.0.code()))]
    ReasonRequired(RuleCode),
    #[error("{}", text::compliance_unknown_parameter(.0.code(), .1))]
    UnknownParameter(RuleCode, String),
    #[error("{}", text::compliance_invalid_parameter(.0.code(), .1))]
    InvalidParameter(RuleCode, String),
    #[error("{}", text::COMPLIANCE_INCOMPLETE_RULE_SET)]
    IncompleteRuleSet,
}

/// The reference texts, named once.
const CIRCULAIRE: &str = "Circulaire du ministre de l’Intérieur du 5 janvier 2016 (CLCS)";
const IDCC_1351: &str = "Convention collective des entreprises de prévention et de sécurité (IDCC 1351)";

fn rule(code: RuleCode, severity: Severity, reference: &str, parameters: &[(&str, f64)]) -> Rule {
    Rule {
        code,
        severity,
        enabled: true,
        reference: reference.to_string(),
        parameters: parameters.iter().map(|(name, value)| (name.to_string(), *value)).collect(),
        reason: None,
    }
}

/// The national defaults, from `reference.md` (facts marked unverified there are parameters
/// here, so that a prefecture can correct them).
fn default_rule(code: RuleCode) -> Rule {
    use RuleCode::*;
    use Severity::*;
    match code {
        VoiePubliqueSansAutorisation => rule(code, Bloquant, "CSI L613-1 al. 2", &[]),
        VoiePubliqueMissionHorsAutorisation => rule(code, Bloquant, "CSI L613-1 al. 2 et L226-1", &[]),
        PalpationSansBaseLegale => {
            rule(code, Bloquant, "CSI L613-2, L613-3 et L226-1", &[("seuil_spectateurs", 300.0)])
        }
        PalpationBenevoleSansAgrement => rule(code, Bloquant, "CSI L613-3 al. 2 et L612-25", &[]),
        PalpationAgentNonQualifie => rule(
            code,
            Avertissement,
            "CSI L613-2 (habilitation spécifique supprimée par la loi n° 2021-646 du 25 mai 2021)",
            &[],
        ),
        PalpationSansMixite => {
            rule(code, Avertissement, "CSI L613-2 et L613-3 (palpation par une personne de même sexe)", &[])
        }
        FouilleVehiculeHorsForcesEtat => {
            rule(code, Bloquant, "CSI L226-1 ; code de procédure pénale, art. 78-2-2 et 78-2-4", &[])
        }
        PoliceMunicipaleNuitSansConvention => {
            rule(code, Bloquant, "CSI L512-6", &[("debut_nuit_heure", 23.0), ("fin_nuit_heure", 6.0)])
        }
        PoliceMunicipaleAutreCommuneSansArrete => rule(code, Bloquant, "CSI L512-1 à L512-3", &[]),
        PoliceMunicipaleL512_3Conditions => rule(
            code,
            Information,
            "CSI L512-3 (communes limitrophes ou d’une même agglomération ; police administrative seulement)",
            &[],
        ),
        AgentPriveSansCarte | CarteProfessionnelleExpiree => rule(code, Bloquant, "CSI L612-20", &[]),
        EntrepriseSansAutorisation => rule(code, Bloquant, "CSI L612-9", &[]),
        ServiceOrdreAbsent => {
            rule(code, Information, "CSI L211-11 (manifestations à but lucratif)", &[("seuil_personnes", 1500.0)])
        }
        DeclarationADeposer => {
            rule(code, Information, "CSI R211-22 et R211-23", &[("seuil_personnes", 1500.0), ("delai_mois", 1.0)])
        }
        DeclarationDelaiDepasse => {
            rule(code, Avertissement, "CSI R211-22 et R211-23", &[("seuil_personnes", 1500.0), ("delai_mois", 1.0)])
        }
        TempsTravailJournalier => rule(code, Avertissement, IDCC_1351, &[("max_heures", 12.0)]),
        TempsTravailRepos => rule(
            code,
            Avertissement,
            IDCC_1351,
            &[("repos_minimum_heures", 12.0), ("repos_long_heures", 24.0), ("travail_avant_repos_long_heures", 48.0)],
        ),
        TempsTravailHebdomadaire => rule(code, Avertissement, IDCC_1351, &[("max_heures", 48.0)]),
        TempsTravailJoursSemaine => rule(code, Avertissement, IDCC_1351, &[("max_jours", 6.0)]),
        VacationTropCourte => rule(code, Avertissement, IDCC_1351, &[("min_heures", 4.0), ("coupure_max_heures", 2.0)]),
        // Municipal police officers are territorial civil servants: the public service's
        // limits, not the private security agreement's.
        TempsTravailFonctionPublique => rule(
            code,
            Avertissement,
            "Décret n° 2000-815 du 25 août 2000, art. 3 I ; décret n° 2001-623 du 12 juillet 2001, art. 1",
            &[
                ("max_heures_jour", 10.0),
                ("amplitude_max_heures", 12.0),
                ("repos_quotidien_heures", 11.0),
                ("max_heures_semaine", 48.0),
                ("repos_hebdomadaire_heures", 35.0),
                ("max_jours_semaine", 6.0),
            ],
        ),
        // The sizing itself (P2, E1, E2, thresholds) is the convention's, with the
        // department's coefficients: one computation for the rule and the document.
        DpsInsuffisant => rule(
            code,
            Avertissement,
            "Référentiel national des dispositifs prévisionnels de secours (arrêté du 7 novembre 2006) ; CSI L725-3",
            &[],
        ),
        StewardsInsuffisants => rule(
            code,
            Avertissement,
            "Usage professionnel : un agent par 250 à 300 spectateurs (aucun ratio réglementaire)",
            &[("part_minimale", 0.5)],
        ),
        PosteCommandementAbsent => rule(code, Avertissement, CIRCULAIRE, &[]),
        ContactNommeAbsent => rule(code, Avertissement, CIRCULAIRE, &[]),
        ProcedureAlerteAbsente => rule(code, Avertissement, CIRCULAIRE, &[]),
        // Article 5 of the convention says who keeps order from the commune's regime.
        RegimePoliceNonRenseigne => rule(code, Avertissement, "CGCT L2214-4", &[]),
        ConventionEnVigueurChevauchement => rule(code, Information, CIRCULAIRE, &[]),
    }
}

impl Default for RuleSet {
    fn default() -> Self {
        RuleSet::defaults()
    }
}

impl RuleSet {
    /// The national defaults.
    pub fn defaults() -> RuleSet {
        RuleSet { department: None, rules: RuleCode::ALL.iter().map(|&code| default_rule(code)).collect() }
    }

    /// The defaults with `settings` applied; refuses an override without a reason, a parameter
    /// the rule does not have, or a value that is negative or not a number.
    pub fn with_settings(settings: &RuleSettings) -> Result<RuleSet, SettingsError> {
        let mut set = RuleSet::defaults();
        set.department = settings.department.clone();
        for change in &settings.overrides {
            let reason = change.reason.trim();
            if reason.is_empty() {
                return Err(SettingsError::ReasonRequired(change.rule));
            }
            let rule = set.rule_mut(change.rule);
            for (name, value) in &change.parameters {
                let slot =
                    rule.parameters.get_mut(name).ok_or(SettingsError::UnknownParameter(change.rule, name.clone()))?;
                let hour_out_of_day = name.ends_with("_heure") && *value > 24.0;
                if !value.is_finite() || *value < 0.0 || hour_out_of_day {
                    return Err(SettingsError::InvalidParameter(change.rule, name.clone()));
                }
                *slot = *value;
            }
            rule.enabled = change.enabled.unwrap_or(rule.enabled);
            rule.severity = change.severity.unwrap_or(rule.severity);
            rule.reason = Some(reason.to_string());
        }
        Ok(set)
    }

    /// The rule with this code.
    pub fn rule(&self, code: RuleCode) -> &Rule {
        // `rules` always holds every code, in `RuleCode::ALL` order.
        self.rules.iter().find(|r| r.code == code).expect("every rule code is in the set")
    }

    fn rule_mut(&mut self, code: RuleCode) -> &mut Rule {
        self.rules.iter_mut().find(|r| r.code == code).expect("every rule code is in the set")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn overlay(json: &str) -> Result<RuleSet, SettingsError> {
        RuleSet::with_settings(&serde_json::from_str(json).unwrap())
    }

    /// The rules table of docs/compliance.md names each rule's reference and the version of the
    /// text it was read against, as the code does.
    #[test]
    fn every_rule_names_its_reference_and_the_version_of_its_text_as_the_documentation_does() {
        let doc = include_str!("../../../../docs/compliance.md");
        for &code in RuleCode::ALL.iter() {
            let version = code.text_version();
            assert!(!version.trim().is_empty(), "{code:?} has no version");
            let row = format!("| `{}` | {version} |", code.code());
            assert!(doc.contains(&row), "docs/compliance.md lacks the row {row}");
            let rule_row = doc.lines().find(|l| l.starts_with(&format!("| `{}` | ", code.code()))).unwrap();
            assert!(!RuleSet::defaults().rule(code).reference.is_empty(), "{code:?} has no reference: {rule_row}");
        }
    }

    #[test]
    fn the_defaults_hold_every_rule_once_in_code_order() {
        let set = RuleSet::defaults();
        let codes: Vec<RuleCode> = set.rules.iter().map(|r| r.code).collect();
        assert_eq!(codes, RuleCode::ALL);
        assert_eq!(set.rule(RuleCode::PalpationSansBaseLegale).parameter("seuil_spectateurs"), 300.0);
        assert_eq!(set.rule(RuleCode::VoiePubliqueSansAutorisation).reference, "CSI L613-1 al. 2");
    }

    #[test]
    fn a_prefecture_raises_a_threshold_and_switches_a_rule_off_with_a_reason() {
        let set = overlay(
            r#"{"department": "13", "overrides": [
                {"rule": "service_ordre_absent", "parameters": {"seuil_personnes": 5000}, "reason": "Arrêté préfectoral 2026-12"},
                {"rule": "stewards_insuffisants", "enabled": false, "severity": "information", "reason": "Pas d’usage local"}
            ]}"#,
        )
        .unwrap();
        assert_eq!(set.department.as_deref(), Some("13"));
        let service = set.rule(RuleCode::ServiceOrdreAbsent);
        assert_eq!(
            (service.parameter("seuil_personnes"), service.reason.as_deref()),
            (5000.0, Some("Arrêté préfectoral 2026-12"))
        );
        let stewards = set.rule(RuleCode::StewardsInsuffisants);
        assert_eq!((stewards.enabled, stewards.severity), (false, Severity::Information));
    }

    #[test]
    fn an_override_without_a_reason_or_with_an_unknown_parameter_is_refused() {
        let no_reason = overlay(r#"{"overrides": [{"rule": "dps_insuffisant", "enabled": false, "reason": " "}]}"#);
        assert_eq!(no_reason, Err(SettingsError::ReasonRequired(RuleCode::DpsInsuffisant)));
        let unknown =
            overlay(r#"{"overrides": [{"rule": "dps_insuffisant", "parameters": {"e1": 1}, "reason": "x"}]}"#);
        assert_eq!(unknown.unwrap_err().to_string(), "Règle « dps_insuffisant » : paramètre « e1 » inconnu.");
        let hour = r#"{"overrides": [{"rule": "police_municipale_nuit_sans_convention", "parameters": {"debut_nuit_heure": 25}, "reason": "x"}]}"#;
        assert!(matches!(overlay(hour), Err(SettingsError::InvalidParameter(..))));
    }

    #[test]
    fn a_saved_overlay_with_a_parameter_the_rules_no_longer_have_keeps_the_rest() {
        let saved: RuleSettings = serde_json::from_str(
            r#"{"overrides": [{"rule": "dps_insuffisant", "parameters": {"e1": 0.3}, "enabled": false, "reason": "x"}]}"#,
        )
        .unwrap();
        assert!(RuleSet::with_settings(&saved).is_err());
        let set = RuleSet::with_settings(&saved.known_parameters_only()).unwrap();
        assert!(!set.rule(RuleCode::DpsInsuffisant).enabled);
    }

    #[test]
    fn a_rule_set_reads_back_from_json_only_whole() {
        let set = overlay(
            r#"{"overrides": [{"rule": "stewards_insuffisants", "parameters": {"part_minimale": 0.3}, "reason": "x"}]}"#,
        )
        .unwrap();
        let json = serde_json::to_value(&set).unwrap();
        assert_eq!(serde_json::from_value::<RuleSet>(json.clone()).unwrap(), set);
        let mut truncated = json.clone();
        truncated["rules"].as_array_mut().unwrap().pop();
        assert!(serde_json::from_value::<RuleSet>(truncated).is_err());
        let mut renamed = json;
        renamed["rules"][0]["code"] = "dps_insuffisant".into();
        assert!(serde_json::from_value::<RuleSet>(renamed).is_err());
    }

    #[test]
    fn rule_codes_and_severities_serialise_as_their_stable_codes() {
        assert_eq!(
            serde_json::to_string(&RuleCode::CarteProfessionnelleExpiree).unwrap(),
            r#""carte_professionnelle_expiree""#
        );
        assert_eq!(serde_json::to_string(&Severity::Bloquant).unwrap(), r#""bloquant""#);
        assert!(Severity::Bloquant < Severity::Avertissement && Severity::Avertissement < Severity::Information);
    }
}
