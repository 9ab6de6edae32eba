//! Timeline: statements over time (publication date and time of their article),
//! one row per kind, actor or outlet. Row names and the hovered statement are drawn
//! by the text engine; clicking a point selects the statement everywhere.

use egui::{Pos2, Ui, pos2};
use egui_plot::{GridMark, MarkerShape, Plot, PlotPoint, Points};

use super::PanelCtx;
use super::theme;
use crate::model::{Kind, StatementId};
use crate::query::PreparedFilters;
use crate::text;

/// What the rows of the timeline are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum GroupBy {
    /// Official / unofficial / unclassified.
    #[default]
    Kind,
    /// Whose position it is.
    Actor,
    /// The outlet that published the article.
    Outlet,
}

/// One statement placed on the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelinePoint {
    /// The statement.
    pub statement: StatementId,
    /// Days since 1970-01-01 (UTC), fractional.
    pub x: f64,
    /// Row index (plus a small spread so points of one moment don't hide each other).
    pub y: f64,
    /// Its kind (colour and marker).
    pub kind: Kind,
}

/// What the timeline's data depends on: project revision, filters, selected
/// articles and grouping.
type TimelineKey =
    (u64, crate::query::Filters, std::collections::BTreeSet<crate::model::ArticleId>, GroupBy);

/// The timeline's data, computed again only when what it depends on changed.
#[derive(Debug, Default)]
pub struct TimelineCache(Option<(TimelineKey, std::sync::Arc<TimelineData>)>);

/// Rows and points of the timeline.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TimelineData {
    /// Row names, bottom to top.
    pub rows: Vec<String>,
    /// Points.
    pub points: Vec<TimelinePoint>,
    /// Statements left out because their article has no date.
    pub undated: usize,
}

const SECONDS_PER_DAY: f64 = 86_400.0;

/// Place the statements that pass the filters on the timeline.
#[must_use]
pub fn timeline_data(
    project: &crate::model::Project,
    filters: &PreparedFilters<'_>,
    group: GroupBy,
) -> TimelineData {
    let mut data = TimelineData::default();
    let mut placed = Vec::new();
    for statement in project.statements.values() {
        let article = project.articles.get(&statement.article);
        if !filters.passes(statement, article) {
            continue;
        }
        let Some(time) = article
            .and_then(|a| a.meta.published.as_ref())
            .and_then(crate::model::PubDate::timestamp)
        else {
            data.undated += 1;
            continue;
        };
        let row = match group {
            GroupBy::Kind => kind_title(statement.kind).to_owned(),
            GroupBy::Actor => statement.actor.clone().unwrap_or_else(|| "no actor".to_owned()),
            GroupBy::Outlet => article
                .and_then(|a| a.meta.outlet.clone())
                .unwrap_or_else(|| "unknown outlet".to_owned()),
        };
        placed.push((statement, time.as_second() as f64 / SECONDS_PER_DAY, row));
    }
    let mut rows: Vec<String> = placed.iter().map(|(_, _, r)| r.clone()).collect();
    rows.sort();
    rows.dedup();
    let mut per_slot: std::collections::BTreeMap<(usize, i64), usize> =
        std::collections::BTreeMap::new();
    for (statement, x, row) in placed {
        let index = rows.binary_search(&row).unwrap_or(0);
        // Spread points that share a row and an hour vertically.
        let slot = per_slot.entry((index, (x * 24.0) as i64)).or_insert(0);
        let spread = (*slot % 7) as f64 * 0.08;
        *slot += 1;
        data.points.push(TimelinePoint {
            statement: statement.id,
            x,
            y: index as f64 + spread,
            kind: statement.kind,
        });
    }
    data.rows = rows;
    data
}

/// A kind as the row names show it.
fn kind_title(kind: Kind) -> &'static str {
    match kind {
        Kind::Official => "Official",
        Kind::Unofficial => "Unofficial",
        Kind::Unclassified => "Unclassified",
    }
}

fn format_day(days: f64) -> String {
    let seconds = (days * SECONDS_PER_DAY) as i64;
    jiff::Timestamp::from_second(seconds)
        .map(|t| t.strftime("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// The timeline data for the project and the view's filters and grouping.
fn cached_data(pctx: &mut PanelCtx<'_>) -> std::sync::Arc<TimelineData> {
    let state = &mut *pctx.state;
    let key = (
        pctx.revision,
        state.filters.clone(),
        state.selected_articles.clone(),
        state.timeline_group,
    );
    match &state.timeline.0 {
        Some((built, data)) if *built == key => std::sync::Arc::clone(data),
        _ => {
            let filters = PreparedFilters::new(&state.filters, &state.selected_articles);
            let data = std::sync::Arc::new(timeline_data(pctx.project, &filters, key.3));
            state.timeline.0 = Some((key, std::sync::Arc::clone(&data)));
            data
        }
    }
}

/// The timeline panel.
pub fn timeline_ui(ui: &mut Ui, pctx: &mut PanelCtx<'_>) {
    let dark = ui.visuals().dark_mode;
    ui.horizontal(|ui| {
        ui.label("Rows:");
        let group = &mut pctx.state.timeline_group;
        ui.selectable_value(group, GroupBy::Kind, "Kind");
        ui.selectable_value(group, GroupBy::Actor, "Actor");
        ui.selectable_value(group, GroupBy::Outlet, "Outlet");
    });
    let data = cached_data(pctx);
    if data.undated > 0 {
        ui.weak(format!(
            "{} statement(s) not shown: their article has no publication date.",
            data.undated
        ));
    }
    if data.points.is_empty() {
        ui.label("No dated statements to show. Set publication dates in the article details.");
        return;
    }
    // Row names take the left part of the panel, less of it when the panel is narrow.
    let label_width = (ui.available_width() * 0.3).clamp(90.0, 170.0);
    let rows = data.rows.len();
    // Room around the first and last report, so their markers and dates are not cut.
    let (first, last) = data
        .points
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), p| (lo.min(p.x), hi.max(p.x)));
    let margin = ((last - first) * 0.08).max(0.25);
    let response = Plot::new("timeline")
        .y_axis_formatter(|_, _| String::new())
        .y_axis_min_width(label_width)
        .y_grid_spacer(move |_| {
            (0..rows).map(|i| GridMark { value: i as f64, step_size: 1.0 }).collect()
        })
        .x_axis_formatter(|mark, _| format_day(mark.value))
        .label_formatter(|_| None)
        .include_x(first - margin)
        .include_x(last + margin)
        .include_y(-0.5)
        .include_y(rows as f64 - 0.3)
        .allow_scroll(false)
        .show(ui, |plot| {
            for kind in [Kind::Official, Kind::Unofficial, Kind::Unclassified] {
                let series: Vec<[f64; 2]> =
                    data.points.iter().filter(|p| p.kind == kind).map(|p| [p.x, p.y]).collect();
                if series.is_empty() {
                    continue;
                }
                let shape = match kind {
                    Kind::Official => MarkerShape::Circle,
                    Kind::Unofficial => MarkerShape::Diamond,
                    Kind::Unclassified => MarkerShape::Square,
                };
                plot.points(
                    Points::new(kind.as_str(), series)
                        .shape(shape)
                        .radius(5.0)
                        .filled(true)
                        .color(theme::kind_color(kind, dark)),
                );
            }
        });
    // Row names, drawn by the text engine in the axis margin left of the plot.
    let plot_rect = response.response.rect;
    let style = theme::meta_style(ui.visuals());
    for (index, row) in data.rows.iter().enumerate() {
        let y = response.transform.position_from_point(&PlotPoint::new(0.0, index as f64)).y;
        if y < plot_rect.top() || y > plot_rect.bottom() {
            continue;
        }
        let layout = pctx.text.layout(row, &style, Some(label_width - 12.0), Some(1));
        let pos = pos2(plot_rect.left() - label_width + 4.0, y - layout.size().y / 2.0);
        pctx.text.paint(ui.painter(), pos, &layout);
    }
    let hovered =
        ui.ctx().pointer_hover_pos().filter(|p| plot_rect.contains(*p)).and_then(|pointer| {
            nearest(&data, pointer, |p| {
                response.transform.position_from_point(&PlotPoint::new(p.x, p.y))
            })
        });
    if let Some(id) = hovered
        && let Some(statement) = pctx.project.statements.get(&id)
    {
        let article = pctx.project.articles.get(&statement.article);
        let source = super::compare::card::source_line(statement);
        let origin = super::compare::card::origin_line(statement, article);
        egui::Tooltip::always_open(
            ui.ctx().clone(),
            ui.layer_id(),
            egui::Id::unique("timeline_tip"),
            egui::PopupAnchor::Pointer,
        )
        .show(|ui| {
            ui.set_max_width(380.0);
            let meta = theme::meta_style(ui.visuals());
            text::label(ui, pctx.text, &source, &meta);
            text::label(
                ui,
                pctx.text,
                &statement.span.quote,
                &theme::card_text_style(ui.visuals()),
            );
            text::label(ui, pctx.text, &origin, &meta);
        });
        if response.response.clicked() {
            pctx.state.select_statement(id, statement.article);
        }
    }
}

/// The statement whose point is nearest to `pointer`, within 10 points.
fn nearest(
    data: &TimelineData,
    pointer: Pos2,
    to_screen: impl Fn(&TimelinePoint) -> Pos2,
) -> Option<StatementId> {
    data.points
        .iter()
        .map(|p| (p.statement, to_screen(p).distance(pointer)))
        .filter(|(_, d)| *d <= 10.0)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(id, _)| id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::Filters;

    #[test]
    fn points_sit_at_their_article_time_in_their_row() {
        let project = crate::synthetic::project(4, 40);
        let filters = Filters {
            kinds: [Kind::Official, Kind::Unofficial, Kind::Unclassified].into(),
            ..Filters::default()
        };
        let selected = std::collections::BTreeSet::new();
        let prepared = PreparedFilters::new(&filters, &selected);
        let data = timeline_data(&project, &prepared, GroupBy::Kind);
        assert_eq!(data.points.len() + data.undated, 40);
        assert_eq!(data.rows, vec!["Official", "Unclassified", "Unofficial"]);
        for point in &data.points {
            let statement = &project.statements[&point.statement];
            let article = &project.articles[&statement.article];
            let expected = article.meta.published.as_ref().unwrap().timestamp().unwrap().as_second()
                as f64
                / SECONDS_PER_DAY;
            assert!((point.x - expected).abs() < 1e-9);
            assert_eq!(data.rows[point.y.floor() as usize], kind_title(statement.kind));
        }
        let by_outlet = timeline_data(&project, &prepared, GroupBy::Outlet);
        assert!(by_outlet.rows.iter().any(|r| r == "الجزيرة نت"));
    }

    #[test]
    fn nearest_point_is_found_only_close_by() {
        let data = TimelineData {
            rows: vec!["a".into()],
            points: vec![
                TimelinePoint { statement: StatementId(1), x: 0.0, y: 0.0, kind: Kind::Official },
                TimelinePoint { statement: StatementId(2), x: 10.0, y: 0.0, kind: Kind::Official },
            ],
            undated: 0,
        };
        let screen = |p: &TimelinePoint| pos2(p.x as f32 * 10.0, 50.0);
        assert_eq!(nearest(&data, pos2(96.0, 52.0), screen), Some(StatementId(2)));
        assert_eq!(nearest(&data, pos2(50.0, 50.0), screen), None);
    }
}
