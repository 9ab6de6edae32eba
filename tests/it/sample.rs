//! The bundled sample project: it loads, it is consistent, and it is exactly what
//! the import and analysis pipeline plus the scripted analyst decisions produce.

use twotrack::analysis::Lexicon;
use twotrack::app::sample::{build_sample_project, sample_project};
use twotrack::model::{Kind, Review};

#[test]
#[ignore = "writes assets/sample/sample.ron; run by hand after changing the pipeline"]
fn regenerate() {
    let project = build_sample_project(&Lexicon::builtin());
    let path = crate::common::repo_file("assets/sample/sample.ron");
    twotrack::store::save(&path, &project).unwrap();
    let _ = std::fs::remove_file(twotrack::store::backup_path(&path));
}

#[test]
fn the_sample_is_consistent_and_shows_both_tracks() {
    let project = sample_project();
    assert_eq!(project.articles.len(), 3);
    for statement in project.statements.values() {
        let article = &project.articles[&statement.article];
        assert!(statement.span.matches(&article.text), "span of {} matches its text", statement.id);
    }
    let reviewed = |kind| {
        project
            .statements
            .values()
            .filter(|s| s.kind == kind && s.review == Review::Accepted)
            .count()
    };
    assert!(reviewed(Kind::Official) >= 2 && reviewed(Kind::Unofficial) >= 2);
    assert_eq!(project.questions.len(), 2);
    for question in project.questions.values() {
        let kinds: Vec<Kind> = project
            .statements
            .values()
            .filter(|s| s.question == Some(question.id))
            .map(|s| s.kind)
            .collect();
        assert!(
            kinds.contains(&Kind::Official) && kinds.contains(&Kind::Unofficial),
            "{}",
            question.title
        );
    }
    assert!(project.links.len() >= 3);
    assert!(project.notes.len() >= 2);
    assert!(
        project.statements.values().any(|s| s.review == Review::Suggested),
        "suggestions left to review"
    );
}

#[test]
fn the_committed_sample_is_what_the_pipeline_builds() {
    let built = build_sample_project(&Lexicon::builtin());
    assert!(
        built == sample_project(),
        "assets/sample/sample.ron is stale: run `cargo test --test it sample::regenerate -- --ignored`"
    );
}
