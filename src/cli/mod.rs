//! Command-line interface: open files in the GUI, or run `analyze` / `export`
//! without one.

mod analyze;
mod export;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// TwoTrack: official versus unofficial positions in news coverage, side by side.
#[derive(Debug, Parser)]
#[command(name = "twotrack", version, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// What to run instead of the GUI.
    #[command(subcommand)]
    pub command: Option<Subcommands>,
    /// Articles (.txt .md .html .htm) to import into a new project, or one project
    /// file (.ron) to open.
    pub files: Vec<PathBuf>,
}

/// Commands that run without a window.
#[derive(Debug, Subcommand)]
pub enum Subcommands {
    /// Find statements in articles and print them as JSON Lines.
    Analyze(AnalyzeArgs),
    /// Write a report of a project as Markdown, HTML or CSV.
    Export(ExportArgs),
}

/// Arguments of `twotrack analyze`.
#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// Language of the articles, or `auto` to detect it per article.
    #[arg(long, default_value = "auto")]
    pub lang: String,
    /// Also write a project file with the articles and statements.
    #[arg(long, value_name = "OUT.ron")]
    pub project: Option<PathBuf>,
    /// Article files or folders.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

/// Arguments of `twotrack export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The project file to report on (never modified).
    pub project: PathBuf,
    /// Report format.
    #[arg(long, value_parser = ["md", "html", "csv"], default_value = "md")]
    pub format: String,
    /// Output file (standard output if omitted).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

/// Run a subcommand; returns the process exit code.
#[must_use]
pub fn run(command: Subcommands) -> i32 {
    match command {
        Subcommands::Analyze(args) => analyze::run(&args),
        Subcommands::Export(args) => export::run(&args),
    }
}
