//! Grouping statements into claims: the analyst's merges first, then the most
//! similar pairs, as long as the analyst's splits allow and the two groups are
//! alike on average (so one loose pair cannot chain two claims together).

use std::collections::HashMap;

use super::divergence::{contradicts, counts_differently, denies_alike};
use super::features::{FeatureTable, StatementFeatures};
use super::hash::FastMap;
use super::similarity::{scored_pairs, similarity};
use crate::model::{ArticleId, ClusterOverride, LinkKind, Project, StatementId};

/// Lowest similarity for two statements of different articles to be joined.
/// (0.35 before the bilingual lexicon and name links; 0.25 with them. Paraphrases
/// across outlets score 0.17–0.25; the group average below keeps the lower bar
/// from chaining claims: on all batches pairwise F1 0.801 → 0.842.)
pub(crate) const PAIR_MIN: f32 = 0.18;
/// Lowest similarity for two statements of the same article (a repeated paragraph).
pub(crate) const SAME_ARTICLE_MIN: f32 = 0.8;
/// Lowest average similarity between two groups for them to be joined (pairs not
/// scored count as 0): a guard against long chains of loosely similar statements.
pub(crate) const GROUP_MIN: f32 = 0.05;

/// Union-find over statement positions, with member lists.
struct Groups {
    parent: Vec<usize>,
    members: Vec<Vec<usize>>,
}

impl Groups {
    fn new(count: usize) -> Self {
        Self { parent: (0..count).collect(), members: (0..count).map(|i| vec![i]).collect() }
    }

    fn root(&self, mut i: usize) -> usize {
        while let Some(&p) = self.parent.get(i) {
            if p == i {
                break;
            }
            i = p;
        }
        i
    }

    fn members(&self, root: usize) -> &[usize] {
        self.members.get(root).map_or(&[], Vec::as_slice)
    }

    /// True when no member of one group must stay apart from a member of the other.
    fn allowed(&self, apart: &HashMap<usize, Vec<usize>>, ra: usize, rb: usize) -> bool {
        let (small, other) =
            if self.members(ra).len() <= self.members(rb).len() { (ra, rb) } else { (rb, ra) };
        self.members(small)
            .iter()
            .all(|m| apart.get(m).is_none_or(|list| list.iter().all(|&x| self.root(x) != other)))
    }

    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra == rb {
            return;
        }
        let (keep, drop) =
            if self.members(ra).len() >= self.members(rb).len() { (ra, rb) } else { (rb, ra) };
        let moved = self.members.get_mut(drop).map(std::mem::take).unwrap_or_default();
        if let Some(list) = self.members.get_mut(keep) {
            list.extend(moved);
        }
        if let Some(slot) = self.parent.get_mut(drop) {
            *slot = keep;
        }
    }
}

/// Statement positions grouped into claims; every position is in exactly one group.
pub(crate) fn group(
    features: &[StatementFeatures],
    table: &FeatureTable,
    project: &Project,
) -> Vec<Vec<usize>> {
    let position: HashMap<StatementId, usize> =
        features.iter().enumerate().map(|(i, f)| (f.id, i)).collect();
    let pos = |id: &StatementId| position.get(id).copied();

    let mut apart: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut together: Vec<(usize, usize)> = Vec::new();
    for o in &project.cluster_overrides {
        match o {
            ClusterOverride::Split(a, b) => {
                if let (Some(x), Some(y)) = (pos(a), pos(b)) {
                    apart.entry(x).or_default().push(y);
                    apart.entry(y).or_default().push(x);
                }
            }
            ClusterOverride::Merge(a, b) => {
                if let (Some(x), Some(y)) = (pos(a), pos(b)) {
                    together.push((x, y));
                }
            }
        }
    }
    for link in project.links.values().filter(|l| l.kind == LinkKind::SameClaim) {
        if let (Some(x), Some(y)) = (pos(&link.from), pos(&link.to)) {
            together.push((x, y));
        }
    }

    let mut groups = Groups::new(features.len());
    for (x, y) in together {
        let (rx, ry) = (groups.root(x), groups.root(y));
        if rx != ry && groups.allowed(&apart, rx, ry) {
            groups.join(rx, ry);
        }
    }
    // An article rarely reports one claim twice: two of its statements stay apart
    // unless they are near-duplicates or one denies what the other says.
    let mut distinct = apart;
    for (x, y) in same_article_distinct(features, table) {
        distinct.entry(x).or_default().push(y);
        distinct.entry(y).or_default().push(x);
    }

    let mut pairs = scored_pairs(features, table, PAIR_MIN);
    let score: FastMap<(usize, usize), f32> =
        pairs.iter().map(|&(i, j, s)| ((i.min(j), i.max(j)), s)).collect();
    pairs.retain(|&(i, j, score)| {
        let same_article = features.get(i).map(|f| f.article) == features.get(j).map(|f| f.article);
        !same_article || score >= SAME_ARTICLE_MIN
    });
    pairs.sort_by(|p, q| q.2.total_cmp(&p.2).then((p.0, p.1).cmp(&(q.0, q.1))));
    for &(i, j, _) in &pairs {
        let (ri, rj) = (groups.root(i), groups.root(j));
        if ri == rj || !groups.allowed(&distinct, ri, rj) {
            continue;
        }
        if average(&groups, ri, rj, &score) >= GROUP_MIN {
            groups.join(ri, rj);
        }
    }

    let mut out: Vec<Vec<usize>> = (0..features.len())
        .filter(|&i| groups.root(i) == i)
        .map(|i| {
            let mut list = groups.members(i).to_vec();
            list.sort_unstable();
            list
        })
        .collect();
    out.sort_by_key(|g| g.first().copied());
    out
}

/// Pairs of statements of one article that report different claims: not
/// near-duplicates, neither denies what the other says, and they do not give
/// different numbers for the same thing.
fn same_article_distinct(
    features: &[StatementFeatures],
    table: &FeatureTable,
) -> Vec<(usize, usize)> {
    let mut by_article: HashMap<ArticleId, Vec<usize>> = HashMap::new();
    for (i, f) in features.iter().enumerate() {
        by_article.entry(f.article).or_default().push(i);
    }
    let mut out = Vec::new();
    for members in by_article.values() {
        for (k, &x) in members.iter().enumerate() {
            for &y in members.get(k + 1..).unwrap_or(&[]) {
                let (Some(a), Some(b)) = (features.get(x), features.get(y)) else { continue };
                if similarity(a, b, table) < SAME_ARTICLE_MIN
                    && !contradicts(a, b, table)
                    && !denies_alike(a, b, table)
                    && !counts_differently(a, b, table)
                {
                    out.push((x, y));
                }
            }
        }
    }
    out
}

/// Mean similarity over all cross pairs of two groups (unscored pairs count 0).
fn average(groups: &Groups, ra: usize, rb: usize, score: &FastMap<(usize, usize), f32>) -> f32 {
    let (xs, ys) = (groups.members(ra), groups.members(rb));
    if xs.len() == 1 && ys.len() == 1 {
        return 1.0;
    }
    let mut sum = 0.0;
    for &x in xs {
        for &y in ys {
            sum += score.get(&(x.min(y), x.max(y))).copied().unwrap_or(0.0);
        }
    }
    sum / (xs.len() * ys.len()) as f32
}
