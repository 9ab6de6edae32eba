//! Text engine tests: layout results (bidi order, alignment, shaping), hit-testing and
//! selection in char offsets, robustness, the editor through `egui_kittest`, snapshots.

use egui_kittest::Harness;
use twotrack::text::{self, TextEngine, TextStyle};

const SEED: &str = include_str!("../../assets/sample/article_ar.txt");

/// Reading style in the theme's text colour.
fn style_for(ui: &egui::Ui) -> TextStyle {
    TextStyle { color: ui.visuals().text_color(), ..TextStyle::default() }
}

/// A wgpu renderer, or `None` (with a loud message) when no adapter exists; with
/// `CI=true` a missing adapter fails the test.
#[expect(clippy::print_stderr, reason = "a skipped snapshot must be loud")]
fn renderer() -> Option<egui_kittest::wgpu::WgpuTestRenderer> {
    let renderer = std::panic::catch_unwind(egui_kittest::wgpu::WgpuTestRenderer::new).ok();
    if renderer.is_none() {
        assert!(
            !std::env::var("CI").is_ok_and(|v| v == "true"),
            "CI=true but no wgpu adapter: install mesa-vulkan-drivers (lavapipe)"
        );
        eprintln!(
            "\n!!!!!!!! SNAPSHOT SKIPPED: no wgpu adapter (install mesa-vulkan-drivers) !!!!!!!!\n"
        );
    }
    renderer
}

/// Paragraphs of `text` split at `\n`, with their char offsets.
fn paragraphs_of<'a>(text: &'a str, style: &TextStyle) -> Vec<text::DocParagraph<'a>> {
    let mut start = 0;
    let mut out = Vec::new();
    for line in text.split('\n') {
        let len = line.chars().count();
        if !line.trim().is_empty() {
            let direction = if line.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)) {
                twotrack::model::Direction::Rtl
            } else {
                twotrack::model::Direction::Ltr
            };
            out.push(text::DocParagraph {
                text: line,
                start_char: start,
                direction,
                style: style.clone(),
            });
        }
        start += len + 1;
    }
    out
}

// ---------------------------------------------------------------------------------
// Editor, through egui_kittest
// ---------------------------------------------------------------------------------

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;

/// What the test app around an editor keeps.
struct NoteApp {
    engine: Option<TextEngine>,
    value: String,
    commits: Vec<String>,
    multiline: bool,
}

const NOTE_ID: &str = "note-editor";

fn note_harness(value: &str, multiline: bool) -> Harness<'static, NoteApp> {
    let app = NoteApp { engine: None, value: value.to_owned(), commits: Vec::new(), multiline };
    Harness::builder()
        .with_size(egui::vec2(420.0, 240.0))
        .with_context_setup(text::install_egui_fonts)
        .build_ui_state(
            |ui, app: &mut NoteApp| {
                let engine = app.engine.get_or_insert_with(|| TextEngine::new(ui.ctx()));
                let style = TextStyle { color: ui.visuals().text_color(), ..TextStyle::default() };
                let out = text::editor_ui(
                    ui,
                    engine,
                    egui::Id::unique(NOTE_ID),
                    &app.value,
                    &text::EditorOptions {
                        label: "Note",
                        placeholder: "اكتب ملاحظة",
                        multiline: app.multiline,
                        style,
                        min_rows: 3,
                    },
                );
                if let Some(c) = out.committed {
                    app.value.clone_from(&c);
                    app.commits.push(c);
                }
                ui.label("Other widget");
                engine.end_frame(ui.ctx());
            },
            app,
        )
}

fn editor_text(h: &Harness<'_, NoteApp>) -> String {
    h.state()
        .engine
        .as_ref()
        .and_then(|e| e.editor_text(egui::Id::unique(NOTE_ID)))
        .unwrap_or("")
        .to_owned()
}

#[test]
fn editor_types_arabic_and_english_moves_selects_deletes_and_undoes() {
    let mut h = note_harness("", true);
    h.run();
    h.get_by_label("Note").click();
    h.run();
    h.get_by_label("Note").type_text("قال المتحدث ");
    h.get_by_label("Note").type_text("Reuters");
    h.run();
    assert_eq!(editor_text(&h), "قال المتحدث Reuters");

    for _ in 0..3 {
        h.key_press(Key::Backspace);
    }
    h.run();
    assert_eq!(editor_text(&h), "قال المتحدث Reut");

    // Undo the three deletions, redo one.
    for _ in 0..3 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    }
    h.run();
    assert_eq!(editor_text(&h), "قال المتحدث Reuters");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(editor_text(&h), "قال المتحدث Reuter");

    // Home goes to the logical start (the right edge of this RTL line).
    h.key_press(Key::Home);
    h.get_by_label("Note").type_text("«");
    h.key_press(Key::End);
    h.get_by_label("Note").type_text("»");
    h.run();
    assert_eq!(editor_text(&h), "«قال المتحدث Reuter»");

    // In an RTL paragraph ArrowRight moves back logically; Shift extends.
    for _ in 0..7 {
        h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    }
    h.key_press(Key::Delete);
    h.run();
    assert_eq!(editor_text(&h), "«قال المتحدث ");

    // Select all and type over it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Note").type_text("جديد new");
    h.run();
    assert_eq!(editor_text(&h), "جديد new");
}

#[test]
fn editor_commits_once_on_focus_loss_and_after_idle() {
    let mut h = note_harness("ملاحظة", false);
    h.run();
    h.get_by_label("Note").click();
    h.run();
    h.key_press(Key::End);
    h.get_by_label("Note").type_text(" أولى");
    h.run();
    assert!(h.state().commits.is_empty(), "typing alone must not commit at once");
    // Focus leaves: one commit with the new text.
    h.get_by_label("Other widget").click();
    h.run();
    assert_eq!(h.state().commits, vec!["ملاحظة أولى".to_owned()]);
    h.run_steps(8);
    assert_eq!(h.state().commits.len(), 1, "no second commit without a change");

    // Idle: after a second without edits the change is committed while still focused.
    h.get_by_label("Note").click();
    h.run();
    h.key_press(Key::End);
    h.get_by_label("Note").type_text("!");
    h.run_steps(8);
    assert_eq!(h.state().commits.last().map(String::as_str), Some("ملاحظة أولى!"));
    assert_eq!(h.state().commits.len(), 2);
    assert!(h.get_by_label("Note").is_focused());

    // Single-line: Enter gives up focus instead of inserting a newline.
    h.key_press(Key::Enter);
    h.run();
    assert!(!h.get_by_label("Note").is_focused());
    assert_eq!(editor_text(&h), "ملاحظة أولى!");
}

#[test]
fn editor_shows_outside_changes_when_not_dirty() {
    let mut h = note_harness("before", true);
    h.run();
    assert_eq!(editor_text(&h), "before");
    // e.g. a workspace undo changed the note
    h.state_mut().value = "بعد".to_owned();
    h.run();
    assert_eq!(editor_text(&h), "بعد");
    assert_eq!(h.get_by_label("Note").value().as_deref(), Some("بعد"));
    assert!(h.state().commits.is_empty());
}

#[test]
fn editor_paste_normalises_separators_and_cut_copies() {
    let mut h = note_harness("", true);
    h.run();
    h.get_by_label("Note").click();
    h.run();
    h.event(egui::Event::Paste("سطر\r\nline two\u{2029}ثالث".to_owned()));
    h.run();
    assert_eq!(editor_text(&h), "سطر\nline two\nثالث");
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.event(egui::Event::Cut);
    h.step();
    assert_eq!(editor_text(&h), "");
    let copied = h
        .output()
        .platform_output
        .commands
        .iter()
        .any(|c| matches!(c, egui::OutputCommand::CopyText(t) if t == "سطر\nline two\nثالث"));
    assert!(copied);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(editor_text(&h), "سطر\nline two\nثالث");
}

// ---------------------------------------------------------------------------------
// Document view, through egui_kittest
// ---------------------------------------------------------------------------------

struct DocApp {
    engine: Option<TextEngine>,
    clicked: Vec<u64>,
    selection: Option<twotrack::model::CharRange>,
    highlights: Vec<text::Highlight>,
}

const DOC_ID: &str = "reader-doc";

fn doc_harness(highlights: Vec<text::Highlight>) -> Harness<'static, DocApp> {
    let app = DocApp { engine: None, clicked: Vec::new(), selection: None, highlights };
    Harness::builder()
        .with_size(egui::vec2(640.0, 480.0))
        .with_context_setup(text::install_egui_fonts)
        .build_ui_state(
            |ui, app: &mut DocApp| {
                let engine = app.engine.get_or_insert_with(|| TextEngine::new(ui.ctx()));
                let style = TextStyle { color: ui.visuals().text_color(), ..TextStyle::default() };
                let paras = paragraphs_of(SEED, &style);
                let out = text::document_ui(
                    ui,
                    engine,
                    egui::Id::unique(DOC_ID),
                    &paras,
                    &app.highlights,
                    &[],
                    None,
                );
                app.clicked.extend(out.clicked_tag);
                app.selection = out.selection;
                engine.end_frame(ui.ctx());
            },
            app,
        )
}

/// Char offset of the first occurrence of `needle` (panics in the test if missing).
fn char_offset_of(haystack: &str, needle: &str) -> usize {
    let Some(byte) = haystack.find(needle) else { panic!("{needle:?} not in the text") };
    haystack[..byte].chars().count()
}

#[test]
fn document_paragraphs_are_accessible_and_ctrl_a_copies_everything() {
    let mut h = doc_harness(Vec::new());
    h.run();
    // a visible paragraph is a label with its text
    let node = h.get_by_label_contains("دبلوماسية المسار الثاني عبر فتح قنوات");
    node.click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.event(egui::Event::Copy);
    h.step();
    let expected: Vec<&str> = SEED.split('\n').filter(|p| !p.trim().is_empty()).collect();
    let expected = expected.join("\n");
    let copied = h.output().platform_output.commands.iter().find_map(|c| match c {
        egui::OutputCommand::CopyText(t) => Some(t.clone()),
        _ => None,
    });
    assert_eq!(copied.as_deref(), Some(expected.as_str()));
    let sel = h.state().selection.unwrap();
    assert_eq!(sel.start, 0);
    assert_eq!(sel.end, SEED.trim_end_matches('\n').chars().count());
}

#[test]
fn document_click_on_highlight_returns_its_tag() {
    let start = char_offset_of(SEED, "الإدارة الأمريكية قالت");
    let hl = text::Highlight {
        range: twotrack::model::CharRange::new(start, start + 40),
        color: egui::Color32::LIGHT_BLUE,
        look: text::HighlightLook::Fill,
        tag: 42,
    };
    let mut h = doc_harness(vec![hl]);
    h.run();
    let node = h.get_by_label_contains("الإدارة الأمريكية قالت");
    // The paragraph is RTL: its first words are at the right edge.
    let rect = node.rect();
    let pos = egui::pos2(rect.right() - 20.0, rect.center().y);
    h.event(egui::Event::PointerMoved(pos));
    h.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run();
    assert_eq!(h.state().clicked, vec![42]);
    // a click elsewhere (left end of the line, outside the highlight) returns nothing
    let pos = egui::pos2(rect.left() + 5.0, rect.center().y);
    h.event(egui::Event::PointerMoved(pos));
    h.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run();
    assert_eq!(h.state().clicked, vec![42]);
}

// ---------------------------------------------------------------------------------
// Snapshots (egui_kittest + wgpu on Mesa lavapipe): light and dark, 1x and 2x
// ---------------------------------------------------------------------------------

use twotrack::model::CharRange;

/// A mixed Arabic / English / number paragraph.
const MIXED: &str = "قال المتحدث باسم وزارة الخارجية (Ned Price) يوم 7 يوليو 2023 إن \"الإدارة لم توافق\" على 3 اجتماعات، وفقًا لـ Reuters و\"NBC News\".";

/// Render `scene` in both themes at 1x and 2x and compare with the stored snapshots.
fn snapshot_all(name: &str, size: egui::Vec2, scene: fn(&mut egui::Ui, &mut TextEngine)) {
    let mut results = egui_kittest::SnapshotResults::new();
    for (theme, theme_name) in [(egui::Theme::Light, "light"), (egui::Theme::Dark, "dark")] {
        for scale in [1.0_f32, 2.0] {
            let Some(r) = renderer() else { return };
            let mut engine: Option<TextEngine> = None;
            let mut h = Harness::builder()
                .with_size(size)
                .with_pixels_per_point(scale)
                .with_theme(theme)
                .with_context_setup(text::install_egui_fonts)
                .renderer(r)
                .build_ui(move |ui| {
                    let engine = engine.get_or_insert_with(|| TextEngine::new(ui.ctx()));
                    scene(ui, engine);
                    engine.end_frame(ui.ctx());
                });
            h.run();
            results.add(h.try_snapshot(format!("text/{name}_{theme_name}_{scale}x")));
        }
    }
    results.unwrap();
}

fn seed_scene(ui: &mut egui::Ui, engine: &mut TextEngine) {
    ui.heading("Reader");
    let style = style_for(ui);
    let paras = paragraphs_of(SEED, &style);
    let quote = char_offset_of(SEED, "لم توافق إدارة بايدن");
    let source = char_offset_of(SEED, "نقلًا عن 6 مسؤولين");
    let cue = char_offset_of(SEED, "أفادت");
    let highlights = [
        text::Highlight {
            range: CharRange::new(quote, quote + 36),
            color: egui::Color32::LIGHT_BLUE.gamma_multiply(0.5),
            look: text::HighlightLook::Fill,
            tag: 1,
        },
        text::Highlight {
            range: CharRange::new(source, source + 18),
            color: egui::Color32::ORANGE,
            look: text::HighlightLook::Dashed,
            tag: 2,
        },
    ];
    let underlines =
        [text::Underline { range: CharRange::new(cue, cue + 5), color: egui::Color32::RED }];
    let id = egui::Id::unique("seed-doc");
    text::document_ui(
        ui,
        engine,
        id,
        &paras,
        &highlights,
        &underlines,
        Some(CharRange::new(source, source + 1)),
    );
}

#[test]
fn snapshot_seed_article() {
    snapshot_all("seed_article", egui::vec2(400.0, 250.0), seed_scene);
}

fn mixed_scene(ui: &mut egui::Ui, engine: &mut TextEngine) {
    let style = style_for(ui);
    text::label(ui, engine, MIXED, &style);
    ui.separator();
    let ui_style = TextStyle { role: text::FontRole::Ui, bold: true, ..style };
    text::label(ui, engine, "Reuters: «لا شيء يخص أوكرانيا من دون أوكرانيا» (2023)", &ui_style);
}

#[test]
fn snapshot_mixed_paragraph() {
    snapshot_all("mixed_paragraph", egui::vec2(400.0, 120.0), mixed_scene);
}

fn selection_scene(ui: &mut egui::Ui, engine: &mut TextEngine) {
    let style = style_for(ui);
    let paras = vec![text::DocParagraph {
        text: MIXED,
        start_char: 0,
        direction: twotrack::model::Direction::Rtl,
        style,
    }];
    // From inside the Arabic words into the Latin name: crosses a direction change.
    let start = char_offset_of(MIXED, "الخارجية");
    let end = char_offset_of(MIXED, "Price") + 3;
    let id = egui::Id::unique("selection-doc");
    engine.set_document_selection(id, Some(CharRange::new(start, end)));
    text::document_ui(ui, engine, id, &paras, &[], &[], None);
}

#[test]
fn snapshot_selection_across_direction_change() {
    snapshot_all("selection_mixed", egui::vec2(400.0, 90.0), selection_scene);
}

fn editor_scene(ui: &mut egui::Ui, engine: &mut TextEngine) {
    let id = egui::Id::unique("snapshot-note");
    ui.memory_mut(|m| m.request_focus(id));
    let note = "المصدر مجهول، لكن Reuters نقلت التصريح نفسه.\nيحتاج إلى تحقق ثانٍ (2 مصادر).";
    let options = text::EditorOptions {
        label: "Note",
        placeholder: "اكتب ملاحظة",
        multiline: true,
        style: style_for(ui),
        min_rows: 3,
    };
    text::editor_ui(ui, engine, id, note, &options);
    let empty = text::EditorOptions {
        label: "Translation",
        placeholder: "اكتب ترجمة…",
        min_rows: 1,
        ..options
    };
    text::editor_ui(ui, engine, egui::Id::unique("snapshot-empty"), "", &empty);
}

#[test]
fn snapshot_editor_with_rtl_note() {
    snapshot_all("editor_rtl_note", egui::vec2(400.0, 130.0), editor_scene);
}
