//! The RON text of a project file: writing it (pretty, stable, readable Arabic) and
//! reading it (sniffing, version probe, migration, errors with line and column).

use std::borrow::Cow;
use std::path::Path;

use ron::ser::PrettyConfig;
use serde::Deserialize;

use super::StoreError;
use super::v0;
use crate::model::{CURRENT_VERSION, Project};

/// The project as pretty RON: four-space indent, `\n` line ends, fields in
/// declaration order and maps in id order, so the same project always gives the
/// same bytes. Arabic combining marks (harakat, shadda) are written as they are;
/// invisible and control characters (bidi marks, NUL, newlines) stay escaped.
pub fn to_ron_string(project: &Project) -> Result<String, StoreError> {
    serialize(project, Path::new(""))
}

/// Parse a project from RON text, migrating an older format version.
/// `path_for_messages` only names the file in errors.
pub fn from_ron_str(text: &str, path_for_messages: &Path) -> Result<Project, StoreError> {
    parse(text, path_for_messages).map(|(project, _)| project)
}

/// Serialize with `path` named in errors.
pub(crate) fn serialize(project: &Project, path: &Path) -> Result<String, StoreError> {
    let project: Cow<'_, Project> = if project.version == CURRENT_VERSION {
        Cow::Borrowed(project)
    } else {
        // A project in memory is always the current format; never write another number.
        Cow::Owned(Project { version: CURRENT_VERSION, ..project.clone() })
    };
    let config = PrettyConfig::new()
        .new_line("\n")
        .indentor("    ")
        .struct_names(false)
        .separate_tuple_members(false)
        .enumerate_arrays(false)
        .escape_strings(true);
    let text = ron::ser::to_string_pretty(project.as_ref(), config).map_err(|error| {
        StoreError::Serialize { message: error.to_string(), path: path.to_owned() }
    })?;
    Ok(compact_char_ranges(&unescape_printable_marks(text)))
}

/// Parse `text` as any supported version; returns the project and, when it was
/// migrated, the version it was migrated from.
pub(crate) fn parse(text: &str, path: &Path) -> Result<(Project, Option<u32>), StoreError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    sniff(text, path)?;
    let version = probe_version(text, path)?;
    match version {
        CURRENT_VERSION => {
            let project: Project = ron::from_str(text).map_err(|e| parse_error(&e, text, path))?;
            Ok((project, None))
        }
        0 => {
            let old: v0::ProjectV0 =
                ron::from_str(text).map_err(|e| parse_error(&e, text, path))?;
            Ok((old.migrate(), Some(0)))
        }
        found if found > CURRENT_VERSION => Err(StoreError::NewerVersion {
            found,
            supported: CURRENT_VERSION,
            path: path.to_owned(),
        }),
        found => Err(StoreError::NotAProject {
            reason: format!("file format version {found} was never used by TwoTrack"),
            path: path.to_owned(),
        }),
    }
}

/// Only the `version` field; everything else is skipped.
#[derive(Deserialize)]
#[serde(rename = "Project")]
struct VersionProbe {
    version: u32,
}

/// Read the format version before choosing the layout to deserialize: from the
/// file's head when it starts `(version: N` as TwoTrack writes it (no second
/// parse of a large file), otherwise with the probe struct.
fn probe_version(text: &str, path: &Path) -> Result<u32, StoreError> {
    if let Some(version) = leading_version(text) {
        return Ok(version);
    }
    match ron::from_str::<VersionProbe>(text) {
        Ok(probe) => Ok(probe.version),
        Err(error) => {
            if let ron::Error::MissingStructField { field: "version", .. } = error.code {
                return Err(StoreError::NotAProject {
                    reason: String::from("it has no `version` field"),
                    path: path.to_owned(),
                });
            }
            Err(parse_error(&error, text, path))
        }
    }
}

/// `N` from a file that starts `( version: N` (as TwoTrack writes it), without parsing
/// the rest.
fn leading_version(text: &str) -> Option<u32> {
    let rest = skip_blank_and_comments(text);
    let rest = rest.strip_prefix("Project").unwrap_or(rest);
    let rest = skip_blank_and_comments(rest).strip_prefix('(')?;
    let rest = skip_blank_and_comments(rest).strip_prefix("version")?;
    let rest = skip_blank_and_comments(rest).strip_prefix(':')?;
    let rest = skip_blank_and_comments(rest);
    let digits_end = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
    rest.get(..digits_end)?.parse().ok()
}

/// Reject text that cannot be a project before asking the RON parser, so the
/// message says what the file is rather than where RON gave up.
fn sniff(text: &str, path: &Path) -> Result<(), StoreError> {
    let not_a_project =
        |reason: &str| StoreError::NotAProject { reason: reason.to_owned(), path: path.to_owned() };
    if text.is_empty() {
        return Err(not_a_project("the file is empty"));
    }
    if text.contains('\0') {
        return Err(not_a_project("it contains binary data"));
    }
    let rest = skip_blank_and_comments(text);
    let Some(first) = rest.chars().next() else {
        return Err(not_a_project("the file contains only blank space or comments"));
    };
    let starts_like_ron = first == '('
        || rest
            .strip_prefix("Project")
            .is_some_and(|after| skip_blank_and_comments(after).starts_with('('));
    if starts_like_ron {
        return Ok(());
    }
    let reason = match first {
        '{' | '[' => "it starts with `{` or `[` (JSON?); a TwoTrack project starts with `(`",
        '<' => "it looks like HTML or XML; a TwoTrack project starts with `(`",
        _ => "it looks like plain text; a TwoTrack project starts with `(`",
    };
    Err(not_a_project(reason))
}

/// `text` without leading white space and RON comments.
fn skip_blank_and_comments(mut text: &str) -> &str {
    loop {
        text = text.trim_start();
        if let Some(rest) = text.strip_prefix("//") {
            text = rest.find('\n').and_then(|i| rest.get(i..)).unwrap_or("");
        } else if let Some(rest) = text.strip_prefix("/*") {
            text = rest.find("*/").and_then(|i| rest.get(i + 2..)).unwrap_or("");
        } else {
            return text;
        }
    }
}

/// A RON error as [`StoreError::Parse`] with its line and column; an error at the
/// very end of the text says the file was probably cut off.
fn parse_error(error: &ron::error::SpannedError, text: &str, path: &Path) -> StoreError {
    let (line, column) = (error.span.start.line, error.span.start.col);
    let last_line = text.rsplit('\n').next().unwrap_or_default();
    let end = (text.split('\n').count(), last_line.chars().count() + 1);
    let reaches_end = (error.span.end.line, error.span.end.col) >= end;
    let message = if reaches_end || (line, column) >= end {
        format!("the file ends too early, it may have been cut off ({})", error.code)
    } else {
        error.code.to_string()
    };
    StoreError::Parse { line, column, message, path: path.to_owned() }
}

/// Write each character range on one line, `range: (start: 4, end: 9),`, instead
/// of four: ranges are the most frequent structure in a project file. Strings never
/// span lines (newlines in them are escaped), so only real ranges match.
fn compact_char_ranges(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let lines: Vec<&str> = text.split('\n').collect();
    let mut index = 0;
    while let Some(&line) = lines.get(index) {
        if line.ends_with('(')
            && let Some(&[start, end, close]) = lines.get(index + 1..index + 4)
            && let Some(start) = field_number(start, "start")
            && let Some(end) = field_number(end, "end")
            && matches!(close.trim_start(), ")" | "),")
        {
            out.push_str(line);
            out.push_str("start: ");
            out.push_str(start);
            out.push_str(", end: ");
            out.push_str(end);
            out.push_str(close.trim_start());
            index += 4;
        } else {
            out.push_str(line);
            index += 1;
        }
        if index < lines.len() {
            out.push('\n');
        }
    }
    out
}

/// `N` from a line `    name: N,` where `N` is a non-negative integer.
fn field_number<'a>(line: &'a str, name: &str) -> Option<&'a str> {
    let value = line.trim_start().strip_prefix(name)?.strip_prefix(": ")?.strip_suffix(',')?;
    (!value.is_empty() && value.bytes().all(|b| b.is_ascii_digit())).then_some(value)
}

/// `ron` escapes every combining mark (`char::escape_debug`), which turns Arabic
/// harakat into `\u{651}`. Write the marks that are printable after a base letter
/// as themselves; invisible and control characters stay escaped.
fn unescape_printable_marks(text: String) -> String {
    const ESCAPE: &str = "\\u{";
    if !text.contains(ESCAPE) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(pos) = rest.find(ESCAPE) {
        let (before, from_escape) = rest.split_at(pos);
        out.push_str(before);
        // Outside strings ron writes no backslashes; inside, `\\` is an escaped
        // backslash. An odd run of backslashes ending here starts an escape.
        let run = before.bytes().rev().take_while(|&b| b == b'\\').count();
        let after_brace = from_escape.get(ESCAPE.len()..).unwrap_or_default();
        let decoded = after_brace
            .split_once('}')
            .filter(|_| run % 2 == 0)
            .and_then(|(hex, tail)| Some((u32::from_str_radix(hex, 16).ok()?, tail)))
            .and_then(|(code, tail)| Some((char::from_u32(code)?, tail)))
            .filter(|&(c, _)| is_printable_mark(c));
        if let Some((c, tail)) = decoded {
            out.push(c);
            rest = tail;
        } else {
            out.push_str(ESCAPE);
            rest = after_brace;
        }
    }
    out.push_str(rest);
    out
}

/// True for a character `escape_debug` escapes only because it is a combining mark:
/// after a base letter the standard library prints it as itself.
fn is_printable_mark(c: char) -> bool {
    let mut buf = [0_u8; 8];
    buf[0] = b'a';
    let len = 1 + c.encode_utf8(&mut buf[1..]).len();
    let Some(pair) = buf.get(..len).and_then(|b| std::str::from_utf8(b).ok()) else {
        return false;
    };
    pair.escape_debug().eq(pair.chars())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn harakat_are_written_literally_but_bidi_marks_stay_escaped() {
        let project = Project::new("دشّن أيضاً \u{200f}x\\u{651} \"q\"");
        let text = to_ron_string(&project).unwrap();
        assert!(text.contains("دشّن أيضاً \\u{200f}x\\\\u{651} \\\"q\\\""), "{text}");
        let back = from_ron_str(&text, Path::new("p.ron")).unwrap();
        assert_eq!(back, project);
    }

    #[test]
    fn char_ranges_take_one_line() {
        let text = "(\n    range: (\n        start: 4,\n        end: 19,\n    ),\n    x: (\n        start: 1,\n        end: b,\n    ),\n)";
        let compact = compact_char_ranges(text);
        assert_eq!(
            compact,
            "(\n    range: (start: 4, end: 19),\n    x: (\n        start: 1,\n        end: b,\n    ),\n)"
        );
    }

    #[test]
    fn leading_version_reads_only_the_head() {
        assert_eq!(leading_version("// c\n(\n    version: 7,\n  garbage ]"), Some(7));
        assert_eq!(leading_version("Project( version :12 )"), Some(12));
        assert_eq!(leading_version("(name: \"x\", version: 3)"), None);
    }

    #[test]
    fn sniff_names_what_the_file_looks_like() {
        let p = Path::new("x.ron");
        let reason = |t: &str| match sniff(t, p) {
            Err(StoreError::NotAProject { reason, .. }) => reason,
            other => panic!("{other:?}"),
        };
        assert!(reason("").contains("empty"));
        assert!(reason(" \n\t// only a comment\n").contains("blank"));
        assert!(reason("{\"version\": 1}").contains("JSON"));
        assert!(reason("<html>").contains("HTML"));
        assert!(reason("Moscow (Reuters) - ...").contains("plain text"));
        assert!(sniff("/* c */ Project (version: 1)", p).is_ok());
    }
}
