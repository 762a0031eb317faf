//! `okort bench`: printing timed on generated cards, a workspace of many generated cards to
//! time `okort cards print` on, and the same cards as a Typst document, the outside yardstick
//! (see docs/performance.md).

use crate::common::{parse_layout, year_id};
use clap::Subcommand;
use okort_core::i18n::{CliMsg, Problem};
use okort_core::Lang;
use okort_print::draw::Op;
use okort_print::Layout;
use okort_store::{demo, StoreError, Workspace};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[derive(Subcommand)]
pub enum BenchCommand {
    /// Prints generated cards with the demo design and reports time, size and peak memory.
    Print {
        #[arg(long, default_value_t = 100)]
        cards: usize,
        #[arg(long, default_value = "a4")]
        layout: String,
        /// Keep the PDF here to look at it.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Creates a workspace to measure `okort cards print` on: the demo program with a program
    /// year 2027 whose quota is `--cards`, and that many generated holders, each with a card.
    Workspace {
        #[arg(long, default_value_t = 5000)]
        cards: u32,
        #[arg(long)]
        out: PathBuf,
    },
    /// Times every figure of the statistics screen on a generated year: the demo program with
    /// a year 2027 of `--holders` holders with cards and `--visits` visits (target: each
    /// figure within 200 ms).
    Stats {
        #[arg(long, default_value_t = 50_000)]
        holders: u32,
        #[arg(long, default_value_t = 1_000_000)]
        visits: u64,
        /// Keep the generated workspace here (else a temporary folder).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Writes a year's active cards as a Typst document (cards.typ, cards.json, the logos) in
    /// a folder, to compile with Typst and compare (docs/performance.md).
    Typst {
        #[arg(long)]
        year: i32,
        #[arg(long, default_value = "a4")]
        layout: String,
        #[arg(long)]
        out: PathBuf,
    },
}

pub fn run(path: &Path, command: BenchCommand, lang: Lang) -> Result<(), StoreError> {
    let say = |m: CliMsg| out!("{}", m.text(lang));
    match command {
        BenchCommand::Typst { year, layout, out } => {
            let layout = parse_layout(&layout)?;
            let n = typst(&crate::common::open(path, lang)?, year, layout, &out)?;
            say(CliMsg::BenchTypstWritten {
                count: n,
                path: out.display().to_string(),
            });
        }
        BenchCommand::Stats {
            holders,
            visits,
            out,
        } => stats(holders, visits, out)?,
        BenchCommand::Workspace { cards, out } => {
            drop(workspace(&out, cards)?);
            say(CliMsg::BenchWorkspaceMade {
                count: cards,
                year: YEAR,
                path: out.display().to_string(),
            });
        }
        BenchCommand::Print { cards, layout, out } => {
            let layout = parse_layout(&layout)?;
            let dir = std::env::temp_dir().join(format!("okort-bench-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            let ws = demo::create(&dir.join("demo.okort"))?;
            let year = year_id(&ws, 2026)?;
            let (r, pdf) = okort_documents::bench(&ws, year, layout, cards)?;
            if let Some(out) = out {
                okort_store::write_file(&out, &pdf)?;
            }
            let _ = std::fs::remove_dir_all(&dir);
            out!(
                "{} cards, {} pages: {:.3} s (layout {:.3} s), {} bytes ({} bytes per card), peak memory {} MB",
                r.cards,
                r.pages,
                r.seconds,
                r.layout_seconds,
                r.bytes,
                r.bytes / r.cards.max(1),
                peak_memory_mb()
            );
        }
    }
    Ok(())
}

/// The process's peak resident memory (VmHWM), in MB; 0 where /proc is not there.
fn peak_memory_mb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb / 1024)
}

/// The year `okort bench workspace` fills.
pub const YEAR: i32 = 2027;

/// The demo program with a year of `n` generated holders, each with a card: names in the
/// scripts the bundled fonts cover, so printing them shapes what a real register holds.
pub fn workspace(path: &Path, n: u32) -> Result<Workspace, StoreError> {
    let mut ws = demo::create(path)?;
    let from = year_id(&ws, 2026)?;
    let defaults = okort_core::ProgramYearInput::new_for(YEAR)
        .ok_or(StoreError::Refused(Problem::UnknownYear { year: YEAR }))?;
    // The benchmark's own demo workspace, set up by the demo's administrator.
    let admin = ws.login(demo::DEMO_USERS[0].0, demo::DEMO_PASSWORD)?;
    let year = ws.save_year(
        &admin,
        okort_core::ProgramYearInput {
            card_quota: n.max(1),
            ..defaults
        },
    )?;
    ws.copy_agreements(&admin, from, year.id)?;
    demo::add_generated_cards(&mut ws, year.id, n)?;
    Ok(ws)
}

/// `okort bench stats`: builds the workspace, then times each scan and the whole screen. A
/// year numbers at most 9,999 cards, so the holders are spread over years: 9,900 in 2027 (the
/// year timed, with every visit), then 9,900 more in 2026 (last year, with half as many
/// visits), then 2028 on.
fn stats(holders: u32, visits: u64, out: Option<PathBuf>) -> Result<(), StoreError> {
    use std::time::Instant;
    const PER_YEAR: u32 = 9_900;
    let dir = std::env::temp_dir().join(format!("okort-bench-stats-{}", std::process::id()));
    // A workspace kept with --out from an earlier run is timed again as it is.
    if let Some(kept) = out.as_ref().filter(|p| p.exists()) {
        let (ws, admin) = Workspace::unlock(kept, demo::DEMO_USERS[0].0, demo::DEMO_PASSWORD)?;
        return time_stats(&ws, &admin);
    }
    let path = out.unwrap_or_else(|| dir.join("stats.okort"));
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let started = Instant::now();
    let mut ws = workspace(&path, holders.min(PER_YEAR))?;
    let admin = ws.login(demo::DEMO_USERS[0].0, demo::DEMO_PASSWORD)?;
    let year = year_id(&ws, YEAR)?;
    let before = year_id(&ws, YEAR - 1)?;
    let mut left = holders.saturating_sub(PER_YEAR);
    let n = left.min(PER_YEAR);
    demo::add_generated_cards(&mut ws, before, n)?;
    left -= n;
    let mut next = YEAR + 1;
    while left > 0 {
        let n = left.min(PER_YEAR);
        let defaults = okort_core::ProgramYearInput::new_for(next)
            .ok_or(StoreError::Refused(Problem::UnknownYear { year: next }))?;
        let y = ws.save_year(&admin, defaults)?;
        demo::add_generated_cards(&mut ws, y.id, n)?;
        left -= n;
        next += 1;
    }
    demo::add_generated_visits(&mut ws, year, visits)?;
    demo::add_generated_visits(&mut ws, before, visits / 2)?;
    out!(
        "{holders} holders over {} years, {visits} visits in {YEAR} and {} in {}: generated in {:.1} s",
        next - YEAR + 1,
        visits / 2,
        YEAR - 1,
        started.elapsed().as_secs_f64()
    );
    time_stats(&ws, &admin)?;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

/// Times each scan of the statistics on `ws`'s year 2027, and the whole screen.
fn time_stats(ws: &Workspace, admin: &okort_core::Actor) -> Result<(), StoreError> {
    use std::time::Instant;
    let year = year_id(ws, YEAR)?;
    let time = |name: &str, f: &mut dyn FnMut() -> Result<(), StoreError>| {
        // The best of three: the first run also warms SQLite's page cache.
        let mut best = f64::MAX;
        for _ in 0..3 {
            let t = Instant::now();
            f()?;
            best = best.min(t.elapsed().as_secs_f64() * 1000.0);
        }
        out!("{name:<34} {best:>8.1} ms");
        Ok::<f64, StoreError>(best)
    };
    let march = chrono::NaiveDate::from_ymd_opt(YEAR, 3, 1)
        .zip(chrono::NaiveDate::from_ymd_opt(YEAR, 5, 31));
    let mut worst: f64 = 0.0;
    worst = worst.max(time("cards and holders (year)", &mut || {
        ws.card_counts(year, None).map(drop)
    })?);
    worst = worst.max(time("visits by venue and month (year)", &mut || {
        ws.venue_counts(year, None).map(drop)
    })?);
    worst = worst.max(time("cards and holders (March–May)", &mut || {
        ws.card_counts(year, march).map(drop)
    })?);
    worst = worst.max(time(
        "visits by venue and month (March–May)",
        &mut || ws.venue_counts(year, march).map(drop),
    )?);
    worst = worst.max(time("budget and settlements", &mut || {
        ws.money_counts(year).map(drop)
    })?);
    let whole = time("the whole screen, with last year", &mut || {
        let s = ws.statistics(admin, year, None)?;
        drop(okort_core::stats::tables(
            &s,
            Lang::Nb,
            okort_core::stats::Audience::Screen,
        ));
        Ok(())
    })?;
    out!("slowest figure {worst:.1} ms (target 200 ms); whole screen {whole:.1} ms; peak memory {} MB", peak_memory_mb());
    Ok(())
}

/// A string as a Typst string literal.
fn typst_str(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Writes a year's active cards as a Typst document in `dir`: `cards.typ` (the layout, close
/// to ours: header, holder panel with name, number and validity, the QR code's module runs as
/// rectangles in one curve, venues with tick boxes), `cards.json` (the cards and the design)
/// and the logos as SVG files.
pub fn typst(ws: &Workspace, year: i32, layout: Layout, dir: &Path) -> Result<usize, StoreError> {
    let actor = crate::common::acting(ws)?;
    let year_id = year_id(ws, year)?;
    let job = okort_documents::year_job(ws, year_id, okort_core::Lang::Nb)?;
    let design = job.design();
    std::fs::create_dir_all(dir)?;
    let program = ws.program()?;
    let save_logo = |id: Option<i64>, name: &str| -> Result<String, StoreError> {
        let Some(id) = id else {
            return Ok("none".into());
        };
        let image = ws.image(id)?;
        let file = format!(
            "{name}.{}",
            if image.mime.contains("svg") {
                "svg"
            } else {
                "png"
            }
        );
        std::fs::write(dir.join(&file), image.bytes)?;
        Ok(typst_str(&file))
    };
    let arms = save_logo(program.coat_of_arms_id, "arms")?;
    let logo = save_logo(program.logo_id, "logo")?;
    let stored = ws.list_venues()?;
    let mut venues = String::new();
    for (i, v) in design.venues.iter().enumerate() {
        let logo_id = stored
            .iter()
            .find(|s| s.name == v.name)
            .and_then(|s| s.logo_id);
        let file = save_logo(logo_id, &format!("venue{i}"))?;
        let visits = v.visits.map_or("none".to_string(), |n| n.to_string());
        let _ = writeln!(venues, "  ({}, {visits}, {file}),", typst_str(&v.name));
    }
    let signer = ws.qr_signer(&actor, year_id)?;
    let mut cards = String::from("[\n");
    let rows: Vec<_> = ws
        .list_cards(&actor, year_id)?
        .into_iter()
        .filter(|r| r.card.status.is_active())
        .collect();
    for (i, row) in rows.iter().enumerate() {
        let face = okort_documents::card_face(&signer, row)?;
        let Op::Qr { n, quiet, runs, .. } = okort_print::art::qr_op(&face.qr, 0.0, 0.0, 1.0)
            .map_err(okort_documents::DocError::from)?
        else {
            continue;
        };
        let runs: Vec<String> = runs
            .iter()
            .map(|(r, c, l)| format!("[{r},{c},{l}]"))
            .collect();
        let _ = write!(
            cards,
            "{}{{\"name\":{},\"number\":{},\"valid\":{},\"n\":{n},\"quiet\":{quiet},\"runs\":[{}]}}",
            if i == 0 { "" } else { ",\n" },
            serde_json::Value::String(face.holder_name),
            serde_json::Value::String(face.number),
            serde_json::Value::String(face.valid_to),
            runs.join(",")
        );
    }
    cards.push_str("\n]\n");
    std::fs::write(dir.join("cards.json"), cards)?;
    let hex = |c: okort_print::Rgb| typst_str(&c.hex());
    let head = format!(
        "#let title = {}\n#let municipality = {}\n#let rules = {}\n#let contact = {}\n\
         #let primary = rgb({})\n#let accent = rgb({})\n#let arms = {arms}\n#let logo = {logo}\n\
         #let venues = (\n{venues})\n#let sheet = {}\n",
        typst_str(&design.title),
        typst_str(&design.municipality),
        typst_str(&design.rules),
        typst_str(&design.contact),
        hex(design.primary),
        hex(design.accent),
        layout == Layout::Sheet8,
    );
    std::fs::write(dir.join("cards.typ"), head + TYPST_CARDS)?;
    Ok(rows.len())
}

/// The card layouts in Typst: A4 one card a page, or eight CR80 fronts a sheet followed by a
/// sheet of backs. Positions and sizes are those of crates/print/src/layout.rs.
const TYPST_CARDS: &str = r##"
#let cards = json("cards.json")
#set page(width: 210mm, height: 297mm, margin: 0pt)
#set text(font: ("Noto Sans", "Noto Sans Arabic", "Noto Sans Ethiopic"),
  top-edge: "baseline", bottom-edge: "baseline")
#let ink = rgb("#1d2430")
#let grey = rgb("#6b7280")
#let tint(c, amount) = color.mix((c, 100% - amount * 100%), (white, amount * 100%))
#let t(x, y, size, fill, body, bold: false) = place(dx: x * 1mm, dy: y * 1mm,
  text(size: size * 1pt, fill: fill, weight: if bold { "bold" } else { "regular" }, body))
#let panel(x, y, w, h, fill) = place(dx: x * 1mm, dy: y * 1mm,
  rect(width: w * 1mm, height: h * 1mm, fill: fill, stroke: none))
#let picture(file, x, y, w, h) = if file != none {
  place(dx: x * 1mm, dy: y * 1mm, image(file, width: w * 1mm, height: h * 1mm, fit: "contain"))
}
#let qr(card, x, y, size) = place(dx: x * 1mm, dy: y * 1mm, {
  // The module runs as rectangles, all one curve: one element a code.
  let m = size * 1mm / (card.n + 2 * card.quiet)
  place(rect(width: size * 1mm, height: size * 1mm, fill: white, stroke: none))
  place(curve(fill: black, stroke: none, ..card.runs.map(((r, c, l)) => {
    let (x0, y0) = ((c + card.quiet) * m, (r + card.quiet) * m)
    (curve.move((x0, y0)), curve.line((x0 + l * m, y0)), curve.line((x0 + l * m, y0 + m)),
      curve.line((x0, y0 + m)), curve.close())
  }).flatten()))
})
#let ticks(x, y, size, count, per-row) = for k in range(count) {
  place(dx: (x + calc.rem(k, per-row) * (size + 1)) * 1mm, dy: (y + calc.quo(k, per-row) * (size + 0.6)) * 1mm,
    rect(width: size * 1mm, height: size * 1mm, fill: white, stroke: (size * 0.06) * 1mm + primary))
}

#let a4-card(card) = {
  panel(0, 0, 210, 62, primary)
  panel(0, 62, 210, 3, accent)
  picture(arms, 15, 14, 22, 30)
  t(44, 31, 26, white, title, bold: true)
  t(44, 41, 12, tint(primary, 0.75), municipality)
  picture(logo, 150, 12, 45, 38)
  panel(15, 74, 180, 50, tint(primary, 0.9))
  t(22, 84, 8, grey, "KORTHOLDER", bold: true)
  t(22, 96, 24, ink, card.name, bold: true)
  t(22, 108, 8, grey, "KORTNUMMER", bold: true)
  t(22, 117, 15, primary, card.number, bold: true)
  t(88, 108, 8, grey, "GYLDIG TIL", bold: true)
  t(88, 117, 15, primary, card.valid, bold: true)
  qr(card, 154, 77, 38)
  t(15, 140, 14, ink, "Her kan du bruke kortet", bold: true)
  t(15, 146.5, 8.5, grey, "Brukerstedet krysser av én rute for hvert besøk.")
  let row-h = calc.clamp(124 / calc.max(venues.len(), 1), 5, 11)
  let scale = row-h / 11
  for (i, (name, visits, file)) in venues.enumerate() {
    let y = 152 + i * row-h
    if calc.even(i) { panel(15, y, 180, row-h, tint(primary, 0.95)) }
    picture(file, 18, y + row-h * 0.15, row-h * 0.7, row-h * 0.7)
    let base = y + row-h * 0.65
    t(21 + row-h * 0.7, base, 11 * calc.max(scale, 0.7), ink, name)
    if visits == none {
      t(110.4, base, 10 * calc.max(scale, 0.7), primary, "Fri inngang hele året", bold: true)
    } else {
      let size = calc.max(4.6 * scale, 3)
      let per-row = calc.max(calc.floor(81.6 / (size + 1)), 1)
      let rows = calc.max(calc.ceil(visits / per-row), 1)
      let size = calc.max(calc.min(size, (row-h - 2) / rows - 0.6), 1.5)
      ticks(110.4, y + (row-h - rows * (size + 0.6)) / 2, size, visits, per-row)
    }
  }
  panel(0, 281, 210, 16, tint(primary, 0.9))
  t(15, 288, 9.5, ink, rules, bold: true)
  t(15, 293.5, 8, grey, contact)
}

#let front(x, y, card) = {
  panel(x, y, 85.6, 54, white)
  panel(x, y, 85.6, 17, primary)
  panel(x, y + 17, 85.6, 1.2, accent)
  picture(arms, x + 3, y + 2.5, 9, 12)
  t(x + 14, y + 8.5, 9.5, white, title, bold: true)
  t(x + 14, y + 13.5, 6, tint(primary, 0.75), municipality)
  picture(logo, x + 62, y + 2.5, 21, 12)
  t(x + 5, y + 27.5, 12, ink, card.name, bold: true)
  t(x + 5, y + 33.5, 5, grey, "KORTNUMMER", bold: true)
  t(x + 5, y + 38, 8.5, primary, card.number, bold: true)
  t(x + 5, y + 43.5, 5, grey, "GYLDIG TIL", bold: true)
  t(x + 5, y + 48, 8.5, primary, card.valid, bold: true)
  qr(card, x + 60, y + 20.5, 23)
  panel(x, y + 51.5, 85.6, 2.5, accent)
}

#let back(x, y) = {
  panel(x, y, 85.6, 54, white)
  t(x + 4, y + 5.5, 6.5, primary, "Her kan du bruke kortet", bold: true)
  let row-h = calc.clamp(38.5 / calc.max(venues.len(), 1), 1.8, 4)
  for (i, (name, visits, file)) in venues.enumerate() {
    let top = y + 7.5 + i * row-h
    picture(file, x + 4, top + row-h * 0.1, row-h * 0.8, row-h * 0.8)
    let base = top + row-h * 0.75
    let size = calc.min(row-h * 1.9, 6)
    t(x + 5 + row-h * 0.8, base, size, ink, name)
    if visits == none {
      t(x + 44, base, size, primary, "Fri inngang hele året", bold: true)
    } else {
      let bs = calc.min(row-h * 0.7, 2.4)
      let per-row = calc.floor(38 / (bs + 0.5))
      for k in range(calc.min(visits, per-row)) {
        place(dx: (x + 44 + k * (bs + 0.5)) * 1mm, dy: (top + (row-h - bs) / 2) * 1mm,
          rect(width: bs * 1mm, height: bs * 1mm, fill: white, stroke: (bs * 0.06) * 1mm + primary))
      }
    }
  }
  t(x + 4, y + 49.5, 5, ink, rules, bold: true)
  t(x + 4, y + 52.5, 4.5, grey, contact)
}

#let slot(i, backs) = {
  let gap-x = (210 - 2 * 85.6) / 3
  let gap-y = (297 - 4 * 54) / 5
  let col = calc.rem(i, 2)
  let col = if backs { 1 - col } else { col }
  (gap-x + col * (85.6 + gap-x), gap-y + calc.quo(i, 2) * (54 + gap-y))
}

#if sheet {
  for (s, chunk) in cards.chunks(8).enumerate() {
    if s > 0 { pagebreak() }
    for (i, card) in chunk.enumerate() {
      let (x, y) = slot(i, false)
      front(x, y, card)
    }
    pagebreak()
    for i in range(chunk.len()) {
      let (x, y) = slot(i, true)
      back(x, y)
    }
  }
} else {
  for (i, card) in cards.enumerate() {
    if i > 0 { pagebreak() }
    a4-card(card)
  }
}
"##;
