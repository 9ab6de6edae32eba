//! Text engine tests: layout results (bidi order, alignment, shaping), hit-testing and
//! selection in char offsets, robustness, the editor through `egui_kittest`, snapshots.

use egui_kittest::Harness;
use twotrack::text::{self, TextEngine, TextStyle};

const SEED: &str = include_str!("../../assets/sample/article_ar.txt");

fn style() -> TextStyle {
    TextStyle { color: egui::Color32::BLACK, ..TextStyle::default() }
}

/// A wgpu renderer, or `None` (with a loud message) when no adapter exists; with
/// `CI=true` a missing adapter fails the test.
#[expect(clippy::print_stderr, reason = "a skipped snapshot must be loud")]
fn renderer() -> Option<egui_kittest::wgpu::WgpuTestRenderer> {
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

#[test]
fn seed_article_renders() {
    let Some(r) = renderer() else { return };
    let mut engine: Option<TextEngine> = None;
    let mut harness = Harness::builder()
        .with_size(egui::vec2(700.0, 900.0))
        .with_context_setup(text::install_egui_fonts)
        .renderer(r)
        .build_ui(move |ui| {
            let engine = engine.get_or_insert_with(|| TextEngine::new(ui.ctx()));
            ui.label("UI chrome: Official / Unofficial");
            for para in SEED.split('\n').filter(|p| !p.trim().is_empty()).take(6) {
                text::label(ui, engine, para, &style());
            }
            text::label(ui, engine, "Reuters said: 6 officials (unnamed) spoke.", &style());
            engine.end_frame(ui.ctx());
        });
    harness.run();
    let image = harness.render().unwrap();
    image.save("/tmp/seed.png").unwrap();
}
