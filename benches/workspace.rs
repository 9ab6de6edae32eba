//! Frame times of the workspace on a 200-article, 5,000-statement project: scrolling
//! Compare with link bands visible, typing a search over every statement, dragging a
//! card. Frame time = CPU time of `Context::run_ui` plus tessellation.
//!
//! Run: `cargo bench --bench workspace`

#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used)] // a benchmark reports on stdout

use std::time::Instant;

use eframe::App as _;
use egui::{
    Event, Modifiers, MouseWheelUnit, PointerButton, Pos2, RawInput, Rect, Vec2, pos2, vec2,
};
use twotrack::app::{AppConfig, StartWith, TwoTrackApp};

const SIZE: Vec2 = Vec2::new(1400.0, 900.0);
const QUERY: &str = "spokesperson said the administration";

struct Bench {
    ctx: egui::Context,
    app: TwoTrackApp,
    frame: eframe::Frame,
    times_ms: Vec<f64>,
    time_s: f64,
}

impl Bench {
    fn frame(&mut self, events: Vec<Event>, record: bool) {
        self.time_s += 1.0 / 60.0;
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, SIZE)),
            time: Some(self.time_s),
            events,
            ..RawInput::default()
        };
        let started = Instant::now();
        let output = self.ctx.run_ui(input, |ui| self.app.ui(ui, &mut self.frame));
        let primitives = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        let elapsed = started.elapsed().as_secs_f64() * 1000.0;
        std::hint::black_box(primitives);
        if record {
            self.times_ms.push(elapsed);
        }
    }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

fn main() {
    let project = twotrack::synthetic::project(200, 5000);
    let statements = project.statements.len();
    let articles = project.articles.len();
    let ctx = egui::Context::default();
    let cc = eframe::CreationContext::_new_kittest(ctx.clone());
    let app = TwoTrackApp::new(
        &cc,
        AppConfig { start: StartWith::InMemory(Box::new(project)), ..AppConfig::default() },
    );
    let mut bench =
        Bench { ctx, app, frame: eframe::Frame::_new_kittest(), times_ms: Vec::new(), time_s: 0.0 };
    // Warm-up: the first frames load fonts and lay out the panels once.
    for _ in 0..5 {
        bench.frame(Vec::new(), false);
    }
    let compare_point = pos2(950.0, 500.0);
    // 1. Scroll the compare view down and back up (link bands follow).
    for i in 0..150 {
        let dy = if i < 100 { -60.0 } else { 120.0 };
        bench.frame(
            vec![
                Event::PointerMoved(compare_point),
                Event::MouseWheel {
                    unit: MouseWheelUnit::Point,
                    delta: vec2(0.0, dy),
                    phase: egui::TouchPhase::Move,
                    modifiers: Modifiers::NONE,
                    source: egui::MouseWheelSource::Wheel,
                },
            ],
            true,
        );
    }
    // 2. Type a search over all statements, one character per frame.
    // Focusing the field counts: it starts indexing the project.
    bench.ctx.memory_mut(|m| m.request_focus(twotrack::ui::filters::search_id()));
    bench.frame(Vec::new(), true);
    for c in QUERY.chars() {
        bench.frame(vec![Event::Text(c.to_string())], true);
    }
    let hits = bench.app.ui_state().search_hits.as_ref().map_or(0, |(query, _, hits)| {
        assert_eq!(query, QUERY, "the last search ran on the whole query");
        hits.len()
    });
    assert!(hits > 0, "the search found nothing");
    println!("search for {QUERY:?}: {hits} hits shown");
    // …then delete it again, one character per frame.
    for _ in 0..QUERY.len() {
        bench.frame(
            vec![Event::Key {
                key: egui::Key::Backspace,
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers: Modifiers::NONE,
            }],
            true,
        );
    }
    bench.ctx.memory_mut(egui::Memory::stop_text_input);
    bench.frame(Vec::new(), false);
    // 3. Drag a card across the compare view.
    let start = pos2(800.0, 260.0);
    bench.frame(vec![Event::PointerMoved(start)], true);
    bench.frame(
        vec![Event::PointerButton {
            pos: start,
            button: PointerButton::Primary,
            pressed: true,
            modifiers: Modifiers::NONE,
        }],
        true,
    );
    for i in 0..120 {
        let pos = start + vec2(i as f32 * 3.0, (i as f32 * 0.7).sin() * 40.0 + i as f32);
        bench.frame(vec![Event::PointerMoved(pos)], true);
    }
    bench.frame(
        vec![Event::PointerButton {
            pos: start,
            button: PointerButton::Primary,
            pressed: false,
            modifiers: Modifiers::NONE,
        }],
        true,
    );

    let phases = [
        ("scroll", 0, 150),
        ("search", 150, 151 + 2 * QUERY.len()),
        ("drag", 151 + 2 * QUERY.len(), bench.times_ms.len()),
    ];
    for (name, from, to) in phases {
        let mut part = bench.times_ms[from..to].to_vec();
        let slowest =
            part.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1)).map_or(0, |(i, _)| i);
        part.sort_by(f64::total_cmp);
        println!(
            "{name}: median {:.2} ms, p95 {:.2} ms, max {:.2} ms (frame {slowest} of {})",
            percentile(&part, 0.5),
            percentile(&part, 0.95),
            part.last().copied().unwrap_or(0.0),
            part.len()
        );
    }
    let mut sorted = bench.times_ms.clone();
    sorted.sort_by(f64::total_cmp);
    let median = percentile(&sorted, 0.5);
    let p95 = percentile(&sorted, 0.95);
    let max = sorted.last().copied().unwrap_or(0.0);
    println!("frames={} (scroll 150, search {}, drag 122)", sorted.len(), 1 + 2 * QUERY.len());
    println!(
        "workspace_bench articles={articles} statements={statements} frame_ms_median={median:.2} frame_ms_p95={p95:.2} frame_ms_max={max:.2}"
    );
}
