//! Where two reports of one claim disagree: one negates what the other affirms,
//! they give different numbers or dates, or name a different speaker or actor.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use super::features::{FeatureKey, FeatureTable, StatementFeatures};
use super::lexicon::{MONTH_NAMES, WEEKDAY_NAMES};
use super::names::{ConceptId, NameIndex};
use super::quantity::QuantityKind;
use crate::model::StatementId;

/// How two reports of a claim differ.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum DivergenceKind {
    /// One negates what the other affirms ("was aware" / "hadn't been aware").
    Negation,
    /// They give different numbers.
    Number,
    /// They give different dates (year, month or weekday).
    Date,
    /// Different speakers (named entities) say it.
    Speaker,
    /// It is attributed to different actors.
    Actor,
}

impl DivergenceKind {
    /// All kinds, in display order.
    pub const ALL: [DivergenceKind; 5] = [
        DivergenceKind::Negation,
        DivergenceKind::Number,
        DivergenceKind::Date,
        DivergenceKind::Speaker,
        DivergenceKind::Actor,
    ];

    /// Short human label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            DivergenceKind::Negation => "negation",
            DivergenceKind::Number => "different numbers",
            DivergenceKind::Date => "different dates",
            DivergenceKind::Speaker => "different speaker",
            DivergenceKind::Actor => "different actor",
        }
    }
}

/// A disagreement between two statements of one claim.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Divergence {
    /// What differs.
    pub kind: DivergenceKind,
    /// The two statements, smaller id first.
    pub statements: (StatementId, StatementId),
    /// What differs, in words (English, quoting the statements' own words).
    pub detail: String,
}

/// The divergences between two statements' features.
pub(crate) fn between(
    a: &StatementFeatures,
    b: &StatementFeatures,
    table: &FeatureTable,
    names: &NameIndex,
) -> Vec<Divergence> {
    let (a, b) = if a.id <= b.id { (a, b) } else { (b, a) };
    let pair = (a.id, b.id);
    let mut out = Vec::new();
    if let Some(detail) = negation(a, b, table) {
        out.push(Divergence { kind: DivergenceKind::Negation, statements: pair, detail });
    }
    if let Some(detail) = numbers(a, b, table) {
        out.push(Divergence { kind: DivergenceKind::Number, statements: pair, detail });
    }
    if let Some(detail) = dates(a, b, table) {
        out.push(Divergence { kind: DivergenceKind::Date, statements: pair, detail });
    }
    if let Some(detail) = speakers(a, b) {
        out.push(Divergence { kind: DivergenceKind::Speaker, statements: pair, detail });
    }
    if let Some(detail) = who(&a.actor_names, &b.actor_names, names) {
        out.push(Divergence { kind: DivergenceKind::Actor, statements: pair, detail });
    }
    out
}

/// True when one statement negates something the other affirms.
pub(crate) fn contradicts(
    a: &StatementFeatures,
    b: &StatementFeatures,
    table: &FeatureTable,
) -> bool {
    a.features.iter().any(|&f| {
        (a.script == b.script || table.is_neutral(f))
            && b.has(f)
            && a.is_denied(f) != b.is_denied(f)
    })
}

/// True when both statements negate the same thing (a denial and its quotation).
pub(crate) fn denies_alike(
    a: &StatementFeatures,
    b: &StatementFeatures,
    table: &FeatureTable,
) -> bool {
    a.denied.iter().any(|&f| (a.script == b.script || table.is_neutral(f)) && b.is_denied(f))
}

/// True when the statements give different numbers and share at least two other
/// claim words ("45 people were arrested" / "30 people were arrested").
pub(crate) fn counts_differently(
    a: &StatementFeatures,
    b: &StatementFeatures,
    table: &FeatureTable,
) -> bool {
    let shared_claim_words = a
        .features
        .iter()
        .filter(|&&f| {
            (a.script == b.script || table.is_neutral(f))
                && !table.is_slot(f)
                && b.has(f)
                && !a.is_attribution(f)
                && !b.is_attribution(f)
        })
        .count();
    shared_claim_words >= 2 && numbers(a, b, table).is_some()
}

/// Features negated in one statement and affirmed in the other.
fn negation(a: &StatementFeatures, b: &StatementFeatures, table: &FeatureTable) -> Option<String> {
    // Numbers and dates under a negation are compared as numbers and dates.
    let comparable = |f: u32| (a.script == b.script || table.is_neutral(f)) && !table.is_slot(f);
    let mut words = Vec::new();
    for &f in &a.features {
        if !comparable(f) || !b.has(f) {
            continue;
        }
        match (a.is_negated(f), b.is_negated(f)) {
            (true, false) => words.push((f, a.id, b.id, a.surface(f), b.surface(f))),
            (false, true) => words.push((f, b.id, a.id, b.surface(f), a.surface(f))),
            _ => {}
        }
    }
    // Rarer words first: they say more about the claim.
    words.sort_by_key(|w| (table.df(w.0), w.0));
    let mut detail = String::new();
    for (n, (_, negated_in, affirmed_in, negated, affirmed)) in words.iter().take(3).enumerate() {
        if n > 0 {
            detail.push_str("; ");
        }
        let _ = write!(
            detail,
            "statement {negated_in} negates \u{201C}{negated}\u{201D}, statement {affirmed_in} affirms \u{201C}{affirmed}\u{201D}"
        );
    }
    (!words.is_empty()).then_some(detail)
}

fn values<T: Ord>(
    f: &StatementFeatures,
    table: &FeatureTable,
    pick: impl Fn(&FeatureKey) -> Option<T>,
) -> BTreeSet<T> {
    f.features.iter().filter_map(|&id| table.key(id).and_then(&pick)).collect()
}

/// Both sides have a value the other lacks.
fn incomparable<T: Ord>(x: &BTreeSet<T>, y: &BTreeSet<T>) -> bool {
    !x.is_empty() && !y.is_empty() && !x.is_subset(y) && !y.is_subset(x)
}

/// Affirmed numbers of one kind.
fn quantities(f: &StatementFeatures, kind: QuantityKind) -> BTreeSet<String> {
    f.quantities.iter().filter(|q| q.kind == kind && !q.negated).map(|q| q.value.clone()).collect()
}

/// Numbers of the same kind (counts with counts, money with money …) where each
/// statement gives one the other does not.
fn numbers(a: &StatementFeatures, b: &StatementFeatures, _table: &FeatureTable) -> Option<String> {
    let mut left = Vec::new();
    let mut right = Vec::new();
    for kind in [
        QuantityKind::Count,
        QuantityKind::Money,
        QuantityKind::Percent,
        QuantityKind::Duration,
        QuantityKind::Age,
        QuantityKind::Clock,
    ] {
        let (x, y) = (quantities(a, kind), quantities(b, kind));
        if incomparable(&x, &y) {
            left.push(list(&x));
            right.push(list(&y));
        }
    }
    (!left.is_empty()).then(|| {
        format!(
            "statement {} says {}, statement {} says {}",
            a.id,
            left.join("; "),
            b.id,
            right.join("; ")
        )
    })
}

fn dates(a: &StatementFeatures, b: &StatementFeatures, table: &FeatureTable) -> Option<String> {
    let years = |k: &FeatureKey| match k {
        FeatureKey::Year(y) => Some(y.to_string()),
        _ => None,
    };
    let months = |k: &FeatureKey| match k {
        FeatureKey::Month(m) => Some((*m, month_name(*m))),
        _ => None,
    };
    let weekdays = |k: &FeatureKey| match k {
        FeatureKey::Weekday(d) => Some((*d, weekday_name(*d))),
        _ => None,
    };
    let mut parts = Vec::new();
    let (ya, yb) = (values(a, table, years), values(b, table, years));
    if incomparable(&ya, &yb) {
        parts.push((list(&ya), list(&yb)));
    }
    let (ma, mb) = (values(a, table, months), values(b, table, months));
    if incomparable(&ma, &mb) {
        parts.push((names_of(&ma), names_of(&mb)));
    }
    let (da, db) = (values(a, table, weekdays), values(b, table, weekdays));
    if incomparable(&da, &db) {
        parts.push((names_of(&da), names_of(&db)));
    }
    let (xa, xb) = (quantities(a, QuantityKind::Day), quantities(b, QuantityKind::Day));
    if incomparable(&xa, &xb) {
        parts.push((format!("day {}", list(&xa)), format!("day {}", list(&xb))));
    }
    if parts.is_empty() {
        return None;
    }
    let left: Vec<String> = parts.iter().map(|p| p.0.clone()).collect();
    let right: Vec<String> = parts.iter().map(|p| p.1.clone()).collect();
    Some(format!(
        "statement {} says {}, statement {} says {}",
        a.id,
        left.join(", "),
        b.id,
        right.join(", ")
    ))
}

/// Different sources say it: both name who speaks, and neither's speaker or
/// actor is the other's (a minister and her own ministry are one source).
fn speakers(a: &StatementFeatures, b: &StatementFeatures) -> Option<String> {
    if a.speaker_keys.is_empty() || b.speaker_keys.is_empty() {
        return None;
    }
    let source = |f: &StatementFeatures| -> BTreeSet<String> {
        f.speaker_keys.keys().chain(f.actor_keys.keys()).cloned().collect()
    };
    if !source(a).is_disjoint(&source(b)) {
        return None;
    }
    let label =
        |f: &StatementFeatures| f.speaker_keys.values().cloned().collect::<Vec<_>>().join(", ");
    Some(format!("{} vs {}", label(a), label(b)))
}

fn who(x: &BTreeSet<ConceptId>, y: &BTreeSet<ConceptId>, names: &NameIndex) -> Option<String> {
    if x.is_empty() || y.is_empty() || !x.is_disjoint(y) {
        return None;
    }
    let label = |set: &BTreeSet<ConceptId>| {
        set.iter().map(|&c| names.label(c).to_owned()).collect::<Vec<_>>().join(", ")
    };
    Some(format!("{} vs {}", label(x), label(y)))
}

fn list(set: &BTreeSet<String>) -> String {
    set.iter().cloned().collect::<Vec<_>>().join(", ")
}

fn names_of(set: &BTreeSet<(u8, &'static str)>) -> String {
    set.iter().map(|(_, n)| *n).collect::<Vec<_>>().join(", ")
}

fn month_name(month: u8) -> &'static str {
    MONTH_NAMES.get(usize::from(month).saturating_sub(1)).copied().unwrap_or("?")
}

fn weekday_name(day: u8) -> &'static str {
    WEEKDAY_NAMES.get(usize::from(day).saturating_sub(1)).copied().unwrap_or("?")
}
