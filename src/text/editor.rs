//! The editor widget for notes, translations and editable fields, on cosmic-text's
//! `Editor`: typing, deleting, caret motion (Left/Right visual, as Arabic editors do;
//! Ctrl+Left/Right by words in the paragraph's direction; Home/End per visual line),
//! Shift-selection, mouse selection, clipboard, IME, undo.
//!
//! Undo is two-level: while the editor has focus, Ctrl+Z / Ctrl+Shift+Z walk its own
//! changes; when focus leaves, or after one second without typing, the new text is
//! handed to the caller once ([`EditorOutput::committed`]) to become one workspace
//! command, so the workspace history stays the single record.

use cosmic_text::{Action, Cursor, Edit as _, FontSystem, Motion, Selection as CtSelection};
use egui::{
    Event, EventFilter, Id, ImeEvent, Key, Modifiers, Pos2, Rect, Response, Sense, Stroke, Ui,
    WidgetInfo, pos2, vec2,
};

use super::editor_state::{EditKind, EditorState};
use super::engine::TextEngine;
use super::geometry;
use super::layout::LayoutOptions;
use super::offsets::{byte_of_char, normalize_for_editing};
use super::style::TextStyle;

/// Inner margin between frame and text, in points.
const MARGIN: egui::Vec2 = vec2(4.0, 2.0);
/// Uncommitted changes are committed after this long without edits.
const IDLE_COMMIT_SECS: f64 = 1.0;

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
    /// The current text, when it changed this frame (for live fields such as search).
    pub changed: Option<String>,
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
    let changed = (state.text != before).then(|| state.text.clone());
    if changed.is_some() {
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
    EditorOutput { response, committed, changed }
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
