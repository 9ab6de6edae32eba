//! Queries over a project: the filters of the compare view and full-text search in
//! both scripts. Pure functions over the model, no UI.

use std::collections::BTreeSet;

use crate::analysis::{fold, fold_with_map};
use crate::model::{
    Article, ArticleId, CharRange, Kind, NoteId, Project, QuestionId, Statement, StatementId,
};

/// Which statements the review filter shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ReviewFilter {
    /// Reviewed and unreviewed.
    #[default]
    All,
    /// Only suggestions nobody has reviewed.
    Unreviewed,
    /// Only reviewed statements.
    Reviewed,
}

/// Filters applied to the compare columns and lists.
#[derive(Clone, Debug, PartialEq)]
pub struct Filters {
    /// Kinds shown (official and unofficial by default).
    pub kinds: BTreeSet<Kind>,
    /// Review state shown.
    pub review: ReviewFilter,
    /// Only this actor.
    pub actor: Option<String>,
    /// Only this outlet.
    pub outlet: Option<String>,
    /// Only this speaker.
    pub speaker: Option<String>,
    /// Only statements with this tag.
    pub tag: Option<String>,
    /// Only statements assigned to this question.
    pub question: Option<QuestionId>,
    /// Only articles published on or after this date (`YYYY-MM-DD`).
    pub date_from: String,
    /// Only articles published on or before this date (`YYYY-MM-DD`).
    pub date_to: String,
    /// Only statements of the articles selected in the library.
    pub selected_articles_only: bool,
}

impl Default for Filters {
    fn default() -> Self {
        Self {
            kinds: [Kind::Official, Kind::Unofficial].into_iter().collect(),
            review: ReviewFilter::All,
            actor: None,
            outlet: None,
            speaker: None,
            tag: None,
            question: None,
            date_from: String::new(),
            date_to: String::new(),
            selected_articles_only: false,
        }
    }
}

impl Filters {
    /// True when anything narrows the view beyond the default.
    #[must_use]
    pub fn is_active(&self) -> bool {
        *self != Self::default()
    }
}

/// Why a date filter could not be read.
#[derive(Debug, PartialEq, Eq)]
pub struct BadDate(pub String);

/// Parse `YYYY-MM-DD` (empty: no bound).
fn parse_bound(text: &str) -> Result<Option<(i16, u8, u8)>, BadDate> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let folded = fold(text);
    let mut parts = folded.split('-').map(str::parse::<u32>);
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(Ok(y)), Some(Ok(m)), Some(Ok(d)), None)
            if (1..=12).contains(&m) && (1..=31).contains(&d) && y < 10_000 =>
        {
            Ok(Some((y as i16, m as u8, d as u8)))
        }
        _ => Err(BadDate(text.to_owned())),
    }
}

/// Filters prepared for fast repeated checks.
#[derive(Debug)]
pub struct PreparedFilters<'a> {
    filters: &'a Filters,
    selected: &'a BTreeSet<ArticleId>,
    from: Option<(i16, u8, u8)>,
    to: Option<(i16, u8, u8)>,
}

impl<'a> PreparedFilters<'a> {
    /// Prepare `filters`; bad dates are ignored (the filter bar shows them in red).
    #[must_use]
    pub fn new(filters: &'a Filters, selected: &'a BTreeSet<ArticleId>) -> Self {
        Self {
            filters,
            selected,
            from: parse_bound(&filters.date_from).ok().flatten(),
            to: parse_bound(&filters.date_to).ok().flatten(),
        }
    }

    /// True when `statement` (of `article`) passes every filter.
    #[must_use]
    pub fn passes(&self, statement: &Statement, article: Option<&Article>) -> bool {
        let f = self.filters;
        if !statement.is_visible() || !f.kinds.contains(&statement.kind) {
            return false;
        }
        let review_ok = match f.review {
            ReviewFilter::All => true,
            ReviewFilter::Unreviewed => !statement.is_reviewed(),
            ReviewFilter::Reviewed => statement.is_reviewed(),
        };
        if !review_ok {
            return false;
        }
        if f.selected_articles_only && !self.selected.contains(&statement.article) {
            return false;
        }
        if let Some(actor) = &f.actor
            && statement.actor.as_deref() != Some(actor.as_str())
        {
            return false;
        }
        if let Some(speaker) = &f.speaker
            && statement.speaker.as_deref() != Some(speaker.as_str())
        {
            return false;
        }
        if let Some(tag) = &f.tag
            && !statement.tags.contains(tag)
        {
            return false;
        }
        if let Some(question) = f.question
            && statement.question != Some(question)
        {
            return false;
        }
        if f.outlet.is_some() || self.from.is_some() || self.to.is_some() {
            let Some(article) = article else { return false };
            if let Some(outlet) = &f.outlet
                && article.meta.outlet.as_deref() != Some(outlet.as_str())
            {
                return false;
            }
            let date = article.meta.published.as_ref().map(|d| (d.year, d.month, d.day));
            if let Some(from) = self.from
                && date.is_none_or(|d| d < from)
            {
                return false;
            }
            if let Some(to) = self.to
                && date.is_none_or(|d| d > to)
            {
                return false;
            }
        }
        true
    }
}

/// True when the date field holds a valid bound or nothing.
#[must_use]
pub fn is_valid_date_bound(text: &str) -> bool {
    parse_bound(text).is_ok()
}

/// The distinct values the filter menus offer.
#[derive(Debug, Default)]
pub struct FilterChoices {
    /// Actors of visible statements.
    pub actors: BTreeSet<String>,
    /// Outlets of articles.
    pub outlets: BTreeSet<String>,
    /// Speakers of visible statements.
    pub speakers: BTreeSet<String>,
    /// Tags in use.
    pub tags: BTreeSet<String>,
}

/// Collect the values for the filter menus.
#[must_use]
pub fn filter_choices(project: &Project) -> FilterChoices {
    let mut choices = FilterChoices::default();
    for statement in project.statements.values().filter(|s| s.is_visible()) {
        choices.actors.extend(statement.actor.clone());
        choices.speakers.extend(statement.speaker.clone());
        choices.tags.extend(statement.tags.iter().cloned());
    }
    for article in project.articles.values() {
        choices.outlets.extend(article.meta.outlet.clone());
    }
    choices
}

/// Where a search hit is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum HitPlace {
    /// In an article's text (range in article chars).
    ArticleText(ArticleId),
    /// In an article's title.
    ArticleTitle(ArticleId),
    /// In a statement's translation.
    StatementTranslation(StatementId),
    /// In a statement's speaker, actor or via.
    StatementSource(StatementId),
    /// In a note's text.
    NoteText(NoteId),
    /// In a note's translation.
    NoteTranslation(NoteId),
    /// In a question's title or translation.
    Question(QuestionId),
}

/// One search hit: where, the matched characters of that field, and a short excerpt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchHit {
    /// Field that matched.
    pub place: HitPlace,
    /// Matched characters in that field.
    pub range: CharRange,
    /// The statement containing the hit, for article-text hits inside one.
    pub statement: Option<StatementId>,
    /// Text around the hit.
    pub excerpt: String,
}

/// Find `folded_query` in a field already folded (`folded`, with `map` from
/// [`fold_with_map`]); ranges in the original field's characters.
fn find_folded(folded: &str, map: &[usize], folded_query: &str) -> Vec<CharRange> {
    if folded_query.is_empty() {
        return Vec::new();
    }
    let query_chars = folded_query.chars().count();
    let mut hits = Vec::new();
    let mut counted_bytes = 0;
    let mut counted_chars = 0;
    for (byte, _) in folded.match_indices(folded_query) {
        // Matches come in order: count characters incrementally.
        counted_chars += folded.get(counted_bytes..byte).map_or(0, |s| s.chars().count());
        counted_bytes = byte;
        let start_f = counted_chars;
        let end_f = start_f + query_chars;
        let start = map.get(start_f).copied().unwrap_or(0);
        // The end maps through the last matched folded character, plus one.
        let end = end_f.checked_sub(1).and_then(|i| map.get(i)).map_or(start, |&c| c + 1);
        hits.push(CharRange::new(start, end));
    }
    hits
}

/// Find `query` (already folded) in a field; ranges in the field's characters.
#[must_use]
pub fn find_in(text: &str, folded_query: &str) -> Vec<CharRange> {
    let (folded, map) = fold_with_map(text);
    find_folded(&folded, &map, folded_query)
}

fn excerpt(text: &str, range: CharRange) -> String {
    let start = range.start.saturating_sub(30);
    let end = range.end + 50;
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(crate::model::char_slice(text, start, end));
    if end < text.chars().count() {
        out.push('…');
    }
    out.replace('\n', " ")
}

/// One searchable field, folded once.
#[derive(Debug)]
struct Field {
    place: HitPlace,
    statement: Option<StatementId>,
    text: String,
    folded: String,
    map: Vec<usize>,
}

impl Field {
    fn new(place: HitPlace, statement: Option<StatementId>, text: String) -> Self {
        let (folded, map) = fold_with_map(&text);
        Self { place, statement, text, folded, map }
    }
}

/// Every searchable text of a project, folded once, so each keystroke of a search
/// only scans; rebuild it when the project changes.
#[derive(Debug, Default)]
pub struct SearchIndex {
    fields: Vec<Field>,
    /// Statement spans per article, sorted by start, to name the statement a hit is in.
    spans: std::collections::BTreeMap<ArticleId, Vec<(CharRange, StatementId)>>,
    /// Folded quote, translation and source of every visible statement.
    statements: Vec<(StatementId, String)>,
}

fn source_text(statement: &Statement) -> String {
    [statement.speaker.as_deref(), statement.actor.as_deref()]
        .into_iter()
        .flatten()
        .chain(statement.via.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join(" · ")
}

impl SearchIndex {
    /// Index `project`.
    #[must_use]
    pub fn build(project: &Project) -> Self {
        let mut index = Self::default();
        for article in project.articles.values() {
            index.fields.push(Field::new(
                HitPlace::ArticleTitle(article.id),
                None,
                article.meta.title.clone(),
            ));
            index.fields.push(Field::new(
                HitPlace::ArticleText(article.id),
                None,
                article.text.clone(),
            ));
        }
        for statement in project.statements.values().filter(|s| s.is_visible()) {
            index
                .spans
                .entry(statement.article)
                .or_default()
                .push((statement.span.range, statement.id));
            let source = source_text(statement);
            index.statements.push((
                statement.id,
                fold(&format!("{}\n{}\n{}", statement.span.quote, statement.translation, source)),
            ));
            if !statement.translation.is_empty() {
                index.fields.push(Field::new(
                    HitPlace::StatementTranslation(statement.id),
                    Some(statement.id),
                    statement.translation.clone(),
                ));
            }
            if !source.is_empty() {
                index.fields.push(Field::new(
                    HitPlace::StatementSource(statement.id),
                    Some(statement.id),
                    source,
                ));
            }
        }
        for spans in index.spans.values_mut() {
            spans.sort();
        }
        for note in project.notes.values() {
            index.fields.push(Field::new(HitPlace::NoteText(note.id), None, note.text.clone()));
            if !note.translation.is_empty() {
                index.fields.push(Field::new(
                    HitPlace::NoteTranslation(note.id),
                    None,
                    note.translation.clone(),
                ));
            }
        }
        for question in project.questions.values() {
            let text = format!("{} {}", question.title, question.translation);
            index.fields.push(Field::new(HitPlace::Question(question.id), None, text));
        }
        index
    }

    /// The statement whose span holds `range` in `article`.
    fn statement_at(&self, article: ArticleId, range: CharRange) -> Option<StatementId> {
        let spans = self.spans.get(&article)?;
        let after = spans.partition_point(|(r, _)| r.start <= range.start);
        spans[..after].iter().rev().find(|(r, _)| r.overlaps(&range)).map(|(_, id)| *id)
    }

    /// Search for `query`, treating spelling variants as equal (see
    /// [`crate::analysis::fold`]); at most `limit` hits.
    #[must_use]
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchHit> {
        let folded_query = fold(query.trim());
        let mut hits = Vec::new();
        if folded_query.chars().count() < 2 {
            return hits;
        }
        for field in &self.fields {
            for range in find_folded(&field.folded, &field.map, &folded_query) {
                let statement = match field.place {
                    HitPlace::ArticleText(article) => self.statement_at(article, range),
                    _ => field.statement,
                };
                hits.push(SearchHit {
                    place: field.place,
                    range,
                    statement,
                    excerpt: excerpt(&field.text, range),
                });
                if hits.len() >= limit {
                    return hits;
                }
            }
        }
        hits
    }

    /// Statements whose text, translation or source matches `query`.
    #[must_use]
    pub fn matching_statements(&self, query: &str) -> BTreeSet<StatementId> {
        let folded_query = fold(query.trim());
        self.statements
            .iter()
            .filter(|(_, text)| text.contains(&folded_query))
            .map(|(id, _)| *id)
            .collect()
    }
}

/// The next unreviewed suggestion after `after` (in article, then text order),
/// wrapping around; `None` when everything is reviewed.
#[must_use]
pub fn next_unreviewed(project: &Project, after: Option<StatementId>) -> Option<&Statement> {
    let mut order: Vec<&Statement> =
        project.statements.values().filter(|s| !s.is_reviewed()).collect();
    order.sort_by_key(|s| (s.article, s.span.range.start, s.id));
    let current = after.and_then(|id| project.statements.get(&id));
    let position = current.map(|c| (c.article, c.span.range.start, c.id));
    order
        .iter()
        .find(|s| position.is_none_or(|p| (s.article, s.span.range.start, s.id) > p))
        .or_else(|| order.first())
        .copied()
}

/// Counts of an article's statements for the library.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ArticleCounts {
    /// Official statements.
    pub official: usize,
    /// Unofficial statements.
    pub unofficial: usize,
    /// Unclassified statements.
    pub unclassified: usize,
    /// Suggestions not yet reviewed.
    pub unreviewed: usize,
}

/// Counts the library, toolbar and status bar show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProjectCounts {
    /// Per article.
    pub articles: std::collections::BTreeMap<ArticleId, ArticleCounts>,
    /// Visible statements in the project.
    pub statements: usize,
    /// Suggestions not yet reviewed in the project.
    pub unreviewed: usize,
}

impl ProjectCounts {
    /// Count `project`.
    #[must_use]
    pub fn of(project: &Project) -> Self {
        let articles = article_counts(project);
        let statements =
            articles.values().map(|c| c.official + c.unofficial + c.unclassified).sum();
        let unreviewed = articles.values().map(|c| c.unreviewed).sum();
        Self { articles, statements, unreviewed }
    }
}

/// Statement counts per article (rejected statements not counted).
#[must_use]
pub fn article_counts(project: &Project) -> std::collections::BTreeMap<ArticleId, ArticleCounts> {
    let mut counts: std::collections::BTreeMap<ArticleId, ArticleCounts> =
        project.articles.keys().map(|&id| (id, ArticleCounts::default())).collect();
    for statement in project.statements.values().filter(|s| s.is_visible()) {
        let entry = counts.entry(statement.article).or_default();
        match statement.kind {
            Kind::Official => entry.official += 1,
            Kind::Unofficial => entry.unofficial += 1,
            Kind::Unclassified => entry.unclassified += 1,
        }
        if !statement.is_reviewed() {
            entry.unreviewed += 1;
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_ignores_diacritics_and_maps_back_to_original_chars() {
        let text = "قالَ مُتحدّث باسم وزارة الخارجيّة";
        let hits = find_in(text, &fold("متحدث"));
        assert_eq!(hits.len(), 1);
        let hit = hits[0];
        assert_eq!(crate::model::char_slice(text, hit.start, hit.end), "مُتحدّث");
    }

    #[test]
    fn search_matches_digits_across_scripts_and_case() {
        let hits = find_in("Talks on ٦ July in NEW YORK", &fold("6 july in new york"));
        assert_eq!(hits, vec![CharRange::new(9, 27)]);
    }

    #[test]
    fn date_bounds_parse_or_fail_visibly() {
        assert_eq!(parse_bound("2023-07-07"), Ok(Some((2023, 7, 7))));
        assert_eq!(parse_bound(""), Ok(None));
        assert!(parse_bound("2023-13-01").is_err());
        assert!(parse_bound("yesterday").is_err());
        assert_eq!(parse_bound("٢٠٢٣-٠٧-٠٧"), Ok(Some((2023, 7, 7))));
    }
}
