//! The shapes of the convention: what the caller supplies ([`ConventionInputs`]) and what is
//! built ([`ConventionDocument`]: articles made of blocks, signatories, an annex).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::compliance::ConventionInForce;
use crate::domain::plan::fields::coded_enum;
use crate::domain::time::Instant;

coded_enum! {
    /// The articles of the convention, in their order. The stable code keys the department's
    /// template clauses and the amendments.
    pub enum ArticleId {
        Parties => ("parties", "Parties et signataires"),
        Objet => ("objet", "Objet de la convention"),
        PerimetreDuree => ("perimetre_duree", "Périmètre et durée"),
        /// Axis 1 of the circular.
        EvaluationRisques => ("evaluation_risques", "Évaluation partagée des risques"),
        /// Axis 2.
        CooperationOperationnelle => ("cooperation_operationnelle", "Coopération opérationnelle"),
        /// Axis 3.
        Engagements => ("engagements", "Engagements de l’organisateur et des prestataires de sécurité privée"),
        /// Axis 4.
        EchangeInformations => ("echange_informations", "Circuit d’échange d’informations et d’alerte"),
        /// Axis 5.
        Evaluation => ("evaluation", "Évaluation et adaptation de la convention"),
        NonRedondance => ("non_redondance", "Articulation avec les conventions en vigueur"),
    }
}

coded_enum! {
    /// Who wrote an amendment.
    pub enum AmendmentAuthor {
        /// The organiser, as donneur d'ordre.
        Organisateur => ("organisateur", "Amendement de l’organisateur"),
        Prefecture => ("prefecture", "Amendement de la préfecture"),
    }
}

/// The shared risk assessment as computed elsewhere (the risk form): plain lines of French
/// text, shown as they are under axis 1.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskSection {
    pub lines: Vec<String>,
}

/// Free text added to an article by the organiser or the prefecture.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amendment {
    pub article: ArticleId,
    pub author: AmendmentAuthor,
    pub text: String,
}

/// The approval stamp printed on an approved convention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    /// Who approved, e.g. "Claire Martin".
    pub approver_name: String,
    /// In what capacity, e.g. "Directrice de cabinet du préfet".
    pub approver_role: String,
    /// When the approval was decided.
    pub approved_at: Instant,
    /// The approval's reference (the decision's number).
    pub reference: String,
}

/// What the caller supplies besides the release and the findings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConventionInputs {
    /// The convention's reference number, e.g. "CLCS-13-2026-0042".
    pub reference: String,
    /// The day the document is generated (printed under the title).
    pub generated_at: Instant,
    /// The prefecture as it signs, e.g. "Préfecture des Bouches-du-Rhône"; default: "Préfecture
    /// du département NN".
    #[serde(default)]
    pub prefecture: Option<String>,
    /// Axis 1, when the risk form was filled in.
    #[serde(default)]
    pub risk: Option<RiskSection>,
    /// Conventions already in force the event convention cites instead of repeating them.
    #[serde(default)]
    pub conventions_in_force: Vec<ConventionInForce>,
    /// The department's own clause per article, printed after the generated text.
    #[serde(default)]
    pub template_clauses: BTreeMap<ArticleId, String>,
    #[serde(default)]
    pub amendments: Vec<Amendment>,
    /// The pieces attached to the file, listed in the annex.
    #[serde(default)]
    pub attachments: Vec<crate::domain::convention::attachment::AttachmentMeta>,
}

impl ConventionInputs {
    /// Inputs with only a reference and a generation instant.
    pub fn new(reference: &str, generated_at: Instant) -> ConventionInputs {
        ConventionInputs {
            reference: reference.to_string(),
            generated_at,
            prefecture: None,
            risk: None,
            conventions_in_force: Vec::new(),
            template_clauses: BTreeMap::new(),
            amendments: Vec::new(),
            attachments: Vec::new(),
        }
    }
}

/// A piece of an article's generated text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Block {
    /// A heading inside an article.
    Subheading(String),
    Paragraph(String),
    Bullets(Vec<String>),
    /// A table: a header row and rows of the same width.
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// The map of the zones drawn with an outline.
    Map(super::map::ZoneMap),
}

/// One article: its generated text, the department's clause and the amendments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pub id: ArticleId,
    /// 1, 2, … in the order printed.
    pub number: usize,
    pub title: String,
    pub blocks: Vec<Block>,
    pub template_clause: Option<String>,
    pub amendments: Vec<Amendment>,
}

/// A box of the signature block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signatory {
    /// "Pour la préfecture", "Pour l’organisateur, donneur d’ordre", …
    pub capacity: String,
    /// The organisation or office signing.
    pub name: String,
    /// What it signs for: the articles that commit it (« Signe pour : … »).
    #[serde(default)]
    pub commits: String,
    /// Who signed it in Cordon and when, once recorded: the prefect's box on an approved copy
    /// (the approval is the prefect's signature); the other parties sign the copy by hand.
    #[serde(default)]
    pub signed: Option<String>,
}

/// A piece attached to the file, as the annex lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnexAttachment {
    pub kind: String,
    pub file_name: String,
    pub size: String,
    pub sha256: String,
}

/// A compliance finding listed in the annex.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnexEntry {
    /// "Bloquant", "Avertissement" or "Information".
    pub severity: String,
    pub message: String,
    pub reference: String,
    pub fix: String,
}

/// The whole convention, ready to render.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConventionDocument {
    pub reference: String,
    pub event_name: String,
    /// "Martigues (13056)".
    pub commune: String,
    pub prefecture: String,
    /// The release the document was built from: its number and publication date.
    pub release_number: u32,
    pub release_published: String,
    /// Lower-case hex SHA-256 of the release ([`crate::domain::document::release_sha256`]).
    pub release_sha256: String,
    /// "Document établi le …".
    pub generated_on: String,
    /// "Du samedi 20 juin 2026 à 18:00 au dimanche 21 juin 2026 à 02:00 (Europe/Paris)".
    pub dates: String,
    pub articles: Vec<Article>,
    pub signatories: Vec<Signatory>,
    pub annex: Vec<AnnexEntry>,
    /// The pieces attached to the file, as the annex lists them.
    #[serde(default)]
    pub attachments: Vec<AnnexAttachment>,
    /// The approval stamp, once approved (set by the workflow with [`ConventionDocument::stamped`]).
    pub stamp: Option<Stamp>,
    /// The stamp's date as printed.
    pub stamp_date: Option<String>,
}

impl ConventionDocument {
    /// The annex's rows of attachments, the same in the HTML view and the PDF.
    pub fn attachment_rows(&self) -> Vec<Vec<String>> {
        self.attachments
            .iter()
            .map(|a| vec![a.kind.clone(), a.file_name.clone(), a.size.clone(), a.sha256.clone()])
            .collect()
    }

    /// The article with `id`.
    pub fn article(&self, id: ArticleId) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }

    /// « Fait à <commune>, le … »: the place, and the date of the approval once the prefecture
    /// has approved (the last signature); left for the hand until then. The HTML view and the
    /// PDF print this one line.
    pub fn place_and_date(&self) -> String {
        let date = self.stamp_date.as_deref().map(|d| format!(" {d}")).unwrap_or_default();
        format!("{} {}, le{date}", crate::text::convention::SIGNED_AT, self.commune)
    }

    /// The document with the approval stamp; its date is printed in `zone` (the event's).
    pub fn stamped(mut self, stamp: Stamp, zone: chrono_tz::Tz) -> ConventionDocument {
        let date = crate::domain::time::format_long_fr(stamp.approved_at, zone);
        if let Some(prefect) = self.signatories.first_mut() {
            prefect.signed =
                Some(crate::text::convention::signed_in_cordon(&stamp.approver_name, &stamp.approver_role, &date));
        }
        self.stamp_date = Some(date);
        self.stamp = Some(stamp);
        self
    }
}
