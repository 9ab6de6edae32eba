//! The analyst's corrections of claim clusters, as undoable commands that rewrite
//! [`Project::cluster_overrides`].

use crate::command::Command;
use crate::model::{ClusterOverride, Project, StatementId};

use super::cluster::Clusters;

/// A command that puts the claims of statements `a` and `b` into one cluster:
/// adds `Merge(a, b)` and drops the splits that kept the two clusters apart.
/// `None` when they are already together or a statement does not exist.
#[must_use]
pub fn merge_command(
    project: &Project,
    clusters: &Clusters,
    a: StatementId,
    b: StatementId,
) -> Option<Command> {
    if a == b || !project.statements.contains_key(&a) || !project.statements.contains_key(&b) {
        return None;
    }
    if clusters.same_claim(a, b) {
        return None;
    }
    let side = |s: StatementId| -> Vec<StatementId> {
        clusters.cluster_of(s).map_or_else(|| vec![s], |c| c.statements.clone())
    };
    let (left, right) = (side(a), side(b));
    let across = |x: &StatementId, y: &StatementId| {
        (left.contains(x) && right.contains(y)) || (left.contains(y) && right.contains(x))
    };
    let mut list: Vec<ClusterOverride> = project
        .cluster_overrides
        .iter()
        .filter(|o| !matches!(o, ClusterOverride::Split(x, y) if across(x, y)))
        .copied()
        .collect();
    list.push(ClusterOverride::Merge(a, b));
    Some(Command::SetClusterOverrides(list))
}

/// A command that takes `statement` out of its cluster: drops the merges that
/// held it there and adds a split from each other member. `None` when it is
/// alone already.
#[must_use]
pub fn split_command(
    project: &Project,
    clusters: &Clusters,
    statement: StatementId,
) -> Option<Command> {
    let cluster = clusters.cluster_of(statement)?;
    let others: Vec<StatementId> =
        cluster.statements.iter().copied().filter(|&s| s != statement).collect();
    if others.is_empty() {
        return None;
    }
    let involves = |x: &StatementId, y: &StatementId| {
        (*x == statement && others.contains(y)) || (*y == statement && others.contains(x))
    };
    let mut list: Vec<ClusterOverride> = project
        .cluster_overrides
        .iter()
        .filter(|o| match o {
            ClusterOverride::Merge(x, y) | ClusterOverride::Split(x, y) => !involves(x, y),
        })
        .copied()
        .collect();
    list.extend(others.into_iter().map(|o| ClusterOverride::Split(statement, o)));
    Some(Command::SetClusterOverrides(list))
}
