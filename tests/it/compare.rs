//! Claim clusters, divergences and independence scored against the gold test set
//! in `tests/corpus/clusters/`.

// Reason: the corpus loader and scorer are test code outside `#[test]` functions;
// a broken corpus file should fail loudly, and the scores are printed on purpose.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use twotrack::command::History;
use twotrack::compare::{self, DivergenceKind};
use twotrack::model::{
    Article, ArticleId, ArticleMeta, CharRange, Kind, NamePair, Note, NoteId, NoteTarget,
    Paragraph, Project, PubDate, Question, QuestionId, Review, Statement, StatementId, TextSpan,
};

/// Lowest acceptable pairwise F1 of clustering and recall of divergences on the
/// events the matcher was tuned on (the `dev` split).
const MIN_SCORE: f64 = 0.85;

#[derive(Debug, Deserialize)]
struct Corpus {
    event: String,
    split: String,
    #[serde(default)]
    names: Vec<Vec<String>>,
    #[serde(default)]
    questions: Vec<CorpusQuestion>,
    articles: Vec<CorpusArticle>,
    #[serde(default)]
    divergences: Vec<GoldDivergence>,
    #[serde(default)]
    syndicated: Vec<(String, String)>,
    #[serde(default)]
    notes: Vec<CorpusNote>,
}

#[derive(Debug, Deserialize)]
struct CorpusQuestion {
    key: String,
    title: String,
    #[serde(default)]
    translation: String,
}

#[derive(Debug, Deserialize)]
struct CorpusArticle {
    key: String,
    outlet: String,
    lang: String,
    #[serde(default)]
    published: Option<String>,
    title: String,
    text: String,
    statements: Vec<CorpusStatement>,
}

#[derive(Debug, Deserialize)]
struct CorpusStatement {
    key: String,
    claim: String,
    kind: Kind,
    quote: String,
    #[serde(default)]
    speaker: Option<String>,
    #[serde(default)]
    actor: Option<String>,
    #[serde(default)]
    via: Vec<String>,
    #[serde(default)]
    question: Option<String>,
    #[serde(default)]
    translation: String,
}

#[derive(Debug, Deserialize)]
struct GoldDivergence {
    a: String,
    b: Vec<String>,
    kind: DivergenceKind,
}

#[derive(Debug, Deserialize)]
struct CorpusNote {
    target: String,
    text: String,
    #[serde(default)]
    translation: String,
}

/// A project built from one corpus file, with the gold labels by statement id.
pub struct GoldProject {
    /// File name.
    pub name: String,
    /// `dev` (tuned on); `check`, `batch1`, `batch2` (seen once, then general
    /// rules and vocabulary added after reading their errors); `blind` and
    /// `batch3` (never tuned on).
    pub split: String,
    /// The project.
    pub project: Project,
    /// Gold claim label of each statement.
    pub claims: BTreeMap<StatementId, String>,
    /// Gold divergences: every pair of statements that disagrees, with the kind.
    pub divergences: Vec<(StatementId, StatementId, DivergenceKind)>,
    /// Gold syndicated article pairs.
    pub syndicated: Vec<(ArticleId, ArticleId)>,
    /// Statement ids by key.
    pub keys: BTreeMap<String, StatementId>,
}

/// The folder of the gold test set.
pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/clusters")
}

/// Every corpus file, as gold projects, in file-name order.
pub fn load_all() -> Vec<GoldProject> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .expect("corpus folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 5, "expected several events in {}", corpus_dir().display());
    paths.iter().map(|p| load(p)).collect()
}

fn parse_date(text: &str) -> PubDate {
    let mut parts = text.split(' ');
    let ymd: Vec<i64> =
        parts.next().unwrap().split('-').map(|n| n.parse().expect("date number")).collect();
    let time = parts.next().map(|t| {
        let (h, m) = t.split_once(':').expect("HH:MM");
        (h.parse().unwrap(), m.parse().unwrap())
    });
    PubDate {
        year: ymd[0] as i16,
        month: ymd[1] as u8,
        day: ymd[2] as u8,
        time,
        zone: parts.next().map(str::to_owned),
    }
}

/// Build a project from one corpus file.
pub fn load(path: &Path) -> GoldProject {
    let text = std::fs::read_to_string(path).unwrap();
    let corpus: Corpus = ron::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut project = Project::new(corpus.event.clone());
    project.name_table = corpus.names.iter().map(|n| NamePair { names: n.clone() }).collect();
    let mut question_ids = BTreeMap::new();
    for (order, q) in corpus.questions.iter().enumerate() {
        let id = QuestionId(project.alloc_id());
        question_ids.insert(q.key.clone(), id);
        project.questions.insert(
            id,
            Question {
                id,
                title: q.title.clone(),
                translation: q.translation.clone(),
                order: order as u32,
            },
        );
    }
    let mut claims = BTreeMap::new();
    let mut keys = BTreeMap::new();
    let mut article_keys = BTreeMap::new();
    for a in &corpus.articles {
        let id = ArticleId(project.alloc_id());
        article_keys.insert(a.key.clone(), id);
        let mut paragraphs = Vec::new();
        let mut start = 0;
        for line in a.text.split('\n') {
            let len = line.chars().count();
            paragraphs.push(Paragraph {
                range: CharRange::new(start, start + len),
                ..Paragraph::default()
            });
            start += len + 1;
        }
        let article = Article {
            id,
            meta: ArticleMeta {
                title: a.title.clone(),
                outlet: Some(a.outlet.clone()),
                published: a.published.as_deref().map(parse_date),
                language: a.lang.clone(),
                ..ArticleMeta::default()
            },
            text: a.text.clone(),
            paragraphs,
            ..Article::default()
        };
        for s in &a.statements {
            let byte = a.text.find(&s.quote).unwrap_or_else(|| {
                panic!("{}: quote of {} not found in {}", path.display(), s.key, a.key)
            });
            let start = a.text[..byte].chars().count();
            let range = CharRange::new(start, start + s.quote.chars().count());
            let sid = StatementId(project.alloc_id());
            assert!(keys.insert(s.key.clone(), sid).is_none(), "duplicate key {}", s.key);
            claims.insert(sid, s.claim.clone());
            project.statements.insert(
                sid,
                Statement {
                    id: sid,
                    article: id,
                    span: TextSpan::from_text(&a.text, range),
                    kind: s.kind,
                    review: Review::Accepted,
                    speaker: s.speaker.clone(),
                    actor: s.actor.clone(),
                    via: s.via.clone(),
                    confidence: 1.0,
                    lang: a.lang.clone(),
                    question: s.question.as_ref().map(|q| question_ids[q]),
                    translation: s.translation.clone(),
                    ..Statement::default()
                },
            );
        }
        project.articles.insert(id, article);
    }
    for n in &corpus.notes {
        let target = match n.target.as_str() {
            "project" => NoteTarget::Project,
            key => NoteTarget::Statement(keys[key]),
        };
        let id = NoteId(project.alloc_id());
        let when = jiff::Timestamp::from_second(1_700_000_000).unwrap();
        project.notes.insert(
            id,
            Note {
                id,
                target,
                text: n.text.clone(),
                translation: n.translation.clone(),
                created: when,
                modified: when,
            },
        );
    }
    let divergences = corpus
        .divergences
        .iter()
        .flat_map(|d| {
            let a = keys[&d.a];
            d.b.iter().map(move |b| (a, b, d.kind))
        })
        .map(|(a, b, kind)| {
            let b = keys[b];
            (a.min(b), a.max(b), kind)
        })
        .collect();
    let syndicated =
        corpus.syndicated.iter().map(|(a, b)| (article_keys[a], article_keys[b])).collect();
    GoldProject {
        name: path.file_name().unwrap().to_string_lossy().into_owned(),
        split: corpus.split,
        project,
        claims,
        divergences,
        syndicated,
        keys,
    }
}

#[derive(Default, Clone, Copy)]
struct Counts {
    true_pairs: usize,
    predicted_pairs: usize,
    correct_pairs: usize,
    gold_divergences: usize,
    found_divergences: usize,
    predicted_divergences: usize,
    correct_predicted_divergences: usize,
}

impl Counts {
    fn add(&mut self, o: Counts) {
        self.true_pairs += o.true_pairs;
        self.predicted_pairs += o.predicted_pairs;
        self.correct_pairs += o.correct_pairs;
        self.gold_divergences += o.gold_divergences;
        self.found_divergences += o.found_divergences;
        self.predicted_divergences += o.predicted_divergences;
        self.correct_predicted_divergences += o.correct_predicted_divergences;
    }

    fn precision(&self) -> f64 {
        ratio(self.correct_pairs, self.predicted_pairs)
    }

    fn recall(&self) -> f64 {
        ratio(self.correct_pairs, self.true_pairs)
    }

    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }

    fn divergence_recall(&self) -> f64 {
        ratio(self.found_divergences, self.gold_divergences)
    }

    fn divergence_precision(&self) -> f64 {
        ratio(self.correct_predicted_divergences, self.predicted_divergences)
    }

    fn line(&self, label: &str) -> String {
        format!(
            "{label:<16} pairs gold={:<4} predicted={:<4} P={:.3} R={:.3} F1={:.3} | divergences gold={:<3} recall={:.3} (flagged {}, precision {:.3})",
            self.true_pairs,
            self.predicted_pairs,
            self.precision(),
            self.recall(),
            self.f1(),
            self.gold_divergences,
            self.divergence_recall(),
            self.predicted_divergences,
            self.divergence_precision(),
        )
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

fn score(gold: &GoldProject, verbose: bool) -> Counts {
    let clusters = compare::clusters(&gold.project);
    let ids: Vec<StatementId> = gold.claims.keys().copied().collect();
    let mut counts = Counts::default();
    let name_of = |id: StatementId| {
        gold.keys.iter().find(|(_, v)| **v == id).map_or("?".to_owned(), |(k, _)| k.clone())
    };
    for (i, &a) in ids.iter().enumerate() {
        for &b in &ids[i + 1..] {
            let truth = gold.claims[&a] == gold.claims[&b];
            let predicted = clusters.same_claim(a, b);
            counts.true_pairs += usize::from(truth);
            counts.predicted_pairs += usize::from(predicted);
            counts.correct_pairs += usize::from(truth && predicted);
            if verbose && truth != predicted {
                let why = compare::explain_pair(&gold.project, a, b).unwrap();
                println!(
                    "  {} pair {} ({}) / {} ({}): {:.2} {:?}",
                    if truth { "MISSED" } else { "WRONG " },
                    name_of(a),
                    gold.claims[&a],
                    name_of(b),
                    gold.claims[&b],
                    why.similarity,
                    why.shared,
                );
            }
        }
    }
    let flagged: BTreeSet<(StatementId, StatementId, DivergenceKind)> = clusters
        .clusters
        .iter()
        .flat_map(|c| c.divergences.iter())
        .map(|d| (d.statements.0, d.statements.1, d.kind))
        .collect();
    counts.gold_divergences = gold.divergences.len();
    for d in &gold.divergences {
        let found = flagged.contains(d);
        counts.found_divergences += usize::from(found);
        if verbose && !found {
            println!("  MISSED divergence {} / {} {:?}", name_of(d.0), name_of(d.1), d.2);
        }
    }
    counts.predicted_divergences = flagged.len();
    for f in &flagged {
        let correct = gold.divergences.contains(f);
        counts.correct_predicted_divergences += usize::from(correct);
        if verbose && !correct {
            println!("  extra divergence {} / {} {:?}", name_of(f.0), name_of(f.1), f.2);
        }
    }
    counts
}

/// Lowest acceptable pairwise F1 on the events the matcher was not tuned on (the
/// `check` and `blind` splits): a guard against regressions, well below the bar
/// the tuning set must meet; see the README for the measured figures.
const MIN_UNSEEN_F1: f64 = 0.45;

/// Splits written after all tuning and never tuned on (`blind`, and `batch3`,
/// whose first run gave F1 0.637 and divergence recall 0.386).
const HELD_OUT: [&str; 2] = ["blind", "batch3"];
/// Regression floors on the held-out splits together (measured: F1 0.691,
/// divergence recall 0.467).
const MIN_HELD_OUT_F1: f64 = 0.6;
/// See [`MIN_HELD_OUT_F1`].
const MIN_HELD_OUT_DIVERGENCE_RECALL: f64 = 0.4;

#[test]
fn clustering_and_divergences_meet_the_bar_on_the_gold_set() {
    let verbose = std::env::var_os("COMPARE_VERBOSE").is_some();
    let mut total = Counts::default();
    let mut by_split: BTreeMap<String, Counts> = BTreeMap::new();
    for gold in load_all() {
        if verbose {
            println!("{}:", gold.name);
        }
        let counts = score(&gold, verbose);
        println!("{}", counts.line(&gold.name));
        by_split.entry(gold.split.clone()).or_default().add(counts);
        total.add(counts);
    }
    for (split, counts) in &by_split {
        println!("{}", counts.line(&format!("[{split}]")));
    }
    // The same events without the analyst's name-table entries: how much the
    // matcher depends on hand-listed names.
    let mut bare: BTreeMap<String, Counts> = BTreeMap::new();
    for mut gold in load_all() {
        gold.project.name_table.clear();
        bare.entry(gold.split.clone()).or_default().add(score(&gold, false));
    }
    for (split, counts) in &bare {
        println!("{}", counts.line(&format!("[{split}, no names]")));
    }
    println!("{}", total.line("[all]"));
    let dev = by_split["dev"];
    assert!(dev.f1() >= MIN_SCORE, "clustering F1 {:.3} is below {MIN_SCORE}", dev.f1());
    assert!(
        dev.divergence_recall() >= MIN_SCORE,
        "divergence recall {:.3} is below {MIN_SCORE}",
        dev.divergence_recall()
    );
    let mut unseen = Counts::default();
    for split in ["check", "blind"] {
        unseen.add(by_split[split]);
    }
    println!("{}", unseen.line("[unseen]"));
    assert!(unseen.f1() >= MIN_UNSEEN_F1, "F1 on unseen events fell to {:.3}", unseen.f1());
    // The splits never tuned on: guard them against regressions.
    let mut held_out = Counts::default();
    for split in HELD_OUT {
        held_out.add(by_split[split]);
    }
    println!("{}", held_out.line("[held-out]"));
    assert!(held_out.f1() >= MIN_HELD_OUT_F1, "held-out F1 fell to {:.3}", held_out.f1());
    assert!(
        held_out.divergence_recall() >= MIN_HELD_OUT_DIVERGENCE_RECALL,
        "held-out divergence recall fell to {:.3}",
        held_out.divergence_recall()
    );
}

#[test]
fn syndicated_copies_are_flagged_and_reprints_count_as_one_origin() {
    for gold in load_all() {
        let found: Vec<(ArticleId, ArticleId)> =
            compare::syndicated_articles(&gold.project).iter().map(|s| s.articles).collect();
        let mut expected = gold.syndicated.clone();
        expected.sort();
        let mut found_sorted = found.clone();
        found_sorted.sort();
        assert_eq!(found_sorted, expected, "{}", gold.name);
    }
    let lavrov = load(&corpus_dir().join("lavrov.ron"));
    let clusters = compare::clusters(&lavrov.project);
    let talks = clusters.cluster_of(lavrov.keys["nbc1"]).unwrap();
    assert!(talks.statements.len() >= 4, "{talks:?}");
    // NBC, and its reprints by Reuters, al-Jazeera, its copy and al-Khaleej:
    // all go back to NBC News.
    assert_eq!(talks.independence.independent_origins, 1, "{:?}", talks.independence);
    assert!(talks.independence.unofficial_only);
    assert!(!talks.independence.on_record);
    let approved = clusters.cluster_of(lavrov.keys["r1"]).unwrap();
    assert!(approved.independence.on_record);
    assert!(!approved.independence.unofficial_only);
    assert_eq!(approved.earliest.as_ref().map(|e| e.statement), Some(lavrov.keys["r1"]));
}

#[test]
fn earliest_report_uses_date_and_time_across_zones() {
    let lavrov = load(&corpus_dir().join("lavrov.ron"));
    let clusters = compare::clusters(&lavrov.project);
    let talks = clusters.cluster_of(lavrov.keys["nbc1"]).unwrap();
    let earliest = talks.earliest.as_ref().unwrap();
    assert_eq!(earliest.statement, lavrov.keys["nbc1"]);
    assert_eq!(earliest.published.iso(), "2023-07-06 18:00 +00:00");
    assert_eq!(talks.statements.first(), Some(&lavrov.keys["nbc1"]));
    assert!(talks.outlets.iter().any(|o| o == "NBC News"));
    assert!(talks.outlets.iter().any(|o| o == "الجزيرة نت"));
}

#[test]
fn merge_and_split_are_undoable_commands_that_always_win() {
    let gold = load(&corpus_dir().join("lavrov.ron"));
    let mut project = gold.project.clone();
    let mut history = History::default();
    let (nbc1, r5, l1) = (gold.keys["nbc1"], gold.keys["r5"], gold.keys["l1"]);

    let before = compare::clusters(&project);
    assert!(!before.same_claim(nbc1, r5));
    let merge = compare::merge_command(&project, &before, nbc1, r5).unwrap();
    history.apply(&mut project, "merge claims", merge).unwrap();
    let merged = compare::clusters(&project);
    assert!(merged.same_claim(nbc1, r5));
    // The rest of the cluster came along.
    assert!(merged.same_claim(gold.keys["j1"], r5));

    let split = compare::split_command(&project, &merged, r5).unwrap();
    history.apply(&mut project, "split claim", split).unwrap();
    let split_off = compare::clusters(&project);
    assert!(!split_off.same_claim(nbc1, r5));
    assert!(split_off.same_claim(nbc1, gold.keys["j1"]));

    assert!(before.same_claim(l1, gold.keys["nbc2"]));
    let split = compare::split_command(&project, &split_off, l1).unwrap();
    history.apply(&mut project, "split claim", split).unwrap();
    assert!(!compare::clusters(&project).same_claim(l1, gold.keys["nbc2"]));

    history.undo(&mut project).unwrap();
    history.undo(&mut project).unwrap();
    assert!(compare::clusters(&project).same_claim(nbc1, r5));
    history.undo(&mut project).unwrap();
    assert_eq!(project.cluster_overrides, gold.project.cluster_overrides);
    assert_eq!(compare::clusters(&project), before);
}

#[test]
fn rejected_statements_are_left_out_and_every_visible_one_is_clustered_once() {
    let gold = load(&corpus_dir().join("lavrov.ron"));
    let mut project = gold.project.clone();
    let rejected = gold.keys["l2"];
    project.statements.get_mut(&rejected).unwrap().review = Review::Rejected;
    let clusters = compare::clusters(&project);
    assert!(clusters.cluster_of(rejected).is_none());
    let mut seen = BTreeSet::new();
    for c in &clusters.clusters {
        for s in &c.statements {
            assert!(seen.insert(*s), "statement {s} in two clusters");
        }
    }
    assert_eq!(seen.len(), project.statements.len() - 1);
}

#[test]
fn an_empty_project_has_no_clusters() {
    let clusters = compare::clusters(&Project::default());
    assert!(clusters.clusters.is_empty());
    assert!(clusters.syndicated.is_empty());
}
