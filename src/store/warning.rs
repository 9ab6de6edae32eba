//! [`LoadWarning`]: problems inside a project file that loads, found by checking
//! that every reference and span fits. Loading never fails on these.

use std::collections::BTreeMap;

use crate::model::{ArticleId, NoteTarget, Project, StatementId};

/// Something inconsistent in a project file that was loaded anyway.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LoadWarning {
    /// An object refers to one the project does not have.
    #[error("{what} {id} refers to {target} {missing}, which is not in the project")]
    MissingReference {
        /// Kind of the referring object ("statement").
        what: &'static str,
        /// Its id.
        id: u64,
        /// Kind of the missing object ("article").
        target: &'static str,
        /// The missing id.
        missing: u64,
    },
    /// A statement's range does not hold its quote in its article's text.
    #[error("statement {statement}: its quote no longer matches article {article} at its position")]
    SpanMismatch {
        /// The statement.
        statement: StatementId,
        /// Its article.
        article: ArticleId,
    },
    /// A paragraph's range lies outside its article's text.
    #[error("article {article}: paragraph {index} lies outside the text")]
    ParagraphOutOfRange {
        /// The article.
        article: ArticleId,
        /// Paragraph index, from 0.
        index: usize,
    },
    /// An object was stored under a key other than its own id; the key was kept.
    #[error("{what} stored under id {key} said its id was {id}; it now has id {key}")]
    IdRepaired {
        /// Kind of object.
        what: &'static str,
        /// The map key (kept).
        key: u64,
        /// The id written inside the object.
        id: u64,
    },
    /// `next_id` was not above every id in use; it was raised so ids are not reused.
    #[error("the next free id was {from}, which is already in use; it is now {to}")]
    NextIdRaised {
        /// Value in the file.
        from: u64,
        /// Value after the repair.
        to: u64,
    },
    /// A confidence was not a finite number; it was set to 0.
    #[error("statement {statement}: its confidence was not a number; it is now 0")]
    ConfidenceRepaired {
        /// The statement.
        statement: StatementId,
    },
}

/// Check `project` after loading, repair what is safe to repair (ids, `next_id`,
/// non-finite confidences) and report everything found.
pub(crate) fn check_and_repair(project: &mut Project) -> Vec<LoadWarning> {
    let mut warnings = Vec::new();
    repair_ids(project, &mut warnings);
    check_references(project, &mut warnings);
    check_spans(project, &mut warnings);
    warnings
}

fn repair_ids(project: &mut Project, warnings: &mut Vec<LoadWarning>) {
    let mut repaired = |what: &'static str, key: u64, id: &mut u64| {
        if *id != key {
            warnings.push(LoadWarning::IdRepaired { what, key, id: *id });
            *id = key;
        }
    };
    for (key, a) in &mut project.articles {
        repaired("article", key.0, &mut a.id.0);
    }
    for (key, s) in &mut project.statements {
        repaired("statement", key.0, &mut s.id.0);
    }
    for (key, q) in &mut project.questions {
        repaired("question", key.0, &mut q.id.0);
    }
    for (key, l) in &mut project.links {
        repaired("link", key.0, &mut l.id.0);
    }
    for (key, n) in &mut project.notes {
        repaired("note", key.0, &mut n.id.0);
    }
    for s in project.statements.values_mut() {
        if !s.confidence.is_finite() {
            s.confidence = 0.0;
            warnings.push(LoadWarning::ConfidenceRepaired { statement: s.id });
        }
    }
    let max_id = [
        project.articles.keys().next_back().map(|id| id.0),
        project.statements.keys().next_back().map(|id| id.0),
        project.questions.keys().next_back().map(|id| id.0),
        project.links.keys().next_back().map(|id| id.0),
        project.notes.keys().next_back().map(|id| id.0),
    ]
    .into_iter()
    .flatten()
    .max()
    .unwrap_or(0);
    if project.next_id <= max_id {
        let to = max_id.saturating_add(1);
        warnings.push(LoadWarning::NextIdRaised { from: project.next_id, to });
        project.next_id = to;
    }
}

fn check_references(project: &Project, warnings: &mut Vec<LoadWarning>) {
    let mut missing = |what, id: u64, target, missing: u64, present: bool| {
        if !present {
            warnings.push(LoadWarning::MissingReference { what, id, target, missing });
        }
    };
    for s in project.statements.values() {
        missing(
            "statement",
            s.id.0,
            "article",
            s.article.0,
            project.articles.contains_key(&s.article),
        );
        if let Some(q) = s.question {
            missing("statement", s.id.0, "question", q.0, project.questions.contains_key(&q));
        }
    }
    for l in project.links.values() {
        for end in [l.from, l.to] {
            missing("link", l.id.0, "statement", end.0, project.statements.contains_key(&end));
        }
    }
    for n in project.notes.values() {
        let (target, id, present) = match n.target {
            NoteTarget::Project => continue,
            NoteTarget::Article(a) => ("article", a.0, project.articles.contains_key(&a)),
            NoteTarget::Statement(s) => ("statement", s.0, project.statements.contains_key(&s)),
            NoteTarget::Question(q) => ("question", q.0, project.questions.contains_key(&q)),
        };
        missing("note", n.id.0, target, id, present);
    }
}

/// Spans and paragraphs against their article's text, in one pass over each text.
fn check_spans(project: &Project, warnings: &mut Vec<LoadWarning>) {
    let mut by_article: BTreeMap<ArticleId, Vec<StatementId>> = BTreeMap::new();
    for s in project.statements.values() {
        by_article.entry(s.article).or_default().push(s.id);
    }
    for (article_id, article) in &project.articles {
        // Byte offset of every character, plus the end.
        let mut offsets: Vec<usize> = article.text.char_indices().map(|(b, _)| b).collect();
        offsets.push(article.text.len());
        let slice = |start: usize, end: usize| {
            let (Some(&b0), Some(&b1)) = (offsets.get(start), offsets.get(end)) else {
                return None;
            };
            article.text.get(b0..b1)
        };
        for (index, p) in article.paragraphs.iter().enumerate() {
            if p.range.start > p.range.end || slice(p.range.start, p.range.end).is_none() {
                warnings.push(LoadWarning::ParagraphOutOfRange { article: *article_id, index });
            }
        }
        for id in by_article.get(article_id).into_iter().flatten() {
            let Some(s) = project.statements.get(id) else { continue };
            let r = s.span.range;
            let fits = r.start <= r.end && slice(r.start, r.end) == Some(s.span.quote.as_str());
            if !fits {
                warnings.push(LoadWarning::SpanMismatch { statement: s.id, article: s.article });
            }
        }
    }
}
