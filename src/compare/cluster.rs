//! Claim clusters: statements from different articles that report the same claim,
//! with their outlets, earliest report, divergences and independence.

use std::collections::HashMap;

use super::divergence::{self, Divergence, DivergenceKind};
use super::features::{self, FeatureTable, StatementFeatures};
use super::grouping;
use super::independence::{Independence, OriginResolver};
use super::names::NameIndex;
use super::syndication::{Syndication, syndicated_articles};
use super::when;
use crate::model::{ArticleId, Project, PubDate, StatementId};

/// Statements compared pairwise for divergences in one cluster; bigger clusters
/// compare every statement with this many earliest ones only.
const FULL_PAIRWISE_MAX: usize = 64;

/// Identifies a cluster: the smallest id among its statements, so it stays the
/// same while unrelated parts of the project change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClusterId(pub StatementId);

impl std::fmt::Display for ClusterId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "C{}", self.0)
    }
}

/// The first report of a claim whose date is known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EarliestReport {
    /// The statement.
    pub statement: StatementId,
    /// Its article.
    pub article: ArticleId,
    /// The article's publication date (with time when known).
    pub published: PubDate,
}

/// One claim and everything reported about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// Stable id.
    pub id: ClusterId,
    /// Its statements, earliest report first (undated ones last, by id).
    pub statements: Vec<StatementId>,
    /// Distinct articles, in the order of `statements`.
    pub articles: Vec<ArticleId>,
    /// Distinct outlets as written in the articles, in the order of `statements`.
    pub outlets: Vec<String>,
    /// The earliest dated report, if any article is dated.
    pub earliest: Option<EarliestReport>,
    /// Where its reports disagree.
    pub divergences: Vec<Divergence>,
    /// How many independent origins carry it; on-record backing.
    pub independence: Independence,
}

impl Cluster {
    /// Number of statements.
    #[must_use]
    pub fn len(&self) -> usize {
        self.statements.len()
    }

    /// True when the cluster has no statements (never, for clusters built here).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.statements.is_empty()
    }

    /// True when more than one article reports the claim.
    #[must_use]
    pub fn is_shared(&self) -> bool {
        self.articles.len() > 1
    }

    /// True when some pair of its statements diverges in this way.
    #[must_use]
    pub fn has_divergence(&self, kind: DivergenceKind) -> bool {
        self.divergences.iter().any(|d| d.kind == kind)
    }

    /// Divergences that involve `statement`.
    pub fn divergences_of(&self, statement: StatementId) -> impl Iterator<Item = &Divergence> {
        self.divergences
            .iter()
            .filter(move |d| d.statements.0 == statement || d.statements.1 == statement)
    }
}

/// All claim clusters of a project. Every visible (not rejected) statement is in
/// exactly one cluster; a claim reported once is a cluster of one.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Clusters {
    /// The clusters: most statements first, then by id.
    pub clusters: Vec<Cluster>,
    /// Near-identical article pairs found on the way (see
    /// [`super::syndicated_articles`]).
    pub syndicated: Vec<Syndication>,
    by_statement: HashMap<StatementId, usize>,
    by_id: HashMap<ClusterId, usize>,
}

impl Clusters {
    /// The cluster containing `statement`.
    #[must_use]
    pub fn cluster_of(&self, statement: StatementId) -> Option<&Cluster> {
        self.by_statement.get(&statement).and_then(|&i| self.clusters.get(i))
    }

    /// The cluster with this id.
    #[must_use]
    pub fn get(&self, id: ClusterId) -> Option<&Cluster> {
        self.by_id.get(&id).and_then(|&i| self.clusters.get(i))
    }

    /// True when both statements are in the same cluster.
    #[must_use]
    pub fn same_claim(&self, a: StatementId, b: StatementId) -> bool {
        match (self.by_statement.get(&a), self.by_statement.get(&b)) {
            (Some(x), Some(y)) => x == y,
            _ => false,
        }
    }

    /// Clusters reported by more than one article.
    pub fn shared(&self) -> impl Iterator<Item = &Cluster> {
        self.clusters.iter().filter(|c| c.is_shared())
    }

    /// Statement pairs reporting the same claim in articles `left` and `right`
    /// (for a side-by-side view), with the cluster they share, in `left`'s order.
    #[must_use]
    pub fn matches_between(
        &self,
        project: &Project,
        left: ArticleId,
        right: ArticleId,
    ) -> Vec<(StatementId, StatementId, ClusterId)> {
        let mut out = Vec::new();
        for l in project.statements_of(left) {
            let Some(cluster) = self.cluster_of(l.id) else { continue };
            for &r in &cluster.statements {
                if project.statements.get(&r).is_some_and(|s| s.article == right) && r != l.id {
                    out.push((l.id, r, cluster.id));
                }
            }
        }
        out
    }
}

/// Group the project's statements into claims and describe each claim.
#[must_use]
pub fn clusters(project: &Project) -> Clusters {
    let names = NameIndex::for_project(project);
    let (features, table) = features::extract(project, &names);
    let groups = grouping::group(&features, &table, project);
    let syndicated = syndicated_articles(project);
    let resolver = OriginResolver::new(project, &names, &syndicated);
    let mut list: Vec<Cluster> = groups
        .iter()
        .filter_map(|members| build(project, &features, &table, &names, &resolver, members))
        .collect();
    list.sort_by(|a, b| b.len().cmp(&a.len()).then(a.id.cmp(&b.id)));
    let mut by_statement = HashMap::new();
    let mut by_id = HashMap::new();
    for (index, cluster) in list.iter().enumerate() {
        by_id.insert(cluster.id, index);
        for &s in &cluster.statements {
            by_statement.insert(s, index);
        }
    }
    Clusters { clusters: list, syndicated, by_statement, by_id }
}

fn build(
    project: &Project,
    features: &[StatementFeatures],
    table: &FeatureTable,
    names: &NameIndex,
    resolver: &OriginResolver<'_>,
    members: &[usize],
) -> Option<Cluster> {
    let mut ordered: Vec<&StatementFeatures> =
        members.iter().filter_map(|&i| features.get(i)).collect();
    let date_of = |f: &StatementFeatures| {
        project.articles.get(&f.article).and_then(|a| a.meta.published.as_ref())
    };
    ordered.sort_by_key(|f| (when::article_sort_key(project, f.article).0, f.id));
    let statements: Vec<StatementId> = ordered.iter().map(|f| f.id).collect();
    let id = ClusterId(*statements.iter().min()?);
    let mut articles = Vec::new();
    let mut outlets: Vec<String> = Vec::new();
    for f in &ordered {
        if !articles.contains(&f.article) {
            articles.push(f.article);
        }
        let outlet = project.articles.get(&f.article).and_then(|a| a.meta.outlet.as_deref());
        if let Some(outlet) = outlet.map(str::trim).filter(|o| !o.is_empty())
            && !outlets.iter().any(|o| o == outlet)
        {
            outlets.push(outlet.to_owned());
        }
    }
    let earliest = ordered.iter().find_map(|f| {
        date_of(f).map(|d| EarliestReport {
            statement: f.id,
            article: f.article,
            published: d.clone(),
        })
    });
    let mut divergences = Vec::new();
    for (i, a) in ordered.iter().enumerate() {
        let limit =
            if ordered.len() <= FULL_PAIRWISE_MAX { i } else { i.min(FULL_PAIRWISE_MAX / 2) };
        for b in ordered.get(..limit).unwrap_or(&[]) {
            divergences.extend(divergence::between(a, b, table, names));
        }
    }
    divergences.sort_by_key(|d| (d.kind, d.statements));
    let independence = resolver.independence(&statements);
    Some(Cluster { id, statements, articles, outlets, earliest, divergences, independence })
}

/// Why two statements are (or are not) in one cluster.
#[derive(Clone, Debug, PartialEq)]
pub struct PairExplanation {
    /// Their similarity, 0–1 (see [`PAIR_THRESHOLD`]).
    pub similarity: f32,
    /// The words, names, numbers and dates they share, as the first one writes them.
    pub shared: Vec<String>,
    /// Where they disagree.
    pub divergences: Vec<Divergence>,
}

/// Similarity from which two statements of different articles are joined.
pub const PAIR_THRESHOLD: f32 = grouping::PAIR_MIN;

/// Explain how statements `a` and `b` compare (for a "why together?" tooltip).
/// `None` when either is missing or rejected.
#[must_use]
pub fn explain_pair(project: &Project, a: StatementId, b: StatementId) -> Option<PairExplanation> {
    let names = NameIndex::for_project(project);
    let (features, table) = features::extract(project, &names);
    let fa = features.iter().find(|f| f.id == a)?;
    let fb = features.iter().find(|f| f.id == b)?;
    let shared = fa
        .features
        .iter()
        .filter(|&&f| fb.has(f) && (fa.script == fb.script || table.is_neutral(f)))
        .map(|&f| fa.surface(f).to_owned())
        .collect();
    Some(PairExplanation {
        similarity: super::similarity::similarity(fa, fb, &table),
        shared,
        divergences: divergence::between(fa, fb, &table, &names),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, CharRange, Kind, Statement, TextSpan};

    /// A project with one statement per text, each in its own article.
    fn project(statements: &[(&str, Option<&str>)]) -> Project {
        let mut project = Project::default();
        for (i, (text, speaker)) in statements.iter().enumerate() {
            let id = i as u64 * 2 + 1;
            let article = ArticleId(id);
            project.articles.insert(
                article,
                Article { id: article, text: (*text).to_owned(), ..Article::default() },
            );
            let span = TextSpan::from_text(text, CharRange::new(0, text.chars().count()));
            let sid = StatementId(id + 1);
            project.statements.insert(
                sid,
                Statement {
                    id: sid,
                    article,
                    span,
                    kind: Kind::Official,
                    speaker: speaker.map(str::to_owned),
                    ..Statement::default()
                },
            );
        }
        project
    }

    fn kinds(p: &Project) -> Vec<DivergenceKind> {
        let why = explain_pair(p, StatementId(2), StatementId(4)).unwrap();
        why.divergences.iter().map(|d| d.kind).collect()
    }

    #[test]
    fn negation_is_flagged_across_languages() {
        let p = project(&[
            ("The talks took place with the knowledge of the Biden administration.", None),
            ("قال مسؤول إن البيت الأبيض لم يكن على علم بالمحادثات مع إدارة بايدن.", None),
        ]);
        assert_eq!(kinds(&p), [DivergenceKind::Negation]);
        let c = clusters(&p);
        assert!(c.same_claim(StatementId(2), StatementId(4)));
    }

    #[test]
    fn numbers_dates_and_speakers_are_flagged() {
        let p = project(&[
            (
                "At least 134 people were killed in the Qalat Nur earthquake on Sunday.",
                Some("the Kremlin"),
            ),
            (
                "At least 143 people were killed in the Qalat Nur earthquake on Saturday.",
                Some("the White House"),
            ),
        ]);
        assert_eq!(
            kinds(&p),
            [DivergenceKind::Number, DivergenceKind::Date, DivergenceKind::Speaker]
        );
        let detail =
            &explain_pair(&p, StatementId(2), StatementId(4)).unwrap().divergences[0].detail;
        assert!(detail.contains("134") && detail.contains("143"), "{detail}");
    }

    #[test]
    fn a_subset_of_numbers_is_not_a_divergence() {
        let p = project(&[
            ("Six officials said 21 sailors were on the ship in 2024.", None),
            ("Officials said 21 sailors were on the ship.", None),
        ]);
        assert!(kinds(&p).is_empty());
    }

    #[test]
    fn unrelated_statements_stay_apart_and_clusters_have_stable_ids() {
        let p = project(&[
            ("The central bank raised interest rates by 50 basis points.", None),
            ("Rescue workers said dozens of people were trapped under the rubble.", None),
            ("The central bank lifted interest rates by 50 basis points on Thursday.", None),
        ]);
        let c = clusters(&p);
        assert!(!c.same_claim(StatementId(2), StatementId(4)));
        assert!(c.same_claim(StatementId(2), StatementId(6)));
        let rates = c.cluster_of(StatementId(6)).unwrap();
        assert_eq!(rates.id, ClusterId(StatementId(2)));
        assert_eq!(c.get(rates.id), Some(rates));
        assert_eq!(
            c.matches_between(&p, ArticleId(1), ArticleId(5)),
            [(StatementId(2), StatementId(6), rates.id)]
        );
    }
}
