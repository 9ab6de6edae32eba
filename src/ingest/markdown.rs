//! Markdown via `pulldown-cmark`: markup removed, paragraphs kept. The first `#`
//! heading is the headline, other headings are subheadings; emphasis keeps its
//! text, links become their text, images are dropped; list items and table rows
//! become paragraphs. YAML front matter (`title:`, `date:`, `author:`, `source:`,
//! `url:`) fills the metadata.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::model::ParagraphRole;

use super::block::{Block, Extracted, FormatReader, FoundMeta};
use super::dates::parse_date;
use super::normalize::clean_line;
use super::plain::{Line, reflow};

/// Reads `.md` / `.markdown` files and pasted Markdown.
pub(crate) struct MarkdownReader;

/// A paragraph waiting for [`reflow`], or a block whose role is already known.
enum Pending {
    Lines(Vec<Line>),
    Fixed(Block),
}

#[derive(Default)]
struct State {
    pending: Vec<Pending>,
    lines: Vec<Line>,
    line: String,
    heading: Option<HeadingLevel>,
    has_headline: bool,
    list_depth: usize,
    image_depth: usize,
    in_metadata: bool,
    metadata: String,
    in_code: bool,
}

impl State {
    fn end_line(&mut self, hard_break: bool) {
        let text = clean_line(&self.line);
        self.line.clear();
        if !text.is_empty() {
            self.lines.push(Line { text, indented: false, hard_break });
        } else if hard_break && let Some(last) = self.lines.last_mut() {
            last.hard_break = true;
        }
    }

    fn end_block(&mut self) {
        self.end_line(false);
        if let Some(level) = self.heading.take() {
            let text = std::mem::take(&mut self.lines)
                .into_iter()
                .map(|l| l.text)
                .collect::<Vec<_>>()
                .join(" ");
            if text.is_empty() {
                return;
            }
            let role = if level == HeadingLevel::H1 && !self.has_headline {
                self.has_headline = true;
                ParagraphRole::Headline
            } else {
                ParagraphRole::Subheading
            };
            self.pending.push(Pending::Fixed(Block::with_role(text, role)));
        } else if self.list_depth > 0 {
            // List items are body text, however short.
            let groups = [std::mem::take(&mut self.lines)];
            for text in reflow(&groups, true).into_iter().flatten() {
                self.pending.push(Pending::Fixed(Block::with_role(text, ParagraphRole::Body)));
            }
        } else if !self.lines.is_empty() {
            self.pending.push(Pending::Lines(std::mem::take(&mut self.lines)));
        }
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(Tag::Image { .. }) => self.image_depth += 1,
            Event::End(TagEnd::Image) => self.image_depth = self.image_depth.saturating_sub(1),
            _ if self.image_depth > 0 => {}
            Event::Start(Tag::MetadataBlock(_)) => self.in_metadata = true,
            Event::End(TagEnd::MetadataBlock(_)) => self.in_metadata = false,
            Event::Text(text) if self.in_metadata => self.metadata.push_str(&text),
            Event::Start(Tag::Heading { level, .. }) => {
                self.end_block();
                self.heading = Some(level);
            }
            Event::Start(Tag::List(_)) => {
                self.end_block();
                self.list_depth += 1;
            }
            Event::End(TagEnd::List(_)) => {
                self.end_block();
                self.list_depth = self.list_depth.saturating_sub(1);
            }
            Event::Start(Tag::CodeBlock(_)) => {
                self.end_block();
                self.in_code = true;
            }
            Event::End(TagEnd::CodeBlock) => {
                self.in_code = false;
                self.end_block();
            }
            Event::Start(
                Tag::Paragraph | Tag::Item | Tag::BlockQuote(_) | Tag::TableRow | Tag::TableHead,
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::TableRow
                | TagEnd::TableHead
                | TagEnd::HtmlBlock,
            )
            | Event::Rule => self.end_block(),
            Event::End(TagEnd::TableCell) => self.line.push_str(" | "),
            Event::Text(text) if self.in_code => {
                let mut parts = text.split('\n').peekable();
                while let Some(part) = parts.next() {
                    self.line.push_str(part);
                    if parts.peek().is_some() {
                        self.end_line(true);
                    }
                }
            }
            Event::Text(text) | Event::Code(text) | Event::InlineMath(text) => {
                self.line.push_str(&text);
            }
            Event::Html(html) => {
                for part in strip_tags(&html).split('\n') {
                    self.line.push_str(part);
                    self.end_line(false);
                }
            }
            Event::InlineHtml(html) if html.to_ascii_lowercase().starts_with("<br") => {
                self.end_line(true);
            }
            Event::SoftBreak => self.end_line(false),
            Event::HardBreak => self.end_line(true),
            _ => {}
        }
    }
}

/// Text of an HTML fragment without its tags (good enough for HTML blocks that
/// appear inside Markdown).
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

impl FormatReader for MarkdownReader {
    fn read(&self, text: &str) -> Extracted {
        let options = Options::ENABLE_TABLES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
        let mut state = State::default();
        for event in Parser::new_ext(text, options) {
            state.event(event);
        }
        state.end_block();
        let groups: Vec<Vec<Line>> = state
            .pending
            .iter()
            .filter_map(|p| if let Pending::Lines(lines) = p { Some(lines.clone()) } else { None })
            .collect();
        let mut flowed = reflow(&groups, true).into_iter();
        let mut blocks = Vec::new();
        for pending in state.pending {
            match pending {
                Pending::Fixed(block) => blocks.push(block),
                Pending::Lines(_) => {
                    blocks.extend(flowed.next().into_iter().flatten().map(Block::plain));
                }
            }
        }
        Extracted { blocks, found: front_matter(&state.metadata), warnings: Vec::new() }
    }
}

/// Simple `key: value` lines of YAML front matter.
fn front_matter(yaml: &str) -> FoundMeta {
    let mut found = FoundMeta::default();
    for line in yaml.lines() {
        let Some((key, value)) = line.split_once(':') else { continue };
        let value = value.trim().trim_matches(['"', '\'']).trim();
        if value.is_empty() {
            continue;
        }
        let value = value.to_owned();
        match key.trim().to_ascii_lowercase().as_str() {
            "title" | "headline" => found.title = Some(value),
            "author" | "authors" | "byline" => found.author = Some(value),
            "source" | "outlet" | "publisher" | "site" | "site_name" => found.outlet = Some(value),
            "url" | "link" | "canonical" | "source_url" => found.url = Some(value),
            "date" | "published" | "pubdate" | "published_at" => {
                found.published = parse_date(&value);
            }
            "lang" | "language" => found.language = Some(value),
            _ => {}
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(String, Option<ParagraphRole>)> {
        MarkdownReader.read(text).blocks.into_iter().map(|b| (b.text, b.role)).collect()
    }

    #[test]
    fn headings_emphasis_links() {
        let blocks = read(
            "# Big news\n\n*Ledger, 8 July 2023*\n\nHe said **no** to [the plan](http://x).\n\n## Reaction\n\n![photo](p.jpg)\n\n- one\n- two\n",
        );
        let texts: Vec<&str> = blocks.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Big news",
                "Ledger, 8 July 2023",
                "He said no to the plan.",
                "Reaction",
                "one",
                "two"
            ]
        );
        assert_eq!(blocks.first().and_then(|b| b.1), Some(ParagraphRole::Headline));
        assert_eq!(blocks.get(3).and_then(|b| b.1), Some(ParagraphRole::Subheading));
    }

    #[test]
    fn soft_wrapped_paragraph_joins() {
        let blocks = read(
            "This is a long paragraph that was wrapped by an editor at\nseventy columns so it continues on the next line.\n",
        );
        assert_eq!(blocks.len(), 1);
    }

    #[test]
    fn front_matter_fills_meta() {
        let found = MarkdownReader
            .read("---\ntitle: \"Talks\"\ndate: 2023-07-08\nauthor: Jane\nurl: https://x.test/a\n---\n\nBody.\n")
            .found;
        assert_eq!(found.title.as_deref(), Some("Talks"));
        assert_eq!(found.published.map(|d| d.iso()).as_deref(), Some("2023-07-08"));
        assert_eq!(found.author.as_deref(), Some("Jane"));
        assert_eq!(found.url.as_deref(), Some("https://x.test/a"));
    }
}
