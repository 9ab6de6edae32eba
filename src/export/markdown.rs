//! The report as Markdown: headings, two-column tables for official and
//! unofficial positions, and lists.

use std::fmt::Write as _;

use super::report::{QuestionBlock, Report, attribution, statements_count};
use crate::compare::Cluster;
use crate::model::{NoteTarget, PubDate, Statement};

/// Write the whole report.
pub(crate) fn write(report: &Report<'_>) -> String {
    let mut out = String::new();
    summary(&mut out, report);
    questions(&mut out, report);
    claims(&mut out, report);
    divergences(&mut out, report);
    links(&mut out, report);
    syndication(&mut out, report);
    notes(&mut out, report);
    sources(&mut out, report);
    out
}

/// Escape Markdown and inline-HTML syntax, and keep the text on one line.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

fn summary(out: &mut String, report: &Report<'_>) {
    let project = report.project;
    let (official, unofficial, other) = report.kind_counts();
    let unofficial_only =
        report.shared_claims.iter().filter(|c| c.independence.unofficial_only).count();
    let _ = writeln!(out, "# {}\n", escape(&project.name));
    let _ = writeln!(
        out,
        "{} articles · {} statements ({official} official, {unofficial} unofficial, {other} \
         unclassified) · {} claims reported by more than one article, {unofficial_only} of \
         them resting only on unofficial sources.\n",
        project.articles.len(),
        official + unofficial + other,
        report.shared_claims.len(),
    );
}

/// One statement in a table cell: quote, who and where, translation, notes.
fn cell(report: &Report<'_>, statement: &Statement) -> String {
    let mut text = format!(
        "**S{}** “{}” — {}; {}",
        statement.id,
        escape(statement.span.quote.trim()),
        escape(&attribution(statement)),
        escape(&report.source_line(statement)),
    );
    if !statement.translation.trim().is_empty() {
        let _ = write!(text, "<br>*Translation:* {}", escape(statement.translation.trim()));
    }
    for note in report.notes_on(NoteTarget::Statement(statement.id)) {
        let _ = write!(text, "<br>*Note:* {}", escape(note.text.trim()));
        if !note.translation.trim().is_empty() {
            let _ = write!(text, " ({})", escape(note.translation.trim()));
        }
    }
    if let Some(cluster) = report.clusters.cluster_of(statement.id)
        && cluster.is_shared()
    {
        let _ = write!(
            text,
            "<br>*Claim {}:* {} independent origin(s)",
            cluster.id, cluster.independence.independent_origins
        );
    }
    text
}

fn question_block(out: &mut String, report: &Report<'_>, block: &QuestionBlock<'_>) {
    match block.question {
        Some(q) => {
            let _ = writeln!(out, "### Q{}. {}\n", q.id, escape(&q.title));
            if !q.translation.trim().is_empty() {
                let _ = writeln!(out, "*{}*\n", escape(q.translation.trim()));
            }
            for note in report.notes_on(NoteTarget::Question(q.id)) {
                let _ = writeln!(out, "> Note: {}\n", escape(note.text.trim()));
            }
        }
        None => {
            let _ = writeln!(out, "### Statements not assigned to a question\n");
        }
    }
    let _ = writeln!(out, "| Official (on the record) | Unofficial (off the record) |");
    let _ = writeln!(out, "| --- | --- |");
    let rows = block.official.len().max(block.unofficial.len());
    if rows == 0 {
        let _ = writeln!(out, "| *none* | *none* |");
    }
    for row in 0..rows {
        let left = block.official.get(row).map_or_else(String::new, |s| cell(report, s));
        let right = block.unofficial.get(row).map_or_else(String::new, |s| cell(report, s));
        let _ = writeln!(out, "| {left} | {right} |");
    }
    out.push('\n');
    if !block.other.is_empty() {
        let _ = writeln!(out, "Unclassified:\n");
        for s in &block.other {
            let _ = writeln!(out, "- {}", cell(report, s));
        }
        out.push('\n');
    }
}

fn questions(out: &mut String, report: &Report<'_>) {
    let _ = writeln!(out, "## Questions: official and unofficial positions\n");
    if report.questions.is_empty() {
        let _ = writeln!(out, "No statements yet.\n");
    }
    for block in &report.questions {
        question_block(out, report, block);
    }
}

fn claim(out: &mut String, report: &Report<'_>, cluster: &Cluster) {
    let text = cluster.statements.first().map_or(String::new(), |&id| report.short_quote(id, 160));
    let _ = writeln!(out, "### Claim {}: “{}”\n", cluster.id, escape(&text));
    let ids: Vec<String> = cluster.statements.iter().map(|s| format!("S{s}")).collect();
    let _ = writeln!(out, "- Statements: {}", ids.join(", "));
    let outlets: Vec<String> = cluster.outlets.iter().map(|o| escape(o)).collect();
    let _ = writeln!(out, "- Outlets: {}", outlets.join(", "));
    if let Some(earliest) = &cluster.earliest {
        let _ = writeln!(
            out,
            "- Earliest report: S{} ({})",
            earliest.statement,
            earliest.published.iso()
        );
    }
    let independence = &cluster.independence;
    let origins: Vec<String> = independence
        .origins
        .iter()
        .map(|o| format!("{} ({})", escape(&o.name), statements_count(o.statements.len())))
        .collect();
    let _ = writeln!(
        out,
        "- Independent origins: {} — {}",
        independence.independent_origins,
        origins.join("; ")
    );
    let _ =
        writeln!(out, "- On-record backing: {}", if independence.on_record { "yes" } else { "no" });
    if independence.unofficial_only {
        let _ = writeln!(out, "- ⚠ **Rests only on unofficial sources.**");
    }
    if !cluster.divergences.is_empty() {
        let _ = writeln!(out, "- Divergences: {}", cluster.divergences.len());
    }
    out.push('\n');
}

fn claims(out: &mut String, report: &Report<'_>) {
    let _ = writeln!(out, "## Claims across articles\n");
    if report.shared_claims.is_empty() {
        let _ = writeln!(out, "No claim is reported by more than one article.\n");
    }
    for cluster in &report.shared_claims {
        claim(out, report, cluster);
    }
}

fn divergences(out: &mut String, report: &Report<'_>) {
    let _ = writeln!(out, "## Divergences\n");
    let all: Vec<_> = report.shared_claims.iter().flat_map(|c| &c.divergences).collect();
    if all.is_empty() {
        let _ = writeln!(out, "None found.\n");
        return;
    }
    let _ = writeln!(out, "| Claim | Kind | Statements | What differs |");
    let _ = writeln!(out, "| --- | --- | --- | --- |");
    for cluster in &report.shared_claims {
        for d in &cluster.divergences {
            let _ = writeln!(
                out,
                "| {} | {} | S{} / S{} | {} |",
                cluster.id,
                d.kind.label(),
                d.statements.0,
                d.statements.1,
                escape(&d.detail)
            );
        }
    }
    out.push('\n');
}

fn links(out: &mut String, report: &Report<'_>) {
    if report.links.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Links\n");
    for link in &report.links {
        let quote = |id| report.short_quote(id, 80);
        let _ = writeln!(
            out,
            "- S{} “{}” **{}** S{} “{}”",
            link.from,
            escape(&quote(link.from)),
            link.kind.label(),
            link.to,
            escape(&quote(link.to))
        );
    }
    out.push('\n');
}

fn syndication(out: &mut String, report: &Report<'_>) {
    if report.clusters.syndicated.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Near-identical articles\n");
    for pair in &report.clusters.syndicated {
        let name = |id| {
            report.project.articles.get(&id).map_or(String::new(), |a| {
                format!("A{id} {}", escape(a.meta.outlet.as_deref().unwrap_or("?")))
            })
        };
        let _ = writeln!(
            out,
            "- {} and {}: {:.0}% of the shorter text is shared",
            name(pair.articles.0),
            name(pair.articles.1),
            pair.similarity * 100.0
        );
    }
    out.push('\n');
}

fn notes(out: &mut String, report: &Report<'_>) {
    if report.notes.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Notes\n");
    for note in &report.notes {
        let _ =
            write!(out, "- *{}:* {}", escape(&report.note_target(note)), escape(note.text.trim()));
        if !note.translation.trim().is_empty() {
            let _ = write!(out, " — *translation:* {}", escape(note.translation.trim()));
        }
        out.push('\n');
    }
    out.push('\n');
}

fn sources(out: &mut String, report: &Report<'_>) {
    let _ = writeln!(out, "## Sources\n");
    let _ = writeln!(out, "| # | Outlet | Title | Published | Language | Address |");
    let _ = writeln!(out, "| --- | --- | --- | --- | --- | --- |");
    for a in &report.sources {
        let _ = writeln!(
            out,
            "| A{} | {} | {} | {} | {} | {} |",
            a.id,
            escape(a.meta.outlet.as_deref().unwrap_or("")),
            escape(&a.meta.title),
            a.meta.published.as_ref().map_or_else(|| String::from("undated"), PubDate::iso),
            escape(&a.meta.language),
            escape(a.meta.url.as_deref().unwrap_or(""))
        );
    }
    out.push('\n');
}
