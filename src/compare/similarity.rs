//! How alike two statements are, and which pairs are worth comparing at all.
//!
//! Similarity is an IDF-weighted blend of the Dice and overlap coefficients over
//! the features two statements share. Statements in different scripts compare only
//! language-neutral features (name-table concepts, numbers, dates). A quotation
//! one statement shares word for word with the other lifts the score.

use super::features::{FeatureTable, StatementFeatures};

/// Shared quotation trigrams that make two statements near-certainly the same claim.
const QUOTE_GRAMS_STRONG: usize = 2;
/// Score given to statements sharing a quotation of at least four content words.
const QUOTE_SCORE: f32 = 0.8;
/// Weight factor of a shared feature that one statement negates and the other
/// affirms: a denial and the report it denies use few words in common, but the
/// denied word is the point of both.
const CONTRADICTION_FACTOR: f32 = 2.0;
/// Share of the Dice coefficient in the score; the rest is the overlap coefficient
/// (how much of the shorter statement the other covers).
const DICE_SHARE: f32 = 0.5;
/// Share of a statement's unmapped words (no name-table entry) counted against it
/// when comparing across languages.
const UNMAPPED_SHARE: f32 = 0.3;
/// Fewest shared language-neutral features (not counting attribution) for a
/// match across languages.
const MIN_SHARED_ACROSS_LANGUAGES: usize = 2;

/// Similarity of two statements, 0–1.
pub(crate) fn similarity(
    a: &StatementFeatures,
    b: &StatementFeatures,
    table: &FeatureTable,
) -> f32 {
    let same_script = a.script == b.script;
    let (mut shared_a, mut shared_b) = (0.0_f32, 0.0_f32);
    let (mut slots_a, mut slots_b) = (0.0_f32, 0.0_f32);
    let mut shared_claim_features = 0_usize;
    let (mut i, mut j) = (0, 0);
    while let (Some(&fa), Some(&fb)) = (a.features.get(i), b.features.get(j)) {
        match fa.cmp(&fb) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                if same_script || table.is_neutral(fa) {
                    let mut wa = a.weights.get(i).copied().unwrap_or(0.0);
                    let mut wb = b.weights.get(j).copied().unwrap_or(0.0);
                    if a.is_denied(fa) != b.is_denied(fa) {
                        // One denies what the other says: strong sign of one claim.
                        wa *= CONTRADICTION_FACTOR;
                        wb *= CONTRADICTION_FACTOR;
                    }
                    shared_a += wa;
                    shared_b += wb;
                    if table.is_slot(fa) {
                        slots_a += wa;
                        slots_b += wb;
                    }
                    if !a.is_attribution(fa) && !b.is_attribution(fa) {
                        shared_claim_features += 1;
                    }
                }
                i += 1;
                j += 1;
            }
        }
    }
    if !same_script && shared_claim_features < MIN_SHARED_ACROSS_LANGUAGES {
        return 0.0;
    }
    let (base_a, base_b) = comparable_weights(a, b);
    let (wa, wb) = (base_a + slots_a, base_b + slots_b);
    if wa <= 0.0 || wb <= 0.0 {
        return 0.0;
    }
    let dice = ((shared_a + shared_b) / (wa + wb)).min(1.0);
    let overlap = (shared_a / wa).max(shared_b / wb).min(1.0);
    let mut score = (DICE_SHARE * dice + (1.0 - DICE_SHARE) * overlap).min(1.0);
    if same_script && shared_quote_grams(a, b) >= QUOTE_GRAMS_STRONG {
        score = score.max(QUOTE_SCORE);
    }
    score
}

/// The weights two statements are measured against: everything but numbers and
/// dates in one language; across languages, the language-neutral features plus a
/// share of the words the name table could not map, so that a long statement with
/// few mapped words does not look covered by a short one.
fn comparable_weights(a: &StatementFeatures, b: &StatementFeatures) -> (f32, f32) {
    if a.script == b.script {
        (a.content_weight, b.content_weight)
    } else {
        let lambda = UNMAPPED_SHARE;
        let cross = |f: &StatementFeatures| {
            f.neutral_weight + lambda * (f.content_weight - f.neutral_weight).max(0.0)
        };
        (cross(a), cross(b))
    }
}

/// An upper bound of [`similarity`] for pairs sharing at most `shared` weight.
fn bound(shared: f32, wa: f32, wb: f32, negations: bool) -> f32 {
    if wa <= 0.0 || wb <= 0.0 {
        return 1.0;
    }
    // Shared features may count double when one statement denies them.
    let shared = if negations { shared * CONTRADICTION_FACTOR } else { shared };
    let dice = (2.0 * shared / (wa + wb)).min(1.0);
    let overlap = (shared / wa.min(wb)).min(1.0);
    DICE_SHARE * dice + (1.0 - DICE_SHARE) * overlap
}

/// Trigrams of one statement's quotations found anywhere in the other's text.
fn shared_quote_grams(a: &StatementFeatures, b: &StatementFeatures) -> usize {
    count_common(&a.quote_grams, &b.grams).max(count_common(&b.quote_grams, &a.grams))
}

/// Number of values two sorted, distinct lists share.
pub(crate) fn count_common(left: &[u64], right: &[u64]) -> usize {
    let (mut li, mut ri, mut shared) = (0, 0, 0);
    while let (Some(l), Some(r)) = (left.get(li), right.get(ri)) {
        match l.cmp(r) {
            std::cmp::Ordering::Less => li += 1,
            std::cmp::Ordering::Greater => ri += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                li += 1;
                ri += 1;
            }
        }
    }
    shared
}

/// All pairs `(i, j, score)` with `i < j` and `score >= min`, found through an
/// inverted index so that only statements sharing a feature are compared.
pub(crate) fn scored_pairs(
    features: &[StatementFeatures],
    table: &FeatureTable,
    min: f32,
) -> Vec<(usize, usize, f32)> {
    let count = features.len();
    // Very common features (in more than a twentieth of all statements, and at least
    // 64) only ever add to pairs found through rarer ones.
    let cap = (count / 20).max(64) as u32;
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); table.len()];
    for (index, f) in features.iter().enumerate() {
        for &feature in &f.features {
            let df = table.df(feature);
            if (2..=cap).contains(&df)
                && let Some(list) = postings.get_mut(feature as usize)
            {
                list.push(index as u32);
            }
        }
    }
    let mut acc = vec![0.0_f32; count];
    let mut touched: Vec<u32> = Vec::new();
    let mut pairs = Vec::new();
    for (index, a) in features.iter().enumerate() {
        let mut common_weight = 0.0;
        for &feature in &a.features {
            let Some(list) = postings.get(feature as usize) else { continue };
            if table.df(feature) > cap {
                common_weight += table.weight(feature);
                continue;
            }
            let neutral = table.is_neutral(feature);
            let weight = table.weight(feature);
            let start = list.partition_point(|&j| j as usize <= index);
            for &j in list.get(start..).unwrap_or(&[]) {
                let Some(b) = features.get(j as usize) else { continue };
                if !neutral && b.script != a.script {
                    continue;
                }
                let Some(slot) = acc.get_mut(j as usize) else { continue };
                if *slot == 0.0 {
                    touched.push(j);
                }
                *slot += weight;
            }
        }
        for &j in &touched {
            let Some(slot) = acc.get_mut(j as usize) else { continue };
            let partial = std::mem::take(slot);
            let Some(b) = features.get(j as usize) else { continue };
            let (wa, wb) = comparable_weights(a, b);
            let quotes = !a.quote_grams.is_empty() || !b.quote_grams.is_empty();
            let negations = !a.denied.is_empty() || !b.denied.is_empty();
            let bound = if a.script == b.script && quotes {
                // A shared quotation can lift a pair above its word score.
                1.0
            } else {
                bound(partial + common_weight, wa, wb, negations)
            };
            if bound < min {
                continue;
            }
            let score = similarity(a, b, table);
            if score >= min {
                pairs.push((index, j as usize, score));
            }
        }
        touched.clear();
    }
    pairs
}
