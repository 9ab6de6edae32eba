//! What each content editor edits, and the command its finished edit becomes.
//!
//! An editor's id is derived from its [`EditTarget`], so an edit the text engine hands
//! back late (its editor vanished before committing, e.g. the selection changed) still
//! lands in the right field instead of being lost.

use crate::command::{Command, ops};
use crate::model::{Article, ArticleId, NoteId, Project, PubDate, QuestionId, StatementId};

/// A field an editor edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EditTarget {
    /// The project's name.
    ProjectName,
    /// A statement's speaker.
    Speaker(StatementId),
    /// A statement's actor.
    Actor(StatementId),
    /// A statement's relaying outlets.
    Via(StatementId),
    /// A statement's tags.
    Tags(StatementId),
    /// A statement's translation.
    StatementTranslation(StatementId),
    /// A question's wording.
    QuestionTitle(QuestionId),
    /// A question's translation.
    QuestionTranslation(QuestionId),
    /// An article's title.
    ArticleTitle(ArticleId),
    /// An article's outlet.
    ArticleOutlet(ArticleId),
    /// An article's author.
    ArticleAuthor(ArticleId),
    /// An article's address.
    ArticleUrl(ArticleId),
    /// An article's publication date.
    ArticleDate(ArticleId),
    /// An article's language code.
    ArticleLanguage(ArticleId),
    /// A note's text.
    NoteText(NoteId),
    /// A note's translation.
    NoteTranslation(NoteId),
}

/// Why an edit could not be applied.
#[derive(Debug, PartialEq, Eq)]
pub struct EditError(pub String);

fn non_empty(text: &str) -> Option<String> {
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

/// Parse `YYYY-MM-DD[ HH:MM[ ZONE]]` (Eastern Arabic digits too).
#[must_use]
pub fn parse_date_field(text: &str) -> Option<PubDate> {
    // Fold the digits (٠١٢ → 012) but keep the zone as written.
    let mut parts = text.split_whitespace();
    let date_part = crate::analysis::fold(parts.next()?);
    let mut ymd = date_part.split('-').map(str::parse::<u32>);
    let (Some(Ok(year)), Some(Ok(month)), Some(Ok(day)), None) =
        (ymd.next(), ymd.next(), ymd.next(), ymd.next())
    else {
        return None;
    };
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || year > 9999 {
        return None;
    }
    let time = match parts.next() {
        None => None,
        Some(t) => {
            let t = crate::analysis::fold(t);
            let (hour, minute) = t.split_once(':')?;
            let (hour, minute) = (hour.parse::<u8>().ok()?, minute.parse::<u8>().ok()?);
            if hour >= 24 || minute >= 60 {
                return None;
            }
            Some((hour, minute))
        }
    };
    let zone = parts.next().map(str::to_owned);
    let date = PubDate { year: year as i16, month: month as u8, day: day as u8, time, zone };
    date.timestamp().map(|_| date)
}

impl EditTarget {
    /// The editor's id.
    #[must_use]
    pub fn id(self) -> egui::Id {
        egui::Id::unique(("edit", self))
    }

    /// Label above the editor (also its accessible name).
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            EditTarget::ProjectName => "Project name",
            EditTarget::Speaker(_) => "Speaker",
            EditTarget::Actor(_) => "Actor (whose position)",
            EditTarget::Via(_) => "Via (who reported it; separate with /)",
            EditTarget::Tags(_) => "Tags (comma-separated)",
            EditTarget::StatementTranslation(_) | EditTarget::QuestionTranslation(_) => {
                "Translation"
            }
            EditTarget::QuestionTitle(_) => "Question",
            EditTarget::ArticleTitle(_) => "Title",
            EditTarget::ArticleOutlet(_) => "Outlet",
            EditTarget::ArticleAuthor(_) => "Author",
            EditTarget::ArticleUrl(_) => "Address (URL)",
            EditTarget::ArticleDate(_) => "Published (YYYY-MM-DD HH:MM zone)",
            EditTarget::ArticleLanguage(_) => "Language code",
            EditTarget::NoteText(_) => "Note",
            EditTarget::NoteTranslation(_) => "Note translation",
        }
    }

    /// Several lines (Enter makes a new line) or one.
    #[must_use]
    pub fn multiline(self) -> bool {
        matches!(
            self,
            EditTarget::StatementTranslation(_)
                | EditTarget::NoteText(_)
                | EditTarget::NoteTranslation(_)
        )
    }

    /// The field's current value in `project` (`None` when its object is gone).
    #[must_use]
    pub fn current(self, project: &Project) -> Option<String> {
        let statement = |id| project.statements.get(&id);
        let article = |id| project.articles.get(&id).map(|a: &Article| &a.meta);
        Some(match self {
            EditTarget::ProjectName => project.name.clone(),
            EditTarget::Speaker(id) => statement(id)?.speaker.clone().unwrap_or_default(),
            EditTarget::Actor(id) => statement(id)?.actor.clone().unwrap_or_default(),
            EditTarget::Via(id) => statement(id)?.via.join(" / "),
            EditTarget::Tags(id) => {
                statement(id)?.tags.iter().cloned().collect::<Vec<_>>().join(", ")
            }
            EditTarget::StatementTranslation(id) => statement(id)?.translation.clone(),
            EditTarget::QuestionTitle(id) => project.questions.get(&id)?.title.clone(),
            EditTarget::QuestionTranslation(id) => project.questions.get(&id)?.translation.clone(),
            EditTarget::ArticleTitle(id) => article(id)?.title.clone(),
            EditTarget::ArticleOutlet(id) => article(id)?.outlet.clone().unwrap_or_default(),
            EditTarget::ArticleAuthor(id) => article(id)?.author.clone().unwrap_or_default(),
            EditTarget::ArticleUrl(id) => article(id)?.url.clone().unwrap_or_default(),
            EditTarget::ArticleDate(id) => {
                article(id)?.published.as_ref().map(PubDate::iso).unwrap_or_default()
            }
            EditTarget::ArticleLanguage(id) => article(id)?.language.clone(),
            EditTarget::NoteText(id) => project.notes.get(&id)?.text.clone(),
            EditTarget::NoteTranslation(id) => project.notes.get(&id)?.translation.clone(),
        })
    }

    /// The command that sets the field to `text` (with its undo label), `Ok(None)` when
    /// the object is gone, or an error for a value the field cannot take.
    pub fn command(
        self,
        project: &Project,
        text: &str,
        now: jiff::Timestamp,
    ) -> Result<Option<(&'static str, Command)>, EditError> {
        let statement = |label, edit: &dyn Fn(&mut crate::model::Statement)| {
            Ok(statement_edit(project, label, edit, self))
        };
        match self {
            EditTarget::ProjectName => {
                Ok(Some(("Rename project", Command::SetProjectName(text.trim().to_owned()))))
            }
            EditTarget::Speaker(_) => statement("Edit speaker", &|s| s.speaker = non_empty(text)),
            EditTarget::Actor(_) => statement("Edit actor", &|s| s.actor = non_empty(text)),
            EditTarget::Via(_) => {
                statement("Edit via", &|s| s.via = text.split('/').filter_map(non_empty).collect())
            }
            EditTarget::Tags(_) => statement("Edit tags", &|s| {
                s.tags = text.split([',', '،']).filter_map(non_empty).collect();
            }),
            EditTarget::StatementTranslation(_) => {
                statement("Edit translation", &|s| s.translation = text.to_owned())
            }
            EditTarget::QuestionTitle(id) | EditTarget::QuestionTranslation(id) => {
                let Some(question) = project.questions.get(&id) else { return Ok(None) };
                let mut changed = question.clone();
                if matches!(self, EditTarget::QuestionTitle(_)) {
                    changed.title = text.trim().to_owned();
                    Ok(Some(("Rename question", Command::PutQuestion(changed))))
                } else {
                    changed.translation = text.to_owned();
                    Ok(Some(("Edit translation", Command::PutQuestion(changed))))
                }
            }
            EditTarget::ArticleTitle(id) => Ok(article_edit(project, id, "Edit title", |a| {
                text.trim().clone_into(&mut a.meta.title);
            })),
            EditTarget::ArticleOutlet(id) => {
                Ok(article_edit(project, id, "Edit outlet", |a| a.meta.outlet = non_empty(text)))
            }
            EditTarget::ArticleAuthor(id) => {
                Ok(article_edit(project, id, "Edit author", |a| a.meta.author = non_empty(text)))
            }
            EditTarget::ArticleUrl(id) => {
                Ok(article_edit(project, id, "Edit address", |a| a.meta.url = non_empty(text)))
            }
            EditTarget::ArticleDate(id) => {
                let published = if text.trim().is_empty() {
                    None
                } else {
                    Some(parse_date_field(text).ok_or_else(|| {
                        EditError(format!(
                            "“{}” is not a date: use YYYY-MM-DD, optionally HH:MM and a zone",
                            text.trim()
                        ))
                    })?)
                };
                Ok(article_edit(project, id, "Edit date", |a| a.meta.published = published.clone()))
            }
            EditTarget::ArticleLanguage(id) => {
                Ok(article_edit(project, id, "Edit language", |a| {
                    text.trim().clone_into(&mut a.meta.language);
                }))
            }
            EditTarget::NoteText(id) | EditTarget::NoteTranslation(id) => {
                let Some(note) = project.notes.get(&id) else { return Ok(None) };
                let mut changed = note.clone();
                if matches!(self, EditTarget::NoteText(_)) {
                    changed.text = text.to_owned();
                } else {
                    changed.translation = text.to_owned();
                }
                changed.modified = now;
                Ok(Some(("Edit note", Command::PutNote(changed))))
            }
        }
    }
}

fn statement_edit(
    project: &Project,
    label: &'static str,
    edit: &dyn Fn(&mut crate::model::Statement),
    target: EditTarget,
) -> Option<(&'static str, Command)> {
    let (EditTarget::Speaker(id)
    | EditTarget::Actor(id)
    | EditTarget::Via(id)
    | EditTarget::Tags(id)
    | EditTarget::StatementTranslation(id)) = target
    else {
        return None;
    };
    ops::edit_statement(project, id, edit).map(|c| (label, c))
}

fn article_edit(
    project: &Project,
    id: ArticleId,
    label: &'static str,
    edit: impl FnOnce(&mut Article),
) -> Option<(&'static str, Command)> {
    let mut article = project.articles.get(&id)?.clone();
    edit(&mut article);
    Some((label, Command::PutArticle(Box::new(article))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_field_parse_or_are_refused() {
        let d = parse_date_field("2023-07-07 09:40 GMT").unwrap();
        assert_eq!(
            (d.year, d.month, d.day, d.time, d.zone.as_deref()),
            (2023, 7, 7, Some((9, 40)), Some("GMT"))
        );
        assert_eq!(parse_date_field("٢٠٢٣-٠٧-٠٧").map(|d| d.day), Some(7));
        assert!(parse_date_field("2023-02-30").is_none());
        assert!(parse_date_field("2023-07-07 25:00").is_none());
        assert!(parse_date_field("July 7").is_none());
    }

    #[test]
    fn edits_become_commands_and_bad_dates_errors() {
        let project = crate::synthetic::project(2, 4);
        let statement = *project.statements.keys().next().unwrap();
        let now = jiff::Timestamp::UNIX_EPOCH;
        let (label, command) = EditTarget::Via(statement)
            .command(&project, "NBC News / Reuters", now)
            .unwrap()
            .unwrap();
        assert_eq!(label, "Edit via");
        let mut changed = project.clone();
        command.apply(&mut changed).unwrap();
        assert_eq!(changed.statements[&statement].via, vec!["NBC News", "Reuters"]);
        assert_eq!(
            EditTarget::Via(statement).current(&changed).as_deref(),
            Some("NBC News / Reuters")
        );
        let article = *project.articles.keys().next().unwrap();
        assert!(EditTarget::ArticleDate(article).command(&project, "soon", now).is_err());
        assert!(
            EditTarget::Speaker(StatementId(999_999))
                .command(&project, "x", now)
                .unwrap()
                .is_none()
        );
    }
}
