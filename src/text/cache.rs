//! The layout cache: text is shaped once per (text, style, direction) and laid out once
//! per width; a new width clones the shaped buffer and re-wraps it (no reshaping).
//! Entries unused for a while are dropped at the end of a frame.

use std::collections::HashMap;
use std::sync::Arc;

use cosmic_text::FontSystem;

use super::layout::{Laid, LayoutOptions};
use super::style::{StyleKey, TextStyle};
use crate::model::Direction;

/// Drop layouts unused for this many frames.
const EVICT_AFTER_FRAMES: u64 = 300;
/// Above this many entries, drop everything not used in the last few frames.
const MAX_ENTRIES: usize = 20_000;

const MIX_K: u64 = 0xf135_7aea_2e62_a9c5;

fn mix(h: u64, w: u64) -> u64 {
    (h.rotate_left(26) ^ w).wrapping_mul(MIX_K)
}

fn word_at(bytes: &[u8], at: usize) -> u64 {
    let mut word = [0u8; 8];
    if let Some(src) = bytes.get(at..at + 8) {
        word.copy_from_slice(src);
    }
    u64::from_le_bytes(word)
}

/// A fast, non-cryptographic hash of bytes (four independent lanes of 8-byte words, so
/// a document's text hashes at memory speed every frame), seeded.
#[must_use]
pub(crate) fn fast_hash(seed: u64, bytes: &[u8]) -> u64 {
    let mut lanes = [seed, seed ^ 1, seed ^ 2, seed ^ 3].map(|l| mix(l, bytes.len() as u64));
    let mut blocks = bytes.chunks_exact(32);
    for block in &mut blocks {
        for (i, lane) in lanes.iter_mut().enumerate() {
            *lane = mix(*lane, word_at(block, i * 8));
        }
    }
    let rest = blocks.remainder();
    let mut tail = [0u8; 32];
    if let Some(dst) = tail.get_mut(..rest.len()) {
        dst.copy_from_slice(rest);
    }
    for (i, lane) in lanes.iter_mut().enumerate() {
        *lane = mix(*lane, word_at(&tail, i * 8));
    }
    lanes.iter().fold(0, |h, &l| mix(h, l)).rotate_left(26)
}

/// A small, fast hasher for in-memory maps keyed by plain data (glyph keys, ids).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct FastHasher(u64);

impl std::hash::Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            if let Some(dst) = word.get_mut(..chunk.len()) {
                dst.copy_from_slice(chunk);
            }
            self.0 = mix(self.0, u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.0 = mix(self.0, u64::from(i));
    }

    fn write_u16(&mut self, i: u16) {
        self.0 = mix(self.0, u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.0 = mix(self.0, u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.0 = mix(self.0, i);
    }

    fn write_usize(&mut self, i: usize) {
        self.0 = mix(self.0, i as u64);
    }
}

/// `HashMap` builder using [`FastHasher`].
pub(crate) type FastBuild = std::hash::BuildHasherDefault<FastHasher>;

/// Hash of any hashable value (fast, fixed keys).
pub(crate) fn hash_of(value: &impl std::hash::Hash) -> u64 {
    use std::hash::BuildHasher as _;
    FastBuild::default().hash_one(value)
}

/// Cache key of the width: quarter points, so float noise does not miss the cache.
fn width_key(width: Option<f32>) -> Option<i64> {
    width.filter(|w| w.is_finite()).map(|w| (w * 4.0).round() as i64)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct OptionsKey {
    width: Option<i64>,
    max_lines: Option<usize>,
    wrap: bool,
}

#[derive(Debug)]
struct Entry {
    text: String,
    style: StyleKey,
    direction: Option<Direction>,
    options: OptionsKey,
    laid: Arc<Laid>,
    last_used: u64,
}

/// Shaped and laid-out texts.
#[derive(Debug, Default)]
pub(crate) struct LayoutCache {
    entries: HashMap<u64, Entry>,
    /// Shape hash → layout hash of the latest layout of that shaped text.
    by_shape: HashMap<u64, u64>,
    frame: u64,
    shaped: u64,
    reflowed: u64,
}

impl LayoutCache {
    /// The layout of `text`, from the cache if possible.
    pub fn get(
        &mut self,
        fs: &mut FontSystem,
        text: &str,
        style: &TextStyle,
        options: LayoutOptions,
    ) -> Arc<Laid> {
        let width = width_key(options.width);
        let options = LayoutOptions { width: width.map(|w| w as f32 / 4.0), ..options };
        let options_key = OptionsKey { width, max_lines: options.max_lines, wrap: options.wrap };
        let style_key = style.key();
        let shape_hash = fast_hash(hash_of(&(style_key, options.direction)), text.as_bytes());
        let layout_hash = shape_hash ^ hash_of(&options_key).rotate_left(17);
        if let Some(entry) = self.entries.get_mut(&layout_hash)
            && entry.options == options_key
            && entry.style == style_key
            && entry.direction == options.direction
            && entry.text == text
        {
            entry.last_used = self.frame;
            return Arc::clone(&entry.laid);
        }
        let sibling = self
            .by_shape
            .get(&shape_hash)
            .and_then(|h| self.entries.get(h))
            .filter(|e| e.style == style_key && e.direction == options.direction && e.text == text)
            .map(|e| Arc::clone(&e.laid));
        let laid = if let Some(sibling) = sibling {
            self.reflowed += 1;
            let mut laid = Laid::clone(&sibling);
            laid.reflow(fs, options);
            laid
        } else {
            self.shaped += 1;
            Laid::new(fs, text, style, options)
        };
        let laid = Arc::new(laid);
        self.entries.insert(
            layout_hash,
            Entry {
                text: text.to_owned(),
                style: style_key,
                direction: options.direction,
                options: options_key,
                laid: Arc::clone(&laid),
                last_used: self.frame,
            },
        );
        self.by_shape.insert(shape_hash, layout_hash);
        laid
    }

    /// Advance the frame counter and drop stale entries.
    pub fn end_frame(&mut self) {
        self.frame += 1;
        let frame = self.frame;
        let keep_after = if self.entries.len() > MAX_ENTRIES {
            frame.saturating_sub(2)
        } else {
            frame.saturating_sub(EVICT_AFTER_FRAMES)
        };
        let before = self.entries.len();
        self.entries.retain(|_, e| e.last_used >= keep_after);
        if self.entries.len() != before {
            let entries = &self.entries;
            self.by_shape.retain(|_, h| entries.contains_key(h));
        }
    }

    /// Entries stored.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// `(shaped, reflowed)`: how many layouts were shaped from scratch and how many
    /// re-wrapped an already shaped text.
    pub fn counters(&self) -> (u64, u64) {
        (self.shaped, self.reflowed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_hash_differs_on_small_changes() {
        let a = fast_hash(1, "قال المتحدث".as_bytes());
        let b = fast_hash(1, "قال المتحدّث".as_bytes());
        let c = fast_hash(2, "قال المتحدث".as_bytes());
        assert_ne!(a, b);
        assert_ne!(a, c);
        assert_eq!(a, fast_hash(1, "قال المتحدث".as_bytes()));
        assert_ne!(fast_hash(0, b""), fast_hash(0, b"\0"));
    }

    #[test]
    fn same_text_other_width_reflows_instead_of_reshaping() {
        let mut fs = super::super::fonts::font_system();
        let mut cache = LayoutCache::default();
        let style = TextStyle::default();
        let text = "بالتوازي مع مسار الحرب والمحادثات الرسمية القليلة";
        let a = cache.get(&mut fs, text, &style, LayoutOptions::wrapped(Some(400.0)));
        let a2 = cache.get(&mut fs, text, &style, LayoutOptions::wrapped(Some(400.0)));
        assert!(Arc::ptr_eq(&a, &a2));
        let b = cache.get(&mut fs, text, &style, LayoutOptions::wrapped(Some(120.0)));
        assert_eq!(cache.counters(), (1, 1));
        assert!(b.visual_lines() > a.visual_lines());
        // colour is not part of the key
        let red = style.with_color(egui::Color32::RED);
        let c = cache.get(&mut fs, text, &red, LayoutOptions::wrapped(Some(400.0)));
        assert!(Arc::ptr_eq(&a, &c));
    }

    #[test]
    fn stale_entries_are_evicted() {
        let mut fs = super::super::fonts::font_system();
        let mut cache = LayoutCache::default();
        cache.get(&mut fs, "x", &TextStyle::default(), LayoutOptions::default());
        for _ in 0..=EVICT_AFTER_FRAMES {
            cache.end_frame();
        }
        assert_eq!(cache.len(), 0);
    }
}
