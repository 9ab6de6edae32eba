//! Claim clustering of 5,000 statements: features, grouping, divergences,
//! independence and syndication (everything `compare::clusters` does).
//!
//! The project is synthetic but shaped like real coverage: 250 events, each
//! told by several outlets in English and Arabic; every claim is reported several
//! times with reworded, partly shared wording, names from the bilingual table,
//! numbers and dates; half the reports relay another outlet (`via`).
//!
//! Run: `cargo bench --bench cluster`. Last line:
//! `cluster_bench statements=5000 ms=<median>`.

// Reason: a benchmark reports on standard output.
#![allow(clippy::print_stdout)]

use std::time::Instant;

use twotrack::compare;
use twotrack::model::{
    Article, ArticleId, ArticleMeta, CharRange, Kind, Project, PubDate, Statement, StatementId,
    TextSpan,
};

const STATEMENTS: usize = 5_000;
const EVENTS: usize = 250;
const CLAIMS_PER_EVENT: usize = 5;
const STATEMENTS_PER_ARTICLE: usize = 5;
const RUNS: usize = 7;

/// Small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Roughly Zipf-distributed index below `n`: common words are common.
    fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((n as f64).powf(u) - 1.0) as usize % n
    }
}

fn word(rng: &mut Rng, letters: &[char], len: usize) -> String {
    (0..len).map(|_| letters[rng.below(letters.len())]).collect()
}

struct Vocabulary {
    english: Vec<String>,
    arabic: Vec<String>,
    names: Vec<(&'static str, &'static str)>,
}

fn vocabulary(rng: &mut Rng) -> Vocabulary {
    let latin: Vec<char> = ('a'..='z').collect();
    let arabic: Vec<char> = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي".chars().collect();
    Vocabulary {
        english: (0..4000).map(|i| word(rng, &latin, 4 + i % 6)).collect(),
        arabic: (0..4000).map(|i| word(rng, &arabic, 3 + i % 5)).collect(),
        names: vec![
            ("Lavrov", "لافروف"),
            ("Biden", "بايدن"),
            ("Kyiv", "كييف"),
            ("Moscow", "موسكو"),
            ("White House", "البيت الأبيض"),
            ("State Department", "وزارة الخارجية الأمريكية"),
            ("Kremlin", "الكرملين"),
            ("NATO", "الناتو"),
            ("Gaza", "غزة"),
            ("Cairo", "القاهرة"),
            ("Iran", "إيران"),
            ("Erdogan", "أردوغان"),
        ],
    }
}

/// One report of a claim: its own words plus most of the claim's.
fn sentence(
    rng: &mut Rng,
    v: &Vocabulary,
    claim: &[usize],
    names: &[usize],
    arabic: bool,
) -> String {
    let words = if arabic { &v.arabic } else { &v.english };
    let mut out: Vec<String> = Vec::new();
    for &w in claim {
        if rng.below(10) < 7 {
            out.push(words[w].clone());
        }
    }
    for _ in 0..(8 + rng.below(10)) {
        out.push(words[rng.zipf(words.len())].clone());
    }
    for &n in names {
        let (en, ar) = v.names[n];
        out.push(String::from(if arabic { ar } else { en }));
    }
    out.push((rng.below(300) + 2).to_string());
    if rng.below(4) == 0 {
        out.push(String::from(if arabic { "لم" } else { "not" }));
    }
    // Shuffle lightly so reports differ in order.
    for i in (1..out.len()).rev() {
        if rng.below(3) == 0 {
            out.swap(i, rng.below(i + 1));
        }
    }
    let mut text = out.join(" ");
    text.push_str(if arabic { "." } else { ", officials said." });
    text
}

fn project(statements: usize) -> Project {
    let mut rng = Rng(0x5EED_CAFE_F00D_1234);
    let v = vocabulary(&mut rng);
    let mut project = Project::new("Benchmark");
    let per_event = statements / EVENTS;
    let mut made = 0;
    let outlets =
        ["Global Wire", "NBC News", "Reuters", "الجزيرة نت", "الخليج اليوم", "Daily Ledger"];
    for event in 0..EVENTS {
        let claims: Vec<Vec<usize>> = (0..CLAIMS_PER_EVENT)
            .map(|_| (0..10).map(|_| rng.below(v.english.len())).collect())
            .collect();
        let names: Vec<usize> = (0..2).map(|_| rng.below(v.names.len())).collect();
        let articles = per_event.div_ceil(STATEMENTS_PER_ARTICLE);
        for a in 0..articles {
            let arabic = (event + a) % 2 == 1;
            let mut paragraphs = Vec::new();
            let mut planned = Vec::new();
            for _ in 0..STATEMENTS_PER_ARTICLE {
                if made >= statements {
                    break;
                }
                let claim = &claims[rng.below(claims.len())];
                paragraphs.push(sentence(&mut rng, &v, claim, &names, arabic));
                planned.push(rng.below(3));
                made += 1;
            }
            if paragraphs.is_empty() {
                break;
            }
            let text = paragraphs.join("\n");
            let article_id = ArticleId(project.alloc_id());
            let mut start = 0;
            for (paragraph, kind) in paragraphs.iter().zip(planned) {
                let len = paragraph.chars().count();
                let id = StatementId(project.alloc_id());
                let via = if rng.below(2) == 0 {
                    vec![outlets[rng.below(outlets.len())].to_owned()]
                } else {
                    Vec::new()
                };
                project.statements.insert(
                    id,
                    Statement {
                        id,
                        article: article_id,
                        span: TextSpan::from_text(&text, CharRange::new(start, start + len)),
                        kind: [Kind::Official, Kind::Unofficial, Kind::Unclassified][kind],
                        speaker: Some(String::from(if arabic {
                            "مسؤول"
                        } else {
                            "an official"
                        })),
                        via,
                        lang: String::from(if arabic { "ar" } else { "en" }),
                        ..Statement::default()
                    },
                );
                start += len + 1;
            }
            let published = PubDate {
                year: 2024,
                month: 1 + (event % 12) as u8,
                day: 1 + (a % 28) as u8,
                time: Some(((a * 3 % 24) as u8, 0)),
                zone: Some(String::from("UTC")),
            };
            project.articles.insert(
                article_id,
                Article {
                    id: article_id,
                    meta: ArticleMeta {
                        title: format!("Event {event} report {a}"),
                        outlet: Some(outlets[(event + a) % outlets.len()].to_owned()),
                        published: Some(published),
                        language: String::from(if arabic { "ar" } else { "en" }),
                        ..ArticleMeta::default()
                    },
                    text,
                    ..Article::default()
                },
            );
        }
    }
    project
}

fn main() {
    let built = Instant::now();
    let project = project(STATEMENTS);
    println!(
        "built {} statements in {} articles in {} ms",
        project.statements.len(),
        project.articles.len(),
        built.elapsed().as_millis()
    );
    let mut times = Vec::with_capacity(RUNS);
    let mut summary = String::new();
    for run in 0..RUNS {
        let start = Instant::now();
        let clusters = compare::clusters(&project);
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        times.push(ms);
        if run == 0 {
            let shared = clusters.shared().count();
            let divergences: usize = clusters.clusters.iter().map(|c| c.divergences.len()).sum();
            summary = format!(
                "{} clusters, {shared} shared by several articles, {divergences} divergences, {} near-identical pairs",
                clusters.clusters.len(),
                clusters.syndicated.len()
            );
        }
        println!("run {run}: {ms:.1} ms");
    }
    println!("{summary}");
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    println!("cluster_bench statements={} ms={median:.1}", project.statements.len());
}
