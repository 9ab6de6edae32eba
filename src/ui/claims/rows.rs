//! Which claims the claims view lists and where each row sits, computed without
//! laying out any text so 5,000 statements cost microseconds; the summary words
//! of a row ("3 reports, 1 independent origin").

use std::collections::BTreeSet;
use std::ops::Range;

use crate::compare::{Cluster, ClusterId, Clusters, DivergenceKind, Independence};
use crate::model::{Project, StatementId};
use crate::ui::theme;

/// Height of a row's summary line.
pub const SUMMARY_HEIGHT: f32 = 24.0;
/// Height of the outlets line, the origins line and each divergence line.
pub const LINE_HEIGHT: f32 = 20.0;
/// Height of the "show all" line under a folded claim.
pub const MORE_HEIGHT: f32 = 22.0;
/// Space below each row.
pub const ROW_GAP: f32 = 8.0;
/// Statements shown before a claim is unfolded.
pub const FOLDED_STATEMENTS: usize = 4;

/// Which claims are listed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct RowFilter {
    /// Also list claims only one article reports.
    pub single_article: bool,
    /// Only claims whose reports diverge.
    pub only_divergent: bool,
    /// Only claims resting on unofficial sources alone.
    pub only_unofficial: bool,
}

impl RowFilter {
    /// True when `cluster` is listed.
    #[must_use]
    pub fn passes(&self, cluster: &Cluster) -> bool {
        (self.single_article || cluster.is_shared())
            && (!self.only_divergent || !cluster.divergences.is_empty())
            && (!self.only_unofficial || cluster.independence.unofficial_only)
    }
}

/// One listed claim.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimRow {
    /// Index into [`Clusters::clusters`].
    pub cluster: usize,
    /// Top, in content points.
    pub top: f32,
    /// Height, gap excluded.
    pub height: f32,
    /// Statements drawn.
    pub shown: usize,
    /// Statements folded away.
    pub hidden: usize,
    /// Divergence kinds present, one line each.
    pub divergence_kinds: Vec<DivergenceKind>,
}

impl ClaimRow {
    /// Top of the first statement line, relative to the row.
    #[must_use]
    pub fn statements_top(&self) -> f32 {
        SUMMARY_HEIGHT + LINE_HEIGHT * (2 + self.divergence_kinds.len()) as f32
    }
}

/// All listed rows and the total height.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RowLayout {
    /// Rows, top to bottom.
    pub rows: Vec<ClaimRow>,
    /// Content height.
    pub height: f32,
}

impl RowLayout {
    /// Rows meeting the content band `top..bottom`.
    #[must_use]
    pub fn visible(&self, top: f32, bottom: f32) -> Range<usize> {
        let first = self.rows.partition_point(|r| r.top + r.height < top);
        let end = self.rows.partition_point(|r| r.top <= bottom);
        first..end.max(first)
    }

    /// The row showing `cluster`.
    #[must_use]
    pub fn row_of(&self, clusters: &Clusters, cluster: ClusterId) -> Option<&ClaimRow> {
        self.rows.iter().find(|r| clusters.clusters.get(r.cluster).is_some_and(|c| c.id == cluster))
    }
}

/// Lay out the rows of the listed clusters; `expanded` clusters show every statement.
#[must_use]
pub fn build_rows(
    clusters: &Clusters,
    filter: &RowFilter,
    expanded: &BTreeSet<ClusterId>,
) -> RowLayout {
    let mut rows = Vec::new();
    let mut top = 0.0;
    for (index, cluster) in clusters.clusters.iter().enumerate() {
        if !filter.passes(cluster) {
            continue;
        }
        let total = cluster.len();
        let shown =
            if expanded.contains(&cluster.id) { total } else { total.min(FOLDED_STATEMENTS) };
        let hidden = total - shown;
        let divergence_kinds: Vec<DivergenceKind> =
            DivergenceKind::ALL.into_iter().filter(|&k| cluster.has_divergence(k)).collect();
        let mut row =
            ClaimRow { cluster: index, top, height: 0.0, shown, hidden, divergence_kinds };
        row.height = row.statements_top()
            + shown as f32 * theme::CLAIM_STATEMENT_HEIGHT
            + if hidden > 0 || shown > FOLDED_STATEMENTS { MORE_HEIGHT } else { 4.0 };
        top += row.height + ROW_GAP;
        rows.push(row);
    }
    RowLayout { rows, height: top }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "3 reports, 1 independent origin".
#[must_use]
pub fn reports_summary(cluster: &Cluster) -> String {
    format!(
        "{}, {}",
        plural(cluster.len(), "report", "reports"),
        plural(
            cluster.independence.independent_origins,
            "independent origin",
            "independent origins"
        )
    )
}

/// How a claim is backed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backing {
    /// An on-record (official) statement backs it.
    OnRecord,
    /// Only unofficial sources carry it.
    UnofficialOnly,
    /// Neither: only unclassified statements.
    Unattributed,
}

impl Backing {
    /// How `independence` is backed.
    #[must_use]
    pub fn of(independence: &Independence) -> Self {
        if independence.on_record {
            Backing::OnRecord
        } else if independence.unofficial_only {
            Backing::UnofficialOnly
        } else {
            Backing::Unattributed
        }
    }

    /// The mark shown on the row.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Backing::OnRecord => "✔ on the record",
            Backing::UnofficialOnly => "⚠ unofficial sources only",
            Backing::Unattributed => "no attributed source",
        }
    }
}

/// A divergence detail with "statement 12" replaced by the outlet (or title) of
/// that statement's article, so the analyst reads who said what.
#[must_use]
pub fn humanise_detail(detail: &str, project: &Project) -> String {
    const WORD: &str = "statement ";
    let mut out = String::with_capacity(detail.len());
    let mut rest = detail;
    while let Some(at) = rest.find(WORD) {
        let (before, after) = rest.split_at(at);
        out.push_str(before);
        let tail = after.strip_prefix(WORD).unwrap_or(after);
        let digits_len = tail.bytes().take_while(u8::is_ascii_digit).count();
        let (digits, remainder) = tail.split_at(digits_len);
        let name = digits.parse().ok().and_then(|n| report_name(project, StatementId(n)));
        if let Some(name) = name {
            out.push_str(&name);
            rest = remainder;
        } else {
            out.push_str(WORD);
            rest = tail;
        }
    }
    out.push_str(rest);
    out
}

/// The outlet (else the title) of a statement's article.
#[must_use]
pub fn report_name(project: &Project, id: StatementId) -> Option<String> {
    let statement = project.statements.get(&id)?;
    let article = project.articles.get(&statement.article)?;
    let outlet = article.meta.outlet.as_deref().map(str::trim).filter(|o| !o.is_empty());
    Some(outlet.map_or_else(|| article.meta.title.clone(), str::to_owned))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{Divergence, OriginGroup};
    use crate::model::{Article, ArticleId, ArticleMeta, Statement};

    fn cluster(id: u64, statements: usize, articles: usize, divergent: bool) -> Cluster {
        let ids: Vec<StatementId> = (0..statements).map(|i| StatementId(id + i as u64)).collect();
        Cluster {
            id: ClusterId(StatementId(id)),
            statements: ids.clone(),
            articles: (0..articles).map(|i| ArticleId(i as u64 + 1)).collect(),
            outlets: Vec::new(),
            earliest: None,
            divergences: if divergent {
                vec![Divergence {
                    kind: DivergenceKind::Number,
                    statements: (ids[0], ids[1]),
                    detail: String::new(),
                }]
            } else {
                Vec::new()
            },
            independence: Independence {
                origins: vec![OriginGroup { name: "NBC News".into(), statements: ids }],
                independent_origins: 1,
                on_record: false,
                unofficial_only: true,
            },
        }
    }

    fn clusters(list: Vec<Cluster>) -> Clusters {
        let mut all = Clusters::default();
        all.clusters = list;
        all
    }

    #[test]
    fn shared_claims_are_listed_and_single_ones_on_demand() {
        let all = clusters(vec![cluster(10, 6, 3, true), cluster(30, 2, 2, false), {
            let mut c = cluster(50, 1, 1, false);
            c.independence.unofficial_only = false;
            c
        }]);
        let expanded = BTreeSet::new();
        let rows = build_rows(&all, &RowFilter::default(), &expanded);
        assert_eq!(rows.rows.iter().map(|r| r.cluster).collect::<Vec<_>>(), [0, 1]);
        let first = &rows.rows[0];
        assert_eq!((first.shown, first.hidden), (FOLDED_STATEMENTS, 2));
        assert_eq!(first.divergence_kinds, [DivergenceKind::Number]);
        assert!((rows.rows[1].top - (first.height + ROW_GAP)).abs() < 1e-3);
        let with_single = build_rows(
            &all,
            &RowFilter { single_article: true, ..RowFilter::default() },
            &expanded,
        );
        assert_eq!(with_single.rows.len(), 3);
        let divergent = build_rows(
            &all,
            &RowFilter { only_divergent: true, ..RowFilter::default() },
            &expanded,
        );
        assert_eq!(divergent.rows.len(), 1);
        let unofficial =
            RowFilter { only_unofficial: true, single_article: true, ..RowFilter::default() };
        assert_eq!(build_rows(&all, &unofficial, &expanded).rows.len(), 2);
        let unfolded =
            build_rows(&all, &RowFilter::default(), &[ClusterId(StatementId(10))].into());
        assert_eq!((unfolded.rows[0].shown, unfolded.rows[0].hidden), (6, 0));
        assert!(unfolded.height > rows.height);
    }

    #[test]
    fn visible_rows_are_found_by_position() {
        let all = clusters((0..100).map(|i| cluster(i * 10 + 1, 2, 2, false)).collect());
        let rows = build_rows(&all, &RowFilter::default(), &BTreeSet::new());
        let step = rows.rows[1].top;
        let range = rows.visible(step * 10.5, step * 12.5);
        assert_eq!(range, 10..13);
        assert_eq!(rows.visible(-50.0, 1.0), 0..1);
        assert!(rows.visible(rows.height + 10.0, rows.height + 500.0).is_empty());
    }

    #[test]
    fn summaries_count_reports_and_origins() {
        let mut c = cluster(1, 3, 3, false);
        assert_eq!(reports_summary(&c), "3 reports, 1 independent origin");
        c.independence.independent_origins = 2;
        assert_eq!(reports_summary(&c), "3 reports, 2 independent origins");
        assert_eq!(Backing::of(&c.independence), Backing::UnofficialOnly);
        c.independence.on_record = true;
        assert_eq!(Backing::of(&c.independence), Backing::OnRecord);
    }

    #[test]
    fn divergence_details_name_the_outlets() {
        let mut project = Project::default();
        for (article, statement, outlet) in [(1, 2, "NBC News"), (3, 4, "الجزيرة نت")] {
            let meta = ArticleMeta { outlet: Some(outlet.into()), ..ArticleMeta::default() };
            project.articles.insert(
                ArticleId(article),
                Article { id: ArticleId(article), meta, ..Article::default() },
            );
            project.statements.insert(
                StatementId(statement),
                Statement {
                    id: StatementId(statement),
                    article: ArticleId(article),
                    ..Statement::default()
                },
            );
        }
        assert_eq!(
            humanise_detail("statement 2 says 134, statement 4 says 143", &project),
            "NBC News says 134, الجزيرة نت says 143"
        );
        assert_eq!(
            humanise_detail("statement 99 says 1, the statement stands", &project),
            "statement 99 says 1, the statement stands"
        );
    }
}
