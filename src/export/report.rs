//! What a report contains, gathered once from the project in display order; the
//! Markdown, HTML and CSV writers only lay it out.

use crate::compare::{self, Cluster, Clusters};
use crate::model::{
    Article, Direction, Kind, Link, Note, NoteTarget, Project, Question, Statement, StatementId,
};

/// Positions on one question (or on none), split by track.
pub(crate) struct QuestionBlock<'a> {
    /// The question; `None` for statements assigned to no question.
    pub question: Option<&'a Question>,
    /// On-record statements, earliest report first.
    pub official: Vec<&'a Statement>,
    /// Off-record statements, earliest report first.
    pub unofficial: Vec<&'a Statement>,
    /// Unclassified statements assigned to the question.
    pub other: Vec<&'a Statement>,
}

/// Everything a report shows.
pub(crate) struct Report<'a> {
    /// The project.
    pub project: &'a Project,
    /// Claim clusters with divergences and independence.
    pub clusters: &'a Clusters,
    /// Questions in the analyst's order, then statements assigned to none.
    pub questions: Vec<QuestionBlock<'a>>,
    /// Clusters reported by more than one article, largest first.
    pub shared_claims: Vec<&'a Cluster>,
    /// Articles, earliest first (undated last).
    pub sources: Vec<&'a Article>,
    /// Notes, project notes first, each group oldest first.
    pub notes: Vec<&'a Note>,
    /// Links in id order.
    pub links: Vec<&'a Link>,
}

impl<'a> Report<'a> {
    /// Gather the report of `project`. `clusters` must have been computed from it.
    pub fn new(project: &'a Project, clusters: &'a Clusters) -> Report<'a> {
        let mut questions: Vec<&Question> = project.questions.values().collect();
        questions.sort_by(|a, b| a.order.cmp(&b.order).then(a.id.cmp(&b.id)));
        let mut blocks: Vec<QuestionBlock<'a>> = questions
            .into_iter()
            .map(|q| block(project, Some(q), |s| s.question == Some(q.id)))
            .collect();
        let rest = block(project, None, |s| s.question.is_none());
        if !rest.official.is_empty() || !rest.unofficial.is_empty() {
            blocks.push(rest);
        }
        let mut sources: Vec<&Article> = project.articles.values().collect();
        sources.sort_by_key(|a| compare::article_sort_key(project, a.id));
        let mut notes: Vec<&Note> = project.notes.values().collect();
        notes.sort_by_key(|n| (n.target != NoteTarget::Project, n.created, n.id));
        Report {
            project,
            clusters,
            questions: blocks,
            shared_claims: clusters.shared().collect(),
            sources,
            notes,
            links: project.links.values().collect(),
        }
    }

    /// The statement with this id.
    pub fn statement(&self, id: StatementId) -> Option<&'a Statement> {
        self.project.statements.get(&id)
    }

    /// The quote of a statement, cut to `max_chars` (empty when there is none).
    pub fn short_quote(&self, id: StatementId, max_chars: usize) -> String {
        self.statement(id).map_or(String::new(), |s| shorten(&s.span.quote, max_chars))
    }

    /// The article a statement is in.
    pub fn article_of(&self, statement: &Statement) -> Option<&'a Article> {
        self.project.articles.get(&statement.article)
    }

    /// Outlet and date of a statement's article: `"Reuters, 2023-07-07 09:10 +00:00"`.
    pub fn source_line(&self, statement: &Statement) -> String {
        let Some(article) = self.article_of(statement) else { return String::new() };
        let outlet = article.meta.outlet.as_deref().unwrap_or("unknown outlet");
        match &article.meta.published {
            Some(date) => format!("{outlet}, {}", date.iso()),
            None => outlet.to_owned(),
        }
    }

    /// Notes attached to a statement.
    pub fn notes_on(&self, target: NoteTarget) -> Vec<&'a Note> {
        self.project.notes_on(target).collect()
    }

    /// Language of a statement: its own, else its article's.
    pub fn language<'s>(&self, statement: &'s Statement) -> &'s str
    where
        'a: 's,
    {
        if statement.lang.is_empty() {
            self.article_of(statement).map_or("", |a| a.meta.language.as_str())
        } else {
            statement.lang.as_str()
        }
    }

    /// Number of visible statements of each kind: (official, unofficial, other).
    pub fn kind_counts(&self) -> (usize, usize, usize) {
        let visible = self.project.statements.values().filter(|s| s.is_visible());
        let (mut official, mut unofficial, mut other) = (0, 0, 0);
        for s in visible {
            match s.kind {
                Kind::Official => official += 1,
                Kind::Unofficial => unofficial += 1,
                Kind::Unclassified => other += 1,
            }
        }
        (official, unofficial, other)
    }

    /// What a note is about, in words.
    pub fn note_target(&self, note: &Note) -> String {
        match note.target {
            NoteTarget::Project => String::from("project"),
            NoteTarget::Article(id) => {
                let title = self.project.articles.get(&id).map_or("", |a| a.meta.title.as_str());
                format!("article A{id} {title}")
            }
            NoteTarget::Statement(id) => format!("statement S{id}"),
            NoteTarget::Question(id) => {
                let title = self.project.questions.get(&id).map_or("", |q| q.title.as_str());
                format!("question Q{id} {title}")
            }
        }
    }
}

fn block<'a>(
    project: &'a Project,
    question: Option<&'a Question>,
    belongs: impl Fn(&Statement) -> bool,
) -> QuestionBlock<'a> {
    let mut list: Vec<&Statement> =
        project.statements.values().filter(|s| s.is_visible() && belongs(s)).collect();
    list.sort_by_key(|s| (compare::article_sort_key(project, s.article).0, s.id));
    let pick = |kind: Kind| list.iter().copied().filter(|s| s.kind == kind).collect::<Vec<_>>();
    QuestionBlock {
        question,
        official: pick(Kind::Official),
        unofficial: pick(Kind::Unofficial),
        other: if question.is_some() { pick(Kind::Unclassified) } else { Vec::new() },
    }
}

/// True when `text` is mostly right-to-left script (Arabic, Hebrew …).
pub(crate) fn is_rtl(text: &str) -> bool {
    let mut rtl = 0;
    let mut ltr = 0;
    for c in text.chars() {
        if matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
        {
            rtl += 1;
        } else if c.is_alphabetic() {
            ltr += 1;
        }
    }
    rtl > ltr
}

/// Direction of a text for layout.
pub(crate) fn direction(text: &str) -> Direction {
    if is_rtl(text) { Direction::Rtl } else { Direction::Ltr }
}

/// A short form of a long text, for table cells that only point at it.
pub(crate) fn shorten(text: &str, max_chars: usize) -> String {
    let trimmed = text.trim();
    if trimmed.chars().count() <= max_chars {
        return trimmed.to_owned();
    }
    let cut: String = trimmed.chars().take(max_chars).collect();
    format!("{}…", cut.trim_end())
}

/// "1 statement", "3 statements".
pub(crate) fn statements_count(count: usize) -> String {
    if count == 1 { String::from("1 statement") } else { format!("{count} statements") }
}

/// Who speaks, and through whom: `"a State Department spokesperson (via Reuters)"`.
pub(crate) fn attribution(statement: &Statement) -> String {
    let speaker = statement.speaker.as_deref().unwrap_or("unattributed");
    if statement.via.is_empty() {
        speaker.to_owned()
    } else {
        format!("{speaker} (via {})", statement.via.join(" → "))
    }
}
