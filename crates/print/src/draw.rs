//! Drawing operations: what a page is made of, in millimetres from the top-left corner.
//! The PDF and the SVG preview are both renderings of these, so they cannot differ.

use crate::fonts::ShapedText;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub const WHITE: Rgb = Rgb(255, 255, 255);
    pub const BLACK: Rgb = Rgb(0, 0, 0);
    pub const INK: Rgb = Rgb(0x1d, 0x24, 0x30);
    pub const GREY: Rgb = Rgb(0x6b, 0x72, 0x80);

    /// Reads "#1f5f8b"; anything else gives `fallback`.
    pub fn parse(hex: &str, fallback: Rgb) -> Rgb {
        let h = hex.trim_start_matches('#');
        let byte = |i: usize| h.get(i..i + 2).and_then(|s| u8::from_str_radix(s, 16).ok());
        match (h.len(), byte(0), byte(2), byte(4)) {
            (6, Some(r), Some(g), Some(b)) => Rgb(r, g, b),
            _ => fallback,
        }
    }

    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PathEl {
    Move(f32, f32),
    Line(f32, f32),
    Cubic(f32, f32, f32, f32, f32, f32),
    Close,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stroke {
    pub colour: Rgb,
    /// Line width in millimetres.
    pub width: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<Rgb>,
        stroke: Option<Stroke>,
    },
    Path {
        els: Vec<PathEl>,
        fill: Option<Rgb>,
        stroke: Option<Stroke>,
    },
    /// Shaped text with its baseline starting at (x, y); `size` in points.
    Text {
        x: f32,
        y: f32,
        size: f32,
        colour: Rgb,
        text: std::rc::Rc<ShapedText>,
    },
    /// A raster image (PNG/JPEG) by its index in the job's image list.
    Image {
        image: usize,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
    },
    /// A QR code `size` mm square at (x, y): `n` modules a side plus a quiet zone of `quiet`,
    /// dark modules as horizontal runs (row, first column, length).
    Qr {
        x: f32,
        y: f32,
        size: f32,
        n: u16,
        quiet: u16,
        runs: Vec<(u16, u16, u16)>,
    },
    /// Operations drawn through a transform (a b c d e f, in millimetres, y down): used to
    /// enlarge a card onto a panel or turn a panel upside down for folding.
    Group { matrix: [f32; 6], ops: Vec<Op> },
    /// Vector artwork (an SVG logo) by its index in the job's list, scaled into the box.
    /// The PDF keeps it once and reuses it on every page.
    Symbol {
        art: usize,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
    },
}

impl PathEl {
    fn translated(self, dx: f32, dy: f32) -> PathEl {
        match self {
            PathEl::Move(x, y) => PathEl::Move(x + dx, y + dy),
            PathEl::Line(x, y) => PathEl::Line(x + dx, y + dy),
            PathEl::Cubic(a, b, c, d, x, y) => {
                PathEl::Cubic(a + dx, b + dy, c + dx, d + dy, x + dx, y + dy)
            }
            PathEl::Close => PathEl::Close,
        }
    }
}

impl Op {
    /// The same operation moved by (dx, dy) millimetres: to place a card on a sheet.
    pub fn translated(&self, dx: f32, dy: f32) -> Op {
        let mut op = self.clone();
        match &mut op {
            Op::Rect { x, y, .. }
            | Op::Text { x, y, .. }
            | Op::Image { x, y, .. }
            | Op::Qr { x, y, .. }
            | Op::Symbol { x, y, .. } => {
                *x += dx;
                *y += dy;
            }
            Op::Path { els, .. } => {
                for el in els.iter_mut() {
                    *el = el.translated(dx, dy);
                }
            }
            Op::Group { matrix, .. } => {
                matrix[4] += dx;
                matrix[5] += dy;
            }
        }
        op
    }
}

/// Vector artwork: paths in its own coordinates, spanning `width` × `height`.
#[derive(Debug, Clone, PartialEq)]
pub struct VectorArt {
    pub ops: Vec<Op>,
    pub width: f32,
    pub height: f32,
}

/// One page: its size in millimetres and what is drawn on it, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    pub ops: Vec<Op>,
}

pub const PT_PER_MM: f32 = 72.0 / 25.4;

/// Converts a size in points to millimetres.
pub fn pt_to_mm(pt: f32) -> f32 {
    pt / PT_PER_MM
}
