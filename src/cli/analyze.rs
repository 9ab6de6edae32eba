//! `twotrack analyze`: the import pipeline and statement finder, printing JSON Lines.
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "JSON Lines on standard output and errors on standard error are this command's interface"
)]

use std::io::Write as _;
use std::path::Path;

use crate::analysis::{Lexicon, analyze_article, merge_suggestions};
use crate::command::Command;
use crate::ingest::{ImportOptions, expand_paths, import_path};
use crate::model::{Article, ArticleId, Project, Statement};

use super::AnalyzeArgs;

/// Run `analyze`; returns the exit code (0 all files analysed, 1 some failed, 2 bad
/// arguments).
pub(super) fn run(args: &AnalyzeArgs) -> i32 {
    let lang = args.lang.as_str();
    if !matches!(lang, "auto" | "ar" | "en") {
        eprintln!("error: --lang must be auto, ar or en, not {lang:?}");
        return 2;
    }
    let (lexicon, err) = Lexicon::load_default();
    if let Some(err) = err {
        eprintln!("warning: using the built-in lexicon: {err}");
    }
    let mut failed = false;
    let mut project = Project::new("Analysis");
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let (files, errors) = expand_paths(&args.files);
    for err in &errors {
        eprintln!("error: {err}");
        failed = true;
    }
    for path in files {
        let mut article = match import_path(&path, &ImportOptions::default()) {
            Ok(imported) => imported.article,
            Err(err) => {
                eprintln!("error: {err}");
                failed = true;
                continue;
            }
        };
        if lang != "auto" {
            lang.clone_into(&mut article.meta.language);
        }
        article.id = ArticleId(project.alloc_id());
        let statements = analyze_article(&article, &lexicon);
        for statement in &statements {
            if writeln!(out, "{}", json_line(&path, statement)).is_err() {
                return 1; // standard output closed (e.g. piped into `head`)
            }
        }
        if args.project.is_some() && !add_to_project(&mut project, article, statements) {
            eprintln!("error: could not add the statements to the project: {}", path.display());
            failed = true;
        }
    }
    if let Some(out_path) = &args.project
        && let Err(err) = crate::store::save(out_path, &project)
    {
        eprintln!("error: {err}");
        return 1;
    }
    i32::from(failed)
}

fn add_to_project(project: &mut Project, article: Article, statements: Vec<Statement>) -> bool {
    let id = article.id;
    if Command::PutArticle(Box::new(article)).apply(project).is_err() {
        return false;
    }
    merge_suggestions(project, id, statements).apply(project).is_ok()
}

/// One JSON object, keys in the documented order; `via` joined with " / ".
fn json_line(path: &Path, s: &Statement) -> String {
    let opt = |v: Option<&str>| v.map_or_else(|| "null".to_owned(), json_string);
    let via = if s.via.is_empty() { None } else { Some(s.via.join(" / ")) };
    let confidence = (f64::from(s.confidence) * 100.0).round() / 100.0;
    format!(
        "{{\"file\": {}, \"start\": {}, \"end\": {}, \"text\": {}, \"kind\": {}, \"speaker\": {}, \"actor\": {}, \"via\": {}, \"cue\": {}, \"confidence\": {}, \"lang\": {}}}",
        json_string(&path.display().to_string()),
        s.span.range.start,
        s.span.range.end,
        json_string(&s.span.quote),
        json_string(s.kind.as_str()),
        opt(s.speaker.as_deref()),
        opt(s.actor.as_deref()),
        opt(via.as_deref()),
        opt(s.cue.as_ref().map(|c| c.quote.as_str())),
        serde_json::Value::from(confidence),
        if s.lang.is_empty() { "null".to_owned() } else { json_string(&s.lang) },
    )
}

fn json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "null".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CharRange, Kind, TextSpan};

    #[test]
    fn run_writes_a_project_and_reports_bad_files() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("a.txt");
        std::fs::write(
            &good,
            "Headline\n\nKremlin spokesman Dmitry Peskov said the deal was over.\n\nTwo sources said talks would resume.",
        )
        .unwrap();
        let bad = dir.path().join("missing.txt");
        let out = dir.path().join("out.ron");
        let args = AnalyzeArgs {
            lang: "auto".to_owned(),
            project: Some(out.clone()),
            files: vec![good, bad],
        };
        assert_eq!(run(&args), 1, "a missing file makes the exit code non-zero");
        let project = crate::store::load(&out).unwrap().project;
        assert_eq!(project.articles.len(), 1);
        let kinds: Vec<Kind> = project.statements.values().map(|s| s.kind).collect();
        assert_eq!(kinds, vec![Kind::Official, Kind::Unofficial]);
        assert!(project.statements.values().all(|s| s.review == crate::model::Review::Suggested));
    }

    #[test]
    fn unknown_language_is_a_usage_error() {
        let args = AnalyzeArgs { lang: "fr".to_owned(), project: None, files: vec![] };
        assert_eq!(run(&args), 2);
    }

    #[test]
    fn json_line_has_the_documented_keys_in_order() {
        let text = "قال متحدث إن \"لا\".";
        let statement = Statement {
            span: TextSpan::from_text(text, CharRange::new(0, 18)),
            kind: Kind::Official,
            speaker: Some("متحدث".to_owned()),
            via: vec!["Reuters".to_owned(), "NBC News".to_owned()],
            confidence: 0.856,
            lang: "ar".to_owned(),
            ..Statement::default()
        };
        let line = json_line(Path::new("a.txt"), &statement);
        let value: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(value["kind"], "official");
        assert_eq!(value["via"], "Reuters / NBC News");
        assert_eq!(value["actor"], serde_json::Value::Null);
        assert_eq!(value["confidence"], 0.86);
        assert_eq!(value["text"], text);
        let keys = [
            "file",
            "start",
            "end",
            "text",
            "kind",
            "speaker",
            "actor",
            "via",
            "cue",
            "confidence",
            "lang",
        ];
        let mut last = 0;
        for key in keys {
            let at = line.find(&format!("\"{key}\":")).unwrap();
            assert!(at >= last, "{key} out of order");
            last = at;
        }
    }
}
