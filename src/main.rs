//! Entry point: parse arguments, start logging, run a subcommand or the GUI.

use std::time::Instant;

use clap::Parser;
use twotrack::app::{AppConfig, StartWith, TwoTrackApp};
use twotrack::cli::Cli;

/// What the positional arguments ask the GUI to open.
fn start_with(files: Vec<std::path::PathBuf>) -> StartWith {
    if files.is_empty() {
        return StartWith::Sample;
    }
    let is_project =
        |p: &std::path::Path| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron"));
    match files.as_slice() {
        [one] if is_project(one) => StartWith::Project(one.clone()),
        _ => StartWith::Articles(files),
    }
}

fn main() -> anyhow::Result<()> {
    let started = Instant::now();
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    let cli = Cli::parse();
    if let Some(command) = cli.command {
        std::process::exit(twotrack::cli::run(command));
    }
    let timing = std::env::var_os("TWOTRACK_STARTUP_TIMING").is_some_and(|v| v != "0");
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("TwoTrack")
            .with_app_id("twotrack")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true),
        persist_window: true,
        ..eframe::NativeOptions::default()
    };
    let start = start_with(cli.files);
    eframe::run_native(
        "TwoTrack",
        options,
        Box::new(move |cc| {
            let config = AppConfig {
                start,
                recovery_dir: eframe::storage_dir("TwoTrack").map(|d| d.join("recovery")),
                startup_timing: timing.then_some(started),
                ..AppConfig::default()
            };
            Ok(Box::new(TwoTrackApp::new(cc, config)))
        }),
    )
    .map_err(|e| anyhow::anyhow!("TwoTrack could not open its window: {e}"))
}
