//! Where every row, header and card of the compare view goes, computed without
//! shaping any text (heights are estimated from character counts), so 5,000
//! statements lay out in a millisecond and only visible cards are ever shaped.

use std::collections::BTreeMap;

use egui::{Rect, pos2};

use crate::model::{Kind, Project, QuestionId, Statement, StatementId};
use crate::query::PreparedFilters;
use crate::ui::theme;

/// Which column an item sits in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    /// Official statements.
    Official,
    /// Unofficial statements.
    Unofficial,
    /// Spans both columns (section headers, unclassified statements).
    Both,
}

/// A section of the compare view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Section {
    /// Statements assigned to a question.
    Question(QuestionId),
    /// Statements not assigned to any question.
    Unassigned,
    /// Statements without a kind.
    Unclassified,
}

/// One thing to draw.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// The header of a section.
    SectionHeader(Section),
    /// An actor's name above its official statements.
    ActorHeader(String),
    /// A statement card.
    Card(StatementId),
    /// A placeholder in an empty column of a question ("drop a statement here").
    Empty(Section),
}

/// An item with its place (relative to the top-left of the content).
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    /// What.
    pub item: Item,
    /// Which column.
    pub column: Column,
    /// Where.
    pub rect: Rect,
}

/// Heights of a card's parts for a given width (all in points).
#[derive(Clone, Copy, Debug)]
pub struct CardMetrics {
    /// One line of the speaker/meta rows.
    pub meta_line: f32,
    /// One line of statement text.
    pub text_line: f32,
    /// Average advance of one character of statement text.
    pub char_width: f32,
}

impl CardMetrics {
    /// Metrics for the theme's card styles.
    #[must_use]
    pub fn new(visuals: &egui::Visuals) -> Self {
        let text = theme::card_text_style(visuals);
        let meta = theme::meta_style(visuals);
        Self {
            meta_line: meta.size_pt * meta.line_height,
            text_line: text.size_pt * text.line_height,
            char_width: text.size_pt * 0.5,
        }
    }

    /// Lines of statement text a card shows.
    #[must_use]
    pub fn text_lines(&self, text: &str, width: f32) -> usize {
        let chars = text.chars().count() as f32;
        let per_line = (width / self.char_width).max(8.0);
        ((chars / per_line).ceil() as usize).clamp(1, theme::CARD_TEXT_LINES)
    }

    /// Lines of translation a card shows.
    #[must_use]
    pub fn translation_lines(&self, text: &str, width: f32) -> usize {
        if text.trim().is_empty() {
            return 0;
        }
        let chars = text.chars().count() as f32;
        let per_line = (width / self.char_width).max(8.0);
        ((chars / per_line).ceil() as usize).clamp(1, 2)
    }

    /// Height of a whole card.
    #[must_use]
    pub fn card_height(&self, statement: &Statement, has_note: bool, width: f32) -> f32 {
        let inner = self.inner_width(width);
        let mut height = 2.0 * theme::CARD_MARGIN;
        height += self.meta_line; // speaker · actor
        height += self.text_lines(&statement.span.quote, inner) as f32 * self.text_line;
        height += self.meta_line; // via · outlet · date
        height += self.translation_lines(&statement.translation, inner) as f32 * self.meta_line;
        if has_note {
            height += self.meta_line;
        }
        height.ceil()
    }

    /// Width available to text inside a card.
    #[must_use]
    pub fn inner_width(&self, card_width: f32) -> f32 {
        (card_width - 2.0 * theme::CARD_MARGIN - theme::CARD_STRIPE).max(20.0)
    }
}

/// Height of a section header.
pub const SECTION_HEADER: f32 = 30.0;
/// Height of an actor header.
pub const ACTOR_HEADER: f32 = 22.0;
/// Height of an empty placeholder.
pub const EMPTY_HEIGHT: f32 = 34.0;
/// Space after a section.
pub const SECTION_GAP: f32 = 14.0;

/// The laid-out compare view.
#[derive(Debug, Default)]
pub struct CompareLayout {
    /// Items sorted by top edge.
    pub items: Vec<Placed>,
    /// Total height of the content.
    pub height: f32,
    /// Total width of the content.
    pub width: f32,
    /// Width of each column.
    pub column_width: f32,
    /// Number of official and unofficial statements shown.
    pub counts: (usize, usize),
    /// Where each card is.
    pub card_index: BTreeMap<StatementId, usize>,
    /// Each section's vertical extent (top, bottom), in order.
    pub sections: Vec<(Section, f32, f32)>,
}

impl CompareLayout {
    /// Items whose rect intersects `viewport` (content coordinates).
    pub fn visible(&self, viewport: Rect) -> impl Iterator<Item = &Placed> {
        // Items are sorted by top; every item is shorter than a screen, so start a
        // little above the viewport to catch tall items overlapping its top edge.
        let start = self.items.partition_point(|p| p.rect.bottom() < viewport.top() - 400.0);
        self.items[start..]
            .iter()
            .take_while(move |p| p.rect.top() <= viewport.bottom())
            .filter(move |p| p.rect.intersects(viewport))
    }

    /// The section at height `y` (content coordinates).
    #[must_use]
    pub fn section_at(&self, y: f32) -> Option<&Section> {
        self.sections
            .iter()
            .find(|(_, top, bottom)| (*top..*bottom).contains(&y))
            .map(|(s, _, _)| s)
    }

    /// The card under `pos` (content coordinates).
    #[must_use]
    pub fn card_at(&self, pos: egui::Pos2) -> Option<StatementId> {
        self.visible(Rect::from_min_max(pos, pos)).find_map(|p| match p.item {
            Item::Card(id) if p.rect.contains(pos) => Some(id),
            _ => None,
        })
    }

    /// The column under `x` (content coordinates); `None` in the gutter.
    #[must_use]
    pub fn column_at(&self, x: f32) -> Option<Column> {
        if x <= self.column_width {
            Some(Column::Official)
        } else if x >= self.width - self.column_width {
            Some(Column::Unofficial)
        } else {
            None
        }
    }

    /// The rect of a card, if shown.
    #[must_use]
    pub fn card_rect(&self, id: StatementId) -> Option<Rect> {
        self.card_index.get(&id).and_then(|&i| self.items.get(i)).map(|p| p.rect)
    }
}

fn column_x(column: Column, width: f32, column_width: f32) -> (f32, f32) {
    match column {
        Column::Official => (0.0, column_width),
        Column::Unofficial => (width - column_width, width),
        Column::Both => (0.0, width),
    }
}

struct Builder {
    metrics: CardMetrics,
    width: f32,
    column_width: f32,
    noted: std::collections::BTreeSet<StatementId>,
    layout: CompareLayout,
    y: f32,
}

impl Builder {
    fn push(&mut self, item: Item, column: Column, top: f32, height: f32) {
        let (x0, x1) = column_x(column, self.width, self.column_width);
        if let Item::Card(id) = item {
            self.layout.card_index.insert(id, self.layout.items.len());
        }
        self.layout.items.push(Placed {
            item,
            column,
            rect: Rect::from_min_max(pos2(x0, top), pos2(x1, top + height)),
        });
    }

    fn card_height(&self, statement: &Statement, column: Column) -> f32 {
        let (x0, x1) = column_x(column, self.width, self.column_width);
        self.metrics.card_height(statement, self.noted.contains(&statement.id), x1 - x0)
    }

    /// Stack cards (official grouped by actor) in one column from `top`; returns the bottom.
    fn stack(
        &mut self,
        column: Column,
        statements: &[&Statement],
        section: &Section,
        top: f32,
    ) -> f32 {
        let mut y = top;
        if statements.is_empty() {
            if matches!(section, Section::Question(_)) {
                self.push(Item::Empty(section.clone()), column, y, EMPTY_HEIGHT);
                y += EMPTY_HEIGHT + theme::CARD_GAP;
            }
            return y;
        }
        let mut last_actor: Option<&str> = None;
        for statement in statements {
            if column == Column::Official {
                let actor = statement.actor.as_deref().unwrap_or("Unknown actor");
                if last_actor != Some(actor) {
                    self.push(Item::ActorHeader(actor.to_owned()), column, y, ACTOR_HEADER);
                    y += ACTOR_HEADER;
                    last_actor = Some(actor);
                }
            }
            let height = self.card_height(statement, column);
            self.push(Item::Card(statement.id), column, y, height);
            y += height + theme::CARD_GAP;
        }
        y
    }

    fn section(&mut self, section: Section, official: &[&Statement], unofficial: &[&Statement]) {
        let top = self.y;
        self.push(Item::SectionHeader(section.clone()), Column::Both, top, SECTION_HEADER);
        let body = top + SECTION_HEADER + 4.0;
        let left = self.stack(Column::Official, official, &section, body);
        // Official cards sit under an actor header: start the unofficial column level
        // with the first official card so the two positions face each other.
        let right_top = if official.is_empty() { body } else { body + ACTOR_HEADER };
        let right = self.stack(Column::Unofficial, unofficial, &section, right_top);
        self.y = left.max(right) + SECTION_GAP;
        self.layout.sections.push((section, top, self.y));
    }

    fn unclassified(&mut self, statements: &[&Statement]) {
        let top = self.y;
        self.push(Item::SectionHeader(Section::Unclassified), Column::Both, top, SECTION_HEADER);
        let mut y = top + SECTION_HEADER + 4.0;
        for statement in statements {
            let height = self.card_height(statement, Column::Both);
            self.push(Item::Card(statement.id), Column::Both, y, height);
            y += height + theme::CARD_GAP;
        }
        self.y = y + SECTION_GAP;
        self.layout.sections.push((Section::Unclassified, top, self.y));
    }
}

fn sort_key(s: &Statement) -> (String, u64, usize) {
    (s.actor.clone().unwrap_or_default(), s.article.0, s.span.range.start)
}

/// Lay out the compare view for `width` points.
#[must_use]
pub fn build(
    project: &Project,
    filters: &PreparedFilters<'_>,
    only: Option<&std::collections::BTreeSet<StatementId>>,
    show_unclassified: bool,
    width: f32,
    metrics: CardMetrics,
) -> CompareLayout {
    let column_width = ((width - theme::GUTTER_WIDTH) / 2.0).max(80.0);
    let mut builder = Builder {
        metrics,
        width,
        column_width,
        noted: project
            .notes
            .values()
            .filter_map(|n| match n.target {
                crate::model::NoteTarget::Statement(s) => Some(s),
                _ => None,
            })
            .collect(),
        layout: CompareLayout { width, column_width, ..CompareLayout::default() },
        y: 0.0,
    };
    let mut by_question: BTreeMap<Option<QuestionId>, (Vec<&Statement>, Vec<&Statement>)> =
        BTreeMap::new();
    let mut unclassified = Vec::new();
    for statement in project.statements.values() {
        if only.is_some_and(|set| !set.contains(&statement.id)) {
            continue;
        }
        let article = project.articles.get(&statement.article);
        if !filters.passes(statement, article) {
            continue;
        }
        let question = statement.question.filter(|q| project.questions.contains_key(q));
        match statement.kind {
            Kind::Official => by_question.entry(question).or_default().0.push(statement),
            Kind::Unofficial => by_question.entry(question).or_default().1.push(statement),
            Kind::Unclassified => unclassified.push(statement),
        }
    }
    for (official, unofficial) in by_question.values_mut() {
        official.sort_by_cached_key(|s| sort_key(s));
        unofficial.sort_by_key(|s| (s.article, s.span.range.start));
        builder.layout.counts.0 += official.len();
        builder.layout.counts.1 += unofficial.len();
    }
    let mut questions: Vec<_> = project.questions.values().collect();
    questions.sort_by_key(|q| (q.order, q.id));
    let empty = (Vec::new(), Vec::new());
    for question in questions {
        let (official, unofficial) = by_question.get(&Some(question.id)).unwrap_or(&empty);
        builder.section(Section::Question(question.id), official, unofficial);
    }
    let (official, unofficial) = by_question.get(&None).unwrap_or(&empty);
    builder.section(Section::Unassigned, official, unofficial);
    if show_unclassified && !unclassified.is_empty() {
        unclassified.sort_by_key(|s| (s.article, s.span.range.start));
        builder.unclassified(&unclassified);
    }
    let mut layout = builder.layout;
    layout.height = builder.y;
    // Items were pushed column by column; sort by top for viewport queries.
    let mut order: Vec<usize> = (0..layout.items.len()).collect();
    order.sort_by(|&a, &b| {
        let (ra, rb) = (layout.items[a].rect, layout.items[b].rect);
        ra.top().total_cmp(&rb.top()).then(ra.left().total_cmp(&rb.left()))
    });
    let items: Vec<Placed> = order.iter().map(|&i| layout.items[i].clone()).collect();
    layout.card_index = items
        .iter()
        .enumerate()
        .filter_map(|(i, p)| match p.item {
            Item::Card(id) => Some((id, i)),
            _ => None,
        })
        .collect();
    layout.items = items;
    layout
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, ArticleId, CharRange, Question, TextSpan};
    use crate::query::Filters;
    use egui::vec2;

    fn project_with(kinds: &[(Kind, Option<u64>)]) -> Project {
        let mut project = Project::default();
        let text = "word ".repeat(200);
        project.articles.insert(
            ArticleId(1),
            Article { id: ArticleId(1), text: text.clone(), ..Article::default() },
        );
        project.questions.insert(
            QuestionId(2),
            Question { id: QuestionId(2), title: "Q".into(), translation: String::new(), order: 0 },
        );
        for (i, (kind, question)) in kinds.iter().enumerate() {
            let id = StatementId(10 + i as u64);
            project.statements.insert(
                id,
                Statement {
                    id,
                    article: ArticleId(1),
                    span: TextSpan::from_text(&text, CharRange::new(i * 5, i * 5 + 4)),
                    kind: *kind,
                    question: question.map(QuestionId),
                    actor: Some(format!("actor {}", i % 2)),
                    ..Statement::default()
                },
            );
        }
        project
    }

    #[test]
    fn question_rows_put_official_left_and_unofficial_right_facing_each_other() {
        let project = project_with(&[
            (Kind::Official, Some(2)),
            (Kind::Unofficial, Some(2)),
            (Kind::Official, None),
            (Kind::Unclassified, None),
        ]);
        let filters = Filters::default();
        let selected = std::collections::BTreeSet::default();
        let prepared = PreparedFilters::new(&filters, &selected);
        let visuals = egui::Visuals::light();
        let layout = build(&project, &prepared, None, false, 800.0, CardMetrics::new(&visuals));
        let left = layout.card_rect(StatementId(10)).unwrap();
        let right = layout.card_rect(StatementId(11)).unwrap();
        assert!(left.right() < right.left(), "official left of unofficial");
        assert!(
            (left.top() - right.top()).abs() < 1.0,
            "both sides of a question start on one line"
        );
        let unassigned = layout.card_rect(StatementId(12)).unwrap();
        assert!(unassigned.top() > left.bottom(), "unassigned statements follow the questions");
        assert!(layout.card_rect(StatementId(13)).is_none(), "unclassified hidden by default");
        assert_eq!(layout.counts, (2, 1));
    }

    #[test]
    fn visible_items_are_only_those_in_the_viewport() {
        let kinds: Vec<_> = (0..2000)
            .map(|i| (if i % 2 == 0 { Kind::Official } else { Kind::Unofficial }, None))
            .collect();
        let project = project_with(&kinds);
        let filters = Filters::default();
        let selected = std::collections::BTreeSet::default();
        let prepared = PreparedFilters::new(&filters, &selected);
        let visuals = egui::Visuals::light();
        let layout = build(&project, &prepared, None, false, 800.0, CardMetrics::new(&visuals));
        let viewport = Rect::from_min_size(pos2(0.0, 5000.0), vec2(800.0, 700.0));
        let visible: Vec<_> = layout.visible(viewport).collect();
        assert!(!visible.is_empty() && visible.len() < 60, "{} visible", visible.len());
        assert!(visible.iter().all(|p| p.rect.intersects(viewport)));
    }
}
