//! The bilingual name table editor (Lavrov ↔ لافروف): the analyst's own entries
//! in [`crate::model::Project::name_table`], edited through
//! [`Command::SetNameTable`] (one undo step per change), above the built-in
//! names from `assets/names.ron`, which are shown read-only.

use std::sync::OnceLock;

use egui::{Id, Ui};

use crate::command::Command;
use crate::model::NamePair;
use crate::text::{self, EditorOptions};
use crate::ui::{PanelCtx, theme, widgets};

/// Width of one spelling field.
const FIELD_WIDTH: f32 = 170.0;
/// Height of a built-in name row.
const BUILT_IN_ROW: f32 = 22.0;

/// Drafts of the name table window.
#[derive(Debug, Default)]
pub struct NameEditorState {
    /// The new entry's spellings as typed.
    pub draft: [String; 2],
    /// Bumped after an entry is added, so the draft fields start empty.
    generation: u64,
    /// Filter of the built-in list.
    pub built_in_filter: String,
}

/// `table` with spelling `k` of entry `entry` replaced by `value` (removed when
/// empty; an entry left without spellings goes).
#[must_use]
pub fn with_spelling(table: &[NamePair], entry: usize, k: usize, value: &str) -> Vec<NamePair> {
    let mut table = table.to_vec();
    let value = value.trim();
    if let Some(pair) = table.get_mut(entry) {
        if value.is_empty() {
            if k < pair.names.len() {
                pair.names.remove(k);
            }
        } else if let Some(slot) = pair.names.get_mut(k) {
            value.clone_into(slot);
        } else {
            pair.names.push(value.to_owned());
        }
        if pair.names.is_empty() {
            table.remove(entry);
        }
    }
    table
}

/// `table` with a new entry of the non-empty `spellings`, or `None` when there is
/// nothing to add or the same entry exists.
#[must_use]
pub fn with_entry(table: &[NamePair], spellings: &[String]) -> Option<Vec<NamePair>> {
    let names: Vec<String> =
        spellings.iter().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect();
    if names.is_empty() || table.iter().any(|p| p.names == names) {
        return None;
    }
    let mut table = table.to_vec();
    table.push(NamePair { names });
    Some(table)
}

fn built_in() -> &'static [NamePair] {
    static TABLE: OnceLock<Vec<NamePair>> = OnceLock::new();
    TABLE.get_or_init(crate::compare::default_name_table)
}

/// The name table window.
pub fn name_table_window(ctx: &egui::Context, pctx: &mut PanelCtx<'_>) {
    let mut open = pctx.state.claims_view.names_open;
    egui::Window::new("Name table")
        .open(&mut open)
        .default_width(560.0)
        .default_height(520.0)
        .resizable(true)
        .show(ctx, |ui| {
            ui.label(
                "Spellings of one name in several languages. Claims whose reports name the \
                 same people, places and organisations in different languages are matched \
                 through this table.",
            );
            ui.separator();
            own_entries_ui(ui, pctx);
            ui.separator();
            add_entry_ui(ui, pctx);
            ui.separator();
            built_in_ui(ui, pctx);
        });
    pctx.state.claims_view.names_open = open;
}

fn spelling_editor(
    ui: &mut Ui,
    pctx: &mut PanelCtx<'_>,
    id: Id,
    value: &str,
    label: &str,
) -> text::EditorOutput {
    ui.allocate_ui(egui::vec2(FIELD_WIDTH, 26.0), |ui| {
        ui.set_max_width(FIELD_WIDTH);
        let output = text::editor_ui(
            ui,
            pctx.text,
            id,
            value,
            &EditorOptions {
                label,
                placeholder: label,
                multiline: false,
                style: theme::editor_style(ui.visuals()),
                min_rows: 1,
            },
        );
        if output.response.has_focus() {
            pctx.state.editor_focused = true;
        }
        output
    })
    .inner
}

fn own_entries_ui(ui: &mut Ui, pctx: &mut PanelCtx<'_>) {
    let table = &pctx.project.name_table;
    ui.strong(format!("Your names ({})", table.len()));
    if table.is_empty() {
        ui.weak("None yet: add one below.");
        return;
    }
    let mut change: Option<(String, Vec<NamePair>)> = None;
    egui::ScrollArea::vertical().id_salt("own_names").max_height(200.0).show(ui, |ui| {
        for (entry, pair) in table.iter().enumerate() {
            ui.horizontal(|ui| {
                for k in 0..=pair.names.len() {
                    let value = pair.names.get(k).map_or("", String::as_str);
                    // The value is part of the id: an undo shows the restored text.
                    let id = Id::unique(("name_spelling", entry, k, value));
                    let label = if k < pair.names.len() {
                        format!("Name {} spelling {}", entry + 1, k + 1)
                    } else {
                        format!("Name {} another spelling", entry + 1)
                    };
                    let output = spelling_editor(ui, pctx, id, value, &label);
                    if let Some(text) = output.committed
                        && text.trim() != value
                    {
                        change = Some(("Edit name".into(), with_spelling(table, entry, k, &text)));
                    }
                }
                let first = pair.names.first().map_or("", String::as_str);
                let remove = ui.small_button("✕").on_hover_text("Remove this name");
                let label = format!("Remove name {first}");
                remove.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
                if remove.clicked() {
                    let mut rest = table.clone();
                    rest.remove(entry);
                    change = Some(("Remove name".into(), rest));
                }
            });
        }
    });
    if let Some((label, table)) = change {
        pctx.sender.command(label, Command::SetNameTable(table));
    }
}

fn add_entry_ui(ui: &mut Ui, pctx: &mut PanelCtx<'_>) {
    ui.strong("Add a name");
    let generation = pctx.state.claims_view.names.generation;
    ui.horizontal(|ui| {
        for (k, label) in ["New name", "Other spelling"].into_iter().enumerate() {
            let id = Id::unique(("new_name", k, generation));
            let value = pctx.state.claims_view.names.draft.get(k).cloned().unwrap_or_default();
            let output = spelling_editor(ui, pctx, id, &value, label);
            if let Some(text) = output.changed.or(output.committed)
                && let Some(slot) = pctx.state.claims_view.names.draft.get_mut(k)
            {
                *slot = text;
            }
        }
        let names = &pctx.state.claims_view.names;
        let table = with_entry(&pctx.project.name_table, &names.draft);
        if ui
            .add_enabled(table.is_some(), egui::Button::new("Add name"))
            .on_hover_text("e.g. Lavrov and لافروف")
            .clicked()
            && let Some(table) = table
        {
            pctx.sender.command("Add name", Command::SetNameTable(table));
            let names = &mut pctx.state.claims_view.names;
            names.draft = Default::default();
            names.generation += 1;
        }
    });
}

fn built_in_ui(ui: &mut Ui, pctx: &mut PanelCtx<'_>) {
    let all = built_in();
    ui.horizontal(|ui| {
        ui.strong(format!("Built-in names ({})", all.len()));
        ui.weak("from assets/names.ron, read-only");
    });
    let filter_value = pctx.state.claims_view.names.built_in_filter.clone();
    let output = spelling_editor(
        ui,
        pctx,
        Id::unique("built_in_names_filter"),
        &filter_value,
        "Filter built-in names",
    );
    if let Some(text) = output.changed.or(output.committed) {
        pctx.state.claims_view.names.built_in_filter = text;
    }
    let folded = crate::analysis::fold(pctx.state.claims_view.names.built_in_filter.trim());
    let shown: Vec<&NamePair> = all
        .iter()
        .filter(|p| {
            folded.is_empty() || p.names.iter().any(|n| crate::analysis::fold(n).contains(&folded))
        })
        .collect();
    let style = theme::row_style(ui.visuals());
    egui::ScrollArea::vertical().id_salt("built_in_names").auto_shrink([false, true]).show_rows(
        ui,
        BUILT_IN_ROW,
        shown.len(),
        |ui, range| {
            for pair in shown.get(range).unwrap_or_default() {
                ui.allocate_ui(egui::vec2(ui.available_width(), BUILT_IN_ROW), |ui| {
                    widgets::one_line(ui, pctx.text, &pair.names.join("  ↔  "), &style);
                });
            }
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(names: &[&str]) -> NamePair {
        NamePair { names: names.iter().map(|&n| n.to_owned()).collect() }
    }

    #[test]
    fn spellings_are_replaced_added_and_removed() {
        let table = vec![pair(&["Lavrov", "لافروف"]), pair(&["Kyiv"])];
        assert_eq!(with_spelling(&table, 0, 1, " لافروف "), table);
        assert_eq!(with_spelling(&table, 1, 1, "كييف")[1], pair(&["Kyiv", "كييف"]));
        assert_eq!(
            with_spelling(&table, 0, 0, "Sergei Lavrov")[0],
            pair(&["Sergei Lavrov", "لافروف"])
        );
        assert_eq!(with_spelling(&table, 0, 0, "")[0], pair(&["لافروف"]));
        assert_eq!(with_spelling(&table, 1, 0, "  "), vec![pair(&["Lavrov", "لافروف"])]);
        assert_eq!(with_spelling(&table, 7, 0, "x"), table, "no such entry: unchanged");
    }

    #[test]
    fn entries_are_added_once_and_never_empty() {
        let table = vec![pair(&["Lavrov", "لافروف"])];
        let added = with_entry(&table, &["Port Halima".into(), " ميناء حليمة ".into()]).unwrap();
        assert_eq!(added[1], pair(&["Port Halima", "ميناء حليمة"]));
        assert!(with_entry(&table, &[" ".into(), String::new()]).is_none());
        assert!(with_entry(&table, &["Lavrov".into(), "لافروف".into()]).is_none());
        assert_eq!(
            with_entry(&[], &["Zelensky".into(), String::new()]).unwrap(),
            [pair(&["Zelensky"])]
        );
    }

    #[test]
    fn the_built_in_table_is_shown() {
        assert!(built_in().iter().any(|p| p.names.iter().any(|n| n == "لافروف")));
    }
}
