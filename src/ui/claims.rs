//! Claims — who reported what across articles: one row per claim shared by
//! several articles, with its reports, outlets, earliest report, independent
//! origins, on-record backing and divergences; the analyst joins and separates
//! claims by hand ("Same claim" / "Not the same claim"), both undoable.
//!
//! Clusters come from [`cache::ClaimsCache`] (computed off the UI thread once per
//! project revision); rows are laid out without text ([`rows`]) and only the
//! visible ones are drawn.

pub mod cache;
pub mod names;
pub mod rows;
pub mod syndication;

use std::collections::BTreeSet;
use std::sync::Arc;

use egui::{Id, Rect, Sense, Ui, UiBuilder, pos2, vec2};

use super::PanelCtx;
use super::theme;
use super::widgets;
use crate::compare::{self, Cluster, ClusterId, Clusters};
use crate::model::{Statement, StatementId};
use crate::text::{self, LabelOptions};
use rows::{Backing, RowFilter, RowLayout};

pub use cache::{ClaimsCache, Explanation};
pub use syndication::syndication_notices;

/// Room for the "why together?" button at the end of a statement's source line.
const WHY_WIDTH: f32 = 100.0;

/// View state of the claims tab.
#[derive(Debug, Default)]
pub struct ClaimsViewState {
    /// Which claims are listed.
    pub filter: RowFilter,
    /// Statements picked for "Same claim" / "Not the same claim" (at most two,
    /// the newest last).
    pub picked: Vec<StatementId>,
    /// Claims unfolded to show all their statements.
    pub expanded: BTreeSet<ClusterId>,
    /// The name table window is open.
    pub names_open: bool,
    /// The name table editor's drafts.
    pub names: names::NameEditorState,
    rows: Option<RowsCache>,
}

#[derive(Debug)]
struct RowsCache {
    clusters: Arc<Clusters>,
    filter: RowFilter,
    expanded: BTreeSet<ClusterId>,
    layout: Arc<RowLayout>,
}

impl ClaimsViewState {
    /// Pick `id` (alone, or added to the picks when `add`).
    pub fn pick(&mut self, id: StatementId, add: bool) {
        if !add {
            self.picked = vec![id];
        } else if let Some(at) = self.picked.iter().position(|&p| p == id) {
            self.picked.remove(at);
        } else {
            self.picked.push(id);
            if self.picked.len() > 2 {
                self.picked.remove(0);
            }
        }
    }

    fn rows(&mut self, clusters: &Arc<Clusters>) -> Arc<RowLayout> {
        if let Some(cache) = &self.rows
            && Arc::ptr_eq(&cache.clusters, clusters)
            && cache.filter == self.filter
            && cache.expanded == self.expanded
        {
            return Arc::clone(&cache.layout);
        }
        let layout = Arc::new(rows::build_rows(clusters, &self.filter, &self.expanded));
        self.rows = Some(RowsCache {
            clusters: Arc::clone(clusters),
            filter: self.filter,
            expanded: self.expanded.clone(),
            layout: Arc::clone(&layout),
        });
        layout
    }
}

/// Id of the claims scroll area.
#[must_use]
pub fn scroll_id() -> Id {
    Id::unique("claims_scroll")
}

/// The claims panel.
pub fn claims_ui(ui: &mut Ui, pctx: &mut PanelCtx<'_>) {
    let clusters = pctx.state.claims.clusters(ui.ctx(), pctx.project, pctx.revision);
    toolbar_ui(ui, pctx, clusters.as_deref());
    ui.separator();
    if pctx.state.claims_view.names_open {
        names::name_table_window(ui.ctx(), pctx);
    }
    let Some(clusters) = clusters else {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Finding claims across articles…");
        });
        return;
    };
    let layout = pctx.state.claims_view.rows(&clusters);
    if layout.rows.is_empty() {
        ui.label(empty_message(pctx.state.claims_view.filter));
        return;
    }
    let reveal = pctx.state.reveal_selected.then_some(pctx.state.selected_statement).flatten();
    let width = ui.available_width() - 14.0;
    egui::ScrollArea::vertical().id_salt(scroll_id()).auto_shrink([false, false]).show_viewport(
        ui,
        |ui, viewport| {
            ui.set_height(layout.height.max(viewport.height()));
            ui.set_width(width);
            let origin = ui.max_rect().min;
            for index in layout.visible(viewport.top(), viewport.bottom()) {
                let Some(row) = layout.rows.get(index) else { continue };
                let Some(cluster) = clusters.clusters.get(row.cluster) else { continue };
                let rect =
                    Rect::from_min_size(origin + vec2(0.0, row.top), vec2(width, row.height));
                claim_row_ui(ui, pctx, cluster, row, rect);
            }
            if let Some(id) = reveal
                && let Some(rect) =
                    reveal_rect(&clusters, &layout, id, width, &mut pctx.state.claims_view.expanded)
            {
                // Only as far as needed: a click in this list must not make it jump.
                ui.scroll_to_rect(rect.translate(origin.to_vec2()), None);
            }
        },
    );
    if reveal.is_some() {
        pctx.state.reveal_selected = false;
    }
}

fn empty_message(filter: RowFilter) -> &'static str {
    if filter.only_divergent || filter.only_unofficial {
        "No claim matches these filters."
    } else if filter.single_article {
        "No statements yet. Open articles and mark statements to see their claims here."
    } else {
        "No claim is reported by more than one article yet. Tick \u{201C}single-article claims\u{201D} to see every claim."
    }
}

/// Where the statement `id` is drawn (content coordinates), if its claim is listed;
/// a folded claim is unfolded so the statement shows from the next frame on.
fn reveal_rect(
    clusters: &Clusters,
    layout: &RowLayout,
    id: StatementId,
    width: f32,
    expanded: &mut BTreeSet<ClusterId>,
) -> Option<Rect> {
    let cluster = clusters.cluster_of(id)?;
    let row = layout.row_of(clusters, cluster.id)?;
    let position = cluster.statements.iter().position(|&s| s == id)?;
    if position >= row.shown {
        expanded.insert(cluster.id);
    }
    let position = position.min(row.shown);
    let top = row.top + row.statements_top() + position as f32 * theme::CLAIM_STATEMENT_HEIGHT;
    Some(Rect::from_min_size(pos2(0.0, top), vec2(width, theme::CLAIM_STATEMENT_HEIGHT)))
}

fn toolbar_ui(ui: &mut Ui, pctx: &mut PanelCtx<'_>, clusters: Option<&Clusters>) {
    let project = pctx.project;
    // Merges and splits rewrite the overrides from the clusters: only from current ones.
    let clusters = clusters.filter(|_| !pctx.state.claims.is_updating());
    let view = &mut pctx.state.claims_view;
    view.picked.retain(|id| project.statements.get(id).is_some_and(Statement::is_visible));
    ui.horizontal_wrapped(|ui| {
        let merge = match (clusters, view.picked.as_slice()) {
            (Some(c), &[a, b]) => compare::merge_command(project, c, a, b),
            _ => None,
        };
        let split = match (clusters, view.picked.last()) {
            (Some(c), Some(&s)) => compare::split_command(project, c, s),
            _ => None,
        };
        let merge_help = if merge.is_some() {
            "Put the two picked statements' claims together"
        } else {
            "Pick two statements of different claims (Ctrl+click) to join them"
        };
        if ui
            .add_enabled(merge.is_some(), egui::Button::new("Same claim"))
            .on_hover_text(merge_help)
            .on_disabled_hover_text(merge_help)
            .clicked()
        {
            pctx.sender.command_opt("Same claim", merge);
        }
        let split_help = "Take the picked statement out of its claim";
        if ui
            .add_enabled(split.is_some(), egui::Button::new("Not the same claim"))
            .on_hover_text(split_help)
            .on_disabled_hover_text("Pick a statement of a claim with several reports")
            .clicked()
        {
            pctx.sender.command_opt("Not the same claim", split);
        }
        ui.separator();
        let filter = &mut view.filter;
        ui.checkbox(&mut filter.single_article, "single-article claims")
            .on_hover_text("Also list claims that only one article reports");
        ui.checkbox(&mut filter.only_divergent, "diverging only")
            .on_hover_text("Only claims whose reports disagree");
        ui.checkbox(&mut filter.only_unofficial, "unofficial only")
            .on_hover_text("Only claims resting on unofficial sources alone");
        ui.separator();
        if ui.button("Name table…").on_hover_text("Bilingual names used to match claims").clicked()
        {
            view.names_open = !view.names_open;
        }
        if let Some(clusters) = clusters {
            let shared = clusters.shared().count();
            ui.label(format!(
                "{shared} claim{} reported by several articles",
                if shared == 1 { "" } else { "s" }
            ));
        }
        if pctx.state.claims.is_updating() {
            ui.spinner();
            ui.weak("updating…");
        }
    });
}

fn claim_row_ui(
    ui: &mut Ui,
    pctx: &mut PanelCtx<'_>,
    cluster: &Cluster,
    row: &rows::ClaimRow,
    rect: Rect,
) {
    let dark = ui.visuals().dark_mode;
    ui.painter().rect_filled(rect, 5.0, theme::claim_fill(dark));
    let inner = rect.shrink2(vec2(8.0, 0.0));
    let summary = Rect::from_min_size(inner.min, vec2(inner.width(), rows::SUMMARY_HEIGHT));
    summary_ui(ui, cluster, summary);
    let mut y = summary.bottom();
    let line =
        |y: f32| Rect::from_min_size(pos2(inner.left(), y), vec2(inner.width(), rows::LINE_HEIGHT));
    outlets_ui(ui, pctx, cluster, line(y));
    y += rows::LINE_HEIGHT;
    origins_ui(ui, pctx, cluster, line(y));
    y += rows::LINE_HEIGHT;
    for &kind in &row.divergence_kinds {
        divergence_ui(ui, pctx, cluster, kind, line(y));
        y += rows::LINE_HEIGHT;
    }
    let first = cluster.statements.first().copied();
    for &id in cluster.statements.iter().take(row.shown) {
        let line_rect = Rect::from_min_size(
            pos2(inner.left(), y),
            vec2(inner.width(), theme::CLAIM_STATEMENT_HEIGHT - 2.0),
        );
        statement_line_ui(ui, pctx, cluster, id, first.filter(|&f| f != id), line_rect);
        y += theme::CLAIM_STATEMENT_HEIGHT;
    }
    if row.hidden > 0 || row.shown > rows::FOLDED_STATEMENTS {
        let more =
            Rect::from_min_size(pos2(inner.left(), y), vec2(inner.width(), rows::MORE_HEIGHT));
        let mut child = ui.new_child(UiBuilder::new().max_rect(more));
        let expanded = pctx.state.claims_view.expanded.contains(&cluster.id);
        let label = if expanded {
            "Show fewer".to_owned()
        } else {
            format!("Show all {} reports", cluster.len())
        };
        if child.small_button(label).clicked() {
            if expanded {
                pctx.state.claims_view.expanded.remove(&cluster.id);
            } else {
                pctx.state.claims_view.expanded.insert(cluster.id);
            }
        }
    }
}

fn summary_ui(ui: &mut Ui, cluster: &Cluster, rect: Rect) {
    let dark = ui.visuals().dark_mode;
    let mut child = ui.new_child(
        UiBuilder::new().max_rect(rect).layout(egui::Layout::left_to_right(egui::Align::Center)),
    );
    let ui = &mut child;
    ui.spacing_mut().item_spacing.x = 10.0;
    ui.strong(rows::reports_summary(cluster)).on_hover_text(
        "Reports: statements of this claim. Independent origins: distinct sources once reprints, syndicated copies and \u{201C}via\u{201D} chains are followed back.",
    );
    let backing = Backing::of(&cluster.independence);
    let color = match backing {
        Backing::OnRecord => theme::on_record_color(dark),
        Backing::UnofficialOnly => theme::unofficial_only_color(dark),
        Backing::Unattributed => ui.visuals().weak_text_color(),
    };
    let text = egui::RichText::new(backing.label()).color(color);
    let text = if backing == Backing::UnofficialOnly { text.strong() } else { text };
    ui.label(text).on_hover_text(match backing {
        Backing::OnRecord => "At least one on-record (official) statement backs this claim",
        Backing::UnofficialOnly => {
            "No on-record statement backs this claim: it rests on anonymous or unofficial sources"
        }
        Backing::Unattributed => "None of its statements is classified yet",
    });
}

/// "4 outlets · first reported 2023-07-06 18:00 +00:00 by NBC News".
fn outlets_ui(ui: &mut Ui, pctx: &mut PanelCtx<'_>, cluster: &Cluster, rect: Rect) {
    let mut child = ui.new_child(
        UiBuilder::new().max_rect(rect).layout(egui::Layout::left_to_right(egui::Align::Center)),
    );
    let ui = &mut child;
    let outlets = cluster.outlets.len();
    let mut text = format!("{outlets} outlet{}", if outlets == 1 { "" } else { "s" });
    if let Some(earliest) = &cluster.earliest {
        text.push_str(" · first reported ");
        text.push_str(&earliest.published.iso());
        ui.weak(text);
        if let Some(name) = rows::report_name(pctx.project, earliest.statement) {
            ui.weak("by");
            let style = theme::meta_style(ui.visuals());
            widgets::one_line(ui, pctx.text, &name, &style);
        }
    } else {
        text.push_str(" · no report is dated");
        ui.weak(text);
    }
}

fn origins_ui(ui: &mut Ui, pctx: &mut PanelCtx<'_>, cluster: &Cluster, rect: Rect) {
    let mut child = ui.new_child(
        UiBuilder::new().max_rect(rect).layout(egui::Layout::left_to_right(egui::Align::Center)),
    );
    child.weak("Origins:");
    let names: Vec<String> = cluster
        .independence
        .origins
        .iter()
        .map(|o| match o.statements.len() {
            1 => o.name.clone(),
            n => format!("{} (×{n})", o.name),
        })
        .collect();
    let style = theme::meta_style(child.visuals());
    widgets::one_line(&mut child, pctx.text, &widgets::join_isolated(&names, " · "), &style);
}

fn divergence_ui(
    ui: &mut Ui,
    pctx: &mut PanelCtx<'_>,
    cluster: &Cluster,
    kind: compare::DivergenceKind,
    rect: Rect,
) {
    let dark = ui.visuals().dark_mode;
    let mut child = ui.new_child(
        UiBuilder::new().max_rect(rect).layout(egui::Layout::left_to_right(egui::Align::Center)),
    );
    let color = theme::divergence_color(dark);
    let count = cluster.divergences.iter().filter(|d| d.kind == kind).count();
    let chip = if count > 1 {
        format!("⚠ {} ({count} pairs)", kind.label())
    } else {
        format!("⚠ {}", kind.label())
    };
    child.label(egui::RichText::new(chip).color(color).strong());
    let Some(first) = cluster.divergences.iter().find(|d| d.kind == kind) else { return };
    let detail = rows::humanise_detail(&first.detail, pctx.project);
    let style = text::TextStyle { color, ..theme::meta_style(child.visuals()) };
    let response = widgets::one_line(&mut child, pctx.text, &detail, &style);
    // Built only while the tooltip shows.
    response.on_hover_ui(|ui| {
        ui.set_max_width(420.0);
        let style = theme::row_style(ui.visuals());
        for d in cluster.divergences.iter().filter(|d| d.kind == kind) {
            let line = rows::humanise_detail(&d.detail, pctx.project);
            text::label(ui, pctx.text, &line, &style);
        }
    });
}

fn statement_line_ui(
    ui: &mut Ui,
    pctx: &mut PanelCtx<'_>,
    cluster: &Cluster,
    id: StatementId,
    compare_with: Option<StatementId>,
    rect: Rect,
) {
    let Some(statement) = pctx.project.statements.get(&id) else { return };
    let article = pctx.project.articles.get(&statement.article);
    let dark = ui.visuals().dark_mode;
    let picked = pctx.state.claims_view.picked.contains(&id);
    let selected = pctx.state.selected_statement == Some(id);
    let response = ui.interact(rect, Id::unique(("claim_statement", id)), Sense::click());
    let painter = ui.painter();
    if picked || selected {
        painter.rect_filled(rect, 3.0, theme::picked_fill(dark));
    } else if response.hovered() {
        painter.rect_filled(rect, 3.0, ui.visuals().widgets.hovered.weak_bg_fill);
    }
    if selected {
        painter.rect_stroke(
            rect,
            3.0,
            egui::Stroke::new(1.5, theme::selection_color(dark)),
            egui::StrokeKind::Inside,
        );
    }
    let stripe = Rect::from_min_size(rect.min, vec2(theme::CARD_STRIPE, rect.height()));
    painter.rect_filled(stripe, 1.0, theme::kind_color(statement.kind, dark));
    if cluster.divergences_of(id).next().is_some() {
        painter.text(
            pos2(rect.left() + theme::CARD_STRIPE + 3.0, rect.top() + 2.0),
            egui::Align2::LEFT_TOP,
            "⚠",
            egui::FontId::proportional(11.0),
            theme::divergence_color(dark),
        );
    }
    // A source line (outlet, date, "why together?"), then the statement's words.
    let left = rect.left() + theme::CARD_STRIPE + 16.0;
    let why_room = if compare_with.is_some() { WHY_WIDTH } else { 0.0 };
    let meta = theme::meta_style(ui.visuals());
    let outlet = article
        .and_then(|a| a.meta.outlet.clone())
        .or_else(|| article.map(|a| a.meta.title.clone()))
        .unwrap_or_default();
    let date = article.and_then(|a| a.meta.published.as_ref()).map(crate::model::PubDate::iso);
    let date_width = if date.is_some() { 150.0 } else { 0.0 };
    let outlet_width = (rect.right() - left - why_room - date_width - 8.0).max(40.0);
    let layout =
        pctx.text.layout(&outlet, &theme::title_style(ui.visuals()), Some(outlet_width), Some(1));
    pctx.text.paint(ui.painter(), pos2(left, rect.top() + 2.0), &layout);
    if let Some(date) = date {
        ui.painter().text(
            pos2(left + layout.size().x + 10.0, rect.top() + 4.0),
            egui::Align2::LEFT_TOP,
            date,
            egui::FontId::proportional(11.5),
            meta.color,
        );
    }
    let text_width = (rect.right() - left - 6.0).max(40.0);
    let quote = pctx.text.layout(
        &statement.span.quote,
        &theme::row_style(ui.visuals()),
        Some(text_width),
        Some(2),
    );
    pctx.text.paint(ui.painter(), pos2(left, rect.top() + 21.0), &quote);
    let label = format!("Statement: {}", statement.span.quote);
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, picked, &label));
    if response.clicked() {
        let add = ui.input(|i| i.modifiers.command || i.modifiers.shift);
        pctx.state.claims_view.pick(id, add);
        pctx.state.select_statement(id, statement.article);
    }
    let response = response.on_hover_ui(|ui| {
        ui.set_max_width(420.0);
        text::label(ui, pctx.text, &statement.span.quote, &theme::card_text_style(ui.visuals()));
        ui.weak("Click to select; Ctrl+click to pick a second statement.");
    });
    response.context_menu(|ui| statement_menu_ui(ui, pctx, id));
    if let Some(other) = compare_with {
        let why = Rect::from_min_size(
            pos2(rect.right() - WHY_WIDTH, rect.top() + 1.0),
            vec2(WHY_WIDTH - 4.0, 18.0),
        );
        let mut child = ui.new_child(UiBuilder::new().max_rect(why));
        let button = child
            .add(egui::Button::new("why together?").small().wrap_mode(egui::TextWrapMode::Extend));
        if button.hovered() || button.has_focus() {
            why_tooltip_ui(ui, pctx, &button, other, id);
        }
    }
}

/// Explain why `a` and `b` share a claim, in a tooltip by `response`.
fn why_tooltip_ui(
    ui: &Ui,
    pctx: &mut PanelCtx<'_>,
    response: &egui::Response,
    a: StatementId,
    b: StatementId,
) {
    let explanation = pctx.state.claims.explain(ui.ctx(), pctx.project, pctx.revision, a, b);
    let project = pctx.project;
    egui::Tooltip::for_widget(response).show(|ui| {
        ui.set_max_width(420.0);
        match &explanation {
            Explanation::Pending => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label("Comparing…");
                });
            }
            Explanation::Missing => {
                ui.label("One of these statements is no longer in the project.");
            }
            Explanation::Ready(why) => {
                let first = rows::report_name(project, a).unwrap_or_default();
                ui.label(format!(
                    "Similarity {:.0}% (joined from {:.0}%)",
                    why.similarity * 100.0,
                    compare::PAIR_THRESHOLD * 100.0
                ));
                let style = theme::row_style(ui.visuals());
                text::label(ui, pctx.text, &format!("Compared with {first}"), &style);
                if why.shared.is_empty() {
                    ui.label("No shared words, names or numbers: joined by hand.");
                } else {
                    ui.label("Shared words, names and numbers:");
                    text::label(ui, pctx.text, &why.shared.join(" · "), &style);
                }
                let dark = ui.visuals().dark_mode;
                let warn = text::TextStyle { color: theme::divergence_color(dark), ..style };
                for d in &why.divergences {
                    let line = format!(
                        "⚠ {}: {}",
                        d.kind.label(),
                        rows::humanise_detail(&d.detail, project)
                    );
                    text::label_with(ui, pctx.text, &line, &warn, &LabelOptions::default());
                }
            }
        }
    });
}

fn statement_menu_ui(ui: &mut Ui, pctx: &mut PanelCtx<'_>, id: StatementId) {
    let Some(clusters) = pctx.state.claims.clusters(ui.ctx(), pctx.project, pctx.revision) else {
        return;
    };
    if pctx.state.claims.is_updating() {
        ui.label("Claims are being updated…");
        return;
    }
    let project = pctx.project;
    let Some(statement) = project.statements.get(&id) else { return };
    let other = pctx
        .state
        .claims_view
        .picked
        .iter()
        .rev()
        .copied()
        .find(|&p| p != id)
        .or(pctx.state.selected_statement.filter(|&s| s != id));
    let merge = other.and_then(|o| compare::merge_command(project, &clusters, o, id));
    if ui
        .add_enabled(merge.is_some(), egui::Button::new("Same claim as the picked statement"))
        .clicked()
    {
        pctx.sender.command_opt("Same claim", merge);
        ui.close();
    }
    let split = compare::split_command(project, &clusters, id);
    if ui.add_enabled(split.is_some(), egui::Button::new("Not the same claim")).clicked() {
        pctx.sender.command_opt("Not the same claim", split);
        ui.close();
    }
    ui.separator();
    if ui.button("Show in reader").clicked() {
        pctx.state.select_statement(id, statement.article);
        ui.close();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picking_keeps_the_two_newest_and_toggles() {
        let mut view = ClaimsViewState::default();
        view.pick(StatementId(1), false);
        view.pick(StatementId(2), true);
        assert_eq!(view.picked, [StatementId(1), StatementId(2)]);
        view.pick(StatementId(3), true);
        assert_eq!(view.picked, [StatementId(2), StatementId(3)]);
        view.pick(StatementId(2), true);
        assert_eq!(view.picked, [StatementId(3)]);
        view.pick(StatementId(4), false);
        assert_eq!(view.picked, [StatementId(4)]);
    }
}
