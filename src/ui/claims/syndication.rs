//! The notice shown after an import when a new article is a near-identical copy
//! (reprint, syndicated wire copy) of one already in the project.

use crate::compare::syndicated_articles;
use crate::model::{Article, ArticleId, Project};

fn name(article: &Article) -> String {
    let title = if article.meta.title.trim().is_empty() {
        article.source.path.as_deref().unwrap_or("untitled article")
    } else {
        article.meta.title.trim()
    };
    match article.meta.outlet.as_deref().map(str::trim).filter(|o| !o.is_empty()) {
        Some(outlet) => format!("\u{201C}{title}\u{201D} ({outlet})"),
        None => format!("\u{201C}{title}\u{201D}"),
    }
}

/// One sentence per near-identical pair that involves an article of `new`
/// (just imported into `project`), naming both articles.
#[must_use]
pub fn syndication_notices(project: &Project, new: &[ArticleId]) -> Vec<String> {
    if new.is_empty() || project.articles.len() < 2 {
        return Vec::new();
    }
    syndicated_articles(project)
        .into_iter()
        .filter(|p| new.contains(&p.articles.0) || new.contains(&p.articles.1))
        .filter_map(|p| {
            // Name the new article first.
            let (copy, original) = if new.contains(&p.articles.1) {
                (p.articles.1, p.articles.0)
            } else {
                (p.articles.0, p.articles.1)
            };
            let copy = project.articles.get(&copy)?;
            let original = project.articles.get(&original)?;
            Some(format!(
                "{} is a near-identical copy of {} ({:.0}% shared wording): counted as one origin.",
                name(copy),
                name(original),
                p.similarity * 100.0
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ArticleMeta;

    fn article(id: u64, title: &str, outlet: &str, text: &str) -> Article {
        Article {
            id: ArticleId(id),
            text: text.to_owned(),
            meta: ArticleMeta {
                title: title.to_owned(),
                outlet: Some(outlet.to_owned()),
                ..ArticleMeta::default()
            },
            ..Article::default()
        }
    }

    #[test]
    fn a_reprint_is_named_with_its_original() {
        let original = "أفادت شبكة إن بي سي نيوز الأمريكية نقلا عن ستة مسؤولين مطلعين أن مجموعة من \
                        مسؤولي الأمن القومي الأمريكي السابقين أجروا محادثات سرية مع شخصيات روسية \
                        بارزة مقربة من الكرملين في نيسان الماضي في نيويورك.";
        let mut project = Project::default();
        for a in [
            article(1, "محادثات سرية", "الجزيرة نت", original),
            article(
                2,
                "Unrelated",
                "Reuters",
                "The central bank raised rates by half a point on Thursday, its first rise this year.",
            ),
            article(3, "محادثات سرية مع لافروف", "RT Arabic", &format!("موسكو - {original}")),
        ] {
            project.articles.insert(a.id, a);
        }
        let notices = syndication_notices(&project, &[ArticleId(3)]);
        assert_eq!(notices.len(), 1, "{notices:?}");
        assert!(notices[0].starts_with("\u{201C}محادثات سرية مع لافروف\u{201D} (RT Arabic) is a near-identical copy of \u{201C}محادثات سرية\u{201D} (الجزيرة نت)"), "{}", notices[0]);
        assert!(syndication_notices(&project, &[ArticleId(2)]).is_empty());
    }
}
