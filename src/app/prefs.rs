//! UI preferences kept in eframe's storage (never in the project file).

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::ui::state::PanelVisibility;

/// Key under which the preferences are stored.
pub const STORAGE_KEY: &str = "twotrack-prefs";

/// How many recent projects are remembered.
pub const RECENT_LIMIT: usize = 10;

/// Light, dark, or whatever the system uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Follow the system.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// Preferences that survive restarts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Theme.
    pub theme: ThemeChoice,
    /// Recently opened or saved projects, newest first.
    pub recent_projects: Vec<PathBuf>,
    /// UI zoom factor.
    pub zoom: f32,
    /// Seconds between autosaves of unsaved work to the recovery file.
    pub autosave_secs: u32,
    /// Panels shown.
    pub panels: PanelVisibility,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            theme: ThemeChoice::System,
            recent_projects: Vec::new(),
            zoom: 1.0,
            autosave_secs: 30,
            panels: PanelVisibility { library: true, reader: true, inspector: true },
        }
    }
}

impl Prefs {
    /// Put `path` at the top of the recent list.
    pub fn remember(&mut self, path: PathBuf) {
        self.recent_projects.retain(|p| p != &path);
        self.recent_projects.insert(0, path);
        self.recent_projects.truncate(RECENT_LIMIT);
    }

    /// Load from eframe storage (defaults when missing or unreadable).
    #[must_use]
    pub fn load(storage: Option<&dyn eframe::Storage>) -> Self {
        storage.and_then(|s| eframe::get_value(s, STORAGE_KEY)).unwrap_or_default()
    }

    /// Save to eframe storage.
    pub fn save(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, self);
    }
}
