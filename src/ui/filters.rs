//! The toolbar: search (Ctrl+F), filters of the compare view, review buttons.

use egui::{Id, Ui};

use super::PanelCtx;
use super::review::ReviewAction;
use super::theme;
use super::widgets;
use crate::model::Kind;
use crate::query::{HitPlace, ReviewFilter, SearchHit};
use crate::text::{self, EditorOptions};

/// Id of the search field (tests and Ctrl+F focus it).
#[must_use]
pub fn search_id() -> Id {
    Id::unique("search_field")
}

/// The toolbar row.
pub fn toolbar_ui(ui: &mut Ui, pctx: &mut PanelCtx<'_>) {
    ui.horizontal_wrapped(|ui| {
        search_ui(ui, pctx);
        ui.separator();
        filters_ui(ui, pctx);
        ui.separator();
        review_buttons_ui(ui, pctx);
    });
}

fn search_ui(ui: &mut Ui, pctx: &mut PanelCtx<'_>) {
    let id = search_id();
    if std::mem::take(&mut pctx.state.focus_search) {
        ui.memory_mut(|m| m.request_focus(id));
    }
    let output = ui
        .allocate_ui(egui::vec2(220.0, 24.0), |ui| {
            text::editor_ui(
                ui,
                pctx.text,
                id,
                &pctx.state.search_query,
                &EditorOptions {
                    label: "Search",
                    placeholder: "Search (Ctrl+F)",
                    multiline: false,
                    style: theme::row_style(ui.visuals()),
                    min_rows: 1,
                },
            )
        })
        .inner;
    if let Some(text) = output.changed.or(output.committed) {
        pctx.state.search_query = text;
        pctx.state.show_search_results = true;
    }
    if output.response.has_focus() {
        // Index while the analyst starts typing, not when the query is complete.
        pctx.state.search_index.get(ui.ctx(), pctx.project, pctx.revision);
        if !pctx.state.search_query.trim().is_empty() {
            pctx.state.show_search_results = true;
        }
    }
    if !pctx.state.search_query.is_empty()
        && ui.small_button("✕").on_hover_text("Clear search").clicked()
    {
        pctx.state.search_query.clear();
        pctx.state.show_search_results = false;
    }
    if pctx.state.show_search_results && pctx.state.search_query.trim().chars().count() >= 2 {
        search_results_ui(ui, pctx, output.response.rect);
    }
}

fn hit_label(pctx: &PanelCtx<'_>, hit: &SearchHit) -> String {
    let project = pctx.project;
    match hit.place {
        HitPlace::ArticleText(a) | HitPlace::ArticleTitle(a) => {
            project.articles.get(&a).map(|a| a.meta.title.clone()).unwrap_or_default()
        }
        HitPlace::StatementTranslation(_) => "translation".to_owned(),
        HitPlace::StatementSource(_) => "speaker / actor / via".to_owned(),
        HitPlace::NoteText(_) => "note".to_owned(),
        HitPlace::NoteTranslation(_) => "note translation".to_owned(),
        HitPlace::Question(_) => "question".to_owned(),
    }
}

fn search_results_ui(ui: &mut Ui, pctx: &mut PanelCtx<'_>, anchor: egui::Rect) {
    let query = pctx.state.search_query.clone();
    let hits = pctx.state.search_hits(ui.ctx(), pctx.project, pctx.revision, &query);
    let mut close = false;
    egui::Area::new(Id::unique("search_results"))
        .order(egui::Order::Foreground)
        .fixed_pos(anchor.left_bottom() + egui::vec2(0.0, 4.0))
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_width(460.0);
                ui.horizontal(|ui| {
                    match &hits {
                        Some(hits) => ui.strong(format!("{} results", hits.len())),
                        None => ui.weak("Indexing the project…"),
                    };
                    if ui.small_button("Close").clicked() {
                        close = true;
                    }
                });
                // Only the visible results are laid out: each is a fixed-height row.
                let row_height = 58.0;
                egui::ScrollArea::vertical().max_height(360.0).show_rows(
                    ui,
                    row_height,
                    hits.as_ref().map_or(0, |h| h.len()),
                    |ui, range| {
                        let Some(hits) = &hits else { return };
                        let row = theme::row_style(ui.visuals());
                        let meta = theme::meta_style(ui.visuals());
                        for hit in hits.get(range).unwrap_or_default() {
                            ui.allocate_ui(egui::vec2(ui.available_width(), row_height), |ui| {
                                ui.set_height(row_height);
                                let label = hit_label(pctx, hit);
                                widgets::one_line(ui, pctx.text, &label, &meta);
                                if widgets::selectable_row(ui, pctx.text, &hit.excerpt, &row, false)
                                    .clicked()
                                {
                                    open_hit(pctx, hit);
                                    close = true;
                                }
                            });
                        }
                    },
                );
            });
        });
    if close {
        pctx.state.show_search_results = false;
    }
}

fn open_hit(pctx: &mut PanelCtx<'_>, hit: &SearchHit) {
    let project = pctx.project;
    let statement_of =
        |id| project.statements.get(&id).map(|s: &crate::model::Statement| (s.id, s.article));
    match hit.place {
        HitPlace::ArticleText(article) => {
            pctx.state.open_article(article);
            pctx.state.scroll_reader_to = Some(hit.range);
            if let Some((id, article)) = hit.statement.and_then(statement_of) {
                pctx.state.select_statement(id, article);
            }
        }
        HitPlace::ArticleTitle(article) => pctx.state.open_article(article),
        HitPlace::StatementTranslation(id) | HitPlace::StatementSource(id) => {
            if let Some((id, article)) = statement_of(id) {
                pctx.state.select_statement(id, article);
            }
        }
        HitPlace::NoteText(id) | HitPlace::NoteTranslation(id) => {
            if let Some(note) = project.notes.get(&id) {
                pctx.state.notes_target = note.target;
                pctx.state.panels.inspector = true;
            }
        }
        HitPlace::Question(id) => {
            pctx.state.selected_question = Some(id);
            pctx.state.notes_target = crate::model::NoteTarget::Question(id);
        }
    }
}

fn filters_ui(ui: &mut Ui, pctx: &mut PanelCtx<'_>) {
    let dark = ui.visuals().dark_mode;
    for (kind, label) in [
        (Kind::Official, "Official"),
        (Kind::Unofficial, "Unofficial"),
        (Kind::Unclassified, "Unclassified"),
    ] {
        let mut on = pctx.state.filters.kinds.contains(&kind);
        let text = egui::RichText::new(label).color(theme::kind_color(kind, dark));
        if ui.checkbox(&mut on, text).changed() {
            if on {
                pctx.state.filters.kinds.insert(kind);
            } else {
                pctx.state.filters.kinds.remove(&kind);
            }
            if kind == Kind::Unclassified {
                pctx.state.show_unclassified = on;
            }
        }
    }
    egui::ComboBox::from_label("Review")
        .selected_text(match pctx.state.filters.review {
            ReviewFilter::All => "All",
            ReviewFilter::Unreviewed => "Unreviewed",
            ReviewFilter::Reviewed => "Reviewed",
        })
        .show_ui(ui, |ui| {
            let review = &mut pctx.state.filters.review;
            ui.selectable_value(review, ReviewFilter::All, "All");
            ui.selectable_value(review, ReviewFilter::Unreviewed, "Unreviewed");
            ui.selectable_value(review, ReviewFilter::Reviewed, "Reviewed");
        });
    ui.menu_button("More filters…", |ui| more_filters_ui(ui, pctx));
    if pctx.state.filters.is_active() && ui.button("Clear filters").clicked() {
        pctx.state.filters = crate::query::Filters::default();
        pctx.state.show_unclassified = false;
    }
}

fn more_filters_ui(ui: &mut Ui, pctx: &mut PanelCtx<'_>) {
    let choices = crate::query::filter_choices(pctx.project);
    let style = theme::row_style(ui.visuals());
    let filters = &mut pctx.state.filters;
    egui::Grid::new("filter_grid").num_columns(2).show(ui, |ui| {
        widgets::content_choice(
            ui,
            pctx.text,
            Id::unique("f_actor"),
            "Actor",
            &mut filters.actor,
            &choices.actors,
            &style,
        );
        ui.end_row();
        widgets::content_choice(
            ui,
            pctx.text,
            Id::unique("f_outlet"),
            "Outlet",
            &mut filters.outlet,
            &choices.outlets,
            &style,
        );
        ui.end_row();
        widgets::content_choice(
            ui,
            pctx.text,
            Id::unique("f_speaker"),
            "Speaker",
            &mut filters.speaker,
            &choices.speakers,
            &style,
        );
        ui.end_row();
        widgets::content_choice(
            ui,
            pctx.text,
            Id::unique("f_tag"),
            "Tag",
            &mut filters.tag,
            &choices.tags,
            &style,
        );
        ui.end_row();
        let questions: std::collections::BTreeSet<String> =
            pctx.project.questions.values().map(|q| q.title.clone()).collect();
        let mut question_title = filters
            .question
            .and_then(|id| pctx.project.questions.get(&id))
            .map(|q| q.title.clone());
        if widgets::content_choice(
            ui,
            pctx.text,
            Id::unique("f_question"),
            "Question",
            &mut question_title,
            &questions,
            &style,
        ) {
            filters.question = question_title
                .and_then(|t| pctx.project.questions.values().find(|q| q.title == t))
                .map(|q| q.id);
        }
        ui.end_row();
        ui.label("Published from");
        date_field(ui, &mut filters.date_from);
        ui.end_row();
        ui.label("Published to");
        date_field(ui, &mut filters.date_to);
        ui.end_row();
        ui.label("Articles");
        ui.checkbox(&mut filters.selected_articles_only, "only those selected in the library");
        ui.end_row();
    });
}

fn date_field(ui: &mut Ui, value: &mut String) {
    // Dates are typed as digits and dashes; egui's field is fine for this fixed format.
    let valid = crate::query::is_valid_date_bound(value);
    let mut edit = egui::TextEdit::singleline(value).hint_text("YYYY-MM-DD").desired_width(100.0);
    if !valid {
        edit = edit.text_color(theme::error_color(ui.visuals().dark_mode));
    }
    ui.add(edit).on_hover_text(if valid {
        "Inclusive bound"
    } else {
        "Not a date: use YYYY-MM-DD"
    });
}

fn review_buttons_ui(ui: &mut Ui, pctx: &mut PanelCtx<'_>) {
    let unreviewed = pctx.state.counts(pctx.project, pctx.revision).unreviewed;
    if ui
        .add_enabled(unreviewed > 0, egui::Button::new(format!("Next unreviewed ({unreviewed})")))
        .on_hover_text("N")
        .clicked()
    {
        pctx.state.pending_review.push(ReviewAction::Next);
    }
    let selected_suggestion = pctx
        .state
        .selected_statement
        .and_then(|id| pctx.project.statements.get(&id))
        .is_some_and(|s| !s.is_reviewed());
    if ui
        .add_enabled(selected_suggestion, egui::Button::new("Accept"))
        .on_hover_text("Enter")
        .clicked()
    {
        pctx.state.pending_review.push(ReviewAction::Accept);
    }
    if ui
        .add_enabled(selected_suggestion, egui::Button::new("Reject"))
        .on_hover_text("Backspace")
        .clicked()
    {
        pctx.state.pending_review.push(ReviewAction::Reject);
    }
}
