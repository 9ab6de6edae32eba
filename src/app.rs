//! `impl eframe::App`: applies the queued commands and actions once per frame and
//! calls the panels.

pub mod dialogs;
pub mod jobs;
pub mod prefs;
pub mod sample;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::command::{Command, History, StateId};
use crate::export::Format as ExportFormat;
use crate::model::{ArticleId, Project, StatementId};
use crate::text::TextEngine;
use crate::ui::{self, AppAction, PanelCtx, Sender, UiState};

use dialogs::{DialogAnswer, DialogOutcome, DialogPurpose, FileDialogs, NativeDialogs};
use jobs::{ImportJob, ImportResult};
use prefs::{Prefs, ThemeChoice};

/// What the app opens at start.
#[derive(Clone, Debug, Default)]
pub enum StartWith {
    /// The bundled sample project.
    #[default]
    Sample,
    /// An empty project.
    Empty,
    /// This project file.
    Project(PathBuf),
    /// These articles, in a new unsaved project (the first one shown).
    Articles(Vec<PathBuf>),
    /// This project, already in memory (tests and benchmarks).
    InMemory(Box<Project>),
}

/// The time source (fixed in tests so notes and screenshots are stable).
#[derive(Clone, Copy, Debug, Default)]
pub enum Clock {
    /// The system clock.
    #[default]
    System,
    /// Always this instant.
    Fixed(jiff::Timestamp),
}

impl Clock {
    /// The current time.
    #[must_use]
    pub fn now(self) -> jiff::Timestamp {
        match self {
            Clock::System => jiff::Timestamp::now(),
            Clock::Fixed(t) => t,
        }
    }
}

/// How the app is set up; tests replace the dialogs, clock and folders.
pub struct AppConfig {
    /// What to open.
    pub start: StartWith,
    /// File dialogs (native, or scripted in tests).
    pub dialogs: Option<Box<dyn FileDialogs>>,
    /// Time source.
    pub clock: Clock,
    /// Folder for autosave recovery files (`None`: no autosave).
    pub recovery_dir: Option<PathBuf>,
    /// Print `startup_ms=` to stderr after the first frame.
    pub startup_timing: Option<Instant>,
    /// Time between autosaves (`None`: the preference, 30 s by default).
    pub autosave_interval: Option<Duration>,
}

impl Default for AppConfig {
    fn default() -> Self {
        Self {
            start: StartWith::Sample,
            dialogs: None,
            clock: Clock::System,
            recovery_dir: None,
            startup_timing: None,
            autosave_interval: None,
        }
    }
}

/// How serious a message is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// Something worked.
    Info,
    /// Something partly worked.
    Warning,
    /// Something failed.
    Error,
}

/// A message for the status area.
#[derive(Clone, Debug)]
pub struct Message {
    /// Seriousness.
    pub level: Level,
    /// The text (may contain file names, so drawn by the text engine).
    pub text: String,
    /// When it appeared.
    pub at: Instant,
}

/// A question the app is waiting for the analyst to answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Modal {
    /// Unsaved changes: save, discard or cancel, then do `then`.
    UnsavedChanges {
        /// What to do once the changes are saved or discarded.
        then: AppAction,
    },
    /// No file dialog could be shown: type a path instead.
    PathEntry {
        /// What the path is for.
        purpose: DialogPurpose,
        /// The path typed so far.
        text: String,
    },
    /// An autosaved recovery file exists from a session that did not end cleanly.
    Recovery {
        /// The recovery files found.
        files: Vec<PathBuf>,
    },
}

/// The workspace: the open project, its history and where it lives on disk.
pub struct Workspace {
    /// The project.
    pub project: Project,
    /// Undo/redo history.
    pub history: History,
    /// Where it is saved, if anywhere.
    pub path: Option<PathBuf>,
    /// History state at the last save or open.
    pub saved_state: StateId,
    /// The file as last read or written, to notice changes by something else.
    pub stamp: Option<crate::store::FileStamp>,
}

impl Workspace {
    fn new(project: Project, path: Option<PathBuf>) -> Self {
        let history = History::with_limit(Some(500));
        let saved_state = history.state();
        let stamp = path.as_deref().and_then(crate::store::FileStamp::of);
        Self { project, history, path, saved_state, stamp }
    }

    /// True when there are changes not written to the project file.
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.history.state() != self.saved_state
    }

    /// Name for the title bar.
    #[must_use]
    pub fn display_name(&self) -> String {
        self.path
            .as_deref()
            .and_then(Path::file_stem)
            .map_or_else(|| self.project.name.clone(), |s| s.to_string_lossy().into_owned())
    }
}

/// How a message of `level` is drawn.
fn message_style(visuals: &egui::Visuals, level: Level) -> crate::text::TextStyle {
    let color = match level {
        Level::Error => ui::theme::error_color(visuals.dark_mode),
        Level::Warning | Level::Info => visuals.text_color(),
    };
    crate::text::TextStyle { color, ..ui::theme::row_style(visuals) }
}

/// Commands adding `suggestions` to `article`, with fresh ids counted from `next`.
fn suggestion_commands(
    next: &mut u64,
    article: ArticleId,
    suggestions: Vec<crate::model::Statement>,
) -> Vec<Command> {
    suggestions
        .into_iter()
        .map(|mut statement| {
            statement.id = StatementId(*next);
            *next += 1;
            statement.article = article;
            Command::PutStatement(Box::new(statement))
        })
        .collect()
}

/// The running application.
#[allow(clippy::struct_excessive_bools)] // independent flags of the app's life cycle
pub struct TwoTrackApp {
    ws: Workspace,
    text: TextEngine,
    ui: UiState,
    prefs: Prefs,
    dialogs: Box<dyn FileDialogs>,
    import_job: Option<ImportJob>,
    messages: Vec<Message>,
    modal: Option<Modal>,
    clock: Clock,
    startup: Option<Instant>,
    awaiting_paste: bool,
    close_confirmed: bool,
    changed_on_disk: bool,
    last_disk_check: Instant,
    title: String,
    pending_export: Option<ExportFormat>,
    first_frame_done: bool,
    autosaver: Option<crate::store::Autosaver>,
    lexicon: std::sync::Arc<crate::analysis::Lexicon>,
    show_messages: bool,
}

impl TwoTrackApp {
    /// Create the app (eframe calls this once the window exists).
    #[must_use]
    pub fn new(cc: &eframe::CreationContext<'_>, config: AppConfig) -> Self {
        let ctx = &cc.egui_ctx;
        let prefs = Prefs::load(cc.storage);
        let text = TextEngine::new(ctx);
        let dialogs = config.dialogs.unwrap_or_else(|| Box::new(NativeDialogs::new(ctx)));
        // The analyst's own lexicon, if any, else the built-in one.
        let (lexicon, lexicon_error) = crate::analysis::Lexicon::load_default();
        let mut app = Self {
            ws: Workspace::new(Project::default(), None),
            text,
            ui: UiState { panels: prefs.panels, ..UiState::default() },
            prefs,
            dialogs,
            import_job: None,
            messages: Vec::new(),
            modal: None,
            clock: config.clock,
            startup: config.startup_timing,
            awaiting_paste: false,
            close_confirmed: false,
            changed_on_disk: false,
            last_disk_check: Instant::now(),
            title: String::new(),
            pending_export: None,
            first_frame_done: false,
            autosaver: None,
            lexicon: std::sync::Arc::new(lexicon),
            show_messages: false,
        };
        if let Some(err) = lexicon_error {
            {
                app.notify(
                    Level::Warning,
                    format!("Your lexicon could not be read; using the built-in one: {err}"),
                );
            }
        }
        app.apply_theme(ctx);
        ctx.set_zoom_factor(app.prefs.zoom);
        if let Some(dir) = &config.recovery_dir {
            let found: Vec<PathBuf> =
                crate::store::list_recoveries(dir).into_iter().map(|r| r.path).collect();
            if !found.is_empty() {
                app.modal = Some(Modal::Recovery { files: found });
            }
            let interval = config
                .autosave_interval
                .unwrap_or_else(|| Duration::from_secs(u64::from(app.prefs.autosave_secs.max(5))));
            match crate::store::Autosaver::spawn(interval, dir.clone()) {
                Ok(autosaver) => app.autosaver = Some(autosaver),
                Err(err) => app.notify(Level::Warning, format!("Autosave is off: {err}")),
            }
        }
        match config.start {
            StartWith::Sample => {
                app.replace_workspace(Workspace::new(sample::sample_project(), None));
            }
            StartWith::Empty => {}
            StartWith::Project(path) => app.open_project(&path),
            StartWith::Articles(paths) => app.start_import(paths, true, ctx),
            StartWith::InMemory(project) => app.replace_workspace(Workspace::new(*project, None)),
        }
        app
    }

    /// The open project (for tests).
    #[must_use]
    pub fn project(&self) -> &Project {
        &self.ws.project
    }

    /// The workspace (for tests).
    #[must_use]
    pub fn workspace(&self) -> &Workspace {
        &self.ws
    }

    /// View state (for tests).
    #[must_use]
    pub fn ui_state(&self) -> &UiState {
        &self.ui
    }

    /// Messages shown to the analyst so far (for tests).
    #[must_use]
    pub fn messages(&self) -> &[Message] {
        &self.messages
    }

    /// Wait until the autosave thread has written what it was given (tests).
    pub fn flush_autosave(&self) {
        if let Some(autosaver) = &self.autosaver
            && let Err(err) = autosaver.flush()
        {
            log::warn!("autosave: {err}");
        }
    }

    /// True while an import runs.
    #[must_use]
    pub fn is_importing(&self) -> bool {
        self.import_job.is_some()
    }

    fn notify(&mut self, level: Level, text: impl Into<String>) {
        let text = text.into();
        match level {
            Level::Error => log::error!("{text}"),
            Level::Warning => log::warn!("{text}"),
            Level::Info => log::info!("{text}"),
        }
        self.messages.push(Message { level, text, at: Instant::now() });
        if self.messages.len() > 50 {
            self.messages.remove(0);
        }
    }

    fn apply_theme(&self, ctx: &egui::Context) {
        ctx.set_theme(match self.prefs.theme {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        });
    }

    fn replace_workspace(&mut self, ws: Workspace) {
        self.ws = ws;
        self.changed_on_disk = false;
        let first = self.ws.project.articles.keys().next().copied();
        self.ui = UiState { panels: self.ui.panels, ..UiState::default() };
        if let Some(first) = first {
            self.ui.open_article(first);
        }
    }

    // ----- file operations ---------------------------------------------------------

    fn open_project(&mut self, path: &Path) {
        match crate::store::load(path) {
            Ok(loaded) => {
                let mut ws = Workspace::new(loaded.project, Some(path.to_owned()));
                ws.stamp = Some(loaded.stamp);
                self.replace_workspace(ws);
                self.prefs.remember(path.to_owned());
                if let Some(autosaver) = &mut self.autosaver {
                    autosaver.mark_clean(self.ws.history.state());
                }
                self.notify(Level::Info, format!("Opened {}", path.display()));
                if let Some(version) = loaded.migrated_from {
                    self.notify(
                        Level::Warning,
                        format!(
                            "This project was written in file format {version} and has been updated; \
                             saving writes the current format: {}",
                            path.display()
                        ),
                    );
                }
                for warning in loaded.warnings {
                    self.notify(Level::Warning, warning.to_string());
                }
            }
            Err(err) => self.notify(Level::Error, format!("Could not open the project: {err}")),
        }
    }

    /// Restore autosaved work: the project comes back unsaved, attached to the file
    /// it belonged to (if any), and the recovery file is removed once it is loaded.
    fn restore_recovery(&mut self, path: &Path) {
        let original = crate::store::list_recoveries(path.parent().unwrap_or(path))
            .into_iter()
            .find(|r| r.path == path)
            .and_then(|r| r.original_path);
        match crate::store::load(path) {
            Ok(loaded) => {
                let mut ws = Workspace::new(loaded.project, original.clone());
                ws.stamp = original.as_deref().and_then(crate::store::FileStamp::of);
                ws.saved_state = u64::MAX; // restored work is unsaved work
                self.replace_workspace(ws);
                if let Err(err) = crate::store::discard_recovery(path) {
                    self.notify(
                        Level::Warning,
                        format!("Restored, but the recovery file stays: {err}"),
                    );
                }
                self.notify(Level::Info, "Restored the autosaved work. Save it to keep it.");
            }
            Err(err) => {
                self.notify(Level::Error, format!("Could not restore the autosaved work: {err}"));
            }
        }
    }

    fn save_to(&mut self, path: &Path) -> bool {
        match crate::store::save(path, &self.ws.project) {
            Ok(()) => {
                self.ws.path = Some(path.to_owned());
                self.ws.saved_state = self.ws.history.state();
                self.ws.stamp = crate::store::FileStamp::of(path);
                self.changed_on_disk = false;
                if let Some(autosaver) = &mut self.autosaver
                    && let Err(err) = autosaver.saved(self.ws.saved_state)
                {
                    log::warn!("autosave: {err}");
                }
                self.prefs.remember(path.to_owned());
                self.notify(Level::Info, format!("Saved {}", path.display()));
                true
            }
            Err(err) => {
                self.notify(
                    Level::Error,
                    format!("Could not save; your work is still open: {err}"),
                );
                false
            }
        }
    }

    fn suggested_file_name(&self) -> String {
        let name: String = self
            .ws
            .project
            .name
            .chars()
            .map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '_' })
            .collect();
        format!("{}.ron", name.trim_matches('_'))
    }

    fn start_import(&mut self, paths: Vec<PathBuf>, into_new_project: bool, ctx: &egui::Context) {
        if paths.is_empty() {
            return;
        }
        if self.import_job.is_some() {
            self.notify(Level::Warning, "An import is already running; try again when it ends.");
            return;
        }
        let lexicon = std::sync::Arc::clone(&self.lexicon);
        let options = crate::ingest::ImportOptions::default();
        match ImportJob::spawn(paths, options, lexicon, into_new_project, ctx) {
            Ok(job) => self.import_job = Some(job),
            Err(err) => self.notify(Level::Error, format!("Could not start the import: {err}")),
        }
    }

    fn finish_import(&mut self, result: ImportResult) {
        if result.into_new_project {
            self.replace_workspace(Workspace::new(Project::new("Untitled"), None));
            // A new project made from files on the command line is unsaved work.
            self.ws.saved_state = u64::MAX;
        }
        let count = result.articles.len();
        let mut commands = Vec::new();
        let mut first_article = None;
        let mut new_articles = Vec::new();
        let mut next = self.ws.project.next_id.max(1);
        for imported in result.articles {
            let mut article = imported.imported.article;
            article.id = ArticleId(next);
            next += 1;
            first_article.get_or_insert(article.id);
            new_articles.push(article.id);
            let article_id = article.id;
            commands.push(Command::PutArticle(Box::new(article)));
            commands.extend(suggestion_commands(&mut next, article_id, imported.suggestions));
            for warning in imported.imported.warnings {
                self.notify(Level::Warning, warning);
            }
        }
        for err in &result.errors {
            self.notify(Level::Error, format!("Not imported: {err}"));
        }
        if count > 0 {
            let label = if count == 1 {
                "Import article".into()
            } else {
                format!("Import {count} articles")
            };
            match self.ws.history.apply(&mut self.ws.project, label, Command::Batch(commands)) {
                Ok(()) => {
                    if let Some(first) = first_article {
                        self.ui.open_article(first);
                    }
                    let errors = result.errors.len();
                    let text = if errors == 0 {
                        format!("Imported {count} article(s).")
                    } else {
                        format!(
                            "Imported {count} article(s); {errors} file(s) could not be imported."
                        )
                    };
                    self.notify(Level::Info, text);
                    // Last, so the status bar shows it: reprints are not corroboration.
                    for notice in ui::claims::syndication_notices(&self.ws.project, &new_articles) {
                        self.notify(Level::Warning, notice);
                    }
                }
                Err(err) => self.notify(Level::Error, format!("Import failed: {err}")),
            }
        }
    }

    fn import_pasted_text(&mut self, text: &str) {
        if text.trim().is_empty() {
            self.notify(Level::Warning, "The clipboard holds no text to import.");
            return;
        }
        let imported = crate::ingest::import_text(text, crate::model::SourceFormat::Clipboard);
        let suggestions = jobs::suggest_for(&imported.article, &self.lexicon);
        self.finish_import(ImportResult {
            articles: vec![jobs::ImportedArticle { imported, suggestions }],
            errors: Vec::new(),
            into_new_project: false,
        });
    }

    fn reanalyze(&mut self, id: ArticleId) {
        let Some(article) = self.ws.project.articles.get(&id) else { return };
        let suggestions = jobs::suggest_for(article, &self.lexicon);
        let command = crate::analysis::merge_suggestions(&self.ws.project, id, suggestions);
        if let Err(err) =
            self.ws.history.apply(&mut self.ws.project, "Find statements again", command)
        {
            self.notify(Level::Error, format!("Could not re-run the analysis: {err}"));
        }
    }

    /// Decode an article's file again with another encoding. Only while the analyst
    /// has not reviewed or marked anything in it: its suggestions are found again.
    fn reencode(&mut self, id: ArticleId, encoding: &str) {
        let Some(article) = self.ws.project.articles.get(&id) else { return };
        let Some(path) = article.source.path.clone() else {
            self.notify(
                Level::Warning,
                "This article was pasted, so it has no file to decode again.",
            );
            return;
        };
        if self.ws.project.statements_of(id).any(crate::command::ops::is_analyst_decision) {
            self.notify(
                Level::Warning,
                "The text is locked: statements in it were reviewed or marked. Remove them first.",
            );
            return;
        }
        let options = crate::ingest::ImportOptions { encoding: Some(encoding.to_owned()) };
        let imported = match crate::ingest::import_path(Path::new(&path), &options) {
            Ok(imported) => imported,
            Err(err) => {
                self.notify(
                    Level::Error,
                    format!("Could not decode the file as {encoding}: {err}"),
                );
                return;
            }
        };
        let mut commands: Vec<Command> =
            self.ws.project.statements_of(id).map(|s| Command::RemoveStatement(s.id)).collect();
        let mut article = imported.article;
        article.id = id;
        let mut next = self.ws.project.next_id.max(1);
        let suggestions = jobs::suggest_for(&article, &self.lexicon);
        commands.push(Command::PutArticle(Box::new(article)));
        commands.extend(suggestion_commands(&mut next, id, suggestions));
        let label = format!("Decode as {encoding}");
        if let Err(err) =
            self.ws.history.apply(&mut self.ws.project, label, Command::Batch(commands))
        {
            self.notify(Level::Error, format!("Could not change the encoding: {err}"));
        }
    }

    fn export(&mut self, format: ExportFormat, path: &Path) {
        let bytes = crate::export::render(&self.ws.project, format);
        match crate::export::write_report(path, &bytes) {
            Ok(()) => self.notify(Level::Info, format!("Wrote the report to {}", path.display())),
            Err(err) => self.notify(
                Level::Error,
                format!("Could not write the report: {err}: {}", path.display()),
            ),
        }
    }

    // ----- actions -----------------------------------------------------------------

    /// Actions that would drop unsaved work ask first.
    fn needs_confirmation(&self, action: &AppAction) -> bool {
        self.ws.is_dirty()
            && matches!(
                action,
                AppAction::NewProject
                    | AppAction::OpenProjectDialog
                    | AppAction::OpenProject(_)
                    | AppAction::OpenSample
                    | AppAction::Quit
                    | AppAction::ReloadFromDisk
            )
    }

    fn handle_action(&mut self, action: AppAction, ctx: &egui::Context, confirmed: bool) {
        if !confirmed && self.needs_confirmation(&action) {
            self.modal = Some(Modal::UnsavedChanges { then: action });
            return;
        }
        match action {
            AppAction::NewProject => {
                self.replace_workspace(Workspace::new(Project::new("Untitled"), None));
            }
            AppAction::OpenProjectDialog => self.dialogs.ask(DialogPurpose::OpenProject),
            AppAction::OpenProject(path) => self.open_project(&path),
            AppAction::RestoreRecovery(path) => self.restore_recovery(&path),
            AppAction::OpenSample => {
                self.replace_workspace(Workspace::new(sample::sample_project(), None));
            }
            AppAction::Save => match self.ws.path.clone() {
                Some(path) => {
                    self.save_to(&path);
                }
                None => self.dialogs.ask(DialogPurpose::SaveProject(self.suggested_file_name())),
            },
            AppAction::SaveAsDialog => {
                self.dialogs.ask(DialogPurpose::SaveProject(self.suggested_file_name()));
            }
            AppAction::SaveAs(path) => {
                self.save_to(&path);
            }
            AppAction::ImportDialog => self.dialogs.ask(DialogPurpose::ImportFiles),
            AppAction::ImportFolderDialog => self.dialogs.ask(DialogPurpose::ImportFolder),
            AppAction::Import(paths) => self.start_import(paths, false, ctx),
            AppAction::PasteArticle => {
                self.awaiting_paste = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::RequestPaste);
            }
            AppAction::Reencode(id, encoding) => self.reencode(id, &encoding),
            AppAction::Reanalyze(id) => self.reanalyze(id),
            AppAction::ExportDialog(format) => {
                let name =
                    self.suggested_file_name().replace(".ron", &format!(".{}", format.extension()));
                self.dialogs.ask(DialogPurpose::Export(name));
                self.pending_export = Some(format);
            }
            AppAction::Undo => match self.ws.history.undo(&mut self.ws.project) {
                Ok(Some(label)) => self.notify(Level::Info, format!("Undid: {label}")),
                Ok(None) => {}
                Err(err) => self.notify(Level::Error, format!("Could not undo: {err}")),
            },
            AppAction::Redo => match self.ws.history.redo(&mut self.ws.project) {
                Ok(Some(label)) => self.notify(Level::Info, format!("Redid: {label}")),
                Ok(None) => {}
                Err(err) => self.notify(Level::Error, format!("Could not redo: {err}")),
            },
            AppAction::Quit => {
                self.close_confirmed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            AppAction::ReloadFromDisk => {
                if let Some(path) = self.ws.path.clone() {
                    self.open_project(&path);
                }
            }
            AppAction::DiscardRecovery(path) => {
                if let Err(err) = crate::store::discard_recovery(&path) {
                    self.notify(
                        Level::Error,
                        format!("Could not delete the autosaved work: {err}"),
                    );
                }
            }
            AppAction::Zoom(factor) => {
                let zoom = if (factor - 1.0).abs() < f32::EPSILON {
                    1.0
                } else {
                    (ctx.zoom_factor() * factor).clamp(0.5, 3.0)
                };
                ctx.set_zoom_factor(zoom);
                self.prefs.zoom = zoom;
            }
        }
    }

    fn handle_dialog_answer(&mut self, answer: DialogAnswer, ctx: &egui::Context) {
        let paths = match answer.outcome {
            DialogOutcome::Picked(paths) => paths,
            DialogOutcome::Cancelled => return,
            DialogOutcome::Unavailable => {
                self.modal =
                    Some(Modal::PathEntry { purpose: answer.purpose, text: String::new() });
                return;
            }
        };
        self.use_paths(&answer.purpose, paths, ctx);
    }

    fn use_paths(&mut self, purpose: &DialogPurpose, paths: Vec<PathBuf>, ctx: &egui::Context) {
        match purpose {
            DialogPurpose::ImportFiles | DialogPurpose::ImportFolder => {
                self.start_import(paths, false, ctx);
            }
            DialogPurpose::OpenProject => {
                if let Some(path) = paths.into_iter().next() {
                    self.handle_action(AppAction::OpenProject(path), ctx, true);
                }
            }
            DialogPurpose::SaveProject(_) => {
                if let Some(mut path) = paths.into_iter().next() {
                    if path.extension().is_none() {
                        path.set_extension("ron");
                    }
                    self.save_to(&path);
                }
            }
            DialogPurpose::Export(_) => {
                if let (Some(path), Some(format)) =
                    (paths.into_iter().next(), self.pending_export.take())
                {
                    self.export(format, &path);
                }
            }
        }
    }
}

// ----- per-frame work --------------------------------------------------------------

impl TwoTrackApp {
    fn poll_background(&mut self, ctx: &egui::Context) {
        while let Some(answer) = self.dialogs.poll() {
            self.handle_dialog_answer(answer, ctx);
        }
        if let Some(job) = &mut self.import_job
            && let Some(result) = job.poll()
        {
            self.import_job = None;
            self.finish_import(result);
        }
        if self.last_disk_check.elapsed() > Duration::from_secs(2) {
            self.last_disk_check = Instant::now();
            if let Some(path) = &self.ws.path
                && let Some(stamp) = &self.ws.stamp
                && stamp.check(path) != crate::store::DiskState::Unchanged
            {
                self.changed_on_disk = true;
            }
        }
        self.autosave();
        if self.import_job.is_some() || self.changed_on_disk {
            ctx.request_repaint_after(Duration::from_millis(200));
        } else if self.ws.path.is_some() {
            ctx.request_repaint_after(Duration::from_secs(2));
        }
    }

    fn handle_input(&mut self, ctx: &egui::Context, sender: &mut Sender) {
        let (dropped, pasted, close_requested) = ctx.input_mut(|i| {
            let dropped: Vec<PathBuf> =
                i.raw.dropped_files.iter().map(|f| f.path().to_owned()).collect();
            let mut pasted = None;
            let wants_article = self.awaiting_paste || i.modifiers.shift;
            if wants_article && !self.ui.editor_focused {
                i.events.retain(|e| match e {
                    egui::Event::Paste(text) if pasted.is_none() => {
                        pasted = Some(text.clone());
                        false
                    }
                    _ => true,
                });
            }
            (dropped, pasted, i.viewport().close_requested())
        });
        if !dropped.is_empty() {
            let (projects, articles): (Vec<PathBuf>, Vec<PathBuf>) = dropped
                .into_iter()
                .partition(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")));
            if let Some(project) = projects.into_iter().next() {
                sender.action(AppAction::OpenProject(project));
            }
            if !articles.is_empty() {
                sender.action(AppAction::Import(articles));
            }
        }
        if let Some(text) = pasted {
            self.awaiting_paste = false;
            self.import_pasted_text(&text);
        }
        if close_requested && !self.close_confirmed && self.ws.is_dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.modal = Some(Modal::UnsavedChanges { then: AppAction::Quit });
        }
        ui::menu::global_shortcuts(ctx, &self.ui, sender);
    }

    /// Hand a snapshot of unsaved work to the autosave thread when one is due.
    fn autosave(&mut self) {
        let state = self.ws.history.state();
        let Some(autosaver) = &mut self.autosaver else { return };
        if !self.ws.is_dirty() {
            autosaver.mark_clean(state);
            return;
        }
        if autosaver.is_due(state) {
            let snapshot = crate::store::AutosaveSnapshot {
                project: std::sync::Arc::new(self.ws.project.clone()),
                state,
                project_path: self.ws.path.clone(),
            };
            if let Err(err) = autosaver.submit(snapshot) {
                log::warn!("autosave: {err}");
            }
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let marker = if self.ws.is_dirty() { "● " } else { "" };
        let title = format!("{marker}{} — TwoTrack", self.ws.display_name());
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    fn status_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            if let Some(job) = &self.import_job {
                let fraction =
                    if job.total == 0 { 0.0 } else { job.done as f32 / job.total as f32 };
                ui.add(
                    egui::ProgressBar::new(fraction)
                        .desired_width(200.0)
                        .text(format!("Importing {} / {}", job.done, job.total)),
                );
            }
            let counts = self.ui.counts(&self.ws.project, self.ws.history.state());
            ui.label(format!(
                "{} articles · {} statements · {} unreviewed",
                self.ws.project.articles.len(),
                counts.statements,
                counts.unreviewed
            ));
            ui.separator();
            if self.messages.len() > 1
                && ui
                    .small_button(format!("Messages ({})", self.messages.len()))
                    .on_hover_text("Every message of this session")
                    .clicked()
            {
                self.show_messages = !self.show_messages;
            }
            let mut dismiss = false;
            if let Some(message) = self.messages.last() {
                let text = message.text.clone();
                let style = message_style(ui.visuals(), message.level);
                let options = crate::text::LabelOptions {
                    max_lines: Some(1),
                    ..crate::text::LabelOptions::default()
                };
                let width = (ui.available_width() - 30.0).max(50.0);
                ui.allocate_ui(egui::vec2(width, 20.0), |ui| {
                    crate::text::label_with(ui, &mut self.text, &text, &style, &options);
                });
                dismiss = ui.small_button("✕").on_hover_text("Dismiss message").clicked();
            }
            if dismiss {
                self.messages.pop();
            }
        });
    }

    /// All messages of the session, newest first, each in full.
    fn messages_window(&mut self, ctx: &egui::Context) {
        let mut open = self.show_messages;
        let mut clear = false;
        egui::Window::new("Messages").open(&mut open).default_width(560.0).show(ctx, |ui| {
            if ui.button("Clear all").clicked() {
                clear = true;
            }
            egui::ScrollArea::vertical().max_height(420.0).show(ui, |ui| {
                for message in self.messages.iter().rev() {
                    let style = message_style(ui.visuals(), message.level);
                    crate::text::label(ui, &mut self.text, &message.text, &style);
                    ui.separator();
                }
            });
        });
        if clear {
            self.messages.clear();
            open = false;
        }
        self.show_messages = open;
    }

    fn changed_on_disk_ui(&mut self, ui: &mut egui::Ui, sender: &mut Sender) {
        ui.horizontal(|ui| {
            ui.colored_label(
                ui::theme::error_color(ui.visuals().dark_mode),
                "The project file was changed on disk by another program.",
            );
            if ui.button("Reload from disk").clicked() {
                sender.action(AppAction::ReloadFromDisk);
            }
            if ui
                .button("Keep mine")
                .on_hover_text("Keep the open version; saving will replace the file")
                .clicked()
            {
                self.changed_on_disk = false;
                self.ws.stamp = self.ws.path.as_deref().and_then(crate::store::FileStamp::of);
            }
        });
    }

    fn modal_ui(&mut self, ctx: &egui::Context, sender: &mut Sender) {
        let Some(modal) = self.modal.clone() else { return };
        let name = self.ws.display_name();
        let choice = ui::modals::modal_ui(ctx, &mut self.text, &modal, &name);
        match choice {
            ui::modals::ModalChoice::None => {}
            ui::modals::ModalChoice::Close => self.modal = None,
            ui::modals::ModalChoice::UpdateText(text) => {
                if let Some(Modal::PathEntry { text: current, .. }) = &mut self.modal {
                    *current = text;
                }
            }
            ui::modals::ModalChoice::SaveThen(then) => {
                self.modal = None;
                let saved = if let Some(path) = self.ws.path.clone() {
                    self.save_to(&path)
                } else {
                    self.dialogs.ask(DialogPurpose::SaveProject(self.suggested_file_name()));
                    false
                };
                if saved {
                    self.handle_action(then, ctx, true);
                }
            }
            ui::modals::ModalChoice::DiscardThen(then) => {
                self.modal = None;
                if let Some(autosaver) = &mut self.autosaver
                    && let Err(err) = autosaver.discard()
                {
                    log::warn!("autosave: {err}");
                }
                self.handle_action(then, ctx, true);
            }
            ui::modals::ModalChoice::UsePath(purpose, path) => {
                self.modal = None;
                self.use_paths(&purpose, vec![path], ctx);
            }
            ui::modals::ModalChoice::Action(action) => {
                self.modal = None;
                sender.action(action);
            }
        }
    }

    fn apply_sent(&mut self, sender: Sender, ctx: &egui::Context) {
        for (label, command) in sender.commands {
            if let Err(err) = self.ws.history.apply(&mut self.ws.project, label, command) {
                self.notify(Level::Error, format!("That change could not be made: {err}"));
            }
        }
        for action in sender.actions {
            self.handle_action(action, ctx, false);
        }
        // Drop selections that no longer exist (after undo, delete …).
        if let Some(id) = self.ui.selected_statement
            && !self.ws.project.statements.get(&id).is_some_and(crate::model::Statement::is_visible)
        {
            self.ui.selected_statement = None;
        }
        if let Some(id) = self.ui.current_article
            && !self.ws.project.articles.contains_key(&id)
        {
            self.ui.current_article = None;
        }
    }
}

impl TwoTrackApp {
    /// With `TWOTRACK_STARTUP_TIMING=1`: print the time from process start to the end
    /// of the first painted frame. The first frame is painted after `ui` returns, so
    /// the figure is taken when the second frame starts.
    fn report_startup(&mut self, ctx: &egui::Context) {
        let Some(start) = self.startup else { return };
        if self.first_frame_done {
            self.startup = None;
            #[allow(clippy::print_stderr)] // the requested output of TWOTRACK_STARTUP_TIMING
            {
                eprintln!("startup_ms={}", start.elapsed().as_millis());
            }
        } else {
            self.first_frame_done = true;
            ctx.request_repaint();
        }
    }
}

impl eframe::App for TwoTrackApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if self.first_frame_done {
            self.report_startup(&ctx);
        }
        let mut sender = Sender::default();
        self.poll_background(&ctx);
        self.handle_input(&ctx, &mut sender);

        let menu = ui::menu::MenuState {
            can_undo: self.ws.history.undo_label().map(str::to_owned),
            can_redo: self.ws.history.redo_label().map(str::to_owned),
            recent: self.prefs.recent_projects.clone(),
            current_article: self.ui.current_article,
            theme: self.prefs.theme,
        };
        egui::Panel::top("menu_bar").show(ui, |ui| {
            if let Some(theme) = ui::menu::menu_bar_ui(ui, &menu, &mut self.ui, &mut sender) {
                self.prefs.theme = theme;
                self.apply_theme(&ctx);
            }
        });
        if self.changed_on_disk {
            egui::Panel::top("changed_on_disk")
                .show(ui, |ui| self.changed_on_disk_ui(ui, &mut sender));
        }
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));

        let now = self.clock.now();
        let panels = self.ui.panels;
        let mut pctx = PanelCtx {
            project: &self.ws.project,
            text: &mut self.text,
            state: &mut self.ui,
            sender: &mut sender,
            now,
            revision: self.ws.history.state(),
        };
        egui::Panel::top("toolbar").show(ui, |ui| ui::filters::toolbar_ui(ui, &mut pctx));
        if panels.library {
            egui::Panel::left("library")
                .resizable(true)
                .default_size(ui::theme::LIBRARY_WIDTH)
                .size_range(160.0..=500.0)
                .show(ui, |ui| ui::library::library_ui(ui, &mut pctx));
        }
        if panels.inspector {
            egui::Panel::right("inspector")
                .resizable(true)
                .default_size(ui::theme::INSPECTOR_WIDTH)
                .size_range(220.0..=600.0)
                .show(ui, |ui| ui::inspector::inspector_ui(ui, &mut pctx));
        }
        egui::CentralPanel::default_margins().show(ui, |ui| {
            // Two articles side by side are two readers already: give them the room.
            if panels.reader && pctx.state.central != ui::state::CentralView::Pair {
                egui::Panel::left("reader")
                    .resizable(true)
                    .default_size(ui::theme::READER_WIDTH)
                    .size_range(240.0..=900.0)
                    .show(ui, |ui| ui::reader::reader_ui(ui, &mut pctx));
            }
            egui::CentralPanel::no_frame().show(ui, |ui| ui::central_ui(ui, &mut pctx));
        });
        ui::review::review_keys(&ctx, &mut pctx);
        ui::review::apply_review(&mut pctx);
        // Edits of editors that vanished before committing still land in their field.
        for (id, text) in pctx.text.take_pending_commits() {
            if let Some(&target) = pctx.state.edit_targets.get(&id) {
                ui::inspector::commit_edit(&mut pctx, target, &text);
            }
        }
        ui::modals::shortcuts_window(&ctx, &mut self.ui.show_shortcuts);
        self.ui.editor_focused = self.text.has_text_focus(&ctx);
        self.modal_ui(&ctx, &mut sender);
        self.messages_window(&ctx);
        self.prefs.panels = self.ui.panels;

        self.apply_sent(sender, &ctx);
        self.update_title(&ctx);
        self.text.end_frame(&ctx);

        self.report_startup(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.prefs.save(storage);
    }

    fn on_exit(&mut self) {
        // A clean exit: the analyst saved or chose not to; the recovery file goes.
        if let Some(autosaver) = self.autosaver.take() {
            autosaver.finish();
        }
    }
}
