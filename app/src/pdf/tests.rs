//! Real PDF renderings of the Saint-Jean convention, read back with `pdftotext` (Debian's
//! poppler-utils, installed by `.ci/run`).

use std::process::Command;

use super::*;
use crate::domain::document::fixtures::{findings, full_inputs, outlined, release_of, renamed};
use crate::domain::document::{build_convention, Stamp};
use crate::domain::release::fixtures::saint_jean;

/// The text of `pdf`, whitespace runs folded to one space.
fn pdf_text(pdf: &[u8]) -> String {
    let path = std::env::temp_dir().join(format!("cordon-pdf-test-{}.pdf", uuid::Uuid::new_v4()));
    std::fs::write(&path, pdf).unwrap();
    let output = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (apt-get install poppler-utils)");
    let _ = std::fs::remove_file(&path);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap().split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_convention_renders_to_an_a4_pdf_with_its_key_fields_on_the_pages() {
    let release = release_of(saint_jean());
    let document = build_convention(&release, &findings(&release), &full_inputs());
    let pdf = render_convention_pdf(&document).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let text = pdf_text(&pdf);
    for expected in [
        "CONVENTION LOCALE DE COOPÉRATION DE SÉCURITÉ",
        "Fête de la Saint-Jean",
        "CLCS-13-2026-0042",
        "Version du plan : v1",
        document.release_sha256.as_str(),
        "Entrée Nord",
        "chacun agissant dans le cadre strict de ses missions et de ses attributions",
        "Page 1 / ",
        "Annexe — Points d’attention du contrôle de conformité",
    ] {
        assert!(text.contains(expected), "{expected} missing from the PDF text:\n{text}");
    }
    assert!(!text.contains("Patrouille pédestre"), "a restricted mission reached the PDF");
}

#[test]
fn names_full_of_typst_syntax_come_out_of_the_pdf_literally() {
    let name = "Fête #1 *gala* _x_ $5$ [a] @b <c> \\d = - + / ~ `e` \"f\" 'g' #text(red)[h]";
    let release = release_of(renamed(saint_jean(), name));
    let mut inputs = full_inputs();
    inputs.reference = "REF#[1]_*$@<x>\\".into();
    inputs.amendments[0].text = "// pas un commentaire\n= pas un titre\n- pas une puce".into();
    let pdf = render_convention_pdf(&build_convention(&release, &[], &inputs)).unwrap();
    let text = pdf_text(&pdf);
    assert!(text.contains(name), "the name is not literal in:\n{text}");
    assert!(text.contains("REF#[1]_*$@<x>\\"), "the reference is not literal in:\n{text}");
    assert!(text.contains("// pas un commentaire = pas un titre - pas une puce"), "{text}");
}

#[test]
fn the_same_document_always_gives_the_same_bytes() {
    let document = build_convention(&release_of(saint_jean()), &[], &full_inputs());
    assert_eq!(render_convention_pdf(&document).unwrap(), render_convention_pdf(&document).unwrap());
}

#[test]
fn an_approved_convention_carries_the_stamp() {
    let stamp = Stamp {
        approver_name: "Claire Martin".into(),
        approver_role: "Directrice de cabinet du préfet".into(),
        approved_at: crate::domain::document::fixtures::paris((2026, 6, 1), (14, 30)),
        reference: "AP-2026-118".into(),
    };
    let document =
        build_convention(&release_of(saint_jean()), &[], &full_inputs()).stamped(stamp, chrono_tz::Europe::Paris);
    let text = pdf_text(&render_convention_pdf(&document).unwrap());
    assert!(text.contains("CONVENTION APPROUVÉE"), "{text}");
    assert!(text.contains("par Claire Martin, Directrice de cabinet du préfet"), "{text}");
    assert!(text.contains("Décision AP-2026-118"), "{text}");
}

#[test]
fn broken_typst_source_is_an_error_not_a_panic() {
    let error = compile_pdf("#let x = (".into(), "broken").unwrap_err();
    assert!(error.to_string().starts_with("Le document n’a pas pu être mis en page"), "{error}");
}

#[test]
fn the_source_cannot_read_a_file() {
    let error = compile_pdf("#read(\"/etc/passwd\")".into(), "no-files").unwrap_err();
    assert!(matches!(error, PdfError::Layout(_)), "{error}");
}

#[test]
fn the_map_of_outlined_zones_is_drawn_in_the_perimeter_article() {
    let release = release_of(outlined(saint_jean(), 2));
    let document = build_convention(&release, &[], &full_inputs());
    let pdf = render_convention_pdf(&document).unwrap();
    let text = pdf_text(&pdf);
    assert!(text.contains("Plan des zones délimitées (nord en haut"), "{text}");
    // The numbers written over the outlines come before the legend that explains them.
    let legend = text.find("Plan des zones délimitées").unwrap();
    assert!(text[..legend].contains("1 2"), "{}", &text[..legend]);
}

#[test]
fn the_log_prints_as_a_pdf_with_each_entry_as_typed_even_with_typst_markup_in_it() {
    use crate::domain::operations::{log_typst, LogRow};
    let row = |reference: &str, text: &str, corrects: &str| LogRow {
        reference: reference.into(),
        at: "20/06/2026 19:05:12".into(),
        author: "Karim Daoud".into(),
        organisation: "Provence Sécurité Événements".into(),
        zone: "Entrée Quai Brescon".into(),
        category: "Incident".into(),
        severity: "Élevée".into(),
        register: "Tous les participants".into(),
        text: text.into(),
        corrects: corrects.into(),
    };
    let rows = vec![
        row("n° 1", "Bousculade #1 à l’entrée *nord* [porte] $2 @x", ""),
        row("n° 2", "Deux blessés légers, pas un.", "n° 1"),
    ];
    let source = log_typst("Fête de la Saint-Jean", "Claire Martin (Préfecture)", "samedi 20 juin 2026 à 23:00", &rows);
    let pdf = compile_pdf(source, "main-courante-test").unwrap();
    let text = pdf_text(&pdf);
    assert!(text.contains("Main courante — Fête de la Saint-Jean"), "{text}");
    assert!(
        text.contains("Édition pour Claire Martin (Préfecture), le samedi 20 juin 2026 à 23:00 : 2 entrées"),
        "{text}"
    );
    assert!(text.contains("Bousculade #1 à l’entrée *nord* [porte] $2 @x"), "printed as typed: {text}");
    assert!(text.contains("Corrige n° 1 : Deux blessés légers, pas un."), "{text}");
    let empty = compile_pdf(log_typst("Fête", "Moi", "aujourd’hui", &[]), "main-courante-vide").unwrap();
    assert!(pdf_text(&empty).contains("Aucune entrée pour l’instant."));
}
