//! The shared risk assessment (évaluation partagée des risques), the circular's first axis:
//! what the organiser declares about the public, the site and the context, and what the forces
//! comment. It feeds the first-aid and steward sizing ([`super::sizing`]) and article 1 of the
//! generated convention.

use serde::{Deserialize, Serialize};

use crate::domain::plan::fields::{coded_enum, parse_free_text};
use crate::domain::plan::{Event, OrderKind, PublicBehaviour, MAX_ATTENDANCE};
use crate::text;

coded_enum! {
    /// The public's behaviour, indicator P2 of the national first-aid référentiel.
    pub enum BehaviourP2 {
        Assis => ("assis", "Public assis"),
        Debout => ("debout", "Public debout (foire, cérémonie)"),
        /// A static show, a funfair, a sport with crowd barriers.
        Statique => ("spectacle_statique", "Spectacle statique, fête foraine, sport avec barrières"),
        /// Dancing, carnival, parade, sport without barriers, or people staying several days.
        Dynamique => ("dynamique", "Public dynamique (danse, carnaval, défilé, sport sans barrières) ou sur plusieurs jours"),
    }
}

coded_enum! {
    /// The site and its access, indicator E1 of the référentiel.
    pub enum SiteE1 {
        Permanent => ("permanent", "Bâtiment permanent ou voies ouvertes"),
        Temporaire => ("temporaire", "Structures temporaires, moins de 2 ha, brancardage de 150 à 300 m"),
        Etendu => ("etendu", "De 2 à 5 ha, brancardage de 300 à 600 m"),
        Difficile => ("difficile", "Plus de 5 ha, brancardage au-delà de 600 m ou accès gêné par le public"),
    }
}

coded_enum! {
    /// The threat context, as the Vigipirate plan names its levels.
    pub enum ThreatLevel {
        Vigilance => ("vigilance", "Vigilance"),
        SecuriteRenforcee => ("securite_renforcee", "Sécurité renforcée – risque attentat"),
        UrgenceAttentat => ("urgence_attentat", "Urgence attentat"),
    }
}

coded_enum! {
    /// The type of an établissement recevant du public (ERP) hosting the event (arrêté du
    /// 25 juin 1980, art. GN 1).
    pub enum ErpType {
        L => ("L", "L – salles d’audition, de conférences, de spectacles"),
        M => ("M", "M – magasins, centres commerciaux"),
        N => ("N", "N – restaurants, débits de boissons"),
        P => ("P", "P – salles de danse, salles de jeux"),
        R => ("R", "R – établissements d’enseignement"),
        S => ("S", "S – bibliothèques, centres de documentation"),
        T => ("T", "T – salles d’exposition"),
        V => ("V", "V – établissements de culte"),
        X => ("X", "X – établissements sportifs couverts"),
        Y => ("Y", "Y – musées"),
        Pa => ("PA", "PA – établissements de plein air"),
        Cts => ("CTS", "CTS – chapiteaux, tentes et structures"),
        Sg => ("SG", "SG – structures gonflables"),
    }
}

coded_enum! {
    /// A field of the assessment form, to place an error next to it.
    pub enum RiskField {
        PeakAttendance => ("peak_attendance", "Effectif maximal simultané"),
        ResponseTime => ("response_time_minutes", "Délai d’intervention des secours"),
        ErpType => ("erp_type", "Type d’ERP"),
        ThreatNotes => ("threat_notes", "Contexte de menace"),
        Notes => ("notes", "Observations"),
    }
}

/// The longest notes accepted, in characters.
pub const MAX_NOTES: usize = 4_000;
/// The longest emergency response time accepted, in minutes (a day).
pub const MAX_RESPONSE_MINUTES: u32 = 24 * 60;

/// The shared risk assessment's form as typed (the convention page shows it filled in, the
/// server receives it back): one parser, [`RiskFormInput::parse`], each refusal at its field.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskFormInput {
    pub peak_attendance: String,
    pub behaviour: String,
    pub site: String,
    pub response_time_minutes: String,
    pub alcohol: bool,
    pub night: bool,
    pub threat: String,
    pub threat_notes: String,
    pub perimeter_l226_1: bool,
    pub erp_type: String,
    pub notes: String,
}

impl RiskFormInput {
    /// The form filled in with `draft`'s values.
    pub fn from_draft(draft: RiskAssessmentDraft) -> RiskFormInput {
        RiskFormInput {
            peak_attendance: draft.peak_attendance.to_string(),
            behaviour: draft.behaviour.code().into(),
            site: draft.site.code().into(),
            response_time_minutes: draft.response_time_minutes.to_string(),
            alcohol: draft.alcohol,
            night: draft.night,
            threat: draft.threat.code().into(),
            threat_notes: draft.threat_notes,
            perimeter_l226_1: draft.perimeter_l226_1,
            erp_type: draft.erp_type.unwrap_or_default(),
            notes: draft.notes,
        }
    }

    /// The assessment this form states, or the first refusal with the field it concerns.
    pub fn parse(&self) -> Result<RiskAssessment, crate::domain::plan::input::FieldError> {
        use crate::domain::plan::input::FieldError;
        let whole = |raw: &str, field: &str| {
            raw.trim().parse::<u32>().map_err(|_| FieldError::new(field, crate::text::NUMBER_INVALID))
        };
        fn choice<T>(found: Option<T>, field: &str) -> Result<T, FieldError> {
            found.ok_or_else(|| FieldError::new(field, crate::text::CHOICE_INVALID))
        }
        let draft = RiskAssessmentDraft {
            peak_attendance: whole(&self.peak_attendance, "peak_attendance")?,
            behaviour: choice(BehaviourP2::from_code(self.behaviour.trim()), "behaviour")?,
            site: choice(SiteE1::from_code(self.site.trim()), "site")?,
            response_time_minutes: whole(&self.response_time_minutes, "response_time_minutes")?,
            alcohol: self.alcohol,
            night: self.night,
            threat: choice(ThreatLevel::from_code(self.threat.trim()), "threat")?,
            threat_notes: self.threat_notes.clone(),
            perimeter_l226_1: self.perimeter_l226_1,
            erp_type: Some(self.erp_type.trim().to_string()).filter(|e| !e.is_empty()),
            notes: self.notes.clone(),
        };
        RiskAssessment::new(draft).map_err(|errors| match errors.first() {
            Some(first) => FieldError::new(first.field.code(), &first.message),
            None => FieldError::new("peak_attendance", crate::text::NUMBER_INVALID),
        })
    }
}

/// The form as the organiser fills it in: every field unchecked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskAssessmentDraft {
    /// The peak simultaneous attendance (P1 of the référentiel).
    pub peak_attendance: u32,
    pub behaviour: BehaviourP2,
    pub site: SiteE1,
    /// How long the public emergency services take to reach the site, in minutes (E2).
    pub response_time_minutes: u32,
    pub alcohol: bool,
    pub night: bool,
    pub threat: ThreatLevel,
    /// What the forces know of the threat, if anything worth writing.
    #[serde(default)]
    pub threat_notes: String,
    /// The prefect created a protection perimeter (CSI L226-1).
    pub perimeter_l226_1: bool,
    /// The ERP type code ("L", "PA", "CTS", …) when the event takes place in an ERP.
    #[serde(default)]
    pub erp_type: Option<String>,
    #[serde(default)]
    pub notes: String,
}

/// A field and the French sentence explaining what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskFieldError {
    pub field: RiskField,
    pub message: String,
}

/// A checked assessment: attendance between 1 and 2,000,000, a response time of at most a day,
/// a known ERP type, notes without control characters and of bounded length.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RiskAssessmentDraft", into = "RiskAssessmentDraft")]
pub struct RiskAssessment {
    peak_attendance: u32,
    behaviour: BehaviourP2,
    site: SiteE1,
    response_time_minutes: u32,
    alcohol: bool,
    night: bool,
    threat: ThreatLevel,
    threat_notes: String,
    perimeter_l226_1: bool,
    erp_type: Option<ErpType>,
    notes: String,
}

impl RiskAssessmentDraft {
    /// A form pre-filled from the event: its attendance, its behaviour (P2 read from the
    /// planner's three levels), its L226-1 perimeter. The site, the response time, alcohol,
    /// night and the threat are the organiser's to state; they start at the lowest level.
    pub fn from_event(event: &Event) -> RiskAssessmentDraft {
        RiskAssessmentDraft {
            peak_attendance: event.expected_attendance(),
            behaviour: match event.behaviour() {
                PublicBehaviour::Assis => BehaviourP2::Assis,
                PublicBehaviour::Debout => BehaviourP2::Debout,
                PublicBehaviour::Dynamique => BehaviourP2::Dynamique,
            },
            site: SiteE1::Permanent,
            response_time_minutes: 10,
            alcohol: false,
            night: false,
            threat: ThreatLevel::Vigilance,
            threat_notes: String::new(),
            perimeter_l226_1: event.legal().has(OrderKind::PerimetreL226_1),
            erp_type: None,
            notes: String::new(),
        }
    }
}

fn checked_text(field: RiskField, raw: &str, errors: &mut Vec<RiskFieldError>) -> String {
    match parse_free_text(raw, MAX_NOTES) {
        Ok(value) => value,
        Err(error) => {
            errors.push(RiskFieldError { field, message: error.to_string() });
            String::new()
        }
    }
}

impl RiskAssessment {
    /// Checks every field and returns every problem found, in form order.
    pub fn new(draft: RiskAssessmentDraft) -> Result<Self, Vec<RiskFieldError>> {
        let mut errors = Vec::new();
        if !(1..=MAX_ATTENDANCE).contains(&draft.peak_attendance) {
            errors
                .push(RiskFieldError { field: RiskField::PeakAttendance, message: text::RISK_ATTENDANCE_RANGE.into() });
        }
        if draft.response_time_minutes > MAX_RESPONSE_MINUTES {
            errors.push(RiskFieldError {
                field: RiskField::ResponseTime,
                message: text::RISK_RESPONSE_TIME_RANGE.into(),
            });
        }
        let erp_type = match draft.erp_type.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(code) => {
                let found = ErpType::from_code(&code.to_uppercase());
                if found.is_none() {
                    errors.push(RiskFieldError { field: RiskField::ErpType, message: text::risk_erp_unknown(code) });
                }
                found
            }
        };
        let threat_notes = checked_text(RiskField::ThreatNotes, &draft.threat_notes, &mut errors);
        let notes = checked_text(RiskField::Notes, &draft.notes, &mut errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(RiskAssessment {
            peak_attendance: draft.peak_attendance,
            behaviour: draft.behaviour,
            site: draft.site,
            response_time_minutes: draft.response_time_minutes,
            alcohol: draft.alcohol,
            night: draft.night,
            threat: draft.threat,
            threat_notes,
            perimeter_l226_1: draft.perimeter_l226_1,
            erp_type,
            notes,
        })
    }
    /// The peak simultaneous attendance.
    pub fn peak_attendance(&self) -> u32 {
        self.peak_attendance
    }
    /// The public's behaviour (P2).
    pub fn behaviour(&self) -> BehaviourP2 {
        self.behaviour
    }
    /// The site and its access (E1).
    pub fn site(&self) -> SiteE1 {
        self.site
    }
    /// The emergency services' response time, in minutes (E2).
    pub fn response_time_minutes(&self) -> u32 {
        self.response_time_minutes
    }
    /// Alcohol is sold or consumed on site.
    pub fn alcohol(&self) -> bool {
        self.alcohol
    }
    /// The event runs at night.
    pub fn night(&self) -> bool {
        self.night
    }
    /// The Vigipirate level in force.
    pub fn threat(&self) -> ThreatLevel {
        self.threat
    }
    /// What is known of the threat, possibly empty.
    pub fn threat_notes(&self) -> &str {
        &self.threat_notes
    }
    /// Whether a protection perimeter (L226-1) is set up.
    pub fn perimeter_l226_1(&self) -> bool {
        self.perimeter_l226_1
    }
    /// The ERP type of the venue, if the event is held in one.
    pub fn erp_type(&self) -> Option<ErpType> {
        self.erp_type
    }
    /// Free-text notes, possibly empty.
    pub fn notes(&self) -> &str {
        &self.notes
    }
}

impl TryFrom<RiskAssessmentDraft> for RiskAssessment {
    type Error = String;
    fn try_from(draft: RiskAssessmentDraft) -> Result<Self, String> {
        RiskAssessment::new(draft).map_err(|errors| errors.into_iter().map(|e| e.message).collect::<Vec<_>>().join(" "))
    }
}

impl From<RiskAssessment> for RiskAssessmentDraft {
    fn from(r: RiskAssessment) -> Self {
        RiskAssessmentDraft {
            peak_attendance: r.peak_attendance,
            behaviour: r.behaviour,
            site: r.site,
            response_time_minutes: r.response_time_minutes,
            alcohol: r.alcohol,
            night: r.night,
            threat: r.threat,
            threat_notes: r.threat_notes,
            perimeter_l226_1: r.perimeter_l226_1,
            erp_type: r.erp_type.map(|t| t.code().to_string()),
            notes: r.notes,
        }
    }
}
