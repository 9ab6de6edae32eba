//! Typed ids for the things a project holds.

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub u64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

id_type!(
    /// Identifies an [`crate::model::Article`] within a project.
    ArticleId
);
id_type!(
    /// Identifies a [`crate::model::Statement`] within a project.
    StatementId
);
id_type!(
    /// Identifies a [`crate::model::Question`] within a project.
    QuestionId
);
id_type!(
    /// Identifies a [`crate::model::Link`] within a project.
    LinkId
);
id_type!(
    /// Identifies a [`crate::model::Note`] within a project.
    NoteId
);
