//! Visual caret movement: Left and Right move the caret to the next place on screen,
//! as editors for Arabic do, instead of to the next character in memory. In a mixed
//! line the caret crosses a Latin word inside Arabic (or the reverse) glyph by glyph
//! in the direction of the arrow; past a line's edge it goes on to the visual line that
//! continues (or precedes) the text in that direction.

use cosmic_text::{Affinity, Buffer, Cursor, LayoutRun};
use unicode_segmentation::UnicodeSegmentation as _;

use super::geometry;

/// Caret places closer than this (points) are one place on screen.
const SAME_X: f32 = 0.5;

/// Which side of its glyph a caret place is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Edge {
    /// The glyph's left edge.
    Left,
    /// Between two graphemes of one glyph (a ligature).
    Inside,
    /// The glyph's right edge.
    Right,
}

/// A place the caret can stand on a visual line.
#[derive(Clone, Copy, Debug)]
struct Stop {
    x: f32,
    cursor: Cursor,
    edge: Edge,
}

/// Every caret place of one visual line: both edges of every glyph and the grapheme
/// boundaries inside ligatures, with the cursor that draws the caret there.
fn stops(run: &LayoutRun<'_>) -> Vec<Stop> {
    let mut out = Vec::with_capacity(run.glyphs.len() * 2);
    for glyph in run.glyphs.iter().filter(|g| g.end > g.start) {
        let Some(cluster) = run.text.get(glyph.start..glyph.end) else { continue };
        let boundaries: Vec<usize> = cluster
            .grapheme_indices(true)
            .map(|(i, _)| glyph.start + i)
            .chain([glyph.end])
            .collect();
        let count = boundaries.len().saturating_sub(1).max(1);
        let rtl = glyph.level.is_rtl();
        for (k, &index) in boundaries.iter().enumerate() {
            let fraction = k as f32 / count as f32;
            let x = if rtl {
                glyph.x + glyph.w * (1.0 - fraction)
            } else {
                glyph.x + glyph.w * fraction
            };
            let (affinity, edge) = if k == 0 {
                (Affinity::After, if rtl { Edge::Right } else { Edge::Left })
            } else if k == count {
                (Affinity::Before, if rtl { Edge::Left } else { Edge::Right })
            } else {
                (Affinity::After, Edge::Inside)
            };
            out.push(Stop {
                x,
                cursor: Cursor::new_with_affinity(run.line_i, index, affinity),
                edge,
            });
        }
    }
    out
}

/// The next caret place from `x` towards the right (or left) on a line, skipping
/// places that are `current` itself. Arriving at a place where two glyphs meet, the
/// caret takes the cursor of the glyph it just crossed.
fn next_stop(stops: &[Stop], x: f32, right: bool, current: Cursor) -> Option<Cursor> {
    let beyond = |s: &&Stop| if right { s.x > x + SAME_X } else { s.x < x - SAME_X };
    let mut candidates: Vec<&Stop> =
        stops.iter().filter(beyond).filter(|s| s.cursor != current).collect();
    candidates.sort_by(|a, b| if right { a.x.total_cmp(&b.x) } else { b.x.total_cmp(&a.x) });
    let nearest = candidates.first()?.x;
    let crossed = if right { Edge::Right } else { Edge::Left };
    let group = candidates.iter().take_while(|s| (s.x - nearest).abs() <= SAME_X);
    let mut best = None;
    for stop in group {
        if stop.edge == crossed || stop.edge == Edge::Inside {
            return Some(stop.cursor);
        }
        best.get_or_insert(stop.cursor);
    }
    best
}

/// The caret place at the left (or right) end of a line, for a caret entering it.
fn line_edge(run: &LayoutRun<'_>, from_left: bool) -> Cursor {
    let stops = stops(run);
    let outer = if from_left {
        stops.iter().map(|s| s.x).fold(f32::INFINITY, f32::min)
    } else {
        stops.iter().map(|s| s.x).fold(f32::NEG_INFINITY, f32::max)
    };
    // Entering from the left, the caret stands before the leftmost glyph: its left edge.
    let entering = if from_left { Edge::Left } else { Edge::Right };
    let at_edge = stops.iter().filter(|s| (s.x - outer).abs() <= SAME_X);
    let mut best = None;
    for stop in at_edge {
        if stop.edge == entering {
            return stop.cursor;
        }
        best.get_or_insert(stop.cursor);
    }
    best.unwrap_or_else(|| {
        let index = if run.rtl == from_left { run.text.len() } else { 0 };
        Cursor::new(run.line_i, index)
    })
}

/// The cursor one caret place to the right (`right`) or left of `cursor` on screen. Past
/// the end of a visual line the caret enters the neighbouring visual line in reading
/// order: moving right in a left-to-right paragraph (or left in a right-to-left one)
/// goes to the next line, the other way to the previous one. At the text's ends the
/// cursor stays.
pub(crate) fn visual_step(buffer: &Buffer, cursor: Cursor, right: bool) -> Cursor {
    let Some((line, x, _, _)) = geometry::caret_on_line(buffer, cursor, None) else {
        return cursor;
    };
    let runs: Vec<LayoutRun<'_>> = buffer.layout_runs().collect();
    let Some(run) = runs.get(line) else { return cursor };
    if let Some(next) = next_stop(&stops(run), x, right, cursor) {
        return next;
    }
    let forward = right != run.rtl;
    let target = if forward { line.checked_add(1) } else { line.checked_sub(1) };
    let Some(next_run) = target.and_then(|t| runs.get(t)) else {
        return cursor;
    };
    // Entering a line moving right puts the caret at its left end, and the reverse.
    line_edge(next_run, right)
}

#[cfg(test)]
mod tests {
    use cosmic_text::{Attrs, Metrics, Shaping};

    use super::*;

    fn buffer(text: &str, width: f32) -> Buffer {
        let mut fs = super::super::fonts::font_system();
        let mut buffer = Buffer::new(&mut fs, Metrics::new(16.0, 24.0));
        buffer.set_text(text, &Attrs::new(), Shaping::Advanced, None);
        buffer.set_size(Some(width), None);
        buffer.shape_until_scroll(&mut fs, false);
        buffer
    }

    fn x_of(buffer: &Buffer, cursor: Cursor) -> f32 {
        geometry::caret(buffer, cursor, None).unwrap().0
    }

    /// Press the arrow until the cursor stops moving; the caret positions on the way.
    fn walk(buffer: &Buffer, start: Cursor, right: bool) -> Vec<(Cursor, f32)> {
        let mut out = vec![(start, x_of(buffer, start))];
        let mut cursor = start;
        for _ in 0..200 {
            let next = visual_step(buffer, cursor, right);
            if next == cursor {
                break;
            }
            cursor = next;
            out.push((cursor, x_of(buffer, cursor)));
        }
        out
    }

    #[test]
    fn left_in_an_arabic_line_walks_leftwards_through_a_latin_word() {
        let text = "قال Reuters أمس";
        let b = buffer(text, 400.0);
        let path = walk(&b, Cursor::new(0, 0), false);
        // every press moves the caret to the left on screen
        for pair in path.windows(2) {
            assert!(pair[1].1 < pair[0].1 - 0.4, "{path:?}");
        }
        // it stops at every character boundary, except one drawn at a place already
        // visited (where "Reuters" ends, the space before it ends too)
        let indices: std::collections::BTreeSet<usize> =
            path.iter().map(|(c, _)| c.index).collect();
        for index in text.char_indices().map(|(i, _)| i).chain([text.len()]) {
            if indices.contains(&index) {
                continue;
            }
            let x = x_of(&b, Cursor::new_with_affinity(0, index, Affinity::Before));
            assert!(path.iter().any(|(_, px)| (px - x).abs() < SAME_X), "{index}: {path:?}");
        }
        assert!(indices.len() >= text.chars().count(), "{path:?}");
        // inside "Reuters" Left goes from "s" towards "R": logical index decreases
        let r = text.find('R').unwrap();
        let inside: Vec<usize> = path
            .iter()
            .map(|(c, _)| c.index)
            .filter(|&i| i > r && i < r + "Reuters".len())
            .collect();
        assert!(inside.windows(2).all(|w| w[0] > w[1]), "{inside:?}");
        // and Right walks back along the same places
        let back = walk(&b, path.last().unwrap().0, true);
        assert_eq!(back.len(), path.len());
        for pair in back.windows(2) {
            assert!(pair[1].1 > pair[0].1 + 0.4);
        }
    }

    #[test]
    fn right_in_a_latin_line_walks_rightwards_through_an_arabic_word() {
        let text = "He said قال المتحدث today";
        let b = buffer(text, 400.0);
        let path = walk(&b, Cursor::new(0, 0), true);
        for pair in path.windows(2) {
            assert!(pair[1].1 > pair[0].1 + 0.4, "{path:?}");
        }
        // crossing the Arabic words rightwards means going backwards in memory
        let a = text.find('ق').unwrap();
        let arabic: Vec<usize> = path
            .iter()
            .map(|(c, _)| c.index)
            .filter(|&i| i > a && i < text.find(" today").unwrap())
            .collect();
        assert!(arabic.windows(2).filter(|w| w[0] > w[1]).count() > 5, "{arabic:?}");
        assert_eq!(path.last().unwrap().0.index, text.len());
    }

    #[test]
    fn past_the_line_edge_the_caret_goes_to_the_line_that_continues_the_text() {
        // An Arabic paragraph wrapped on two lines: Left at the left end of the first
        // line continues at the right end (the start) of the second.
        let text = "قال المتحدث باسم وزارة الخارجية إن الإدارة لم توافق";
        let b = buffer(text, 160.0);
        let runs: Vec<_> = b.layout_runs().collect();
        assert!(runs.len() >= 2);
        let path = walk(&b, Cursor::new(0, 0), false);
        let lines: Vec<usize> =
            path.iter().map(|(c, _)| geometry::caret_on_line(&b, *c, None).unwrap().0).collect();
        assert!(lines.windows(2).all(|w| w[1] == w[0] || w[1] == w[0] + 1), "{lines:?}");
        let jump = lines.windows(2).position(|w| w[1] == w[0] + 1).unwrap();
        // the jump lands at the right end of the next line
        assert!(path[jump + 1].1 > path[jump].1 + 50.0);
        assert_eq!(path.last().unwrap().0.index, text.len());
        // Right at the very start stays put
        assert_eq!(visual_step(&b, Cursor::new(0, 0), true), Cursor::new(0, 0));
    }
}
