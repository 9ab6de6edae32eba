//! The project's data model: plain data, no UI, no file I/O.
//!
//! Everything here derives `serde` and uses ordered containers so project files and
//! screenshots are stable. Positions in article text are **character offsets**
//! (Unicode scalar values) into [`Article::text`].

mod article;
mod ids;
mod note;
mod project;
mod span;
mod statement;

pub use article::{
    Article, ArticleMeta, Direction, Paragraph, ParagraphRole, PubDate, SourceFormat, SourceInfo,
};
pub use ids::{ArticleId, LinkId, NoteId, QuestionId, StatementId};
pub use note::{Link, LinkKind, NamePair, Note, NoteTarget, Question};
pub use project::{CURRENT_VERSION, ClusterOverride, Project};
pub use span::{CONTEXT_CHARS, CharRange, TextSpan, char_slice, char_to_byte};
pub use statement::{Kind, Origin, Review, Statement};
