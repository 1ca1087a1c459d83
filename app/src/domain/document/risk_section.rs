//! Axis 1 of the document from the shared risk assessment: the facts the organiser stated, the
//! first-aid and steward sizing with its working, and what the plan provides beside it.

use super::model::RiskSection;
use crate::domain::convention::{Comparison, ComparisonLine, CoverageVerdict, RiskAssessment, Sizing};
use crate::text;

fn verdict(line: &ComparisonLine) -> String {
    match line.verdict {
        CoverageVerdict::Covered => text::risk_line_covered(line.suggested, line.provided.lowest),
        CoverageVerdict::PartlyCovered => {
            text::risk_line_partly(line.suggested, line.provided.lowest, line.provided.highest)
        }
        CoverageVerdict::Short => text::risk_line_short(line.suggested, line.provided.highest),
    }
}

/// The lines of axis 1 for `risk`, sized as `sizing`, compared with the plan as `comparison`.
pub fn risk_section(risk: &RiskAssessment, sizing: &Sizing, comparison: &Comparison) -> RiskSection {
    let mut lines = vec![
        text::risk_line_public(&text::convention_number(f64::from(risk.peak_attendance())), risk.behaviour().label()),
        text::risk_line_site(risk.site().label(), risk.response_time_minutes()),
        text::risk_line_context(risk.alcohol(), risk.night(), risk.threat().label()),
    ];
    if !risk.threat_notes().is_empty() {
        lines.push(text::risk_line_threat_notes(risk.threat_notes()));
    }
    if risk.perimeter_l226_1() {
        lines.push(text::RISK_LINE_PERIMETER.to_string());
    }
    if let Some(erp) = risk.erp_type() {
        lines.push(text::risk_line_erp(erp.label()));
    }
    lines.extend(sizing.working.iter().cloned());
    lines.push(format!("{} {}", text::RISK_LINE_FIRST_AIDERS, verdict(&comparison.first_aiders)));
    lines.push(format!("{} {}", text::RISK_LINE_STEWARDS, verdict(&comparison.stewards)));
    if !risk.notes().is_empty() {
        lines.push(text::risk_line_notes(risk.notes()));
    }
    RiskSection { lines }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::convention::{
        compare, size, BehaviourP2, RiskAssessmentDraft, SiteE1, SizingParameters, ThreatLevel,
    };
    use crate::domain::convention::{Provided, ProvisionLine};

    fn assessment() -> RiskAssessment {
        RiskAssessment::new(RiskAssessmentDraft {
            peak_attendance: 18_000,
            behaviour: BehaviourP2::Debout,
            site: SiteE1::Temporaire,
            response_time_minutes: 20,
            alcohol: true,
            night: true,
            threat: ThreatLevel::SecuriteRenforcee,
            threat_notes: String::new(),
            perimeter_l226_1: true,
            erp_type: Some("PA".into()),
            notes: "Feu d’artifice à 23 h.".into(),
        })
        .unwrap()
    }

    #[test]
    fn axis_one_states_the_facts_the_sizing_and_what_the_plan_lacks() {
        let risk = assessment();
        let sizing = size(&risk, 4, &SizingParameters::defaults());
        let provided = Provided {
            first_aiders: ProvisionLine { lowest: 0, highest: 0 },
            stewards: ProvisionLine { lowest: 10, highest: sizing.stewards },
            static_posts: 4,
        };
        let section = risk_section(&risk, &sizing, &compare(&sizing, &provided));
        let text = section.lines.join("\n");
        assert_eq!(
            section.lines[0],
            "Effectif maximal simultané attendu : 18 000 personnes ; comportement du public : public debout (foire, \
             cérémonie)."
        );
        assert!(text.contains("délai d’intervention des secours publics : 20 min"), "{text}");
        assert!(text.contains("avec vente ou consommation d’alcool, de nuit"), "{text}");
        assert!(text.contains("L226-1"), "{text}");
        assert!(text.contains("PA – établissements de plein air"), "{text}");
        assert!(text.contains("Feu d’artifice à 23 h."), "{text}");
        // Every line of the sizing's working is there, then the two comparisons.
        for line in &sizing.working {
            assert!(section.lines.contains(line));
        }
        assert!(section.lines.contains(&"Secouristes : 17 suggérés ; le dispositif n’en prévoit aucun.".to_string()));
        assert!(section.lines.contains(
            &"Agents de sécurité et stewards : 70 suggérés ; le dispositif en prévoit 70 au plus fort mais seulement 10 \
              au moment le plus faible."
                .to_string()
        ));
    }
}
