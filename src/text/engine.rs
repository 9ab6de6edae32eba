//! [`TextEngine`]: owns the font system, the layout cache, the glyph atlas and the
//! per-widget state of document views and editors. The app keeps exactly one.

use std::collections::HashMap;
use std::sync::Arc;

use cosmic_text::{Buffer, FontSystem};
use egui::{Color32, Id, Mesh, Painter, Pos2, Rect, Shape, vec2};

use super::atlas::{AtlasStats, GlyphAtlas};
use super::cache::LayoutCache;
use super::doc_state::DocState;
use super::editor_state::EditorState;
use super::fonts;
use super::layout::{GlyphInfo, LayoutOptions, TextLayout};
use super::paint::glyph_mesh;
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

/// What a cached glyph mesh was built for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct MeshKey {
    x_fraction: u32,
    x_px: i64,
    ppp: u32,
    color: Color32,
    generation: u64,
}

/// A glyph mesh kept between frames.
#[derive(Clone, Debug)]
pub(crate) struct CachedMesh {
    key: MeshKey,
    /// Physical-pixel y of the buffer origin the mesh was built at.
    y_px: f32,
    mesh: Mesh,
}

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
    pub fn paint_tinted(
        &mut self,
        painter: &Painter,
        top_left: Pos2,
        layout: &TextLayout,
        color: Color32,
    ) {
        let laid = &layout.laid;
        let origin = top_left - vec2(laid.content_left(), 0.0);
        self.paint_buffer(painter, origin, &laid.buffer, color, laid.max_lines());
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

    /// Paint `buffer` like [`Self::paint_buffer`], reusing the glyph mesh kept in
    /// `cache` when only the vertical position changed by whole pixels (scrolling).
    /// Texts with more than [`CACHED_MESH_MAX_GLYPHS`] glyphs are painted culled
    /// to the clip rectangle each frame instead.
    pub(crate) fn paint_buffer_cached(
        &mut self,
        painter: &Painter,
        origin: Pos2,
        buffer: &Buffer,
        color: Color32,
        cache: &mut Option<CachedMesh>,
    ) {
        let glyphs: usize = buffer.layout_runs().map(|r| r.glyphs.len()).sum();
        if glyphs > CACHED_MESH_MAX_GLYPHS {
            *cache = None;
            self.paint_buffer(painter, origin, buffer, color, usize::MAX);
            return;
        }
        let ctx = painter.ctx();
        self.atlas.begin_use(ctx);
        let ppp = painter.pixels_per_point();
        let x_px = origin.x * ppp;
        let y_px = (origin.y * ppp).round();
        let key = MeshKey {
            x_fraction: (x_px - x_px.floor()).to_bits(),
            x_px: x_px.floor() as i64,
            ppp: ppp.to_bits(),
            color,
            generation: self.atlas.generation(),
        };
        let mesh = if let Some(cached) = cache.as_ref().filter(|c| c.key == key) {
            let mut mesh = Mesh::clone(&cached.mesh);
            mesh.translate(vec2(0.0, (y_px - cached.y_px) / ppp));
            mesh
        } else {
            let snapped = Pos2::new(origin.x, y_px / ppp);
            let mesh = glyph_mesh(
                ctx,
                &mut self.atlas,
                &mut self.fs,
                buffer,
                snapped,
                ppp,
                Rect::EVERYTHING,
                color,
                usize::MAX,
            );
            // Glyphs rasterised while building may have grown the atlas.
            let key = MeshKey { generation: self.atlas.generation(), ..key };
            *cache = Some(CachedMesh { key, y_px, mesh: mesh.clone() });
            mesh
        };
        if !mesh.is_empty() {
            painter.add(Shape::mesh(mesh));
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
