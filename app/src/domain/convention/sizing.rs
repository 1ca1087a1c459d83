//! First-aid and steward sizing from the shared risk assessment. The first-aid part is the
//! national DPS référentiel (arrêté du 7 novembre 2006): P with the halving rule above
//! 100,000 people, RIS = (P2 + E1 + E2) × P / 1000 and its thresholds. The steward part is a
//! practitioners' figure: the static posts plus one steward per 250–300 spectators, fewer
//! spectators per steward when the public is livelier. Every coefficient is data
//! ([`SizingParameters`]) with its reference, and a department can override it with a reason.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::risk::{BehaviourP2, RiskAssessment, SiteE1};
use crate::domain::plan::fields::coded_enum;
use crate::text;

coded_enum! {
    /// The name of each sizing coefficient: its stable code is the key of an override.
    pub enum SizingKey {
        P2Assis => ("p2_assis", "P2 – public assis"),
        P2Debout => ("p2_debout", "P2 – public debout"),
        P2Statique => ("p2_spectacle_statique", "P2 – spectacle statique"),
        P2Dynamique => ("p2_dynamique", "P2 – public dynamique"),
        E1Permanent => ("e1_permanent", "E1 – bâtiment permanent"),
        E1Temporaire => ("e1_temporaire", "E1 – structures temporaires"),
        E1Etendu => ("e1_etendu", "E1 – site de 2 à 5 ha"),
        E1Difficile => ("e1_difficile", "E1 – site de plus de 5 ha"),
        E2Rapide => ("e2_rapide", "E2 – secours en 10 min au plus"),
        E2Moyen => ("e2_moyen", "E2 – secours en 10 à 20 min"),
        E2Lent => ("e2_lent", "E2 – secours en 20 à 30 min"),
        E2TresLent => ("e2_tres_lent", "E2 – secours en plus de 30 min"),
        E2SeuilRapideMinutes => ("e2_seuil_rapide_minutes", "E2 – limite du délai court (min)"),
        E2SeuilMoyenMinutes => ("e2_seuil_moyen_minutes", "E2 – limite du délai moyen (min)"),
        E2SeuilLentMinutes => ("e2_seuil_lent_minutes", "E2 – limite du délai long (min)"),
        SeuilReductionPublic => ("seuil_reduction_public", "Effectif au-delà duquel le public compte pour moitié"),
        RisMinimum => ("ris_minimum", "RIS en deçà duquel l’autorité décide"),
        RisPaps => ("ris_paps", "RIS maximal d’un point d’alerte et de premiers secours"),
        RisPetiteEnvergure => ("ris_petite_envergure", "RIS maximal d’un DPS de petite envergure"),
        RisMoyenneEnvergure => ("ris_moyenne_envergure", "RIS maximal d’un DPS de moyenne envergure"),
        SecouristesPaps => ("secouristes_paps", "Secouristes d’un point d’alerte et de premiers secours"),
        SecouristesMinimumDps => ("secouristes_minimum_dps", "Secouristes au minimum pour un DPS"),
        SpectateursParAgentAssis => ("spectateurs_par_agent_assis", "Spectateurs par agent – public assis"),
        SpectateursParAgentDebout => ("spectateurs_par_agent_debout", "Spectateurs par agent – public debout"),
        SpectateursParAgentStatique => ("spectateurs_par_agent_statique", "Spectateurs par agent – spectacle statique"),
        SpectateursParAgentDynamique => ("spectateurs_par_agent_dynamique", "Spectateurs par agent – public dynamique"),
    }
}

/// The sizing coefficients in force: the national defaults, possibly with a department's
/// overrides. Every key of [`SizingKey::ALL`] has a value (the constructor guarantees it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "SizingParametersFields")]
pub struct SizingParameters {
    /// The department whose overrides are applied, if any.
    pub department: Option<String>,
    values: BTreeMap<SizingKey, f64>,
    /// Why a department changed a value, for each changed key.
    reasons: BTreeMap<SizingKey, String>,
}

/// The unchecked shape of parameters read back from storage.
#[derive(Deserialize)]
struct SizingParametersFields {
    department: Option<String>,
    values: BTreeMap<SizingKey, f64>,
    #[serde(default)]
    reasons: BTreeMap<SizingKey, String>,
}

impl TryFrom<SizingParametersFields> for SizingParameters {
    type Error = SizingParametersError;
    /// Read back only whole and valid: every key once, every value acceptable, thresholds in
    /// order, so that a stored table cannot bring a value `with_overrides` would refuse.
    fn try_from(fields: SizingParametersFields) -> Result<Self, SizingParametersError> {
        for &key in SizingKey::ALL {
            match fields.values.get(&key) {
                Some(&value) if acceptable(key, value) => {}
                _ => return Err(SizingParametersError::InvalidValue(key)),
            }
        }
        let parameters =
            SizingParameters { department: fields.department, values: fields.values, reasons: fields.reasons };
        parameters.check_order()?;
        Ok(parameters)
    }
}

/// A department's changes to the defaults, with one reason for the whole set.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SizingOverrides {
    pub department: String,
    pub values: BTreeMap<SizingKey, f64>,
    pub reason: String,
}

/// Why an override set was refused.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum SizingParametersError {
    #[error("{}", text::SIZING_REASON_REQUIRED)]
    ReasonRequired,
    #[error("{}", text::sizing_invalid_value(.0.code()))]
    InvalidValue(SizingKey),
    #[error("{}", text::sizing_thresholds_out_of_order(.0))]
    ThresholdsOutOfOrder(&'static str),
}

fn default_value(key: SizingKey) -> f64 {
    use SizingKey::*;
    match key {
        P2Assis | E1Permanent | E2Rapide | RisMinimum => 0.25,
        P2Debout | E1Temporaire | E2Moyen => 0.30,
        P2Statique | E1Etendu | E2Lent => 0.35,
        P2Dynamique | E1Difficile | E2TresLent => 0.40,
        E2SeuilRapideMinutes => 10.0,
        E2SeuilMoyenMinutes => 20.0,
        E2SeuilLentMinutes => 30.0,
        SeuilReductionPublic => 100_000.0,
        RisPaps => 1.125,
        RisPetiteEnvergure => 12.0,
        RisMoyenneEnvergure => 36.0,
        SecouristesPaps => 2.0,
        SecouristesMinimumDps => 4.0,
        SpectateursParAgentAssis => 300.0,
        SpectateursParAgentDebout | SpectateursParAgentStatique => 275.0,
        SpectateursParAgentDynamique => 250.0,
    }
}

/// The text each coefficient comes from.
pub fn reference(key: SizingKey) -> &'static str {
    use SizingKey::*;
    match key {
        SpectateursParAgentAssis
        | SpectateursParAgentDebout
        | SpectateursParAgentStatique
        | SpectateursParAgentDynamique => text::SIZING_REFERENCE_STEWARDS,
        SecouristesMinimumDps => text::SIZING_REFERENCE_DPS_MINIMUM,
        _ => text::SIZING_REFERENCE_DPS,
    }
}

impl Default for SizingParameters {
    fn default() -> Self {
        SizingParameters::defaults()
    }
}

impl SizingParameters {
    /// The national defaults.
    pub fn defaults() -> SizingParameters {
        SizingParameters {
            department: None,
            values: SizingKey::ALL.iter().map(|&key| (key, default_value(key))).collect(),
            reasons: BTreeMap::new(),
        }
    }

    /// The defaults with a department's values merged on; refuses a blank reason, a value
    /// that is not a positive finite number (coefficients at most 1, head counts whole), and
    /// thresholds that would no longer increase.
    pub fn with_overrides(overrides: &SizingOverrides) -> Result<SizingParameters, SizingParametersError> {
        let reason = overrides.reason.trim();
        if reason.is_empty() {
            return Err(SizingParametersError::ReasonRequired);
        }
        let mut parameters = SizingParameters::defaults();
        parameters.department = Some(overrides.department.trim().to_string()).filter(|d| !d.is_empty());
        for (&key, &value) in &overrides.values {
            if !acceptable(key, value) {
                return Err(SizingParametersError::InvalidValue(key));
            }
            parameters.values.insert(key, value);
            parameters.reasons.insert(key, reason.to_string());
        }
        parameters.check_order()?;
        Ok(parameters)
    }

    /// These parameters with one coefficient set to `value` for `reason` (a department's
    /// change, one at a time from its settings page). Setting the national value back drops
    /// the reason: the coefficient is no longer adapted. Refused as [`Self::with_overrides`].
    pub fn with_change(
        &self,
        key: SizingKey,
        value: f64,
        reason: &str,
    ) -> Result<SizingParameters, SizingParametersError> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(SizingParametersError::ReasonRequired);
        }
        if !acceptable(key, value) {
            return Err(SizingParametersError::InvalidValue(key));
        }
        let mut changed = self.clone();
        changed.values.insert(key, value);
        if value == default_value(key) {
            changed.reasons.remove(&key);
        } else {
            changed.reasons.insert(key, reason.to_string());
        }
        changed.check_order()?;
        Ok(changed)
    }

    /// The national value of a coefficient.
    pub fn default_of(key: SizingKey) -> f64 {
        default_value(key)
    }

    /// The value of a coefficient.
    pub fn get(&self, key: SizingKey) -> f64 {
        self.values.get(&key).copied().unwrap_or_else(|| default_value(key))
    }

    /// Why the department changed this coefficient, if it did.
    pub fn reason(&self, key: SizingKey) -> Option<&str> {
        self.reasons.get(&key).map(String::as_str)
    }

    fn check_order(&self) -> Result<(), SizingParametersError> {
        use SizingKey::*;
        let increasing = |keys: &[SizingKey]| keys.windows(2).all(|pair| self.get(pair[0]) < self.get(pair[1]));
        if !increasing(&[RisMinimum, RisPaps, RisPetiteEnvergure, RisMoyenneEnvergure]) {
            return Err(SizingParametersError::ThresholdsOutOfOrder("RIS"));
        }
        if !increasing(&[E2SeuilRapideMinutes, E2SeuilMoyenMinutes, E2SeuilLentMinutes]) {
            return Err(SizingParametersError::ThresholdsOutOfOrder("E2"));
        }
        Ok(())
    }
}

fn acceptable(key: SizingKey, value: f64) -> bool {
    use SizingKey::*;
    if !value.is_finite() || value <= 0.0 {
        return false;
    }
    match key {
        P2Assis | P2Debout | P2Statique | P2Dynamique | E1Permanent | E1Temporaire | E1Etendu | E1Difficile
        | E2Rapide | E2Moyen | E2Lent | E2TresLent => value <= 1.0,
        SecouristesPaps | SecouristesMinimumDps => value.fract() == 0.0 && value <= 1_000.0,
        SpectateursParAgentAssis
        | SpectateursParAgentDebout
        | SpectateursParAgentStatique
        | SpectateursParAgentDynamique => value >= 1.0,
        _ => true,
    }
}

coded_enum! {
    /// What the référentiel asks for, by RIS.
    pub enum DpsCategory {
        DecisionAutorite => ("decision_autorite", "Décision de l’autorité de police"),
        Paps => ("paps", "Point d’alerte et de premiers secours"),
        PetiteEnvergure => ("dps_pe", "DPS de petite envergure"),
        MoyenneEnvergure => ("dps_me", "DPS de moyenne envergure"),
        GrandeEnvergure => ("dps_ge", "DPS de grande envergure"),
    }
}

/// The outcome of the sizing, with the arithmetic in French for the convention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sizing {
    /// P: the attendance counted (halved above the threshold).
    pub public_counted: f64,
    pub p2: f64,
    pub e1: f64,
    pub e2: f64,
    /// RIS = (P2 + E1 + E2) × P / 1000.
    pub ris: f64,
    pub category: DpsCategory,
    /// First-aiders suggested; 0 when the authority decides.
    pub first_aiders: u32,
    /// Static posts plus the ratio's share of the peak attendance.
    pub stewards: u32,
    pub static_posts: u32,
    pub spectators_per_steward: f64,
    /// One French sentence per step, in order.
    pub working: Vec<String>,
}

/// The E2 coefficient of a response time, by the thresholds in force (a bound belongs to the
/// shorter class: 10 minutes is "10 min au plus").
fn e2_for(minutes: u32, p: &SizingParameters) -> f64 {
    use SizingKey::*;
    let minutes = f64::from(minutes);
    if minutes <= p.get(E2SeuilRapideMinutes) {
        p.get(E2Rapide)
    } else if minutes <= p.get(E2SeuilMoyenMinutes) {
        p.get(E2Moyen)
    } else if minutes <= p.get(E2SeuilLentMinutes) {
        p.get(E2Lent)
    } else {
        p.get(E2TresLent)
    }
}

fn p2_for(behaviour: BehaviourP2, p: &SizingParameters) -> (f64, f64) {
    use SizingKey::*;
    match behaviour {
        BehaviourP2::Assis => (p.get(P2Assis), p.get(SpectateursParAgentAssis)),
        BehaviourP2::Debout => (p.get(P2Debout), p.get(SpectateursParAgentDebout)),
        BehaviourP2::Statique => (p.get(P2Statique), p.get(SpectateursParAgentStatique)),
        BehaviourP2::Dynamique => (p.get(P2Dynamique), p.get(SpectateursParAgentDynamique)),
    }
}

fn e1_for(site: SiteE1, p: &SizingParameters) -> f64 {
    p.get(match site {
        SiteE1::Permanent => SizingKey::E1Permanent,
        SiteE1::Temporaire => SizingKey::E1Temporaire,
        SiteE1::Etendu => SizingKey::E1Etendu,
        SiteE1::Difficile => SizingKey::E1Difficile,
    })
}

/// The category and first-aiders for a RIS: a bound belongs to the smaller category
/// (RIS = 1.125 is still a PAPS), as the référentiel writes "RIS ≤ 1,125".
fn category_for(ris: f64, p: &SizingParameters) -> (DpsCategory, u32) {
    use SizingKey::*;
    if ris < p.get(RisMinimum) {
        return (DpsCategory::DecisionAutorite, 0);
    }
    if ris <= p.get(RisPaps) {
        return (DpsCategory::Paps, p.get(SecouristesPaps) as u32);
    }
    let category = if ris <= p.get(RisPetiteEnvergure) {
        DpsCategory::PetiteEnvergure
    } else if ris <= p.get(RisMoyenneEnvergure) {
        DpsCategory::MoyenneEnvergure
    } else {
        DpsCategory::GrandeEnvergure
    };
    // `as` saturates: no overflow even on absurd parameters.
    (category, p.get(SecouristesMinimumDps).max(ris.ceil()) as u32)
}

/// Rounds to six decimals, so that 0.4 + 0.3 + 0.3 is 1 and a RIS of exactly 12 stays a small
/// DPS instead of tipping over its threshold by a binary rounding error.
fn to_millionths(value: f64) -> f64 {
    (value * 1e6).round() / 1e6
}

/// Sizes the first-aid cover and the stewards for `risk` with `static_posts` fixed posts.
pub fn size(risk: &RiskAssessment, static_posts: u32, p: &SizingParameters) -> Sizing {
    let attendance = f64::from(risk.peak_attendance());
    let cap = p.get(SizingKey::SeuilReductionPublic);
    let public_counted = if attendance > cap { cap + (attendance - cap) / 2.0 } else { attendance };
    let (p2, spectators_per_steward) = p2_for(risk.behaviour(), p);
    let e1 = e1_for(risk.site(), p);
    let e2 = e2_for(risk.response_time_minutes(), p);
    let index = to_millionths(p2 + e1 + e2);
    let ris = to_millionths(index * public_counted / 1000.0);
    let (category, first_aiders) = category_for(ris, p);
    let by_ratio = (attendance / spectators_per_steward).ceil() as u32;
    let stewards = static_posts.saturating_add(by_ratio);
    let mut working = vec![
        text::sizing_public(attendance, cap, public_counted),
        text::sizing_index(p2, e1, e2, risk.response_time_minutes()),
        text::sizing_ris(index, public_counted, ris),
    ];
    working.push(match category {
        DpsCategory::DecisionAutorite => text::sizing_authority(ris, p.get(SizingKey::RisMinimum)),
        DpsCategory::Paps => text::sizing_paps(ris, p.get(SizingKey::RisPaps), first_aiders),
        _ => text::sizing_dps(ris, category.label(), first_aiders, p.get(SizingKey::SecouristesMinimumDps)),
    });
    working.push(text::sizing_stewards(static_posts, attendance, spectators_per_steward, by_ratio, stewards));
    Sizing {
        public_counted,
        p2,
        e1,
        e2,
        ris,
        category,
        first_aiders,
        stewards,
        static_posts,
        spectators_per_steward,
        working,
    }
}
