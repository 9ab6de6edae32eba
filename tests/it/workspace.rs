//! The comparison workspace used like an analyst would, by role and label: read an
//! article, mark spans, review, move cards, make a question, link, write notes,
//! search, undo, save, reopen.

use egui::accesskit::Role;
use egui::{Event, Key, Modifiers, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use twotrack::app::dialogs::DialogOutcome;
use twotrack::app::{StartWith, TwoTrackApp};
use twotrack::model::{Kind, LinkKind, NoteTarget, Origin, Review};

use crate::common::{press, start_app, wheel};

/// The accessible text of a node: its label, or its value (labels of text).
fn text_of(node: &egui_kittest::Node<'_>) -> String {
    let n = node.accesskit_node();
    n.label().or_else(|| n.value()).unwrap_or_default().clone()
}

/// The first node with `role` whose text contains `text`.
fn node_containing<'a>(
    harness: &'a Harness<'static, TwoTrackApp>,
    role: Role,
    text: &str,
) -> egui_kittest::Node<'a> {
    harness
        .get_all_by_role(role)
        .find(|n| text_of(n).contains(text))
        .unwrap_or_else(|| panic!("no {role:?} containing {text:?}"))
}

/// The reader's paragraph containing `text` (the longest label that contains it:
/// titles in the library and the reader's header are shorter).
fn paragraph<'a>(harness: &'a Harness<'static, TwoTrackApp>, text: &str) -> egui_kittest::Node<'a> {
    harness
        .get_all_by_role(Role::Label)
        .filter(|n| text_of(n).contains(text))
        .max_by_key(|n| text_of(n).chars().count())
        .unwrap_or_else(|| panic!("no paragraph containing {text:?}"))
}

/// Scroll the view under `at` until a label containing `text` is laid out.
fn reveal(harness: &mut Harness<'static, TwoTrackApp>, at: Pos2, text: &str) {
    for _ in 0..60 {
        let place = harness
            .get_all_by_role(Role::Label)
            .filter(|n| text_of(n).contains(text))
            .map(|n| n.rect())
            .next();
        // Done once it is wholly inside the view (above the status bar).
        if place.is_some_and(|r| r.top() > 120.0 && r.bottom() < 830.0) {
            return;
        }
        wheel(harness, at, -120.0);
        harness.run_steps(2);
    }
    panic!("{text:?} never appeared");
}

/// Triple-click selects the paragraph under `pos`.
fn triple_click(harness: &mut Harness<'static, TwoTrackApp>, pos: Pos2) {
    harness.event(Event::PointerMoved(pos));
    for _ in 0..3 {
        press(harness, pos, true);
        press(harness, pos, false);
    }
    harness.run_steps(2);
}

/// Drag with the mouse from `from` to `to` over a few frames.
fn drag(harness: &mut Harness<'static, TwoTrackApp>, from: Pos2, to: Pos2) {
    harness.event(Event::PointerMoved(from));
    harness.step();
    press(harness, from, true);
    harness.step();
    for i in 1..=6 {
        let t = i as f32 / 6.0;
        harness.event(Event::PointerMoved(from + (to - from) * t));
        harness.step();
    }
    press(harness, to, false);
    harness.run_steps(3);
}

/// The statement the analyst marked (or reviewed, when the marked span was already
/// a suggestion) that quotes `part`.
fn statement_with_quote(app: &TwoTrackApp, part: &str) -> twotrack::model::Statement {
    let candidates = || {
        app.project().statements.values().filter(|s| {
            s.is_visible() && s.review == Review::Accepted && s.span.quote.contains(part)
        })
    };
    candidates()
        .find(|s| s.origin == Origin::Analyst)
        .or_else(|| candidates().next())
        .unwrap_or_else(|| panic!("no marked statement quoting {part:?}"))
        .clone()
}

/// The compare card of a statement (its accessible label is kind and quote).
fn card_of<'a>(
    h: &'a Harness<'static, TwoTrackApp>,
    statement: &twotrack::model::Statement,
) -> egui_kittest::Node<'a> {
    let label = format!("{} statement: {}", statement.kind.as_str(), statement.span.quote);
    h.get_all_by_role(Role::Button)
        .find(|n| text_of(n) == label)
        .unwrap_or_else(|| panic!("no card {label:?}"))
}

/// Wait for the compare view to show a statement's card (it scrolls to the selected
/// statement), scrolling the view with the wheel when it does not.
fn show_card(h: &mut Harness<'static, TwoTrackApp>, statement: &twotrack::model::Statement) {
    let label = format!("{} statement: {}", statement.kind.as_str(), statement.span.quote);
    let compare = egui::pos2(800.0, 500.0);
    for attempt in 0..80 {
        let rect_now = |h: &Harness<'static, TwoTrackApp>| {
            h.get_all_by_role(Role::Button).find(|n| text_of(n) == label).map(|n| n.rect())
        };
        let visible = rect_now(h);
        if visible.is_some_and(|r| r.top() > 150.0 && r.bottom() < 840.0) {
            // Let a smooth scroll come to rest before anyone clicks.
            h.run_steps(12);
            if rect_now(h) == visible {
                return;
            }
            continue;
        }
        if attempt >= 10 {
            // Up to the top first, then down through the whole view.
            let dy = if attempt < 25 { 400.0 } else { -120.0 };
            wheel(h, compare, dy);
        }
        h.run_steps(2);
    }
    panic!("card {label:?} never came into view");
}

const UNOFFICIAL_PART: &str = "مصادر أخرى أكدت";
const OFFICIAL_PART: &str = "متحدث باسم وزارة الخارجية";

#[test]
fn an_analyst_session_from_reading_to_saving_and_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("session.ron");
    let mut h = start_app(
        StartWith::Sample,
        vec![DialogOutcome::Picked(vec![path.clone()]), DialogOutcome::Picked(vec![path.clone()])],
    );
    h.run_steps(2);

    // Select the Arabic article in the library.
    node_containing(&h, Role::ListItem, "بالتوازي مع مسار الحرب").click();
    h.run_steps(2);
    let arabic = h.state().ui_state().current_article.expect("an article in the reader");
    assert_eq!(h.state().project().articles[&arabic].meta.language, "ar");

    // Mark a paragraph as unofficial: triple-click selects it, U marks it.
    let reader = paragraph(&h, "بالتوازي مع مسار الحرب").rect().center();
    reveal(&mut h, reader, UNOFFICIAL_PART);
    let rect = paragraph(&h, UNOFFICIAL_PART).rect();
    triple_click(&mut h, rect.center());
    h.key_press(Key::U);
    h.run_steps(2);
    let unofficial = statement_with_quote(h.state(), UNOFFICIAL_PART);
    assert_eq!(unofficial.kind, Kind::Unofficial);
    assert_eq!(unofficial.review, Review::Accepted, "the analyst's own mark counts as reviewed");
    let article_text = &h.state().project().articles[&arabic].text;
    let chars: Vec<char> = article_text.chars().collect();
    let quoted: String =
        chars[unofficial.span.range.start..unofficial.span.range.end].iter().collect();
    assert_eq!(quoted, unofficial.span.quote, "char offsets and quote agree");

    // Mark another paragraph with the button, as unofficial first, then move its card
    // to the Official column by dragging it across.
    h.key_press(Key::Escape);
    h.run_steps(1);
    reveal(&mut h, reader, OFFICIAL_PART);
    let rect = paragraph(&h, OFFICIAL_PART).rect();
    triple_click(&mut h, rect.center());
    h.get_by_role_and_label(Role::Button, "Mark unofficial").click();
    h.run_steps(2);

    let second = statement_with_quote(h.state(), OFFICIAL_PART);
    assert_eq!(second.kind, Kind::Unofficial);
    show_card(&mut h, &second);
    let card = card_of(&h, &second).rect();
    // The Official column is left of the unofficial one, past the link gutter.
    let official_column = egui::pos2(card.left() - 60.0 - card.width() / 2.0, card.center().y);
    drag(&mut h, card.center(), official_column);
    assert_eq!(
        statement_with_quote(h.state(), OFFICIAL_PART).kind,
        Kind::Official,
        "dragged across to Official"
    );

    // A question, named by typing, with both statements assigned by dragging.
    h.get_by_role_and_label(Role::Button, "New question").click();
    h.run_steps(2);
    let title = h.get_by_role_and_label(Role::TextInput, "Question");
    title.focus();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, "Question")
        .type_text("Was the meeting authorised by Washington?");
    h.key_press(Key::Enter);
    h.key_press(Key::Escape);
    h.run_steps(3);
    let question = h
        .state()
        .project()
        .questions
        .values()
        .find(|q| q.title == "Was the meeting authorised by Washington?")
        .expect("the new question, named as typed")
        .id;
    // Assign both in the inspector's question chooser.
    for part in [OFFICIAL_PART, UNOFFICIAL_PART] {
        let statement = statement_with_quote(h.state(), part);
        show_card(&mut h, &statement);
        card_of(&h, &statement).click();
        h.run_steps(2);
        h.get_by_role_and_label(Role::ComboBox, "Question").click();
        h.run_steps(2);
        paragraph(&h, "Was the meeting authorised by Washington?").click();
        h.run_steps(2);
    }
    for part in [OFFICIAL_PART, UNOFFICIAL_PART] {
        assert_eq!(
            statement_with_quote(h.state(), part).question,
            Some(question),
            "{part} assigned"
        );
    }

    // Link them as contradicting: drag one card onto the other, pick the type.
    let (first, second) = (
        statement_with_quote(h.state(), UNOFFICIAL_PART),
        statement_with_quote(h.state(), OFFICIAL_PART),
    );
    show_card(&mut h, &first);
    let from = card_of(&h, &first).rect();
    let to = card_of(&h, &second).rect();
    drag(&mut h, from.center(), to.center());
    h.get_by_role_and_label(Role::Button, "contradicts").click();
    h.run_steps(2);
    let (a, b) = (
        statement_with_quote(h.state(), UNOFFICIAL_PART).id,
        statement_with_quote(h.state(), OFFICIAL_PART).id,
    );
    let link = h
        .state()
        .project()
        .links
        .values()
        .find(|l| l.from == a && l.to == b)
        .expect("a link")
        .clone();
    assert_eq!(link.kind, LinkKind::Contradicts);

    // An Arabic note with an English translation on the unofficial statement.
    let first = statement_with_quote(h.state(), UNOFFICIAL_PART);
    show_card(&mut h, &first);
    card_of(&h, &first).click();
    h.run_steps(2);
    h.get_by_role_and_label(Role::Button, "Add note").click();
    h.run_steps(2);
    h.get_by_role_and_label(Role::MultilineTextInput, "Note")
        .type_text("المصادر مجهولة ولم يؤكدها البيت الأبيض");
    h.key_press(Key::Escape);
    h.run_steps(2);
    h.get_by_role_and_label(Role::MultilineTextInput, "Note translation").focus();
    h.get_by_role_and_label(Role::MultilineTextInput, "Note translation")
        .type_text("The sources are anonymous; the White House did not confirm.");
    h.key_press(Key::Escape);
    h.run_steps(3);
    let unofficial_id = statement_with_quote(h.state(), UNOFFICIAL_PART).id;
    let note = h
        .state()
        .project()
        .notes_on(NoteTarget::Statement(unofficial_id))
        .next()
        .expect("a note on the statement")
        .clone();
    assert_eq!(note.text, "المصادر مجهولة ولم يؤكدها البيت الأبيض");
    assert!(note.translation.starts_with("The sources are anonymous"));

    // Search without diacritics and hamza: finds the statement that has them.
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run_steps(2);
    h.get_by_role_and_label(Role::TextInput, "Search").type_text("مصادر اخري اكدت");
    h.run_steps(3);
    assert!(
        h.get_all_by_role(Role::Label).any(|n| text_of(&n).contains("مصادر أخرى أكدت")),
        "a result shows the original spelling"
    );
    h.key_press(Key::Escape);
    h.run_steps(2);

    // Undo the note's translation, redo it.
    let before = h.state().project().clone();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_ne!(h.state().project(), &before, "undo changed something");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run_steps(2);
    assert_eq!(h.state().project(), &before, "redo restored it exactly");

    // Save, open again, find everything.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(3);
    let saved = h.state().project().clone();
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run_steps(3);
    let reopened = h.state().project();
    assert_eq!(reopened, &saved);
    assert!(
        reopened
            .links
            .values()
            .any(|l| l.from == a && l.to == b && l.kind == LinkKind::Contradicts)
    );
    assert_eq!(reopened.questions[&question].title, "Was the meeting authorised by Washington?");
    assert!(reopened.notes.values().any(|n| n.text.contains("مجهولة")));
}

/// A small project: one article, an official and an unofficial statement, a question.
fn small_project() -> twotrack::model::Project {
    use twotrack::model::{
        ArticleId, CharRange, Question, QuestionId, Statement, StatementId, TextSpan,
    };
    let text = "The ministry said the talks were not approved.\nSources said the White House knew.";
    let mut project = twotrack::model::Project::new("Small");
    let article = ArticleId(project.alloc_id());
    let mut a =
        twotrack::ingest::import_text(text, twotrack::model::SourceFormat::PlainText).article;
    a.id = article;
    project.articles.insert(article, a);
    let text = project.articles[&article].text.clone();
    for (range, kind) in
        [(CharRange::new(0, 46), Kind::Official), (CharRange::new(47, 83), Kind::Unofficial)]
    {
        let id = StatementId(project.alloc_id());
        project.statements.insert(
            id,
            Statement {
                id,
                article,
                span: TextSpan::from_text(&text, range),
                kind,
                review: Review::Accepted,
                ..Statement::default()
            },
        );
    }
    let question = QuestionId(project.alloc_id());
    project.questions.insert(
        question,
        Question {
            id: question,
            title: "Was it approved?".into(),
            translation: String::new(),
            order: 0,
        },
    );
    project
}

#[test]
fn dragging_a_card_onto_a_question_assigns_it_and_undo_takes_it_back() {
    let project = small_project();
    let mut h = start_app(StartWith::InMemory(Box::new(project)), vec![]);
    h.run_steps(3);
    let official =
        h.state().project().statements.values().find(|s| s.kind == Kind::Official).unwrap().clone();
    let card = card_of(&h, &official).rect();
    let header = h.get_by_role_and_label(Role::Button, "Question: Was it approved?").rect();
    drag(&mut h, card.center(), header.center());
    let question = *h.state().project().questions.keys().next().unwrap();
    assert_eq!(h.state().project().statements[&official.id].question, Some(question));
    assert_eq!(
        h.state().workspace().history.undo_label(),
        Some("Assign to question"),
        "one gesture, one undo step"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(h.state().project().statements[&official.id].question, None);
}
