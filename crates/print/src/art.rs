//! Logos and the QR code turned into drawing operations once per job, then placed on every card.

use crate::draw::{Op, PathEl, Rgb};
use crate::PrintError;
use std::sync::Arc;

/// A logo ready to place: vector paths in a unit box (SVG), or a raster image.
#[derive(Debug, Clone, PartialEq)]
pub enum Art {
    /// Paths in coordinates where the artwork spans `width` × `height`.
    Vector {
        ops: Vec<Op>,
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
        match self {
            Art::Raster { image, .. } => out.push(Op::Image {
                image: *image,
                x: ox,
                y: oy,
                w: dw,
                h: dh,
            }),
            Art::Vector { ops, width, .. } => {
                let s = dw / width;
                let tf = |px: f32, py: f32| (ox + px * s, oy + py * s);
                for op in ops {
                    if let Op::Path { els, fill, stroke } = op {
                        let els = els
                            .iter()
                            .map(|e| match *e {
                                PathEl::Move(a, b) => {
                                    let (a, b) = tf(a, b);
                                    PathEl::Move(a, b)
                                }
                                PathEl::Line(a, b) => {
                                    let (a, b) = tf(a, b);
                                    PathEl::Line(a, b)
                                }
                                PathEl::Cubic(a, b, c, d, e, f) => {
                                    let (a, b) = tf(a, b);
                                    let (c, d) = tf(c, d);
                                    let (e, f) = tf(e, f);
                                    PathEl::Cubic(a, b, c, d, e, f)
                                }
                                PathEl::Close => PathEl::Close,
                            })
                            .collect();
                        let stroke = stroke.map(|mut s2| {
                            s2.width *= s;
                            s2
                        });
                        out.push(Op::Path {
                            els,
                            fill: *fill,
                            stroke,
                        });
                    }
                }
            }
        }
    }
}

/// The fonts SVG text is drawn with: the bundled ones, so logos look the same everywhere.
pub fn svg_options() -> usvg::Options<'static> {
    let mut db = usvg::fontdb::Database::new();
    for f in crate::fonts::FONT_FILES.iter() {
        db.load_font_data(f.data.to_vec());
    }
    db.set_sans_serif_family("Noto Sans");
    let mut opt = usvg::Options {
        font_family: "Noto Sans".into(),
        ..Default::default()
    };
    opt.fontdb = Arc::new(db);
    opt
}

/// Parses an SVG into vector art (text becomes outlines in the bundled fonts).
pub fn svg_art(bytes: &[u8], opt: &usvg::Options) -> Result<Art, PrintError> {
    let tree = usvg::Tree::from_data(bytes, opt).map_err(|e| PrintError::Image(e.to_string()))?;
    let mut ops = Vec::new();
    collect(tree.root(), &mut ops);
    let size = tree.size();
    Ok(Art::Vector {
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

/// The QR code as one vector path of dark modules, `size` millimetres square at (x, y).
pub fn qr_ops(
    payload: &str,
    x: f32,
    y: f32,
    size: f32,
    out: &mut Vec<Op>,
) -> Result<(), PrintError> {
    let code = qrcode::QrCode::with_error_correction_level(payload, qrcode::EcLevel::M)
        .map_err(|e| PrintError::Qr(e.to_string()))?;
    let n = code.width();
    let quiet = 2usize;
    let m = size / (n + 2 * quiet) as f32;
    let colors = code.to_colors();
    let mut els = Vec::new();
    for row in 0..n {
        let mut col = 0;
        while col < n {
            if colors[row * n + col] == qrcode::Color::Dark {
                let start = col;
                while col < n && colors[row * n + col] == qrcode::Color::Dark {
                    col += 1;
                }
                let x0 = x + (start + quiet) as f32 * m;
                let x1 = x + (col + quiet) as f32 * m;
                let y0 = y + (row + quiet) as f32 * m;
                let y1 = y0 + m;
                els.extend([
                    PathEl::Move(x0, y0),
                    PathEl::Line(x1, y0),
                    PathEl::Line(x1, y1),
                    PathEl::Line(x0, y1),
                    PathEl::Close,
                ]);
            } else {
                col += 1;
            }
        }
    }
    out.push(Op::Rect {
        x,
        y,
        w: size,
        h: size,
        fill: Some(Rgb::WHITE),
        stroke: None,
    });
    out.push(Op::Path {
        els,
        fill: Some(Rgb::BLACK),
        stroke: None,
    });
    Ok(())
}
