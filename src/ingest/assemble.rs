//! Joins classified paragraphs into an article's stored text: paragraphs separated
//! by exactly one `'\n'`, each with its character range, role and base direction.

use crate::model::{Article, CharRange, Direction, Paragraph, ParagraphRole};

use super::block::Block;
use super::language::base_direction;

/// Base direction for paragraphs with no strong character, from the language.
#[must_use]
pub(crate) fn language_direction(language: &str) -> Direction {
    match language {
        "ar" | "fa" | "ur" | "he" | "ps" | "ku" | "yi" | "dv" | "sd" | "ug" => Direction::Rtl,
        _ => Direction::Ltr,
    }
}

/// Base direction of a whole article: the direction of most of its body text
/// (counted in characters), else of its language. The analyst's
/// [`crate::model::ArticleMeta::direction_override`] wins over both.
#[must_use]
pub fn article_direction(article: &Article) -> Direction {
    if let Some(forced) = article.meta.direction_override {
        return forced;
    }
    let (mut rtl, mut ltr) = (0usize, 0usize);
    for paragraph in article.paragraphs.iter().filter(|p| p.role.is_body()) {
        match paragraph.direction {
            Direction::Rtl => rtl += paragraph.range.len(),
            Direction::Ltr => ltr += paragraph.range.len(),
        }
    }
    match rtl.cmp(&ltr) {
        std::cmp::Ordering::Greater => Direction::Rtl,
        std::cmp::Ordering::Less => Direction::Ltr,
        std::cmp::Ordering::Equal => language_direction(&article.meta.language),
    }
}

/// The stored text and its paragraphs. `roles` pairs with `blocks`.
#[must_use]
pub(crate) fn assemble(
    blocks: &[Block],
    roles: &[ParagraphRole],
    fallback: Direction,
) -> (String, Vec<Paragraph>) {
    let mut text = String::with_capacity(blocks.iter().map(|b| b.text.len() + 1).sum());
    let mut paragraphs = Vec::with_capacity(blocks.len());
    let mut offset = 0usize;
    for (block, role) in blocks.iter().zip(roles) {
        if block.text.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push('\n');
            offset += 1;
        }
        let len = block.text.chars().count();
        text.push_str(&block.text);
        paragraphs.push(Paragraph {
            range: CharRange::new(offset, offset + len),
            role: *role,
            direction: base_direction(&block.text).unwrap_or(fallback),
        });
        offset += len;
    }
    (text, paragraphs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::char_slice;

    #[test]
    fn ranges_are_char_offsets() {
        let blocks =
            [Block::plain("٢٠٢٣".into()), Block::plain("قال".into()), Block::plain("said".into())];
        let roles = [ParagraphRole::Byline, ParagraphRole::Body, ParagraphRole::Body];
        let (text, paragraphs) = assemble(&blocks, &roles, Direction::Rtl);
        assert_eq!(text, "٢٠٢٣\nقال\nsaid");
        let slices: Vec<&str> =
            paragraphs.iter().map(|p| char_slice(&text, p.range.start, p.range.end)).collect();
        assert_eq!(slices, ["٢٠٢٣", "قال", "said"]);
        let dirs: Vec<Direction> = paragraphs.iter().map(|p| p.direction).collect();
        assert_eq!(dirs, [Direction::Rtl, Direction::Rtl, Direction::Ltr]);
    }
}
