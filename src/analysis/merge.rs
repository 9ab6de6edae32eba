//! Merging fresh suggestions into a project without touching the analyst's work.

use crate::command::{Command, ops::is_analyst_decision};
use crate::model::{ArticleId, NoteTarget, Project, Statement, StatementId};

/// The command that puts `suggestions` (from [`super::analyze_article`]) into
/// `project` for `article`: analyst decisions (accepted, rejected, or made by the
/// analyst) are never changed and their spans are not suggested again; unreviewed
/// suggestions from an earlier run are replaced (kept when unchanged, and kept when
/// links or notes refer to them); new statements get fresh ids from `project.next_id`.
#[must_use]
pub fn merge_suggestions(
    project: &Project,
    article: ArticleId,
    suggestions: Vec<Statement>,
) -> Command {
    let existing: Vec<&Statement> = project.statements_of(article).collect();
    let decided: Vec<&Statement> =
        existing.iter().copied().filter(|s| is_analyst_decision(s)).collect();
    let stale: Vec<&Statement> =
        existing.iter().copied().filter(|s| !is_analyst_decision(s)).collect();
    let mut commands = Vec::new();
    let mut kept_stale: Vec<StatementId> = Vec::new();
    let mut next = project.next_id.max(1);
    for mut suggestion in suggestions {
        let range = suggestion.span.range;
        if decided.iter().any(|d| d.span.range.overlaps(&range)) {
            continue;
        }
        if let Some(same) = stale.iter().find(|s| {
            s.span.range == range && s.kind == suggestion.kind && s.speaker == suggestion.speaker
        }) {
            kept_stale.push(same.id);
            continue;
        }
        suggestion.id = StatementId(next);
        next += 1;
        suggestion.article = article;
        commands.push(Command::PutStatement(Box::new(suggestion)));
    }
    for old in stale {
        let referenced = project.links_of(old.id).next().is_some()
            || project.notes.values().any(|n| n.target == NoteTarget::Statement(old.id));
        if !kept_stale.contains(&old.id) && !referenced {
            commands.insert(0, Command::RemoveStatement(old.id));
        }
    }
    Command::Batch(commands)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, CharRange, Kind, Origin, Review, TextSpan};

    fn project_with_article() -> Project {
        let mut project = Project::new("t");
        let article = Article {
            id: ArticleId(1),
            text: "One said this. Two said that. Three said more.".to_owned(),
            ..Article::default()
        };
        Command::PutArticle(Box::new(article)).apply(&mut project).unwrap();
        project
    }

    fn statement(project: &Project, start: usize, end: usize, kind: Kind) -> Statement {
        let text = &project.articles[&ArticleId(1)].text;
        Statement {
            article: ArticleId(1),
            span: TextSpan::from_text(text, CharRange::new(start, end)),
            kind,
            ..Statement::default()
        }
    }

    #[test]
    fn rerun_keeps_decisions_and_replaces_stale_suggestions() {
        let mut project = project_with_article();
        let first = vec![
            statement(&project, 0, 14, Kind::Official),
            statement(&project, 15, 29, Kind::Official),
            statement(&project, 30, 46, Kind::Unofficial),
        ];
        merge_suggestions(&project, ArticleId(1), first).apply(&mut project).unwrap();
        assert_eq!(project.statements.len(), 3);
        let ids: Vec<StatementId> = project.statements.keys().copied().collect();
        // The analyst accepts the first as unofficial and rejects the second.
        let mut accepted = project.statements[&ids[0]].clone();
        accepted.kind = Kind::Unofficial;
        accepted.review = Review::Accepted;
        Command::PutStatement(Box::new(accepted.clone())).apply(&mut project).unwrap();
        let mut rejected = project.statements[&ids[1]].clone();
        rejected.review = Review::Rejected;
        Command::PutStatement(Box::new(rejected.clone())).apply(&mut project).unwrap();
        // Re-run: all three suggested again, the third with another kind.
        let second = vec![
            statement(&project, 0, 14, Kind::Official),
            statement(&project, 15, 29, Kind::Official),
            statement(&project, 30, 46, Kind::Official),
        ];
        let next_before = project.next_id;
        merge_suggestions(&project, ArticleId(1), second).apply(&mut project).unwrap();
        assert_eq!(project.statements[&ids[0]], accepted);
        assert_eq!(project.statements[&ids[1]], rejected);
        assert!(!project.statements.contains_key(&ids[2]), "stale suggestion replaced");
        assert_eq!(project.statements.len(), 3);
        let fresh = project.statements.values().find(|s| s.span.range.start == 30).unwrap();
        assert_eq!(fresh.kind, Kind::Official);
        assert!(fresh.id.0 >= next_before);
        assert_eq!(fresh.origin, Origin::Analysis);
    }

    #[test]
    fn unchanged_suggestion_keeps_its_id() {
        let mut project = project_with_article();
        let list = vec![statement(&project, 0, 14, Kind::Official)];
        merge_suggestions(&project, ArticleId(1), list.clone()).apply(&mut project).unwrap();
        let id = *project.statements.keys().next().unwrap();
        let command = merge_suggestions(&project, ArticleId(1), list);
        assert!(command.is_noop());
        command.apply(&mut project).unwrap();
        assert!(project.statements.contains_key(&id));
    }
}
