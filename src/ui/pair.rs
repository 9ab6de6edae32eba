//! Compare two articles: two read-only texts side by side, their matching claims
//! highlighted and connected by curved bands across the gutter like a diff
//! viewer's, each text scrolling on its own with the bands following. Diverging
//! matches (negation, numbers, dates, speaker, actor) are coloured differently;
//! clicking a highlight or a band selects the statements everywhere.
//!
//! The two articles are the library's selection when it holds exactly two, else
//! the ones picked at the top of the view.

pub mod doc;

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use egui::{Id, Pos2, Rect, Sense, Ui, UiBuilder, vec2};

use super::PanelCtx;
use super::compare::bands::{self, RibbonEnd};
use super::{theme, widgets};
use crate::compare::{Clusters, DivergenceKind};
use crate::model::{Article, ArticleId, Project, StatementId};
use doc::DocGeometry;

/// Characters of a statement quoted in a band's accessible label.
const LABEL_QUOTE_CHARS: usize = 60;
/// Height of the article header above each text.
const HEADER_HEIGHT: f32 = 46.0;

/// Left or right text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The left text.
    Left,
    /// The right text.
    Right,
}

impl Side {
    fn index(self) -> usize {
        match self {
            Side::Left => 0,
            Side::Right => 1,
        }
    }

    fn other(self) -> Side {
        match self {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
        }
    }
}

/// A claim reported in both articles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PairMatch {
    /// The statement in the left article.
    pub left: StatementId,
    /// The statement in the right article.
    pub right: StatementId,
    /// How the two reports diverge, if they do.
    pub divergences: Vec<DivergenceKind>,
}

impl PairMatch {
    /// True when the two reports disagree somehow.
    #[must_use]
    pub fn is_divergent(&self) -> bool {
        !self.divergences.is_empty()
    }
}

/// The matching claims of `left` and `right`, in the left article's order.
#[must_use]
pub fn pair_matches(
    clusters: &Clusters,
    project: &Project,
    left: ArticleId,
    right: ArticleId,
) -> Vec<PairMatch> {
    clusters
        .matches_between(project, left, right)
        .into_iter()
        .map(|(l, r, cluster)| {
            let pair = (l.min(r), l.max(r));
            let mut divergences: Vec<DivergenceKind> = clusters
                .get(cluster)
                .map(|c| {
                    c.divergences.iter().filter(|d| d.statements == pair).map(|d| d.kind).collect()
                })
                .unwrap_or_default();
            divergences.dedup();
            PairMatch { left: l, right: r, divergences }
        })
        .collect()
}

/// View state of the two-article comparison.
#[derive(Debug, Default)]
pub struct PairState {
    /// The article on the left.
    pub left: Option<ArticleId>,
    /// The article on the right.
    pub right: Option<ArticleId>,
    /// The library selection last taken over.
    synced: BTreeSet<ArticleId>,
    /// The band clicked last.
    pub selected_match: Option<(StatementId, StatementId)>,
    /// One-shot: bring these statements into view on each side.
    scroll_to: [Option<StatementId>; 2],
    docs: [Option<Arc<DocGeometry>>; 2],
    /// The matches shown and what they were computed from.
    matches: Option<(MatchesKey, Arc<[PairMatch]>)>,
}

/// What the matches of two articles depend on: the project revision, the clusters
/// (by identity: they may lag a revision behind) and the two articles.
type MatchesKey = (u64, usize, ArticleId, ArticleId);

impl PairState {
    /// The matches between `left` and `right`, computed again only when the project,
    /// the clusters or the articles changed.
    fn matches(
        &mut self,
        clusters: &Arc<Clusters>,
        project: &Project,
        revision: u64,
        (left, right): (ArticleId, ArticleId),
    ) -> Arc<[PairMatch]> {
        let key = (revision, Arc::as_ptr(clusters) as usize, left, right);
        match &self.matches {
            Some((built, matches)) if *built == key => Arc::clone(matches),
            _ => {
                let matches: Arc<[PairMatch]> = pair_matches(clusters, project, left, right).into();
                self.matches = Some((key, Arc::clone(&matches)));
                matches
            }
        }
    }

    /// Take over the library selection when it is two articles, and fill in
    /// missing sides with the project's first articles.
    pub fn choose_articles(&mut self, project: &Project, selection: &BTreeSet<ArticleId>) {
        if selection.len() == 2 && *selection != self.synced {
            let mut two = selection.iter().copied();
            self.left = two.next();
            self.right = two.next();
            self.synced.clone_from(selection);
        }
        let exists = |id: Option<ArticleId>| id.filter(|a| project.articles.contains_key(a));
        self.left = exists(self.left);
        self.right = exists(self.right);
        let (left, right) = (self.left, self.right);
        let mut spare =
            project.articles.keys().copied().filter(|&a| Some(a) != left && Some(a) != right);
        if self.left.is_none() {
            self.left = spare.next();
        }
        if self.right.is_none() {
            self.right = spare.next();
        }
    }
}

/// A short quote for labels.
fn short(text: &str) -> String {
    let mut out: String = text.chars().take(LABEL_QUOTE_CHARS).collect();
    if text.chars().count() > LABEL_QUOTE_CHARS {
        out.push('…');
    }
    out
}

/// The accessible label of a band.
#[must_use]
pub fn band_label(project: &Project, m: &PairMatch) -> String {
    let quote = |id| project.statements.get(&id).map(|s| short(&s.span.quote)).unwrap_or_default();
    if m.is_divergent() {
        let kinds: Vec<&str> = m.divergences.iter().map(|k| k.label()).collect();
        format!("Diverging claim ({}): {} ↔ {}", kinds.join(", "), quote(m.left), quote(m.right))
    } else {
        format!("Matching claim: {} ↔ {}", quote(m.left), quote(m.right))
    }
}

/// The two-article panel.
pub fn pair_ui(ui: &mut Ui, pctx: &mut PanelCtx<'_>) {
    let project = pctx.project;
    pctx.state.pair.choose_articles(project, &pctx.state.selected_articles);
    let (Some(left), Some(right)) = (pctx.state.pair.left, pctx.state.pair.right) else {
        ui.label("Open at least two articles to compare them side by side.");
        return;
    };
    let clusters = pctx.state.claims.clusters(ui.ctx(), project, pctx.revision);
    let matches = clusters.as_ref().map_or_else(
        || Arc::from(Vec::new()),
        |c| pctx.state.pair.matches(c, project, pctx.revision, (left, right)),
    );
    header_ui(ui, pctx, &matches, clusters.is_none());
    let (Some(left_article), Some(right_article)) =
        (project.articles.get(&left), project.articles.get(&right))
    else {
        return;
    };
    reveal_selected(pctx, &matches, left, right);
    let area = ui.available_rect_before_wrap().intersect(ui.clip_rect());
    let column = ((area.width() - theme::PAIR_GUTTER_WIDTH) / 2.0).max(120.0);
    let left_rect = Rect::from_min_size(area.min, vec2(column, area.height()));
    let right_rect = Rect::from_min_size(
        area.min + vec2(column + theme::PAIR_GUTTER_WIDTH, 0.0),
        vec2(column, area.height()),
    );
    let left_view = side_ui(ui, pctx, Side::Left, left_article, left_rect, &matches);
    let right_view = side_ui(ui, pctx, Side::Right, right_article, right_rect, &matches);
    ui.allocate_rect(area, Sense::hover());
    bands_ui(ui, pctx, &matches, &left_view, &right_view);
}

fn header_ui(ui: &mut Ui, pctx: &mut PanelCtx<'_>, matches: &[PairMatch], computing: bool) {
    ui.horizontal_wrapped(|ui| {
        for (side, label) in [(Side::Left, "Left article"), (Side::Right, "Right article")] {
            let current = match side {
                Side::Left => pctx.state.pair.left,
                Side::Right => pctx.state.pair.right,
            };
            if let Some(chosen) = article_picker_ui(ui, pctx, label, current) {
                match side {
                    Side::Left => pctx.state.pair.left = Some(chosen),
                    Side::Right => pctx.state.pair.right = Some(chosen),
                }
            }
        }
        if ui.button("Swap").on_hover_text("Swap the two articles").clicked() {
            let pair = &mut pctx.state.pair;
            std::mem::swap(&mut pair.left, &mut pair.right);
        }
        ui.separator();
        if computing {
            ui.spinner();
            ui.label("Finding matching claims…");
        } else {
            let diverging = matches.iter().filter(|m| m.is_divergent()).count();
            let dark = ui.visuals().dark_mode;
            ui.label(
                egui::RichText::new(format!(
                    "{} matching claim{}",
                    matches.len(),
                    if matches.len() == 1 { "" } else { "s" }
                ))
                .color(theme::match_color(false, dark)),
            );
            ui.label(
                egui::RichText::new(format!("{diverging} diverging"))
                    .color(theme::match_color(true, dark)),
            );
            if pctx.state.claims.is_updating() {
                ui.spinner();
                ui.weak("updating…");
            }
        }
    });
}

/// A button showing an article's title (text engine) that opens a list of articles.
fn article_picker_ui(
    ui: &mut Ui,
    pctx: &mut PanelCtx<'_>,
    label: &str,
    current: Option<ArticleId>,
) -> Option<ArticleId> {
    let title_of = |a: &Article| {
        let title = super::library::display_title(a);
        match a.meta.outlet.as_deref() {
            Some(outlet) => format!("{title} — {outlet}"),
            None => title.to_owned(),
        }
    };
    let shown =
        current.and_then(|id| pctx.project.articles.get(&id)).map(title_of).unwrap_or_default();
    let style = theme::row_style(ui.visuals());
    let button = egui::Frame::new()
        .stroke(ui.visuals().widgets.inactive.bg_stroke)
        .corner_radius(3.0)
        .inner_margin(egui::Margin::symmetric(6, 2))
        .show(ui, |ui| {
            ui.set_width(200.0);
            widgets::one_line(ui, pctx.text, &shown, &style)
        });
    let id = Id::unique(("pair_picker", label));
    let response = ui.interact(button.response.rect, id, Sense::click()).on_hover_text(label);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, label));
    let mut chosen = None;
    egui::Popup::menu(&response).id(id.with("popup")).show(|ui| {
        ui.set_min_width(300.0);
        egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
            for article in pctx.project.articles.values() {
                let selected = current == Some(article.id);
                if widgets::selectable_row(ui, pctx.text, &title_of(article), &style, selected)
                    .clicked()
                {
                    chosen = Some(article.id);
                    ui.close();
                }
            }
        });
    });
    chosen
}

/// Bring the selected statement, and what it matches on the other side, into view.
fn reveal_selected(
    pctx: &mut PanelCtx<'_>,
    matches: &[PairMatch],
    left: ArticleId,
    right: ArticleId,
) {
    if !pctx.state.reveal_selected {
        return;
    }
    let Some(id) = pctx.state.selected_statement else { return };
    let Some(article) = pctx.project.statements.get(&id).map(|s| s.article) else { return };
    let pair = &mut pctx.state.pair;
    if article == left {
        pair.scroll_to[0] = Some(id);
        pair.scroll_to[1] = matches.iter().find(|m| m.left == id).map(|m| m.right);
    } else if article == right {
        pair.scroll_to[1] = Some(id);
        pair.scroll_to[0] = matches.iter().find(|m| m.right == id).map(|m| m.left);
    } else {
        return;
    }
    pctx.state.reveal_selected = false;
}

/// Where one side's text ended up on screen this frame.
struct SideView {
    geometry: Arc<DocGeometry>,
    /// Screen position of content point (0, 0).
    origin: Pos2,
    /// The visible part of the text, on screen.
    view: Rect,
}

/// How a statement is shown on one side.
#[derive(Clone, Copy)]
struct Mark {
    matched: bool,
    divergent: bool,
    partner: Option<StatementId>,
}

fn marks(matches: &[PairMatch], side: Side) -> HashMap<StatementId, Mark> {
    let mut out: HashMap<StatementId, Mark> = HashMap::new();
    for m in matches {
        let (mine, theirs) = match side {
            Side::Left => (m.left, m.right),
            Side::Right => (m.right, m.left),
        };
        let mark = out.entry(mine).or_insert(Mark {
            matched: true,
            divergent: false,
            partner: Some(theirs),
        });
        mark.divergent |= m.is_divergent();
    }
    out
}

fn side_ui(
    ui: &mut Ui,
    pctx: &mut PanelCtx<'_>,
    side: Side,
    article: &Article,
    rect: Rect,
    matches: &[PairMatch],
) -> SideView {
    let mut child =
        ui.new_child(UiBuilder::new().max_rect(rect).id_salt(("pair_side", side.index())));
    let ui = &mut child;
    let header = Rect::from_min_size(rect.min, vec2(rect.width(), HEADER_HEIGHT));
    ui.scope_builder(UiBuilder::new().max_rect(header), |ui| {
        let title = super::library::display_title(article);
        widgets::one_line(ui, pctx.text, title, &theme::title_style(ui.visuals()));
        widgets::one_line(
            ui,
            pctx.text,
            &super::library::article_meta_line(article),
            &theme::meta_style(ui.visuals()),
        );
    });
    let body = Rect::from_min_max(rect.min + vec2(0.0, HEADER_HEIGHT + 4.0), rect.max);
    let mut body_ui = ui.new_child(UiBuilder::new().max_rect(body));
    let width = (body.width() - 16.0).max(60.0);
    let dark = body_ui.visuals().dark_mode;
    let geometry = match &pctx.state.pair.docs[side.index()] {
        Some(g) if g.fits(article.id, pctx.revision, width, dark) => Arc::clone(g),
        _ => {
            let built = Arc::new(DocGeometry::build(
                pctx.text,
                pctx.project,
                article,
                pctx.revision,
                width,
                body_ui.visuals(),
            ));
            pctx.state.pair.docs[side.index()] = Some(Arc::clone(&built));
            built
        }
    };
    let marks = marks(matches, side);
    let scroll_target = pctx.state.pair.scroll_to[side.index()].take();
    let output = egui::ScrollArea::vertical()
        .id_salt(("pair_text", side.index()))
        .auto_shrink([false, false])
        .show_viewport(&mut body_ui, |ui, viewport| {
            ui.set_height(geometry.height.max(viewport.height()));
            ui.set_width(width);
            let origin = ui.max_rect().min;
            let range = geometry.visible(viewport.top(), viewport.bottom());
            let content_top = viewport.top();
            let content_bottom = viewport.bottom();
            highlights_ui(ui, pctx, side, &geometry, &marks, origin, (content_top, content_bottom));
            geometry.paint(pctx.text, ui.painter(), origin, range.clone());
            for index in range {
                if let Some(rect) = geometry.paragraph_rect(index, origin)
                    && let Some(p) = article.paragraphs.get(index)
                {
                    let r = ui.interact(
                        rect,
                        Id::unique(("pair_paragraph", side.index(), index)),
                        Sense::hover(),
                    );
                    let text = article.slice(p.range);
                    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
                }
            }
            if let Some(id) = scroll_target
                && let Some((top, bottom)) = geometry.extent(id)
            {
                let target =
                    Rect::from_min_max(origin + vec2(0.0, top), origin + vec2(width, bottom));
                ui.scroll_to_rect(target, Some(egui::Align::Center));
            }
            origin
        });
    SideView { geometry, origin: output.inner, view: output.inner_rect }
}

fn highlights_ui(
    ui: &mut Ui,
    pctx: &mut PanelCtx<'_>,
    side: Side,
    geometry: &DocGeometry,
    marks: &HashMap<StatementId, Mark>,
    origin: Pos2,
    (top, bottom): (f32, f32),
) {
    let dark = ui.visuals().dark_mode;
    let mut ids: Vec<StatementId> = geometry.statements().collect();
    ids.sort_unstable();
    for id in ids {
        let Some((first, last)) = geometry.extent(id) else { continue };
        if last < top || first > bottom {
            continue;
        }
        let Some(statement) = pctx.project.statements.get(&id) else { continue };
        let mark = marks.get(&id).copied();
        let selected = pctx.state.selected_statement == Some(id)
            || pctx.state.pair.selected_match.is_some_and(|(l, r)| l == id || r == id);
        let fill = match mark {
            Some(m) if m.matched => theme::match_fill(m.divergent, dark, selected),
            _ => theme::unmatched_fill(statement.kind, dark),
        };
        let what = match mark {
            Some(m) if m.divergent => "Diverging claim",
            Some(_) => "Matching claim",
            None => "Statement",
        };
        for (k, span) in geometry.spans(id).iter().enumerate() {
            let rect = span.translate(origin.to_vec2());
            ui.painter().rect_filled(rect, 2.0, fill);
            if selected {
                ui.painter().rect_stroke(
                    rect.expand(1.0),
                    2.0,
                    egui::Stroke::new(1.5, theme::selection_color(dark)),
                    egui::StrokeKind::Outside,
                );
            }
            let response = ui.interact(
                rect,
                Id::unique(("pair_highlight", side.index(), id, k)),
                Sense::click(),
            );
            // Every line of a statement is clickable; the first carries its words. The
            // label is built only when accessibility asks for it.
            response.widget_info(|| {
                let quote = &statement.span.quote;
                let label = if k == 0 {
                    format!("{what}: {quote}")
                } else {
                    format!("{what}: {quote} (line {})", k + 1)
                };
                egui::WidgetInfo::selected(egui::Role::Button, true, selected, label)
            });
            if response.clicked() {
                pctx.state.select_statement(id, statement.article);
                pctx.state.pair.selected_match = mark.and_then(|m| m.partner).map(|p| match side {
                    Side::Left => (id, p),
                    Side::Right => (p, id),
                });
                if let Some(partner) = mark.and_then(|m| m.partner) {
                    pctx.state.pair.scroll_to[side.other().index()] = Some(partner);
                }
            }
        }
    }
}

/// One end of a band: the statement's extent on screen, squeezed to the edge of
/// the view when it is scrolled out of sight. `None` when nothing of it is known.
fn band_end(side: &SideView, id: StatementId, x: f32) -> Option<(RibbonEnd, i8)> {
    let (top, bottom) = side.geometry.extent(id)?;
    let (top, bottom) = (side.origin.y + top, side.origin.y + bottom);
    let view = side.view;
    let (top, bottom, place) = if bottom < view.top() {
        (view.top(), view.top() + 3.0, -1)
    } else if top > view.bottom() {
        (view.bottom() - 3.0, view.bottom(), 1)
    } else {
        (top.max(view.top()), bottom.min(view.bottom()), 0)
    };
    Some((RibbonEnd { x, top, bottom }, place))
}

fn bands_ui(
    ui: &mut Ui,
    pctx: &mut PanelCtx<'_>,
    matches: &[PairMatch],
    left: &SideView,
    right: &SideView,
) {
    let dark = ui.visuals().dark_mode;
    let gutter = Rect::from_min_max(
        egui::pos2(left.view.right(), left.view.top().min(right.view.top())),
        egui::pos2(right.view.left(), left.view.bottom().max(right.view.bottom())),
    );
    let painter = ui.painter().with_clip_rect(gutter);
    for m in matches {
        let Some((l, l_place)) = band_end(left, m.left, gutter.left()) else { continue };
        let Some((r, r_place)) = band_end(right, m.right, gutter.right()) else { continue };
        if l_place != 0 && l_place == r_place {
            continue; // Both ends out of sight on the same side.
        }
        let selected = pctx.state.pair.selected_match == Some((m.left, m.right))
            || pctx.state.selected_statement.is_some_and(|s| s == m.left || s == m.right);
        let divergent = m.is_divergent();
        let edge = egui::Stroke::new(
            if selected { 1.5 } else { 1.0 },
            theme::match_color(divergent, dark),
        );
        bands::paint_ribbon(&painter, l, r, theme::match_fill(divergent, dark, selected), edge);
        let mid = bands::ribbon_midpoint(l, r);
        if !gutter.contains(mid) {
            continue;
        }
        let hit = Rect::from_center_size(mid, vec2(gutter.width() * 0.5, 14.0));
        let response = ui.interact(hit, Id::unique(("pair_band", m.left, m.right)), Sense::click());
        response.widget_info(|| {
            egui::WidgetInfo::selected(
                egui::Role::Button,
                true,
                selected,
                band_label(pctx.project, m),
            )
        });
        let response = response.on_hover_text(if divergent {
            "These reports of one claim diverge; click to select both"
        } else {
            "The same claim in both articles; click to select both"
        });
        if response.clicked() {
            pctx.state.pair.selected_match = Some((m.left, m.right));
            if let Some(article) = pctx.project.statements.get(&m.left).map(|s| s.article) {
                pctx.state.select_statement(m.left, article);
            }
            pctx.state.pair.scroll_to = [Some(m.left), Some(m.right)];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::clusters;
    use crate::model::{CharRange, Kind, Statement, TextSpan};

    fn add(project: &mut Project, text: &str) -> (ArticleId, StatementId) {
        let article = ArticleId(project.alloc_id());
        project
            .articles
            .insert(article, Article { id: article, text: text.to_owned(), ..Article::default() });
        let id = StatementId(project.alloc_id());
        let span = TextSpan::from_text(text, CharRange::new(0, text.chars().count()));
        project.statements.insert(
            id,
            Statement { id, article, span, kind: Kind::Official, ..Statement::default() },
        );
        (article, id)
    }

    #[test]
    fn matches_carry_their_divergences() {
        let mut project = Project::default();
        let (a, sa) =
            add(&mut project, "At least 134 people were killed in the Qalat Nur earthquake.");
        let (b, sb) =
            add(&mut project, "At least 143 people were killed in the Qalat Nur earthquake.");
        let (c, _) =
            add(&mut project, "The central bank raised interest rates by 50 basis points.");
        let all = clusters(&project);
        let found = pair_matches(&all, &project, a, b);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].left, found[0].right), (sa, sb));
        assert_eq!(found[0].divergences, [DivergenceKind::Number]);
        assert!(
            band_label(&project, &found[0])
                .starts_with("Diverging claim (different numbers): At least 134")
        );
        assert!(pair_matches(&all, &project, a, c).is_empty());
        let reversed = pair_matches(&all, &project, b, a);
        assert_eq!((reversed[0].left, reversed[0].right), (sb, sa));
    }

    #[test]
    fn the_library_selection_of_two_articles_is_taken_over_once() {
        let mut project = Project::default();
        let ids: Vec<ArticleId> =
            (0..3).map(|i| add(&mut project, &format!("Text {i}")).0).collect();
        let mut state = PairState::default();
        state.choose_articles(&project, &BTreeSet::new());
        assert_eq!((state.left, state.right), (Some(ids[0]), Some(ids[1])));
        let selection: BTreeSet<ArticleId> = [ids[1], ids[2]].into();
        state.choose_articles(&project, &selection);
        assert_eq!((state.left, state.right), (Some(ids[1]), Some(ids[2])));
        // Swapping by hand sticks while the selection stays the same.
        std::mem::swap(&mut state.left, &mut state.right);
        state.choose_articles(&project, &selection);
        assert_eq!((state.left, state.right), (Some(ids[2]), Some(ids[1])));
        project.articles.remove(&ids[2]);
        state.choose_articles(&project, &selection);
        assert_eq!((state.left, state.right), (Some(ids[0]), Some(ids[1])));
    }

    #[test]
    fn a_band_end_out_of_sight_is_squeezed_to_the_edge() {
        let (project, article) = doc::three_paragraphs_for_test();
        let geometry = Arc::new(doc::geometry_for_test(&project, &article, 300.0));
        let (top, bottom) = geometry.extent(StatementId(2)).unwrap();
        let view = Rect::from_min_max(egui::pos2(0.0, 100.0), egui::pos2(300.0, 400.0));
        let at =
            |y: f32| SideView { geometry: Arc::clone(&geometry), origin: egui::pos2(0.0, y), view };
        let (end, place) = band_end(&at(100.0), StatementId(2), 300.0).unwrap();
        assert_eq!(place, 0);
        assert!(
            (end.top - (100.0 + top)).abs() < 0.01 && (end.bottom - (100.0 + bottom)).abs() < 0.01
        );
        let (end, place) = band_end(&at(-500.0), StatementId(2), 300.0).unwrap();
        assert_eq!((place, end.top), (-1, 100.0));
        let (end, place) = band_end(&at(900.0), StatementId(2), 300.0).unwrap();
        assert_eq!((place, end.bottom), (1, 400.0));
        assert!(band_end(&at(100.0), StatementId(9), 300.0).is_none());
    }
}
