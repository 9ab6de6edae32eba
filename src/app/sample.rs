//! The bundled sample project: the seed Arabic article and two English reports of
//! the same story, so a new user has something real to look at.

use crate::model::{Project, SourceFormat};

const ARTICLE_AR: &str = include_str!("../../assets/sample/article_ar.txt");
const WIRE_EN: &str = include_str!("../../assets/sample/wire_en.txt");
const DAILY_EN: &str = include_str!("../../assets/sample/daily_en.md");

/// Build the sample project from the bundled articles.
#[must_use]
pub fn sample_project() -> Project {
    let mut project = Project::new("Sample — back-channel talks with Lavrov");
    for (name, text, format) in [
        ("article_ar.txt", ARTICLE_AR, SourceFormat::PlainText),
        ("wire_en.txt", WIRE_EN, SourceFormat::PlainText),
        ("daily_en.md", DAILY_EN, SourceFormat::Markdown),
    ] {
        let mut imported = crate::ingest::import_text(text, format);
        let id = crate::model::ArticleId(project.alloc_id());
        imported.article.id = id;
        imported.article.source.path = Some(format!("assets/sample/{name}"));
        let suggestions = super::jobs::suggest_for(&imported.article);
        project.articles.insert(id, imported.article);
        for mut statement in suggestions {
            statement.id = crate::model::StatementId(project.alloc_id());
            statement.article = id;
            project.statements.insert(statement.id, statement);
        }
    }
    project
}
