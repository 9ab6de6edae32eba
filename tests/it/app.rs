//! The real app driven like a user: by accessibility role and label.

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use twotrack::app::StartWith;
use twotrack::app::dialogs::DialogOutcome;

use crate::common::{repo_file, start_app, step_until};

#[test]
fn starts_with_the_sample_project_and_shows_the_first_article() {
    let mut harness = start_app(StartWith::Sample, vec![]);
    harness.run_steps(3);
    let app = harness.state();
    assert_eq!(app.project().articles.len(), 3, "three sample articles");
    assert!(app.ui_state().current_article.is_some(), "the first article is in the reader");
    assert!(!app.workspace().is_dirty(), "a freshly opened sample has no unsaved changes");
}

#[test]
fn opens_articles_through_the_file_menu_off_the_ui_thread() {
    let file = repo_file("assets/sample/wire_en.txt");
    let mut harness = start_app(StartWith::Empty, vec![DialogOutcome::Picked(vec![file])]);
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_role_and_label(Role::Button, "Open articles… Ctrl+I").click();
    harness.run_steps(2);
    step_until(&mut harness, "the import", |app| {
        !app.is_importing() && !app.project().articles.is_empty()
    });
    let app = harness.state();
    assert_eq!(app.project().articles.len(), 1);
    assert!(app.workspace().is_dirty(), "an import is an unsaved change");
    let article = app.project().articles.values().next().unwrap();
    assert_eq!(app.ui_state().current_article, Some(article.id), "the imported article is shown");
}

#[test]
fn a_missing_file_dialog_offers_a_path_field_instead() {
    let file = repo_file("assets/sample/wire_en.txt");
    let mut harness = start_app(StartWith::Empty, vec![DialogOutcome::Unavailable]);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::I);
    harness.run_steps(3);
    let field = harness.get_by_label("Path");
    field.focus();
    field.type_text(&file.display().to_string());
    harness.run_steps(2);
    harness.get_by_role_and_label(Role::Button, "OK").click();
    harness.run_steps(2);
    step_until(&mut harness, "the import", |app| !app.project().articles.is_empty());
    assert_eq!(harness.state().project().articles.len(), 1);
}

#[test]
fn save_then_reopen_gives_back_the_same_project() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lavrov.ron");
    let mut harness = start_app(
        StartWith::Sample,
        vec![DialogOutcome::Picked(vec![path.clone()]), DialogOutcome::Picked(vec![path.clone()])],
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run_steps(3);
    assert!(path.exists(), "Ctrl+S on an unsaved project asks for a path and saves there");
    assert!(!harness.state().workspace().is_dirty());
    let saved = harness.state().project().clone();

    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label_contains("Open project").click();
    harness.run_steps(3);
    assert_eq!(harness.state().project(), &saved);
    assert_eq!(harness.state().workspace().path.as_deref(), Some(path.as_path()));
}

#[test]
fn unsaved_changes_are_not_dropped_without_asking() {
    let mut harness = start_app(StartWith::Sample, vec![]);
    // Make a change: a new question.
    let questions = harness.state().project().questions.len();
    harness.get_by_role_and_label(Role::Button, "New question").click();
    harness.run_steps(2);
    assert!(harness.state().workspace().is_dirty());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    harness.run_steps(2);
    // The prompt is up and nothing was dropped yet.
    assert_eq!(harness.state().project().questions.len(), questions + 1);
    harness.get_by_role_and_label(Role::Button, "Cancel").click();
    harness.run_steps(2);
    assert_eq!(harness.state().project().questions.len(), questions + 1, "Cancel keeps the work");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    harness.run_steps(2);
    harness.get_by_role_and_label(Role::Button, "Don't save").click();
    harness.run_steps(2);
    assert!(harness.state().project().articles.is_empty(), "Don't save starts the new project");
}

#[test]
fn undo_and_redo_from_the_keyboard() {
    let mut harness = start_app(StartWith::Sample, vec![]);
    let questions = harness.state().project().questions.len();
    harness.get_by_role_and_label(Role::Button, "New question").click();
    harness.run_steps(2);
    assert_eq!(harness.state().project().questions.len(), questions + 1);
    // The new question's title field has focus; leave it before undoing the workspace.
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(2);
    assert_eq!(harness.state().project().questions.len(), questions);
    assert!(!harness.state().workspace().is_dirty(), "undo back to the opened state is clean");
    harness.key_press_modifiers(
        egui::Modifiers { shift: true, ..egui::Modifiers::COMMAND },
        egui::Key::Z,
    );
    harness.run_steps(2);
    assert_eq!(harness.state().project().questions.len(), questions + 1);
}

#[test]
fn unsaved_work_is_autosaved_and_offered_back_after_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    {
        let mut harness = crate::common::start_app_with_recovery(
            StartWith::Sample,
            recovery.clone(),
            std::time::Duration::ZERO,
        );
        harness.get_by_role_and_label(Role::Button, "New question").click();
        harness.run_steps(3);
        harness.state().flush_autosave();
        let found = twotrack::store::list_recoveries(&recovery);
        assert_eq!(found.len(), 1, "one recovery file for the unsaved project");
        // The harness is dropped without a clean exit: as after a crash.
    }
    let mut harness = crate::common::start_app_with_recovery(
        StartWith::Empty,
        recovery.clone(),
        std::time::Duration::from_hours(1),
    );
    harness.run_steps(2);
    harness.get_by_role_and_label(Role::Button, "Restore").click();
    harness.run_steps(3);
    let app = harness.state();
    let sample_questions = twotrack::app::sample::sample_project().questions.len();
    assert_eq!(
        app.project().questions.len(),
        sample_questions + 1,
        "the question made before the crash is back"
    );
    assert_eq!(app.project().articles.len(), 3);
    assert!(app.workspace().is_dirty(), "restored work is unsaved until saved");
    assert!(
        twotrack::store::list_recoveries(&recovery).is_empty(),
        "the used recovery file is gone"
    );
}

#[test]
fn a_damaged_project_file_is_reported_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    let content = "(version: 1, name: \"x\", next_id: 3, articles: {\n  oops\n";
    std::fs::write(&path, content).unwrap();
    let harness = start_app(StartWith::Project(path.clone()), vec![]);
    let app = harness.state();
    let message = app.messages().last().map(|m| m.text.clone()).unwrap_or_default();
    assert!(message.contains("broken.ron"), "names the file: {message}");
    assert!(message.contains(':'), "has line and column: {message}");
    assert!(app.project().articles.is_empty());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), content, "never overwritten");
}

#[test]
fn file_export_writes_an_html_report() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.html");
    let mut harness = start_app(StartWith::Sample, vec![DialogOutcome::Picked(vec![path.clone()])]);
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Export report").hover();
    harness.run_steps(2);
    harness.get_by_label("HTML…").click();
    harness.run_steps(3);
    let html = std::fs::read_to_string(&path).expect("report written");
    assert!(html.contains("<html") && html.contains("dir=\"rtl\""), "an HTML report with RTL text");
}

#[test]
fn an_article_pasted_from_the_clipboard_becomes_a_new_article() {
    let mut harness = start_app(StartWith::Empty, vec![]);
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_role_and_label(Role::Button, "New article from clipboard Ctrl+Shift+V").click();
    harness.run_steps(2);
    // The system answers the paste request with the clipboard's text.
    let text = "قال متحدث باسم وزارة الخارجية إن الإدارة لم توافق على المحادثات.\n\nوأفادت مصادر مطلعة بأن الاجتماع عقد في نيويورك.";
    harness.event(egui::Event::Paste(text.to_owned()));
    harness.run_steps(3);
    let app = harness.state();
    assert_eq!(app.project().articles.len(), 1, "one article from the clipboard");
    let article = app.project().articles.values().next().unwrap();
    assert_eq!(article.source.format, twotrack::model::SourceFormat::Clipboard);
    assert!(article.text.contains("مصادر مطلعة"));
    assert!(
        app.project().statements.values().any(|s| s.article == article.id),
        "statements are suggested for a pasted article too"
    );
}

/// A file dropped on the window.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn files_dropped_on_the_window_are_imported() {
    let mut harness = start_app(StartWith::Empty, vec![]);
    let files = ["assets/sample/wire_en.txt", "assets/sample/daily_en.md"];
    for file in files {
        harness.input_mut().dropped_files.push(std::sync::Arc::new(Dropped(repo_file(file))));
    }
    harness.run_steps(2);
    step_until(&mut harness, "the import", |app| app.project().articles.len() == 2);
    let titles: Vec<String> =
        harness.state().project().articles.values().map(|a| a.meta.title.clone()).collect();
    assert!(titles.iter().any(|t| t.contains("Former US officials")), "{titles:?}");
}

#[test]
fn articles_named_on_the_command_line_open_in_a_new_unsaved_project() {
    let files =
        vec![repo_file("assets/sample/article_ar.txt"), repo_file("assets/sample/wire_en.txt")];
    let mut harness = start_app(StartWith::Articles(files), vec![]);
    step_until(&mut harness, "the import", |app| app.project().articles.len() == 2);
    let app = harness.state();
    assert!(app.workspace().path.is_none() && app.workspace().is_dirty(), "new and unsaved");
    let first = app.project().articles.values().find(|a| a.meta.language == "ar").unwrap();
    assert_eq!(app.ui_state().current_article, Some(first.id), "the first file is in the reader");
}

#[test]
fn a_project_file_changed_by_another_program_is_noticed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("watched.ron");
    let mut project = twotrack::app::sample::sample_project();
    twotrack::store::save(&path, &project).unwrap();
    let mut harness = start_app(StartWith::Project(path.clone()), vec![]);
    assert!(harness.query_by_label("Reload from disk").is_none());
    // Another program rewrites the file.
    project.name = "Changed elsewhere".to_owned();
    twotrack::store::save(&path, &project).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(2100));
    harness.run_steps(3);
    harness.get_by_role_and_label(Role::Button, "Reload from disk").click();
    harness.run_steps(3);
    assert_eq!(harness.state().project().name, "Changed elsewhere");
    assert!(harness.query_by_label("Reload from disk").is_none(), "the warning goes away");
}

#[test]
fn a_folder_of_mixed_files_imports_the_good_ones_and_names_each_bad_one() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(repo_file("assets/sample/wire_en.txt"), dir.path().join("good.txt")).unwrap();
    std::fs::copy(repo_file("assets/sample/daily_en.md"), dir.path().join("also good.md")).unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    std::fs::write(
        dir.path().join("image.html"),
        [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0, 1, 2, 3],
    )
    .unwrap();
    let mut harness =
        start_app(StartWith::Empty, vec![DialogOutcome::Picked(vec![dir.path().to_owned()])]);
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Import a folder…").click();
    harness.run_steps(2);
    step_until(&mut harness, "the import", |app| {
        !app.is_importing() && app.project().articles.len() == 2
    });
    harness.run_steps(2);
    let texts: Vec<String> = harness.state().messages().iter().map(|m| m.text.clone()).collect();
    assert!(texts.iter().any(|t| t.contains("empty.txt")), "{texts:?}");
    assert!(texts.iter().any(|t| t.contains("image.html")), "{texts:?}");
    // Every message can be read in full in the Messages window.
    let button = harness
        .get_all_by_role(Role::Button)
        .find(|n| n.accesskit_node().label().is_some_and(|l| l.starts_with("Messages (")))
        .expect("a Messages button");
    button.click();
    harness.run_steps(2);
    assert!(harness.query_by_label_contains("empty.txt").is_some());
    assert!(harness.query_by_label_contains("image.html").is_some());
}
