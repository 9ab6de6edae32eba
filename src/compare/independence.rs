//! Independence of corroboration: which *origin* each statement goes back to,
//! following its `via` chain and syndicated copies, so five reprints of one report
//! count once.

use std::collections::BTreeMap;

use super::names::NameIndex;
use super::syndication::Syndication;
use crate::model::{ArticleId, Kind, Project, StatementId};

/// Where a group of a claim's statements comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OriginGroup {
    /// The origin as written: the farthest outlet of a `via` chain, else the
    /// outlet of the (earliest syndicated copy of the) article.
    pub name: String,
    /// The claim's statements that go back to it.
    pub statements: Vec<StatementId>,
}

/// How independently a claim is corroborated.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Independence {
    /// Distinct origins, the one with most statements first.
    pub origins: Vec<OriginGroup>,
    /// Number of distinct origins (`origins.len()`).
    pub independent_origins: usize,
    /// At least one statement of the claim is on the record.
    pub on_record: bool,
    /// No on-record statement backs the claim, and unofficial ones carry it.
    pub unofficial_only: bool,
}

/// Resolves statements to origins for one project.
pub(crate) struct OriginResolver<'a> {
    project: &'a Project,
    names: &'a NameIndex,
    /// For each syndicated article, the earliest copy of its group.
    first_copy: BTreeMap<ArticleId, ArticleId>,
}

fn find(parent: &BTreeMap<ArticleId, ArticleId>, mut id: ArticleId) -> ArticleId {
    while let Some(&up) = parent.get(&id) {
        if up == id {
            break;
        }
        id = up;
    }
    id
}

impl<'a> OriginResolver<'a> {
    /// A resolver using the syndicated pairs found in the project.
    pub fn new(project: &'a Project, names: &'a NameIndex, syndicated: &[Syndication]) -> Self {
        // Join syndicated pairs into groups; each maps to its earliest copy.
        let mut parent: BTreeMap<ArticleId, ArticleId> = BTreeMap::new();
        for pair in syndicated {
            let (a, b) = pair.articles;
            let (ra, rb) = (find(&parent, a), find(&parent, b));
            if ra != rb {
                parent.insert(rb, ra);
            }
        }
        let mut groups: BTreeMap<ArticleId, Vec<ArticleId>> = BTreeMap::new();
        for pair in syndicated {
            for id in [pair.articles.0, pair.articles.1] {
                groups.entry(find(&parent, id)).or_default().push(id);
            }
        }
        let mut first_copy = BTreeMap::new();
        for members in groups.values() {
            let Some(&earliest) =
                members.iter().min_by_key(|&&id| super::when::article_sort_key(project, id))
            else {
                continue;
            };
            for &id in members {
                first_copy.insert(id, earliest);
            }
        }
        Self { project, names, first_copy }
    }

    /// `(key, display name)` of a statement's origin.
    pub fn origin(&self, statement: StatementId) -> (String, String) {
        let Some(s) = self.project.statements.get(&statement) else {
            return (format!("statement:{statement}"), format!("statement {statement}"));
        };
        if let Some(farthest) = s.via.iter().rev().find(|v| !v.trim().is_empty()) {
            return (self.names.source_key(farthest), farthest.trim().to_owned());
        }
        let article = self.first_copy.get(&s.article).copied().unwrap_or(s.article);
        match self
            .project
            .articles
            .get(&article)
            .and_then(|a| a.meta.outlet.as_deref())
            .filter(|o| !o.trim().is_empty())
        {
            Some(outlet) => (self.names.source_key(outlet), outlet.trim().to_owned()),
            None => (format!("article:{article}"), format!("article {article}")),
        }
    }

    /// Independence of a claim made of `statements`.
    pub fn independence(&self, statements: &[StatementId]) -> Independence {
        let mut groups: Vec<(String, OriginGroup)> = Vec::new();
        for &id in statements {
            let (key, name) = self.origin(id);
            if let Some((_, group)) = groups.iter_mut().find(|(k, _)| *k == key) {
                group.statements.push(id);
            } else {
                groups.push((key, OriginGroup { name, statements: vec![id] }));
            }
        }
        let mut origins: Vec<OriginGroup> = groups.into_iter().map(|(_, g)| g).collect();
        origins.sort_by_key(|g| std::cmp::Reverse(g.statements.len()));
        let kinds =
            statements.iter().filter_map(|id| self.project.statements.get(id)).map(|s| s.kind);
        let (mut on_record, mut unofficial) = (false, false);
        for kind in kinds {
            on_record |= kind == Kind::Official;
            unofficial |= kind == Kind::Unofficial;
        }
        Independence {
            independent_origins: origins.len(),
            origins,
            on_record,
            unofficial_only: unofficial && !on_record,
        }
    }
}
