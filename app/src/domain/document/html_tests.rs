//! The HTML view: every text escaped, one section per article, the annex and signatures.

use super::fixtures::{full_inputs, release_of, renamed};
use super::*;
use crate::domain::release::fixtures::saint_jean;

#[test]
fn the_html_view_has_one_section_per_article_then_the_signatures_and_the_annex() {
    let release = release_of(saint_jean());
    let html = render_html(&build_convention(&release, &[], &full_inputs()));
    assert_eq!(html.matches("<section class=\"convention-article\"").count(), 9);
    assert!(html.contains("<h2>Article 5 — Coopération opérationnelle</h2>"));
    assert!(html.contains("id=\"article-non_redondance\""));
    assert!(html.contains("<section class=\"convention-signatures\">"));
    assert!(html.contains("Aucun point d’attention n’a été relevé."));
    assert!(html.contains(&release_sha256(&release)));
    assert!(html.contains("<h3>Amendement de l’organisateur</h3><p>Les agents reçoivent un gilet numéroté.</p>"));
    assert!(html.starts_with("<article class=\"convention\">") && html.ends_with("</article>\n"));
}

#[test]
fn markup_in_a_name_is_shown_as_text_never_run() {
    let release = release_of(renamed(saint_jean(), "<script>alert('x')</script> & \"co\""));
    let html = render_html(&build_convention(&release, &[], &full_inputs()));
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;"));
}

#[test]
fn line_breaks_of_an_amendment_become_br_elements() {
    let mut inputs = full_inputs();
    inputs.amendments[0].text = "Première ligne\nSeconde <ligne>".into();
    let html = render_html(&build_convention(&release_of(saint_jean()), &[], &inputs));
    assert!(html.contains("Première ligne<br>Seconde &lt;ligne&gt;"));
}
