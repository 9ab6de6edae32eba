//! Text engine tests: layout results (bidi order, alignment, shaping), hit-testing and
//! selection in char offsets, robustness, the editor through `egui_kittest`, snapshots.

use egui_kittest::Harness;
use twotrack::text::{self, TextEngine, TextStyle};

use crate::common::{click_at, press, renderer};

const SEED: &str = include_str!("../../assets/sample/article_ar.txt");

/// Reading style in the theme's text colour.
fn style_for(ui: &egui::Ui) -> TextStyle {
    TextStyle { color: ui.visuals().text_color(), ..TextStyle::default() }
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

    // Shift extends: from the right edge (the start) of this RTL line, four presses of
    // Shift+ArrowLeft select "«قال".
    h.key_press(Key::Home);
    for _ in 0..4 {
        h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowLeft);
    }
    h.key_press(Key::Delete);
    h.run();
    assert_eq!(editor_text(&h), " المتحدث Reuter»");

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
        .with_step_dt(0.05)
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
    click_at(&h, pos);
    h.run();
    assert_eq!(h.state().clicked, vec![42]);
    // a click elsewhere (left end of the line, outside the highlight) returns nothing
    let pos = egui::pos2(rect.left() + 5.0, rect.center().y);
    click_at(&h, pos);
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

// ---------------------------------------------------------------------------------
// Layout results
// ---------------------------------------------------------------------------------

use twotrack::model::Direction;

/// An engine outside any UI (layout needs no frame).
fn engine() -> (egui::Context, TextEngine) {
    let ctx = egui::Context::default();
    let engine = TextEngine::new(&ctx);
    (ctx, engine)
}

fn plain() -> TextStyle {
    TextStyle { color: egui::Color32::BLACK, ..TextStyle::default() }
}

/// Glyphs with their first char, for tests that reason in logical order.
fn glyphs_by_char(layout: &text::TextLayout) -> Vec<text::GlyphInfo> {
    let mut glyphs = layout.glyphs();
    glyphs.sort_by_key(|g| g.chars.start);
    glyphs
}

#[test]
fn rtl_glyph_x_decreases_in_logical_order() {
    let (_ctx, mut engine) = engine();
    let layout = engine.layout("السلام عليكم ورحمة الله", &plain(), None, None);
    assert!(layout.is_rtl());
    // (zero-width glyphs, e.g. the alef of a lam-alef pair drawn over the lam, are skipped)
    let glyphs: Vec<_> = glyphs_by_char(&layout).into_iter().filter(|g| g.width > 0.0).collect();
    assert!(glyphs.len() > 10);
    for pair in glyphs.windows(2) {
        assert!(pair[1].x < pair[0].x, "{:?} then {:?}", pair[0], pair[1]);
    }
}

#[test]
fn rtl_paragraph_is_flush_right_on_every_line() {
    let (_ctx, mut engine) = engine();
    let para = SEED.lines().find(|l| l.starts_with("بالتوازي")).unwrap();
    let width = 300.0;
    let layout = engine.layout(para, &plain(), Some(width), None);
    assert!(layout.line_count() >= 3);
    // the layout's box ends at the right edge of the wrap width
    let right = layout.left_in_wrap_width() + layout.size().x;
    assert!((right - width).abs() < 0.5, "right edge {right} of {width}");
    let glyphs = layout.glyphs();
    for line in 0..layout.line_count() {
        let on_line: Vec<_> = glyphs.iter().filter(|g| g.line == line).collect();
        let line_right = on_line.iter().map(|g| g.x + g.width).fold(f32::MIN, f32::max);
        assert!((line_right - layout.size().x).abs() < 0.5, "line {line} ends at {line_right}");
    }
    // lines are ragged on the left: at least one stops well short of the left edge
    let lefts: Vec<f32> = (0..layout.line_count())
        .map(|line| glyphs.iter().filter(|g| g.line == line).map(|g| g.x).fold(f32::MAX, f32::min))
        .collect();
    assert!(lefts.iter().any(|&l| l > 20.0), "line starts {lefts:?}");
}

#[test]
fn final_full_stop_is_the_leftmost_glyph() {
    let (_ctx, mut engine) = engine();
    let text = "قال متحدث باسم وزارة الخارجية إن الإدارة لم توافق.";
    let layout = engine.layout(text, &plain(), None, None);
    let glyphs = layout.glyphs(); // visual order
    let leftmost = glyphs.first().unwrap();
    let last_char = text.chars().count() - 1;
    assert_eq!(leftmost.chars, CharRange::new(last_char, last_char + 1));
    // and the first letter is the rightmost
    assert_eq!(glyphs.last().unwrap().chars.start, 0);
}

#[test]
fn medial_arabic_letter_has_another_glyph_than_the_isolated_one() {
    let (_ctx, mut engine) = engine();
    let isolated = engine.layout("ب", &plain(), None, None).glyphs();
    let word = glyphs_by_char(&engine.layout("ببب", &plain(), None, None));
    assert_eq!(isolated.len(), 1);
    assert_eq!(word.len(), 3);
    let medial = &word[1];
    assert_ne!(medial.glyph_id, isolated[0].glyph_id);
    // initial, medial and final forms all differ
    assert_ne!(word[0].glyph_id, word[1].glyph_id);
    assert_ne!(word[1].glyph_id, word[2].glyph_id);
    // lam-alef: the pair takes special forms, different from lam and alef alone
    let la: Vec<u16> = glyphs_by_char(&engine.layout("لا", &plain(), None, None))
        .iter()
        .map(|g| g.glyph_id)
        .collect();
    let lam = engine.layout("ل", &plain(), None, None).glyphs()[0].glyph_id;
    let alef = engine.layout("ا", &plain(), None, None).glyphs()[0].glyph_id;
    assert!(!la.contains(&lam) && !la.contains(&alef), "{la:?} vs {lam} {alef}");
}

#[test]
fn latin_word_inside_arabic_keeps_left_to_right_order() {
    let (_ctx, mut engine) = engine();
    let text = "نقلت وكالة Reuters عن مصادر";
    let layout = engine.layout(text, &plain(), None, None);
    assert!(layout.is_rtl());
    let start = text.find("Reuters").map(|b| text[..b].chars().count()).unwrap();
    let latin: Vec<_> = glyphs_by_char(&layout)
        .into_iter()
        .filter(|g| g.chars.start >= start && g.chars.start < start + 7)
        .collect();
    assert_eq!(latin.len(), 7);
    for pair in latin.windows(2) {
        assert!(pair[1].x > pair[0].x);
        assert!(!pair[0].rtl);
    }
    // the Latin word is drawn from the Latin face, the Arabic from the Naskh face
    let faces = engine.glyphs_with_faces(&layout);
    let face_of = |c: usize| faces.iter().find(|g| g.chars.contains(c)).map(|g| g.family.clone());
    assert_eq!(face_of(start).as_deref(), Some(text::LATIN_FAMILY));
    assert_eq!(face_of(0).as_deref(), Some(text::ARABIC_READING_FAMILY));
}

#[test]
fn forced_direction_overrides_the_first_strong_character() {
    let (_ctx, mut engine) = engine();
    let text = "Reuters: قال المتحدث";
    let auto = engine.layout(text, &plain(), Some(400.0), None);
    assert!(!auto.is_rtl());
    let options = text::LayoutOptions {
        direction: Some(Direction::Rtl),
        ..text::LayoutOptions::wrapped(Some(400.0))
    };
    let forced = engine.layout_with(text, &plain(), &options);
    assert!(forced.is_rtl());
    assert_eq!(forced.char_count(), text.chars().count());
    // forced RTL: flush right, and "Reuters" now sits at the right end
    assert!((forced.left_in_wrap_width() + forced.size().x - 400.0).abs() < 0.5);
    let glyphs = forced.glyphs();
    let reuters_x = glyphs.iter().find(|g| g.chars.start == 0).unwrap().x;
    let arabic_x = glyphs.iter().find(|g| g.chars.start == 9).unwrap().x;
    assert!(reuters_x > arabic_x);
}

/// A deterministic corpus of mixed paragraphs.
fn mixed_corpus() -> Vec<String> {
    let arabic = [
        "قال المتحدث",
        "وزارة الخارجية",
        "الإدارة الأمريكية",
        "مصادر مطلعة",
        "لم توافق على المحادثات",
        "نيسان/أبريل الماضي",
        "سيرغي لافروف",
        "دبلوماسية المسار الثاني",
        "لا شيء يخص أوكرانيا",
    ];
    let latin =
        ["Reuters", "NBC News", "the State Department", "Ned Price", "back-channel talks", "U.S."];
    let numbers = ["6", "2023", "7/7/2023", "3.5%", "+1 (202) 555-0100", "١٢٣", "45,000", "10:30"];
    let wrap = [("(", ")"), ("\"", "\""), ("«", "»"), ("[", "]"), ("'", "'")];
    let ends = ["", ".", "؟", "!", ":", "،"];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let mut corpus = Vec::new();
    for i in 0..60 {
        let mut parts: Vec<String> = Vec::new();
        let count = 4 + next(8);
        for j in 0..count {
            let kind = if j == 0 { i % 4 } else { next(4) };
            let mut token = match kind {
                0 | 3 => arabic[next(arabic.len())].to_owned(),
                1 => latin[next(latin.len())].to_owned(),
                _ => numbers[next(numbers.len())].to_owned(),
            };
            if next(4) == 0 {
                let (a, b) = wrap[next(wrap.len())];
                token = format!("{a}{token}{b}");
            }
            parts.push(token);
        }
        corpus.push(format!("{}{}", parts.join(" "), ends[next(ends.len())]));
    }
    corpus.extend(SEED.lines().filter(|l| !l.trim().is_empty()).map(str::to_owned));
    corpus.push("Reuters: «لا شيء يخص أوكرانيا من دون أوكرانيا» (2023)".to_owned());
    corpus
}

/// Char indices of `text[range]` in visual (left-to-right) order, by `unicode-bidi`.
fn bidi_visual_order(text: &str, line: std::ops::Range<usize>) -> Vec<usize> {
    let bidi = unicode_bidi::BidiInfo::new(text, None);
    let para = &bidi.paragraphs[0];
    let (levels, runs) = bidi.visual_runs(para, line);
    let char_of_byte: std::collections::HashMap<usize, usize> =
        text.char_indices().enumerate().map(|(i, (b, _))| (b, i)).collect();
    let mut out = Vec::new();
    for run in runs {
        let mut chars: Vec<usize> =
            text[run.clone()].char_indices().map(|(b, _)| char_of_byte[&(run.start + b)]).collect();
        if levels[run.start].is_rtl() {
            chars.reverse();
        }
        out.extend(chars);
    }
    out
}

/// Check every visual line of `layout` against `unicode-bidi`; returns a description of
/// the first mismatch.
fn compare_with_unicode_bidi(text: &str, layout: &text::TextLayout) -> Option<String> {
    let glyphs = layout.glyphs();
    let byte_of_char: Vec<usize> =
        text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
    for line in 0..layout.line_count() {
        // Glyphs of this line, left to right, ignoring zero-width ones. Whitespace at
        // the logical end of a line hangs at a soft wrap (it is invisible and cosmic-text
        // keeps it in the run it ends), so it is left out on both sides.
        let chars: Vec<char> = text.chars().collect();
        let is_space = |g: &text::GlyphInfo| {
            chars[g.chars.start..g.chars.end].iter().all(|c| c.is_whitespace())
        };
        let ink_end = glyphs
            .iter()
            .filter(|g| g.line == line && !is_space(g))
            .map(|g| g.chars.end)
            .max()
            .unwrap_or(0);
        let on_line: Vec<&text::GlyphInfo> = glyphs
            .iter()
            .filter(|g| g.line == line && g.width > 0.0 && !g.chars.is_empty())
            .filter(|g| g.chars.start < ink_end)
            .collect();
        let (Some(first), Some(last)) = (
            on_line.iter().map(|g| g.chars.start).min(),
            on_line.iter().map(|g| g.chars.end).max(),
        ) else {
            continue;
        };
        let expected = bidi_visual_order(text, byte_of_char[first]..byte_of_char[last]);
        let position: std::collections::HashMap<usize, usize> =
            expected.iter().enumerate().map(|(pos, c)| (*c, pos)).collect();
        let keys: Vec<usize> = on_line
            .iter()
            .map(|g| {
                (g.chars.start..g.chars.end)
                    .filter_map(|c| position.get(&c))
                    .min()
                    .copied()
                    .unwrap_or(0)
            })
            .collect();
        if keys.windows(2).any(|w| w[0] >= w[1]) {
            return Some(format!("line {line}: glyph order {keys:?} (chars {first}..{last})"));
        }
    }
    None
}

#[test]
fn mixed_corpus_visual_order_matches_unicode_bidi() {
    let (_ctx, mut engine) = engine();
    let corpus = mixed_corpus();
    assert!(corpus.len() >= 50);
    let mut mismatches = Vec::new();
    let mut lines_checked = 0;
    for text in &corpus {
        for width in [None, Some(260.0)] {
            let layout = engine.layout(text, &plain(), width, None);
            lines_checked += layout.line_count();
            if let Some(problem) = compare_with_unicode_bidi(text, &layout) {
                mismatches.push(format!("{text:?} width {width:?}: {problem}"));
            }
        }
    }
    assert!(lines_checked > 200);
    assert!(mismatches.is_empty(), "{} mismatches:\n{}", mismatches.len(), mismatches.join("\n"));
}

/// Paragraphs whose brackets and quotes sit where the bidi level changes.
const BRACKETED: [&str; 10] = [
    "الإدارة الأمريكية قالت إنها لم توافق على إجراء المفاوضات غير الرسمية (Getty)",
    "قال المتحدث باسم الخارجية \"Ned Price\" إن الاجتماع عقد في عام 2023.",
    "He said «لا شيء يخص أوكرانيا من دون أوكرانيا» (AP) before leaving the room.",
    "وفقًا لـ(Reuters)، و[NBC News] و«The Washington Post» و'Axios' أيضًا.",
    "The State Department (وزارة الخارجية الأمريكية) declined to comment on \"المسار الثاني\".",
    "نقلًا عن 6 مسؤولين (2 منهم سابقون) و«مصادر مطلعة» [بحسب Reuters]؛ انتهى.",
    "Sources told NBC News that the talks («دبلوماسية المسار الثاني») began in April (2023).",
    "قالت الوزارة: «لم نوافق» (Reuters, AP)، وأضافت: \"no comment\" [sic].",
    "((مزدوجة)) [[double]] «« مكررة »» \"\"nested\"\" (عربي (English) عربي).",
    "Ukraine's presidency said (in a statement, «بيان رسمي») that 45,000 (٤٥٬٠٠٠) troops…",
];

/// Byte offsets where UAX #14 allows a line to start.
fn uax14_breaks(text: &str) -> std::collections::BTreeSet<usize> {
    unicode_linebreak::linebreaks(text).map(|(at, _)| at).collect()
}

/// The widest stretch of `text` that UAX #14 does not allow to break, in points.
fn widest_unbreakable(engine: &mut TextEngine, text: &str) -> f32 {
    let mut start = 0;
    let mut widest: f32 = 0.0;
    for end in uax14_breaks(text) {
        let stretch = text[start..end].trim_end();
        if !stretch.is_empty() {
            widest = widest.max(engine.layout(stretch, &plain(), None, None).size().x);
        }
        start = end;
    }
    widest
}

/// Opening and closing brackets and quotes that never end or start a line.
const OPENING: &str = "([{«‹“‘";
const CLOSING: &str = ")]}»›”’";

#[test]
fn lines_break_only_at_uax14_opportunities_and_keep_bidi_order() {
    let (_ctx, mut engine) = engine();
    let mut corpus: Vec<String> = BRACKETED.iter().map(|s| (*s).to_owned()).collect();
    corpus.extend(mixed_corpus());
    let mut problems = Vec::new();
    let mut breaks_checked = 0;
    for text in &corpus {
        let opportunities = uax14_breaks(text);
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let min_width = widest_unbreakable(&mut engine, text) + 1.0;
        let widths = (0..40).map(|i| 120.0 + 12.5 * i as f32).filter(|w| *w >= min_width);
        for width in widths {
            let layout = engine.layout(text, &plain(), Some(width), None);
            if let Some(problem) = compare_with_unicode_bidi(text, &layout) {
                problems.push(format!("{text:?} at {width}: bidi order {problem}"));
            }
            let glyphs = layout.glyphs();
            for line in 1..layout.line_count() {
                let Some(start) = glyphs
                    .iter()
                    .filter(|g| g.line == line && !g.chars.is_empty())
                    .map(|g| g.chars.start)
                    .min()
                else {
                    continue;
                };
                breaks_checked += 1;
                let byte = chars[start].0;
                let before = text[..byte].trim_end().chars().last();
                let after = chars[start].1;
                if !opportunities.contains(&byte) {
                    problems
                        .push(format!("{text:?} at {width}: no UAX #14 break before {after:?}"));
                }
                if before.is_some_and(|c| OPENING.contains(c)) || CLOSING.contains(after) {
                    problems.push(format!("{text:?} at {width}: {before:?} | {after:?}"));
                }
            }
        }
    }
    assert!(breaks_checked > 2000, "{breaks_checked}");
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn hit_and_ranges_in_arabic_return_char_offsets() {
    let (_ctx, mut engine) = engine();
    let text = "السلام عليكم ورحمة الله";
    let layout = engine.layout(text, &plain(), None, None);
    let size = layout.size();
    let mid_y = size.y / 2.0;
    // The right edge is the start of the text, the left edge its end.
    assert_eq!(layout.hit(egui::vec2(size.x + 5.0, mid_y)), 0);
    assert_eq!(layout.hit(egui::vec2(-5.0, mid_y)), text.chars().count());
    // A point inside the second word ("عليكم", chars 7..12) hits inside it.
    let word = CharRange::new(7, 12);
    let rects = layout.range_rects(word);
    assert_eq!(rects.len(), 1);
    let r = rects[0];
    let hit = layout.hit(egui::vec2(r.center().x, mid_y));
    assert!(word.start <= hit && hit <= word.end, "hit {hit}");
    // Just inside its right edge is its start; just inside its left edge its end.
    assert_eq!(layout.hit(egui::vec2(r.right() - 1.0, mid_y)), word.start);
    assert_eq!(layout.hit(egui::vec2(r.left() + 1.0, mid_y)), word.end);
    // The first word is to the right of the second, the whole text covers both.
    let first = layout.range_rects(CharRange::new(0, 6))[0];
    assert!(first.left() >= r.right() - 0.5);
    let all = layout.range_rects(CharRange::new(0, text.chars().count()));
    assert_eq!(all.len(), 1);
    assert!(all[0].left() <= r.left() && all[0].right() >= first.right());
    // The caret before char 0 is at the right edge.
    let caret = layout.caret_rect(0).unwrap();
    assert!((caret.left() - size.x).abs() < 0.5);
}

#[test]
fn document_drag_selects_arabic_words_by_char_offsets() {
    let mut h = doc_harness(Vec::new());
    h.run();
    let needle = "الإدارة الأمريكية قالت";
    let rect = h.get_by_label_contains(needle).rect();
    let start_char = char_offset_of(SEED, needle);
    let y = rect.top() + 10.0;
    // drag from the right edge (start of the RTL paragraph) leftwards over some words
    let from = egui::pos2(rect.right() - 1.0, y);
    let to = egui::pos2(rect.right() - 120.0, y);
    h.event(egui::Event::PointerMoved(from));
    press(&h, from, true);
    h.event(egui::Event::PointerMoved(egui::pos2(rect.right() - 60.0, y)));
    h.event(egui::Event::PointerMoved(to));
    press(&h, to, false);
    h.run();
    let sel = h.state().selection.expect("a selection");
    assert_eq!(sel.start, start_char);
    let selected: String = SEED.chars().skip(sel.start).take(sel.len()).collect();
    assert!(
        needle.starts_with(selected.trim_end()) || selected.starts_with("الإدارة الأمريكية"),
        "{selected:?}"
    );
    assert!(sel.len() >= 8, "{selected:?}");
    // Shift+click further left extends the same selection
    let further = egui::pos2(rect.right() - 200.0, y);
    h.event(egui::Event::PointerMoved(further));
    for pressed in [true, false] {
        h.event_modifiers(
            egui::Event::PointerButton {
                pos: further,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: Modifiers::SHIFT,
            },
            Modifiers::SHIFT,
        );
    }
    h.run();
    let extended = h.state().selection.unwrap();
    assert_eq!(extended.start, start_char);
    assert!(extended.end > sel.end);
}

#[test]
fn document_double_click_selects_an_arabic_word() {
    let mut h = doc_harness(Vec::new());
    h.run();
    let needle = "الإدارة الأمريكية قالت";
    let rect = h.get_by_label_contains(needle).rect();
    let pos = egui::pos2(rect.right() - 15.0, rect.top() + 10.0);
    h.event(egui::Event::PointerMoved(pos));
    for _ in 0..2 {
        press(&h, pos, true);
        press(&h, pos, false);
    }
    h.run();
    let sel = h.state().selection.expect("a word");
    let word: String = SEED.chars().skip(sel.start).take(sel.len()).collect();
    assert_eq!(word, "الإدارة");
}

#[test]
fn no_panic_on_separators_boundaries_empty_and_huge_text() {
    let (ctx, mut engine) = engine();
    let mut texts: Vec<String> = vec![
        String::new(),
        "\u{2029}".to_owned(),
        "قال\u{2029}Reuters said\u{2029}\u{1C}(2023)\u{85}شالوم\u{2028}x".to_owned(),
        "a\r\nب\rc\n\n".to_owned(),
        "\u{200F}\u{200E}\u{200D}\u{0651}\u{064B}".to_owned(),
        "👍🏽 مرحبا 👨‍👩‍👧 hi".to_owned(),
    ];
    // one long paragraph (about 1 MB) of mixed text
    let unit = "قال المتحدث (Reuters) إن 6 مسؤولين «التقوا» في 2023، and said: \"no comment\". ";
    texts.push(unit.repeat(1_000_000 / unit.len() + 1));
    let style = plain();
    for text in &texts {
        let n = text.chars().count();
        let variants: &[(Option<f32>, Option<Direction>)] = if n > 100_000 {
            &[(Some(180.0), Some(Direction::Rtl))] // one pass: shaping 1 MB is slow unoptimised
        } else {
            &[(None, None), (Some(180.0), Some(Direction::Rtl)), (Some(50.0), Some(Direction::Ltr))]
        };
        for &(width, direction) in variants {
            let options = text::LayoutOptions { width, max_lines: None, wrap: true, direction };
            let layout = engine.layout_with(text, &style, &options);
            assert_eq!(layout.char_count(), n);
            let size = layout.size();
            assert!(size.x.is_finite() && size.y.is_finite());
            // every char boundary, including past the end, converts without panicking
            let step = (n / 97).max(1);
            for offset in (0..=n + 2).step_by(step) {
                let _ = layout.caret_rect(offset);
                let _ = layout.range_rects(CharRange::new(offset, offset + 3));
            }
            for (x, y) in
                [(-10.0, -10.0), (size.x / 3.0, size.y / 2.0), (size.x + 10.0, size.y + 10.0)]
            {
                assert!(layout.hit(egui::vec2(x, y)) <= n);
            }
        }
        let elided = engine.layout_with(
            text,
            &style,
            &text::LayoutOptions {
                width: Some(120.0),
                max_lines: Some(2),
                wrap: true,
                direction: None,
            },
        );
        assert!(elided.line_count() <= 2);
        let _ = elided.hit(egui::vec2(1.0, 1.0));
        let _ = elided.range_rects(CharRange::new(0, n));
    }
    // and they paint
    let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
        for text in texts.iter().take(6) {
            text::label(ui, &mut engine, text, &style);
        }
        engine.end_frame(ui.ctx());
    });
    assert!(!output.shapes.is_empty());
    output.textures_delta.clear();
}

/// The README figure: a seed paragraph drawn by egui's own `Label` and by the engine.
/// Kept in `assets/readme/` and compared like a snapshot.
#[test]
fn readme_figure_egui_label_versus_engine() {
    let Some(r) = renderer() else { return };
    let paragraph = SEED.lines().find(|l| l.starts_with("وفي هذا الصدد")).unwrap_or_default();
    let mut engine: Option<TextEngine> = None;
    let mut h = Harness::builder()
        .with_size(egui::vec2(760.0, 184.0))
        .with_pixels_per_point(2.0)
        .with_theme(egui::Theme::Light)
        .with_context_setup(text::install_egui_fonts)
        .renderer(r)
        .build_ui(move |ui| {
            let engine = engine.get_or_insert_with(|| TextEngine::new(ui.ctx()));
            let style = TextStyle { size_pt: 14.0, ..style_for(ui) };
            ui.columns(2, |cols| {
                cols[0].strong("egui Label (no bidi)");
                cols[0].add(egui::Label::new(egui::RichText::new(paragraph).size(14.0)).wrap());
                cols[1].strong("TwoTrack text engine (cosmic-text)");
                text::label(&mut cols[1], engine, paragraph, &style);
            });
            engine.end_frame(ui.ctx());
        });
    h.run();
    let options = egui_kittest::SnapshotOptions::new().output_path("assets/readme");
    h.snapshot_options("egui-vs-engine", &options);
}

#[test]
fn fonts_readme_lists_every_bundled_font_with_its_sha256() {
    use sha2::Digest as _;
    let readme = std::fs::read_to_string("fonts/README.md").unwrap();
    assert!(readme.contains("OFL") && readme.contains("20201225-1"));
    for font in &text::BUNDLED_FONTS {
        let digest = sha2::Sha256::digest(font.bytes);
        let hex = digest.iter().fold(String::new(), |mut s, b| {
            use std::fmt::Write as _;
            let _ = write!(s, "{b:02x}");
            s
        });
        let row = readme.lines().find(|l| l.contains(font.file)).unwrap_or_default();
        assert!(row.contains(&hex), "fonts/README.md: no SHA-256 {hex} for {}", font.file);
    }
}

// ---------------------------------------------------------------------------------
// More editor and widget behaviour
// ---------------------------------------------------------------------------------

#[test]
fn editor_is_a_labelled_multiline_text_input() {
    let mut h = note_harness("نص", true);
    h.run();
    let node = h.get_by_role_and_label(egui::accesskit::Role::MultilineTextInput, "Note");
    assert_eq!(node.value().as_deref(), Some("نص"));
    let mut single = note_harness("", false);
    single.run();
    let _ = single.get_by_role_and_label(egui::accesskit::Role::TextInput, "Note");
}

#[test]
fn editor_end_of_rtl_paragraph_ending_in_latin() {
    let text = "قال المتحدث باسم Reuters";
    let mut h = note_harness(text, true);
    h.run();
    h.get_by_label("Note").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::End);
    h.get_by_label("Note").type_text("X");
    h.run();
    assert_eq!(editor_text(&h), "قال المتحدث باسم ReutersX");
    // The end of this RTL paragraph is drawn right of "X", inside the line: ArrowLeft
    // moves the caret on screen, over "X", so "Y" goes before it.
    h.key_press(Key::ArrowLeft);
    h.get_by_label("Note").type_text("Y");
    h.run();
    assert_eq!(editor_text(&h), "قال المتحدث باسم ReutersYX");
    // Ctrl+Home, then ArrowLeft twice over the first two letters: after "قا"
    h.key_press_modifiers(Modifiers::COMMAND, Key::Home);
    h.key_press(Key::ArrowLeft);
    h.key_press(Key::ArrowLeft);
    h.get_by_label("Note").type_text("ـ");
    h.run();
    assert_eq!(editor_text(&h), "قاـل المتحدث باسم ReutersYX");
}

#[test]
fn editor_home_end_up_down_follow_visual_lines() {
    // Long enough to wrap over several visual lines in a 420 pt wide editor.
    let text = SEED.lines().find(|l| l.starts_with("وفي هذا الصدد")).unwrap_or_default().to_owned();
    let n = text.chars().count();
    let mut h = note_harness(&text, true);
    h.run();
    h.get_by_label("Note").click();
    h.run();
    // End of the first visual line: inside the paragraph, not at its end.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Home);
    h.key_press(Key::End);
    h.get_by_label("Note").type_text("|");
    h.run();
    let first_end = char_offset_of(&editor_text(&h), "|");
    assert!(first_end > 10 && first_end < n - 10, "{first_end} of {n}");
    h.key_press(Key::Backspace);
    // Down from the start: the start of a later visual line.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Home);
    h.key_press(Key::ArrowDown);
    h.get_by_label("Note").type_text("^");
    h.run();
    let down = char_offset_of(&editor_text(&h), "^");
    assert!(
        down + 3 >= first_end && down < n - 10,
        "down at {down}, first line ends at {first_end}"
    );
    h.key_press(Key::Backspace);
    // Home on the last visual line: its start, after the earlier lines.
    h.key_press_modifiers(Modifiers::COMMAND, Key::End);
    h.key_press(Key::Home);
    h.get_by_label("Note").type_text("~");
    h.run();
    let last_start = char_offset_of(&editor_text(&h), "~");
    assert!(last_start > first_end, "{last_start}");
    h.key_press(Key::Backspace);
    h.run();
    assert_eq!(editor_text(&h), text);
}

/// Put the caret with `keys` (after Ctrl+Home) and type `marker`; the resulting text.
fn type_after_keys(text: &str, keys: &[(Modifiers, Key)], marker: &str) -> String {
    let mut h = note_harness(text, true);
    h.run();
    h.get_by_label("Note").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Home);
    for &(modifiers, key) in keys {
        h.key_press_modifiers(modifiers, key);
    }
    h.get_by_label("Note").type_text(marker);
    h.run();
    editor_text(&h)
}

#[test]
fn editor_arrows_move_the_caret_visually_in_mixed_lines() {
    let left = (Modifiers::NONE, Key::ArrowLeft);
    let right = (Modifiers::NONE, Key::ArrowRight);
    // Arabic line with a Latin word: from the start (right edge) Left crosses "قال", the
    // space, then "s" and "r" of "Reuters" (its right end first).
    assert_eq!(type_after_keys("قال Reuters أمس", &[left; 6], "X"), "قال ReuteXrs أمس");
    // ...and Right comes back over "r", "s" and the space: before the space.
    let mut keys = vec![left; 6];
    keys.extend([right; 3]);
    assert_eq!(type_after_keys("قال Reuters أمس", &keys, "X"), "قالX Reuters أمس");
    // Latin line with an Arabic word: from the start Right crosses "He said " and then
    // the leftmost glyph of "قال", which is its last letter.
    assert_eq!(type_after_keys("He said قال today", &[right; 9], "X"), "He said قاXل today");
    // Left from the end of that line crosses " today" and then the rightmost letter of
    // the Arabic word, its first one.
    let mut keys = vec![(Modifiers::COMMAND, Key::End)];
    keys.extend([left; 7]);
    assert_eq!(type_after_keys("He said قال today", &keys, "X"), "He said قXال today");
}

#[test]
fn editor_ime_preedit_then_commit_is_one_undo_step() {
    let mut h = note_harness("", true);
    h.run();
    h.get_by_label("Note").click();
    h.run();
    let ime = |e| egui::Event::Ime(e);
    h.event(ime(egui::ImeEvent::Preedit { text: "ب".to_owned(), active_range_chars: None }));
    h.step();
    assert_eq!(editor_text(&h), "ب");
    h.event(ime(egui::ImeEvent::Preedit { text: "بت".to_owned(), active_range_chars: None }));
    h.event(ime(egui::ImeEvent::Commit("بيت".to_owned())));
    h.run();
    assert_eq!(editor_text(&h), "بيت");
    assert!(h.output().platform_output.ime.is_some(), "IME area reported while focused");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(editor_text(&h), "");
}

#[test]
fn label_is_accessible_flush_right_and_elided_label_shows_full_text() {
    let long = "مصادر مطلعة قالت إن الاجتماعات السرية استمرت لعدة ساعات في نيويورك وإن الوفد ضم مسؤولين سابقين";
    let mut engine: Option<TextEngine> = None;
    let mut h = Harness::builder()
        .with_size(egui::vec2(300.0, 200.0))
        .with_context_setup(text::install_egui_fonts)
        .build_ui(move |ui| {
            let engine = engine.get_or_insert_with(|| TextEngine::new(ui.ctx()));
            let style = style_for(ui);
            text::label(ui, engine, "السلام عليكم", &style);
            let options = text::LabelOptions { wrap: false, ..text::LabelOptions::default() };
            text::label_with(ui, engine, long, &style, &options);
            engine.end_frame(ui.ctx());
        });
    h.run();
    let short = h.get_by_label("السلام عليكم");
    let _ = h.get_by_role_and_label(egui::accesskit::Role::Label, "السلام عليكم");
    // RTL labels take the row and put their text at its right end
    let elided = h.get_by_label(long);
    assert!((short.rect().right() - elided.rect().right()).abs() < 0.5);
    assert!(short.rect().width() > 250.0);
    elided.hover();
    h.run_steps(12);
    // the tooltip shows the whole text, drawn by the engine as another label
    assert_eq!(h.query_all_by_label(long).count(), 2);
}

#[test]
fn document_scroll_to_brings_a_late_paragraph_into_view() {
    struct App {
        engine: Option<TextEngine>,
        scroll: Option<CharRange>,
    }
    let late = "يشار إلى أن المباحثات شارك فيها أكاديميون روس";
    let target = char_offset_of(SEED, late);
    let mut h = Harness::builder()
        .with_size(egui::vec2(500.0, 300.0))
        .with_context_setup(text::install_egui_fonts)
        .build_ui_state(
            |ui, app: &mut App| {
                let engine = app.engine.get_or_insert_with(|| TextEngine::new(ui.ctx()));
                let paras = paragraphs_of(SEED, &style_for(ui));
                let id = egui::Id::unique("scroll-doc");
                text::document_ui(ui, engine, id, &paras, &[], &[], app.scroll);
                engine.end_frame(ui.ctx());
            },
            App { engine: None, scroll: None },
        );
    h.run();
    assert!(h.query_by_label_contains(late).is_none(), "not visible before scrolling");
    h.state_mut().scroll = Some(CharRange::new(target, target + 5));
    h.run();
    let node = h.get_by_label_contains(late);
    let view = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(500.0, 300.0));
    assert!(view.contains(node.rect().center_top() + egui::vec2(0.0, 5.0)), "{:?}", node.rect());
    let offset = h
        .state()
        .engine
        .as_ref()
        .and_then(|e| e.document_scroll_offset(egui::Id::unique("scroll-doc")));
    assert!(offset.unwrap_or(0.0) > 500.0);
}

#[test]
fn caret_at_the_end_of_an_rtl_paragraph_ending_in_latin() {
    let (_ctx, mut engine) = engine();
    let text = "قال Reuters";
    let layout = engine.layout(text, &plain(), None, None);
    let glyphs = glyphs_by_char(&layout);
    let s = glyphs.iter().find(|g| g.chars.start == text.chars().count() - 1).unwrap();
    let caret = layout.caret_rect(text.chars().count()).unwrap();
    // logical end = just after the "s", which sits left of the Arabic word
    assert!((caret.left() - (s.x + s.width)).abs() < 0.5, "{caret:?} {s:?}");
    let arabic = glyphs.iter().find(|g| g.chars.start == 0).unwrap();
    assert!(caret.left() < arabic.x);
}

#[test]
fn edits_of_an_editor_that_disappears_are_handed_over() {
    struct App {
        engine: Option<TextEngine>,
        show: bool,
        pending: Vec<String>,
    }
    let mut h = Harness::builder()
        .with_size(egui::vec2(400.0, 200.0))
        .with_context_setup(text::install_egui_fonts)
        .build_ui_state(
            |ui, app: &mut App| {
                let engine = app.engine.get_or_insert_with(|| TextEngine::new(ui.ctx()));
                if app.show {
                    let options = text::EditorOptions {
                        label: "Note",
                        placeholder: "",
                        multiline: true,
                        style: style_for(ui),
                        min_rows: 2,
                    };
                    text::editor_ui(ui, engine, egui::Id::unique("vanishing"), "", &options);
                }
                engine.end_frame(ui.ctx());
                app.pending.extend(engine.take_pending_commits().into_iter().map(|(_, t)| t));
            },
            App { engine: None, show: true, pending: Vec::new() },
        );
    h.run();
    h.get_by_label("Note").click();
    h.run();
    h.get_by_label("Note").type_text("ملاحظة");
    h.step();
    h.state_mut().show = false;
    h.run();
    assert_eq!(h.state().pending, vec!["ملاحظة".to_owned()]);
    h.run_steps(3);
    assert_eq!(h.state().pending.len(), 1);
}

#[test]
fn document_handles_no_paragraphs_and_one_huge_paragraph() {
    struct App {
        engine: Option<TextEngine>,
        huge: String,
        empty: bool,
    }
    let unit = "قال المتحدث (Reuters) إن 6 مسؤولين «التقوا» في 2023، and said: \"no comment\". ";
    let huge = unit.repeat(200_000 / unit.len() + 1);
    let n = huge.chars().count();
    let mut h = Harness::builder()
        .with_size(egui::vec2(500.0, 300.0))
        .with_context_setup(text::install_egui_fonts)
        .build_ui_state(
            |ui, app: &mut App| {
                let engine = app.engine.get_or_insert_with(|| TextEngine::new(ui.ctx()));
                let style = style_for(ui);
                let paras = if app.empty {
                    Vec::new()
                } else {
                    vec![text::DocParagraph {
                        text: &app.huge,
                        start_char: 0,
                        direction: Direction::Rtl,
                        style,
                    }]
                };
                let hl = [text::Highlight {
                    range: CharRange::new(10, 100_000),
                    color: egui::Color32::LIGHT_BLUE,
                    look: text::HighlightLook::Fill,
                    tag: 1,
                }];
                text::document_ui(ui, engine, egui::Id::unique("huge-doc"), &paras, &hl, &[], None);
                engine.end_frame(ui.ctx());
            },
            App { engine: None, huge, empty: true },
        );
    h.run();
    h.state_mut().empty = false;
    h.run();
    let view = egui::pos2(250.0, 150.0);
    click_at(&h, view);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    let id = egui::Id::unique("huge-doc");
    let selection = h.state().engine.as_ref().and_then(|e| e.document_selection(id));
    assert_eq!(selection, Some(CharRange::new(0, n)));
}

#[test]
fn english_line_quoting_arabic_stays_left_to_right() {
    let (_ctx, mut engine) = engine();
    let text = "follows «متحدث باسم وزارة الخارجية الأميركية»: on the record: «متحدث»";
    let meta = twotrack::ui::theme::meta_style(&egui::Visuals::light());
    let mut cases = vec![(Some(8.0), Some(1)), (Some(30.0), Some(1)), (Some(360.0), Some(1))];
    cases.extend([(Some(8.0), None), (Some(30.0), None), (Some(360.0), None)]);
    cases.extend([(None, None), (Some(2000.0), None)]);
    for w in (150..500).step_by(5) {
        cases.push((Some(w as f32), None));
        cases.push((Some(w as f32), Some(1)));
    }
    for (width, max_lines) in cases {
        let layout = engine.layout(text, &meta, width, max_lines);
        assert!(!layout.is_rtl(), "width {width:?}: laid out right to left");
        let glyphs = layout.glyphs();
        let first_line: Vec<_> = glyphs.iter().filter(|g| g.line == 0).collect();
        if width.is_none_or(|w| w >= 150.0) {
            let leftmost = first_line.first().unwrap().chars.start;
            assert_eq!(leftmost, 0, "width {width:?} max_lines {max_lines:?}: 'f' is not leftmost");
        }
    }
}
