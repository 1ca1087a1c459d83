//! The Typst source: the escaping of markup and strings, and the pieces every page carries.
//! (The server's PDF tests compile it for real.)

use super::fixtures::{full_inputs, release_of, renamed};
use super::*;
use crate::domain::release::fixtures::saint_jean;

#[test]
fn every_markup_character_of_typst_is_escaped_with_a_backslash() {
    assert_eq!(escape_markup("#*_$[]@<>\\"), "\\#\\*\\_\\$\\[\\]\\@\\<\\>\\\\");
    assert_eq!(escape_markup("= Titre"), "\\= Titre");
    assert_eq!(escape_markup("- puce // pas un commentaire"), "\\- puce \\/\\/ pas un commentaire");
    assert_eq!(escape_markup("`code` ~ + 1. \"a\" 'b'"), "\\`code\\` \\~ \\+ 1\\. \\\"a\\\" \\'b\\'");
    assert_eq!(escape_markup("#f(x).y{z}"), "\\#f\\(x\\)\\.y\\{z\\}");
    assert_eq!(escape_markup("Élan, été ; à 18 h !"), "Élan, été ; à 18 h !");
}

#[test]
fn line_breaks_become_forced_breaks_and_control_characters_spaces() {
    assert_eq!(escape_markup("un\ndeux"), "un \\ deux");
    assert_eq!(escape_markup("a\u{0}b\tc"), "a b c");
}

#[test]
fn a_string_literal_escapes_only_backslashes_quotes_and_control_characters() {
    assert_eq!(escape_string(r#"Fête "Saint" \ #1"#), r#"Fête \"Saint\" \\ #1"#);
    assert_eq!(escape_string("a\nb\u{7}"), "a\\nb ");
}

#[test]
fn the_source_sets_a4_the_reference_the_version_the_digest_and_page_numbers() {
    let release = release_of(saint_jean());
    let source = render_typst(&build_convention(&release, &[], &full_inputs()));
    assert!(source.contains("#set page(paper: \"a4\""));
    assert!(source.contains("CLCS\\-13\\-2026\\-0042"));
    assert!(source.contains("v1"));
    assert!(source.contains(&release_sha256(&release)));
    assert!(source.contains("#counter(page).display() \\/ #counter(page).final().first()"));
    assert!(source.contains("lang: \"fr\""));
    assert_eq!(
        source.matches("\n= ").count(),
        9 + 3,
        "nine articles, the signatures, the annex of findings and that of attachments"
    );
    assert!(source.contains("Annexe — Pièces jointes au dossier"));
}

#[test]
fn a_name_full_of_typst_syntax_is_escaped_in_the_markup_and_in_the_title_string() {
    let name = "Fête #1 *gala* _x_ $5$ [a] @b <c> \\d";
    let release = release_of(renamed(saint_jean(), name));
    let source = render_typst(&build_convention(&release, &[], &full_inputs()));
    assert!(source.contains(&escape_markup(name)));
    assert!(source.contains(&format!("— {}\", author", escape_string(name))));
    assert_eq!(source.matches("Fête #1").count(), 1, "unescaped only inside the title's string literal");
}

#[test]
fn a_stamped_convention_prints_the_approval_box() {
    let stamp = Stamp {
        approver_name: "Claire Martin".into(),
        approver_role: "Directrice de cabinet".into(),
        approved_at: super::fixtures::paris((2026, 6, 1), (14, 30)),
        reference: "AP-2026-118".into(),
    };
    let document = build_convention(&release_of(saint_jean()), &[], &full_inputs());
    assert!(!render_typst(&document).contains("CONVENTION APPROUVÉE"));
    let source = render_typst(&document.stamped(stamp, chrono_tz::Europe::Paris));
    assert!(source.contains("CONVENTION APPROUVÉE"));
    assert!(source.contains("Claire Martin"));
    assert!(source.contains("AP\\-2026\\-118"));
}
