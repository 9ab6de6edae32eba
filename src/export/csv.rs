//! The report as one CSV table (RFC 4180, UTF-8 with a byte-order mark so
//! spreadsheet programs read Arabic): one row per statement, claim, divergence,
//! link, note and source, told apart by the `record` column.

use super::report::Report;
use crate::model::{Kind, PubDate, Statement};

/// The byte-order mark that tells spreadsheet programs the file is UTF-8.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The header row.
const HEADER: [&str; 15] = [
    "record",
    "id",
    "question",
    "side",
    "text",
    "translation",
    "speaker",
    "actor",
    "outlet",
    "published",
    "claim",
    "independent_origins",
    "on_record",
    "unofficial_only",
    "detail",
];

/// Write the whole report.
pub(crate) fn write(report: &Report<'_>) -> Vec<u8> {
    let mut rows: Vec<[String; 15]> = Vec::new();
    statements(&mut rows, report);
    claims(&mut rows, report);
    others(&mut rows, report);
    let mut out = Vec::with_capacity(BOM.len() + rows.len() * 200);
    out.extend_from_slice(BOM);
    push_row(&mut out, &HEADER.map(str::to_owned));
    for row in &rows {
        push_row(&mut out, row);
    }
    out
}

fn push_row(out: &mut Vec<u8>, row: &[String; 15]) {
    for (i, field) in row.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(field_text(field).as_bytes());
    }
    out.extend_from_slice(b"\r\n");
}

/// One field, quoted when it holds a comma, quote or line break (RFC 4180), and
/// defused when a spreadsheet would read it as a formula.
pub(crate) fn field_text(field: &str) -> String {
    let defused = if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{field}")
    } else {
        field.to_owned()
    };
    if defused.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

fn statement_row(report: &Report<'_>, s: &Statement, question: &str) -> [String; 15] {
    let article = report.article_of(s);
    let (claim, origins, on_record, unofficial_only) = match report.clusters.cluster_of(s.id) {
        Some(c) => (
            c.id.to_string(),
            c.independence.independent_origins.to_string(),
            c.independence.on_record.to_string(),
            c.independence.unofficial_only.to_string(),
        ),
        None => Default::default(),
    };
    let notes: Vec<String> = report
        .notes_on(crate::model::NoteTarget::Statement(s.id))
        .iter()
        .map(|n| {
            if n.translation.trim().is_empty() {
                format!("note: {}", n.text.trim())
            } else {
                format!("note: {} ({})", n.text.trim(), n.translation.trim())
            }
        })
        .collect();
    let mut detail = vec![format!("via: {}", s.via.join(" > "))];
    detail.retain(|d| d != "via: ");
    detail.extend(notes);
    [
        String::from("statement"),
        format!("S{}", s.id),
        question.to_owned(),
        s.kind.as_str().to_owned(),
        s.span.quote.trim().to_owned(),
        s.translation.trim().to_owned(),
        s.speaker.clone().unwrap_or_default(),
        s.actor.clone().unwrap_or_default(),
        article.and_then(|a| a.meta.outlet.clone()).unwrap_or_default(),
        article.and_then(|a| a.meta.published.as_ref()).map(PubDate::iso).unwrap_or_default(),
        claim,
        origins,
        on_record,
        unofficial_only,
        detail.join("; "),
    ]
}

fn statements(rows: &mut Vec<[String; 15]>, report: &Report<'_>) {
    for block in &report.questions {
        let question = block.question.map_or(String::new(), |q| q.title.clone());
        for s in block.official.iter().chain(&block.unofficial).chain(&block.other) {
            rows.push(statement_row(report, s, &question));
        }
    }
    // Unclassified statements assigned to no question.
    for s in report.project.statements.values() {
        if s.is_visible() && s.question.is_none() && s.kind == Kind::Unclassified {
            rows.push(statement_row(report, s, ""));
        }
    }
}

fn claims(rows: &mut Vec<[String; 15]>, report: &Report<'_>) {
    for c in &report.shared_claims {
        let first = c.statements.first().and_then(|&id| report.statement(id));
        let origins: Vec<String> = c
            .independence
            .origins
            .iter()
            .map(|o| format!("{} ({})", o.name, o.statements.len()))
            .collect();
        let ids: Vec<String> = c.statements.iter().map(|s| format!("S{s}")).collect();
        rows.push([
            String::from("claim"),
            c.id.to_string(),
            String::new(),
            String::new(),
            first.map(|s| s.span.quote.trim().to_owned()).unwrap_or_default(),
            String::new(),
            String::new(),
            String::new(),
            c.outlets.join("; "),
            c.earliest.as_ref().map(|e| e.published.iso()).unwrap_or_default(),
            ids.join(" "),
            c.independence.independent_origins.to_string(),
            c.independence.on_record.to_string(),
            c.independence.unofficial_only.to_string(),
            format!("origins: {}", origins.join("; ")),
        ]);
        for d in &c.divergences {
            rows.push(row(
                "divergence",
                d.kind.label(),
                &format!("S{} / S{}", d.statements.0, d.statements.1),
                &c.id.to_string(),
                &d.detail,
            ));
        }
    }
}

/// A row with only record, id, text, claim and detail.
fn row(record: &str, id: &str, text: &str, claim: &str, detail: &str) -> [String; 15] {
    let mut out: [String; 15] = Default::default();
    for (slot, value) in [(0, record), (1, id), (4, text), (10, claim), (14, detail)] {
        if let Some(field) = out.get_mut(slot) {
            value.clone_into(field);
        }
    }
    out
}

/// Set column `slot` of a row.
fn set(row: &mut [String; 15], slot: usize, value: String) {
    if let Some(field) = row.get_mut(slot) {
        *field = value;
    }
}

fn others(rows: &mut Vec<[String; 15]>, report: &Report<'_>) {
    for link in &report.links {
        rows.push(row(
            "link",
            &format!("L{}", link.id),
            &format!("S{} {} S{}", link.from, link.kind.label(), link.to),
            "",
            "",
        ));
    }
    for pair in &report.clusters.syndicated {
        rows.push(row(
            "syndication",
            &format!("A{} A{}", pair.articles.0, pair.articles.1),
            "near-identical articles",
            "",
            &format!("{:.0}% shared", pair.similarity * 100.0),
        ));
    }
    for note in &report.notes {
        let mut r = row("note", &format!("N{}", note.id), note.text.trim(), "", "");
        set(&mut r, 5, note.translation.trim().to_owned());
        set(&mut r, 14, report.note_target(note));
        rows.push(r);
    }
    for a in &report.sources {
        let mut r = row("source", &format!("A{}", a.id), &a.meta.title, "", "");
        set(&mut r, 8, a.meta.outlet.clone().unwrap_or_default());
        set(&mut r, 9, a.meta.published.as_ref().map(PubDate::iso).unwrap_or_default());
        let detail = [a.meta.language.as_str(), a.meta.url.as_deref().unwrap_or("")]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join("; ");
        set(&mut r, 14, detail);
        rows.push(r);
    }
}
