//! Links drawn between the columns as curved bands, like a diff viewer's
//! connectors, coloured by type and following scrolling; [`paint_ribbon`] draws the
//! same kind of connector between spans of two texts (compare two articles).

use egui::{Color32, Mesh, Painter, Pos2, Rect, Shape, Stroke, pos2};

use super::layout::{Column, CompareLayout};
use crate::model::{Link, Project, StatementId};
use crate::ui::theme;

/// Half-height of a band where it meets a card.
const BAND_HALF: f32 = 7.0;
/// Vertical offset between bands leaving the same card.
const BAND_STEP: f32 = 5.0;
/// Points sampled along each curve.
const SAMPLES: usize = 20;

fn column_of(layout: &CompareLayout, id: StatementId) -> Option<(Column, Rect)> {
    let placed = layout.card_index.get(&id).and_then(|&i| layout.items.get(i))?;
    Some((placed.column, placed.rect))
}

#[allow(clippy::many_single_char_names)] // the textbook Bernstein form
fn cubic(p0: Pos2, p1: Pos2, p2: Pos2, p3: Pos2, t: f32) -> Pos2 {
    let u = 1.0 - t;
    let a = u * u * u;
    let b = 3.0 * u * u * t;
    let c = 3.0 * u * t * t;
    let d = t * t * t;
    pos2(a * p0.x + b * p1.x + c * p2.x + d * p3.x, a * p0.y + b * p1.y + c * p2.y + d * p3.y)
}

/// One end of a band: x, and the vertical centre (clamped to the visible area).
#[derive(Clone, Copy, Debug)]
struct End {
    x: f32,
    y: f32,
}

/// Control points of a band's centre line between two ends.
fn centre_curve(a: End, b: End, bulge: f32) -> [Pos2; 4] {
    let p0 = pos2(a.x, a.y);
    let p3 = pos2(b.x, b.y);
    if (a.x - b.x).abs() < 1.0 {
        // Same column: loop out into the gutter and back.
        [p0, pos2(a.x + bulge, a.y), pos2(b.x + bulge, b.y), p3]
    } else {
        let dx = (b.x - a.x) * 0.5;
        [p0, pos2(a.x + dx, a.y), pos2(b.x - dx, b.y), p3]
    }
}

/// Geometry of one band in screen coordinates, or `None` if it can't be seen.
fn band_points(
    layout: &CompareLayout,
    link: &Link,
    origin: Pos2,
    visible: Rect,
    offsets: (f32, f32),
) -> Option<[Pos2; 4]> {
    let (col_a, rect_a) = column_of(layout, link.from)?;
    let (col_b, rect_b) = column_of(layout, link.to)?;
    let (rect_a, rect_b) = (rect_a.translate(origin.to_vec2()), rect_b.translate(origin.to_vec2()));
    if (rect_a.bottom() < visible.top() && rect_b.bottom() < visible.top())
        || (rect_a.top() > visible.bottom() && rect_b.top() > visible.bottom())
    {
        return None;
    }
    let clamp_y = |r: Rect, offset: f32| {
        (r.center().y + offset).clamp(visible.top() + BAND_HALF, visible.bottom() - BAND_HALF)
    };
    let gutter = theme::GUTTER_WIDTH;
    let end = |col: Column, r: Rect, offset: f32| -> Option<End> {
        let x = match col {
            Column::Official => r.right(),
            Column::Unofficial => r.left(),
            Column::Both => return None,
        };
        Some(End { x, y: clamp_y(r, offset) })
    };
    let a = end(col_a, rect_a, offsets.0)?;
    let b = end(col_b, rect_b, offsets.1)?;
    let bulge = match col_a {
        Column::Official => gutter * 0.45,
        _ => -gutter * 0.45,
    };
    // Always draw left to right for a stable shape.
    Some(if a.x <= b.x { centre_curve(a, b, bulge) } else { centre_curve(b, a, bulge) })
}

fn paint_band(painter: &Painter, curve: [Pos2; 4], fill: Color32, edge: Stroke) {
    paint_tapered(painter, curve, (BAND_HALF, BAND_HALF), fill, edge);
}

/// Paint a band along `curve` whose half-height runs from `half.0` to `half.1`.
fn paint_tapered(
    painter: &Painter,
    curve: [Pos2; 4],
    half: (f32, f32),
    fill: Color32,
    edge: Stroke,
) {
    let [p0, p1, p2, p3] = curve;
    let mut mesh = Mesh::default();
    let mut top = Vec::with_capacity(SAMPLES + 1);
    let mut bottom = Vec::with_capacity(SAMPLES + 1);
    for i in 0..=SAMPLES {
        let t = i as f32 / SAMPLES as f32;
        let c = cubic(p0, p1, p2, p3, t);
        // Smoothstep, so the band leaves each end level with it.
        let s = t * t * (3.0 - 2.0 * t);
        let h = half.0 + (half.1 - half.0) * s;
        top.push(pos2(c.x, c.y - h));
        bottom.push(pos2(c.x, c.y + h));
    }
    for (i, (t, b)) in top.iter().zip(&bottom).enumerate() {
        mesh.colored_vertex(*t, fill);
        mesh.colored_vertex(*b, fill);
        if i > 0 {
            let base = (2 * i) as u32;
            mesh.add_triangle(base - 2, base - 1, base);
            mesh.add_triangle(base - 1, base + 1, base);
        }
    }
    painter.add(Shape::mesh(mesh));
    painter.add(Shape::line(top, edge));
    painter.add(Shape::line(bottom, edge));
}

/// One end of a [`paint_ribbon`]: the x where it meets its text and the vertical
/// extent it covers there (screen points).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RibbonEnd {
    /// Where the ribbon meets the text.
    pub x: f32,
    /// Top of the covered text.
    pub top: f32,
    /// Bottom of the covered text.
    pub bottom: f32,
}

impl RibbonEnd {
    fn centre(self) -> End {
        End { x: self.x, y: f32::midpoint(self.top, self.bottom) }
    }

    fn half(self) -> f32 {
        ((self.bottom - self.top) / 2.0).max(1.0)
    }
}

/// The middle of the ribbon from `left` to `right` (for hit-testing and labels).
#[must_use]
pub fn ribbon_midpoint(left: RibbonEnd, right: RibbonEnd) -> Pos2 {
    let [p0, p1, p2, p3] = centre_curve(left.centre(), right.centre(), 0.0);
    cubic(p0, p1, p2, p3, 0.5)
}

/// Paint a diff-viewer connector from a span of text on the left to one on the
/// right: as tall as each span where it meets it, curving between them.
pub fn paint_ribbon(
    painter: &Painter,
    left: RibbonEnd,
    right: RibbonEnd,
    fill: Color32,
    edge: Stroke,
) {
    let curve = centre_curve(left.centre(), right.centre(), 0.0);
    paint_tapered(painter, curve, (left.half(), right.half()), fill, edge);
}

/// Paint every link whose cards are laid out, clipped to `visible` (screen space).
pub fn paint_links(
    painter: &Painter,
    project: &Project,
    layout: &CompareLayout,
    origin: Pos2,
    visible: Rect,
    selected: Option<StatementId>,
    dark: bool,
) {
    // Spread several bands leaving one card so they stay distinguishable.
    let mut seen: std::collections::BTreeMap<StatementId, usize> =
        std::collections::BTreeMap::new();
    let mut offset_for = |id: StatementId| {
        let n = seen.entry(id).or_insert(0);
        let k = *n as f32;
        *n += 1;
        // 0, +step, -step, +2step …
        let sign = if (*n).is_multiple_of(2) { 1.0 } else { -1.0 };
        sign * f32::midpoint(k, 1.0).floor() * BAND_STEP * 2.0
    };
    let painter = painter.with_clip_rect(visible);
    for link in project.links.values() {
        let offsets = (offset_for(link.from), offset_for(link.to));
        let Some(curve) = band_points(layout, link, origin, visible, offsets) else { continue };
        let emphasised = selected.is_some_and(|s| s == link.from || s == link.to);
        let fill = theme::link_band_fill(link.kind, dark, emphasised);
        let edge =
            Stroke::new(if emphasised { 1.5 } else { 1.0 }, theme::link_color(link.kind, dark));
        paint_band(&painter, curve, fill, edge);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cross_column_curve_runs_from_left_edge_to_right_edge() {
        let curve = centre_curve(End { x: 100.0, y: 50.0 }, End { x: 156.0, y: 300.0 }, 20.0);
        assert_eq!(curve[0], pos2(100.0, 50.0));
        assert_eq!(curve[3], pos2(156.0, 300.0));
        let mid = cubic(curve[0], curve[1], curve[2], curve[3], 0.5);
        assert!((mid.y - 175.0).abs() < 0.01 && (mid.x - 128.0).abs() < 0.01);
    }

    #[test]
    fn ribbon_midpoint_lies_halfway_between_the_spans() {
        let left = RibbonEnd { x: 100.0, top: 40.0, bottom: 80.0 };
        let right = RibbonEnd { x: 160.0, top: 200.0, bottom: 220.0 };
        let mid = ribbon_midpoint(left, right);
        assert!((mid.x - 130.0).abs() < 0.01, "{mid:?}");
        assert!((mid.y - 135.0).abs() < 0.01, "{mid:?}");
    }

    #[test]
    fn same_column_curve_bulges_into_the_gutter() {
        let curve = centre_curve(End { x: 100.0, y: 50.0 }, End { x: 100.0, y: 200.0 }, 25.0);
        let mid = cubic(curve[0], curve[1], curve[2], curve[3], 0.5);
        assert!(mid.x > 110.0, "bulges right: {mid:?}");
    }
}
