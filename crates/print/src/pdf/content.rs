//! Drawing operations as printpdf operations: rectangles, paths, shaped text as glyph ids
//! with their text, logos and QR codes, for the document or for a scratch document whose
//! page becomes a form.

use super::forms::logo_form;
use super::leaves::Matrix;
use crate::draw::{Op, PathEl, Rgb, Stroke, VectorArt, PT_PER_MM};
use crate::fonts::{Fonts, ShapedText, FONT_FILES};
use crate::PrintError;
use printpdf::{
    Codepoint, Color, CurTransMat, ExternalXObject, FontId, Greyscale, Line, LinePoint,
    Op as PdfOp, PaintMode, ParsedFont, PdfDocument, PdfFont, PdfFontHandle, Point, Polygon,
    PolygonRing, Pt, RawImage, RawImageData, RawImageFormat, TextItem, TextMatrix, WindingOrder,
    XObject, XObjectId, XObjectTransform,
};
use std::collections::BTreeSet;

pub(super) const K: f32 = PT_PER_MM;

/// Rounds to a hundredth: numbers in content streams stay short, far below what prints.
pub(super) fn r2(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

fn pt(v: f32) -> Pt {
    Pt(r2(v))
}

fn colour(c: Rgb) -> Color {
    let part = |v: u8| (f32::from(v) / 255.0 * 1000.0).round() / 1000.0;
    if c.0 == c.1 && c.1 == c.2 {
        return Color::Greyscale(Greyscale {
            percent: part(c.0),
            icc_profile: None,
        });
    }
    Color::Rgb(printpdf::Rgb {
        r: part(c.0),
        g: part(c.1),
        b: part(c.2),
        icc_profile: None,
    })
}

/// A transform in millimetres (y down) as the `cm` of a page `h` points high (y up).
pub(super) fn pdf_matrix(m: &Matrix, h: f32) -> CurTransMat {
    let [a, b, c, d, e, f] = *m;
    CurTransMat::Raw([a, -b, -c, d, r2(c * h + K * e), r2(h * (1.0 - d) - K * f)])
}

/// Six capital letters for the `n`th font subset: its resource name and its subset tag.
pub(super) fn tag(mut n: usize) -> String {
    let mut t = [b'A'; 6];
    for c in t.iter_mut().rev() {
        *c = b'A' + (n % 26) as u8;
        n /= 26;
    }
    t.iter().map(|b| char::from(*b)).collect()
}

/// The fonts, logos and images one printpdf document has been given, by index.
pub(super) struct Resources {
    pub(super) fonts: Vec<Option<FontId>>,
    /// The glyphs shown in each font: what printpdf subsets it to.
    pub(super) glyphs: Vec<BTreeSet<u16>>,
    vectors: Vec<bool>,
    images: Vec<bool>,
}

impl Resources {
    fn new(vectors: usize, images: usize) -> Self {
        Resources {
            fonts: vec![None; FONT_FILES.len()],
            glyphs: vec![BTreeSet::new(); FONT_FILES.len()],
            vectors: vec![false; vectors],
            images: vec![false; images],
        }
    }
}

/// What a job's documents share: the bundled fonts parsed for printpdf, the logos as forms
/// and the raster logos decoded, each made once.
pub(super) struct Assets<'a> {
    fonts: &'a Fonts,
    vectors: &'a [VectorArt],
    images: &'a [Vec<u8>],
    parsed: Vec<Option<ParsedFont>>,
    logos: Vec<Option<ExternalXObject>>,
    rasters: Vec<Option<RawImage>>,
    /// Font subsets named so far.
    tags: usize,
}

impl<'a> Assets<'a> {
    pub(super) fn new(fonts: &'a Fonts, vectors: &'a [VectorArt], images: &'a [Vec<u8>]) -> Self {
        Assets {
            fonts,
            vectors,
            images,
            parsed: vec![None; FONT_FILES.len()],
            logos: vec![None; vectors.len()],
            rasters: vec![None; images.len()],
            tags: 0,
        }
    }

    /// Resources for a document of its own.
    pub(super) fn resources(&self) -> Resources {
        Resources::new(self.vectors.len(), self.images.len())
    }

    /// Resources for a scratch document that has the fonts of `of` under the same names.
    pub(super) fn same_fonts(
        &mut self,
        of: &Resources,
        scratch: &mut PdfDocument,
    ) -> Result<Resources, PrintError> {
        let mut res = self.resources();
        for (i, id) in of.fonts.iter().enumerate() {
            if let Some(id) = id {
                let parsed = self.parsed(i)?;
                scratch
                    .resources
                    .fonts
                    .map
                    .insert(id.clone(), PdfFont::new(parsed));
                res.fonts[i] = Some(id.clone());
            }
        }
        Ok(res)
    }

    fn parsed(&mut self, i: usize) -> Result<ParsedFont, PrintError> {
        if let Some(p) = &self.parsed[i] {
            return Ok(p.clone());
        }
        let file = &FONT_FILES[i];
        let mut warnings = Vec::new();
        let p = ParsedFont::from_bytes(file.data, 0, &mut warnings)
            .ok_or(PrintError::Font(file.name))?;
        self.parsed[i] = Some(p.clone());
        Ok(p)
    }

    fn font(
        &mut self,
        doc: &mut PdfDocument,
        res: &mut Resources,
        i: usize,
    ) -> Result<FontId, PrintError> {
        if let Some(id) = &res.fonts[i] {
            return Ok(id.clone());
        }
        let id = FontId(tag(self.tags));
        self.tags += 1;
        let parsed = self.parsed(i)?;
        doc.resources
            .fonts
            .map
            .insert(id.clone(), PdfFont::new(parsed));
        res.fonts[i] = Some(id.clone());
        Ok(id)
    }

    fn logo(
        &mut self,
        doc: &mut PdfDocument,
        res: &mut Resources,
        i: usize,
    ) -> Result<XObjectId, PrintError> {
        let id = XObjectId(format!("L{i}"));
        if !res.vectors[i] {
            let form = match &self.logos[i] {
                Some(f) => f.clone(),
                None => {
                    let f = logo_form(&self.vectors[i])?;
                    self.logos[i] = Some(f.clone());
                    f
                }
            };
            doc.resources
                .xobjects
                .map
                .insert(id.clone(), XObject::External(form));
            res.vectors[i] = true;
        }
        Ok(id)
    }

    fn image(
        &mut self,
        doc: &mut PdfDocument,
        res: &mut Resources,
        i: usize,
    ) -> Result<XObjectId, PrintError> {
        let id = XObjectId(format!("I{i}"));
        if !res.images[i] {
            let raw = match &self.rasters[i] {
                Some(r) => r.clone(),
                None => {
                    let r = raw_image(&self.images[i])?;
                    self.rasters[i] = Some(r.clone());
                    r
                }
            };
            doc.resources
                .xobjects
                .map
                .insert(id.clone(), XObject::Image(raw));
            res.images[i] = true;
        }
        Ok(id)
    }

    /// Appends operations under their transforms to `out`, for a page `h` points high;
    /// consecutive operations under the same transform share one.
    pub(super) fn draw(
        &mut self,
        doc: &mut PdfDocument,
        res: &mut Resources,
        h: f32,
        ops: &[(Option<Matrix>, &Op)],
        out: &mut Vec<PdfOp>,
    ) -> Result<(), PrintError> {
        let mut i = 0;
        while i < ops.len() {
            let matrix = ops[i].0;
            let same = ops[i..].iter().take_while(|(m, _)| *m == matrix).count();
            if let Some(m) = &matrix {
                out.push(PdfOp::SaveGraphicsState);
                out.push(PdfOp::SetTransformationMatrix {
                    matrix: pdf_matrix(m, h),
                });
            }
            for (_, op) in &ops[i..i + same] {
                self.op(doc, res, h, op, out)?;
            }
            if matrix.is_some() {
                out.push(PdfOp::RestoreGraphicsState);
            }
            i += same;
        }
        Ok(())
    }

    fn op(
        &mut self,
        doc: &mut PdfDocument,
        res: &mut Resources,
        h: f32,
        op: &Op,
        out: &mut Vec<PdfOp>,
    ) -> Result<(), PrintError> {
        let at = |x: f32, y: f32| (x * K, h - y * K);
        match op {
            Op::Group { .. } => {}
            Op::Rect {
                x,
                y,
                w,
                h: rh,
                fill,
                stroke,
            } => {
                let (px, py) = at(*x, y + rh);
                rect(out, [px, py, w * K, rh * K], *fill, *stroke, K);
            }
            Op::Path { els, fill, stroke } => path(out, els, *fill, *stroke, at, K),
            Op::Text {
                x,
                y,
                size,
                colour: c,
                text,
            } => {
                let mut fonts = Vec::with_capacity(text.runs.len());
                for run in &text.runs {
                    fonts.push(self.font(doc, res, run.font)?);
                    res.glyphs[run.font].extend(run.glyphs.iter().map(|g| g.gid));
                }
                let (px, py) = at(*x, *y);
                text_ops(out, self.fonts, px, py, *size, *c, text, &fonts);
            }
            Op::Symbol {
                art,
                x,
                y,
                w,
                h: sh,
            } => {
                let Some(v) = self.vectors.get(*art) else {
                    return Ok(());
                };
                let id = self.logo(doc, res, *art)?;
                let s = w * K / v.width;
                let (px, py) = at(*x, y + sh);
                out.push(place(id, s, s, px, py));
            }
            Op::Image {
                image,
                x,
                y,
                w,
                h: ih,
            } => {
                if *image >= self.images.len() {
                    return Ok(());
                }
                let id = self.image(doc, res, *image)?;
                let (px, py) = at(*x, y + ih);
                out.push(PdfOp::UseXobject {
                    id,
                    transform: XObjectTransform {
                        translate_x: Some(pt(px)),
                        translate_y: Some(pt(py)),
                        scale_x: Some(r2(w * K)),
                        scale_y: Some(r2(ih * K)),
                        no_auto_scale: true,
                        ..Default::default()
                    },
                });
            }
            Op::Qr {
                x,
                y,
                size,
                n,
                quiet,
                runs,
            } => {
                out.push(PdfOp::SaveGraphicsState);
                out.push(PdfOp::SetTransformationMatrix {
                    matrix: qr_placement(*x, *y, *size, *n, *quiet, h),
                });
                qr_ops(out, *n, *quiet, runs);
                out.push(PdfOp::RestoreGraphicsState);
            }
        }
        Ok(())
    }
}

/// Where a QR code's module units go on a page `h` points high: its quiet zone's lower left
/// corner at (x, y + size) mm from the top left corner, `size` mm a side.
pub(super) fn qr_placement(x: f32, y: f32, size: f32, n: u16, quiet: u16, h: f32) -> CurTransMat {
    let s = size * K / f32::from(n + 2 * quiet);
    CurTransMat::Raw([s, 0.0, 0.0, s, r2(x * K), r2(h - (y + size) * K)])
}

/// Places a form scaled by (sx, sy) with its lower left corner at (x, y) points.
fn place(id: XObjectId, sx: f32, sy: f32, x: f32, y: f32) -> PdfOp {
    PdfOp::UseXobject {
        id,
        transform: XObjectTransform {
            translate_x: Some(pt(x)),
            translate_y: Some(pt(y)),
            scale_x: Some(sx),
            scale_y: Some(sy),
            ..Default::default()
        },
    }
}

/// A rectangle (x, y of its lower left corner, width, height) in the current units.
pub(super) fn rect(
    out: &mut Vec<PdfOp>,
    r: [f32; 4],
    fill: Option<Rgb>,
    stroke: Option<Stroke>,
    k: f32,
) {
    let mode = match (fill, stroke) {
        (Some(_), Some(_)) => PaintMode::FillStroke,
        (None, Some(_)) => PaintMode::Stroke,
        (Some(_), None) => PaintMode::Fill,
        (None, None) => return,
    };
    paint(out, fill, stroke, k);
    out.push(PdfOp::DrawRectangle {
        rectangle: printpdf::Rect {
            x: pt(r[0]),
            y: pt(r[1]),
            width: pt(r[2]),
            height: pt(r[3]),
            mode: Some(mode),
            winding_order: None,
        },
    });
}

/// Sets the colours (and line width, `k` units per millimetre) of what is drawn next.
fn paint(out: &mut Vec<PdfOp>, fill: Option<Rgb>, stroke: Option<Stroke>, k: f32) {
    if let Some(f) = fill {
        out.push(PdfOp::SetFillColor { col: colour(f) });
    }
    if let Some(s) = stroke {
        out.push(PdfOp::SetOutlineColor {
            col: colour(s.colour),
        });
        out.push(PdfOp::SetOutlineThickness {
            pt: Pt((s.width * k * 1000.0).round() / 1000.0),
        });
    }
}

/// A path: filled as one polygon, stroked subpath by subpath (a closed one closed properly).
pub(super) fn path(
    out: &mut Vec<PdfOp>,
    els: &[PathEl],
    fill: Option<Rgb>,
    stroke: Option<Stroke>,
    at: impl Fn(f32, f32) -> (f32, f32),
    k: f32,
) {
    let mut subpaths: Vec<(Vec<LinePoint>, bool)> = Vec::new();
    let point = |x: f32, y: f32, bezier: bool| {
        let (x, y) = at(x, y);
        LinePoint {
            p: Point { x: pt(x), y: pt(y) },
            bezier,
        }
    };
    for el in els {
        match *el {
            PathEl::Move(x, y) => subpaths.push((vec![point(x, y, false)], false)),
            PathEl::Line(x, y) => {
                if let Some((pts, _)) = subpaths.last_mut() {
                    pts.push(point(x, y, false));
                }
            }
            PathEl::Cubic(a, b, c, d, x, y) => {
                if let Some((pts, _)) = subpaths.last_mut() {
                    pts.extend([point(a, b, true), point(c, d, true), point(x, y, false)]);
                }
            }
            PathEl::Close => {
                if let Some((_, closed)) = subpaths.last_mut() {
                    *closed = true;
                }
            }
        }
    }
    subpaths.retain(|(pts, _)| pts.len() > 1);
    if subpaths.is_empty() {
        return;
    }
    if fill.is_some() {
        paint(out, fill, None, k);
        out.push(PdfOp::DrawPolygon {
            polygon: Polygon {
                rings: subpaths
                    .iter()
                    .map(|(pts, _)| PolygonRing {
                        points: pts.clone(),
                    })
                    .collect(),
                mode: PaintMode::Fill,
                winding_order: WindingOrder::NonZero,
            },
        });
    }
    if stroke.is_some() {
        paint(out, None, stroke, k);
        for (points, is_closed) in subpaths {
            out.push(PdfOp::DrawLine {
                line: Line { points, is_closed },
            });
        }
    }
}

/// Shaped text as glyph ids with the text each stands for, run by run, the baseline starting
/// at (x, y) points; `fonts` is the document's font of each run.
#[allow(clippy::too_many_arguments)]
fn text_ops(
    out: &mut Vec<PdfOp>,
    faces: &Fonts,
    x: f32,
    y: f32,
    size: f32,
    c: Rgb,
    text: &ShapedText,
    fonts: &[FontId],
) {
    out.push(PdfOp::StartTextSection);
    out.push(PdfOp::SetFillColor { col: colour(c) });
    let mut pen_x = x;
    for (run, font) in text.runs.iter().zip(fonts) {
        let face = faces.face(run.font);
        let upem = f32::from(run.units_per_em);
        let k = size / upem;
        out.push(PdfOp::SetFont {
            font: PdfFontHandle::External(font.clone()),
            size: pt(size),
        });
        // A run whose glyphs are not one per character in order (an Indic conjunct, a vowel
        // sign drawn before its consonant, a Thai stacked mark) carries its text as written in
        // an ActualText span, so text extraction and search give back the name as written.
        let complex = run.glyphs.iter().any(|g| g.text.is_none())
            || run
                .glyphs
                .iter()
                .any(|g| g.text.as_deref().is_some_and(|t| t.chars().count() > 1));
        if complex {
            // Glyphs of a right-to-left run are in visual order, and text extraction reads a
            // right-to-left span's text in visual order too (poppler turns it back): the
            // characters go in from the left end of the run.
            let mut texts: Vec<&str> = run
                .glyphs
                .iter()
                .filter_map(|g| g.text.as_deref())
                .collect();
            let text = if run.rtl {
                texts.reverse();
                texts.concat().chars().rev().collect()
            } else {
                texts.concat()
            };
            out.push(PdfOp::BeginMarkedContentWithProperties {
                tag: "Span".into(),
                properties: actual_text(&text),
            });
        }
        // Glyphs the shaper placed where they fall (no offset) go out together, the advances
        // the shaper chose kept as TJ adjustments; a glyph it moved off the pen (a stacked
        // Thai tone mark, a Tamil or Devanagari vowel sign, an Arabic vowel) gets its own text
        // position, so marks sit where the font means them to.
        let mut pen = pen_x;
        let mut segment: Vec<Codepoint> = Vec::new();
        let mut segment_at = pen;
        let show = |out: &mut Vec<PdfOp>, glyphs: Vec<Codepoint>, at_x: f32, at_y: f32| {
            out.push(PdfOp::SetTextMatrix {
                matrix: TextMatrix::Translate(pt(at_x), pt(at_y)),
            });
            out.push(PdfOp::ShowText {
                items: vec![TextItem::GlyphIds(glyphs)],
            });
        };
        for g in &run.glyphs {
            // Glyphs after the first of a cluster stand for no text of their own.
            let cid = Some(g.text.clone().unwrap_or_default());
            if g.x_offset == 0 && g.y_offset == 0 {
                let natural = face
                    .glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(g.gid))
                    .map_or(0.0, f32::from);
                if segment.is_empty() {
                    segment_at = pen;
                }
                segment.push(Codepoint {
                    gid: g.gid,
                    // Thousandths of an em the shaper moved the next glyph closer.
                    offset: ((natural - g.x_advance as f32) * 1000.0 / upem).round(),
                    cid,
                });
            } else {
                if !segment.is_empty() {
                    show(out, std::mem::take(&mut segment), segment_at, y);
                }
                let at = (pen + g.x_offset as f32 * k, y + g.y_offset as f32 * k);
                let glyph = Codepoint {
                    gid: g.gid,
                    offset: 0.0,
                    cid,
                };
                show(out, vec![glyph], at.0, at.1);
            }
            pen += g.x_advance as f32 * k;
        }
        if !segment.is_empty() {
            show(out, segment, segment_at, y);
        }
        if complex {
            out.push(PdfOp::EndMarkedContent);
        }
        pen_x += run.width(size);
    }
    out.push(PdfOp::EndTextSection);
}

/// `<< /ActualText (text) >>`, the text as UTF-16BE with its byte order mark.
fn actual_text(text: &str) -> printpdf::DictItem {
    let mut data = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        data.extend_from_slice(&unit.to_be_bytes());
    }
    let mut map = std::collections::BTreeMap::new();
    map.insert(
        "ActualText".to_string(),
        printpdf::DictItem::String {
            data,
            literal: false,
        },
    );
    printpdf::DictItem::Dict { map }
}

/// A QR code in module units (y up): the quiet zone white, the dark modules one filled path
/// of their outlines. One fill leaves no seams between neighbouring modules, and outlines
/// take a point per corner where a rectangle per module run takes four.
pub(super) fn qr_ops(out: &mut Vec<PdfOp>, n: u16, quiet: u16, runs: &[(u16, u16, u16)]) {
    let side = f32::from(n + 2 * quiet);
    rect(out, [0.0, 0.0, side, side], Some(Rgb::WHITE), None, 1.0);
    let rings = qr_outlines(n, runs)
        .into_iter()
        .map(|outline| PolygonRing {
            points: outline
                .into_iter()
                .map(|(x, y)| LinePoint {
                    p: Point {
                        x: Pt(f32::from(x + quiet)),
                        y: Pt(f32::from(y + quiet)),
                    },
                    bezier: false,
                })
                .collect(),
        })
        .collect();
    out.push(PdfOp::SetFillColor {
        col: colour(Rgb::BLACK),
    });
    out.push(PdfOp::DrawPolygon {
        polygon: Polygon {
            rings,
            mode: PaintMode::Fill,
            winding_order: WindingOrder::NonZero,
        },
    });
}

/// The outlines of the dark modules of a QR code `n` modules a side (dark runs: row from the
/// top, first column, length), as corner points in modules from the lower left corner. Each
/// outline keeps the dark side on its left, so holes wind the other way and a nonzero fill
/// leaves them white.
pub(super) fn qr_outlines(n: u16, runs: &[(u16, u16, u16)]) -> Vec<Vec<(u16, u16)>> {
    let n = usize::from(n);
    let mut dark = vec![false; n * n];
    for &(row, col, len) in runs {
        for c in usize::from(col)..usize::from(col + len) {
            if let Some(m) = dark.get_mut(usize::from(row) * n + c) {
                *m = true;
            }
        }
    }
    // Module (x, y), y up; outside the code is light.
    let is_dark = |x: usize, y: usize| x < n && y < n && dark[(n - 1 - y) * n + x];
    let w = n + 1;
    // The edges leaving each corner: at most two, where dark modules touch diagonally.
    const NONE: usize = usize::MAX;
    let mut edges = vec![[NONE; 2]; w * w];
    let at = |x: usize, y: usize| y * w + x;
    let add = |edges: &mut Vec<[usize; 2]>, from: usize, to: usize| {
        let slot = &mut edges[from];
        slot[usize::from(slot[0] != NONE)] = to;
    };
    let take = |edges: &mut Vec<[usize; 2]>, from: usize| {
        let slot = &mut edges[from];
        let i = usize::from(slot[1] != NONE);
        std::mem::replace(&mut slot[i], NONE)
    };
    for y in 0..n {
        for x in 0..n {
            if !is_dark(x, y) {
                continue;
            }
            if y == 0 || !is_dark(x, y - 1) {
                add(&mut edges, at(x, y), at(x + 1, y));
            }
            if !is_dark(x + 1, y) {
                add(&mut edges, at(x + 1, y), at(x + 1, y + 1));
            }
            if !is_dark(x, y + 1) {
                add(&mut edges, at(x + 1, y + 1), at(x, y + 1));
            }
            if x == 0 || !is_dark(x - 1, y) {
                add(&mut edges, at(x, y + 1), at(x, y));
            }
        }
    }
    let mut outlines = Vec::new();
    for start in 0..edges.len() {
        while edges[start][0] != NONE {
            let mut corners = vec![start];
            let mut p = start;
            loop {
                let next = take(&mut edges, p);
                if next == start || next == NONE {
                    break;
                }
                corners.push(next);
                p = next;
            }
            let point = |v: usize| ((v % w) as u16, (v / w) as u16);
            let len = corners.len();
            // Only where the outline turns.
            let turns: Vec<(u16, u16)> = (0..len)
                .filter(|&i| {
                    let (a, b, c) = (
                        point(corners[(i + len - 1) % len]),
                        point(corners[i]),
                        point(corners[(i + 1) % len]),
                    );
                    (a.0 == b.0) != (b.0 == c.0) || (a.1 == b.1) != (b.1 == c.1)
                })
                .map(|i| point(corners[i]))
                .collect();
            outlines.push(turns);
        }
    }
    outlines
}

/// A PNG or JPEG logo decoded for printpdf, with its transparency if it has any.
fn raw_image(bytes: &[u8]) -> Result<RawImage, PrintError> {
    let decoded = okort_core::logo::decode_logo(bytes)
        .map_err(|e| PrintError::Image(e.message(okort_core::i18n::Lang::En)))?;
    let (width, height) = (decoded.width() as usize, decoded.height() as usize);
    let (pixels, data_format) = if decoded.color().has_alpha() {
        (decoded.to_rgba8().into_raw(), RawImageFormat::RGBA8)
    } else {
        (decoded.to_rgb8().into_raw(), RawImageFormat::RGB8)
    };
    Ok(RawImage {
        pixels: RawImageData::U8(pixels),
        width,
        height,
        data_format,
        tag: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Twice the area an outline encloses, positive when it runs anticlockwise.
    fn area(outline: &[(u16, u16)]) -> i32 {
        (0..outline.len())
            .map(|i| {
                let (a, b) = (outline[i], outline[(i + 1) % outline.len()]);
                i32::from(a.0) * i32::from(b.1) - i32::from(b.0) * i32::from(a.1)
            })
            .sum()
    }

    #[test]
    fn a_ring_of_dark_modules_is_two_outlines_the_hole_winding_the_other_way() {
        // Three by three, all dark but the middle.
        let runs = [(0, 0, 3), (1, 0, 1), (1, 2, 1), (2, 0, 3)];
        let mut outlines = qr_outlines(3, &runs);
        outlines.sort_by_key(|o| -area(o).abs());
        assert_eq!(outlines.len(), 2, "{outlines:?}");
        assert_eq!(outlines[0].len(), 4, "only the corners: {:?}", outlines[0]);
        assert_eq!(area(&outlines[0]), 18);
        assert_eq!(area(&outlines[1]), -2);
    }

    #[test]
    fn modules_touching_at_a_corner_are_outlined_apart() {
        // A diagonal: (0, 0) and (1, 1).
        let outlines = qr_outlines(2, &[(0, 0, 1), (1, 1, 1)]);
        let total: i32 = outlines.iter().map(|o| area(o)).sum();
        assert_eq!(total, 4, "two modules, counted once each: {outlines:?}");
    }

    #[test]
    fn subset_tags_are_six_capital_letters_and_differ() {
        assert_eq!(tag(0), "AAAAAA");
        assert_eq!(tag(27), "AAAABB");
        assert_ne!(tag(1), tag(26));
    }
}
