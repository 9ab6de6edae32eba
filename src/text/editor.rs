//! The editor widget for notes, translations and editable fields, on cosmic-text's
//! `Editor`: typing, deleting, caret motion (logical in the paragraph's direction,
//! Home/End per visual line), Shift-selection, mouse selection, clipboard, IME, undo.
//!
//! Undo is two-level: while the editor has focus, Ctrl+Z / Ctrl+Shift+Z walk its own
//! changes; when focus leaves, or after one second without typing, the new text is
//! handed to the caller once ([`EditorOutput::committed`]) to become one workspace
//! command, so the workspace history stays the single record.

use cosmic_text::{
    Action, Affinity, Buffer, Change, Cursor, Edit as _, Editor, FontSystem, Metrics, Motion,
    Selection as CtSelection, Shaping, Wrap,
};
use egui::{
    Event, EventFilter, Id, ImeEvent, Key, Modifiers, Pos2, Rect, Response, Sense, Stroke, Ui,
    WidgetInfo, pos2, vec2,
};

use super::engine::TextEngine;
use super::geometry;
use super::layout::LayoutOptions;
use super::offsets::{byte_of_char, normalize_for_editing};
use super::script::{FaceKind, attrs_for, attrs_list};
use super::style::{StyleKey, TextStyle};

/// Inner margin between frame and text, in points.
const MARGIN: egui::Vec2 = vec2(4.0, 2.0);
/// Uncommitted changes are committed after this long without edits.
const IDLE_COMMIT_SECS: f64 = 1.0;
/// Typing within this time of the previous keystroke joins its undo step.
const TYPING_GROUP_SECS: f64 = 1.0;
/// Undo steps kept per editor.
const MAX_UNDO: usize = 500;

/// Options for [`editor_ui`].
#[derive(Clone, Debug)]
pub struct EditorOptions<'a> {
    /// Accessible label ("Note", "Translation").
    pub label: &'a str,
    /// Shown greyed while empty.
    pub placeholder: &'a str,
    /// Multi-line (Enter inserts a newline) or single-line.
    pub multiline: bool,
    /// Look.
    pub style: TextStyle,
    /// Minimum height in text rows.
    pub min_rows: usize,
}

/// What an [`editor_ui`] did this frame.
#[derive(Debug)]
pub struct EditorOutput {
    /// The widget's response.
    pub response: Response,
    /// The edited text, when the edit is finished (focus left, or 1 s idle) and
    /// differs from the value passed in: apply it as one workspace command.
    pub committed: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum EditKind {
    Typing,
    Other,
}

/// Per-editor state kept in the engine.
#[derive(Debug)]
pub(crate) struct EditorState {
    pub(crate) last_frame: u64,
    editor: Editor<'static>,
    style: TextStyle,
    style_key: StyleKey,
    multiline: bool,
    /// The value last received from, or committed to, the caller.
    base: String,
    /// The editor's current text.
    text: String,
    undo: Vec<(Change, EditKind)>,
    redo: Vec<Change>,
    last_edit: f64,
    /// IME composition in progress (not part of undo).
    preedit: Option<(Cursor, Cursor)>,
    had_focus: bool,
    selecting: bool,
    /// Caret x kept across Up/Down presses.
    desired_x: Option<f32>,
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
    fn new(fs: &mut FontSystem, value: &str, style: &TextStyle, multiline: bool) -> Self {
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
    fn set_text(&mut self, fs: &mut FontSystem, text: &str) {
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

    fn set_style(&mut self, style: &TextStyle) {
        self.style = style.clone();
        if style.key() != self.style_key {
            self.style_key = style.key();
            let metrics = Metrics::new(style.font_size_pt(), style.line_height_pt());
            self.editor.with_buffer_mut(|b| b.set_metrics(metrics));
            self.refresh_attrs();
        }
    }

    /// Faces per script run, for every line (only changed lines are reshaped).
    fn refresh_attrs(&mut self) {
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

    fn is_dirty(&self) -> bool {
        self.text != self.base
    }

    /// Run a text change as one undo step.
    fn edit(
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

    fn changed(&mut self, now: f64) {
        self.refresh_attrs();
        self.text = self.editor.with_buffer(buffer_text);
        self.last_edit = now;
        self.desired_x = None;
    }

    fn undo(&mut self, now: f64) -> bool {
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

    fn redo(&mut self, now: f64) -> bool {
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
    fn insert(&mut self, fs: &mut FontSystem, now: f64, text: &str, kind: EditKind) -> bool {
        self.clear_preedit();
        let text = normalize_for_editing(text, self.multiline);
        if text.is_empty() && self.editor.selection_bounds().is_none() {
            return false;
        }
        self.edit(fs, now, kind, |e, _| e.insert_string(&text, None))
    }

    /// Remove the IME composition text without recording it.
    fn clear_preedit(&mut self) {
        if let Some((start, end)) = self.preedit.take() {
            self.editor.delete_range(start, end);
            self.editor.set_cursor(start);
            self.editor.set_selection(CtSelection::None);
            self.text = self.editor.with_buffer(buffer_text);
            self.refresh_attrs();
        }
    }

    /// Show IME composition text at the caret (replacing the previous one).
    fn set_preedit(&mut self, text: &str) {
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

    fn motion(&mut self, fs: &mut FontSystem, motion: Motion, extend: bool) {
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
            _ => self.editor.action(fs, Action::Motion(motion)),
        }
        if let CtSelection::Normal(anchor) = self.editor.selection()
            && anchor == self.editor.cursor()
        {
            self.editor.set_selection(CtSelection::None);
        }
    }

    /// The caret one visual line up or down, keeping its x.
    fn vertical(&mut self, cursor: Cursor, down: bool) -> Cursor {
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

    fn select_all(&mut self) {
        self.clear_preedit();
        let end = self.editor.with_buffer(end_cursor);
        self.editor.set_selection(CtSelection::Normal(Cursor::new(0, 0)));
        self.editor.set_cursor(end);
    }

    fn shape(&mut self, fs: &mut FontSystem, width: f32) {
        self.editor.with_buffer_mut(|b| {
            b.set_size(Some(width.max(1.0)), None);
            b.shape_until_scroll(fs, false);
        });
    }
}

/// Start (or end) of the visual line holding `cursor`, as a cursor.
fn visual_line_edge(buffer: &Buffer, cursor: Cursor, end: bool) -> Cursor {
    let runs: Vec<(usize, usize)> = buffer
        .layout_runs()
        .filter(|r| r.line_i == cursor.line)
        .map(|r| {
            let start = r.glyphs.iter().map(|g| g.start).min().unwrap_or(0);
            let stop = r.glyphs.iter().map(|g| g.end).max().unwrap_or(0);
            (start, stop)
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

/// A text editor for content text (notes, translations, fields).
pub fn editor_ui(
    ui: &mut Ui,
    engine: &mut TextEngine,
    id: Id,
    value: &str,
    options: &EditorOptions<'_>,
) -> EditorOutput {
    let mut state = engine.editors.remove(&id).unwrap_or_else(|| {
        EditorState::new(&mut engine.fs, value, &options.style, options.multiline)
    });
    state.last_frame = engine.frame();
    state.multiline = options.multiline;
    state.set_style(&options.style);
    let value = normalize_for_editing(value, options.multiline);
    if !state.is_dirty() && value != state.base {
        state.set_text(&mut engine.fs, &value);
        state.base.clone_from(&value);
        state.undo.clear();
        state.redo.clear();
    }

    let width = ui.available_width().max(40.0);
    let inner_width = width - 2.0 * MARGIN.x;
    state.shape(&mut engine.fs, inner_width);
    let line_height = options.style.line_height_pt();
    let text_height = state.editor.with_buffer(|b| {
        b.layout_runs().last().map_or(line_height, |r| r.line_top + r.line_height)
    });
    let min_height = line_height * options.min_rows.max(1) as f32;
    let height = text_height.max(min_height) + 2.0 * MARGIN.y;
    let (_, rect) = ui.allocate_space(vec2(width, height));
    let mut response =
        ui.interact(rect, id, Sense::click_and_drag()).on_hover_cursor(egui::CursorIcon::Text);
    let origin = rect.min + MARGIN;

    let now = ui.input(|i| i.time);
    let before = state.text.clone();
    pointer(ui, &mut state, &response, origin);
    let focused = response.has_focus();
    if focused {
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                id,
                EventFilter {
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    ..EventFilter::default()
                },
            );
        });
        keyboard(ui, engine, &mut state, id, now);
        state.shape(&mut engine.fs, inner_width);
    }
    if state.text != before {
        response.mark_changed();
    }

    let mut committed = None;
    let lost_focus = state.had_focus && !response.has_focus();
    state.had_focus = response.has_focus();
    if lost_focus {
        state.clear_preedit();
    }
    if state.is_dirty() && state.preedit.is_none() {
        let idle = now - state.last_edit;
        if lost_focus || idle >= IDLE_COMMIT_SECS {
            state.base.clone_from(&state.text);
            committed = Some(state.text.clone());
        } else {
            ui.ctx().request_repaint_after_secs((IDLE_COMMIT_SECS - idle) as f32);
        }
    }

    paint(ui, engine, &state, options, rect, origin, response.has_focus());
    let (enabled, text, prev) = (ui.is_enabled(), state.text.clone(), before);
    let placeholder = options.placeholder.to_owned();
    let label = options.label.to_owned();
    response.widget_info(|| {
        let mut info = WidgetInfo::text_edit(enabled, &prev, &text, &placeholder);
        info.label = Some(label.clone());
        info
    });
    let multiline = options.multiline;
    ui.ctx().accesskit_node_builder(id, |node| {
        node.set_role(if multiline {
            egui::accesskit::Role::MultilineTextInput
        } else {
            egui::accesskit::Role::TextInput
        });
    });
    engine.editors.insert(id, state);
    EditorOutput { response, committed }
}

/// Mouse: click places the caret, drag selects, double-click a word, triple-click the
/// line; Shift+click extends.
fn pointer(ui: &Ui, state: &mut EditorState, response: &Response, origin: Pos2) {
    let (pos, pressed, down, shift) = ui.input(|i| {
        (
            i.pointer.interact_pos(),
            i.pointer.primary_pressed(),
            i.pointer.primary_down(),
            i.modifiers.shift,
        )
    });
    let Some(pos) = pos else { return };
    let local = pos - origin;
    let hit = |state: &EditorState| state.editor.with_buffer(|b| b.hit(local.x, local.y.max(0.0)));
    if pressed && response.hovered() {
        response.request_focus();
        state.clear_preedit();
        if let Some(cursor) = hit(state) {
            if shift {
                if state.editor.selection() == CtSelection::None {
                    let old = state.editor.cursor();
                    state.editor.set_selection(CtSelection::Normal(old));
                }
            } else {
                state.editor.set_selection(CtSelection::None);
            }
            state.editor.set_cursor(cursor);
            state.selecting = true;
            state.desired_x = None;
        }
    } else if state.selecting
        && down
        && response.dragged()
        && let Some(cursor) = hit(state)
        && cursor != state.editor.cursor()
    {
        if state.editor.selection() == CtSelection::None {
            let old = state.editor.cursor();
            state.editor.set_selection(CtSelection::Normal(old));
        }
        state.editor.set_cursor(cursor);
    }
    if !down {
        state.selecting = false;
    }
    if response.triple_clicked() {
        let cursor = state.editor.cursor();
        state.editor.set_selection(CtSelection::Line(cursor));
    } else if response.double_clicked() {
        let cursor = state.editor.cursor();
        state.editor.set_selection(CtSelection::Word(cursor));
    }
}

/// Keyboard and IME while focused.
fn keyboard(ui: &Ui, engine: &mut TextEngine, state: &mut EditorState, id: Id, now: f64) {
    let filter =
        EventFilter { horizontal_arrows: true, vertical_arrows: true, ..EventFilter::default() };
    let events = ui.input(|i| i.filtered_events(&filter));
    let fs = &mut engine.fs;
    for event in &events {
        match event {
            Event::Text(t) if t != "\n" && t != "\r" => {
                state.insert(fs, now, t, EditKind::Typing);
            }
            Event::Paste(t) => {
                state.insert(fs, now, t, EditKind::Other);
            }
            Event::Copy => {
                if let Some(t) = state.editor.copy_selection() {
                    ui.ctx().copy_text(t);
                }
            }
            Event::Cut => {
                if let Some(t) = state.editor.copy_selection() {
                    ui.ctx().copy_text(t);
                    state.edit(fs, now, EditKind::Other, |e, _| {
                        e.delete_selection();
                    });
                }
            }
            Event::Ime(ime) => ime_event(fs, state, ime, now),
            Event::Key { key, pressed: true, modifiers, .. }
                if !key_event(ui, fs, state, id, *key, *modifiers, now) =>
            {
                break;
            }
            _ => {}
        }
    }
}

fn ime_event(fs: &mut FontSystem, state: &mut EditorState, ime: &ImeEvent, now: f64) {
    match ime {
        ImeEvent::Preedit { text, .. } => {
            if text == "\n" || text == "\r" {
                return;
            }
            state.set_preedit(text);
        }
        ImeEvent::Commit(text) => {
            if text == "\n" || text == "\r" {
                return;
            }
            state.insert(fs, now, text, EditKind::Typing);
        }
        ImeEvent::DeleteSurrounding { before_chars, after_chars } => {
            state.clear_preedit();
            let cursor = state.editor.cursor();
            let Some(line) =
                state.editor.with_buffer(|b| b.lines.get(cursor.line).map(|l| l.text().to_owned()))
            else {
                return;
            };
            let head = line.get(..cursor.index).unwrap_or("");
            let tail = line.get(cursor.index..).unwrap_or("");
            let head_chars = head.chars().count();
            let start = byte_of_char(head, head_chars.saturating_sub(*before_chars));
            let end = cursor.index + byte_of_char(tail, *after_chars);
            state.edit(fs, now, EditKind::Other, |e, _| {
                e.delete_range(Cursor::new(cursor.line, start), Cursor::new(cursor.line, end));
                e.set_cursor(Cursor::new(cursor.line, start));
            });
        }
        #[expect(deprecated, reason = "egui still has the variants")]
        ImeEvent::Enabled | ImeEvent::Disabled => {}
    }
}

/// One key press; returns `false` when focus was given up.
fn key_event(
    ui: &Ui,
    fs: &mut FontSystem,
    state: &mut EditorState,
    id: Id,
    key: Key,
    modifiers: Modifiers,
    now: f64,
) -> bool {
    let word = modifiers.command || modifiers.alt;
    let shift = modifiers.shift;
    match key {
        Key::Enter if state.multiline && !modifiers.command => {
            state.insert(fs, now, "\n", EditKind::Other);
        }
        Key::Enter => {
            ui.memory_mut(|m| m.surrender_focus(id));
            return false;
        }
        Key::Escape => {
            if state.editor.selection_bounds().is_some() {
                state.editor.set_selection(CtSelection::None);
            } else {
                ui.memory_mut(|m| m.surrender_focus(id));
                return false;
            }
        }
        Key::Backspace | Key::Delete => {
            state.clear_preedit();
            let back = key == Key::Backspace;
            state.edit(fs, now, EditKind::Other, |e, fs| {
                if word && e.selection_bounds().is_none() {
                    e.set_selection(CtSelection::Normal(e.cursor()));
                    let motion = if back { Motion::PreviousWord } else { Motion::NextWord };
                    e.action(fs, Action::Motion(motion));
                }
                if e.selection_bounds().is_some() {
                    e.delete_selection();
                } else {
                    e.action(fs, if back { Action::Backspace } else { Action::Delete });
                }
            });
        }
        Key::ArrowLeft => {
            state.motion(fs, if word { Motion::LeftWord } else { Motion::Left }, shift);
        }
        Key::ArrowRight => {
            state.motion(fs, if word { Motion::RightWord } else { Motion::Right }, shift);
        }
        Key::ArrowUp => state.motion(fs, Motion::Up, shift),
        Key::ArrowDown => state.motion(fs, Motion::Down, shift),
        Key::Home => state.motion(fs, if word { Motion::BufferStart } else { Motion::Home }, shift),
        Key::End => state.motion(fs, if word { Motion::BufferEnd } else { Motion::End }, shift),
        Key::A if modifiers.command => state.select_all(),
        Key::Z if modifiers.command && shift => {
            state.redo(now);
        }
        Key::Z if modifiers.command => {
            state.clear_preedit();
            state.undo(now);
        }
        Key::Y if modifiers.command => {
            state.redo(now);
        }
        _ => {}
    }
    true
}

/// Frame, selection, text (or placeholder), IME underline, caret.
fn paint(
    ui: &Ui,
    engine: &mut TextEngine,
    state: &EditorState,
    options: &EditorOptions<'_>,
    rect: Rect,
    origin: Pos2,
    focused: bool,
) {
    if !ui.is_rect_visible(rect) {
        return;
    }
    let visuals = ui.visuals();
    let stroke =
        if focused { visuals.selection.stroke } else { visuals.widgets.inactive.bg_stroke };
    ui.painter().rect(
        rect,
        visuals.widgets.inactive.corner_radius,
        visuals.text_edit_bg_color(),
        stroke,
        egui::StrokeKind::Inside,
    );
    let painter = ui.painter().with_clip_rect(rect.shrink(1.0));
    let buffer_width = state.editor.with_buffer(|b| b.size().0);
    if let Some((start, end)) = state.editor.selection_bounds() {
        let fill = if focused {
            visuals.selection.bg_fill
        } else {
            visuals.selection.bg_fill.gamma_multiply(0.5)
        };
        let segments =
            state.editor.with_buffer(|b| geometry::segments(b, start, end, usize::MAX, None));
        for s in segments {
            painter.rect_filled(
                Rect::from_min_max(origin + vec2(s.x0, s.top), origin + vec2(s.x1, s.bottom)),
                0.0,
                fill,
            );
        }
    }
    if state.text.is_empty() && !options.placeholder.is_empty() {
        let style = options.style.with_color(visuals.weak_text_color());
        let layout = engine.layout_with(
            options.placeholder,
            &style,
            &LayoutOptions { width: buffer_width, ..LayoutOptions::wrapped(buffer_width) },
        );
        let x = if layout.is_rtl() {
            origin.x + buffer_width.unwrap_or(0.0) - layout.size().x
        } else {
            origin.x
        };
        engine.paint(&painter, pos2(x, origin.y), &layout);
    } else {
        state.editor.with_buffer(|b| {
            engine.paint_buffer(&painter, origin, b, options.style.color, usize::MAX);
        });
    }
    if let Some((start, end)) = state.preedit {
        let segments =
            state.editor.with_buffer(|b| geometry::segments(b, start, end, usize::MAX, None));
        for s in segments {
            let y = origin.y + s.baseline + options.style.font_size_pt() * 0.2;
            painter.line_segment(
                [pos2(origin.x + s.x0, y), pos2(origin.x + s.x1, y)],
                Stroke::new(1.0, options.style.color),
            );
        }
    }
    if focused
        && let Some((x, top, height)) =
            state.editor.with_buffer(|b| geometry::caret(b, state.editor.cursor(), None))
    {
        let x = origin.x + x;
        let caret = Rect::from_min_max(pos2(x, origin.y + top), pos2(x, origin.y + top + height));
        painter
            .line_segment([caret.center_top(), caret.center_bottom()], visuals.text_cursor.stroke);
        let to_global = ui.ctx().layer_transform_to_global(ui.layer_id()).unwrap_or_default();
        ui.output_mut(|o| {
            o.ime = Some(egui::output::IMEOutput {
                purpose: egui::IMEPurpose::Normal,
                rect: to_global * rect,
                cursor_rect: to_global * caret,
                should_interrupt_composition: false,
            });
        });
    }
}
