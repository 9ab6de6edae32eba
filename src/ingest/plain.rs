//! Plain text: paragraphs are separated by blank lines; inside one, hard-wrapped
//! lines are joined with a space while genuinely separate short lines (a date line
//! above a photo credit) stay separate paragraphs.
//!
//! A text counts as hard-wrapped when most lines that are followed by another line
//! of the same block are close to one width (30–200 characters). Two lines are then
//! joined when the next line's first word would not have fitted on the first — the
//! reason a wrapping editor broke there. Date, byline and credit lines, list items
//! and indented lines always start a paragraph of their own.

use super::block::{Block, Extracted, FormatReader};
use super::normalize::clean_line;
use super::roles::is_standalone_line;

/// Reads `.txt` files and plain pasted text.
pub(crate) struct PlainReader;

impl FormatReader for PlainReader {
    fn read(&self, text: &str) -> Extracted {
        let mut groups: Vec<Vec<Line>> = Vec::new();
        let mut current: Vec<Line> = Vec::new();
        for raw in text.split('\n') {
            let cleaned = clean_line(raw);
            if cleaned.is_empty() {
                if !current.is_empty() {
                    groups.push(std::mem::take(&mut current));
                }
                continue;
            }
            let indented = raw.starts_with("  ") || raw.starts_with('\u{3000}');
            current.push(Line { text: cleaned, indented, hard_break: false });
        }
        if !current.is_empty() {
            groups.push(current);
        }
        let blocks = reflow(&groups, false).into_iter().flatten().map(Block::plain).collect();
        Extracted { blocks, ..Extracted::default() }
    }
}

/// One cleaned line of a source paragraph.
#[derive(Clone, Debug, Default)]
pub(crate) struct Line {
    /// Text with spaces collapsed and trimmed; never empty.
    pub text: String,
    /// The raw line started with indentation (a paragraph start in some texts).
    pub indented: bool,
    /// The source forces a break after this line (Markdown hard break).
    pub hard_break: bool,
}

fn chars(text: &str) -> usize {
    text.chars().count()
}

fn starts_list_item(text: &str) -> bool {
    let mut it = text.chars();
    match it.next() {
        Some('-' | '*' | '•' | '–' | '—' | '·') => it.next() == Some(' '),
        Some(c) if c.is_ascii_digit() => {
            let rest: String = text.chars().skip_while(char::is_ascii_digit).take(2).collect();
            rest == ". " || rest == ") "
        }
        _ => false,
    }
}

/// The width a hard-wrapped text was wrapped at, or `None` when it is not wrapped.
fn wrap_width(groups: &[Vec<Line>]) -> Option<usize> {
    let mut lengths: Vec<usize> = groups
        .iter()
        .filter(|g| g.len() > 1)
        .flat_map(|g| g.iter().take(g.len() - 1))
        .filter(|l| !l.hard_break && !is_standalone_line(&l.text))
        .map(|l| chars(&l.text))
        .collect();
    if lengths.is_empty() {
        return None;
    }
    lengths.sort_unstable();
    let width = *lengths.get((lengths.len() - 1) * 9 / 10)?;
    if !(30..=200).contains(&width) {
        return None;
    }
    let near = lengths.iter().filter(|&&l| l * 10 >= width * 6).count();
    (near * 10 >= lengths.len() * 7).then_some(width)
}

/// Turn blank-line-separated groups of lines into paragraphs, group by group (see
/// the module doc). With `soft_breaks` (Markdown), every line break that is not a
/// hard break joins, except around date, byline, credit and list lines.
pub(crate) fn reflow(groups: &[Vec<Line>], soft_breaks: bool) -> Vec<Vec<String>> {
    let width = if soft_breaks { Some(0) } else { wrap_width(groups) };
    let mut out = Vec::with_capacity(groups.len());
    for group in groups {
        let mut paragraphs = Vec::new();
        let mut current = String::new();
        let mut previous: Option<&Line> = None;
        for line in group {
            let join = previous.is_some_and(|prev| joins(prev, line, width));
            if !join && !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(&line.text);
            previous = Some(line);
        }
        if !current.is_empty() {
            paragraphs.push(current);
        }
        out.push(paragraphs);
    }
    out
}

fn joins(prev: &Line, next: &Line, width: Option<usize>) -> bool {
    let Some(width) = width else { return false };
    if prev.hard_break
        || next.indented
        || starts_list_item(&next.text)
        || is_standalone_line(&prev.text)
        || is_standalone_line(&next.text)
    {
        return false;
    }
    let first_word = next.text.split(' ').next().map_or(0, chars);
    // The next word would not have fitted (10% slack for proportional fonts). A
    // width of 0 (Markdown soft breaks) always joins.
    (chars(&prev.text) + 1 + first_word) * 10 > width * 9
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(text: &str) -> Vec<String> {
        PlainReader.read(text).blocks.into_iter().map(|b| b.text).collect()
    }

    #[test]
    fn short_lines_stay_separate() {
        assert_eq!(
            paragraphs("07-يوليو-2023\ngettyimages\n\nنص.\n"),
            ["07-يوليو-2023", "gettyimages", "نص."]
        );
        assert_eq!(paragraphs("One\nTwo\n\nThree"), ["One", "Two", "Three"]);
    }

    #[test]
    fn hard_wrapped_lines_join() {
        let text = "The talks took place with the knowledge of the\nadministration but not at its direction, two of\nthe sources said.\n\nA former official who took part in later meetings\nsaid the aim was to keep channels open with Moscow.\n";
        assert_eq!(
            paragraphs(text),
            [
                "The talks took place with the knowledge of the administration but not at its direction, two of the sources said.",
                "A former official who took part in later meetings said the aim was to keep channels open with Moscow."
            ]
        );
    }

    #[test]
    fn one_paragraph_per_line_is_kept() {
        let text = "First paragraph is long enough to look like real text from a story, really.\nSecond one is short.\nThird paragraph also has plenty of words in it so that it is long, too.\n";
        assert_eq!(paragraphs(text).len(), 3);
    }

    #[test]
    fn list_items_and_bylines_break_wrapping() {
        let text = "July 7, 2023 09:40 GMT\nBy Sample Wire Staff\n\nSome wrapped text that goes on for a while and then\nwraps at the edge of the column like this one does.\n- a list item\n";
        assert_eq!(
            paragraphs(text),
            [
                "July 7, 2023 09:40 GMT",
                "By Sample Wire Staff",
                "Some wrapped text that goes on for a while and then wraps at the edge of the column like this one does.",
                "- a list item"
            ]
        );
    }
}
