//! Rendered pages of the demo card compared with reference images, with a tolerance: a change
//! to how cards look shows up here and is looked at before the reference is renewed
//! (`UPDATE_REFERENCE=1 cargo test -p okort-documents --test reference_images`).

use okort_documents::bench;
use okort_print::Layout;
use okort_store::demo;
use std::path::Path;
use std::process::Command;

fn render(layout: Layout, dir: &Path) -> image::RgbImage {
    let ws = demo::create(&dir.join("demo.okort")).expect("demo");
    let year = ws.year_by_number(2026).expect("year").expect("2026");
    // The benchmark's cards are signed with a fixed secret: the same QR on every machine.
    let (_, pdf) = bench(&ws, year.id, layout, 1).expect("print");
    let pdf_path = dir.join("card.pdf");
    std::fs::write(&pdf_path, pdf).expect("write");
    let png = dir.join("page");
    let out = Command::new("pdftoppm")
        .args(["-r", "60", "-f", "1", "-l", "1", "-singlefile", "-png"])
        .arg(&pdf_path)
        .arg(&png)
        .output()
        .expect("pdftoppm");
    assert!(out.status.success());
    image::open(dir.join("page.png")).expect("png").to_rgb8()
}

fn compare(name: &str, layout: Layout) {
    let dir = tempfile::tempdir().expect("dir");
    let actual = render(layout, dir.path());
    let reference = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/reference")
        .join(name);
    if std::env::var_os("UPDATE_REFERENCE").is_some() || !reference.exists() {
        actual.save(&reference).expect("save reference");
    }
    let expected = image::open(&reference).expect("reference").to_rgb8();
    assert_eq!(
        actual.dimensions(),
        expected.dimensions(),
        "page size changed"
    );
    let total: u64 = actual
        .pixels()
        .zip(expected.pixels())
        .map(|(a, b)| {
            a.0.iter()
                .zip(b.0)
                .map(|(x, y)| u64::from(x.abs_diff(y)))
                .sum::<u64>()
        })
        .sum();
    let mean = total as f64 / (actual.width() * actual.height() * 3) as f64;
    assert!(
        mean < 2.0,
        "{name}: mean difference {mean:.2} of 255 per channel"
    );
}

#[test]
fn the_demo_a4_card_looks_as_it_did() {
    compare("demo-a4.png", Layout::A4);
}

#[test]
fn the_demo_cr80_front_looks_as_it_did() {
    compare("demo-cr80-front.png", Layout::Cr80);
}
