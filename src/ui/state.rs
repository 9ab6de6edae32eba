//! View state that is not part of the project: selection, filters, search.

use std::collections::BTreeSet;

use crate::model::{ArticleId, CharRange, NoteTarget, QuestionId, StatementId};
use crate::query::Filters;

/// What the central area shows beside the reader.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CentralView {
    /// Official and unofficial columns.
    #[default]
    Compare,
    /// Statements over time.
    Timeline,
    /// Claims across articles: clusters, divergences, independence.
    Claims,
    /// Two articles side by side with their matching claims connected.
    Pair,
}

/// A pending drag-and-drop of a statement card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CardDrag(pub StatementId);

/// A link the analyst dropped but has not chosen a kind for yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PendingLink {
    /// Dragged card.
    pub from: StatementId,
    /// Card it was dropped on.
    pub to: StatementId,
}

/// Which central view is shown where space is short.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PanelVisibility {
    /// Library on the left.
    pub library: bool,
    /// Reader beside the compare view.
    pub reader: bool,
    /// Inspector and notes on the right.
    pub inspector: bool,
}

/// View state of the main window.
#[derive(Debug)]
#[allow(clippy::struct_excessive_bools)] // independent one-shot flags and toggles
pub struct UiState {
    /// Article shown in the reader.
    pub current_article: Option<ArticleId>,
    /// Articles selected in the library (one or many).
    pub selected_articles: BTreeSet<ArticleId>,
    /// Statement selected anywhere.
    pub selected_statement: Option<StatementId>,
    /// Question selected in the compare view.
    pub selected_question: Option<QuestionId>,
    /// Text selected in the reader (article char offsets).
    pub reader_selection: Option<CharRange>,
    /// One-shot: scroll every view to the selected statement next frame.
    pub reveal_selected: bool,
    /// Library filter text.
    pub library_filter: String,
    /// Search query (Ctrl+F).
    pub search_query: String,
    /// Search bar has been asked to take focus.
    pub focus_search: bool,
    /// Column filters.
    pub filters: Filters,
    /// Show unclassified statements below the compare columns.
    pub show_unclassified: bool,
    /// A link waiting for its kind.
    pub pending_link: Option<PendingLink>,
    /// What the notes panel is about (follows the selection unless pinned).
    pub notes_target: NoteTarget,
    /// True while a content editor has keyboard focus (single-key shortcuts off).
    pub editor_focused: bool,
    /// Panels shown.
    pub panels: PanelVisibility,
    /// Help ▸ Keyboard shortcuts window open.
    pub show_shortcuts: bool,
    /// Search results window open.
    pub show_search_results: bool,
    /// One-shot: the question title editor should take focus.
    pub focus_question_title: bool,
    /// One-shot: scroll the reader to this range of the current article.
    pub scroll_reader_to: Option<CharRange>,
    /// One-shot: clear the reader's text selection.
    pub clear_reader_selection: bool,
    /// Statement counts per article and the project revision they were counted at.
    pub counts: Option<(u64, std::sync::Arc<crate::query::ProjectCounts>)>,
    /// The search index, built in the background for big projects.
    pub search_index: super::search::SearchIndexCache,
    /// The last search: query, revision of the index searched, and hits.
    pub search_hits: Option<(String, u64, std::sync::Arc<Vec<crate::query::SearchHit>>)>,
    /// Which field each content editor id edits (for edits handed back late).
    pub edit_targets: std::collections::HashMap<egui::Id, super::edits::EditTarget>,
    /// The last edit that could not be applied, with the reason.
    pub edit_error: Option<(super::edits::EditTarget, String)>,
    /// What the central area shows.
    pub central: CentralView,
    /// Rows of the timeline.
    pub timeline_group: super::timeline::GroupBy,
    /// The timeline's data for the current project and filters.
    pub timeline: super::timeline::TimelineCache,
    /// The compare view's last layout.
    pub compare_cache: super::compare::LayoutCache,
    /// Review actions asked for by keys, menus or buttons this frame.
    pub pending_review: Vec<super::review::ReviewAction>,
    /// Claim clusters and syndicated articles, computed in the background.
    pub claims: super::claims::ClaimsCache,
    /// The claims view's filters, picks and name table drafts.
    pub claims_view: super::claims::ClaimsViewState,
    /// The two articles compared side by side, and that view's state.
    pub pair: super::pair::PairState,
}

impl Default for UiState {
    fn default() -> Self {
        Self {
            current_article: None,
            selected_articles: BTreeSet::new(),
            selected_statement: None,
            selected_question: None,
            reader_selection: None,
            reveal_selected: false,
            library_filter: String::new(),
            search_query: String::new(),
            focus_search: false,
            filters: Filters::default(),
            show_unclassified: false,
            pending_link: None,
            notes_target: NoteTarget::Project,
            editor_focused: false,
            panels: PanelVisibility { library: true, reader: true, inspector: true },
            show_shortcuts: false,
            show_search_results: false,
            pending_review: Vec::new(),
            compare_cache: super::compare::LayoutCache::default(),
            central: CentralView::Compare,
            search_index: super::search::SearchIndexCache::default(),
            counts: None,
            edit_targets: std::collections::HashMap::new(),
            edit_error: None,
            search_hits: None,
            timeline_group: super::timeline::GroupBy::Kind,
            timeline: super::timeline::TimelineCache::default(),
            focus_question_title: false,
            clear_reader_selection: false,
            scroll_reader_to: None,
            claims: super::claims::ClaimsCache::default(),
            claims_view: super::claims::ClaimsViewState::default(),
            pair: super::pair::PairState::default(),
        }
    }
}

impl UiState {
    /// Hits for `query` (at most 200), searched again only when the query or the
    /// index changed; `None` while the project's first index is being built.
    pub fn search_hits(
        &mut self,
        ctx: &egui::Context,
        project: &crate::model::Project,
        revision: u64,
        query: &str,
    ) -> Option<std::sync::Arc<Vec<crate::query::SearchHit>>> {
        let (indexed, index) = self.search_index.get(ctx, project, revision)?;
        if let Some((q, r, hits)) = &self.search_hits
            && q == query
            && *r == indexed
        {
            return Some(std::sync::Arc::clone(hits));
        }
        let hits = std::sync::Arc::new(index.search(query, 200));
        self.search_hits = Some((query.to_owned(), indexed, std::sync::Arc::clone(&hits)));
        Some(hits)
    }

    /// Statement counts for the project at `revision`, counted once per change.
    pub fn counts(
        &mut self,
        project: &crate::model::Project,
        revision: u64,
    ) -> std::sync::Arc<crate::query::ProjectCounts> {
        match &self.counts {
            Some((counted, counts)) if *counted == revision => std::sync::Arc::clone(counts),
            _ => {
                let counts = std::sync::Arc::new(crate::query::ProjectCounts::of(project));
                self.counts = Some((revision, std::sync::Arc::clone(&counts)));
                counts
            }
        }
    }

    /// Select a statement everywhere and scroll it into view.
    pub fn select_statement(&mut self, id: StatementId, article: ArticleId) {
        self.selected_statement = Some(id);
        self.current_article = Some(article);
        self.reveal_selected = true;
        self.notes_target = NoteTarget::Statement(id);
    }

    /// Show an article in the reader.
    pub fn open_article(&mut self, id: ArticleId) {
        self.current_article = Some(id);
        self.selected_articles.clear();
        self.selected_articles.insert(id);
        self.reader_selection = None;
        if !matches!(self.notes_target, NoteTarget::Project) {
            self.notes_target = NoteTarget::Article(id);
        }
    }
}
