//! The library: every article with outlet, date, language and statement counts;
//! a filter box; select one or many.

use egui::{Id, Sense, Ui};

use super::PanelCtx;
use super::theme;
use super::widgets;
use crate::analysis::fold;
use crate::command::ops;
use crate::model::{Article, ArticleId, Kind};
use crate::text::{self, EditorOptions};

/// Height of one library row in points.
const ROW_HEIGHT: f32 = 62.0;

fn matches_filter(article: &Article, folded_filter: &str) -> bool {
    folded_filter.is_empty()
        || fold(&article.meta.title).contains(folded_filter)
        || article.meta.outlet.as_deref().is_some_and(|o| fold(o).contains(folded_filter))
        || article.source.path.as_deref().is_some_and(|p| fold(p).contains(folded_filter))
}

/// An article's title as lists and headers show it.
#[must_use]
pub fn display_title(article: &Article) -> &str {
    if article.meta.title.is_empty() { "(untitled)" } else { &article.meta.title }
}

/// Line under the title: outlet · date · language.
#[must_use]
pub fn article_meta_line(article: &Article) -> String {
    let mut parts = Vec::new();
    if let Some(outlet) = &article.meta.outlet {
        parts.push(outlet.clone());
    }
    if let Some(date) = &article.meta.published {
        parts.push(date.iso());
    }
    if !article.meta.language.is_empty() {
        parts.push(article.meta.language.clone());
    }
    if parts.is_empty() {
        parts.push(article.source.path.clone().unwrap_or_else(|| "pasted text".to_owned()));
    }
    widgets::join_isolated(&parts, " · ")
}

/// The library panel.
pub fn library_ui(ui: &mut Ui, pctx: &mut PanelCtx<'_>) {
    ui.horizontal(|ui| {
        ui.heading("Library");
        ui.label(format!("{}", pctx.project.articles.len()));
    });
    let filter_id = Id::unique("library_filter");
    let output = text::editor_ui(
        ui,
        pctx.text,
        filter_id,
        &pctx.state.library_filter,
        &EditorOptions {
            label: "Filter articles",
            placeholder: "Filter articles",
            multiline: false,
            style: theme::row_style(ui.visuals()),
            min_rows: 1,
        },
    );
    if let Some(text) = output.changed.or(output.committed) {
        pctx.state.library_filter = text;
    }
    ui.separator();
    let folded = fold(pctx.state.library_filter.trim());
    let ids: Vec<ArticleId> = pctx
        .project
        .articles
        .values()
        .filter(|a| matches_filter(a, &folded))
        .map(|a| a.id)
        .collect();
    if pctx.project.articles.is_empty() {
        ui.label("No articles yet. Use File ▸ Open articles…, drop files here, or paste an article (Ctrl+Shift+V).");
        return;
    }
    let counts = pctx.state.counts(pctx.project, pctx.revision);
    egui::ScrollArea::vertical().auto_shrink([false, false]).show_rows(
        ui,
        ROW_HEIGHT,
        ids.len(),
        |ui, range| {
            for index in range {
                let Some(&id) = ids.get(index) else { continue };
                let Some(article) = pctx.project.articles.get(&id) else { continue };
                let count = counts.articles.get(&id).copied().unwrap_or_default();
                article_row_ui(ui, pctx, article, count, &ids);
            }
        },
    );
}

fn article_row_ui(
    ui: &mut Ui,
    pctx: &mut PanelCtx<'_>,
    article: &Article,
    count: crate::query::ArticleCounts,
    visible: &[ArticleId],
) {
    let dark = ui.visuals().dark_mode;
    let selected = pctx.state.selected_articles.contains(&article.id);
    let current = pctx.state.current_article == Some(article.id);
    let (rect, _) =
        ui.allocate_exact_size(egui::vec2(ui.available_width(), ROW_HEIGHT - 4.0), Sense::hover());
    let response = ui.interact(rect, Id::unique(("library_row", article.id)), Sense::click());
    let fill = if current || selected {
        ui.visuals().selection.bg_fill.gamma_multiply(if current { 0.6 } else { 0.35 })
    } else if response.hovered() {
        ui.visuals().widgets.hovered.weak_bg_fill
    } else {
        egui::Color32::TRANSPARENT
    };
    ui.painter().rect_filled(rect, 4.0, fill);
    let mut child =
        ui.new_child(egui::UiBuilder::new().max_rect(rect.shrink2(egui::vec2(6.0, 3.0))));
    let title = display_title(article);
    let (title_style, meta_style) =
        (theme::title_style(child.visuals()), theme::meta_style(child.visuals()));
    widgets::one_line(&mut child, pctx.text, title, &title_style);
    widgets::one_line(&mut child, pctx.text, &article_meta_line(article), &meta_style);
    child.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 6.0;
        widgets::count_badge(ui, theme::kind_color(Kind::Official, dark), count.official)
            .on_hover_text("official statements");
        widgets::count_badge(ui, theme::kind_color(Kind::Unofficial, dark), count.unofficial)
            .on_hover_text("unofficial statements");
        if count.unreviewed > 0 {
            ui.weak(format!("{} to review", count.unreviewed));
        }
        syndication_mark_ui(ui, pctx, article.id);
    });
    response
        .widget_info(|| egui::WidgetInfo::selected(egui::Role::ListItem, true, selected, title));
    if response.clicked() {
        let modifiers = ui.input(|i| i.modifiers);
        if modifiers.command {
            if !pctx.state.selected_articles.insert(article.id) {
                pctx.state.selected_articles.remove(&article.id);
            }
        } else if modifiers.shift
            && let Some(anchor) = pctx.state.current_article
        {
            let a = visible.iter().position(|&i| i == anchor);
            let b = visible.iter().position(|&i| i == article.id);
            if let (Some(a), Some(b)) = (a, b) {
                let (lo, hi) = (a.min(b), a.max(b));
                pctx.state.selected_articles.extend(visible.get(lo..=hi).unwrap_or_default());
            }
        } else {
            pctx.state.open_article(article.id);
        }
    }
    response.context_menu(|ui| {
        if ui.button("Show in reader").clicked() {
            pctx.state.open_article(article.id);
            ui.close();
        }
        if ui.button("Find statements again").clicked() {
            pctx.sender.action(super::AppAction::Reanalyze(article.id));
            ui.close();
        }
        if ui.button("Remove from project").clicked() {
            pctx.sender
                .command("Remove article", ops::remove_article_cascade(pctx.project, article.id));
            ui.close();
        }
    });
}

/// A mark on articles that are near-identical copies of others in the project
/// (reprints, syndicated wire copy); hovering names the other articles.
fn syndication_mark_ui(ui: &mut Ui, pctx: &mut PanelCtx<'_>, id: ArticleId) {
    let copies = pctx.state.claims.syndicated_partners(ui.ctx(), pctx.project, pctx.revision, id);
    if copies.is_empty() {
        return;
    }
    let color = theme::syndicated_color(ui.visuals().dark_mode);
    let response = ui.colored_label(color, "❐ copy");
    response.on_hover_ui(|ui| {
        ui.set_max_width(360.0);
        ui.label("Near-identical to (counted as one origin):");
        let style = theme::row_style(ui.visuals());
        for (other, similarity) in copies {
            let Some(article) = pctx.project.articles.get(&other) else { continue };
            let line = format!("{:.0}% · {}", similarity * 100.0, article_meta_line(article));
            let title = display_title(article);
            text::label(ui, pctx.text, title, &theme::title_style(ui.visuals()));
            text::label(ui, pctx.text, &line, &style);
        }
    });
}
