//! Assembles the convention: the facts of the release, each article's generated text, the
//! department's clause and the amendments, the signature block and the annex.

use chrono_tz::Tz;

use super::model::{AnnexAttachment, AnnexEntry, Article, ArticleId, Block, ConventionDocument, ConventionInputs};
use super::{articles_axes, articles_frame, digest, wording};
use crate::domain::compliance::{document_reader, findings_as_read_by, Finding};
use crate::domain::plan::{Deployment, Participant, ParticipantRole, Plan, TimeWindow, Visibility, Zone};
use crate::domain::release::Release;
use crate::domain::time::format_long_fr;

/// What every article builder reads: the plan as published and the caller's inputs.
pub(super) struct Context<'a> {
    pub plan: &'a Plan,
    pub zone: Tz,
    pub inputs: &'a ConventionInputs,
    pub prefecture: String,
    pub release_number: u32,
}

impl<'a> Context<'a> {
    pub fn participants(&self, role: ParticipantRole) -> impl Iterator<Item = &'a Participant> {
        self.plan.participants.iter().filter(move |p| p.role() == role)
    }

    pub fn participant_label(&self, id: &str) -> String {
        self.plan.participant(id).map_or_else(|| id.to_string(), |p| format!("{} ({})", p.name(), p.role().label()))
    }

    pub fn zone_of(&self, id: &str) -> Option<&'a Zone> {
        self.plan.zones.iter().find(|z| z.id() == id)
    }

    /// The deployments every reader of the convention may see in detail.
    pub fn visible(&self) -> impl Iterator<Item = &'a Deployment> {
        self.plan.deployments.iter().filter(|d| d.visibility() != Visibility::Restricted)
    }

    /// The operations: from the set-up start to the tear-down end.
    pub fn operations(&self) -> Option<TimeWindow> {
        TimeWindow::new(self.plan.event.operations_start(), self.plan.event.operations_end()).ok()
    }
}

/// Builds the convention of `release` (the latest published release of the event) with the
/// compliance `findings` of its plan and the caller's `inputs`. Findings that name a
/// restricted deployment are left out of the annex, which private providers read too.
pub fn build_convention(release: &Release, findings: &[Finding], inputs: &ConventionInputs) -> ConventionDocument {
    let plan = release.plan();
    let event = &plan.event;
    let zone = event.time_zone();
    let prefecture = inputs
        .prefecture
        .as_deref()
        .map(wording::clean)
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| format!("Préfecture du département {}", event.department().as_str()));
    let context = Context { plan, zone, inputs, prefecture, release_number: release.number().get() };
    let generated = vec![
        (ArticleId::Parties, articles_frame::parties(&context)),
        (ArticleId::Objet, articles_frame::purpose(&context)),
        (ArticleId::PerimetreDuree, articles_frame::perimeter_and_duration(&context)),
        (ArticleId::EvaluationRisques, articles_axes::risk_assessment(&context)),
        (ArticleId::CooperationOperationnelle, articles_axes::cooperation(&context)),
        (ArticleId::Engagements, articles_axes::commitments(&context)),
        (ArticleId::EchangeInformations, articles_axes::information(&context)),
        (ArticleId::Evaluation, articles_axes::evaluation(&context)),
        (ArticleId::NonRedondance, articles_frame::non_redundancy(&context)),
    ];
    let articles =
        generated.into_iter().enumerate().map(|(i, (id, blocks))| article(&context, id, i + 1, blocks)).collect();
    ConventionDocument {
        reference: Some(wording::clean(&inputs.reference))
            .filter(|r| !r.is_empty())
            .unwrap_or_else(|| "(sans référence)".into()),
        event_name: event.name().to_string(),
        commune: format!("{} ({})", event.commune_name(), event.commune().as_str()),
        prefecture: context.prefecture.clone(),
        release_number: context.release_number,
        release_published: format_long_fr(release.published_at(), zone),
        release_sha256: digest::release_sha256(release),
        generated_on: wording::day_long(inputs.generated_at, zone),
        dates: format!("{} ({})", wording::capitalised(&wording::window_long(event.window(), zone)), zone.name()),
        articles,
        signatories: articles_frame::signatories(&context),
        annex: annex(plan, findings),
        attachments: inputs
            .attachments
            .iter()
            .map(|a| AnnexAttachment {
                kind: a.kind.label().to_string(),
                file_name: wording::clean(&a.file_name),
                size: crate::domain::convention::attachment::size_fr(a.size),
                sha256: a.sha256.clone(),
            })
            .collect(),
        stamp: None,
        stamp_date: None,
    }
}

fn article(context: &Context, id: ArticleId, number: usize, blocks: Vec<Block>) -> Article {
    let clause = context.inputs.template_clauses.get(&id).map(|c| wording::clean(c)).filter(|c| !c.is_empty());
    let amendments = context
        .inputs
        .amendments
        .iter()
        .filter(|a| a.article == id && !a.text.trim().is_empty())
        .map(|a| super::model::Amendment { text: wording::clean(&a.text), ..a.clone() })
        .collect();
    Article { id, number, title: id.label().to_string(), blocks, template_clause: clause, amendments }
}

/// The findings of the annex, as every party may read them: the document goes to private
/// providers too ([`findings_as_read_by`] with the [`document_reader`]).
fn annex(plan: &Plan, findings: &[Finding]) -> Vec<AnnexEntry> {
    findings_as_read_by(findings.to_vec(), plan, &document_reader())
        .into_iter()
        .map(|f| AnnexEntry {
            severity: f.severity.label().to_string(),
            message: wording::clean(&f.message),
            reference: wording::clean(&f.reference),
            fix: wording::clean(&f.fix),
        })
        .collect()
}
