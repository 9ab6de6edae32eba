//! The review flow: next unreviewed, accept, reject, mark official/unofficial, new
//! question — from keys, menus and buttons alike.

use egui::Key;

use super::PanelCtx;
use crate::command::{Command, ops};
use crate::model::{
    CharRange, Kind, Origin, Question, QuestionId, Review, Statement, StatementId, TextSpan,
};

/// A review step the analyst asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewAction {
    /// Select the next unreviewed suggestion (N).
    Next,
    /// Accept the selected suggestion (Enter).
    Accept,
    /// Reject the selected suggestion (Backspace).
    Reject,
    /// Mark the reader selection, or the selected statement, official (O).
    MarkOfficial,
    /// Mark the reader selection, or the selected statement, unofficial (U).
    MarkUnofficial,
    /// Accept every suggestion of the article in the reader.
    AcceptAllInArticle,
    /// Create a question and select it.
    NewQuestion,
}

/// Single-key shortcuts; off while any text field has keyboard focus.
pub fn review_keys(ctx: &egui::Context, pctx: &mut PanelCtx<'_>) {
    // Off while typing (or when the key just left a text field: Escape and Enter end
    // an edit and must not also act on the workspace). A focused button or the
    // reader does not block them.
    if pctx.state.editor_focused || pctx.text.has_text_focus(ctx) {
        return;
    }
    ctx.input_mut(|i| {
        if !i.modifiers.is_none() && !(i.modifiers.shift_only()) {
            return;
        }
        for (key, action) in [
            (Key::N, ReviewAction::Next),
            (Key::Enter, ReviewAction::Accept),
            (Key::Backspace, ReviewAction::Reject),
            (Key::Delete, ReviewAction::Reject),
            (Key::O, ReviewAction::MarkOfficial),
            (Key::U, ReviewAction::MarkUnofficial),
        ] {
            if i.consume_key(egui::Modifiers::NONE, key) {
                pctx.state.pending_review.push(action);
            }
        }
        if i.consume_key(egui::Modifiers::NONE, Key::Escape) {
            pctx.state.selected_statement = None;
            pctx.state.reader_selection = None;
        }
    });
}

/// Turn the pending review actions into commands.
pub fn apply_review(pctx: &mut PanelCtx<'_>) {
    let actions = std::mem::take(&mut pctx.state.pending_review);
    for action in actions {
        apply_one(pctx, action);
    }
}

fn apply_one(pctx: &mut PanelCtx<'_>, action: ReviewAction) {
    let project = pctx.project;
    let selected = pctx.state.selected_statement;
    match action {
        ReviewAction::Next => {
            if let Some(next) = crate::query::next_unreviewed(project, selected) {
                pctx.state.select_statement(next.id, next.article);
            }
        }
        ReviewAction::Accept => {
            if let Some(id) = selected {
                pctx.sender.command_opt("Accept suggestion", ops::accept(project, id));
            }
        }
        ReviewAction::Reject => {
            if let Some(id) = selected {
                pctx.sender.command_opt("Reject suggestion", ops::reject(project, id));
                if let Some(next) = crate::query::next_unreviewed(project, Some(id))
                    && next.id != id
                {
                    pctx.state.select_statement(next.id, next.article);
                }
            }
        }
        ReviewAction::MarkOfficial => mark(pctx, Kind::Official),
        ReviewAction::MarkUnofficial => mark(pctx, Kind::Unofficial),
        ReviewAction::AcceptAllInArticle => {
            let Some(article) = pctx.state.current_article else { return };
            let commands: Vec<Command> = project
                .statements_of(article)
                .filter(|s| s.review == Review::Suggested)
                .filter_map(|s| ops::accept(project, s.id))
                .collect();
            if !commands.is_empty() {
                let label = format!("Accept {} suggestions", commands.len());
                pctx.sender.command(label, Command::Batch(commands));
            }
        }
        ReviewAction::NewQuestion => {
            let id = QuestionId(project.next_id.max(1));
            let order = project.questions.values().map(|q| q.order + 1).max().unwrap_or(0);
            let question = Question {
                id,
                title: format!("Question {}", project.questions.len() + 1),
                translation: String::new(),
                order,
            };
            pctx.sender.command("New question", Command::PutQuestion(question));
            pctx.state.selected_question = Some(id);
            pctx.state.selected_statement = None;
            pctx.state.notes_target = crate::model::NoteTarget::Question(id);
            pctx.state.focus_question_title = true;
        }
    }
}

/// Mark the reader selection as a new statement of `kind`, or change the selected
/// statement's kind.
fn mark(pctx: &mut PanelCtx<'_>, kind: Kind) {
    let project = pctx.project;
    let label = match kind {
        Kind::Official => "Mark official",
        Kind::Unofficial => "Mark unofficial",
        Kind::Unclassified => "Mark unclassified",
    };
    if let (Some(range), Some(article_id)) =
        (pctx.state.reader_selection, pctx.state.current_article)
        && !range.is_empty()
        && let Some(article) = project.articles.get(&article_id)
    {
        let range = trim_range(&article.text, range);
        if range.is_empty() {
            return;
        }
        // The same span already exists: change it rather than duplicating it.
        if let Some(existing) =
            project.statements_of(article_id).find(|s| s.span.range == range && s.is_visible())
        {
            pctx.sender.command_opt(label, ops::set_kind(project, existing.id, kind));
            pctx.state.select_statement(existing.id, article_id);
        } else {
            let id = StatementId(project.next_id.max(1));
            let statement = Statement {
                id,
                article: article_id,
                span: TextSpan::from_text(&article.text, range),
                kind,
                review: Review::Accepted,
                origin: Origin::Analyst,
                confidence: 1.0,
                lang: article.meta.language.clone(),
                ..Statement::default()
            };
            pctx.sender.command(label, Command::PutStatement(Box::new(statement)));
            pctx.state.select_statement(id, article_id);
        }
        pctx.state.reader_selection = None;
        pctx.state.clear_reader_selection = true;
        return;
    }
    if let Some(id) = pctx.state.selected_statement {
        pctx.sender.command_opt(label, ops::set_kind(project, id, kind));
    }
}

/// Shrink a range so it does not start or end with whitespace.
#[must_use]
pub fn trim_range(text: &str, range: CharRange) -> CharRange {
    let slice = crate::model::char_slice(text, range.start, range.end);
    let leading = slice.chars().take_while(|c| c.is_whitespace()).count();
    let trailing = slice.chars().rev().take_while(|c| c.is_whitespace()).count();
    let start = range.start + leading;
    let end = range.end.saturating_sub(trailing).max(start);
    CharRange::new(start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trimming_drops_edge_whitespace_only() {
        let text = "  قال المتحدث  ";
        assert_eq!(trim_range(text, CharRange::new(0, 15)), CharRange::new(2, 13));
        assert_eq!(trim_range(text, CharRange::new(0, 2)).len(), 0);
    }
}
