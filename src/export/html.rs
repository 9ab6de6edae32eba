//! The report as one self-contained HTML file: inline CSS, no scripts, no
//! external resources. Every piece of user text carries its own `dir` and `lang`
//! so Arabic lays out right to left inside a left-to-right report.

use std::fmt::Write as _;

use super::report::{QuestionBlock, Report, direction, is_rtl, statements_count};
use crate::compare::Cluster;
use crate::model::{Direction, NoteTarget, PubDate, Statement};

/// The report's style sheet: a font stack with Arabic faces, two-column position
/// tables, and print-friendly colours.
const STYLE: &str = r#"
:root { color-scheme: light; }
body { font-family: "Noto Sans", "Segoe UI", "DejaVu Sans", Arial, "Noto Naskh Arabic",
  "Noto Sans Arabic", Tahoma, "Geeza Pro", sans-serif; margin: 2rem auto; max-width: 72rem;
  padding: 0 1rem; line-height: 1.5; color: #1d1d1f; background: #ffffff; }
:lang(ar) { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Scheherazade New",
  "DejaVu Sans", Tahoma, "Geeza Pro", "Segoe UI", "Arial", sans-serif; font-size: 1.08em; }
h1 { font-size: 1.7rem; margin-bottom: .3rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #d0d4da; padding-bottom: .2rem; margin-top: 2.2rem; }
h3 { font-size: 1.08rem; margin-bottom: .3rem; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1.2rem; }
th, td { border: 1px solid #d0d4da; padding: .45rem .6rem; vertical-align: top; text-align: start; }
th { background: #f2f4f7; }
table.sides td { width: 50%; }
table.sides th.official { background: #e6efff; }
table.sides th.unofficial { background: #fff1e0; }
.st { margin: 0 0 .7rem; }
.st:last-child { margin-bottom: 0; }
.quote { margin: 0; }
.meta { margin: .15rem 0 0; color: #555a62; font-size: .88rem; }
.translation { margin: .25rem 0 0; color: #33373d; font-style: italic; }
.note { margin: .25rem 0 0; padding-inline-start: .5rem; border-inline-start: 3px solid #c9b458; font-size: .9rem; }
.sid { font-weight: 600; color: #3a4a6b; }
.warn { color: #9a3412; font-weight: 600; }
.summary { color: #33373d; }
ul.facts { margin: .2rem 0 1rem; }
"#;

/// Write the whole report.
pub(crate) fn write(report: &Report<'_>) -> String {
    let mut out = String::new();
    let title = escape(&report.project.name);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title} — TwoTrack report</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
    );
    summary(&mut out, report);
    questions(&mut out, report);
    claims(&mut out, report);
    divergences(&mut out, report);
    links(&mut out, report);
    syndication(&mut out, report);
    notes(&mut out, report);
    sources(&mut out, report);
    out.push_str("</body>\n</html>\n");
    out
}

/// Escape text for HTML element content and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// `dir` and `lang` attributes for a piece of user text: `rtl` when it is mostly
/// Arabic script, `auto` otherwise; `lang` when known.
fn text_attrs(text: &str, lang: &str) -> String {
    let dir = match direction(text) {
        Direction::Rtl => "rtl",
        Direction::Ltr => "auto",
    };
    let lang = if lang.is_empty() && is_rtl(text) { "ar" } else { lang };
    if lang.is_empty() {
        format!("dir=\"{dir}\"")
    } else {
        format!("dir=\"{dir}\" lang=\"{}\"", escape(lang))
    }
}

/// A paragraph of user text with its direction and language.
fn para(class: &str, text: &str, lang: &str) -> String {
    format!("<p class=\"{class}\" {}>{}</p>", text_attrs(text, lang), escape(text.trim()))
}

/// An inline span of user text with its direction (isolated from its neighbours).
fn span(text: &str) -> String {
    format!("<bdi {}>{}</bdi>", text_attrs(text, ""), escape(text.trim()))
}

fn summary(out: &mut String, report: &Report<'_>) {
    let project = report.project;
    let (official, unofficial, other) = report.kind_counts();
    let unofficial_only =
        report.shared_claims.iter().filter(|c| c.independence.unofficial_only).count();
    let _ = writeln!(out, "<h1 {}>{}</h1>", text_attrs(&project.name, ""), escape(&project.name));
    let _ = writeln!(
        out,
        "<p class=\"summary\">{} articles · {} statements ({official} official, {unofficial} \
         unofficial, {other} unclassified) · {} claims reported by more than one article, \
         {unofficial_only} of them resting only on unofficial sources.</p>",
        project.articles.len(),
        official + unofficial + other,
        report.shared_claims.len(),
    );
}

/// Speaker and relaying outlets, each isolated from its neighbours.
fn attribution(s: &Statement) -> String {
    let speaker = span(s.speaker.as_deref().unwrap_or("unattributed"));
    if s.via.is_empty() {
        return speaker;
    }
    let via: Vec<String> = s.via.iter().map(|v| span(v)).collect();
    format!("{speaker} <bdi dir=\"ltr\">(via {})</bdi>", via.join(" → "))
}

/// Outlet and date of a statement, each isolated so a date keeps its digit
/// order inside Arabic text.
fn source(report: &Report<'_>, s: &Statement) -> String {
    let Some(article) = report.article_of(s) else { return String::new() };
    let outlet = span(article.meta.outlet.as_deref().unwrap_or("unknown outlet"));
    match &article.meta.published {
        Some(date) => format!("{outlet}, <bdi dir=\"ltr\">{}</bdi>", escape(&date.iso())),
        None => outlet,
    }
}

/// One statement: quote, attribution and source, translation, notes, claim.
fn statement(report: &Report<'_>, s: &Statement) -> String {
    let lang = report.language(s);
    let mut html = format!("<div class=\"st\" id=\"s{}\">", s.id);
    let _ = write!(
        html,
        "<p class=\"quote\" {}><span class=\"sid\" dir=\"ltr\">S{}</span> {}</p>",
        text_attrs(&s.span.quote, lang),
        s.id,
        escape(s.span.quote.trim())
    );
    let dir = match direction(&s.span.quote) {
        Direction::Rtl => "rtl",
        Direction::Ltr => "ltr",
    };
    let _ = write!(
        html,
        "<p class=\"meta\" dir=\"{dir}\">{} · {}</p>",
        attribution(s),
        source(report, s)
    );
    if !s.translation.trim().is_empty() {
        html.push_str(&para("translation", &s.translation, ""));
    }
    for note in report.notes_on(NoteTarget::Statement(s.id)) {
        html.push_str(&para("note", &note.text, ""));
        if !note.translation.trim().is_empty() {
            html.push_str(&para("note translation", &note.translation, ""));
        }
    }
    if let Some(cluster) = report.clusters.cluster_of(s.id)
        && cluster.is_shared()
    {
        let _ = write!(
            html,
            "<p class=\"meta\">Claim <a href=\"#c{}\">{}</a>: {} independent origin(s)</p>",
            cluster.id.0, cluster.id, cluster.independence.independent_origins
        );
    }
    html.push_str("</div>");
    html
}

fn question_block(out: &mut String, report: &Report<'_>, block: &QuestionBlock<'_>) {
    match block.question {
        Some(q) => {
            let _ = writeln!(
                out,
                "<h3 {}>Q{}. {}</h3>",
                text_attrs(&q.title, ""),
                q.id,
                escape(&q.title)
            );
            if !q.translation.trim().is_empty() {
                out.push_str(&para("translation", &q.translation, ""));
            }
            for note in report.notes_on(NoteTarget::Question(q.id)) {
                out.push_str(&para("note", &note.text, ""));
            }
        }
        None => out.push_str("<h3>Statements not assigned to a question</h3>\n"),
    }
    out.push_str(
        "<table class=\"sides\"><thead><tr><th class=\"official\">Official (on the record)</th>\
         <th class=\"unofficial\">Unofficial (off the record)</th></tr></thead><tbody><tr>",
    );
    for side in [&block.official, &block.unofficial] {
        out.push_str("<td>");
        if side.is_empty() {
            out.push_str("<p class=\"meta\">none</p>");
        }
        for s in side {
            out.push_str(&statement(report, s));
        }
        out.push_str("</td>");
    }
    out.push_str("</tr></tbody></table>\n");
    if !block.other.is_empty() {
        out.push_str("<p class=\"meta\">Unclassified:</p>\n");
        for s in &block.other {
            out.push_str(&statement(report, s));
        }
    }
}

fn questions(out: &mut String, report: &Report<'_>) {
    out.push_str("<h2>Questions: official and unofficial positions</h2>\n");
    if report.questions.is_empty() {
        out.push_str("<p>No statements yet.</p>\n");
    }
    for block in &report.questions {
        question_block(out, report, block);
    }
}

fn claim(out: &mut String, report: &Report<'_>, cluster: &Cluster) {
    let first = cluster.statements.first().and_then(|&id| report.statement(id));
    let text = cluster.statements.first().map_or(String::new(), |&id| report.short_quote(id, 160));
    let lang = first.map_or("", |s| report.language(s));
    let _ = writeln!(out, "<h3 id=\"c{}\">Claim {}</h3>", cluster.id.0, cluster.id);
    out.push_str(&para("quote", &text, lang));
    out.push_str("<ul class=\"facts\">");
    let ids: Vec<String> =
        cluster.statements.iter().map(|s| format!("<a href=\"#s{s}\">S{s}</a>")).collect();
    let _ = write!(out, "<li>Statements: {}</li>", ids.join(", "));
    let outlets: Vec<String> = cluster.outlets.iter().map(|o| span(o)).collect();
    let _ = write!(out, "<li>Outlets: {}</li>", outlets.join(", "));
    if let Some(e) = &cluster.earliest {
        let _ = write!(out, "<li>Earliest report: S{} ({})</li>", e.statement, e.published.iso());
    }
    let independence = &cluster.independence;
    let origins: Vec<String> = independence
        .origins
        .iter()
        .map(|o| format!("{} ({})", span(&o.name), statements_count(o.statements.len())))
        .collect();
    let _ = write!(
        out,
        "<li>Independent origins: {} — {}</li><li>On-record backing: {}</li>",
        independence.independent_origins,
        origins.join("; "),
        if independence.on_record { "yes" } else { "no" }
    );
    if independence.unofficial_only {
        out.push_str("<li class=\"warn\">Rests only on unofficial sources.</li>");
    }
    if !cluster.divergences.is_empty() {
        let _ = write!(out, "<li>Divergences: {}</li>", cluster.divergences.len());
    }
    out.push_str("</ul>\n");
}

fn claims(out: &mut String, report: &Report<'_>) {
    out.push_str("<h2>Claims across articles</h2>\n");
    if report.shared_claims.is_empty() {
        out.push_str("<p>No claim is reported by more than one article.</p>\n");
    }
    for cluster in &report.shared_claims {
        claim(out, report, cluster);
    }
}

fn divergences(out: &mut String, report: &Report<'_>) {
    out.push_str("<h2>Divergences</h2>\n");
    if report.shared_claims.iter().all(|c| c.divergences.is_empty()) {
        out.push_str("<p>None found.</p>\n");
        return;
    }
    out.push_str(
        "<table><thead><tr><th>Claim</th><th>Kind</th><th>Statements</th><th>What differs</th>\
         </tr></thead><tbody>\n",
    );
    for cluster in &report.shared_claims {
        for d in &cluster.divergences {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td><a href=\"#s{a}\">S{a}</a> / <a href=\"#s{b}\">S{b}</a></td>\
                 <td {}>{}</td></tr>",
                cluster.id,
                d.kind.label(),
                text_attrs(&d.detail, ""),
                escape(&d.detail),
                a = d.statements.0,
                b = d.statements.1,
            );
        }
    }
    out.push_str("</tbody></table>\n");
}

fn links(out: &mut String, report: &Report<'_>) {
    if report.links.is_empty() {
        return;
    }
    out.push_str("<h2>Links</h2>\n<ul>\n");
    for link in &report.links {
        let quote = |id| report.short_quote(id, 80);
        let _ = writeln!(
            out,
            "<li><a href=\"#s{}\">S{}</a> {} <strong>{}</strong> <a href=\"#s{}\">S{}</a> {}</li>",
            link.from,
            link.from,
            span(&quote(link.from)),
            link.kind.label(),
            link.to,
            link.to,
            span(&quote(link.to))
        );
    }
    out.push_str("</ul>\n");
}

fn syndication(out: &mut String, report: &Report<'_>) {
    if report.clusters.syndicated.is_empty() {
        return;
    }
    out.push_str("<h2>Near-identical articles</h2>\n<ul>\n");
    for pair in &report.clusters.syndicated {
        let name = |id| {
            report.project.articles.get(&id).map_or(String::new(), |a| {
                format!("A{id} {}", span(a.meta.outlet.as_deref().unwrap_or("?")))
            })
        };
        let _ = writeln!(
            out,
            "<li>{} and {}: {:.0}% of the shorter text is shared</li>",
            name(pair.articles.0),
            name(pair.articles.1),
            pair.similarity * 100.0
        );
    }
    out.push_str("</ul>\n");
}

fn notes(out: &mut String, report: &Report<'_>) {
    if report.notes.is_empty() {
        return;
    }
    out.push_str("<h2>Notes</h2>\n");
    for note in &report.notes {
        let _ = write!(
            out,
            "<div class=\"st\"><p class=\"meta\">{}</p>",
            span(&report.note_target(note))
        );
        out.push_str(&para("quote", &note.text, ""));
        if !note.translation.trim().is_empty() {
            out.push_str(&para("translation", &note.translation, ""));
        }
        out.push_str("</div>\n");
    }
}

fn sources(out: &mut String, report: &Report<'_>) {
    out.push_str(
        "<h2>Sources</h2>\n<table><thead><tr><th>#</th><th>Outlet</th><th>Title</th>\
         <th>Published</th><th>Language</th><th>Address</th></tr></thead><tbody>\n",
    );
    for a in &report.sources {
        let outlet = a.meta.outlet.as_deref().unwrap_or("");
        let _ = writeln!(
            out,
            "<tr><td>A{}</td><td {}>{}</td><td {}>{}</td><td>{}</td><td>{}</td><td dir=\"ltr\">{}</td></tr>",
            a.id,
            text_attrs(outlet, &a.meta.language),
            escape(outlet),
            text_attrs(&a.meta.title, &a.meta.language),
            escape(&a.meta.title),
            a.meta.published.as_ref().map_or_else(|| String::from("undated"), PubDate::iso),
            escape(&a.meta.language),
            escape(a.meta.url.as_deref().unwrap_or(""))
        );
    }
    out.push_str("</tbody></table>\n");
}
