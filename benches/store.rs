//! Save and open a 200-article, 5,000-statement project.
//!
//! Articles mix the Arabic and English samples at realistic sizes (about 2–12 KB
//! of text each), every statement has a quote, context, cue, speaker and
//! translation, and there are notes and links. Prints each run, then the median
//! in the line `store_bench articles=200 statements=5000 save_ms=<x> open_ms=<y>`.

#![allow(clippy::print_stdout, reason = "a benchmark reports on stdout")]
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a failing benchmark should stop")]

use std::collections::BTreeSet;
use std::time::Instant;

use twotrack::model::{
    Article, ArticleId, ArticleMeta, CharRange, Direction, Kind, Link, LinkId, LinkKind, Note,
    NoteId, NoteTarget, Origin, Paragraph, ParagraphRole, Project, PubDate, Question, QuestionId,
    Review, SourceFormat, SourceInfo, Statement, StatementId, TextSpan,
};
use twotrack::store;

const ARABIC: &str = include_str!("../assets/sample/article_ar.txt");
const ENGLISH: &str = include_str!("../assets/sample/wire_en.txt");
const DAILY: &str = include_str!("../assets/sample/daily_en.md");

const ARTICLES: u64 = 200;
const STATEMENTS_PER_ARTICLE: u64 = 25;
const RUNS: usize = 5;

fn article(id: u64, index: u64) -> Article {
    // 60 % Arabic; sizes from one to three copies of a sample.
    let (sample, language) = match index % 5 {
        0..=2 => (ARABIC, "ar"),
        3 => (ENGLISH, "en"),
        _ => (DAILY, "en"),
    };
    let copies = 1 + (index % 3) as usize;
    let text = vec![sample.trim().replace('\r', ""); copies].join("\n");
    let mut paragraphs = Vec::new();
    let mut start = 0;
    for (i, line) in text.split('\n').enumerate() {
        let end = start + line.chars().count();
        paragraphs.push(Paragraph {
            range: CharRange::new(start, end),
            role: if i == 0 { ParagraphRole::Headline } else { ParagraphRole::Body },
            direction: if language == "ar" { Direction::Rtl } else { Direction::Ltr },
        });
        start = end + 1;
    }
    Article {
        id: ArticleId(id),
        meta: ArticleMeta {
            title: text.lines().next().unwrap_or_default().to_owned(),
            outlet: Some(String::from(if language == "ar" {
                "الجزيرة نت"
            } else {
                "Reuters"
            })),
            url: Some(format!("https://example.org/news/{id}")),
            author: Some(String::from("Staff")),
            published: Some(PubDate {
                year: 2023,
                month: 7,
                day: 7,
                time: Some((9, 40)),
                zone: Some(String::from("GMT")),
            }),
            language: language.to_owned(),
            direction_override: None,
        },
        paragraphs,
        source: SourceInfo {
            path: Some(format!("/home/analyst/articles/{id}.txt")),
            sha256: "0123456789abcdef".repeat(4),
            size_bytes: text.len() as u64,
            format: SourceFormat::PlainText,
            encoding: String::from("UTF-8"),
            encoding_overridden: false,
            imported: Some(jiff::Timestamp::from_second(1_688_800_000).unwrap()),
        },
        text,
    }
}

fn build_project() -> Project {
    let mut project = Project::new("Track-two talks: 200 reports");
    let question = QuestionId(project.alloc_id());
    project.questions.insert(
        question,
        Question {
            id: question,
            title: String::from("هل وافقت الإدارة على المحادثات؟"),
            translation: String::from("Did the administration approve the talks?"),
            order: 0,
        },
    );
    let mut previous = None;
    for index in 0..ARTICLES {
        let id = ArticleId(project.alloc_id());
        let art = article(id.0, index);
        let len = art.char_len();
        for s in 0..STATEMENTS_PER_ARTICLE {
            let sid = StatementId(project.alloc_id());
            let start = (s as usize * 131) % (len - 200);
            let end = start + 60 + (s as usize * 17) % 120;
            let statement = Statement {
                id: sid,
                article: id,
                span: TextSpan::from_text(&art.text, CharRange::new(start, end)),
                cue: Some(TextSpan::from_text(&art.text, CharRange::new(start, start + 5))),
                kind: [Kind::Official, Kind::Unofficial, Kind::Unclassified][(s % 3) as usize],
                review: [Review::Suggested, Review::Accepted, Review::Rejected][(s % 3) as usize],
                origin: if s % 7 == 0 { Origin::Analyst } else { Origin::Analysis },
                speaker: Some(String::from("متحدث باسم وزارة الخارجية الأمريكية")),
                actor: Some(String::from("US State Department")),
                via: vec![String::from("NBC News")],
                confidence: 0.35 + (s % 13) as f32 / 20.0,
                lang: art.meta.language.clone(),
                reason: Some(String::from("anonymous source: sources familiar")),
                question: (s % 4 == 0).then_some(question),
                tags: BTreeSet::from([String::from("نفي"), String::from("talks")]),
                translation: if s % 2 == 0 {
                    String::from("The administration said it did not approve the talks.")
                } else {
                    String::new()
                },
            };
            project.statements.insert(sid, statement);
            if let Some(prev) = previous.filter(|_| s % 5 == 0) {
                let lid = LinkId(project.alloc_id());
                let kind = if s % 2 == 0 { LinkKind::Contradicts } else { LinkKind::SameClaim };
                project.links.insert(lid, Link { id: lid, from: sid, to: prev, kind });
            }
            if s % 10 == 0 {
                let nid = NoteId(project.alloc_id());
                let at = jiff::Timestamp::from_second(1_688_800_000 + sid.0 as i64).unwrap();
                let note = Note {
                    id: nid,
                    target: NoteTarget::Statement(sid),
                    text: String::from("النفي الرسمي يسبق التسريب بيوم؛ قارن مع رواية NBC."),
                    translation: String::from(
                        "The official denial came a day before the leak; compare NBC.",
                    ),
                    created: at,
                    modified: at,
                };
                project.notes.insert(nid, note);
            }
            previous = Some(sid);
        }
        project.articles.insert(id, art);
    }
    project
}

fn median_ms(mut runs: Vec<f64>) -> f64 {
    runs.sort_by(f64::total_cmp);
    runs.get(runs.len() / 2).copied().unwrap_or(f64::NAN)
}

fn main() {
    let project = build_project();
    assert_eq!(project.articles.len(), ARTICLES as usize);
    assert_eq!(project.statements.len(), (ARTICLES * STATEMENTS_PER_ARTICLE) as usize);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.ron");

    let mut save_runs = Vec::new();
    let mut open_runs = Vec::new();
    for run in 0..RUNS {
        let timer = Instant::now();
        store::save(&path, &project).unwrap();
        let save_ms = timer.elapsed().as_secs_f64() * 1000.0;

        let timer = Instant::now();
        let loaded = store::load(&path).unwrap();
        let open_ms = timer.elapsed().as_secs_f64() * 1000.0;
        assert_eq!(loaded.project, project);
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings.first());

        // Where the time goes: RON text only, without the file system.
        let timer = Instant::now();
        let text = store::to_ron_string(&project).unwrap();
        let to_text_ms = timer.elapsed().as_secs_f64() * 1000.0;
        let timer = Instant::now();
        let parsed = store::from_ron_str(&text, &path).unwrap();
        let from_text_ms = timer.elapsed().as_secs_f64() * 1000.0;
        assert_eq!(parsed.statements.len(), project.statements.len());

        let size_mb = text.len() as f64 / 1e6;
        println!(
            "run {run}: file {size_mb:.1} MB, save {save_ms:.1} ms (to text {to_text_ms:.1}), \
             open {open_ms:.1} ms (from text {from_text_ms:.1})"
        );
        save_runs.push(save_ms);
        open_runs.push(open_ms);
    }
    println!(
        "store_bench articles={} statements={} save_ms={:.0} open_ms={:.0}",
        project.articles.len(),
        project.statements.len(),
        median_ms(save_runs),
        median_ms(open_runs)
    );
}
