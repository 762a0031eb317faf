//! Logos and the QR code turned into drawing operations once per job, then placed on every card.

use crate::draw::{Op, PathEl, Rgb, VectorArt};
use crate::PrintError;
use std::sync::Arc;

/// A logo ready to place: vector artwork or a raster image, by index into the job's lists.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Art {
    Vector {
        art: usize,
        width: f32,
        height: f32,
    },
    Raster {
        image: usize,
        width: u32,
        height: u32,
    },
}

impl Art {
    fn aspect(&self) -> f32 {
        match self {
            Art::Vector { width, height, .. } => width / height.max(0.001),
            Art::Raster { width, height, .. } => *width as f32 / (*height).max(1) as f32,
        }
    }

    /// Draws the art centred in the box (x, y, w, h), keeping its proportions.
    pub fn place(&self, x: f32, y: f32, w: f32, h: f32, out: &mut Vec<Op>) {
        let aspect = self.aspect();
        let (dw, dh) = if w / h > aspect {
            (h * aspect, h)
        } else {
            (w, w / aspect)
        };
        let (ox, oy) = (x + (w - dw) / 2.0, y + (h - dh) / 2.0);
        out.push(match *self {
            Art::Raster { image, .. } => Op::Image {
                image,
                x: ox,
                y: oy,
                w: dw,
                h: dh,
            },
            Art::Vector { art, .. } => Op::Symbol {
                art,
                x: ox,
                y: oy,
                w: dw,
                h: dh,
            },
        });
    }
}

/// The fonts SVG text is drawn with: the bundled ones, so logos look the same everywhere.
pub fn svg_options() -> usvg::Options<'static> {
    let mut db = usvg::fontdb::Database::new();
    for f in crate::fonts::FONT_FILES.iter() {
        db.load_font_data(f.data.to_vec());
    }
    db.set_sans_serif_family("Noto Sans");
    let mut opt = okort_core::logo::closed_svg_options(usvg::Options {
        font_family: "Noto Sans".into(),
        ..Default::default()
    });
    opt.fontdb = Arc::new(db);
    opt
}

/// Parses an SVG into vector art (text becomes outlines in the bundled fonts).
pub fn svg_art(bytes: &[u8], opt: &usvg::Options) -> Result<VectorArt, PrintError> {
    let tree = usvg::Tree::from_data(bytes, opt).map_err(|e| PrintError::Image(e.to_string()))?;
    let mut ops = Vec::new();
    collect(tree.root(), &mut ops);
    let size = tree.size();
    Ok(VectorArt {
        ops,
        width: size.width(),
        height: size.height(),
    })
}

fn paint_colour(p: &usvg::Paint) -> Option<Rgb> {
    match p {
        usvg::Paint::Color(c) => Some(Rgb(c.red, c.green, c.blue)),
        // Gradients and patterns are drawn in their first stop's colour.
        usvg::Paint::LinearGradient(g) => g.stops().first().map(|s| stop(s.color())),
        usvg::Paint::RadialGradient(g) => g.stops().first().map(|s| stop(s.color())),
        usvg::Paint::Pattern(_) => None,
    }
}

fn stop(c: usvg::Color) -> Rgb {
    Rgb(c.red, c.green, c.blue)
}

fn collect(group: &usvg::Group, out: &mut Vec<Op>) {
    for node in group.children() {
        match node {
            usvg::Node::Group(g) => collect(g, out),
            usvg::Node::Path(p) if p.is_visible() => {
                let t = p.abs_transform();
                let map = |x: f32, y: f32| {
                    let mut pt = usvg::tiny_skia_path::Point::from_xy(x, y);
                    t.map_point(&mut pt);
                    (pt.x, pt.y)
                };
                let mut els = Vec::new();
                let mut last = (0.0, 0.0);
                for seg in p.data().segments() {
                    use usvg::tiny_skia_path::PathSegment as S;
                    match seg {
                        S::MoveTo(a) => {
                            last = map(a.x, a.y);
                            els.push(PathEl::Move(last.0, last.1));
                        }
                        S::LineTo(a) => {
                            last = map(a.x, a.y);
                            els.push(PathEl::Line(last.0, last.1));
                        }
                        S::QuadTo(c, a) => {
                            let (cx, cy) = map(c.x, c.y);
                            let (ax, ay) = map(a.x, a.y);
                            let c1 = (
                                last.0 + 2.0 / 3.0 * (cx - last.0),
                                last.1 + 2.0 / 3.0 * (cy - last.1),
                            );
                            let c2 = (ax + 2.0 / 3.0 * (cx - ax), ay + 2.0 / 3.0 * (cy - ay));
                            els.push(PathEl::Cubic(c1.0, c1.1, c2.0, c2.1, ax, ay));
                            last = (ax, ay);
                        }
                        S::CubicTo(c1, c2, a) => {
                            let (x1, y1) = map(c1.x, c1.y);
                            let (x2, y2) = map(c2.x, c2.y);
                            last = map(a.x, a.y);
                            els.push(PathEl::Cubic(x1, y1, x2, y2, last.0, last.1));
                        }
                        S::Close => els.push(PathEl::Close),
                    }
                }
                let fill = p.fill().and_then(|f| paint_colour(f.paint()));
                let stroke = p.stroke().and_then(|s| {
                    paint_colour(s.paint()).map(|colour| crate::draw::Stroke {
                        colour,
                        width: s.width().get() * t.get_scale().0,
                    })
                });
                if fill.is_some() || stroke.is_some() {
                    out.push(Op::Path { els, fill, stroke });
                }
            }
            usvg::Node::Text(t) => collect(t.flattened(), out),
            _ => {}
        }
    }
}

/// The QR code as one drawing operation, `size` millimetres square at (x, y).
pub fn qr_op(payload: &str, x: f32, y: f32, size: f32) -> Result<Op, PrintError> {
    // The encoder's search for the mask with the lowest penalty took a third of the time of
    // printing a card. Every reader decodes any of the eight masks, so one fixed mask is used.
    let qr = |e: qrcode::types::QrError| PrintError::Qr(e.to_string());
    let ec_level = qrcode::EcLevel::M;
    let bits = qrcode::bits::encode_auto(payload.as_bytes(), ec_level).map_err(qr)?;
    let version = bits.version();
    let (data, ec) =
        qrcode::ec::construct_codewords(&bits.into_bytes(), version, ec_level).map_err(qr)?;
    let mut canvas = qrcode::canvas::Canvas::new(version, ec_level);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&data, &ec);
    canvas.apply_mask(qrcode::canvas::MaskPattern::Checkerboard);
    let n = version.width() as usize;
    let colors = canvas.into_colors();
    let mut runs = Vec::new();
    for row in 0..n {
        let mut col = 0;
        while col < n {
            if colors[row * n + col] == qrcode::Color::Dark {
                let start = col;
                while col < n && colors[row * n + col] == qrcode::Color::Dark {
                    col += 1;
                }
                runs.push((row as u16, start as u16, (col - start) as u16));
            } else {
                col += 1;
            }
        }
    }
    Ok(Op::Qr {
        x,
        y,
        size,
        n: n as u16,
        quiet: 2,
        runs,
    })
}
