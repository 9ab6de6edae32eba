//! Text engine benchmark: the seed article ×50 in the virtualised document view, a
//! scripted scroll of 320 frames at 1400×900, against egui's own `Label` on the same
//! paragraphs; plus first visible screen, relayout after a resize, and one keystroke
//! in a 5,000-character Arabic note.
//!
//! Frame time = CPU time of the calling thread (`CLOCK_THREAD_CPUTIME_ID` on unix, wall
//! clock elsewhere) over `Context::run_ui` plus `Context::tessellate`. Run with
//! `cargo bench --bench text`.

#![allow(clippy::print_stdout, reason = "a benchmark prints its figures")]

use std::hint::black_box;
use std::time::Instant;

use egui::{Event, MouseWheelSource, MouseWheelUnit, RawInput, Rect, TouchPhase, pos2, vec2};
use twotrack::model::{CharRange, Direction};
use twotrack::text::{
    self, DocParagraph, EditorOptions, Highlight, HighlightLook, TextEngine, TextStyle,
};

const SEED: &str = include_str!("../assets/sample/article_ar.txt");
const COPIES: usize = 50;
const SCROLL_FRAMES: usize = 320;
const SCROLL_STEP_PT: f32 = 50.0;
const KEYSTROKES: usize = 40;
const NOTE_CHARS: usize = 5_000;

/// CPU time of this thread in nanoseconds, if the platform tells.
#[cfg(unix)]
fn thread_cpu_ns() -> Option<u64> {
    let t = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    let secs = u64::try_from(t.tv_sec).ok()?;
    let nanos = u64::try_from(t.tv_nsec).ok()?;
    Some(secs * 1_000_000_000 + nanos)
}

/// CPU time of this thread in nanoseconds, if the platform tells.
#[cfg(not(unix))]
fn thread_cpu_ns() -> Option<u64> {
    None
}

/// A stopwatch on thread CPU time (wall clock as a fallback).
struct Stopwatch {
    cpu: Option<u64>,
    wall: Instant,
}

impl Stopwatch {
    fn start() -> Self {
        Self { cpu: thread_cpu_ns(), wall: Instant::now() }
    }

    fn ms(&self) -> f64 {
        match (self.cpu, thread_cpu_ns()) {
            (Some(a), Some(b)) => (b.saturating_sub(a)) as f64 / 1e6,
            _ => self.wall.elapsed().as_secs_f64() * 1e3,
        }
    }
}

/// One frame: `Context::run_ui` plus tessellation; returns its time in ms.
fn frame(ctx: &egui::Context, input: RawInput, mut ui_fn: impl FnMut(&mut egui::Ui)) -> f64 {
    let watch = Stopwatch::start();
    let mut output = ctx.run_ui(input, |ui| ui_fn(ui));
    let primitives = ctx.tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point);
    let ms = watch.ms();
    black_box(primitives);
    output.textures_delta.clear();
    ms
}

fn input(size: egui::Vec2, time: f64, events: Vec<Event>) -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), size)),
        time: Some(time),
        predicted_dt: 1.0 / 60.0,
        max_texture_side: Some(8192),
        events,
        ..RawInput::default()
    }
}

fn wheel(size: egui::Vec2) -> Vec<Event> {
    vec![
        Event::PointerMoved(pos2(size.x / 2.0, size.y / 2.0)),
        Event::MouseWheel {
            unit: MouseWheelUnit::Point,
            delta: vec2(0.0, -SCROLL_STEP_PT),
            phase: TouchPhase::Move,
            source: MouseWheelSource::Wheel,
            modifiers: egui::Modifiers::NONE,
        },
    ]
}

/// The seed article `COPIES` times: its text and non-empty paragraphs.
struct Document {
    text: String,
    paragraphs: Vec<(usize, usize, Direction)>, // byte start, byte end, direction
}

impl Document {
    fn new() -> Self {
        let one = SEED.trim_end_matches('\n');
        let text = vec![one; COPIES].join("\n");
        let mut paragraphs = Vec::new();
        let mut byte = 0;
        for line in text.split('\n') {
            if !line.trim().is_empty() {
                let direction = match unicode_bidi::get_base_direction(line) {
                    unicode_bidi::Direction::Rtl => Direction::Rtl,
                    _ => Direction::Ltr,
                };
                paragraphs.push((byte, byte + line.len(), direction));
            }
            byte += line.len() + 1;
        }
        Self { text, paragraphs }
    }

    fn doc_paragraphs(&self, style: &TextStyle) -> Vec<DocParagraph<'_>> {
        let mut chars_before = 0;
        let mut last_byte = 0;
        self.paragraphs
            .iter()
            .map(|&(start, end, direction)| {
                chars_before += self.text[last_byte..start].chars().count();
                last_byte = start;
                DocParagraph {
                    text: &self.text[start..end],
                    start_char: chars_before,
                    direction,
                    style: style.clone(),
                }
            })
            .collect()
    }
}

/// Median, 95th percentile and maximum.
fn stats(samples: &[f64]) -> (f64, f64, f64) {
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    let pick = |q: f64| {
        let i = ((sorted.len() as f64 - 1.0) * q).round() as usize;
        sorted.get(i).copied().unwrap_or(0.0)
    };
    (pick(0.5), pick(0.95), sorted.last().copied().unwrap_or(0.0))
}

/// Highlights on every 7th paragraph, as a reader with statements would show.
fn highlights(paragraphs: &[DocParagraph<'_>]) -> Vec<Highlight> {
    paragraphs
        .iter()
        .step_by(7)
        .enumerate()
        .map(|(i, p)| Highlight {
            range: CharRange::new(p.start_char + 4, p.start_char + 40),
            color: egui::Color32::LIGHT_BLUE.gamma_multiply(0.4),
            look: if i % 2 == 0 { HighlightLook::Fill } else { HighlightLook::Dashed },
            tag: i as u64,
        })
        .collect()
}

struct EngineRun {
    zoom_ms: f64,
    zoom_grew: bool,
    scrolled_pt: f32,
    first_ms: f64,
    scroll_ms: Vec<f64>,
    resize_ms: f64,
    new_engine_ms: f64,
    stats: text::AtlasStats,
}

fn run_engine(doc: &Document) -> EngineRun {
    let size = vec2(1400.0, 900.0);
    let ctx = egui::Context::default();
    let watch = Stopwatch::start();
    let mut engine = TextEngine::new(&ctx);
    let new_engine_ms = watch.ms();
    let style = TextStyle { color: egui::Color32::BLACK, ..TextStyle::default() };
    let paragraphs = doc.doc_paragraphs(&style);
    let marks = highlights(&paragraphs);
    let id = egui::Id::unique("bench-doc");
    let mut time = 0.0;
    // egui's own first frame (font atlas) is not the text engine's work.
    frame(&ctx, input(size, time, Vec::new()), |ui| {
        ui.label("warm-up");
        engine.end_frame(ui.ctx());
    });
    let show = |ui: &mut egui::Ui, engine: &mut TextEngine| {
        text::document_ui(ui, engine, id, &paragraphs, &marks, &[], None);
        engine.end_frame(ui.ctx());
    };
    time += 1.0 / 60.0;
    let first_ms = frame(&ctx, input(size, time, Vec::new()), |ui| show(ui, &mut engine));
    let mut scroll_ms = Vec::with_capacity(SCROLL_FRAMES);
    for _ in 0..SCROLL_FRAMES {
        time += 1.0 / 60.0;
        scroll_ms.push(frame(&ctx, input(size, time, wheel(size)), |ui| show(ui, &mut engine)));
    }
    let scrolled_pt = engine.document_scroll_offset(id).unwrap_or(0.0);
    // Let the view settle (idle refinement runs here), then resize.
    for _ in 0..30 {
        time += 1.0 / 60.0;
        frame(&ctx, input(size, time, Vec::new()), |ui| show(ui, &mut engine));
    }
    let mut resize_ms: f64 = 0.0;
    for width in [1100.0, 1400.0] {
        time += 1.0 / 60.0;
        let ms = frame(&ctx, input(vec2(width, size.y), time, Vec::new()), |ui| {
            show(ui, &mut engine);
        });
        resize_ms = resize_ms.max(ms);
    }
    // Zoom to 2x: every glyph is rasterised again at the new size and the atlas grows.
    let grown_before = engine.atlas_stats().grown;
    ctx.set_pixels_per_point(2.0);
    time += 1.0 / 60.0;
    let zoom_ms = frame(&ctx, input(size / 2.0, time, Vec::new()), |ui| show(ui, &mut engine));
    let zoom_grew = engine.atlas_stats().grown > grown_before;
    EngineRun {
        zoom_ms,
        zoom_grew,
        scrolled_pt,
        first_ms,
        scroll_ms,
        resize_ms,
        new_engine_ms,
        stats: engine.atlas_stats(),
    }
}

fn run_egui_label(doc: &Document) -> Vec<f64> {
    let size = vec2(1400.0, 900.0);
    let ctx = egui::Context::default();
    text::install_egui_fonts(&ctx);
    let paragraphs: Vec<&str> = doc.paragraphs.iter().map(|&(s, e, _)| &doc.text[s..e]).collect();
    let mut show = |ui: &mut egui::Ui| {
        egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
            for p in &paragraphs {
                ui.label(*p);
            }
        });
    };
    let mut time = 0.0;
    frame(&ctx, input(size, time, Vec::new()), &mut show);
    let mut samples = Vec::with_capacity(SCROLL_FRAMES);
    for _ in 0..SCROLL_FRAMES {
        time += 1.0 / 60.0;
        samples.push(frame(&ctx, input(size, time, wheel(size)), &mut show));
    }
    samples
}

/// Keystroke frames in an editor holding `note`.
fn run_keystrokes(note: &str) -> Vec<f64> {
    let size = vec2(900.0, 900.0);
    let ctx = egui::Context::default();
    let mut engine = TextEngine::new(&ctx);
    let id = egui::Id::unique("bench-note");
    let style = TextStyle { color: egui::Color32::BLACK, ..TextStyle::default() };
    let options =
        EditorOptions { label: "Note", placeholder: "", multiline: true, style, min_rows: 3 };
    let mut value = note.to_owned();
    let mut show = |ui: &mut egui::Ui, engine: &mut TextEngine| {
        egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
            let out = text::editor_ui(ui, engine, id, &value, &options);
            if let Some(c) = out.committed {
                value = c;
            }
        });
        engine.end_frame(ui.ctx());
    };
    let mut time = 0.0;
    ctx.memory_mut(|m| m.request_focus(id));
    for _ in 0..3 {
        time += 1.0 / 60.0;
        frame(&ctx, input(size, time, Vec::new()), |ui| show(ui, &mut engine));
    }
    let mut samples = Vec::with_capacity(KEYSTROKES);
    for i in 0..KEYSTROKES {
        time += 0.1;
        let key = if i % 5 == 4 { " " } else { "ب" };
        let events = vec![Event::Text(key.to_owned())];
        samples.push(frame(&ctx, input(size, time, events), |ui| show(ui, &mut engine)));
    }
    samples
}

/// A 5,000-character Arabic note made of the seed's paragraphs.
fn arabic_note(paragraph_separator: &str) -> String {
    let paragraphs: Vec<&str> = SEED.lines().filter(|l| l.chars().count() > 40).collect();
    let mut note = String::new();
    for p in paragraphs.iter().cycle() {
        if note.chars().count() >= NOTE_CHARS {
            break;
        }
        if !note.is_empty() {
            note.push_str(paragraph_separator);
        }
        note.push_str(p);
    }
    note.chars().take(NOTE_CHARS).collect()
}

/// Repetitions of the scroll runs; the run with the median p95 is reported, so one
/// run disturbed by other processes on the machine does not decide the figures.
const REPEATS: usize = 3;

/// The element of `runs` whose `key` is the median.
fn median_by<T>(mut runs: Vec<T>, key: impl Fn(&T) -> f64) -> Option<T> {
    runs.sort_by(|a, b| key(a).total_cmp(&key(b)));
    let mid = runs.len() / 2;
    runs.into_iter().nth(mid)
}

fn main() {
    let doc = Document::new();
    let total_chars = doc.text.chars().count();
    println!(
        "text_bench: seed article x{COPIES}: {} paragraphs, {total_chars} chars; 1400x900; {SCROLL_FRAMES} scroll frames of {SCROLL_STEP_PT} pt; {REPEATS} runs each",
        doc.paragraphs.len()
    );
    let clock = if thread_cpu_ns().is_some() { "thread CPU time" } else { "wall clock" };
    println!("clock: {clock}");

    let mut engine_runs = Vec::new();
    let mut label_runs = Vec::new();
    for run in 0..REPEATS {
        let engine = run_engine(&doc);
        let label = run_egui_label(&doc);
        let (e_med, e_p95, e_max) = stats(&engine.scroll_ms);
        let (l_med, l_p95, l_max) = stats(&label);
        println!(
            "run {run}: engine median={e_med:.3} p95={e_p95:.3} max={e_max:.3} | egui Label median={l_med:.3} p95={l_p95:.3} max={l_max:.3} | first={:.2} resize={:.2} (ms)",
            engine.first_ms, engine.resize_ms
        );
        engine_runs.push(engine);
        label_runs.push(label);
    }
    let first_ms =
        median_by(engine_runs.iter().map(|r| r.first_ms).collect(), |v| *v).unwrap_or(0.0);
    let resize_ms =
        median_by(engine_runs.iter().map(|r| r.resize_ms).collect(), |v| *v).unwrap_or(0.0);
    let Some(engine) = median_by(engine_runs, |r| stats(&r.scroll_ms).1) else { return };
    let label = median_by(label_runs, |r| stats(r).1).unwrap_or_default();
    let (e_med, e_p95, e_max) = stats(&engine.scroll_ms);
    let (l_med, l_p95, l_max) = stats(&label);
    println!("engine view scrolled to y={:.0} pt", engine.scrolled_pt);
    println!("engine document_ui  frame_ms median={e_med:.3} p95={e_p95:.3} max={e_max:.3}");
    println!("egui Label baseline frame_ms median={l_med:.3} p95={l_p95:.3} max={l_max:.3}");
    println!(
        "TextEngine::new {:.2} ms; first visible screen {first_ms:.2} ms; resize relayout {resize_ms:.2} ms (medians)",
        engine.new_engine_ms
    );
    println!(
        "zoom to 2x (all glyphs rasterised anew{}): {:.2} ms",
        if engine.zoom_grew { ", atlas grew" } else { "" },
        engine.zoom_ms
    );
    println!(
        "atlas after zoom {}x{} px, {} glyphs, grown {} times",
        engine.stats.side, engine.stats.side, engine.stats.glyphs, engine.stats.grown
    );

    let keystrokes = run_keystrokes(&arabic_note("\n"));
    let (k_med, k_p95, k_max) = stats(&keystrokes);
    println!(
        "keystroke, 5,000-char Arabic note (paragraphs): median={k_med:.3} p95={k_p95:.3} max={k_max:.3} ms"
    );
    let single = run_keystrokes(&arabic_note(" "));
    let (s_med, s_p95, s_max) = stats(&single);
    println!(
        "keystroke, 5,000-char Arabic note (one paragraph): median={s_med:.3} p95={s_p95:.3} max={s_max:.3} ms"
    );
    let ratio = if l_p95 > 0.0 { e_p95 / l_p95 } else { f64::NAN };
    println!(
        "text_bench frame_ms_p95={e_p95:.3} egui_label_frame_ms_p95={l_p95:.3} ratio={ratio:.2} first_layout_ms={first_ms:.2} resize_ms={resize_ms:.2} keystroke_ms={k_med:.2}"
    );
}
