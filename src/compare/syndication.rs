//! Near-identical articles: reprints and syndicated copies, found by shared
//! five-word shingles of the folded text.

use std::collections::HashMap;

use super::hash::hash_of;
use super::similarity::count_common;
use crate::model::{Article, ArticleId, Project};

/// Words per shingle.
const SHINGLE_WORDS: usize = 5;
/// Share of the shorter article's shingles found in the other from which two
/// articles count as copies of one another.
pub const SYNDICATION_MIN: f32 = 0.5;
/// Fewest shared shingles for a pair to count (short texts share phrases by chance).
const MIN_SHARED_SHINGLES: usize = 8;

/// Two articles that are near-identical copies of one another.
#[derive(Clone, Debug, PartialEq)]
pub struct Syndication {
    /// The pair, earlier-published (or smaller id) first.
    pub articles: (ArticleId, ArticleId),
    /// Share of the shorter article's five-word shingles found in the other, 0–1.
    pub similarity: f32,
}

/// Pairs of near-identical articles in `project` (similarity at least
/// [`SYNDICATION_MIN`]), most similar first.
#[must_use]
pub fn syndicated_articles(project: &Project) -> Vec<Syndication> {
    let shingled: Vec<(ArticleId, Vec<u64>)> =
        project.articles.values().map(|a| (a.id, shingles(&a.text))).collect();
    // Every (shingle, article) once, sorted so articles sharing a shingle are adjacent.
    let mut postings: Vec<(u64, u32)> = shingled
        .iter()
        .enumerate()
        .flat_map(|(position, (_, list))| list.iter().map(move |&h| (h, position as u32)))
        .collect();
    postings.sort_unstable();
    let mut shared: HashMap<(usize, usize), usize> = HashMap::new();
    for run in postings.chunk_by(|a, b| a.0 == b.0) {
        // A phrase in very many articles ("said on Friday") says nothing.
        if run.len() < 2 || run.len() > 50 {
            continue;
        }
        for (k, &(_, x)) in run.iter().enumerate() {
            for &(_, y) in run.get(k + 1..).unwrap_or(&[]) {
                *shared.entry((x as usize, y as usize)).or_default() += 1;
            }
        }
    }
    let mut pairs: Vec<Syndication> = shared
        .into_iter()
        .filter_map(|((x, y), count)| {
            let (a, la) = shingled.get(x).map(|(id, l)| (*id, l.len()))?;
            let (b, lb) = shingled.get(y).map(|(id, l)| (*id, l.len()))?;
            let similarity = containment(count, la, lb)?;
            Some(Syndication { articles: ordered(project, a, b), similarity })
        })
        .collect();
    pairs.sort_by(|p, q| {
        q.similarity.total_cmp(&p.similarity).then_with(|| p.articles.cmp(&q.articles))
    });
    pairs
}

/// Articles of `project` that `article` (for example one being imported) is a
/// near-identical copy of, with similarity, most similar first.
#[must_use]
pub fn syndicated_with(project: &Project, article: &Article) -> Vec<(ArticleId, f32)> {
    let mine = shingles(&article.text);
    let mut out: Vec<(ArticleId, f32)> = project
        .articles
        .values()
        .filter(|other| other.id != article.id)
        .filter_map(|other| {
            let theirs = shingles(&other.text);
            let count = count_common(&mine, &theirs);
            containment(count, mine.len(), theirs.len()).map(|s| (other.id, s))
        })
        .collect();
    out.sort_by(|p, q| q.1.total_cmp(&p.1).then(p.0.cmp(&q.0)));
    out
}

fn containment(shared: usize, la: usize, lb: usize) -> Option<f32> {
    let smaller = la.min(lb);
    if shared < MIN_SHARED_SHINGLES.min(smaller) || smaller == 0 {
        return None;
    }
    let similarity = shared as f32 / smaller as f32;
    (similarity >= SYNDICATION_MIN).then_some(similarity.min(1.0))
}

fn ordered(project: &Project, a: ArticleId, b: ArticleId) -> (ArticleId, ArticleId) {
    let key = |id| super::when::article_sort_key(project, id);
    if key(a) <= key(b) { (a, b) } else { (b, a) }
}

/// Sorted, distinct hashes of the five-word shingles of `text` (folded words).
fn shingles(text: &str) -> Vec<u64> {
    let folded = crate::analysis::fold(text);
    let words: Vec<&str> =
        folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let mut out: Vec<u64> = words.windows(SHINGLE_WORDS).map(hash_of).collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: u64, text: &str) -> Article {
        Article { id: ArticleId(id), text: text.to_owned(), ..Article::default() }
    }

    #[test]
    fn reprints_are_flagged_and_different_texts_are_not() {
        let original = "أفادت شبكة إن بي سي نيوز الأمريكية نقلا عن ستة مسؤولين مطلعين أن مجموعة من \
                        مسؤولي الأمن القومي الأمريكي السابقين أجروا محادثات سرية مع شخصيات روسية \
                        بارزة مقربة من الكرملين في نيسان الماضي في نيويورك.";
        let reprint = format!("موسكو - {original} ولم يصدر تعليق من الكرملين.");
        let other = "Russian Foreign Ministry spokeswoman Maria Zakharova said on Friday that \
                     Moscow had never refused dialogue with Americans who are ready to listen.";
        let mut project = Project::default();
        for a in [article(1, original), article(2, &reprint), article(3, other)] {
            project.articles.insert(a.id, a);
        }
        let pairs = syndicated_articles(&project);
        assert_eq!(pairs.len(), 1, "{pairs:?}");
        assert_eq!(pairs[0].articles, (ArticleId(1), ArticleId(2)));
        assert!(pairs[0].similarity > 0.9);
        let new = article(9, &format!("{original} (وكالات)"));
        assert_eq!(syndicated_with(&project, &new).first().map(|p| p.0), Some(ArticleId(1)));
    }
}
