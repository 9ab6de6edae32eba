//! [`TextEngine`]: owns the font system, the layout cache, the glyph atlas and the
//! per-widget state of document views and editors. The app keeps exactly one.

use std::collections::HashMap;
use std::sync::Arc;

use cosmic_text::{Buffer, FontSystem};
use egui::{Color32, Id, Mesh, Painter, Pos2, Rect, Shape, vec2};

use super::atlas::{AtlasStats, GlyphAtlas};
use super::cache::FastBuild;
use super::cache::LayoutCache;
use super::doc_state::DocState;
use super::editor_state::EditorState;
use super::fonts;
use super::layout::{GlyphInfo, Laid, LayoutOptions, TextLayout};
use super::paint::{OVERHANG_LINES, glyph_mesh};
use super::style::TextStyle;
use crate::model::CharRange;

/// Owns fonts, layout cache and glyph atlas.
pub struct TextEngine {
    pub(crate) fs: FontSystem,
    pub(crate) atlas: GlyphAtlas,
    cache: LayoutCache,
    pub(crate) docs: HashMap<Id, DocState>,
    pub(crate) editors: HashMap<Id, EditorState>,
    /// Uncommitted editor texts whose editor was not shown in a frame.
    pending_commits: Vec<(Id, String)>,
    /// Glyph meshes of laid-out texts painted with [`Self::paint`], by layout id.
    label_meshes: HashMap<u64, LabelMesh, FastBuild>,
    /// Glyph meshes built for [`Self::paint_buffer_cached`] since start.
    meshes_built: u64,
    frame: u64,
}

impl std::fmt::Debug for TextEngine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TextEngine")
            .field("layouts", &self.cache.len())
            .field("atlas", &self.atlas.stats())
            .field("documents", &self.docs.len())
            .field("editors", &self.editors.len())
            .finish_non_exhaustive()
    }
}

/// Texts with more glyphs than this are not kept as a cached mesh.
pub(crate) const CACHED_MESH_MAX_GLYPHS: usize = 4000;

/// What a cached glyph mesh was built for; it can be moved by whole physical pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct MeshKey {
    /// Sub-pixel part of the origin's physical x (glyphs are rasterised for it).
    x_fraction: u32,
    ppp: u32,
    color: Color32,
    max_lines: usize,
    /// Atlas generation: UVs are valid for this one only.
    generation: u64,
}

/// A glyph mesh kept between frames.
#[derive(Clone, Debug)]
pub(crate) struct CachedMesh {
    key: MeshKey,
    /// Physical-pixel origin (x floored, y rounded) the mesh was built at.
    built_px: (f32, f32),
    mesh: Arc<Mesh>,
    /// The mesh moved to the origin it was last shown at, reused as is while the text
    /// stays put.
    shown: Option<((f32, f32), Arc<Mesh>)>,
}

impl CachedMesh {
    /// The mesh at physical origin `at_px`.
    fn at(&mut self, at_px: (f32, f32), ppp: f32) -> Arc<Mesh> {
        if at_px == self.built_px {
            return Arc::clone(&self.mesh);
        }
        if let Some((shown_px, mesh)) = &self.shown
            && *shown_px == at_px
        {
            return Arc::clone(mesh);
        }
        let mut moved = Mesh::clone(&self.mesh);
        moved.translate(vec2((at_px.0 - self.built_px.0) / ppp, (at_px.1 - self.built_px.1) / ppp));
        let moved = Arc::new(moved);
        self.shown = Some((at_px, Arc::clone(&moved)));
        moved
    }
}

/// A cached label mesh and the frame it was last painted in.
#[derive(Debug)]
struct LabelMesh {
    cached: Option<CachedMesh>,
    last_frame: u64,
}

/// Label meshes not painted for this many frames are dropped.
const FORGET_LABEL_MESHES_AFTER_FRAMES: u64 = 120;

/// Document and editor state not used for this many frames is dropped.
const FORGET_WIDGETS_AFTER_FRAMES: u64 = 600;

impl TextEngine {
    /// Load the bundled fonts, register them with egui, create the atlas.
    #[must_use]
    pub fn new(ctx: &egui::Context) -> Self {
        fonts::install_egui_fonts(ctx);
        Self {
            fs: fonts::font_system(),
            atlas: GlyphAtlas::new(ctx),
            cache: LayoutCache::default(),
            docs: HashMap::new(),
            editors: HashMap::new(),
            pending_commits: Vec::new(),
            label_meshes: HashMap::default(),
            meshes_built: 0,
            frame: 0,
        }
    }

    /// Lay out `text` wrapped to `width` points (unbounded if `None`), at most
    /// `max_lines` lines.
    pub fn layout(
        &mut self,
        text: &str,
        style: &TextStyle,
        width: Option<f32>,
        max_lines: Option<usize>,
    ) -> Arc<TextLayout> {
        self.layout_with(text, style, &LayoutOptions { max_lines, ..LayoutOptions::wrapped(width) })
    }

    /// Lay out `text` with all options (forced direction, no wrapping).
    pub fn layout_with(
        &mut self,
        text: &str,
        style: &TextStyle,
        options: &LayoutOptions,
    ) -> Arc<TextLayout> {
        let laid = self.cache.get(&mut self.fs, text, style, *options);
        Arc::new(TextLayout { laid, color: style.color })
    }

    /// Paint a layout with its top-left corner at `top_left`, in its own colour.
    pub fn paint(&mut self, painter: &Painter, top_left: Pos2, layout: &TextLayout) {
        self.paint_tinted(painter, top_left, layout, layout.color);
    }

    /// Paint a layout in another colour.
    ///
    /// The glyph mesh is kept between frames (per layout, colour and sub-pixel offset)
    /// and only moved when the text moves by whole pixels, so labels and cards cost a
    /// copy at most, not a glyph lookup per glyph.
    pub fn paint_tinted(
        &mut self,
        painter: &Painter,
        top_left: Pos2,
        layout: &TextLayout,
        color: Color32,
    ) {
        let laid = &layout.laid;
        let origin = top_left - vec2(laid.content_left(), 0.0);
        let overhang = laid.line_height() * OVERHANG_LINES;
        let bounds = Rect::from_min_size(top_left, laid.size()).expand(overhang);
        if !painter.clip_rect().intersects(bounds) {
            return;
        }
        let frame = self.frame;
        let mut entry = self
            .label_meshes
            .remove(&laid.id())
            .unwrap_or(LabelMesh { cached: None, last_frame: frame });
        entry.last_frame = frame;
        self.paint_buffer_cached(painter, origin, laid, color, &mut entry.cached);
        self.label_meshes.insert(laid.id(), entry);
    }

    /// Paint a cosmic-text buffer with buffer point (0, 0) at `origin`.
    pub(crate) fn paint_buffer(
        &mut self,
        painter: &Painter,
        origin: Pos2,
        buffer: &Buffer,
        color: Color32,
        max_lines: usize,
    ) {
        let mesh = glyph_mesh(
            painter.ctx(),
            &mut self.atlas,
            &mut self.fs,
            buffer,
            origin,
            painter.pixels_per_point(),
            painter.clip_rect(),
            color,
            max_lines,
        );
        if !mesh.is_empty() {
            painter.add(Shape::mesh(mesh));
        }
    }

    /// Paint a laid-out text like [`Self::paint_buffer`] (the lines it shows), reusing
    /// the glyph mesh kept in `cache` when the text only moved by whole physical pixels
    /// (scrolling, moving cards). Texts with more than [`CACHED_MESH_MAX_GLYPHS`] glyphs
    /// are painted culled to the clip rectangle each frame instead.
    pub(crate) fn paint_buffer_cached(
        &mut self,
        painter: &Painter,
        origin: Pos2,
        laid: &Laid,
        color: Color32,
        cache: &mut Option<CachedMesh>,
    ) {
        let (buffer, max_lines) = (&laid.buffer, laid.max_lines());
        if laid.glyph_count() > CACHED_MESH_MAX_GLYPHS {
            *cache = None;
            self.paint_buffer(painter, origin, buffer, color, max_lines);
            return;
        }
        let ctx = painter.ctx();
        self.atlas.begin_use(ctx);
        let ppp = painter.pixels_per_point();
        let x_px = origin.x * ppp;
        let at_px = (x_px.floor(), (origin.y * ppp).round());
        let key = MeshKey {
            x_fraction: (x_px - at_px.0).to_bits(),
            ppp: ppp.to_bits(),
            color,
            max_lines,
            generation: self.atlas.generation(),
        };
        let mesh = if let Some(cached) = cache.as_mut().filter(|c| c.key == key) {
            // Its glyphs are on screen this pass: growing or evicting must discard it.
            self.atlas.note_emitted();
            cached.at(at_px, ppp)
        } else {
            let snapped = Pos2::new(origin.x, at_px.1 / ppp);
            let mesh = glyph_mesh(
                ctx,
                &mut self.atlas,
                &mut self.fs,
                buffer,
                snapped,
                ppp,
                Rect::EVERYTHING,
                color,
                max_lines,
            );
            let mesh = Arc::new(mesh);
            self.meshes_built += 1;
            // Glyphs rasterised while building may have grown the atlas.
            let key = MeshKey { generation: self.atlas.generation(), ..key };
            *cache =
                Some(CachedMesh { key, built_px: at_px, mesh: Arc::clone(&mesh), shown: None });
            mesh
        };
        if !mesh.is_empty() {
            painter.add(Shape::Mesh(mesh));
        }
    }

    /// Upload atlas changes and drop stale cache entries; call once at the end of
    /// every frame (before the pass ends).
    pub fn end_frame(&mut self, _ctx: &egui::Context) {
        self.atlas.end_frame();
        self.cache.end_frame();
        // An editor that disappears (its panel closed) cannot notice losing focus:
        // hand its unsaved text over instead of dropping it.
        for (id, editor) in &mut self.editors {
            if editor.last_frame < self.frame
                && let Some(text) = editor.take_uncommitted()
            {
                self.pending_commits.push((*id, text));
            }
        }
        self.frame += 1;
        let frame = self.frame;
        self.docs.retain(|_, d| d.last_frame + FORGET_WIDGETS_AFTER_FRAMES >= frame);
        self.label_meshes.retain(|_, m| m.last_frame + FORGET_LABEL_MESHES_AFTER_FRAMES >= frame);
        self.editors.retain(|_, e| e.last_frame + FORGET_WIDGETS_AFTER_FRAMES >= frame);
    }

    /// Frames ended so far.
    pub(crate) fn frame(&self) -> u64 {
        self.frame
    }

    /// Glyph atlas statistics.
    #[must_use]
    pub fn atlas_stats(&self) -> AtlasStats {
        self.atlas.stats()
    }

    /// Layouts in the cache.
    #[must_use]
    pub fn cached_layouts(&self) -> usize {
        self.cache.len()
    }

    /// `(shaped, reflowed)` layout counters since start.
    #[must_use]
    pub fn layout_counters(&self) -> (u64, u64) {
        self.cache.counters()
    }

    /// Every glyph of a layout with the family of the face it came from, line by line
    /// in visual order.
    #[must_use]
    pub fn glyphs_with_faces(&self, layout: &TextLayout) -> Vec<GlyphInfo> {
        let mut glyphs = layout.laid.glyphs(Some(&self.fs));
        glyphs.sort_by(|a, b| a.line.cmp(&b.line).then(a.x.total_cmp(&b.x)));
        glyphs
    }

    /// Edits of editors that stopped being shown before committing (e.g. their panel
    /// was closed): apply each like [`super::EditorOutput::committed`]. Call once per
    /// frame after the panels.
    pub fn take_pending_commits(&mut self) -> Vec<(Id, String)> {
        std::mem::take(&mut self.pending_commits)
    }

    /// True when a text field has keyboard focus: one of this engine's editors, or an
    /// egui `TextEdit`. Single-key shortcuts are off then.
    #[must_use]
    pub fn has_text_focus(&self, ctx: &egui::Context) -> bool {
        ctx.text_edit_focused()
            || ctx.memory(egui::Memory::focused).is_some_and(|id| self.editors.contains_key(&id))
    }

    /// The current text of editor `id` (including uncommitted changes).
    #[must_use]
    pub fn editor_text(&self, id: Id) -> Option<&str> {
        self.editors.get(&id).map(EditorState::text)
    }

    /// The selection of document view `id` (document-wide char offsets).
    #[must_use]
    pub fn document_selection(&self, id: Id) -> Option<CharRange> {
        self.docs.get(&id).and_then(DocState::selection)
    }

    /// How far document view `id` is scrolled, in points from its top (for restoring
    /// a reading position).
    #[must_use]
    pub fn document_scroll_offset(&self, id: Id) -> Option<f32> {
        self.docs.get(&id).map(DocState::scroll_offset)
    }

    /// Set (or clear, with `None`) the selection of document view `id`.
    pub fn set_document_selection(&mut self, id: Id, selection: Option<CharRange>) {
        self.docs.entry(id).or_default().set_selection(selection);
    }
}

#[cfg(test)]
mod tests {
    use egui::{Pos2, RawInput, Shape, pos2};

    use super::*;

    /// Paint `text` at `at` in one frame; the glyph meshes emitted.
    fn frame(ctx: &egui::Context, engine: &mut TextEngine, text: &str, at: Pos2) -> Vec<Arc<Mesh>> {
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(800.0, 600.0))),
            ..RawInput::default()
        };
        let mut output = ctx.run_ui(input, |ui| {
            let layout = engine.layout(text, &TextStyle::default(), Some(300.0), Some(2));
            engine.paint(ui.painter(), at, &layout);
            engine.end_frame(ui.ctx());
        });
        output.textures_delta.clear();
        output
            .shapes
            .into_iter()
            .filter_map(|s| match s.shape {
                Shape::Mesh(mesh) if mesh.texture_id == engine.atlas.texture_id() => Some(mesh),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_label_mesh_is_built_once_and_moved_by_whole_pixels() {
        let ctx = egui::Context::default();
        let mut engine = TextEngine::new(&ctx);
        let text = "قال المتحدث (Reuters) إن 6 مسؤولين التقوا";
        // the first frames install fonts; from then on the same label reuses its mesh
        let mut first = frame(&ctx, &mut engine, text, pos2(10.0, 20.0));
        for _ in 0..3 {
            first = frame(&ctx, &mut engine, text, pos2(10.0, 20.0));
        }
        let built = engine.meshes_built;
        let again = frame(&ctx, &mut engine, text, pos2(10.0, 20.0));
        assert_eq!(engine.meshes_built, built, "a label that stays put is not rebuilt");
        assert!(Arc::ptr_eq(&first[0], &again[0]), "…nor copied");
        // moved by 3 px right and 7 px down: the same glyphs, translated exactly
        let moved = frame(&ctx, &mut engine, text, pos2(13.0, 27.0));
        assert_eq!(engine.meshes_built, built);
        assert_eq!(moved[0].vertices.len(), first[0].vertices.len());
        for (a, b) in first[0].vertices.iter().zip(&moved[0].vertices) {
            assert!(
                (b.pos.x - a.pos.x - 3.0).abs() < 1e-3 && (b.pos.y - a.pos.y - 7.0).abs() < 1e-3
            );
            assert_eq!(a.uv, b.uv);
        }
        // a sub-pixel move or another colour builds a new mesh
        frame(&ctx, &mut engine, text, pos2(13.5, 27.0));
        assert_eq!(engine.meshes_built, built + 1);
        // a label outside the clip rectangle is not painted at all
        assert!(frame(&ctx, &mut engine, text, pos2(10.0, 5000.0)).is_empty());
    }
}
