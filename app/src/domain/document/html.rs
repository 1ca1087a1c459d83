//! The convention as an HTML fragment (an `<article>`), for a page to show as it is. Every
//! text is escaped; the classes follow the DSFR where one fits (`fr-table`).

use std::fmt::Write;

use super::map::ZoneMap;
use super::model::{Article, Block, ConventionDocument};
use crate::text::convention as t;

/// Escapes `&`, `<`, `>`, `"` and `'` for text and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escaped text whose line breaks become `<br>`.
fn lines(text: &str) -> String {
    text.split('\n').map(escape).collect::<Vec<_>>().join("<br>")
}

/// The whole convention as one `<article class="convention">` element.
pub fn render_html(document: &ConventionDocument) -> String {
    let mut out = String::with_capacity(16 * 1024);
    out.push_str("<article class=\"convention\">\n<header class=\"convention-header\">\n");
    let _ = writeln!(out, "<p class=\"convention-republic\">{}<br>{}</p>", t::REPUBLIC, t::MOTTO);
    let _ = writeln!(out, "<p class=\"convention-prefecture\">{}</p>", escape(&document.prefecture));
    let _ = writeln!(out, "<h1>{}</h1>", t::TITLE);
    let _ = writeln!(
        out,
        "<p class=\"convention-event\">« {} » — {}<br>{}</p>",
        escape(&document.event_name),
        escape(&document.commune),
        escape(&document.dates)
    );
    let _ = writeln!(out, "<p class=\"convention-basis\">{}</p>", t::LEGAL_BASIS);
    let _ = writeln!(
        out,
        "<dl class=\"convention-ids\"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>v{} (publiée le {})</dd>\
<dt>{}</dt><dd><code>{}</code></dd><dt>Établi le</dt><dd>{}</dd></dl>",
        t::REFERENCE,
        escape(&document.reference),
        t::RELEASE_VERSION,
        document.release_number,
        escape(&document.release_published),
        t::RELEASE_SHA256,
        escape(&document.release_sha256),
        escape(&document.generated_on),
    );
    if let Some(stamp) = &document.stamp {
        let _ = writeln!(
            out,
            "<p class=\"convention-stamp\"><strong>{}</strong> le {} par {}, {} — décision {}</p>",
            t::STAMP_TITLE,
            escape(document.stamp_date.as_deref().unwrap_or_default()),
            escape(&stamp.approver_name),
            escape(&stamp.approver_role),
            escape(&stamp.reference)
        );
    }
    out.push_str("</header>\n");
    for article in &document.articles {
        article_html(&mut out, article);
    }
    signatures_html(&mut out, document);
    annex_html(&mut out, document);
    out.push_str("</article>\n");
    out
}

fn article_html(out: &mut String, article: &Article) {
    let _ = writeln!(out, "<section class=\"convention-article\" id=\"article-{}\">", article.id.code());
    let _ = writeln!(out, "<h2>{} {} — {}</h2>", t::ARTICLE, article.number, escape(&article.title));
    for block in &article.blocks {
        block_html(out, block);
    }
    if let Some(clause) = &article.template_clause {
        let _ = writeln!(
            out,
            "<aside class=\"convention-clause\"><h3>{}</h3><p>{}</p></aside>",
            t::TEMPLATE_CLAUSE,
            lines(clause)
        );
    }
    for amendment in &article.amendments {
        let _ = writeln!(
            out,
            "<aside class=\"convention-amendment convention-amendment-{}\"><h3>{}</h3><p>{}</p></aside>",
            amendment.author.code(),
            amendment.author.label(),
            lines(&amendment.text)
        );
    }
    out.push_str("</section>\n");
}

fn block_html(out: &mut String, block: &Block) {
    match block {
        Block::Subheading(text) => {
            let _ = writeln!(out, "<h3>{}</h3>", escape(text));
        }
        Block::Paragraph(text) => {
            let _ = writeln!(out, "<p>{}</p>", lines(text));
        }
        Block::Bullets(items) => {
            out.push_str("<ul>");
            for item in items {
                let _ = write!(out, "<li>{}</li>", lines(item));
            }
            out.push_str("</ul>\n");
        }
        Block::Table { header, rows } => table_html(out, header, rows),
        Block::Map(map) => map_html(out, map),
    }
}

/// The zones' map as inline SVG, one unit a tenth of a millimetre.
fn map_html(out: &mut String, map: &ZoneMap) {
    let _ = write!(
        out,
        "<figure class=\"convention-map\"><svg viewBox=\"0 0 {w} {h}\" width=\"100%\" role=\"img\" aria-label=\"{label}\">\
         <rect x=\"0\" y=\"0\" width=\"{w}\" height=\"{h}\" fill=\"#f6f6f6\" stroke=\"#929292\" stroke-width=\"4\"/>",
        w = map.width,
        h = map.height,
        label = escape(t::MAP_TITLE)
    );
    for shape in &map.shapes {
        let points: Vec<String> = shape.points.iter().map(|(x, y)| format!("{x},{y}")).collect();
        let (fill, stroke) = if shape.public_road { ("#fceeac", "#b34000") } else { ("#cacafb", "#000091") };
        let _ = write!(
            out,
            "<polygon points=\"{}\" fill=\"{fill}\" fill-opacity=\"0.7\" stroke=\"{stroke}\" stroke-width=\"6\"><title>{}</title></polygon>",
            points.join(" "),
            escape(&shape.name)
        );
    }
    for shape in &map.shapes {
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" dominant-baseline=\"central\" font-size=\"45\" font-weight=\"bold\">{}</text>",
            shape.label.0, shape.label.1, shape.number
        );
    }
    out.push_str("</svg></figure>\n");
}

fn table_html(out: &mut String, header: &[String], rows: &[Vec<String>]) {
    out.push_str("<div class=\"fr-table\"><table><thead><tr>");
    for cell in header {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(cell));
    }
    out.push_str("</tr></thead><tbody>");
    for row in rows {
        out.push_str("<tr>");
        for cell in row {
            let _ = write!(out, "<td>{}</td>", lines(cell));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div>\n");
}

fn signatures_html(out: &mut String, document: &ConventionDocument) {
    let _ = writeln!(out, "<section class=\"convention-signatures\"><h2>{}</h2>", t::SIGNATURES);
    let _ = writeln!(out, "<p>{}</p><ul>", escape(&document.place_and_date()));
    for signatory in &document.signatories {
        let _ = writeln!(
            out,
            "<li><strong>{}</strong><br>{}<br><small>{}</small><br><em>{}</em></li>",
            escape(&signatory.capacity),
            escape(&signatory.name),
            escape(&signatory.commits),
            escape(signatory.signed.as_deref().unwrap_or(t::SIGNATURE_FIELDS))
        );
    }
    out.push_str("</ul></section>\n");
}

fn annex_html(out: &mut String, document: &ConventionDocument) {
    let _ = writeln!(out, "<section class=\"convention-annex\"><h2>{}</h2>", t::ANNEX_TITLE);
    if document.annex.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", t::ANNEX_EMPTY);
    } else {
        let _ = writeln!(out, "<p>{}</p>", t::ANNEX_INTRO);
        let header: Vec<String> = t::ANNEX_HEADER.iter().map(|h| h.to_string()).collect();
        let rows: Vec<Vec<String>> = document
            .annex
            .iter()
            .map(|e| vec![e.severity.clone(), e.message.clone(), e.reference.clone(), e.fix.clone()])
            .collect();
        table_html(out, &header, &rows);
    }
    out.push_str("</section>\n");
    if !document.attachments.is_empty() {
        let _ = writeln!(out, "<section class=\"convention-annex\"><h2>{}</h2>", t::ANNEX_ATTACHMENTS_TITLE);
        let _ = writeln!(out, "<p>{}</p>", t::ANNEX_ATTACHMENTS_INTRO);
        let header: Vec<String> = t::ANNEX_ATTACHMENTS_HEADER.iter().map(|h| h.to_string()).collect();
        table_html(out, &header, &document.attachment_rows());
        out.push_str("</section>\n");
    }
}
