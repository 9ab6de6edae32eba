//! Claim clusters, near-identical articles and "why together?" explanations,
//! computed on a named background thread and kept until the project changes.
//!
//! [`crate::compare::clusters`] takes a noticeable fraction of a second on a big
//! project, so panels never call it themselves: they ask this cache, which hands a
//! snapshot of the project to the `claims` thread once per project revision and
//! keeps showing the last result (marked as updating) until the new one arrives.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, TryRecvError};

use crate::compare::{self, Clusters, PairExplanation, Syndication};
use crate::model::{ArticleId, Project, StatementId};

/// A computed explanation and the revision it is for.
type Explained = (u64, Option<Arc<PairExplanation>>);

/// Work for the background thread.
enum Job {
    Clusters(u64, Arc<Project>),
    Syndication(u64, Arc<Project>),
    Explain(u64, Arc<Project>, StatementId, StatementId),
}

/// Results from the background thread.
enum Done {
    Clusters(u64, Arc<Clusters>),
    Syndication(u64, Arc<Vec<Syndication>>),
    Explain(u64, (StatementId, StatementId), Option<Arc<PairExplanation>>),
}

struct Worker {
    jobs: Sender<Job>,
    done: Receiver<Done>,
}

/// A "why together?" answer as far as it is known.
#[derive(Clone, Debug)]
pub enum Explanation {
    /// Being computed.
    Pending,
    /// Computed for the current project.
    Ready(Arc<PairExplanation>),
    /// One of the statements is gone or rejected.
    Missing,
}

/// The cache. Lives in [`crate::ui::UiState`]; shared by the claims view, the
/// two-article comparison and the library's syndication marks.
#[derive(Default)]
pub struct ClaimsCache {
    worker: Option<Worker>,
    snapshot: Option<(u64, Arc<Project>)>,
    clusters: Option<(u64, Arc<Clusters>)>,
    syndication: Option<(u64, Arc<Vec<Syndication>>)>,
    asked_clusters: Option<u64>,
    asked_syndication: Option<u64>,
    explanations: HashMap<(StatementId, StatementId), Explained>,
    asked_explanations: HashSet<(u64, StatementId, StatementId)>,
    /// A job could not be handed over (the thread could not start or died).
    failed: bool,
}

impl std::fmt::Debug for ClaimsCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClaimsCache")
            .field("clusters_revision", &self.clusters.as_ref().map(|c| c.0))
            .field("asked_clusters", &self.asked_clusters)
            .field("syndication_revision", &self.syndication.as_ref().map(|c| c.0))
            .field("explanations", &self.explanations.len())
            .finish_non_exhaustive()
    }
}

fn run_worker(jobs: &Receiver<Job>, done: &Sender<Done>, ctx: &egui::Context) {
    while let Ok(first) = jobs.recv() {
        // Take everything queued, so a burst of edits costs one computation.
        let mut queue = vec![first];
        loop {
            match jobs.try_recv() {
                Ok(job) => queue.push(job),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => return,
            }
        }
        // The last job queued is for the newest project (revisions are not ordered:
        // an undo goes back to an earlier one).
        let newest = queue.last().map_or(0, |j| match j {
            Job::Clusters(r, _) | Job::Syndication(r, _) | Job::Explain(r, ..) => *r,
        });
        let wants_clusters = queue.iter().any(|j| matches!(j, Job::Clusters(r, _) if *r == newest));
        for job in queue {
            let result = match job {
                Job::Clusters(r, project) if r == newest => {
                    Done::Clusters(r, Arc::new(compare::clusters(&project)))
                }
                Job::Syndication(r, project) if r == newest && !wants_clusters => {
                    Done::Syndication(r, Arc::new(compare::syndicated_articles(&project)))
                }
                Job::Explain(r, project, a, b) if r == newest => {
                    Done::Explain(r, (a, b), compare::explain_pair(&project, a, b).map(Arc::new))
                }
                _ => continue,
            };
            if done.send(result).is_err() {
                return;
            }
            ctx.request_repaint();
        }
    }
}

impl ClaimsCache {
    fn worker(&mut self, ctx: &egui::Context) -> Option<&Worker> {
        if self.worker.is_none() && !self.failed {
            let (job_tx, job_rx) = std::sync::mpsc::channel();
            let (done_tx, done_rx) = std::sync::mpsc::channel();
            let ctx = ctx.clone();
            let spawned = std::thread::Builder::new()
                .name("claims".into())
                .spawn(move || run_worker(&job_rx, &done_tx, &ctx));
            match spawned {
                Ok(_) => self.worker = Some(Worker { jobs: job_tx, done: done_rx }),
                Err(err) => {
                    log::error!("could not start the claims thread: {err}");
                    self.failed = true;
                }
            }
        }
        self.worker.as_ref()
    }

    fn snapshot(&mut self, project: &Project, revision: u64) -> Arc<Project> {
        match &self.snapshot {
            Some((r, p)) if *r == revision => Arc::clone(p),
            _ => {
                let copy = Arc::new(project.clone());
                self.snapshot = Some((revision, Arc::clone(&copy)));
                copy
            }
        }
    }

    fn send(&mut self, ctx: &egui::Context, job: Job) -> bool {
        let sent = self.worker(ctx).is_some_and(|w| w.jobs.send(job).is_ok());
        if !sent && !self.failed {
            log::error!("the claims thread stopped; claims are computed on the UI thread");
            self.failed = true;
            self.worker = None;
        }
        sent
    }

    /// Take the results the thread has finished.
    fn poll(&mut self) {
        let Some(worker) = &self.worker else { return };
        let mut finished = Vec::new();
        while let Ok(done) = worker.done.try_recv() {
            finished.push(done);
        }
        for done in finished {
            self.accept(done);
        }
    }

    fn accept(&mut self, done: Done) {
        // Results for a revision that is no longer asked for are dropped.
        match done {
            Done::Clusters(r, clusters) => {
                let wanted = |asked: Option<u64>| asked == Some(r);
                if wanted(self.asked_syndication)
                    || wanted(self.asked_clusters)
                    || self.syndication.is_none()
                {
                    self.syndication = Some((r, Arc::new(clusters.syndicated.clone())));
                }
                if wanted(self.asked_clusters) || self.clusters.is_none() {
                    self.clusters = Some((r, clusters));
                }
            }
            Done::Syndication(r, pairs) => {
                if self.asked_syndication == Some(r) || self.syndication.is_none() {
                    self.syndication = Some((r, pairs));
                }
            }
            Done::Explain(r, pair, explanation) => {
                self.explanations.insert(pair, (r, explanation));
            }
        }
    }

    /// The claim clusters: the newest result, which may be for an earlier revision
    /// while the current one is computed (see [`Self::is_updating`]).
    pub fn clusters(
        &mut self,
        ctx: &egui::Context,
        project: &Project,
        revision: u64,
    ) -> Option<Arc<Clusters>> {
        self.poll();
        let have = self.clusters.as_ref().map(|c| c.0);
        if have != Some(revision) && self.asked_clusters != Some(revision) {
            let snapshot = self.snapshot(project, revision);
            if self.send(ctx, Job::Clusters(revision, snapshot)) {
                self.asked_clusters = Some(revision);
            } else {
                self.clusters = Some((revision, Arc::new(compare::clusters(project))));
            }
        }
        self.clusters.as_ref().map(|(_, c)| Arc::clone(c))
    }

    /// Near-identical article pairs (newest result, possibly a revision behind).
    pub fn syndication(
        &mut self,
        ctx: &egui::Context,
        project: &Project,
        revision: u64,
    ) -> Option<Arc<Vec<Syndication>>> {
        self.poll();
        let have = self.syndication.as_ref().map(|s| s.0);
        let asked =
            self.asked_syndication == Some(revision) || self.asked_clusters == Some(revision);
        if have != Some(revision) && !asked {
            let snapshot = self.snapshot(project, revision);
            if self.send(ctx, Job::Syndication(revision, snapshot)) {
                self.asked_syndication = Some(revision);
            } else {
                let pairs = compare::syndicated_articles(project);
                self.syndication = Some((revision, Arc::new(pairs)));
            }
        }
        self.syndication.as_ref().map(|(_, s)| Arc::clone(s))
    }

    /// Articles `article` is a near-identical copy of (or that copy it), with the
    /// share of wording they have in common.
    pub fn syndicated_partners(
        &mut self,
        ctx: &egui::Context,
        project: &Project,
        revision: u64,
        article: ArticleId,
    ) -> Vec<(ArticleId, f32)> {
        let Some(pairs) = self.syndication(ctx, project, revision) else { return Vec::new() };
        partners_of(&pairs, article)
    }

    /// Why `a` and `b` are (or are not) one claim, computed in the background.
    pub fn explain(
        &mut self,
        ctx: &egui::Context,
        project: &Project,
        revision: u64,
        a: StatementId,
        b: StatementId,
    ) -> Explanation {
        self.poll();
        if let Some((r, found)) = self.explanations.get(&(a, b))
            && *r == revision
        {
            return found.clone().map_or(Explanation::Missing, Explanation::Ready);
        }
        if self.asked_explanations.len() > 512 || self.explanations.len() > 512 {
            self.asked_explanations.retain(|(r, ..)| *r == revision);
            self.explanations.retain(|_, (r, _)| *r == revision);
        }
        if self.asked_explanations.insert((revision, a, b)) {
            let snapshot = self.snapshot(project, revision);
            if !self.send(ctx, Job::Explain(revision, snapshot, a, b)) {
                let found = compare::explain_pair(project, a, b).map(Arc::new);
                self.explanations.insert((a, b), (revision, found));
                return self.explain(ctx, project, revision, a, b);
            }
        }
        Explanation::Pending
    }

    /// True when the clusters shown are older than the last project revision asked for.
    #[must_use]
    pub fn is_updating(&self) -> bool {
        match (self.asked_clusters, self.clusters.as_ref()) {
            (Some(asked), Some((have, _))) => asked != *have,
            (Some(_), None) => true,
            (None, _) => false,
        }
    }

    /// True when clusters for exactly `revision` have been taken in.
    #[must_use]
    pub fn is_current(&self, revision: u64) -> bool {
        self.clusters.as_ref().is_some_and(|c| c.0 == revision)
    }

    /// The newest clusters taken in, without asking for new ones (tests, reports).
    #[must_use]
    pub fn latest(&self) -> Option<Arc<Clusters>> {
        self.clusters.as_ref().map(|(_, c)| Arc::clone(c))
    }
}

/// The partners of `article` in a list of near-identical pairs, most similar first.
#[must_use]
pub fn partners_of(pairs: &[Syndication], article: ArticleId) -> Vec<(ArticleId, f32)> {
    pairs
        .iter()
        .filter_map(|p| match p.articles {
            (a, b) if a == article => Some((b, p.similarity)),
            (a, b) if b == article => Some((a, p.similarity)),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, CharRange, Kind, Statement, TextSpan};

    fn project_with(texts: &[&str]) -> Project {
        let mut project = Project::default();
        for text in texts {
            let article = ArticleId(project.alloc_id());
            project.articles.insert(
                article,
                Article { id: article, text: (*text).to_owned(), ..Article::default() },
            );
            let id = StatementId(project.alloc_id());
            let span = TextSpan::from_text(text, CharRange::new(0, text.chars().count()));
            project.statements.insert(
                id,
                Statement { id, article, span, kind: Kind::Official, ..Statement::default() },
            );
        }
        project
    }

    fn wait_for(cache: &mut ClaimsCache, revision: u64) {
        let started = std::time::Instant::now();
        while !cache.is_current(revision) {
            cache.poll();
            assert!(started.elapsed().as_secs() < 20, "the claims thread did not answer");
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
    }

    #[test]
    fn clusters_are_computed_in_the_background_once_per_revision() {
        let ctx = egui::Context::default();
        let project = project_with(&[
            "The central bank raised interest rates by 50 basis points.",
            "The central bank lifted interest rates by 50 basis points on Thursday.",
        ]);
        let mut cache = ClaimsCache::default();
        assert!(cache.clusters(&ctx, &project, 7).is_none(), "nothing before the first result");
        assert!(cache.is_updating());
        wait_for(&mut cache, 7);
        assert!(!cache.is_updating());
        let first = cache.clusters(&ctx, &project, 7).unwrap();
        assert_eq!(first.shared().count(), 1);
        let again = cache.clusters(&ctx, &project, 7).unwrap();
        assert!(Arc::ptr_eq(&first, &again), "same revision: no recomputation");
        // A new revision keeps the old result visible until the new one arrives.
        let shown = cache.clusters(&ctx, &project, 8).unwrap();
        assert!(Arc::ptr_eq(&first, &shown));
        wait_for(&mut cache, 8);
        assert!(!Arc::ptr_eq(&first, &cache.clusters(&ctx, &project, 8).unwrap()));
        // An undo goes back to an earlier revision number: still recomputed.
        let _ = cache.clusters(&ctx, &project, 5);
        wait_for(&mut cache, 5);
        assert!(!cache.is_updating());
    }

    #[test]
    fn explanations_arrive_for_the_asked_pair() {
        let ctx = egui::Context::default();
        let project = project_with(&[
            "The central bank raised interest rates by 50 basis points.",
            "The central bank lifted interest rates by 50 basis points on Thursday.",
        ]);
        let ids: Vec<StatementId> = project.statements.keys().copied().collect();
        let mut cache = ClaimsCache::default();
        let started = std::time::Instant::now();
        let found = loop {
            match cache.explain(&ctx, &project, 3, ids[0], ids[1]) {
                Explanation::Ready(found) => break found,
                Explanation::Pending => std::thread::sleep(std::time::Duration::from_millis(2)),
                Explanation::Missing => panic!("both statements exist"),
            }
            assert!(started.elapsed().as_secs() < 20, "no answer");
        };
        assert!(found.shared.iter().any(|w| w.contains("bank")), "{:?}", found.shared);
        assert!(matches!(
            cache.explain(&ctx, &project, 3, ids[0], StatementId(999)),
            Explanation::Pending
        ));
    }

    #[test]
    fn partners_are_found_on_either_side_of_a_pair() {
        let pairs = vec![
            Syndication { articles: (ArticleId(1), ArticleId(2)), similarity: 0.9 },
            Syndication { articles: (ArticleId(3), ArticleId(1)), similarity: 0.6 },
        ];
        assert_eq!(partners_of(&pairs, ArticleId(1)), [(ArticleId(2), 0.9), (ArticleId(3), 0.6)]);
        assert_eq!(partners_of(&pairs, ArticleId(3)), [(ArticleId(1), 0.6)]);
        assert!(partners_of(&pairs, ArticleId(4)).is_empty());
    }
}
