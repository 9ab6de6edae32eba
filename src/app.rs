//! `impl eframe::App`: drains the command queue once per frame and calls the panels.

use crate::command::History;
use crate::model::Project;
use crate::text::TextEngine;

/// The running application.
pub struct TwoTrackApp {
    project: Project,
    history: History,
    text: TextEngine,
}

impl TwoTrackApp {
    /// Create the app around a project.
    #[must_use]
    pub fn new(ctx: &egui::Context, project: Project) -> Self {
        Self { project, history: History::default(), text: TextEngine::new(ctx) }
    }
}

impl eframe::App for TwoTrackApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let _ = &mut self.history;
        ui.heading(&self.project.name);
        for article in self.project.articles.values() {
            crate::text::label(
                ui,
                &mut self.text,
                &article.meta.title,
                &crate::text::TextStyle::default(),
            );
        }
        self.text.end_frame(ui.ctx());
    }
}
