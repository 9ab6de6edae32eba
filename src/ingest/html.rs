//! HTML pages: the article body is found by `dom_smoothie` (a port of Mozilla's
//! Readability; it drops navigation, scripts, styles, ads and share widgets) and
//! then walked block by block so headings and `<figcaption>`s keep their roles.
//! Metadata comes from `<meta>` tags, JSON-LD, `<time>`, `<link rel=canonical>` and
//! `<html lang>`. When Readability finds no article, a plain walk of the page body
//! that skips obvious page furniture is used instead. Nothing is ever fetched: no
//! URL is resolved or loaded.

use dom_query::{Document, NodeRef};
use dom_smoothie::{Config, Metadata, Readability};

use crate::model::ParagraphRole;

use super::block::{Block, Extracted, FormatReader, FoundMeta};
use super::dates::{DateOrder, parse_date_with};
use super::normalize::clean_line;

/// Reads `.html` / `.htm` files and pasted HTML.
pub(crate) struct HtmlReader;

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "button", "select", "input", "textarea", "form", "nav", "menu", "head", "title", "img",
    "picture", "video", "audio", "canvas",
];

/// Extra elements the fallback walk skips (Readability already drops them).
const FURNITURE: &[&str] = &["header", "footer", "aside"];

/// `class`/`id` words that mark page furniture in the fallback walk.
const FURNITURE_MARKERS: &[&str] = &[
    "advert",
    "advertisement",
    "ad",
    "ads",
    "banner",
    "share",
    "sharing",
    "social",
    "promo",
    "related",
    "comment",
    "comments",
    "cookie",
    "newsletter",
    "subscribe",
    "sidebar",
    "breadcrumb",
    "breadcrumbs",
    "menu",
    "nav",
    "footer",
    "popup",
    "modal",
    "sponsor",
    "sponsored",
    "tags",
    "widget",
];

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "figure",
    "figcaption",
    "blockquote",
    "pre",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tr",
    "td",
    "th",
    "caption",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "address",
    "center",
    "details",
    "summary",
    "hr",
    "body",
    "html",
];

impl FormatReader for HtmlReader {
    fn read(&self, text: &str) -> Extracted {
        let doc = Document::from(text);
        let mut found = page_meta(&doc);
        let mut extracted = Extracted::default();
        // Classes are kept so the walk can spot captions, credits and widgets.
        let config = Config { keep_classes: true, ..Config::default() };
        let readability = Readability::with_document(doc, None, Some(config));
        let mut blocks = Vec::new();
        if let Ok(mut readability) = readability {
            let meta = readability.get_article_metadata(readability.parse_json_ld());
            merge_readability_meta(&mut found, &meta);
            if let Ok(article) = readability.parse() {
                let content = Document::from(article.content);
                let mut walker = Walker::new(false);
                walker.walk(&content.root(), None);
                blocks = walker.finish();
            }
        }
        if blocks.is_empty() {
            let page = Document::from(text);
            let mut walker = Walker::new(true);
            walker.walk(&page.root(), None);
            blocks = walker.finish();
            if !blocks.is_empty() {
                extracted.warnings.push(
                    "no article layout found in the page; all of its text was kept".to_owned(),
                );
            }
        }
        if !blocks.is_empty() {
            place_headline(&mut blocks, found.title.as_deref());
        }
        extracted.blocks = blocks;
        extracted.found = found;
        extracted
    }
}

/// The title becomes the headline paragraph: among the first five blocks, one
/// equal to it — or a heading that the title merely extends with the site name
/// (`Talks` in `Talks | Paper`) — is marked; otherwise the title is put first.
fn place_headline(blocks: &mut Vec<Block>, title: Option<&str>) {
    let Some(title) = title.map(clean_line).filter(|t| !t.is_empty()) else { return };
    let folded = crate::analysis::fold(&title);
    let matches = |block: &Block| {
        let text = crate::analysis::fold(&block.text);
        let heading =
            matches!(block.role, Some(ParagraphRole::Headline | ParagraphRole::Subheading));
        text == folded || (heading && text.chars().count() >= 8 && folded.starts_with(&text))
    };
    if let Some(block) = blocks.iter_mut().take(5).find(|b| matches(b)) {
        block.role = Some(ParagraphRole::Headline);
        return;
    }
    for block in blocks.iter_mut() {
        if block.role == Some(ParagraphRole::Headline) {
            block.role = Some(ParagraphRole::Subheading);
        }
    }
    blocks.insert(0, Block::with_role(title, ParagraphRole::Headline));
}

fn attr(node: &NodeRef<'_>, name: &str) -> Option<String> {
    node.attr(name).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

/// What the page itself says: language, canonical address, `<time>`.
fn page_meta(doc: &Document) -> FoundMeta {
    let mut found = FoundMeta::default();
    if let Some(html) = doc.select("html").nodes().first() {
        let lang = attr(html, "lang").unwrap_or_default().to_ascii_lowercase();
        if lang == "en-us" {
            found.date_order = DateOrder::MonthFirst;
        }
        if let Some(primary) = lang.split(['-', '_']).next().filter(|p| !p.is_empty()) {
            found.language = Some(primary.to_owned());
        }
    }
    found.url = doc
        .select("link[rel=canonical]")
        .nodes()
        .first()
        .and_then(|n| attr(n, "href"))
        .or_else(|| meta_content(doc, &["og:url", "twitter:url"]));
    found.published = meta_content(
        doc,
        &[
            "article:published_time",
            "og:published_time",
            "date",
            "pubdate",
            "publish-date",
            "dc.date",
            "dc.date.issued",
            "sailthru.date",
            "parsely-pub-date",
        ],
    )
    .and_then(|v| parse_date_with(&v, found.date_order))
    .or_else(|| {
        doc.select("time").nodes().iter().find_map(|t| {
            let value = attr(t, "datetime").unwrap_or_else(|| t.text().to_string());
            parse_date_with(&value, found.date_order)
        })
    });
    found.author = meta_content(doc, &["author", "article:author", "byl", "dc.creator"])
        .filter(|a| !a.starts_with("http"));
    found.outlet = meta_content(doc, &["og:site_name", "application-name"]);
    // Readability turns <h1> into <h2>; remember the page's own headline.
    found.title =
        doc.select("h1").nodes().first().map(|h1| clean_line(&h1.text())).filter(|t| !t.is_empty());
    found
}

fn meta_content(doc: &Document, keys: &[&str]) -> Option<String> {
    for node in doc.select("meta").nodes() {
        let key = attr(node, "property")
            .or_else(|| attr(node, "name"))
            .or_else(|| attr(node, "itemprop"))
            .unwrap_or_default()
            .to_ascii_lowercase();
        if keys.contains(&key.as_str())
            && let Some(content) = attr(node, "content")
        {
            return Some(content);
        }
    }
    None
}

/// Readability's metadata (it reads JSON-LD and many `<meta>` spellings) fills
/// what the page scan did not find; its title, when it has one, wins over the
/// page's first `<h1>`.
fn merge_readability_meta(found: &mut FoundMeta, meta: &Metadata) {
    let clean = |s: &Option<String>| s.as_deref().map(clean_line).filter(|s| !s.is_empty());
    let title = clean_line(&meta.title);
    if !title.is_empty() {
        found.title = Some(title);
    }
    if let Some(published) =
        meta.published_time.as_deref().and_then(|p| parse_date_with(p, found.date_order))
    {
        found.published = Some(published);
    }
    if let Some(byline) = clean(&meta.byline) {
        let byline =
            byline.strip_prefix("By ").or(byline.strip_prefix("by ")).unwrap_or(&byline).to_owned();
        found.author = Some(byline);
    }
    if let Some(site) = clean(&meta.site_name) {
        found.outlet = Some(site);
    }
    if found.url.is_none() {
        found.url = clean(&meta.url);
    }
    if found.language.is_none() {
        found.language =
            clean(&meta.lang).and_then(|l| l.split(['-', '_']).next().map(str::to_owned));
    }
}

/// Class and id of an element, lower case, space separated.
fn class_and_id(node: &NodeRef<'_>) -> String {
    format!("{} {}", attr(node, "class").unwrap_or_default(), attr(node, "id").unwrap_or_default())
        .to_ascii_lowercase()
}

/// A short element whose class or id contains one of `words`
/// (`wp-caption-text`, `photo-credit`, `article-byline`).
fn is_marked(node: &NodeRef<'_>, words: &[&str]) -> bool {
    let marks = class_and_id(node);
    words.iter().any(|w| marks.contains(w)) && node.text().chars().count() < 400
}

/// Walks a DOM collecting one block per paragraph-level element.
struct Walker {
    blocks: Vec<Block>,
    line: String,
    skip_furniture: bool,
}

impl Walker {
    fn new(skip_furniture: bool) -> Self {
        Walker { blocks: Vec::new(), line: String::new(), skip_furniture }
    }

    fn flush(&mut self, role: Option<ParagraphRole>) {
        let text = clean_line(&self.line);
        self.line.clear();
        if !text.is_empty() {
            self.blocks.push(Block { text, role });
        }
    }

    /// Page furniture: always `header`/`footer`/`aside` in the fallback walk; in
    /// both walks, a short element whose class or id names a widget (`share-bar`,
    /// `ad-slot`, `related`). Long elements are kept whatever their class says.
    fn is_furniture(&self, node: &NodeRef<'_>, name: &str) -> bool {
        if self.skip_furniture && FURNITURE.contains(&name) {
            return true;
        }
        let marks = class_and_id(node);
        let marked = marks.split([' ', '_', '-']).any(|word| FURNITURE_MARKERS.contains(&word));
        marked && node.text().chars().count() < 300
    }

    fn walk(&mut self, node: &NodeRef<'_>, role: Option<ParagraphRole>) {
        if node.is_text() {
            self.line.push_str(&node.text());
            return;
        }
        if !(node.is_element() || node.is_document() || node.is_fragment()) {
            return;
        }
        let name = node.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
        if SKIPPED.contains(&name.as_str()) || self.is_furniture(node, &name) {
            return;
        }
        if name == "br" {
            self.flush(role);
            return;
        }
        if !BLOCKS.contains(&name.as_str()) {
            for child in node.children_it(false) {
                self.walk(&child, role);
            }
            return;
        }
        self.flush(role);
        let own = match name.as_str() {
            "figcaption" | "caption" => Some(ParagraphRole::Caption),
            _ if is_marked(node, &["caption", "credit"]) => Some(ParagraphRole::Caption),
            _ if is_marked(node, &["pullquote", "pull-quote"]) => Some(ParagraphRole::PullQuote),
            _ if is_marked(node, &["byline", "dateline", "author"]) => Some(ParagraphRole::Byline),
            "h1" => Some(ParagraphRole::Headline),
            "h2" | "h3" | "h4" | "h5" | "h6" => Some(ParagraphRole::Subheading),
            // List items are body text, however short.
            "li" if role.is_none() => Some(ParagraphRole::Body),
            _ => role,
        };
        for child in node.children_it(false) {
            self.walk(&child, own);
        }
        self.flush(own);
    }

    fn finish(mut self) -> Vec<Block> {
        self.flush(None);
        // Only the first h1 can be the headline.
        let mut seen = false;
        for block in &mut self.blocks {
            if block.role == Some(ParagraphRole::Headline) {
                if seen {
                    block.role = Some(ParagraphRole::Subheading);
                }
                seen = true;
            }
        }
        self.blocks
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readability_path_keeps_roles() {
        let body = "<p>".to_owned()
            + &"The spokesperson said the administration did not authorise the meetings. "
                .repeat(6)
            + "</p>";
        let html = format!(
            "<html lang=\"en\"><head><title>Talks | Paper</title><meta property=\"og:site_name\" content=\"Paper\"></head>\
             <body><nav><a href=\"/\">Home</a></nav><article><h1>Talks</h1>\
             <figure><img src=\"a.jpg\"><figcaption>Lavrov in New York (Reuters)</figcaption></figure>\
             {body}<h2>Reaction</h2>{body}</article><script>var x = 1;</script></body></html>"
        );
        let extracted = HtmlReader.read(&html);
        let texts: Vec<(&str, Option<ParagraphRole>)> =
            extracted.blocks.iter().map(|b| (b.text.as_str(), b.role)).collect();
        assert!(
            texts.iter().all(|(t, _)| !t.contains("Home") && !t.contains("var x")),
            "{texts:?}"
        );
        assert!(
            texts.contains(&("Lavrov in New York (Reuters)", Some(ParagraphRole::Caption))),
            "{texts:?}"
        );
        assert!(texts.contains(&("Reaction", Some(ParagraphRole::Subheading))), "{texts:?}");
        assert_eq!(texts.first().map(|t| t.1), Some(Some(ParagraphRole::Headline)));
        assert_eq!(extracted.found.outlet.as_deref(), Some("Paper"));
        assert_eq!(extracted.found.language.as_deref(), Some("en"));
    }

    #[test]
    fn fallback_walk_skips_furniture() {
        let page = Document::from(
            "<html><body><header>Site</header><div class=\"share-bar\">Share</div>\
             <p>Short note.</p><br><p>Second.</p><aside>More</aside></body></html>",
        );
        let mut walker = Walker::new(true);
        walker.walk(&page.root(), None);
        let texts: Vec<String> = walker.finish().into_iter().map(|b| b.text).collect();
        assert_eq!(texts, ["Short note.", "Second."]);
    }

    #[test]
    fn tiny_pages_still_give_text() {
        let extracted =
            HtmlReader.read("<html><body><p>Short note.</p><p>Second.</p></body></html>");
        let texts: Vec<&str> = extracted.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Short note.", "Second."]);
    }

    #[test]
    fn heading_that_the_title_extends_is_the_headline() {
        let mut blocks = vec![
            Block::with_role("Talks were held".into(), ParagraphRole::Subheading),
            Block::plain("Body.".into()),
        ];
        place_headline(&mut blocks, Some("Talks were held | The Paper"));
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks.first().and_then(|b| b.role), Some(ParagraphRole::Headline));
        let mut other = vec![Block::plain("Body.".into())];
        place_headline(&mut other, Some("Talks were held"));
        assert_eq!(other.first().map(|b| b.text.as_str()), Some("Talks were held"));
    }

    #[test]
    fn empty_page_has_no_blocks() {
        assert!(
            HtmlReader
                .read("<html><head><style>p{}</style></head><body> </body></html>")
                .blocks
                .is_empty()
        );
    }
}
