//! Compare — the heart of TwoTrack: **Official** and **Unofficial** columns side by
//! side, one row per question so positions face each other, unassigned statements
//! after, links drawn between the columns. Drag a card across to reclassify, onto a
//! question to assign, onto another card to link.

pub mod bands;
pub mod card;
pub mod layout;

use std::sync::Arc;

use egui::{Id, Pos2, Rect, Sense, Ui, pos2, vec2};

use super::PanelCtx;
use super::state::{CardDrag, PendingLink};
use super::theme;
use crate::command::{Command, ops};
use crate::model::{Kind, LinkId, LinkKind, NoteTarget, QuestionId, StatementId};
use crate::query::PreparedFilters;
use crate::text;
use layout::{CardMetrics, Column, CompareLayout, Item, Section};

/// Cache key of the compare layout.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutKey {
    revision: u64,
    filters: crate::query::Filters,
    selected_articles: std::collections::BTreeSet<crate::model::ArticleId>,
    query: String,
    /// Revision of the search index the query was run on.
    searched: Option<u64>,
    show_unclassified: bool,
    width_bits: u32,
    dark: bool,
}

/// The last layout and what it was built for.
#[derive(Debug, Default)]
pub struct LayoutCache {
    key: Option<LayoutKey>,
    layout: Arc<CompareLayout>,
}

/// Id of the compare scroll area.
#[must_use]
pub fn scroll_id() -> Id {
    Id::unique("compare_scroll")
}

fn layout_for(ui: &Ui, pctx: &mut PanelCtx<'_>, width: f32) -> Arc<CompareLayout> {
    let query = pctx.state.search_query.trim().to_owned();
    let searching = query.chars().count() >= 2;
    let index = searching
        .then(|| pctx.state.search_index.get(ui.ctx(), pctx.project, pctx.revision))
        .flatten();
    if searching && index.is_none() && pctx.state.compare_cache.key.is_some() {
        // The project's first index is still being built: keep showing what was
        // shown until it is ready (its thread asks for a repaint).
        return Arc::clone(&pctx.state.compare_cache.layout);
    }
    let key = LayoutKey {
        revision: pctx.revision,
        filters: pctx.state.filters.clone(),
        selected_articles: pctx.state.selected_articles.clone(),
        searched: index.as_ref().map(|(indexed, _)| *indexed),
        query,
        show_unclassified: pctx.state.show_unclassified
            || pctx.state.filters.kinds.contains(&Kind::Unclassified),
        width_bits: width.round().to_bits(),
        dark: ui.visuals().dark_mode,
    };
    if pctx.state.compare_cache.key.as_ref() != Some(&key) {
        let filters = PreparedFilters::new(&key.filters, &key.selected_articles);
        let only = searching.then(|| {
            index.map(|(_, index)| index.matching_statements(&key.query)).unwrap_or_default()
        });
        let built = layout::build(
            pctx.project,
            &filters,
            only.as_ref(),
            key.show_unclassified,
            width,
            CardMetrics::new(ui.visuals()),
        );
        pctx.state.compare_cache.layout = Arc::new(built);
        pctx.state.compare_cache.key = Some(key);
    }
    Arc::clone(&pctx.state.compare_cache.layout)
}

/// The compare panel.
pub fn compare_ui(ui: &mut Ui, pctx: &mut PanelCtx<'_>) {
    let width = ui.available_width() - 14.0; // room for the scroll bar
    let layout = layout_for(ui, pctx, width);
    header_ui(ui, pctx, &layout);
    ui.add_space(4.0);
    let metrics = CardMetrics::new(ui.visuals());
    // Taken now, not at the end: a card clicked below asks the reader (drawn before
    // this view) to scroll to its statement in the next frame.
    let reveal_requested = std::mem::take(&mut pctx.state.reveal_selected);
    let reveal = reveal_requested.then_some(pctx.state.selected_statement).flatten();
    egui::ScrollArea::vertical().id_salt(scroll_id()).auto_shrink([false, false]).show_viewport(
        ui,
        |ui, viewport| {
            ui.set_height(layout.height.max(viewport.height()));
            ui.set_width(width);
            let origin = ui.max_rect().min;
            let visible_screen = viewport.translate(origin.to_vec2());
            body_ui(ui, pctx, &layout, origin, viewport, &metrics);
            bands::paint_links(
                &ui.painter().with_clip_rect(visible_screen),
                pctx.project,
                &layout,
                origin,
                visible_screen.intersect(ui.clip_rect()),
                pctx.state.selected_statement,
                ui.visuals().dark_mode,
            );
            if let Some(id) = reveal
                && let Some(rect) = layout.card_rect(id)
            {
                ui.scroll_to_rect(rect.translate(origin.to_vec2()), Some(egui::Align::Center));
            }
            handle_drop(ui, pctx, &layout, origin);
        },
    );
    pending_link_ui(ui, pctx);
}

fn header_ui(ui: &mut Ui, pctx: &mut PanelCtx<'_>, layout: &CompareLayout) {
    let dark = ui.visuals().dark_mode;
    ui.horizontal(|ui| {
        let column = layout.column_width;
        ui.allocate_ui(vec2(column, 24.0), |ui| {
            ui.horizontal(|ui| {
                ui.heading(
                    egui::RichText::new("Official").color(theme::kind_color(Kind::Official, dark)),
                );
                ui.label(format!("{}", layout.counts.0));
            });
        });
        ui.allocate_ui(vec2(theme::GUTTER_WIDTH - 8.0, 24.0), |ui| {
            ui.menu_button("links", |ui| {
                for kind in LinkKind::ALL {
                    ui.horizontal(|ui| {
                        let (rect, _) = ui.allocate_exact_size(vec2(24.0, 10.0), Sense::hover());
                        ui.painter().rect_filled(rect, 2.0, theme::link_color(kind, dark));
                        ui.label(kind.label());
                    });
                }
            })
            .response
            .on_hover_text("Colours of the link bands");
        });
        ui.horizontal(|ui| {
            ui.heading(
                egui::RichText::new("Unofficial").color(theme::kind_color(Kind::Unofficial, dark)),
            );
            ui.label(format!("{}", layout.counts.1));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("New question").on_hover_text("Ctrl+Shift+Q").clicked() {
                    pctx.state.pending_review.push(super::review::ReviewAction::NewQuestion);
                }
            });
        });
    });
}

fn body_ui(
    ui: &mut Ui,
    pctx: &mut PanelCtx<'_>,
    layout: &CompareLayout,
    origin: Pos2,
    viewport: Rect,
    metrics: &CardMetrics,
) {
    let dragging = egui::DragAndDrop::payload::<CardDrag>(ui.ctx()).map(|p| p.0);
    let hover_target = dragging.and_then(|_| {
        let pointer = ui.ctx().pointer_hover_pos()?;
        drop_target(layout, pointer - origin.to_vec2())
    });
    for placed in layout.visible(viewport) {
        let rect = placed.rect.translate(origin.to_vec2());
        match &placed.item {
            Item::SectionHeader(section) => {
                let highlighted = matches!((&hover_target, section), (Some(DropTarget::Section(s, _)), t) if s == t);
                section_header_ui(ui, pctx, rect, section, highlighted);
            }
            Item::ActorHeader(actor) => {
                let dark = ui.visuals().dark_mode;
                let swatch =
                    Rect::from_min_size(rect.left_center() - vec2(0.0, 5.0), vec2(10.0, 10.0));
                ui.painter().rect_filled(swatch, 2.0, theme::actor_color(actor, dark));
                let style = theme::title_style(ui.visuals());
                let text = pctx.text.layout(actor, &style, Some(rect.width() - 16.0), Some(1));
                pctx.text.paint(ui.painter(), rect.left_top() + vec2(16.0, 2.0), &text);
            }
            Item::Card(id) => {
                let drop = matches!(hover_target, Some(DropTarget::Card(t)) if t == *id && dragging != Some(*id));
                card_ui(ui, pctx, rect, *id, metrics, drop);
            }
            Item::Empty(_) => {
                let painter = ui.painter();
                painter.rect_stroke(
                    rect.shrink(2.0),
                    4.0,
                    egui::Stroke::new(1.0, ui.visuals().weak_text_color().gamma_multiply(0.5)),
                    egui::StrokeKind::Inside,
                );
                painter.text(
                    rect.center(),
                    egui::Align2::CENTER_CENTER,
                    "drop a statement here",
                    egui::FontId::proportional(12.0),
                    ui.visuals().weak_text_color(),
                );
            }
        }
    }
    if let Some(DropTarget::Section(_, Some(column))) = hover_target
        && let Some(pointer) = ui.ctx().pointer_hover_pos()
    {
        let x = match column {
            Column::Official => origin.x,
            _ => origin.x + layout.width - layout.column_width,
        };
        let band = Rect::from_min_size(pos2(x, pointer.y - 20.0), vec2(layout.column_width, 40.0));
        ui.painter().rect_filled(band, 4.0, theme::drop_target_fill(ui.visuals().dark_mode));
    }
    if let Some(id) = dragging
        && let Some(statement) = pctx.project.statements.get(&id)
        && let Some(pointer) = ui.ctx().pointer_interact_pos()
    {
        // A small ghost of the dragged card follows the pointer.
        let painter = ui
            .ctx()
            .layer_painter(egui::LayerId::new(egui::Order::Tooltip, Id::unique("card_ghost")));
        let ghost = Rect::from_min_size(pointer + vec2(12.0, 8.0), vec2(220.0, 34.0));
        painter.rect_filled(ghost, 4.0, theme::card_fill(true, true, ui.visuals().dark_mode));
        let style = theme::meta_style(ui.visuals());
        let text = pctx.text.layout(&statement.span.quote, &style, Some(208.0), Some(2));
        pctx.text.paint(&painter, ghost.min + vec2(6.0, 3.0), &text);
    }
}

fn section_title(pctx: &PanelCtx<'_>, section: &Section) -> String {
    match section {
        Section::Question(id) => pctx
            .project
            .questions
            .get(id)
            .map_or_else(|| "(deleted question)".to_owned(), |q| q.title.clone()),
        Section::Unassigned => "Not assigned to a question".to_owned(),
        Section::Unclassified => "Unclassified (narrative, background)".to_owned(),
    }
}

fn section_header_ui(
    ui: &mut Ui,
    pctx: &mut PanelCtx<'_>,
    rect: Rect,
    section: &Section,
    highlighted: bool,
) {
    let dark = ui.visuals().dark_mode;
    let selected =
        matches!(section, Section::Question(q) if pctx.state.selected_question == Some(*q));
    let painter = ui.painter();
    painter.rect_filled(rect.shrink2(vec2(0.0, 1.0)), 4.0, theme::question_fill(selected, dark));
    if highlighted {
        painter.rect_filled(rect, 4.0, theme::drop_target_fill(dark));
    }
    let title = section_title(pctx, section);
    let style = match section {
        Section::Question(_) => theme::title_style(ui.visuals()),
        _ => theme::meta_style(ui.visuals()),
    };
    let layout = pctx.text.layout(&title, &style, Some(rect.width() - 16.0), Some(1));
    let y = rect.center().y - layout.size().y / 2.0;
    pctx.text.paint(ui.painter(), pos2(rect.left() + 8.0, y), &layout);
    let Section::Question(id) = section else { return };
    let response = ui.interact(rect, Id::unique(("question_header", id)), Sense::click());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Question: {title}"))
    });
    if response.clicked() {
        pctx.state.selected_question = Some(*id);
        pctx.state.selected_statement = None;
        pctx.state.notes_target = NoteTarget::Question(*id);
    }
    response.context_menu(|ui| {
        if ui.button("Rename…").clicked() {
            pctx.state.selected_question = Some(*id);
            pctx.state.notes_target = NoteTarget::Question(*id);
            pctx.state.focus_question_title = true;
            ui.close();
        }
        if ui.button("Delete question").clicked() {
            pctx.sender.command("Delete question", ops::remove_question_cascade(pctx.project, *id));
            ui.close();
        }
    });
}

fn card_ui(
    ui: &mut Ui,
    pctx: &mut PanelCtx<'_>,
    rect: Rect,
    id: StatementId,
    metrics: &CardMetrics,
    drop: bool,
) {
    let Some(statement) = pctx.project.statements.get(&id) else { return };
    let article = pctx.project.articles.get(&statement.article);
    let note = pctx.project.notes_on(NoteTarget::Statement(id)).next().map(|n| n.text.as_str());
    let selected = pctx.state.selected_statement == Some(id);
    let info = card::CardInfo { article, note, selected, drop_target: drop };
    card::paint_card(pctx.text, ui.painter(), rect, statement, &info, metrics);
    let response = ui.interact(rect, Id::unique(("card", id)), Sense::click_and_drag());
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::Button, true, selected, card::card_label(statement))
    });
    if response.drag_started() {
        response.dnd_set_drag_payload(CardDrag(id));
    }
    if response.clicked() {
        pctx.state.select_statement(id, statement.article);
        pctx.state.reveal_selected = true;
    }
    let response = response.on_hover_ui(|ui| {
        ui.set_max_width(360.0);
        text::label(ui, pctx.text, &statement.span.quote, &theme::card_text_style(ui.visuals()));
    });
    response.context_menu(|ui| card_menu_ui(ui, pctx, id));
}

fn card_menu_ui(ui: &mut Ui, pctx: &mut PanelCtx<'_>, id: StatementId) {
    let project = pctx.project;
    let Some(statement) = project.statements.get(&id) else { return };
    for (kind, label) in [
        (Kind::Official, "Mark official"),
        (Kind::Unofficial, "Mark unofficial"),
        (Kind::Unclassified, "Mark unclassified"),
    ] {
        if ui.add_enabled(statement.kind != kind, egui::Button::new(label)).clicked() {
            pctx.sender.command_opt(label, ops::set_kind(project, id, kind));
            ui.close();
        }
    }
    if !statement.is_reviewed() && ui.button("Accept suggestion").clicked() {
        pctx.sender.command_opt("Accept suggestion", ops::accept(project, id));
        ui.close();
    }
    if ui.button("Reject (not a statement)").clicked() {
        pctx.sender.command_opt("Reject suggestion", ops::reject(project, id));
        ui.close();
    }
    ui.separator();
    ui.menu_button("Assign to question", |ui| {
        ui.set_max_width(320.0);
        let mut questions: Vec<_> = project.questions.values().collect();
        questions.sort_by_key(|q| (q.order, q.id));
        for question in questions {
            let style = theme::row_style(ui.visuals());
            if super::widgets::selectable_row(
                ui,
                pctx.text,
                &question.title,
                &style,
                statement.question == Some(question.id),
            )
            .clicked()
            {
                pctx.sender.command_opt(
                    "Assign to question",
                    assign(project, id, Some(question.id), None),
                );
                ui.close();
            }
        }
        if project.questions.is_empty() {
            ui.label("No questions yet: use New question.");
        }
    });
    if statement.question.is_some() && ui.button("Remove from question").clicked() {
        pctx.sender.command_opt("Remove from question", assign(project, id, None, None));
        ui.close();
    }
    if let Some(selected) = pctx.state.selected_statement
        && selected != id
    {
        ui.menu_button("Link the selected statement to this", |ui| {
            for kind in LinkKind::ALL {
                if ui.button(kind.label()).clicked() {
                    pctx.sender.command(
                        format!("Link: {}", kind.label()),
                        link_command(project, selected, id, kind),
                    );
                    ui.close();
                }
            }
        });
    }
    ui.separator();
    if ui.button("Show in reader").clicked() {
        pctx.state.select_statement(id, statement.article);
        ui.close();
    }
}

/// Assign a statement to a question (and optionally change its kind) in one step.
fn assign(
    project: &crate::model::Project,
    id: StatementId,
    question: Option<QuestionId>,
    kind: Option<Kind>,
) -> Option<Command> {
    ops::edit_statement(project, id, |s| {
        s.question = question;
        if let Some(kind) = kind {
            s.kind = kind;
        }
        s.review = crate::model::Review::Accepted;
    })
}

/// A new link between two statements.
#[must_use]
pub fn link_command(
    project: &crate::model::Project,
    from: StatementId,
    to: StatementId,
    kind: LinkKind,
) -> Command {
    Command::PutLink(crate::model::Link { id: LinkId(project.next_id.max(1)), from, to, kind })
}

/// Where a dragged card would land.
#[derive(Clone, Debug, PartialEq)]
enum DropTarget {
    /// On another card: link.
    Card(StatementId),
    /// In a section, over a column (or its header: no column).
    Section(Section, Option<Column>),
}

fn drop_target(layout: &CompareLayout, pos: Pos2) -> Option<DropTarget> {
    if let Some(card) = layout.card_at(pos) {
        return Some(DropTarget::Card(card));
    }
    let section = layout.section_at(pos.y)?.clone();
    let header = layout
        .sections
        .iter()
        .find(|(s, top, _)| *s == section && pos.y < top + layout::SECTION_HEADER)
        .is_some();
    let column = if header { None } else { layout.column_at(pos.x) };
    Some(DropTarget::Section(section, column))
}

fn handle_drop(ui: &Ui, pctx: &mut PanelCtx<'_>, layout: &CompareLayout, origin: Pos2) {
    let released = ui.input(|i| i.pointer.any_released());
    if !released || !egui::DragAndDrop::has_payload_of_type::<CardDrag>(ui.ctx()) {
        return;
    }
    let Some(pointer) = ui.ctx().pointer_interact_pos() else { return };
    if !ui.clip_rect().contains(pointer) {
        return;
    }
    let Some(payload) = egui::DragAndDrop::take_payload::<CardDrag>(ui.ctx()) else { return };
    let dragged = payload.0;
    let project = pctx.project;
    let Some(statement) = project.statements.get(&dragged) else { return };
    match drop_target(layout, pointer - origin.to_vec2()) {
        Some(DropTarget::Card(target)) if target != dragged => {
            pctx.state.pending_link = Some(PendingLink { from: dragged, to: target });
        }
        Some(DropTarget::Section(section, column)) => {
            let kind = match (&section, column) {
                (Section::Unclassified, _) => Some(Kind::Unclassified),
                (_, Some(Column::Official)) => Some(Kind::Official),
                (_, Some(Column::Unofficial)) => Some(Kind::Unofficial),
                _ => None,
            };
            let question = match section {
                Section::Question(q) => Some(q),
                Section::Unassigned | Section::Unclassified => None,
            };
            let kind_changes = kind.is_some_and(|k| k != statement.kind);
            let question_changes = question != statement.question;
            let label = match (kind_changes, question_changes) {
                (true, true) => "Move card",
                (true, false) => match kind {
                    Some(Kind::Official) => "Mark official",
                    Some(Kind::Unofficial) => "Mark unofficial",
                    _ => "Mark unclassified",
                },
                (false, true) if question.is_some() => "Assign to question",
                (false, true) => "Remove from question",
                (false, false) => return,
            };
            pctx.sender.command_opt(label, assign(project, dragged, question, kind));
        }
        _ => {}
    }
}

fn pending_link_ui(ui: &Ui, pctx: &mut PanelCtx<'_>) {
    let Some(pending) = pctx.state.pending_link else { return };
    let mut close = false;
    egui::Window::new("Link statements")
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, vec2(0.0, 0.0))
        .show(ui.ctx(), |ui| {
            let style = theme::row_style(ui.visuals());
            for id in [pending.from, pending.to] {
                if let Some(s) = pctx.project.statements.get(&id) {
                    ui.set_max_width(380.0);
                    super::widgets::one_line(ui, pctx.text, &s.span.quote, &style);
                }
            }
            ui.label("The first statement…");
            ui.horizontal(|ui| {
                for kind in LinkKind::ALL {
                    if ui.button(kind.label()).clicked() {
                        pctx.sender.command(
                            format!("Link: {}", kind.label()),
                            link_command(pctx.project, pending.from, pending.to, kind),
                        );
                        close = true;
                    }
                }
                if ui.button("Cancel").clicked() {
                    close = true;
                }
            });
        });
    if close {
        pctx.state.pending_link = None;
    }
}
