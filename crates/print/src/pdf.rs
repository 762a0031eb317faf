//! Renders pages of drawing operations to a PDF with printpdf: fonts and images are added to
//! the document once and reused by every page; text is written as the shaper's glyphs with
//! their original text attached, so copying from the PDF gives the real name.

use crate::draw::{Op, Page, PathEl, Rgb, VectorArt, PT_PER_MM};
use crate::fonts::{Fonts, FONT_FILES};
use crate::PrintError;
use printpdf::{
    Codepoint, Color, CurTransMat, DictItem, ExternalStream, ExternalXObject, FontId, LinePoint,
    Mm, Op as PdfOp, PaintMode, ParsedFont, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions,
    Point, Polygon, PolygonRing, Pt, RawImage, TextItem, TextMatrix, WindingOrder, XObjectId,
    XObjectTransform,
};
use std::collections::BTreeMap;
use std::fmt::Write;

fn colour(c: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: f32::from(c.0) / 255.0,
        g: f32::from(c.1) / 255.0,
        b: f32::from(c.2) / 255.0,
        icc_profile: None,
    })
}

struct Ctx {
    height_pt: f32,
}

impl Ctx {
    fn pt(&self, x: f32, y: f32) -> Point {
        Point {
            x: Pt(x * PT_PER_MM),
            y: Pt(self.height_pt - y * PT_PER_MM),
        }
    }
}

fn path_ops(
    ctx: &Ctx,
    els: &[PathEl],
    fill: Option<Rgb>,
    stroke: Option<crate::draw::Stroke>,
    out: &mut Vec<PdfOp>,
) {
    let mut rings: Vec<PolygonRing> = Vec::new();
    let mut current: Vec<LinePoint> = Vec::new();
    let point = |x, y, bezier| LinePoint {
        p: ctx.pt(x, y),
        bezier,
    };
    for el in els {
        match *el {
            PathEl::Move(x, y) => {
                if current.len() > 1 {
                    rings.push(PolygonRing {
                        points: std::mem::take(&mut current),
                    });
                }
                current.clear();
                current.push(point(x, y, false));
            }
            PathEl::Line(x, y) => current.push(point(x, y, false)),
            PathEl::Cubic(x1, y1, x2, y2, x, y) => {
                current.push(point(x1, y1, true));
                current.push(point(x2, y2, true));
                current.push(point(x, y, false));
            }
            PathEl::Close => {}
        }
    }
    if current.len() > 1 {
        rings.push(PolygonRing { points: current });
    }
    if rings.is_empty() {
        return;
    }
    let mode = match (fill, stroke) {
        (Some(_), Some(_)) => PaintMode::FillStroke,
        (None, Some(_)) => PaintMode::Stroke,
        _ => PaintMode::Fill,
    };
    out.push(PdfOp::SaveGraphicsState);
    if let Some(f) = fill {
        out.push(PdfOp::SetFillColor { col: colour(f) });
    }
    if let Some(s) = stroke {
        out.push(PdfOp::SetOutlineColor {
            col: colour(s.colour),
        });
        out.push(PdfOp::SetOutlineThickness {
            pt: Pt(s.width * PT_PER_MM),
        });
    }
    out.push(PdfOp::DrawPolygon {
        polygon: Polygon {
            rings,
            mode,
            winding_order: WindingOrder::NonZero,
        },
    });
    out.push(PdfOp::RestoreGraphicsState);
}

/// A vector logo as a PDF form XObject in its own units (y up), to be placed with `cm`.
fn form_xobject(art: &VectorArt) -> ExternalXObject {
    let h = art.height;
    let mut c = String::new();
    let rgb = |c: Rgb| {
        format!(
            "{:.3} {:.3} {:.3}",
            f32::from(c.0) / 255.0,
            f32::from(c.1) / 255.0,
            f32::from(c.2) / 255.0
        )
    };
    for op in &art.ops {
        let Op::Path { els, fill, stroke } = op else {
            continue;
        };
        c.push_str("q\n");
        if let Some(f) = fill {
            let _ = writeln!(c, "{} rg", rgb(*f));
        }
        if let Some(s) = stroke {
            let _ = writeln!(c, "{} RG {:.3} w", rgb(s.colour), s.width);
        }
        for el in els {
            let _ = match *el {
                PathEl::Move(x, y) => writeln!(c, "{x:.2} {:.2} m", h - y),
                PathEl::Line(x, y) => writeln!(c, "{x:.2} {:.2} l", h - y),
                PathEl::Cubic(a, b, d, e, x, y) => {
                    writeln!(
                        c,
                        "{a:.2} {:.2} {d:.2} {:.2} {x:.2} {:.2} c",
                        h - b,
                        h - e,
                        h - y
                    )
                }
                PathEl::Close => writeln!(c, "h"),
            };
        }
        c.push_str(match (fill, stroke) {
            (Some(_), Some(_)) => "B\n",
            (None, Some(_)) => "S\n",
            _ => "f\n",
        });
        c.push_str("Q\n");
    }
    let mut dict = BTreeMap::new();
    dict.insert("Type".to_string(), DictItem::Name(b"XObject".to_vec()));
    dict.insert("Subtype".to_string(), DictItem::Name(b"Form".to_vec()));
    dict.insert(
        "BBox".to_string(),
        DictItem::Array(vec![
            DictItem::Real(0.0),
            DictItem::Real(0.0),
            DictItem::Real(art.width),
            DictItem::Real(h),
        ]),
    );
    ExternalXObject {
        stream: ExternalStream {
            dict,
            content: c.into_bytes(),
            compress: true,
        },
        width: None,
        height: None,
        dpi: None,
    }
}

/// A QR code as a form XObject in module units (y up), with `re` per run of dark modules.
fn qr_xobject(n: u16, quiet: u16, runs: &[(u16, u16, u16)]) -> ExternalXObject {
    let side = f32::from(n + 2 * quiet);
    let mut c = format!("1 g 0 0 {side} {side} re f 0 g\n");
    for (row, col, len) in runs {
        let _ = writeln!(c, "{} {} {} 1 re", col + quiet, n + quiet - 1 - row, len);
    }
    c.push_str("f\n");
    let mut dict = BTreeMap::new();
    dict.insert("Type".to_string(), DictItem::Name(b"XObject".to_vec()));
    dict.insert("Subtype".to_string(), DictItem::Name(b"Form".to_vec()));
    dict.insert(
        "BBox".to_string(),
        DictItem::Array(vec![
            DictItem::Real(0.0),
            DictItem::Real(0.0),
            DictItem::Real(side),
            DictItem::Real(side),
        ]),
    );
    ExternalXObject {
        stream: ExternalStream {
            dict,
            content: c.into_bytes(),
            compress: true,
        },
        width: None,
        height: None,
        dpi: None,
    }
}

fn place_xobject(ops: &mut Vec<PdfOp>, id: XObjectId, scale: f32, x: Pt, y: Pt) {
    ops.push(PdfOp::SaveGraphicsState);
    ops.push(PdfOp::SetTransformationMatrix {
        matrix: CurTransMat::Raw([scale, 0.0, 0.0, scale, x.0, y.0]),
    });
    ops.push(PdfOp::UseXobject {
        id,
        transform: XObjectTransform::default(),
    });
    ops.push(PdfOp::RestoreGraphicsState);
}

/// What a PDF being written shares across pages: fonts, images and logos added once.
struct Renderer<'a> {
    doc: PdfDocument,
    fonts: &'a Fonts,
    vectors: &'a [VectorArt],
    images: &'a [Vec<u8>],
    font_ids: Vec<Option<FontId>>,
    image_ids: Vec<Option<(XObjectId, usize, usize)>>,
    form_ids: Vec<Option<XObjectId>>,
    warnings: Vec<printpdf::PdfWarnMsg>,
    font_warnings: Vec<printpdf::PdfFontParseWarning>,
}

impl Renderer<'_> {
    fn op(&mut self, ctx: &Ctx, op: &Op, out: &mut Vec<PdfOp>) -> Result<(), PrintError> {
        match op {
            Op::Group {
                matrix: [a, b, c, d, e, f],
                ops,
            } => {
                // The group's transform (mm, y down) as seen in PDF space (pt, y up).
                let k = PT_PER_MM;
                let h = ctx.height_pt;
                let m = [*a, -b, -c, *d, c * h + k * e, h * (1.0 - d) - k * f];
                out.push(PdfOp::SaveGraphicsState);
                out.push(PdfOp::SetTransformationMatrix {
                    matrix: CurTransMat::Raw(m),
                });
                for inner in ops {
                    self.op(ctx, inner, out)?;
                }
                out.push(PdfOp::RestoreGraphicsState);
            }
            Op::Rect {
                x,
                y,
                w,
                h,
                fill,
                stroke,
            } => {
                let els = [
                    PathEl::Move(*x, *y),
                    PathEl::Line(x + w, *y),
                    PathEl::Line(x + w, y + h),
                    PathEl::Line(*x, y + h),
                    PathEl::Close,
                ];
                path_ops(ctx, &els, *fill, *stroke, out);
            }
            Op::Path { els, fill, stroke } => path_ops(ctx, els, *fill, *stroke, out),
            Op::Text {
                x,
                y,
                size,
                colour: c,
                text,
            } => {
                let mut pen_x = *x;
                out.push(PdfOp::StartTextSection);
                out.push(PdfOp::SetFillColor { col: colour(*c) });
                for run in &text.runs {
                    let id = match &self.font_ids[run.font] {
                        Some(id) => id.clone(),
                        None => {
                            let file = &FONT_FILES[run.font];
                            let parsed =
                                ParsedFont::from_bytes(file.data, 0, &mut self.font_warnings)
                                    .ok_or(PrintError::Font(file.name))?;
                            let id = self.doc.add_font(&parsed);
                            self.font_ids[run.font] = Some(id.clone());
                            id
                        }
                    };
                    let face = self.fonts.face(run.font);
                    let upem = f32::from(run.units_per_em);
                    let glyphs = run
                        .glyphs
                        .iter()
                        .map(|g| {
                            let natural = face
                                .glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(g.gid))
                                .map_or(0.0, f32::from);
                            // TJ adjustments in thousandths of an em: positive moves left.
                            let offset = (natural - g.x_advance as f32) * 1000.0 / upem;
                            Codepoint {
                                gid: g.gid,
                                offset,
                                cid: g.text.clone(),
                            }
                        })
                        .collect();
                    let origin = ctx.pt(pen_x, *y);
                    out.push(PdfOp::SetFont {
                        font: PdfFontHandle::External(id),
                        size: Pt(*size),
                    });
                    out.push(PdfOp::SetTextMatrix {
                        matrix: TextMatrix::Translate(origin.x, origin.y),
                    });
                    out.push(PdfOp::ShowText {
                        items: vec![TextItem::GlyphIds(glyphs)],
                    });
                    pen_x += run.width(*size) / PT_PER_MM;
                }
                out.push(PdfOp::EndTextSection);
            }
            Op::Symbol { art, x, y, w, h } => {
                let Some(v) = self.vectors.get(*art) else {
                    return Ok(());
                };
                let id = match &self.form_ids[*art] {
                    Some(id) => id.clone(),
                    None => {
                        let id = self.doc.add_xobject(&form_xobject(v));
                        self.form_ids[*art] = Some(id.clone());
                        id
                    }
                };
                let origin = ctx.pt(*x, y + h);
                place_xobject(out, id, w * PT_PER_MM / v.width, origin.x, origin.y);
            }
            Op::Qr {
                x,
                y,
                size,
                n,
                quiet,
                runs,
            } => {
                let id = self.doc.add_xobject(&qr_xobject(*n, *quiet, runs));
                let origin = ctx.pt(*x, y + size);
                let scale = size * PT_PER_MM / f32::from(n + 2 * quiet);
                place_xobject(out, id, scale, origin.x, origin.y);
            }
            Op::Image { image, x, y, w, h } => {
                let (id, pw, ph) = match &self.image_ids[*image] {
                    Some(v) => v.clone(),
                    None => {
                        let raw =
                            RawImage::decode_from_bytes(&self.images[*image], &mut self.warnings)
                                .map_err(PrintError::Image)?;
                        let (pw, ph) = (raw.width, raw.height);
                        let id = self.doc.add_image(&raw);
                        self.image_ids[*image] = Some((id.clone(), pw, ph));
                        (id, pw, ph)
                    }
                };
                // At 72 dpi one pixel is one point; scale to the box.
                let bottom_left = ctx.pt(*x, y + h);
                out.push(PdfOp::UseXobject {
                    id,
                    transform: XObjectTransform {
                        translate_x: Some(bottom_left.x),
                        translate_y: Some(bottom_left.y),
                        scale_x: Some(w * PT_PER_MM / pw.max(1) as f32),
                        scale_y: Some(h * PT_PER_MM / ph.max(1) as f32),
                        dpi: Some(72.0),
                        ..Default::default()
                    },
                });
            }
        }
        Ok(())
    }
}

/// Renders `pages` into one PDF. `vectors` and `images` are the logos the pages refer to.
pub fn render_pdf(
    pages: &[Page],
    fonts: &Fonts,
    vectors: &[VectorArt],
    images: &[Vec<u8>],
    title: &str,
) -> Result<Vec<u8>, PrintError> {
    // Fonts and images are added once, and only when some page uses them.
    let mut r = Renderer {
        doc: PdfDocument::new(title),
        fonts,
        vectors,
        images,
        font_ids: vec![None; FONT_FILES.len()],
        image_ids: vec![None; images.len()],
        form_ids: vec![None; vectors.len()],
        warnings: Vec::new(),
        font_warnings: Vec::new(),
    };
    let mut pdf_pages = Vec::with_capacity(pages.len());
    for page in pages {
        let ctx = Ctx {
            height_pt: page.height * PT_PER_MM,
        };
        let mut ops = Vec::new();
        for op in &page.ops {
            r.op(&ctx, op, &mut ops)?;
        }
        pdf_pages.push(PdfPage::new(Mm(page.width), Mm(page.height), ops));
    }
    let opts = PdfSaveOptions {
        subset_fonts: true,
        optimize: true,
        ..Default::default()
    };
    let Renderer {
        mut doc,
        mut warnings,
        ..
    } = r;
    Ok(doc.with_pages(pdf_pages).save(&opts, &mut warnings))
}
