//! Snapshot images of the whole workspace on the sample project, light and dark:
//! library, the Arabic article in the reader with its highlights, the compare
//! columns with a selected official statement and its link bands, and the notes of
//! that statement in the inspector.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use twotrack::app::dialogs::ScriptedDialogs;
use twotrack::app::{AppConfig, StartWith, TwoTrackApp};

use crate::common::{fixed_clock, renderer};

/// Part of the sample's official statement (the State Department spokesman).
const OFFICIAL_PART: &str = "لم توافق إدارة بايدن";

/// The accessible text of a node: its label, or its value (paragraphs of text).
fn label_of(node: &egui_kittest::Node<'_>) -> String {
    let node = node.accesskit_node();
    node.label().or_else(|| node.value()).unwrap_or_default().clone()
}

/// The sample project at 1400×900 in `theme`, drawn by wgpu (lavapipe in CI).
fn workspace(theme: egui::Theme) -> Option<Harness<'static, TwoTrackApp>> {
    let renderer = renderer()?;
    let config = AppConfig {
        start: StartWith::Sample,
        dialogs: Some(Box::new(ScriptedDialogs::default())),
        clock: fixed_clock(),
        ..AppConfig::default()
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_theme(theme)
        .renderer(renderer)
        .build_eframe(move |cc| TwoTrackApp::new(cc, config));
    harness.run_steps(4);
    Some(harness)
}

#[test]
fn snapshot_workspace_with_a_selected_official_statement() {
    let mut results = egui_kittest::SnapshotResults::new();
    for (theme, name) in [(egui::Theme::Light, "light"), (egui::Theme::Dark, "dark")] {
        let Some(mut h) = workspace(theme) else { return };
        let card = h
            .get_all_by_role(Role::Button)
            .find(|n| {
                let label = label_of(n);
                label.starts_with("official statement:") && label.contains(OFFICIAL_PART)
            })
            .expect("the sample shows the State Department's statement as an official card");
        card.click();
        // Selecting scrolls the reader and the columns to the statement: let the
        // smooth scrolling come to rest.
        h.run_steps(40);
        let quote = h
            .state()
            .ui_state()
            .selected_statement
            .and_then(|id| h.state().project().statements.get(&id))
            .map(|s| s.span.quote.clone())
            .unwrap_or_default();
        assert!(quote.contains(OFFICIAL_PART), "the click selected {quote:?}");
        // The reader scrolled to the statement's paragraph, near the article's end.
        let paragraph = h
            .get_all_by_role(Role::Label)
            .filter(|n| label_of(n).contains(OFFICIAL_PART))
            .max_by_key(|n| label_of(n).chars().count())
            .expect("the reader shows the statement's paragraph");
        let rect = paragraph.rect();
        assert!(rect.top() > 100.0 && rect.top() < 800.0, "paragraph at {rect:?}");
        results.add(h.try_snapshot(format!("workspace/sample_selected_{name}")));
    }
    results.unwrap();
}

/// Open the central tab `tab` and wait until it shows `ready` (claims are computed
/// on a background thread), then let it settle.
fn central_tab(h: &mut Harness<'static, TwoTrackApp>, tab: &str, ready: &str) {
    h.get_by_role_and_label(Role::Button, tab).click();
    let started = std::time::Instant::now();
    loop {
        h.step();
        if h.query_all_by(|n| n.label().or_else(|| n.value()).is_some_and(|l| l.contains(ready)))
            .next()
            .is_some()
        {
            break;
        }
        assert!(started.elapsed().as_secs() < 30, "{tab} never showed {ready:?}");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    h.run_steps(10);
}

#[test]
fn snapshot_claims_timeline_and_two_articles() {
    let mut results = egui_kittest::SnapshotResults::new();
    for (tab, ready, name) in [
        ("Claims", "independent origins", "claims"),
        ("Timeline", "Rows:", "timeline"),
        ("Two articles", "matching claims", "two_articles"),
    ] {
        let Some(mut h) = workspace(egui::Theme::Light) else { return };
        central_tab(&mut h, tab, ready);
        results.add(h.try_snapshot(format!("workspace/sample_{name}_light")));
    }
    results.unwrap();
}
