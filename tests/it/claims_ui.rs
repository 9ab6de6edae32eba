//! The across-articles views driven like a user: the claims view (clusters,
//! origins, divergences, merge, undo, split), two articles side by side with their
//! matching claims connected, the name table editor and syndication on import.

use std::sync::Arc;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use twotrack::app::dialogs::DialogOutcome;
use twotrack::app::{StartWith, TwoTrackApp};
use twotrack::compare::{self, Clusters};
use twotrack::model::{
    Article, ArticleId, ArticleMeta, CharRange, Kind, Paragraph, Project, Statement, StatementId,
    TextSpan,
};

use crate::common::{start_app, step_until};
use crate::compare::{corpus_dir, load};

/// The Lavrov back-channel event: original report, wire, contradicting paper,
/// Arabic adaptation and its syndicated copy, reprint, Russian reactions.
fn lavrov() -> crate::compare::GoldProject {
    load(&corpus_dir().join("lavrov.ron"))
}

fn revision(app: &TwoTrackApp) -> u64 {
    app.workspace().history.state()
}

/// Step until the claims computed in the background match the project.
fn settle(harness: &mut Harness<'_, TwoTrackApp>) {
    harness.run_steps(2);
    step_until(harness, "the claim clusters", |app| {
        app.ui_state().claims.is_current(revision(app)) && !app.ui_state().claims.is_updating()
    });
}

fn shown_clusters(harness: &Harness<'_, TwoTrackApp>) -> Arc<Clusters> {
    harness.state().ui_state().claims.latest().expect("clusters were computed")
}

fn open_tab(harness: &mut Harness<'_, TwoTrackApp>, tab: &str) {
    harness.get_by_label(tab).click();
    settle(harness);
}

/// With `CLAIMS_SHOT=DIR`, save what the window shows as `DIR/NAME.png` (to look at).
fn shot(harness: &mut Harness<'_, TwoTrackApp>, name: &str) {
    if let Some(dir) = std::env::var_os("CLAIMS_SHOT") {
        let image = harness.render().expect("rendered");
        image.save(std::path::Path::new(&dir).join(format!("{name}.png"))).expect("saved");
    }
}

fn statement_label(project: &Project, id: StatementId) -> String {
    format!("Statement: {}", project.statements[&id].span.quote)
}

/// "3 reports, 1 independent origin" → (3, 1).
fn parse_summary(label: &str) -> Option<(usize, usize)> {
    let mut numbers = label.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty());
    Some((numbers.next()?.parse().ok()?, numbers.next()?.parse().ok()?))
}

#[test]
fn claims_view_lists_shared_claims_with_origins_and_divergences() {
    let gold = lavrov();
    let mut harness = start_app(StartWith::InMemory(Box::new(gold.project.clone())), vec![]);
    open_tab(&mut harness, "Claims");
    let clusters = shown_clusters(&harness);
    assert_eq!(
        *clusters,
        compare::clusters(harness.state().project()),
        "the view shows the project's clusters"
    );
    let shared = clusters.shared().count();
    assert!(shared >= 3, "several claims are shared: {shared}");
    harness.get_by_label(&format!("{shared} claims reported by several articles"));

    // Every visible row says how many reports and origins it has; reprints and
    // syndicated copies make some claim carry more reports than origins.
    shot(&mut harness, "claims");
    let summaries: Vec<(usize, usize)> = harness
        .query_all_by_label_contains("independent origin")
        .filter_map(|n| n.accesskit_node().value().and_then(|l| parse_summary(&l)))
        .collect();
    assert!(!summaries.is_empty(), "rows show their origins");
    let first = clusters.shared().next().unwrap();
    assert_eq!(summaries[0], (first.len(), first.independence.independent_origins));
    assert!(
        summaries.iter().any(|(reports, origins)| reports > origins),
        "a reprinted claim counts fewer origins than reports: {summaries:?}"
    );

    // "Why together?" explains a statement's place in its claim.
    harness.get_all_by_label("why together?").next().expect("a why button").hover();
    let started = std::time::Instant::now();
    while harness.query_by_label_contains("Similarity").is_none() {
        assert!(started.elapsed().as_secs() < 20, "no explanation shown");
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(harness.query_by_label_contains("Compared with").is_some());
    shot(&mut harness, "why");

    // Only divergent claims: the negation ("was aware" / "was not aware") shows.
    harness.get_by_label("diverging only").click();
    harness.run_steps(3);
    assert!(
        harness.query_by_label_contains("negation").is_some(),
        "a negation divergence is flagged"
    );
    let divergent = clusters.shared().find(|c| !c.divergences.is_empty()).unwrap();
    harness.get_by_label(&statement_label(harness.state().project(), divergent.statements[0]));
}

#[test]
fn merge_undo_and_split_claims_by_hand() {
    let gold = lavrov();
    let mut harness = start_app(StartWith::InMemory(Box::new(gold.project)), vec![]);
    open_tab(&mut harness, "Claims");
    let clusters = shown_clusters(&harness);
    let mut shared = clusters.shared();
    let (first, second) = (shared.next().unwrap(), shared.next().unwrap());
    let (a, b) = (first.statements[0], second.statements[0]);
    assert!(!clusters.same_claim(a, b));
    let project = harness.state().project().clone();

    // Pick two statements of different claims, then "Same claim".
    harness.get_by_label(&statement_label(&project, a)).click();
    harness.run_steps(1);
    harness.get_by_label(&statement_label(&project, b)).click_modifiers(egui::Modifiers::COMMAND);
    harness.run_steps(1);
    assert_eq!(harness.state().ui_state().claims_view.picked, [a, b]);
    assert_eq!(
        harness.state().ui_state().selected_statement,
        Some(b),
        "a click selects everywhere"
    );
    harness.get_by_role_and_label(Role::Button, "Same claim").click();
    settle(&mut harness);
    assert!(!harness.state().project().cluster_overrides.is_empty());
    assert!(shown_clusters(&harness).same_claim(a, b), "merged");
    assert_eq!(
        harness.state().ui_state().claims.latest().unwrap().cluster_of(a).unwrap().len(),
        first.len() + second.len()
    );

    // Undo through the workspace history.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut harness);
    assert!(harness.state().project().cluster_overrides.is_empty());
    assert!(!shown_clusters(&harness).same_claim(a, b), "undone");

    // Split one statement out of its claim.
    harness.get_by_label(&statement_label(&project, a)).click();
    harness.run_steps(1);
    shot(&mut harness, "before_split");
    harness.get_by_role_and_label(Role::Button, "Not the same claim").click();
    settle(&mut harness);
    let after = shown_clusters(&harness);
    for &other in &first.statements[1..] {
        assert!(!after.same_claim(a, other), "split out of its claim");
    }
    assert_eq!(compare::clusters(harness.state().project()), *after);
}

#[test]
fn two_articles_side_by_side_with_matching_claims_connected() {
    let gold = lavrov();
    let project = gold.project.clone();
    let clusters = compare::clusters(&project);
    // The pair of articles with most matches, one of them diverging.
    let ids: Vec<ArticleId> = project.articles.keys().copied().collect();
    let (left, right) = ids
        .iter()
        .flat_map(|&l| ids.iter().map(move |&r| (l, r)))
        .filter(|(l, r)| l < r)
        .filter(|&(l, r)| {
            twotrack::ui::pair::pair_matches(&clusters, &project, l, r)
                .iter()
                .any(twotrack::ui::pair::PairMatch::is_divergent)
        })
        .max_by_key(|&(l, r)| clusters.matches_between(&project, l, r).len())
        .expect("some pair of articles diverges");
    let matches = twotrack::ui::pair::pair_matches(&clusters, &project, left, right);

    let mut harness = start_app(StartWith::InMemory(Box::new(project.clone())), vec![]);
    // Select the two articles in the library.
    let title = |id: ArticleId| project.articles[&id].meta.title.clone();
    harness.get_by_role_and_label(Role::ListItem, &title(left)).click();
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::ListItem, &title(right))
        .click_modifiers(egui::Modifiers::COMMAND);
    harness.run_steps(1);
    open_tab(&mut harness, "Two articles");
    harness.run_steps(2);
    shot(&mut harness, "pair");
    let pair = &harness.state().ui_state().pair;
    assert_eq!((pair.left, pair.right), (Some(left), Some(right)));
    let diverging = matches.iter().filter(|m| m.is_divergent()).count();
    harness.get_by_label(&format!("{} matching claims", matches.len()));
    harness.get_by_label(&format!("{diverging} diverging"));

    // Bands between the texts connect the matching statements.
    let bands: Vec<String> = harness
        .query_all_by_label_contains(" ↔ ")
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    assert!(!bands.is_empty(), "matching claims are connected by bands");
    for m in &matches {
        let expected = twotrack::ui::pair::band_label(&project, m);
        if bands.contains(&expected) {
            // Both statements are highlighted in their texts.
            for id in [m.left, m.right] {
                let quote = &project.statements[&id].span.quote;
                let label = format!("claim: {quote}");
                assert!(harness.query_all_by_label_contains(&label).next().is_some());
            }
        }
    }
    let shown = matches
        .iter()
        .find(|m| bands.contains(&twotrack::ui::pair::band_label(&project, m)))
        .expect("a band is labelled with its two statements");

    // Clicking a band selects its statements.
    harness.get_by_label(&twotrack::ui::pair::band_label(&project, shown)).click();
    harness.run_steps(2);
    let state = harness.state().ui_state();
    assert_eq!(state.selected_statement, Some(shown.left));
    assert_eq!(state.pair.selected_match, Some((shown.left, shown.right)));
}

/// An English and an Arabic report of one claim that share no words the matcher
/// knows until the analyst tells it how a place is named in both languages (a
/// translated name: transliterated ones are linked without the table).
fn port_project() -> (Project, StatementId, StatementId) {
    let mut project = Project::new("Port");
    let mut ids = Vec::new();
    for (title, outlet, lang, text) in [
        (
            "Port to reopen",
            "Coast Herald",
            "en",
            "The harbour master said Green Bay port will be dredged.",
        ),
        ("الميناء", "صحيفة الساحل", "ar", "قال مدير المرفأ إن ميناء الخليج الأخضر ستجرف قاعه."),
    ] {
        let article = ArticleId(project.alloc_id());
        let len = text.chars().count();
        project.articles.insert(
            article,
            Article {
                id: article,
                text: text.to_owned(),
                paragraphs: vec![Paragraph {
                    range: CharRange::new(0, len),
                    ..Paragraph::default()
                }],
                meta: ArticleMeta {
                    title: title.to_owned(),
                    outlet: Some(outlet.to_owned()),
                    language: lang.to_owned(),
                    ..ArticleMeta::default()
                },
                ..Article::default()
            },
        );
        let id = StatementId(project.alloc_id());
        project.statements.insert(
            id,
            Statement {
                id,
                article,
                span: TextSpan::from_text(text, CharRange::new(0, len)),
                kind: Kind::Official,
                lang: lang.to_owned(),
                ..Statement::default()
            },
        );
        ids.push(id);
    }
    (project, ids[0], ids[1])
}

#[test]
fn a_name_table_entry_makes_a_cross_language_match() {
    let (project, en, ar) = port_project();
    let mut harness = start_app(StartWith::InMemory(Box::new(project)), vec![]);
    open_tab(&mut harness, "Claims");
    assert!(!shown_clusters(&harness).same_claim(en, ar));
    harness.get_by_label("0 claims reported by several articles");

    harness.get_by_role_and_label(Role::Button, "Name table…").click();
    harness.run_steps(2);
    // The built-in names are listed.
    assert!(harness.query_by_label_contains("Built-in names").is_some());
    let field = harness.get_by_label("New name");
    field.focus();
    field.type_text("Green Bay");
    harness.run_steps(1);
    let field = harness.get_by_label("Other spelling");
    field.focus();
    field.type_text("الخليج الأخضر");
    harness.run_steps(1);
    harness.get_by_role_and_label(Role::Button, "Add name").click();
    settle(&mut harness);
    shot(&mut harness, "names");
    let table = &harness.state().project().name_table;
    assert_eq!(table.len(), 1);
    assert_eq!(table[0].names, ["Green Bay", "الخليج الأخضر"]);
    assert!(shown_clusters(&harness).same_claim(en, ar), "matched across languages");
    harness.get_by_label("1 claim reported by several articles");

    // Removing it is one undoable step too.
    harness.get_by_label("Remove name Green Bay").click();
    settle(&mut harness);
    assert!(harness.state().project().name_table.is_empty());
    assert!(!shown_clusters(&harness).same_claim(en, ar));
    harness.key_press(egui::Key::Escape);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut harness);
    assert_eq!(harness.state().project().name_table.len(), 1, "undo brings it back");
}

/// Step until `count` library marks show, or fail after 20 s.
fn wait_for_marks(harness: &mut Harness<'_, TwoTrackApp>, count: impl Fn(usize) -> bool) -> usize {
    let started = std::time::Instant::now();
    loop {
        harness.step();
        let marks = harness.query_all_by_label("❐ copy").count();
        if count(marks) {
            return marks;
        }
        assert!(started.elapsed().as_secs() < 20, "library marks: {marks}");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

#[test]
fn an_imported_reprint_is_flagged_by_name_and_marked_in_the_library() {
    let gold = lavrov();
    let project = gold.project.clone();
    let articles = project.articles.len();
    let original = project.articles.values().max_by_key(|a| a.text.len()).unwrap().clone();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("reprint.txt");
    std::fs::write(&path, format!("Reprinted story\n\n{}\n\n(Agencies)\n", original.text)).unwrap();
    let mut harness =
        start_app(StartWith::InMemory(Box::new(project)), vec![DialogOutcome::Picked(vec![path])]);
    // The corpus already holds a syndicated pair: both are marked.
    let before = wait_for_marks(&mut harness, |n| n >= 2);

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::I);
    harness.run_steps(2);
    step_until(&mut harness, "the import", |app| {
        !app.is_importing() && app.project().articles.len() == articles + 1
    });
    let app = harness.state();
    let notice = app
        .messages()
        .iter()
        .map(|m| m.text.clone())
        .find(|t| t.contains("near-identical copy of") && t.contains(&original.meta.title))
        .expect("the reprint is flagged with its original");
    assert!(notice.contains(&original.meta.title), "names the original: {notice}");
    assert!(notice.contains("Reprinted story"), "names the reprint: {notice}");
    let last = app.messages().last().map(|m| m.text.clone()).unwrap_or_default();
    assert!(last.contains("near-identical copy of"), "shown last: {last}");
    wait_for_marks(&mut harness, |n| n > before);
}

fn median_and_max(mut times: Vec<f64>) -> (f64, f64) {
    times.sort_by(f64::total_cmp);
    let median = times.get(times.len() / 2).copied().unwrap_or(0.0);
    (median, times.last().copied().unwrap_or(0.0))
}

/// Frame times of the claims and two-article views on 200 articles and 5,000
/// statements, in the test harness (accessibility tree included, so an upper bound).
/// Run in release: `cargo test --release --test it -- --ignored --nocapture measure_claims`.
#[test]
#[ignore = "a measurement; run it in release"]
#[allow(clippy::print_stdout)] // the figures are the point
fn measure_claims_views_with_5000_statements() {
    use std::time::Instant;
    let project = twotrack::synthetic::project(200, 5000);
    let statements = project.statements.len();
    let mut harness = start_app(StartWith::InMemory(Box::new(project)), vec![]);
    harness.get_by_label("Claims").click();
    // While the clusters are computed off the UI thread, frames stay short.
    let started = Instant::now();
    let mut updating = Vec::new();
    while harness.state().ui_state().claims.latest().is_none() {
        let frame = Instant::now();
        harness.step();
        updating.push(frame.elapsed().as_secs_f64() * 1000.0);
        std::thread::sleep(std::time::Duration::from_millis(1));
        assert!(started.elapsed().as_secs() < 120, "clusters never arrived");
    }
    let cluster_ms = started.elapsed().as_secs_f64() * 1000.0;
    harness.run_steps(3);
    let mut scrolling = Vec::new();
    for i in 0..120 {
        let dy = if i < 80 { -80.0 } else { 160.0 };
        crate::common::wheel(&harness, egui::pos2(800.0, 500.0), dy);
        let frame = Instant::now();
        harness.step();
        scrolling.push(frame.elapsed().as_secs_f64() * 1000.0);
    }
    harness.get_by_label("Two articles").click();
    harness.run_steps(3);
    let mut pair = Vec::new();
    for i in 0..60 {
        let dy = if i < 40 { -80.0 } else { 160.0 };
        crate::common::wheel(&harness, egui::pos2(500.0, 500.0), dy);
        let frame = Instant::now();
        harness.step();
        pair.push(frame.elapsed().as_secs_f64() * 1000.0);
    }
    let (updating_median, updating_max) = median_and_max(updating);
    let (scroll_median, scroll_max) = median_and_max(scrolling);
    let (pair_median, pair_max) = median_and_max(pair);
    println!(
        "claims_views statements={statements} cluster_wall_ms={cluster_ms:.0} \
         updating_frame_ms_median={updating_median:.1} updating_frame_ms_max={updating_max:.1} \
         claims_scroll_ms_median={scroll_median:.1} claims_scroll_ms_max={scroll_max:.1} \
         pair_scroll_ms_median={pair_median:.1} pair_scroll_ms_max={pair_max:.1}"
    );
}
