//! Statement-finding throughput: ~1,000-word plain-text articles (Arabic and English)
//! analysed on two threads (imported beforehand), and separately the same articles as HTML
//! files through the file import pipeline. Last line:
//! `analyze_bench articles=<n> articles_per_s=<x>` (plain text).
#![allow(clippy::print_stdout, reason = "a benchmark prints its figures")]

use std::path::{Path, PathBuf};
use std::time::Instant;

use twotrack::analysis::{Lexicon, analyze_article};
use twotrack::ingest::{ImportOptions, import_path, import_text};
use twotrack::model::SourceFormat;

const ARTICLES: usize = 600;
const WORDS: usize = 1_000;
const THREADS: usize = 2;

/// Body paragraphs of the test corpus, per language.
fn corpus_paragraphs() -> (Vec<String>, Vec<String>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/attribution");
    let mut arabic = Vec::new();
    let mut english = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    for path in files {
        let is_article = path.extension().is_some_and(|x| x == "txt");
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        if !is_article {
            continue;
        }
        let target = if path.file_name().is_some_and(|n| n.to_string_lossy().starts_with("ar_")) {
            &mut arabic
        } else {
            &mut english
        };
        for block in text.split("\n\n").skip(1) {
            let block = block.trim();
            if block.split_whitespace().count() > 12 {
                target.push(block.to_owned());
            }
        }
    }
    (arabic, english)
}

/// `n` articles of about `WORDS` words, alternating languages, paragraphs rotated.
fn make_articles(n: usize) -> Vec<String> {
    let (arabic, english) = corpus_paragraphs();
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let pool = if i % 2 == 0 { &arabic } else { &english };
        if pool.is_empty() {
            break;
        }
        let mut text = String::from("Headline of the test article\n\n");
        let mut words = 0;
        let mut k = i * 7;
        while words < WORDS {
            let Some(p) = pool.get(k % pool.len()) else { break };
            words += p.split_whitespace().count();
            text.push_str(p);
            text.push_str("\n\n");
            k += 1;
        }
        out.push(text);
    }
    out
}

fn run_parallel<T: Sync>(items: &[T], work: impl Fn(&T) -> usize + Sync) -> (f64, usize) {
    let start = Instant::now();
    let chunk = items.len().div_ceil(THREADS).max(1);
    let found: usize = std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(|| part.iter().map(&work).sum::<usize>()))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap_or(0)).sum()
    });
    (start.elapsed().as_secs_f64(), found)
}

fn main() {
    let lexicon = Lexicon::builtin();
    let articles = make_articles(ARTICLES);
    let words: usize = articles.iter().map(|a| a.split_whitespace().count()).sum();
    println!("articles={} mean_words={}", articles.len(), words / articles.len().max(1));

    // Plain text: imported once (import has its own benchmark), analysis timed.
    let imported: Vec<_> =
        articles.iter().map(|text| import_text(text, SourceFormat::PlainText).article).collect();
    let mut best = f64::MAX;
    let mut statements = 0;
    for _ in 0..3 {
        let (secs, found) =
            run_parallel(&imported, |article| analyze_article(article, &lexicon).len());
        best = best.min(secs);
        statements = found;
    }
    let plain_rate = articles.len() as f64 / best;
    // One thread, for a figure that does not depend on how busy the second core is.
    let start = Instant::now();
    let single: usize = imported.iter().map(|a| analyze_article(a, &lexicon).len()).sum();
    let single_ms = start.elapsed().as_secs_f64() * 1000.0 / imported.len().max(1) as f64;
    println!("single thread: {single_ms:.3} ms per article ({single} statements)");
    println!(
        "plain: {:.3} s for {} articles, {statements} statements, threads={THREADS}",
        best,
        articles.len()
    );

    // HTML through the file import pipeline.
    let dir = std::env::temp_dir().join(format!("twotrack_bench_{}", std::process::id()));
    if std::fs::create_dir_all(&dir).is_ok() {
        let paths: Vec<PathBuf> = articles
            .iter()
            .enumerate()
            .filter_map(|(i, text)| {
                let mut body = String::new();
                for p in text.split("\n\n") {
                    body.push_str("<p>");
                    body.push_str(p);
                    body.push_str("</p>\n");
                }
                let html = format!(
                    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Test</title></head><body><article>{body}</article></body></html>"
                );
                let path = dir.join(format!("{i}.html"));
                std::fs::write(&path, html).ok().map(|()| path)
            })
            .collect();
        let (secs, found) = run_parallel(&paths, |path| {
            import_path(path, &ImportOptions::default())
                .map_or(0, |imported| analyze_article(&imported.article, &lexicon).len())
        });
        println!(
            "html: {:.3} s for {} articles ({:.0} articles/s), {found} statements",
            secs,
            paths.len(),
            paths.len() as f64 / secs
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
    println!("analyze_bench articles={} articles_per_s={plain_rate:.0}", articles.len());
}
