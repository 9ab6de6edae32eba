//! Turning laid-out glyphs into one textured egui [`Mesh`]: baselines snapped to
//! physical pixels, glyphs rasterised at `font size × pixels_per_point` (crisp at every
//! zoom), only lines that meet the clip rectangle emitted, no reshaping.

use cosmic_text::{Buffer, FontSystem};
use egui::{Color32, Mesh, Pos2, Rect, pos2, vec2};

use super::atlas::GlyphAtlas;

/// How far outside its line box a glyph may draw (Arabic marks, tall accents), as a
/// multiple of the line height, when deciding whether a line is visible.
pub(crate) const OVERHANG_LINES: f32 = 0.75;

/// Build the glyph mesh of `buffer` with buffer point (0, 0) at `origin` (screen
/// points). At most `max_lines` visual lines; lines outside `clip` are skipped.
#[expect(clippy::too_many_arguments, reason = "one call site per widget; all needed")]
pub(crate) fn glyph_mesh(
    ctx: &egui::Context,
    atlas: &mut GlyphAtlas,
    fs: &mut FontSystem,
    buffer: &Buffer,
    origin: Pos2,
    pixels_per_point: f32,
    clip: Rect,
    color: Color32,
    max_lines: usize,
) -> Mesh {
    atlas.begin_use(ctx);
    let ppp =
        if pixels_per_point.is_finite() && pixels_per_point > 0.0 { pixels_per_point } else { 1.0 };
    let mut mesh = Mesh::with_texture(atlas.texture_id());
    let origin_x_px = origin.x * ppp;
    for run in buffer.layout_runs().take(max_lines) {
        let margin = run.line_height * OVERHANG_LINES;
        let top = origin.y + run.line_top - margin;
        let bottom = origin.y + run.line_top + run.line_height + margin;
        if bottom < clip.min.y {
            continue;
        }
        if top > clip.max.y {
            break;
        }
        let baseline_px = ((origin.y + run.line_y) * ppp).round();
        mesh.reserve_triangles(run.glyphs.len() * 2);
        mesh.reserve_vertices(run.glyphs.len() * 4);
        for glyph in run.glyphs {
            let physical = glyph.physical((origin_x_px, baseline_px), ppp);
            let Some(g) = atlas.glyph(ctx, fs, physical.cache_key) else {
                continue;
            };
            let min_px = pos2((physical.x + g.left) as f32, (physical.y - g.top) as f32);
            let rect = Rect::from_min_size(
                pos2(min_px.x / ppp, min_px.y / ppp),
                vec2(g.width as f32 / ppp, g.height as f32 / ppp),
            );
            let tint = if g.is_color {
                Color32::WHITE.gamma_multiply(f32::from(color.a()) / 255.0)
            } else {
                color
            };
            mesh.add_rect_with_uv(rect, g.uv, tint);
        }
    }
    mesh
}
