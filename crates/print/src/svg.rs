//! Renders a page of drawing operations to SVG for the on-screen preview. Text is drawn as
//! the same shaped glyphs' outlines, so the preview matches the PDF glyph for glyph.

use crate::draw::{pt_to_mm, Op, Page, PathEl, Rgb, VectorArt};
use crate::fonts::Fonts;
use rustybuzz::ttf_parser::{GlyphId, OutlineBuilder};
use std::fmt::Write;

struct Outline<'a> {
    d: &'a mut String,
    x: f32,
    y: f32,
    scale: f32,
}

impl Outline<'_> {
    fn p(&self, x: f32, y: f32) -> (f32, f32) {
        (self.x + x * self.scale, self.y - y * self.scale)
    }
}

impl OutlineBuilder for Outline<'_> {
    fn move_to(&mut self, x: f32, y: f32) {
        let (a, b) = self.p(x, y);
        let _ = write!(self.d, "M{a:.2} {b:.2}");
    }
    fn line_to(&mut self, x: f32, y: f32) {
        let (a, b) = self.p(x, y);
        let _ = write!(self.d, "L{a:.2} {b:.2}");
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let (a, b) = self.p(x1, y1);
        let (c, d) = self.p(x, y);
        let _ = write!(self.d, "Q{a:.2} {b:.2} {c:.2} {d:.2}");
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let (a, b) = self.p(x1, y1);
        let (c, d) = self.p(x2, y2);
        let (e, f) = self.p(x, y);
        let _ = write!(self.d, "C{a:.2} {b:.2} {c:.2} {d:.2} {e:.2} {f:.2}");
    }
    fn close(&mut self) {
        self.d.push('Z');
    }
}

fn paint(fill: Option<Rgb>, stroke: Option<crate::draw::Stroke>) -> String {
    let mut s = match fill {
        Some(c) => format!(r#" fill="{}""#, c.hex()),
        None => r#" fill="none""#.to_string(),
    };
    if let Some(st) = stroke {
        let _ = write!(
            s,
            r#" stroke="{}" stroke-width="{:.3}""#,
            st.colour.hex(),
            st.width
        );
    }
    s
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// One page as an SVG document in millimetres. `images` are data: URLs of the raster logos.
pub fn render_svg(page: &Page, fonts: &Fonts, vectors: &[VectorArt], images: &[String]) -> String {
    let mut out = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}mm" height="{h}mm">"#,
        w = page.width,
        h = page.height
    );
    render_ops(&page.ops, fonts, vectors, images, &mut out);
    out.push_str("</svg>");
    out
}

fn render_ops(
    ops: &[Op],
    fonts: &Fonts,
    vectors: &[VectorArt],
    images: &[String],
    out: &mut String,
) {
    for op in ops {
        match op {
            Op::Rect {
                x,
                y,
                w,
                h,
                fill,
                stroke,
            } => {
                let _ = write!(
                    out,
                    r#"<rect x="{x:.2}" y="{y:.2}" width="{w:.2}" height="{h:.2}"{}/>"#,
                    paint(*fill, *stroke)
                );
            }
            Op::Path { els, fill, stroke } => {
                let mut d = String::new();
                for el in els {
                    let _ = match el {
                        PathEl::Move(x, y) => write!(d, "M{x:.2} {y:.2}"),
                        PathEl::Line(x, y) => write!(d, "L{x:.2} {y:.2}"),
                        PathEl::Cubic(a, b, c, e, f, g) => {
                            write!(d, "C{a:.2} {b:.2} {c:.2} {e:.2} {f:.2} {g:.2}")
                        }
                        PathEl::Close => write!(d, "Z"),
                    };
                }
                let _ = write!(*out, r#"<path d="{d}"{}/>"#, paint(*fill, *stroke));
            }
            Op::Text {
                x,
                y,
                size,
                colour,
                text,
            } => {
                let mut d = String::new();
                let mut pen = *x;
                let size_mm = pt_to_mm(*size);
                for run in &text.runs {
                    let face = fonts.face(run.font);
                    let scale = size_mm / f32::from(run.units_per_em);
                    for g in &run.glyphs {
                        let mut b = Outline {
                            d: &mut d,
                            x: pen + g.x_offset as f32 * scale,
                            y: y - g.y_offset as f32 * scale,
                            scale,
                        };
                        face.outline_glyph(GlyphId(g.gid), &mut b);
                        pen += g.x_advance as f32 * scale;
                    }
                }
                let _ = write!(
                    *out,
                    r#"<path aria-label="{}" d="{d}" fill="{}"/>"#,
                    escape(&text.text),
                    colour.hex()
                );
            }
            Op::Image { image, x, y, w, h } => {
                if let Some(href) = images.get(*image) {
                    let _ = write!(
                        *out,
                        r#"<image href="{href}" x="{x:.2}" y="{y:.2}" width="{w:.2}" height="{h:.2}" preserveAspectRatio="none"/>"#
                    );
                }
            }
            Op::Qr {
                x,
                y,
                size,
                n,
                quiet,
                runs,
            } => {
                let m = size / f32::from(n + 2 * quiet);
                let _ = write!(
                    *out,
                    r##"<rect x="{x:.2}" y="{y:.2}" width="{size:.2}" height="{size:.2}" fill="#ffffff"/><path fill="#000000" d=""##
                );
                for (row, col, len) in runs {
                    let _ = write!(
                        *out,
                        "M{:.3} {:.3}h{:.3}v{m:.3}h-{:.3} Z",
                        x + f32::from(col + quiet) * m,
                        y + f32::from(row + quiet) * m,
                        f32::from(*len) * m,
                        f32::from(*len) * m
                    );
                }
                out.push_str(r#""/>"#);
            }
            Op::Group {
                matrix: [a, b, c, d, e, f],
                ops,
            } => {
                let _ = write!(*out, r#"<g transform="matrix({a} {b} {c} {d} {e} {f})">"#);
                render_ops(ops, fonts, vectors, images, out);
                out.push_str("</g>");
            }
            Op::Symbol { art, x, y, w, .. } => {
                if let Some(v) = vectors.get(*art) {
                    let s = w / v.width;
                    let _ = write!(
                        *out,
                        r#"<g transform="translate({x:.3} {y:.3}) scale({s:.5})">"#
                    );
                    render_ops(&v.ops, fonts, vectors, images, out);
                    out.push_str("</g>");
                }
            }
        }
    }
}
