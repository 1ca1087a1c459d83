//! The convention as Typst source: A4, a header with the reference and the release version,
//! a footer with the release's SHA-256 and "Page 2 / 7", French typography. The server
//! compiles it to PDF (`crate::pdf`); here it is only text, so it is testable anywhere.
//!
//! Every text from the plan or the caller goes through [`escape_markup`] (in markup) or
//! [`escape_string`] (in a string literal): a name holding `#`, `*`, `_`, `$`, `[`, `]`, `@`,
//! `<` or a backslash prints as it is and never runs as Typst code.

use std::fmt::Write;

use super::map::ZoneMap;
use super::model::{Article, Block, ConventionDocument};
use crate::text::convention as t;

/// Escapes `text` for Typst markup: every character with a meaning in markup gets a
/// backslash (Typst reads `\` followed by any character as that character), line breaks
/// become forced line breaks and other control characters spaces.
pub fn escape_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '\\' | '#' | '*' | '_' | '$' | '[' | ']' | '@' | '<' | '>' | '`' | '~' | '=' | '-' | '+' | '/' | '.'
            | '\'' | '"' | '(' | ')' | ':' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str(" \\ "),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Escapes `text` for the inside of a Typst string literal (`"…"`).
pub fn escape_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Short alias used throughout: markup-escaped text.
fn m(text: &str) -> String {
    escape_markup(text)
}

const PREAMBLE: &str = r##"#set text(font: "Libertinus Serif", lang: "fr", region: "FR", size: 10pt, hyphenate: false)
#set par(justify: true, leading: 0.58em, spacing: 0.85em)
#set list(indent: 0.8em, body-indent: 0.5em)
#show heading.where(level: 1): it => block(above: 1.5em, below: 0.8em, sticky: true, text(size: 11.5pt, weight: "bold", fill: rgb("#000091"), it.body))
#show heading.where(level: 2): it => block(above: 1.1em, below: 0.6em, sticky: true, text(size: 10pt, weight: "semibold", it.body))
#show table: set text(size: 8.5pt)
#show table: set par(justify: false)
#show list: set par(justify: false)
#set table(stroke: 0.4pt + luma(150), inset: 4pt, fill: (x, y) => if y == 0 { luma(228) })
"##;

/// The whole convention as a Typst document.
pub fn render_typst(document: &ConventionDocument) -> String {
    let mut out = String::with_capacity(32 * 1024);
    let _ = writeln!(
        out,
        "#set document(title: \"{} — {}\", author: \"{}\")",
        escape_string(t::TITLE),
        escape_string(&document.event_name),
        escape_string(&document.prefecture)
    );
    out.push_str(PREAMBLE);
    page_setup(&mut out, document);
    title_page(&mut out, document);
    for article in &document.articles {
        article_typst(&mut out, article);
    }
    signatures_typst(&mut out, document);
    annex_typst(&mut out, document);
    attachments_typst(&mut out, document);
    out
}

fn page_setup(out: &mut String, document: &ConventionDocument) {
    let _ = writeln!(
        out,
        "#set page(paper: \"a4\", margin: (x: 2.2cm, top: 2.7cm, bottom: 2.7cm),\n  \
header: [#set text(size: 8pt, fill: luma(70))\n#set par(justify: false)\n{} n° {} #h(1fr) {} : v{}\n\
#v(-0.5em)\n#line(length: 100%, stroke: 0.4pt + luma(160))],\n  \
footer: context [#set text(size: 7.5pt, fill: luma(70))\n#set par(justify: false)\n\
#line(length: 100%, stroke: 0.4pt + luma(160))\n#v(-0.4em)\n{} : #text(font: \"DejaVu Sans Mono\", size: 6.5pt, \"{}\") \
#h(1fr) {} #counter(page).display() \\/ #counter(page).final().first()])",
        m("Convention"),
        m(&document.reference),
        m(t::RELEASE_VERSION),
        document.release_number,
        m(t::RELEASE_SHA256),
        escape_string(&document.release_sha256),
        m(t::PAGE),
    );
}

fn title_page(out: &mut String, document: &ConventionDocument) {
    let _ = writeln!(
        out,
        "#grid(columns: (1fr, 1fr),\n  [#set text(size: 9pt)\n#set par(justify: false)\n*{}* \\ #text(style: \"italic\")[{}] \\ #v(0.4em) *{}*],\n  \
align(right)[#set text(size: 9pt)\n{} : *{}* \\ {} {}])",
        m(t::REPUBLIC),
        m(t::MOTTO),
        m(&document.prefecture.to_uppercase()),
        m(t::REFERENCE),
        m(&document.reference),
        m("Établi le"),
        m(&document.generated_on),
    );
    let _ = writeln!(
        out,
        "#v(1.4cm)\n#align(center)[#text(size: 15pt, weight: \"bold\", fill: rgb(\"#000091\"))[{}] \\ #v(0.3em) \
#text(size: 12.5pt)[{} « {} »] \\ #v(0.2em) {} \\ {}]",
        m(&t::TITLE.to_uppercase()),
        m("pour l’événement"),
        m(&document.event_name),
        m(&document.commune),
        m(&document.dates),
    );
    let _ = writeln!(out, "#v(0.4em)\n#align(center, text(size: 9pt, style: \"italic\")[{}])", m(t::LEGAL_BASIS));
    let _ = writeln!(
        out,
        "#v(0.6em)\n#block(width: 100%, inset: 7pt, stroke: 0.4pt + luma(150), fill: luma(246))[#set text(size: 8.5pt)\n\
#set par(justify: false)\n*{}* : v{} ({} {}) \\ *{}* : #text(font: \"DejaVu Sans Mono\", size: 7.5pt, \"{}\")]",
        m(t::RELEASE_VERSION),
        document.release_number,
        m("publiée le"),
        m(&document.release_published),
        m(t::RELEASE_SHA256),
        escape_string(&document.release_sha256),
    );
    if let Some(stamp) = &document.stamp {
        let _ = writeln!(
            out,
            "#v(0.6em)\n#align(right, block(stroke: 1.4pt + rgb(\"#18753c\"), inset: 8pt, radius: 3pt)[#set text(fill: rgb(\"#18753c\"), size: 9pt)\n\
#set par(justify: false)\n#text(weight: \"bold\", size: 10.5pt)[{}] \\ {} {} \\ {} {}, {} \\ {} {}])",
            m(t::STAMP_TITLE),
            m("le"),
            m(document.stamp_date.as_deref().unwrap_or_default()),
            m("par"),
            m(&stamp.approver_name),
            m(&stamp.approver_role),
            m("Décision"),
            m(&stamp.reference),
        );
    }
}

fn article_typst(out: &mut String, article: &Article) {
    let _ = writeln!(out, "\n= {} {} — {}\n", m(t::ARTICLE), article.number, m(&article.title));
    for block in &article.blocks {
        block_typst(out, block);
    }
    if let Some(clause) = &article.template_clause {
        let _ = writeln!(
            out,
            "#block(width: 100%, inset: 6pt, fill: luma(240))[*{}* \\ {}]\n",
            m(t::TEMPLATE_CLAUSE),
            m(clause)
        );
    }
    for amendment in &article.amendments {
        let _ = writeln!(
            out,
            "#block(width: 100%, inset: 6pt, fill: luma(248), stroke: (left: 2pt + rgb(\"#000091\")))[*{}* \\ {}]\n",
            m(amendment.author.label()),
            m(&amendment.text)
        );
    }
}

fn block_typst(out: &mut String, block: &Block) {
    match block {
        Block::Subheading(text) => {
            let _ = writeln!(out, "== {}\n", m(text));
        }
        Block::Paragraph(text) => {
            let _ = writeln!(out, "{}\n", m(text));
        }
        Block::Bullets(items) => {
            for item in items {
                let _ = writeln!(out, "- {}", m(item));
            }
            out.push('\n');
        }
        Block::Table { header, rows } => table_typst(out, header, rows),
        Block::Map(map) => map_typst(out, map),
    }
}

/// Tenths of a millimetre as a Typst length.
fn mm(tenths: i32) -> String {
    format!("{:.1}mm", f64::from(tenths) / 10.0)
}

/// The zones' map: a framed box, each outline a polygon placed from the top left corner,
/// the numbers written over them.
fn map_typst(out: &mut String, map: &ZoneMap) {
    let _ = writeln!(
        out,
        "#block(breakable: false, width: {}, height: {}, stroke: 0.5pt + luma(150), fill: luma(246), clip: true)[",
        mm(map.width),
        mm(map.height)
    );
    for shape in &map.shapes {
        let points: Vec<String> = shape.points.iter().map(|&(x, y)| format!("({}, {})", mm(x), mm(y))).collect();
        let (fill, stroke) = if shape.public_road {
            ("rgb(252, 238, 172, 180)", "rgb(\"#b34000\")")
        } else {
            ("rgb(202, 202, 251, 180)", "rgb(\"#000091\")")
        };
        let _ = writeln!(
            out,
            "  #place(top + left, polygon(fill: {fill}, stroke: 0.8pt + {stroke}, {}))",
            points.join(", ")
        );
    }
    for shape in &map.shapes {
        let _ = writeln!(
            out,
            "  #place(top + left, dx: {} - 2mm, dy: {} - 2.5mm, box(width: 4mm, align(center, text(size: 9pt, weight: \"bold\")[{}])))",
            mm(shape.label.0),
            mm(shape.label.1),
            shape.number
        );
    }
    out.push_str("]\n\n");
}

/// Column widths that suit each table of the convention, by its number of columns.
fn columns(header: &[String]) -> &'static str {
    if header.iter().map(String::as_str).eq(t::ANNEX_HEADER) {
        return "(auto, 2.2fr, 1.1fr, 2fr)";
    }
    match header.len() {
        5 => "(1.6fr, 1.35fr, auto, 2.4fr, 1fr)",
        4 => "(1.5fr, 1fr, 1.3fr, 1fr)",
        3 => "(1.3fr, 1fr, 1.4fr)",
        _ => "auto",
    }
}

fn table_typst(out: &mut String, header: &[String], rows: &[Vec<String>]) {
    let _ = write!(out, "#table(columns: {},\n  table.header(", columns(header));
    for cell in header {
        let _ = write!(out, "[*{}*], ", m(cell));
    }
    out.push_str("),\n");
    for row in rows {
        out.push_str("  ");
        // Every row as wide as the header: a short row is padded, a long one cut.
        for i in 0..header.len() {
            let _ = write!(out, "[{}], ", m(row.get(i).map_or("", String::as_str)));
        }
        out.push('\n');
    }
    out.push_str(")\n\n");
}

fn signatures_typst(out: &mut String, document: &ConventionDocument) {
    let _ = writeln!(out, "\n= {}\n", m(t::SIGNATURES));
    let _ = writeln!(out, "{}\n", m(&document.place_and_date()));
    out.push_str("#grid(columns: (1fr, 1fr), gutter: 10pt,\n");
    for signatory in &document.signatories {
        let hand = signatory.signed.as_deref().unwrap_or(t::SIGNATURE_FIELDS);
        let _ = writeln!(
            out,
            "  block(width: 100%, height: 4cm, breakable: false, inset: 7pt, stroke: 0.4pt + luma(150))[#set par(justify: false)\n*{}* \\ {} \\ #text(size: 7.5pt)[{}] \\ #text(size: 8pt, style: \"italic\", fill: luma(90))[{}]],",
            m(&signatory.capacity),
            m(&signatory.name),
            m(&signatory.commits),
            m(hand)
        );
    }
    out.push_str(")\n");
}

fn annex_typst(out: &mut String, document: &ConventionDocument) {
    let _ = writeln!(out, "\n#pagebreak(weak: true)\n= {}\n", m(t::ANNEX_TITLE));
    if document.annex.is_empty() {
        let _ = writeln!(out, "{}\n", m(t::ANNEX_EMPTY));
        return;
    }
    let _ = writeln!(out, "{}\n", m(t::ANNEX_INTRO));
    let header: Vec<String> = t::ANNEX_HEADER.iter().map(|h| h.to_string()).collect();
    let rows: Vec<Vec<String>> = document
        .annex
        .iter()
        .map(|e| vec![e.severity.clone(), e.message.clone(), e.reference.clone(), e.fix.clone()])
        .collect();
    table_typst(out, &header, &rows);
}

fn attachments_typst(out: &mut String, document: &ConventionDocument) {
    if document.attachments.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n= {}\n", m(t::ANNEX_ATTACHMENTS_TITLE));
    let _ = writeln!(out, "{}\n", m(t::ANNEX_ATTACHMENTS_INTRO));
    let header: Vec<String> = t::ANNEX_ATTACHMENTS_HEADER.iter().map(|h| h.to_string()).collect();
    table_typst(out, &header, &document.attachment_rows());
}
