//! The bundled sample project: the seed Arabic article and two English reports of
//! the same story, with statements already reviewed, two questions, links and notes,
//! so a new user has something real to look at.
//!
//! `assets/sample/sample.ron` is built by [`build_sample_project`] from the articles in
//! `assets/sample/` (regenerate with
//! `cargo test --test it sample::regenerate -- --ignored`).

use std::path::Path;

use crate::analysis::Lexicon;
use crate::command::Command;
use crate::model::{
    ArticleId, Kind, Link, LinkId, LinkKind, Note, NoteId, NoteTarget, Project, Question,
    QuestionId, Review, StatementId,
};

/// The committed sample project file.
const SAMPLE_RON: &str = include_str!("../../assets/sample/sample.ron");

/// The bundled articles: (file name, bytes).
pub const SAMPLE_ARTICLES: [(&str, &[u8]); 3] = [
    ("article_ar.txt", include_bytes!("../../assets/sample/article_ar.txt")),
    ("wire_en.txt", include_bytes!("../../assets/sample/wire_en.txt")),
    ("daily_en.md", include_bytes!("../../assets/sample/daily_en.md")),
];

/// The sample project, as committed.
#[must_use]
pub fn sample_project() -> Project {
    match crate::store::from_ron_str(SAMPLE_RON, Path::new("assets/sample/sample.ron")) {
        Ok(project) => project,
        Err(err) => {
            log::error!("the bundled sample project does not load: {err}");
            Project::new("Sample")
        }
    }
}

/// Build the sample from the bundled articles: import, find statements, then the
/// decisions an analyst would make.
#[must_use]
pub fn build_sample_project(lexicon: &Lexicon) -> Project {
    let mut project = Project::new("Sample — back-channel talks with Lavrov");
    let epoch: jiff::Timestamp =
        "2023-07-08T10:00:00Z".parse().unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    for (name, bytes) in SAMPLE_ARTICLES {
        let hint = Path::new(name);
        let Ok(mut imported) = crate::ingest::import_bytes(
            bytes,
            Some(hint),
            &crate::ingest::ImportOptions::default(),
        ) else {
            continue;
        };
        let id = ArticleId(project.alloc_id());
        imported.article.id = id;
        imported.article.source.path = Some(format!("assets/sample/{name}"));
        imported.article.source.imported = Some(epoch);
        let suggestions = crate::analysis::analyze_article(&imported.article, lexicon);
        project.articles.insert(id, imported.article);
        for mut statement in suggestions {
            statement.id = StatementId(project.alloc_id());
            statement.article = id;
            project.statements.insert(statement.id, statement);
        }
    }
    analyst_decisions(&mut project, epoch);
    project
}

/// The first visible statement quoting `part`.
fn find(project: &Project, part: &str) -> Option<StatementId> {
    project
        .statements
        .values()
        .find(|s| s.is_visible() && s.span.quote.contains(part))
        .map(|s| s.id)
}

fn analyst_decisions(project: &mut Project, when: jiff::Timestamp) {
    let mut commands = Vec::new();
    // Outlets of the articles, as the analyst would fill them in.
    for article in project.articles.values() {
        let mut changed = article.clone();
        if changed.meta.outlet.is_none() {
            changed.meta.outlet = Some(
                match article.source.path.as_deref() {
                    Some(p) if p.ends_with("article_ar.txt") => "الجزيرة نت",
                    Some(p) if p.ends_with("wire_en.txt") => "Sample Wire",
                    _ => "Sample Daily Ledger",
                }
                .to_owned(),
            );
            commands.push(Command::PutArticle(Box::new(changed)));
        }
    }
    let approved = QuestionId(project.alloc_id());
    let aware = QuestionId(project.alloc_id());
    commands.push(Command::PutQuestion(Question {
        id: approved,
        title: "Did the administration approve the talks?".to_owned(),
        translation: "هل وافقت الإدارة على المحادثات؟".to_owned(),
        order: 0,
    }));
    commands.push(Command::PutQuestion(Question {
        id: aware,
        title: "Did the White House know about the meeting?".to_owned(),
        translation: "هل كان البيت الأبيض على علم بالاجتماع؟".to_owned(),
        order: 1,
    }));
    // Reviewed statements, assigned to the questions they answer.
    let decisions: [(&str, Kind, Option<QuestionId>, &str); 6] = [
        (
            "لم توافق إدارة بايدن",
            Kind::Official,
            Some(approved),
            "\"The Biden administration did not approve these talks.\"",
        ),
        ("did not authorise these discussions", Kind::Official, Some(approved), ""),
        (
            "بعلم من إدارة الرئيس",
            Kind::Unofficial,
            Some(aware),
            "The talks took place with the knowledge of the Biden administration, but not at its direction.",
        ),
        ("with the knowledge of President Joe Biden", Kind::Unofficial, Some(approved), ""),
        ("Nobody in the building knew", Kind::Unofficial, Some(aware), ""),
        ("was not involved in any way", Kind::Official, Some(aware), ""),
    ];
    for (part, kind, question, translation) in decisions {
        let Some(id) = find(project, part) else {
            log::warn!("sample: no statement quotes {part:?}");
            continue;
        };
        if let Some(command) = crate::command::ops::edit_statement(project, id, |s| {
            s.kind = kind;
            s.review = Review::Accepted;
            s.question = question;
            if !translation.is_empty() {
                s.translation = translation.to_owned();
            }
        }) {
            commands.push(command);
        }
    }
    let links = [
        ("بعلم من إدارة الرئيس", "لم توافق إدارة بايدن", LinkKind::RespondsTo),
        (
            "Nobody in the building knew",
            "with the knowledge of President Joe Biden",
            LinkKind::Contradicts,
        ),
        ("did not authorise these discussions", "لم توافق إدارة بايدن", LinkKind::SameClaim),
    ];
    for (from, to, kind) in links {
        if let (Some(from), Some(to)) = (find(project, from), find(project, to)) {
            commands.push(Command::PutLink(Link {
                id: LinkId(project.alloc_id()),
                from,
                to,
                kind,
            }));
        }
    }
    if let Some(target) = find(project, "بعلم من إدارة الرئيس") {
        commands.push(Command::PutNote(Note {
            id: NoteId(project.alloc_id()),
            target: NoteTarget::Statement(target),
            text: "مصدران فقط من أصل أربعة، ولم يؤكد البيت الأبيض ذلك علنًا.".to_owned(),
            translation: "Only two of the four sources, and the White House has not confirmed it on the record.".to_owned(),
            created: when,
            modified: when,
        }));
    }
    commands.push(Command::PutNote(Note {
        id: NoteId(project.alloc_id()),
        target: NoteTarget::Project,
        text: "Compare the NBC-sourced claim of White House knowledge with the later denial."
            .to_owned(),
        translation: String::new(),
        created: when,
        modified: when,
    }));
    if let Err(err) = Command::Batch(commands).apply(project) {
        log::error!("sample: the analyst's decisions do not apply: {err}");
    }
}
