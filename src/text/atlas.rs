//! The glyph atlas: one RGBA egui texture, packed with `etagere`, keyed by cosmic-text
//! [`CacheKey`] (face, glyph, physical size, subpixel bin). Glyphs are rasterised on a
//! miss with swash (`get_image_uncached`, so nothing else keeps them), stored as white
//! coverage passed through egui's colour transfer function (so they match egui's own
//! text) and tinted by vertex colour. Changes go to the GPU once per frame as one
//! partial upload. When full, glyphs unused for a while are evicted, else the atlas
//! doubles; texture ids never change.

use std::collections::HashMap;

use cosmic_text::{CacheKey, FontSystem, SwashCache, SwashContent};
use egui::epaint::FontColorTransferFunction;
use egui::{Color32, ColorImage, Rect, TextureHandle, TextureId, TextureOptions, pos2};
use etagere::{AllocId, BucketedAtlasAllocator, size2};

use super::cache::FastBuild;

/// Side of a new atlas, in pixels.
const INITIAL_SIDE: usize = 512;
/// Glyphs unused for this many passes may be evicted when the atlas is full.
const EVICT_AFTER_PASSES: u64 = 120;
/// Empty pixels around each glyph so linear filtering never bleeds a neighbour in.
const PADDING: i32 = 1;

/// Where a rasterised glyph is and how to place it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct AtlasGlyph {
    /// Normalised texture coordinates.
    pub uv: Rect,
    /// Pixel offset of the image's left edge from the glyph origin.
    pub left: i32,
    /// Pixel offset of the image's top edge above the baseline.
    pub top: i32,
    /// Image size in pixels.
    pub width: u32,
    /// Image size in pixels.
    pub height: u32,
    /// Colour glyph (emoji): drawn as is, not tinted.
    pub is_color: bool,
}

#[derive(Clone, Copy, Debug)]
struct Entry {
    /// `None` for glyphs without pixels (spaces, marks of zero size).
    slot: Option<Slot>,
    left: i32,
    top: i32,
    is_color: bool,
    last_used: u64,
}

#[derive(Clone, Copy, Debug)]
struct Slot {
    id: AllocId,
    x: usize,
    y: usize,
    width: usize,
    height: usize,
}

/// Pixel rectangle `[x0, y0, x1, y1)` that changed since the last upload.
#[derive(Clone, Copy, Debug)]
struct Dirty {
    x0: usize,
    y0: usize,
    x1: usize,
    y1: usize,
}

impl Dirty {
    fn union(self, other: Dirty) -> Dirty {
        Dirty {
            x0: self.x0.min(other.x0),
            y0: self.y0.min(other.y0),
            x1: self.x1.max(other.x1),
            y1: self.y1.max(other.y1),
        }
    }
}

/// Statistics for tests and the benchmark.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AtlasStats {
    /// Side of the square atlas texture, in pixels.
    pub side: usize,
    /// Glyph images currently stored.
    pub glyphs: usize,
    /// Glyphs rasterised since start.
    pub rasterised: u64,
    /// Times the atlas doubled.
    pub grown: u32,
    /// Glyphs evicted since start.
    pub evicted: u64,
}

/// The glyph atlas and its egui texture.
pub(crate) struct GlyphAtlas {
    allocator: BucketedAtlasAllocator,
    image: ColorImage,
    texture: TextureHandle,
    entries: HashMap<CacheKey, Entry, FastBuild>,
    swash: SwashCache,
    transfer: FontColorTransferFunction,
    dirty: Option<Dirty>,
    full_upload: bool,
    pass: u64,
    emitted_this_pass: bool,
    /// Changes whenever UVs handed out earlier may be wrong (grow, clear, evict).
    generation: u64,
    stats: AtlasStats,
}

impl std::fmt::Debug for GlyphAtlas {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GlyphAtlas").field("stats", &self.stats).finish_non_exhaustive()
    }
}

fn texture_options() -> TextureOptions {
    TextureOptions::LINEAR
}

fn to_i32(v: usize) -> i32 {
    i32::try_from(v).unwrap_or(i32::MAX)
}

impl GlyphAtlas {
    /// An empty atlas with its texture registered in `ctx`.
    pub fn new(ctx: &egui::Context) -> Self {
        let image = ColorImage::filled([INITIAL_SIDE, INITIAL_SIDE], Color32::TRANSPARENT);
        let texture = ctx.load_texture("twotrack-text-atlas", image.clone(), texture_options());
        Self {
            allocator: BucketedAtlasAllocator::new(size2(
                to_i32(INITIAL_SIDE),
                to_i32(INITIAL_SIDE),
            )),
            image,
            texture,
            entries: HashMap::default(),
            swash: SwashCache::new(),
            transfer: ctx.global_style().visuals.text_options.color_transfer_function,
            dirty: None,
            full_upload: false,
            pass: ctx.cumulative_pass_nr(),
            emitted_this_pass: false,
            generation: 0,
            stats: AtlasStats { side: INITIAL_SIDE, ..AtlasStats::default() },
        }
    }

    /// The texture glyph meshes use.
    pub fn texture_id(&self) -> TextureId {
        self.texture.id()
    }

    /// Changes whenever glyph UVs handed out before may no longer be valid; meshes built
    /// with an older generation must be rebuilt.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Current statistics.
    pub fn stats(&self) -> AtlasStats {
        AtlasStats { glyphs: self.entries.len(), ..self.stats }
    }

    /// Call before emitting glyphs: notices a new pass (uploading anything a missed
    /// `end_frame` left behind) and a theme change (which changes the stored coverage).
    pub fn begin_use(&mut self, ctx: &egui::Context) {
        let pass = ctx.cumulative_pass_nr();
        if pass != self.pass {
            if self.dirty.is_some() || self.full_upload {
                log::debug!("text atlas: end_frame was not called; uploading late");
                self.upload();
            }
            self.pass = pass;
            self.emitted_this_pass = false;
            let transfer = ctx.global_style().visuals.text_options.color_transfer_function;
            if transfer != self.transfer {
                self.transfer = transfer;
                self.clear();
            }
        }
    }

    /// A mesh built earlier with this atlas's UVs is on screen in this pass: if the atlas
    /// grows or evicts later in the pass, the pass must be discarded.
    pub fn note_emitted(&mut self) {
        self.emitted_this_pass = true;
    }

    /// Remove every glyph (the texture keeps its size and id).
    pub fn clear(&mut self) {
        self.allocator.clear();
        self.entries.clear();
        self.image.pixels.fill(Color32::TRANSPARENT);
        self.full_upload = true;
        self.dirty = None;
        self.generation += 1;
    }

    /// Look up or rasterise a glyph; `None` when it has no pixels.
    pub fn glyph(
        &mut self,
        ctx: &egui::Context,
        fs: &mut FontSystem,
        key: CacheKey,
    ) -> Option<AtlasGlyph> {
        self.emitted_this_pass = true;
        let pass = self.pass;
        let entry = if let Some(entry) = self.entries.get_mut(&key) {
            entry.last_used = pass;
            *entry
        } else {
            let entry = self.rasterise(ctx, fs, key);
            self.entries.insert(key, entry);
            entry
        };
        let slot = entry.slot?;
        let side = self.image.size;
        let w = side[0] as f32;
        let h = side[1] as f32;
        Some(AtlasGlyph {
            uv: Rect::from_min_max(
                pos2(slot.x as f32 / w, slot.y as f32 / h),
                pos2((slot.x + slot.width) as f32 / w, (slot.y + slot.height) as f32 / h),
            ),
            left: entry.left,
            top: entry.top,
            width: u32::try_from(slot.width).unwrap_or(0),
            height: u32::try_from(slot.height).unwrap_or(0),
            is_color: entry.is_color,
        })
    }

    fn rasterise(&mut self, ctx: &egui::Context, fs: &mut FontSystem, key: CacheKey) -> Entry {
        self.stats.rasterised += 1;
        let empty = Entry { slot: None, left: 0, top: 0, is_color: false, last_used: self.pass };
        let Some(image) = self.swash.get_image_uncached(fs, key) else {
            return empty;
        };
        let width = image.placement.width as usize;
        let height = image.placement.height as usize;
        let entry = Entry { left: image.placement.left, top: image.placement.top, ..empty };
        if width == 0 || height == 0 {
            return entry;
        }
        let (is_color, pixels): (bool, Vec<Color32>) = match image.content {
            SwashContent::Mask => (
                false,
                image
                    .data
                    .iter()
                    .map(|&a| self.transfer.to_atlas_color(Color32::from_white_alpha(a)))
                    .collect(),
            ),
            SwashContent::Color => (
                true,
                image
                    .data
                    .chunks_exact(4)
                    .map(|p| match *p {
                        [r, g, b, a] => premultiplied(r, g, b, a),
                        _ => Color32::TRANSPARENT,
                    })
                    .collect(),
            ),
            SwashContent::SubpixelMask => (
                false,
                image
                    .data
                    .chunks_exact(4)
                    .map(|p| {
                        let coverage = p.iter().take(3).map(|&c| u16::from(c)).sum::<u16>() / 3;
                        let a = u8::try_from(coverage).unwrap_or(u8::MAX);
                        self.transfer.to_atlas_color(Color32::from_white_alpha(a))
                    })
                    .collect(),
            ),
        };
        if pixels.len() != width * height {
            return entry;
        }
        let Some(slot) = self.allocate(ctx, width, height) else {
            log::warn!("text atlas: no room for a {width}×{height} glyph");
            return entry;
        };
        self.write(slot, &pixels);
        Entry { slot: Some(slot), is_color, ..entry }
    }

    fn write(&mut self, slot: Slot, pixels: &[Color32]) {
        let stride = self.image.size[0];
        let pad = PADDING as usize;
        // Clear the padded area (it may hold an evicted glyph), then copy the rows.
        let x0 = slot.x.saturating_sub(pad);
        let y0 = slot.y.saturating_sub(pad);
        let x1 = (slot.x + slot.width + pad).min(stride);
        let y1 = (slot.y + slot.height + pad).min(self.image.size[1]);
        for y in y0..y1 {
            if let Some(row) = self.image.pixels.get_mut(y * stride + x0..y * stride + x1) {
                row.fill(Color32::TRANSPARENT);
            }
        }
        for (row_i, row) in pixels.chunks_exact(slot.width).enumerate() {
            let start = (slot.y + row_i) * stride + slot.x;
            if let Some(dst) = self.image.pixels.get_mut(start..start + slot.width) {
                dst.copy_from_slice(row);
            }
        }
        let changed = Dirty { x0, y0, x1, y1 };
        self.dirty = Some(self.dirty.map_or(changed, |d| d.union(changed)));
    }

    fn try_allocate(&mut self, width: usize, height: usize) -> Option<Slot> {
        let padded = size2(to_i32(width) + 2 * PADDING, to_i32(height) + 2 * PADDING);
        let alloc = self.allocator.allocate(padded)?;
        let x = usize::try_from(alloc.rectangle.min.x + PADDING).ok()?;
        let y = usize::try_from(alloc.rectangle.min.y + PADDING).ok()?;
        Some(Slot { id: alloc.id, x, y, width, height })
    }

    fn allocate(&mut self, ctx: &egui::Context, width: usize, height: usize) -> Option<Slot> {
        if let Some(slot) = self.try_allocate(width, height) {
            return Some(slot);
        }
        let pass = self.pass;
        if self.evict(ctx, |last_used| last_used + EVICT_AFTER_PASSES < pass) > 0
            && let Some(slot) = self.try_allocate(width, height)
        {
            return Some(slot);
        }
        let max_side = ctx.input(|i| i.max_texture_side).clamp(INITIAL_SIDE, 16_384);
        while self.image.size[0] * 2 <= max_side {
            self.grow(ctx);
            if let Some(slot) = self.try_allocate(width, height) {
                return Some(slot);
            }
        }
        // At the largest size: drop everything not drawn in this pass, then everything.
        if self.evict(ctx, |last_used| last_used < pass) > 0
            && let Some(slot) = self.try_allocate(width, height)
        {
            return Some(slot);
        }
        self.clear();
        if self.emitted_this_pass {
            ctx.request_discard("text atlas was cleared");
        }
        self.try_allocate(width, height)
    }

    /// Evict glyphs whose last use matches `stale`; returns how many had pixels.
    ///
    /// Cached meshes do not touch their glyphs every frame, so a glyph may be evicted
    /// while a mesh still shows it: the generation changes (cached meshes rebuild) and,
    /// if this pass already emitted glyphs, the pass is discarded.
    fn evict(&mut self, ctx: &egui::Context, stale: impl Fn(u64) -> bool) -> usize {
        let mut freed = 0;
        let allocator = &mut self.allocator;
        self.entries.retain(|_, entry| {
            if !stale(entry.last_used) {
                return true;
            }
            if let Some(slot) = entry.slot {
                allocator.deallocate(slot.id);
                freed += 1;
            }
            false
        });
        self.stats.evicted += freed as u64;
        if freed > 0 {
            self.generation += 1;
            if self.emitted_this_pass {
                ctx.request_discard("text atlas evicted glyphs");
            }
        }
        freed
    }

    fn grow(&mut self, ctx: &egui::Context) {
        let old = self.image.size;
        let side = old[0] * 2;
        let mut image = ColorImage::filled([side, side], Color32::TRANSPARENT);
        for y in 0..old[1] {
            let src = self.image.pixels.get(y * old[0]..(y + 1) * old[0]);
            let dst = image.pixels.get_mut(y * side..y * side + old[0]);
            if let (Some(src), Some(dst)) = (src, dst) {
                dst.copy_from_slice(src);
            }
        }
        self.image = image;
        self.allocator.grow(size2(to_i32(side), to_i32(side)));
        self.full_upload = true;
        self.dirty = None;
        self.stats.side = side;
        self.stats.grown += 1;
        self.generation += 1;
        if self.emitted_this_pass {
            // Meshes emitted earlier in this pass carry UVs for the old size.
            ctx.request_discard("text atlas grew");
        }
    }

    /// Send pending changes to egui; call once per frame, before the pass ends.
    pub fn end_frame(&mut self) {
        self.upload();
    }

    fn upload(&mut self) {
        if self.full_upload {
            self.texture.set(self.image.clone(), texture_options());
            self.full_upload = false;
            self.dirty = None;
        } else if let Some(d) = self.dirty.take() {
            let region = self.image.region_by_pixels([d.x0, d.y0], [d.x1 - d.x0, d.y1 - d.y0]);
            self.texture.set_partial([d.x0, d.y0], region, texture_options());
        }
    }
}

/// Premultiply an unmultiplied RGBA pixel (colour glyphs).
fn premultiplied(r: u8, g: u8, b: u8, a: u8) -> Color32 {
    let mul = |c: u8| ((u16::from(c) * u16::from(a) + 127) / 255) as u8;
    Color32::from_rgba_premultiplied(mul(r), mul(g), mul(b), a)
}

#[cfg(test)]
mod tests {
    use cosmic_text::{Attrs, Buffer, Metrics, Shaping};

    use super::*;

    fn keys(fs: &mut FontSystem, text: &str, size: f32) -> Vec<CacheKey> {
        let mut buffer = Buffer::new(fs, Metrics::new(size, size * 1.2));
        buffer.set_text(text, &Attrs::new(), Shaping::Advanced, None);
        buffer.shape_until_scroll(fs, false);
        buffer
            .layout_runs()
            .flat_map(|run| run.glyphs.iter().map(|g| g.physical((0.0, 0.0), 1.0).cache_key))
            .collect()
    }

    #[test]
    fn glyphs_are_cached_and_the_atlas_grows_when_full() {
        let ctx = egui::Context::default();
        let mut fs = super::super::fonts::font_system();
        let mut atlas = GlyphAtlas::new(&ctx);
        let k = keys(&mut fs, "Hello", 40.0);
        let first = atlas.glyph(&ctx, &mut fs, k[0]).unwrap();
        let again = atlas.glyph(&ctx, &mut fs, k[0]).unwrap();
        assert_eq!(first.uv, again.uv);
        assert_eq!(atlas.stats().rasterised, 1);
        // Big glyphs in many sizes overflow 512×512 and force growth.
        for size in 60..110 {
            for key in keys(&mut fs, "WMQ@", size as f32) {
                atlas.glyph(&ctx, &mut fs, key);
            }
        }
        let stats = atlas.stats();
        assert!(stats.grown >= 1, "{stats:?}");
        assert!(stats.side > INITIAL_SIDE);
        // Earlier glyph is still there after growth (copied), UVs rescaled.
        let after = atlas.glyph(&ctx, &mut fs, k[0]).unwrap();
        assert!(after.uv.width() < first.uv.width());
        atlas.end_frame();
    }

    #[test]
    fn premultiply_is_exact_at_the_ends() {
        assert_eq!(
            premultiplied(255, 10, 0, 255),
            Color32::from_rgba_premultiplied(255, 10, 0, 255)
        );
        assert_eq!(premultiplied(255, 255, 255, 0), Color32::TRANSPARENT);
    }
}
