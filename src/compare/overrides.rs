//! The analyst's corrections of claim clusters, as undoable commands that rewrite
//! [`Project::cluster_overrides`].

use crate::command::Command;
use crate::model::{ClusterOverride, Project, StatementId};

use super::cluster::Clusters;

/// A command that puts the claims of statements `a` and `b` into one cluster:
/// ties every member of both clusters to `a` (`Merge`) and drops the splits that
/// kept the two clusters apart. `None` when they are already together or a
/// statement does not exist.
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
    for &member in left.iter().chain(&right) {
        let tie = ClusterOverride::Merge(a, member);
        if member != a && !list.contains(&tie) && !list.contains(&ClusterOverride::Merge(member, a))
        {
            list.push(tie);
        }
    }
    Some(Command::SetClusterOverrides(list))
}

/// A command that takes `statement` out of its cluster: drops the merges that
/// held it there (re-tying the members they held together), and adds a split
/// from each other member. `None` when it is alone already.
#[must_use]
pub fn split_command(
    project: &Project,
    clusters: &Clusters,
    statement: StatementId,
) -> Option<Command> {
    let cluster = clusters.cluster_of(statement)?;
    let others: Vec<StatementId> =
        cluster.statements.iter().copied().filter(|&s| s != statement).collect();
    let &anchor = others.first()?;
    let mut list = Vec::with_capacity(project.cluster_overrides.len() + others.len());
    for o in &project.cluster_overrides {
        match *o {
            ClusterOverride::Merge(x, y) | ClusterOverride::Split(x, y)
                if (x == statement && others.contains(&y))
                    || (y == statement && others.contains(&x)) =>
            {
                // A merge through the statement also held `other` in the cluster.
                let other = if x == statement { y } else { x };
                let tie = ClusterOverride::Merge(anchor, other);
                if matches!(o, ClusterOverride::Merge(..))
                    && other != anchor
                    && !list.contains(&tie)
                {
                    list.push(tie);
                }
            }
            _ => list.push(*o),
        }
    }
    list.extend(others.into_iter().map(|o| ClusterOverride::Split(statement, o)));
    Some(Command::SetClusterOverrides(list))
}
