//! Entry point: parse arguments, start logging, run a subcommand or the GUI.

use clap::Parser;
use twotrack::cli::Cli;

fn main() -> anyhow::Result<()> {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    let cli = Cli::parse();
    if let Some(command) = cli.command {
        std::process::exit(twotrack::cli::run(command));
    }
    let options = eframe::NativeOptions::default();
    eframe::run_native(
        "TwoTrack",
        options,
        Box::new(|cc| {
            Ok(Box::new(twotrack::app::TwoTrackApp::new(
                &cc.egui_ctx,
                twotrack::model::Project::default(),
            )))
        }),
    )
    .map_err(|e| anyhow::anyhow!("{e}"))
}
