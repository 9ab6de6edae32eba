//! The state behind one editor widget: cosmic-text's `Editor` over the note's buffer,
//! the value last agreed with the caller, the editor's own undo and redo steps, and the
//! IME composition in progress. Kept in the engine between frames, keyed by id.

use cosmic_text::{
    Action, Affinity, Buffer, Change, Cursor, Edit as _, Editor, FontSystem, Metrics, Motion,
    Selection as CtSelection, Shaping, Wrap,
};

use super::offsets::normalize_for_editing;
use super::script::{FaceKind, attrs_for, attrs_list};
use super::style::{StyleKey, TextStyle};
use super::{caret, geometry};

/// Typing within this time of the previous keystroke joins its undo step.
const TYPING_GROUP_SECS: f64 = 1.0;
/// Undo steps kept per editor.
const MAX_UNDO: usize = 500;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum EditKind {
    Typing,
    Other,
}

/// Per-editor state kept in the engine.
#[derive(Debug)]
pub(crate) struct EditorState {
    pub(crate) last_frame: u64,
    pub(crate) editor: Editor<'static>,
    pub(crate) style: TextStyle,
    pub(crate) style_key: StyleKey,
    pub(crate) multiline: bool,
    /// The value last received from, or committed to, the caller.
    pub(crate) base: String,
    /// The editor's current text.
    pub(crate) text: String,
    pub(crate) undo: Vec<(Change, EditKind)>,
    pub(crate) redo: Vec<Change>,
    pub(crate) last_edit: f64,
    /// IME composition in progress (not part of undo).
    pub(crate) preedit: Option<(Cursor, Cursor)>,
    pub(crate) had_focus: bool,
    pub(crate) selecting: bool,
    /// Caret x kept across Up/Down presses.
    pub(crate) desired_x: Option<f32>,
}

/// The buffer's text, lines joined by `\n`.
fn buffer_text(buffer: &Buffer) -> String {
    let mut out = String::new();
    for (i, line) in buffer.lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(line.text());
    }
    out
}

fn end_cursor(buffer: &Buffer) -> Cursor {
    let line = buffer.lines.len().saturating_sub(1);
    let index = buffer.lines.get(line).map_or(0, |l| l.text().len());
    Cursor::new(line, index)
}

impl EditorState {
    pub(crate) fn new(
        fs: &mut FontSystem,
        value: &str,
        style: &TextStyle,
        multiline: bool,
    ) -> Self {
        let metrics = Metrics::new(style.font_size_pt(), style.line_height_pt());
        let mut buffer = Buffer::new_empty(metrics);
        buffer.set_wrap(Wrap::WordOrGlyph);
        let mut state = Self {
            last_frame: 0,
            editor: Editor::new(buffer),
            style: style.clone(),
            style_key: style.key(),
            multiline,
            base: String::new(),
            text: String::new(),
            undo: Vec::new(),
            redo: Vec::new(),
            last_edit: 0.0,
            preedit: None,
            had_focus: false,
            selecting: false,
            desired_x: None,
        };
        let value = normalize_for_editing(value, multiline);
        state.set_text(fs, &value);
        state.base = value;
        state
    }

    /// Replace the whole text (an outside change), caret at the end.
    pub(crate) fn set_text(&mut self, fs: &mut FontSystem, text: &str) {
        let attrs = attrs_for(FaceKind::Latin, &self.style);
        self.editor.with_buffer_mut(|b| {
            b.set_text(text, &attrs, Shaping::Advanced, None);
            b.shape_until_scroll(fs, false);
        });
        self.refresh_attrs();
        let end = self.editor.with_buffer(end_cursor);
        self.editor.set_selection(CtSelection::None);
        self.editor.set_cursor(end);
        text.clone_into(&mut self.text);
        self.preedit = None;
    }

    pub(crate) fn set_style(&mut self, style: &TextStyle) {
        self.style = style.clone();
        if style.key() != self.style_key {
            self.style_key = style.key();
            let metrics = Metrics::new(style.font_size_pt(), style.line_height_pt());
            self.editor.with_buffer_mut(|b| b.set_metrics(metrics));
            self.refresh_attrs();
        }
    }

    /// Faces per script run, for every line (only changed lines are reshaped).
    pub(crate) fn refresh_attrs(&mut self) {
        let style = self.style.clone();
        self.editor.with_buffer_mut(|b| {
            for line in &mut b.lines {
                let list = attrs_list(line.text(), &style);
                line.set_attrs_list(list);
            }
        });
    }

    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    /// The text, if it differs from the last committed value; it counts as committed
    /// from now on.
    pub(crate) fn take_uncommitted(&mut self) -> Option<String> {
        if !self.is_dirty() {
            return None;
        }
        self.clear_preedit();
        self.base.clone_from(&self.text);
        Some(self.text.clone())
    }

    pub(crate) fn is_dirty(&self) -> bool {
        self.text != self.base
    }

    /// Run a text change as one undo step.
    pub(crate) fn edit(
        &mut self,
        fs: &mut FontSystem,
        now: f64,
        kind: EditKind,
        f: impl FnOnce(&mut Editor<'static>, &mut FontSystem),
    ) -> bool {
        self.editor.start_change();
        f(&mut self.editor, fs);
        let Some(change) = self.editor.finish_change().filter(|c| !c.items.is_empty()) else {
            return false;
        };
        let joins = kind == EditKind::Typing
            && now - self.last_edit < TYPING_GROUP_SECS
            && self.undo.last().is_some_and(|(_, k)| *k == EditKind::Typing);
        match self.undo.last_mut() {
            Some((last, _)) if joins => last.items.extend(change.items),
            _ => self.undo.push((change, kind)),
        }
        if self.undo.len() > MAX_UNDO {
            self.undo.remove(0);
        }
        self.redo.clear();
        self.changed(now);
        true
    }

    pub(crate) fn changed(&mut self, now: f64) {
        self.refresh_attrs();
        self.text = self.editor.with_buffer(buffer_text);
        self.last_edit = now;
        self.desired_x = None;
    }

    pub(crate) fn undo(&mut self, now: f64) -> bool {
        let Some((change, _)) = self.undo.pop() else {
            return false;
        };
        let mut reversed = change.clone();
        reversed.reverse();
        self.editor.set_selection(CtSelection::None);
        self.editor.apply_change(&reversed);
        self.redo.push(change);
        self.changed(now);
        true
    }

    pub(crate) fn redo(&mut self, now: f64) -> bool {
        let Some(change) = self.redo.pop() else {
            return false;
        };
        self.editor.set_selection(CtSelection::None);
        self.editor.apply_change(&change);
        self.undo.push((change, EditKind::Other));
        self.changed(now);
        true
    }

    /// Insert `text` at the caret, replacing the selection (and any IME composition).
    pub(crate) fn insert(
        &mut self,
        fs: &mut FontSystem,
        now: f64,
        text: &str,
        kind: EditKind,
    ) -> bool {
        self.clear_preedit();
        let text = normalize_for_editing(text, self.multiline);
        if text.is_empty() && self.editor.selection_bounds().is_none() {
            return false;
        }
        self.edit(fs, now, kind, |e, _| e.insert_string(&text, None))
    }

    /// Remove the IME composition text without recording it.
    pub(crate) fn clear_preedit(&mut self) {
        if let Some((start, end)) = self.preedit.take() {
            self.editor.delete_range(start, end);
            self.editor.set_cursor(start);
            self.editor.set_selection(CtSelection::None);
            self.text = self.editor.with_buffer(buffer_text);
            self.refresh_attrs();
        }
    }

    /// Show IME composition text at the caret (replacing the previous one).
    pub(crate) fn set_preedit(&mut self, text: &str) {
        self.clear_preedit();
        if self.editor.selection_bounds().is_some() {
            self.editor.delete_selection();
        }
        let text = normalize_for_editing(text, false);
        if text.is_empty() {
            return;
        }
        let start = self.editor.cursor();
        let end = self.editor.insert_at(start, &text, None);
        self.editor.set_cursor(end);
        self.preedit = Some((start, end));
        self.text = self.editor.with_buffer(buffer_text);
        self.refresh_attrs();
    }

    pub(crate) fn motion(&mut self, fs: &mut FontSystem, motion: Motion, extend: bool) {
        self.clear_preedit();
        let cursor = self.editor.cursor();
        if extend {
            if self.editor.selection() == CtSelection::None {
                self.editor.set_selection(CtSelection::Normal(cursor));
            }
        } else {
            self.editor.set_selection(CtSelection::None);
        }
        if !matches!(motion, Motion::Up | Motion::Down) {
            self.desired_x = None;
        }
        match motion {
            Motion::Home | Motion::End => {
                let target =
                    self.editor.with_buffer(|b| visual_line_edge(b, cursor, motion == Motion::End));
                self.editor.set_cursor(target);
            }
            Motion::Up | Motion::Down => {
                let target = self.vertical(cursor, motion == Motion::Down);
                self.editor.set_cursor(target);
            }
            Motion::Left | Motion::Right => {
                let right = motion == Motion::Right;
                let target = self.editor.with_buffer(|b| caret::visual_step(b, cursor, right));
                self.editor.set_cursor(target);
            }
            _ => self.editor.action(fs, Action::Motion(motion)),
        }
        if let CtSelection::Normal(anchor) = self.editor.selection()
            && anchor == self.editor.cursor()
        {
            self.editor.set_selection(CtSelection::None);
        }
    }

    /// The caret one visual line up or down, keeping its x.
    pub(crate) fn vertical(&mut self, cursor: Cursor, down: bool) -> Cursor {
        let Some((x, top, height)) = self.editor.with_buffer(|b| geometry::caret(b, cursor, None))
        else {
            return cursor;
        };
        let x = *self.desired_x.get_or_insert(x);
        let y = if down { top + height * 1.5 } else { top - height * 0.5 };
        let total = self
            .editor
            .with_buffer(|b| b.layout_runs().last().map_or(0.0, |r| r.line_top + r.line_height));
        if y < 0.0 {
            return Cursor::new(0, 0);
        }
        if y >= total {
            return self.editor.with_buffer(end_cursor);
        }
        self.editor.with_buffer(|b| b.hit(x, y)).unwrap_or(cursor)
    }

    pub(crate) fn select_all(&mut self) {
        self.clear_preedit();
        let end = self.editor.with_buffer(end_cursor);
        self.editor.set_selection(CtSelection::Normal(Cursor::new(0, 0)));
        self.editor.set_cursor(end);
    }

    pub(crate) fn shape(&mut self, fs: &mut FontSystem, width: f32) {
        self.editor.with_buffer_mut(|b| {
            b.set_size(Some(width.max(1.0)), None);
            b.shape_until_scroll(fs, false);
        });
    }
}

/// Start (or end) of the visual line holding `cursor`, as a cursor.
pub(crate) fn visual_line_edge(buffer: &Buffer, cursor: Cursor, end: bool) -> Cursor {
    let runs: Vec<(usize, usize)> = buffer
        .layout_runs()
        .filter(|r| r.line_i == cursor.line)
        .map(|r| {
            let span = geometry::RunSpan::of(&r);
            (span.start, span.end)
        })
        .collect();
    let line_len = buffer.lines.get(cursor.line).map_or(0, |l| l.text().len());
    let index = cursor.index;
    let current = runs
        .iter()
        .position(|&(a, b)| {
            index >= a && (index < b || (index == b && cursor.affinity == Affinity::Before))
        })
        .or_else(|| (!runs.is_empty()).then(|| runs.len() - 1))
        .and_then(|i| runs.get(i).copied());
    let Some((start, stop)) = current else {
        return Cursor::new(cursor.line, if end { line_len } else { 0 });
    };
    if end {
        Cursor::new_with_affinity(cursor.line, stop, Affinity::Before)
    } else {
        Cursor::new_with_affinity(cursor.line, start, Affinity::After)
    }
}
