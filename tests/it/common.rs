//! Helpers shared by the integration tests: starting the real app in a test harness,
//! waiting for background work, finding files.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use twotrack::app::dialogs::{DialogOutcome, ScriptedDialogs};
use twotrack::app::{AppConfig, Clock, StartWith, TwoTrackApp};

/// A file of the repository.
pub fn repo_file(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// The fixed time tests run at.
pub fn fixed_clock() -> Clock {
    Clock::Fixed("2026-01-15T10:30:00Z".parse().expect("valid timestamp"))
}

/// Start the real app with scripted file dialogs.
pub fn start_app(start: StartWith, answers: Vec<DialogOutcome>) -> Harness<'static, TwoTrackApp> {
    start_with_config(AppConfig {
        start,
        dialogs: Some(Box::new(ScriptedDialogs::new(answers))),
        ..AppConfig::default()
    })
}

/// Start the real app with autosave into `recovery_dir` every `interval`.
pub fn start_app_with_recovery(
    start: StartWith,
    recovery_dir: PathBuf,
    interval: Duration,
) -> Harness<'static, TwoTrackApp> {
    start_with_config(AppConfig {
        start,
        dialogs: Some(Box::new(ScriptedDialogs::default())),
        recovery_dir: Some(recovery_dir),
        autosave_interval: Some(interval),
        ..AppConfig::default()
    })
}

/// Start the real app at 1400×900 with a fixed clock.
pub fn start_with_config(config: AppConfig) -> Harness<'static, TwoTrackApp> {
    let config = AppConfig { clock: fixed_clock(), ..config };
    // Short frames, so clicks sent in quick succession count as double and triple clicks.
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_step_dt(0.05)
        .build_eframe(move |cc| TwoTrackApp::new(cc, config));
    harness.run_steps(2);
    harness
}

/// Step the app until `done` holds (background imports …), or fail after 20 s.
pub fn step_until(
    harness: &mut Harness<'_, TwoTrackApp>,
    what: &str,
    done: impl Fn(&TwoTrackApp) -> bool,
) {
    let started = Instant::now();
    while !done(harness.state()) {
        assert!(started.elapsed() < Duration::from_secs(20), "timed out waiting for {what}");
        harness.step();
        std::thread::sleep(Duration::from_millis(5));
    }
    harness.run_steps(2);
}

/// A wgpu renderer, or `None` (with a loud message) when no adapter exists; with
/// `CI=true` a missing adapter fails the test.
#[expect(clippy::print_stderr, reason = "a skipped snapshot must be loud")]
pub fn renderer() -> Option<egui_kittest::wgpu::WgpuTestRenderer> {
    let renderer = std::panic::catch_unwind(egui_kittest::wgpu::WgpuTestRenderer::new).ok();
    if renderer.is_none() {
        assert!(
            !std::env::var("CI").is_ok_and(|v| v == "true"),
            "CI=true but no wgpu adapter: install mesa-vulkan-drivers (lavapipe)"
        );
        eprintln!(
            "\n!!!!!!!! SNAPSHOT SKIPPED: no wgpu adapter (install mesa-vulkan-drivers) !!!!!!!!\n"
        );
    }
    renderer
}

/// Press or release the primary mouse button at `pos`.
pub fn press<S>(harness: &Harness<'_, S>, pos: egui::Pos2, pressed: bool) {
    harness.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    });
}

/// Move the pointer to `pos` and click there (press and release, no frame between).
pub fn click_at<S>(harness: &Harness<'_, S>, pos: egui::Pos2) {
    harness.event(egui::Event::PointerMoved(pos));
    press(harness, pos, true);
    press(harness, pos, false);
}

/// Move the pointer to `at` and turn the mouse wheel by `dy` points.
pub fn wheel<S>(harness: &Harness<'_, S>, at: egui::Pos2, dy: f32) {
    harness.event(egui::Event::PointerMoved(at));
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, dy),
        phase: egui::TouchPhase::Move,
        modifiers: egui::Modifiers::NONE,
        source: egui::MouseWheelSource::Wheel,
    });
}
