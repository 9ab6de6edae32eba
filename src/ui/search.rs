//! The search index, rebuilt off the UI thread when the project changes.
//!
//! Indexing folds every article's text: about 15 ms for 200 articles, too long for
//! the frame in which the analyst types the second letter of a query. Big projects
//! are therefore indexed on a named thread from a snapshot of the project, and
//! searches use the newest finished index meanwhile (for one or two frames it may
//! lag an edit behind). Small projects are indexed at once, so what is typed is
//! found in the same frame.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};

use crate::model::Project;
use crate::query::SearchIndex;

/// Projects with less article text than this (bytes) are indexed on the UI thread.
const INDEX_IN_FRAME_MAX_BYTES: usize = 256 * 1024;

/// A search index for the project revision it was built for.
pub type RevisionIndex = (u64, Arc<SearchIndex>);

/// The newest search index and the build under way, if any.
#[derive(Default)]
pub struct SearchIndexCache {
    ready: Option<RevisionIndex>,
    building: Option<(u64, Receiver<SearchIndex>)>,
}

impl std::fmt::Debug for SearchIndexCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndexCache")
            .field("ready", &self.ready.as_ref().map(|r| r.0))
            .field("building", &self.building.as_ref().map(|b| b.0))
            .finish()
    }
}

impl SearchIndexCache {
    /// The newest index, which may be for an earlier revision while the index of
    /// `revision` is built; `None` until the first one is ready (the thread asks
    /// `ctx` for a repaint when it is).
    pub fn get(
        &mut self,
        ctx: &egui::Context,
        project: &Project,
        revision: u64,
    ) -> Option<RevisionIndex> {
        if let Some((built, receiver)) = &self.building {
            match receiver.try_recv() {
                Ok(index) => {
                    self.ready = Some((*built, Arc::new(index)));
                    self.building = None;
                }
                Err(TryRecvError::Disconnected) => self.building = None,
                Err(TryRecvError::Empty) => {}
            }
        }
        let current = self.ready.as_ref().is_some_and(|(r, _)| *r == revision);
        let under_way = self.building.as_ref().is_some_and(|(r, _)| *r == revision);
        if !current && !under_way {
            let text_bytes: usize = project.articles.values().map(|a| a.text.len()).sum();
            if text_bytes < INDEX_IN_FRAME_MAX_BYTES || !self.start(ctx, project, revision) {
                self.ready = Some((revision, Arc::new(SearchIndex::build(project))));
                self.building = None;
            }
        }
        self.ready.clone()
    }

    /// Start indexing a snapshot of `project` on a thread; false when none starts.
    fn start(&mut self, ctx: &egui::Context, project: &Project, revision: u64) -> bool {
        let snapshot = project.clone();
        let (sender, receiver) = std::sync::mpsc::channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new().name("search-index".into()).spawn(move || {
            if sender.send(SearchIndex::build(&snapshot)).is_ok() {
                ctx.request_repaint();
            }
        });
        match spawned {
            Ok(_) => {
                self.building = Some((revision, receiver));
                true
            }
            Err(err) => {
                log::warn!(
                    "could not start the search index thread ({err}); indexing in the frame"
                );
                false
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_project_is_indexed_in_the_frame() {
        let ctx = egui::Context::default();
        let project = crate::synthetic::project(3, 20);
        let mut cache = SearchIndexCache::default();
        let (revision, _) = cache.get(&ctx, &project, 7).expect("indexed at once");
        assert_eq!(revision, 7);
    }

    #[test]
    fn a_big_project_is_indexed_on_a_thread_and_the_old_index_serves_meanwhile() {
        let ctx = egui::Context::default();
        let project = crate::synthetic::project(200, 5000);
        let mut cache = SearchIndexCache::default();
        assert!(cache.get(&ctx, &project, 1).is_none(), "the first index takes a thread");
        let wait_for = |cache: &mut SearchIndexCache, revision: u64| {
            let started = std::time::Instant::now();
            loop {
                if let Some((r, index)) = cache.get(&ctx, &project, revision)
                    && r == revision
                {
                    return index;
                }
                assert!(started.elapsed().as_secs() < 20, "index {revision} never arrived");
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
        };
        let first = wait_for(&mut cache, 1);
        assert!(!first.matching_statements("spokesperson").is_empty());
        // Another revision: the index of revision 1 is used until the new one is done.
        let (serving, _) = cache.get(&ctx, &project, 2).expect("an index is ready");
        assert_eq!(serving, 1);
        wait_for(&mut cache, 2);
    }
}
