//! The reader: the selected article with its statements highlighted by kind
//! (suggestions lighter and dashed until reviewed), cue words underlined, and the
//! analyst's selection turned into statements.

use egui::{Id, Ui};

use super::PanelCtx;
use super::review::ReviewAction;
use super::theme;
use super::widgets;
use crate::model::{Article, CharRange, ParagraphRole};
use crate::text::{self, DocParagraph, Highlight, HighlightLook, Underline};

/// Highlight tag for search hits (not a statement).
pub const SEARCH_TAG: u64 = u64::MAX;

/// Id of the reader's document view.
#[must_use]
pub fn document_id() -> Id {
    Id::unique("reader_document")
}

fn paragraph_style(role: ParagraphRole, visuals: &egui::Visuals) -> text::TextStyle {
    match role {
        ParagraphRole::Headline => theme::headline_style(visuals),
        ParagraphRole::Subheading => {
            text::TextStyle { bold: true, ..theme::reading_style(visuals) }
        }
        ParagraphRole::Byline | ParagraphRole::Caption | ParagraphRole::PullQuote => {
            theme::caption_style(visuals)
        }
        ParagraphRole::Body => theme::reading_style(visuals),
    }
}

/// The reader panel.
pub fn reader_ui(ui: &mut Ui, pctx: &mut PanelCtx<'_>) {
    let Some(article) = pctx.state.current_article.and_then(|id| pctx.project.articles.get(&id))
    else {
        ui.vertical_centered(|ui| {
            ui.add_space(40.0);
            ui.label("Select an article in the library to read it here.");
        });
        return;
    };
    header_ui(ui, pctx, article);
    ui.separator();
    document_ui(ui, pctx, article);
}

fn header_ui(ui: &mut Ui, pctx: &mut PanelCtx<'_>, article: &Article) {
    let title = super::library::display_title(article);
    text::label(ui, pctx.text, title, &theme::title_style(ui.visuals()));
    widgets::one_line(
        ui,
        pctx.text,
        &super::library::article_meta_line(article),
        &theme::meta_style(ui.visuals()),
    );
    ui.horizontal_wrapped(|ui| {
        let has_selection = pctx.state.reader_selection.is_some_and(|r| !r.is_empty());
        let target = if has_selection { "selection" } else { "statement" };
        let can_mark = has_selection || pctx.state.selected_statement.is_some();
        if ui
            .add_enabled(can_mark, egui::Button::new("Mark official"))
            .on_hover_text(format!("Mark the {target} official (O)"))
            .clicked()
        {
            pctx.state.pending_review.push(ReviewAction::MarkOfficial);
        }
        if ui
            .add_enabled(can_mark, egui::Button::new("Mark unofficial"))
            .on_hover_text(format!("Mark the {target} unofficial (U)"))
            .clicked()
        {
            pctx.state.pending_review.push(ReviewAction::MarkUnofficial);
        }
        let counts = pctx.state.counts(pctx.project, pctx.revision);
        let suggestions = counts.articles.get(&article.id).map_or(0, |c| c.unreviewed);
        if ui
            .add_enabled(suggestions > 0, egui::Button::new(format!("Accept all ({suggestions})")))
            .on_hover_text("Accept every suggestion in this article")
            .clicked()
        {
            pctx.state.pending_review.push(ReviewAction::AcceptAllInArticle);
        }
    });
}

fn document_ui(ui: &mut Ui, pctx: &mut PanelCtx<'_>, article: &Article) {
    let visuals = ui.visuals().clone();
    let dark = visuals.dark_mode;
    let paragraphs: Vec<DocParagraph<'_>> = article
        .paragraphs
        .iter()
        .enumerate()
        .map(|(index, p)| DocParagraph {
            text: article.slice(p.range),
            start_char: p.range.start,
            direction: article.paragraph_direction(index),
            style: paragraph_style(p.role, &visuals),
        })
        .collect();
    let mut highlights = Vec::new();
    let mut underlines = Vec::new();
    for statement in pctx.project.statements_of(article.id).filter(|s| s.is_visible()) {
        let selected = pctx.state.selected_statement == Some(statement.id);
        let color = if selected {
            theme::selection_color(dark).gamma_multiply(0.45)
        } else {
            theme::highlight_color(statement.kind, statement.is_reviewed(), dark)
        };
        highlights.push(Highlight {
            range: statement.span.range,
            color,
            look: if statement.is_reviewed() { HighlightLook::Fill } else { HighlightLook::Dashed },
            tag: statement.id.0,
        });
        if let Some(cue) = &statement.cue {
            underlines.push(Underline { range: cue.range, color: theme::cue_color(dark) });
        }
    }
    let query = pctx.state.search_query.trim();
    if query.chars().count() >= 2 {
        let folded = crate::analysis::fold(query);
        for range in crate::query::find_in(&article.text, &folded) {
            highlights.push(Highlight {
                range,
                color: theme::search_hit_color(dark),
                look: HighlightLook::Fill,
                tag: SEARCH_TAG,
            });
        }
    }
    let mut scroll_to: Option<CharRange> = pctx.state.scroll_reader_to.take();
    if pctx.state.reveal_selected
        && let Some(statement) =
            pctx.state.selected_statement.and_then(|id| pctx.project.statements.get(&id))
        && statement.article == article.id
    {
        scroll_to = Some(statement.span.range);
    }
    if std::mem::take(&mut pctx.state.clear_reader_selection) {
        pctx.text.set_document_selection(document_id(), None);
    }
    let response = text::document_ui(
        ui,
        pctx.text,
        document_id(),
        &paragraphs,
        &highlights,
        &underlines,
        scroll_to,
    );
    if let Some(tag) = response.clicked_tag
        && tag != SEARCH_TAG
    {
        let id = crate::model::StatementId(tag);
        if pctx.project.statements.contains_key(&id) {
            pctx.state.select_statement(id, article.id);
            pctx.state.reveal_selected = true;
        }
    }
    pctx.state.reader_selection = response.selection.filter(|r| !r.is_empty());
    let has_selection = pctx.state.reader_selection.is_some();
    response.response.context_menu(|ui| {
        if ui.add_enabled(has_selection, egui::Button::new("Mark official")).clicked() {
            pctx.state.pending_review.push(ReviewAction::MarkOfficial);
            ui.close();
        }
        if ui.add_enabled(has_selection, egui::Button::new("Mark unofficial")).clicked() {
            pctx.state.pending_review.push(ReviewAction::MarkUnofficial);
            ui.close();
        }
    });
}
