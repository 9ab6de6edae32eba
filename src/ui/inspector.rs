//! The right panel: details of the selected statement, question or article (all
//! editable), its links, and the analyst's notes with translations.

use egui::{Id, Ui};

use super::PanelCtx;
use super::edits::EditTarget;
use super::theme;
use super::widgets;
use crate::command::{Command, ops};
use crate::model::{
    ArticleId, Direction, Kind, LinkKind, Note, NoteId, NoteTarget, QuestionId, Review, StatementId,
};
use crate::text::{self, EditorOptions, EditorOutput};

/// A labelled content editor for `target`; a finished edit is sent as one command.
fn field(ui: &mut Ui, pctx: &mut PanelCtx<'_>, target: EditTarget) -> EditorOutput {
    let value = target.current(pctx.project).unwrap_or_default();
    let multiline = target.multiline();
    ui.label(target.label());
    let id = target.id();
    pctx.state.edit_targets.insert(id, target);
    let output = text::editor_ui(
        ui,
        pctx.text,
        id,
        &value,
        &EditorOptions {
            label: target.label(),
            placeholder: if multiline { "…" } else { "" },
            multiline,
            style: theme::editor_style(ui.visuals()),
            min_rows: if multiline { 3 } else { 1 },
        },
    );
    if let Some(text) = &output.committed {
        commit_edit(pctx, target, text);
    }
    if let Some((failed, message)) = &pctx.state.edit_error
        && *failed == target
    {
        ui.colored_label(theme::error_color(ui.visuals().dark_mode), message);
    }
    output
}

/// Turn a finished edit into a command (or an error shown under the field).
pub fn commit_edit(pctx: &mut PanelCtx<'_>, target: EditTarget, text: &str) {
    match target.command(pctx.project, text, pctx.now) {
        Ok(Some((label, command))) => {
            pctx.sender.command(label, command);
            pctx.state.edit_error = None;
        }
        Ok(None) => {}
        Err(err) => pctx.state.edit_error = Some((target, err.0)),
    }
}

/// The inspector panel.
pub fn inspector_ui(ui: &mut Ui, pctx: &mut PanelCtx<'_>) {
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        if let Some(id) = pctx.state.selected_statement
            && pctx.project.statements.contains_key(&id)
        {
            statement_ui(ui, pctx, id);
        } else if let Some(id) = pctx.state.selected_question
            && pctx.project.questions.contains_key(&id)
        {
            question_ui(ui, pctx, id);
        } else if let Some(id) = pctx.state.current_article
            && pctx.project.articles.contains_key(&id)
        {
            article_ui(ui, pctx, id);
        } else {
            ui.heading("Project");
            field(ui, pctx, EditTarget::ProjectName);
        }
        ui.separator();
        notes_ui(ui, pctx);
    });
}

fn statement_ui(ui: &mut Ui, pctx: &mut PanelCtx<'_>, id: StatementId) {
    let project = pctx.project;
    let Some(statement) = project.statements.get(&id) else { return };
    let dark = ui.visuals().dark_mode;
    ui.heading("Statement");
    ui.horizontal(|ui| {
        for (kind, label) in [
            (Kind::Official, "Official"),
            (Kind::Unofficial, "Unofficial"),
            (Kind::Unclassified, "Unclassified"),
        ] {
            let text = egui::RichText::new(label).color(theme::kind_color(kind, dark));
            if ui.selectable_label(statement.kind == kind, text).clicked() && statement.kind != kind
            {
                pctx.sender.command_opt(
                    format!("Mark {}", label.to_lowercase()),
                    ops::set_kind(project, id, kind),
                );
            }
        }
    });
    ui.horizontal(|ui| match statement.review {
        Review::Suggested => {
            ui.weak(format!("Suggested ({:.0} %)", statement.confidence * 100.0));
            if ui.button("Accept").clicked() {
                pctx.sender.command_opt("Accept suggestion", ops::accept(project, id));
            }
            if ui.button("Reject").clicked() {
                pctx.sender.command_opt("Reject suggestion", ops::reject(project, id));
            }
        }
        Review::Accepted => {
            ui.weak("Reviewed");
        }
        Review::Rejected => {
            ui.weak("Rejected");
        }
    });
    if let Some(reason) = &statement.reason {
        widgets::one_line(ui, pctx.text, reason, &theme::meta_style(ui.visuals()))
            .on_hover_text("Why the analysis suggested this kind");
    }
    text::label(ui, pctx.text, &statement.span.quote, &theme::card_text_style(ui.visuals()));
    ui.add_space(4.0);
    for target in [
        EditTarget::Speaker(id),
        EditTarget::Actor(id),
        EditTarget::Via(id),
        EditTarget::Tags(id),
        EditTarget::StatementTranslation(id),
    ] {
        field(ui, pctx, target);
    }
    question_choice_ui(ui, pctx, id);
    links_ui(ui, pctx, id);
}

fn question_choice_ui(ui: &mut Ui, pctx: &mut PanelCtx<'_>, id: StatementId) {
    let project = pctx.project;
    let Some(statement) = project.statements.get(&id) else { return };
    let titles: std::collections::BTreeSet<String> =
        project.questions.values().map(|q| q.title.clone()).collect();
    let mut current =
        statement.question.and_then(|q| project.questions.get(&q)).map(|q| q.title.clone());
    let style = theme::row_style(ui.visuals());
    ui.horizontal(|ui| {
        if widgets::content_choice(
            ui,
            pctx.text,
            Id::unique(("question_choice", id)),
            "Question",
            &mut current,
            &titles,
            &style,
        ) {
            let question = current
                .and_then(|t| project.questions.values().find(|q| q.title == t))
                .map(|q| q.id);
            pctx.sender.command_opt(
                if question.is_some() { "Assign to question" } else { "Remove from question" },
                ops::edit_statement(project, id, |s| s.question = question),
            );
        }
    });
}

fn links_ui(ui: &mut Ui, pctx: &mut PanelCtx<'_>, id: StatementId) {
    let project = pctx.project;
    let dark = ui.visuals().dark_mode;
    ui.add_space(6.0);
    ui.strong("Links");
    let links: Vec<_> = project.links_of(id).cloned().collect();
    if links.is_empty() {
        ui.weak("None. Drag this card onto another, or right-click a card ▸ Link.");
    }
    let style = theme::row_style(ui.visuals());
    for link in links {
        let other = if link.from == id { link.to } else { link.from };
        let Some(other_statement) = project.statements.get(&other) else { continue };
        ui.horizontal(|ui| {
            let direction = if link.from == id { "→" } else { "←" };
            egui::ComboBox::new(("link_kind", link.id), "link")
                .selected_text(
                    egui::RichText::new(format!("{direction} {}", link.kind.label()))
                        .color(theme::link_color(link.kind, dark)),
                )
                .width(110.0)
                .show_ui(ui, |ui| {
                    for kind in LinkKind::ALL {
                        if ui.selectable_label(kind == link.kind, kind.label()).clicked()
                            && kind != link.kind
                        {
                            let mut changed = link.clone();
                            changed.kind = kind;
                            pctx.sender.command("Change link type", Command::PutLink(changed));
                        }
                    }
                });
            if ui.small_button("✕").on_hover_text("Remove this link").clicked() {
                pctx.sender.command("Remove link", Command::RemoveLink(link.id));
            }
        });
        if widgets::selectable_row(ui, pctx.text, &other_statement.span.quote, &style, false)
            .clicked()
        {
            pctx.state.select_statement(other, other_statement.article);
        }
    }
}

fn question_ui(ui: &mut Ui, pctx: &mut PanelCtx<'_>, id: QuestionId) {
    let project = pctx.project;
    if !project.questions.contains_key(&id) {
        return;
    }
    ui.heading("Question");
    if std::mem::take(&mut pctx.state.focus_question_title) {
        let title_id = EditTarget::QuestionTitle(id).id();
        ui.memory_mut(|m| m.request_focus(title_id));
    }
    field(ui, pctx, EditTarget::QuestionTitle(id));
    field(ui, pctx, EditTarget::QuestionTranslation(id));
    let (official, unofficial) = project
        .statements
        .values()
        .filter(|s| s.question == Some(id) && s.is_visible())
        .fold((0, 0), |(o, u), s| match s.kind {
            Kind::Official => (o + 1, u),
            Kind::Unofficial => (o, u + 1),
            Kind::Unclassified => (o, u),
        });
    ui.label(format!("{official} official · {unofficial} unofficial"));
    ui.horizontal(|ui| {
        if ui.button("Move up").clicked() {
            reorder(pctx, id, -1);
        }
        if ui.button("Move down").clicked() {
            reorder(pctx, id, 1);
        }
        if ui.button("Delete question").clicked() {
            pctx.sender.command("Delete question", ops::remove_question_cascade(pctx.project, id));
            pctx.state.selected_question = None;
        }
    });
}

fn reorder(pctx: &mut PanelCtx<'_>, id: QuestionId, delta: i32) {
    let mut questions: Vec<_> = pctx.project.questions.values().cloned().collect();
    questions.sort_by_key(|q| (q.order, q.id));
    let Some(index) = questions.iter().position(|q| q.id == id) else { return };
    let Some(other) = index.checked_add_signed(delta as isize).filter(|&i| i < questions.len())
    else {
        return;
    };
    questions.swap(index, other);
    let commands = questions
        .into_iter()
        .enumerate()
        .map(|(order, mut q)| {
            q.order = order as u32;
            Command::PutQuestion(q)
        })
        .collect();
    pctx.sender.command("Reorder questions", Command::Batch(commands));
}

fn article_ui(ui: &mut Ui, pctx: &mut PanelCtx<'_>, id: ArticleId) {
    let project = pctx.project;
    let Some(article) = project.articles.get(&id) else { return };
    ui.heading("Article");
    let edit =
        |pctx: &mut PanelCtx<'_>, label: &str, change: &dyn Fn(&mut crate::model::Article)| {
            if let Some(article) = pctx.project.articles.get(&id) {
                let mut changed = article.clone();
                change(&mut changed);
                pctx.sender.command(label, Command::PutArticle(Box::new(changed)));
            }
        };
    let meta = article.meta.clone();
    for target in [
        EditTarget::ArticleTitle(id),
        EditTarget::ArticleOutlet(id),
        EditTarget::ArticleAuthor(id),
        EditTarget::ArticleUrl(id),
        EditTarget::ArticleDate(id),
        EditTarget::ArticleLanguage(id),
    ] {
        field(ui, pctx, target);
    }
    ui.horizontal(|ui| {
        ui.label("Direction");
        for (value, label) in [
            (None, "Per paragraph"),
            (Some(Direction::Rtl), "Right to left"),
            (Some(Direction::Ltr), "Left to right"),
        ] {
            if ui.selectable_label(meta.direction_override == value, label).clicked()
                && meta.direction_override != value
            {
                edit(pctx, "Change direction", &|a| a.meta.direction_override = value);
            }
        }
    });
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        let current = article.source.encoding.clone();
        let locked = project.is_text_locked(id) && project.statements_of(id).any(crate::command::ops::is_analyst_decision);
        ui.add_enabled_ui(article.source.path.is_some() && !locked, |ui| {
            egui::ComboBox::new(("encoding", id), "Encoding").selected_text(if current.is_empty() { "?" } else { current.as_str() }).show_ui(ui, |ui| {
                for &label in crate::ingest::OVERRIDE_ENCODINGS {
                    if ui.selectable_label(current.eq_ignore_ascii_case(label), label).clicked() {
                        pctx.sender.action(super::AppAction::Reencode(id, label.to_owned()));
                    }
                }
            });
        })
        .response
        .on_disabled_hover_text("The text is locked once you have reviewed or marked statements in it, or the file is not known.");
        if article.source.encoding_overridden {
            ui.weak("(chosen)");
        } else {
            ui.weak("(detected)");
        }
    });
    if let Some(path) = &article.source.path {
        widgets::one_line(ui, pctx.text, path, &theme::meta_style(ui.visuals()));
    }
    ui.weak(format!(
        "SHA-256 {}",
        article.source.sha256.get(..16).unwrap_or(&article.source.sha256)
    ));
}

fn target_label(target: NoteTarget) -> String {
    match target {
        NoteTarget::Project => "the project".to_owned(),
        NoteTarget::Article(_) => "the article".to_owned(),
        NoteTarget::Statement(_) => "the statement".to_owned(),
        NoteTarget::Question(q) => format!("question {q}"),
    }
}

fn notes_ui(ui: &mut Ui, pctx: &mut PanelCtx<'_>) {
    // Notes follow the selection: statement, else question, else article, else project.
    let target = if let Some(s) = pctx.state.selected_statement {
        NoteTarget::Statement(s)
    } else if let Some(q) = pctx.state.selected_question {
        NoteTarget::Question(q)
    } else {
        pctx.state.notes_target
    };
    let mut options = vec![target];
    for extra in
        pctx.state.current_article.map(NoteTarget::Article).into_iter().chain([NoteTarget::Project])
    {
        if !options.contains(&extra) {
            options.push(extra);
        }
    }
    if !options.contains(&pctx.state.notes_target) {
        pctx.state.notes_target = target;
    }
    ui.heading("Notes");
    ui.horizontal_wrapped(|ui| {
        ui.label("on");
        for option in &options {
            let label = target_label(*option);
            if ui.selectable_label(pctx.state.notes_target == *option, label).clicked() {
                pctx.state.notes_target = *option;
            }
        }
    });
    let target = pctx.state.notes_target;
    let notes: Vec<Note> = pctx.project.notes_on(target).cloned().collect();
    for note in notes {
        note_ui(ui, pctx, &note);
        ui.separator();
    }
    if ui.button("Add note").clicked() {
        let now = pctx.now;
        let note = Note {
            id: NoteId(pctx.project.next_id.max(1)),
            target,
            text: String::new(),
            translation: String::new(),
            created: now,
            modified: now,
        };
        ui.memory_mut(|m| m.request_focus(EditTarget::NoteText(note.id).id()));
        pctx.sender.command("Add note", Command::PutNote(note));
    }
}

fn format_time(t: jiff::Timestamp) -> String {
    t.strftime("%Y-%m-%d %H:%M UTC").to_string()
}

fn note_ui(ui: &mut Ui, pctx: &mut PanelCtx<'_>, note: &Note) {
    ui.horizontal(|ui| {
        let times = if note.modified == note.created {
            format!("written {}", format_time(note.created))
        } else {
            format!(
                "written {} · changed {}",
                format_time(note.created),
                format_time(note.modified)
            )
        };
        ui.weak(times);
        if ui.small_button("Delete").clicked() {
            pctx.sender.command("Delete note", Command::RemoveNote(note.id));
        }
    });
    field(ui, pctx, EditTarget::NoteText(note.id));
    field(ui, pctx, EditTarget::NoteTranslation(note.id));
}
