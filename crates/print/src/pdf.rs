//! Renders pages of drawing operations to PDF with printpdf, which writes the file: objects,
//! content streams, the bundled fonts subset to the glyphs used with a ToUnicode map (so
//! copying gives the real name), and the cross-reference table.
//!
//! What the pages of a batch share is drawn once. Consecutive cards differ in a few
//! operations (name, number, QR); the rest — header, venue list and tick boxes, logos, card
//! backs — becomes one form XObject per kind of page, placed on every page of that kind.
//! printpdf takes a form only as a finished content stream, so a form's content is what
//! printpdf writes for a page of the form's operations in a scratch document that uses the
//! same fonts, under the same names, with the same glyphs as the real one. A form names no
//! resources of its own and draws with its page's: fonts are embedded once, subset by
//! printpdf. Vector logos and QR codes are forms made the same way; a QR as a form keeps
//! the document printpdf holds until it is saved at one operation per QR instead of a few
//! hundred rectangles.

use crate::draw::{Op, Page, PathEl, Rgb, Stroke, VectorArt, PT_PER_MM};
use crate::fonts::{Fonts, ShapedText, FONT_FILES};
use crate::PrintError;
use printpdf::{
    Codepoint, Color, CurTransMat, DictItem, ExternalStream, ExternalXObject, FontId, Greyscale,
    Line, LinePoint, Op as PdfOp, PaintMode, ParsedFont, PdfDocument, PdfFont, PdfFontHandle,
    PdfPage, PdfSaveOptions, Point, Polygon, PolygonRing, Pt, RawImage, RawImageData,
    RawImageFormat, TextItem, TextMatrix, WindingOrder, XObject, XObjectId, XObjectTransform,
};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{Hash, Hasher};
use std::sync::mpsc;

const K: f32 = PT_PER_MM;

/// Rounds to a hundredth: numbers in content streams stay short, far below what prints.
fn r2(v: f32) -> f32 {
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

/// An affine transform (a b c d e f): x' = a x + c y + e, y' = b x + d y + f.
type Matrix = [f32; 6];

/// `outer` after `inner`.
fn compose(outer: &Matrix, inner: &Matrix) -> Matrix {
    let [a, b, c, d, e, f] = *outer;
    let [a2, b2, c2, d2, e2, f2] = *inner;
    [
        a * a2 + c * b2,
        b * a2 + d * b2,
        a * c2 + c * d2,
        b * c2 + d * d2,
        a * e2 + c * f2 + e,
        b * e2 + d * f2 + f,
    ]
}

fn apply(m: &Matrix, x: f32, y: f32) -> (f32, f32) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

/// A transform in millimetres (y down) as the `cm` of a page `h` points high (y up).
fn pdf_matrix(m: &Matrix, h: f32) -> CurTransMat {
    let [a, b, c, d, e, f] = *m;
    CurTransMat::Raw([
        a,
        -b,
        -c,
        d,
        r2(c * h + K * e),
        r2(h * (1.0 - d) - K * f),
    ])
}

/// One drawing operation of a page with the transform of the groups around it.
struct Leaf<'p> {
    op: &'p Op,
    matrix: Option<Matrix>,
    hash: u64,
    /// Where it draws on the page, in millimetres: x0, y0, x1, y1.
    bbox: [f32; 4],
}

fn leaves<'p>(ops: &'p [Op], matrix: Option<Matrix>, out: &mut Vec<Leaf<'p>>) {
    for op in ops {
        if let Op::Group { matrix: m, ops } = op {
            let inner = match &matrix {
                Some(outer) => compose(outer, m),
                None => *m,
            };
            leaves(ops, Some(inner), out);
            continue;
        }
        out.push(Leaf {
            op,
            matrix,
            hash: hash_of(op, matrix.as_ref()),
            bbox: bbox_of(op, matrix.as_ref()),
        });
    }
}

fn hash_f32s<H: Hasher>(h: &mut H, values: &[f32]) {
    for v in values {
        v.to_bits().hash(h);
    }
}

fn hash_colour<H: Hasher>(h: &mut H, c: Option<Rgb>) {
    c.map(|c| (c.0, c.1, c.2)).hash(h);
}

fn hash_stroke<H: Hasher>(h: &mut H, s: Option<Stroke>) {
    hash_colour(h, s.map(|s| s.colour));
    hash_f32s(h, &[s.map_or(-1.0, |s| s.width)]);
}

/// What an operation draws, as a number: equal operations on two pages are one drawing.
fn hash_of(op: &Op, matrix: Option<&Matrix>) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    if let Some(m) = matrix {
        hash_f32s(&mut h, m);
    }
    std::mem::discriminant(op).hash(&mut h);
    match op {
        Op::Rect {
            x,
            y,
            w,
            h: rh,
            fill,
            stroke,
        } => {
            hash_f32s(&mut h, &[*x, *y, *w, *rh]);
            hash_colour(&mut h, *fill);
            hash_stroke(&mut h, *stroke);
        }
        Op::Path { els, fill, stroke } => {
            for el in els {
                match *el {
                    PathEl::Move(x, y) => hash_f32s(&mut h, &[0.0, x, y]),
                    PathEl::Line(x, y) => hash_f32s(&mut h, &[1.0, x, y]),
                    PathEl::Cubic(a, b, c, d, x, y) => hash_f32s(&mut h, &[2.0, a, b, c, d, x, y]),
                    PathEl::Close => hash_f32s(&mut h, &[3.0]),
                }
            }
            hash_colour(&mut h, *fill);
            hash_stroke(&mut h, *stroke);
        }
        Op::Text {
            x,
            y,
            size,
            colour,
            text,
        } => {
            hash_f32s(&mut h, &[*x, *y, *size]);
            hash_colour(&mut h, Some(*colour));
            text.text.hash(&mut h);
            for run in &text.runs {
                run.font.hash(&mut h);
            }
        }
        Op::Image { image, x, y, w, h: ih } => {
            image.hash(&mut h);
            hash_f32s(&mut h, &[*x, *y, *w, *ih]);
        }
        Op::Symbol { art, x, y, w, h: sh } => {
            art.hash(&mut h);
            hash_f32s(&mut h, &[*x, *y, *w, *sh]);
        }
        Op::Qr {
            x,
            y,
            size,
            n,
            quiet,
            runs,
        } => {
            hash_f32s(&mut h, &[*x, *y, *size]);
            (n, quiet, runs).hash(&mut h);
        }
        Op::Group { .. } => {}
    }
    h.finish()
}

/// The box an operation draws in, in page millimetres, a little generous for text.
fn bbox_of(op: &Op, matrix: Option<&Matrix>) -> [f32; 4] {
    let half = |s: &Option<Stroke>| s.map_or(0.0, |s| s.width / 2.0);
    let [x0, y0, x1, y1] = match op {
        Op::Rect {
            x,
            y,
            w,
            h,
            stroke,
            ..
        } => {
            let e = half(stroke);
            [x - e, y - e, x + w + e, y + h + e]
        }
        Op::Path { els, stroke, .. } => {
            let mut b = [f32::MAX, f32::MAX, f32::MIN, f32::MIN];
            let mut add = |x: f32, y: f32| {
                b = [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)];
            };
            for el in els {
                match *el {
                    PathEl::Move(x, y) | PathEl::Line(x, y) => add(x, y),
                    PathEl::Cubic(a, b, c, d, x, y) => {
                        add(a, b);
                        add(c, d);
                        add(x, y);
                    }
                    PathEl::Close => {}
                }
            }
            let e = half(stroke);
            [b[0] - e, b[1] - e, b[2] + e, b[3] + e]
        }
        Op::Text { x, y, size, text, .. } => {
            let em = size / K;
            [*x, y - 1.2 * em, x + text.width(*size) / K, y + 0.5 * em]
        }
        Op::Image { x, y, w, h, .. } | Op::Symbol { x, y, w, h, .. } => [*x, *y, x + w, y + h],
        Op::Qr { x, y, size, .. } => [*x, *y, x + size, y + size],
        Op::Group { .. } => [0.0; 4],
    };
    let Some(m) = matrix else {
        return [x0, y0, x1, y1];
    };
    let corners = [
        apply(m, x0, y0),
        apply(m, x1, y0),
        apply(m, x0, y1),
        apply(m, x1, y1),
    ];
    corners.iter().fold(
        [f32::MAX, f32::MAX, f32::MIN, f32::MIN],
        |b, &(x, y)| [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)],
    )
}

fn overlap(a: &[f32; 4], b: &[f32; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// Whether drawing the leaves in `shared` first, as one form where the first of them is, and
/// the others after it keeps what the page looks like: nothing drawn after the form may lie
/// under a shared leaf that came after it.
fn order_kept(leaves: &[Leaf], shared: &[bool]) -> bool {
    let Some(first) = shared.iter().position(|s| *s) else {
        return false;
    };
    for (i, own) in leaves.iter().enumerate().skip(first) {
        if shared[i] {
            continue;
        }
        let covered = leaves
            .iter()
            .zip(shared)
            .skip(i + 1)
            .any(|(later, s)| *s && overlap(&own.bbox, &later.bbox));
        if covered {
            return false;
        }
    }
    true
}

/// How often each drawing occurs among `leaves`.
fn counts<'l, 'p: 'l>(leaves: impl Iterator<Item = &'l Leaf<'p>>) -> HashMap<u64, u32> {
    let mut c = HashMap::new();
    for l in leaves {
        *c.entry(l.hash).or_insert(0) += 1;
    }
    c
}

/// The shared drawing of a kind of page, drawn as a form when the document is written.
struct Template {
    id: XObjectId,
    /// Page size in millimetres.
    width: f32,
    height: f32,
    ops: Vec<(Option<Matrix>, Op)>,
    leaves: HashMap<u64, u32>,
}

/// Six capital letters for the `n`th font subset: its resource name and its subset tag.
fn tag(mut n: usize) -> String {
    let mut t = [b'A'; 6];
    for c in t.iter_mut().rev() {
        *c = b'A' + (n % 26) as u8;
        n /= 26;
    }
    t.iter().map(|b| char::from(*b)).collect()
}

/// The fonts, logos and images one printpdf document has been given, by index.
struct Resources {
    fonts: Vec<Option<FontId>>,
    /// The glyphs shown in each font: what printpdf subsets it to.
    glyphs: Vec<BTreeSet<u16>>,
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

/// QR codes placed on pages. Their forms are made in batches by a second thread while the
/// pages are drawn, and compressed there.
#[derive(Default)]
struct QrForms {
    pending: Vec<PendingQr>,
    /// Codes in `pending`.
    codes: usize,
    /// Forms made so far.
    made: usize,
    worker: Option<QrWorker>,
}

type Forms = Vec<(XObjectId, ExternalXObject)>;

struct QrWorker {
    batches: mpsc::Sender<Vec<PendingQr>>,
    done: Vec<std::thread::JoinHandle<Result<Forms, PrintError>>>,
}

/// Threads that make QR forms: as many as there are cores, the pages being drawn meanwhile.
fn qr_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().clamp(1, 4))
}

impl QrForms {
    /// Hands the QR codes placed so far to the workers.
    fn send(&mut self) -> Result<(), PrintError> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let batch = std::mem::take(&mut self.pending);
        self.codes = 0;
        if self.worker.is_none() {
            let (batches, inbox) = mpsc::channel::<Vec<PendingQr>>();
            let inbox = std::sync::Arc::new(std::sync::Mutex::new(inbox));
            let done = (0..qr_threads())
                .map(|_| {
                    let inbox = inbox.clone();
                    std::thread::Builder::new()
                        .name("qr-forms".into())
                        .spawn(move || {
                            let mut made = Vec::new();
                            loop {
                                let next = match inbox.lock() {
                                    Ok(inbox) => inbox.recv(),
                                    Err(_) => break,
                                };
                                let Ok(batch) = next else { break };
                                made.extend(qr_forms(batch)?);
                            }
                            Ok(made)
                        })
                        .map_err(|e| PrintError::Pdf(e.to_string()))
                })
                .collect::<Result<_, _>>()?;
            self.worker = Some(QrWorker { batches, done });
        }
        if let Some(w) = &self.worker {
            // A worker that stopped says why when it is joined.
            let _ = w.batches.send(batch);
        }
        Ok(())
    }

    /// Every form, once the workers have made the last batch.
    fn finish(mut self) -> Result<Forms, PrintError> {
        self.send()?;
        let Some(QrWorker { batches, done }) = self.worker else {
            return Ok(Vec::new());
        };
        drop(batches);
        let mut made = Vec::with_capacity(self.made);
        for worker in done {
            made.extend(
                worker
                    .join()
                    .map_err(|_| PrintError::Pdf("making the QR codes failed".into()))??,
            );
        }
        Ok(made)
    }
}

/// The forms of a batch of QR codes: printpdf draws each on a page of a scratch document,
/// whose streams lopdf compresses.
fn qr_forms(batch: Vec<PendingQr>) -> Result<Forms, PrintError> {
    let mut scratch = PdfDocument::new("qr");
    for q in &batch {
        let mut ops = Vec::with_capacity(8 * q.codes.len());
        for code in &q.codes {
            ops.push(PdfOp::SaveGraphicsState);
            if let Some(m) = &code.matrix {
                ops.push(PdfOp::SetTransformationMatrix { matrix: *m });
            }
            ops.push(PdfOp::SetTransformationMatrix { matrix: code.place });
            qr_ops(&mut ops, code.n, code.quiet, &code.runs);
            ops.push(PdfOp::RestoreGraphicsState);
        }
        scratch.pages.push(PdfPage::new(
            printpdf::Mm::from(Pt(q.width)),
            printpdf::Mm::from(Pt(q.height)),
            ops,
        ));
    }
    let mut lo = scratch.to_lopdf_document(&scratch_options(), &mut Vec::new());
    lo.compress();
    let made = page_contents(&lo)?;
    Ok(batch
        .into_iter()
        .zip(made)
        .map(|(q, page)| (q.id, form(page, q.width, q.height, false)))
        .collect())
}

/// The QR codes of a page, drawn together in one form the size of the page: compressed
/// together, they take half the bytes.
struct PendingQr {
    id: XObjectId,
    /// Page size in points.
    width: f32,
    height: f32,
    codes: Vec<PlacedQr>,
}

/// A QR code where it is on its page: the transform of its groups and its placement (page
/// points), its modules.
struct PlacedQr {
    matrix: Option<CurTransMat>,
    place: CurTransMat,
    n: u16,
    quiet: u16,
    runs: Vec<(u16, u16, u16)>,
}

/// QR forms are made this many codes at a time, in one scratch document.
const QR_BATCH: usize = 64;

/// What a job's documents share: the bundled fonts parsed for printpdf, the logos as forms
/// and the raster logos decoded, each made once.
struct Assets<'a> {
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

    fn logo(&mut self, doc: &mut PdfDocument, res: &mut Resources, i: usize) -> Result<XObjectId, PrintError> {
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
    fn draw(
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
fn qr_placement(x: f32, y: f32, size: f32, n: u16, quiet: u16, h: f32) -> CurTransMat {
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
fn rect(out: &mut Vec<PdfOp>, r: [f32; 4], fill: Option<Rgb>, stroke: Option<Stroke>, k: f32) {
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
fn path(
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
        let glyphs = run
            .glyphs
            .iter()
            .map(|g| {
                let natural = face
                    .glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(g.gid))
                    .map_or(0.0, f32::from);
                Codepoint {
                    gid: g.gid,
                    // Thousandths of an em the shaper moved the next glyph closer.
                    offset: ((natural - g.x_advance as f32) * 1000.0 / upem).round(),
                    // Glyphs after the first of a cluster stand for no text of their own.
                    cid: Some(g.text.clone().unwrap_or_default()),
                }
            })
            .collect();
        out.push(PdfOp::SetFont {
            font: PdfFontHandle::External(font.clone()),
            size: pt(size),
        });
        out.push(PdfOp::SetTextMatrix {
            matrix: TextMatrix::Translate(pt(pen_x), pt(y)),
        });
        out.push(PdfOp::ShowText {
            items: vec![TextItem::GlyphIds(glyphs)],
        });
        pen_x += run.width(size);
    }
    out.push(PdfOp::EndTextSection);
}

/// A QR code in module units (y up): the quiet zone white, the dark modules one filled path
/// of their outlines. One fill leaves no seams between neighbouring modules, and outlines
/// take a point per corner where a rectangle per module run takes four.
fn qr_ops(out: &mut Vec<PdfOp>, n: u16, quiet: u16, runs: &[(u16, u16, u16)]) {
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
fn qr_outlines(n: u16, runs: &[(u16, u16, u16)]) -> Vec<Vec<(u16, u16)>> {
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

/// A form XObject of what printpdf wrote for a page, drawn in a box of `width` × `height`;
/// `with_resources` keeps the page's, or the form draws with those of the page it is on.
fn form(page: Written, width: f32, height: f32, with_resources: bool) -> ExternalXObject {
    let mut dict = BTreeMap::new();
    dict.insert("Type".to_string(), DictItem::Name(b"XObject".to_vec()));
    dict.insert("Subtype".to_string(), DictItem::Name(b"Form".to_vec()));
    dict.insert(
        "BBox".to_string(),
        DictItem::Array(vec![
            DictItem::Real(0.0),
            DictItem::Real(0.0),
            DictItem::Real(r2(width)),
            DictItem::Real(r2(height)),
        ]),
    );
    if with_resources {
        dict.insert("Resources".to_string(), page.resources);
    }
    let compress = page.filter.is_none();
    if let Some(f) = page.filter {
        dict.insert("Filter".to_string(), f);
    }
    ExternalXObject {
        stream: ExternalStream {
            dict,
            content: page.content,
            compress,
        },
        width: None,
        height: None,
        dpi: None,
    }
}

/// Save options for scratch documents: fonts subset, streams left for the real document
/// to compress.
fn scratch_options() -> PdfSaveOptions {
    PdfSaveOptions {
        optimize: false,
        ..Default::default()
    }
}

/// What printpdf wrote for a page of a scratch document.
struct Written {
    content: Vec<u8>,
    /// How `content` is compressed, if it is.
    filter: Option<DictItem>,
    /// Resolved into plain values.
    resources: DictItem,
}

fn scratch_pages(doc: &PdfDocument) -> Result<Vec<Written>, PrintError> {
    page_contents(&doc.to_lopdf_document(&scratch_options(), &mut Vec::new()))
}

/// What printpdf wrote for each page of a document, in page order.
fn page_contents(lo: &lopdf::Document) -> Result<Vec<Written>, PrintError> {
    let broken = |what: &str| PrintError::Pdf(format!("printpdf wrote no {what}"));
    lo.get_pages()
        .into_values()
        .map(|id| {
            let page = lo.get_dictionary(id).map_err(|_| broken("page"))?;
            let stream = page
                .get(b"Contents")
                .and_then(|c| lo.dereference(c))
                .and_then(|(_, c)| c.as_stream())
                .map_err(|_| broken("content stream"))?;
            Ok(Written {
                content: stream.content.clone(),
                filter: stream.dict.get(b"Filter").ok().map(|f| plain(lo, f, 0)),
                resources: page
                    .get(b"Resources")
                    .map(|r| plain(lo, r, 0))
                    .unwrap_or(DictItem::Null),
            })
        })
        .collect()
}

/// A value of a printpdf document as a value another printpdf document can write: references
/// followed, streams kept with their filters.
fn plain(lo: &lopdf::Document, obj: &lopdf::Object, depth: usize) -> DictItem {
    use lopdf::Object as O;
    if depth > 16 {
        return DictItem::Null;
    }
    let dict = |d: &lopdf::Dictionary| -> BTreeMap<String, DictItem> {
        d.iter()
            .filter(|(k, _)| k.as_slice() != b"Length")
            .map(|(k, v)| {
                (
                    String::from_utf8_lossy(k).into_owned(),
                    plain(lo, v, depth + 1),
                )
            })
            .collect()
    };
    match obj {
        O::Null => DictItem::Null,
        O::Boolean(b) => DictItem::Bool(*b),
        O::Integer(i) => DictItem::Int(*i),
        O::Real(r) => DictItem::Real(*r),
        O::Name(n) => DictItem::Name(n.clone()),
        O::String(s, format) => DictItem::String {
            data: s.clone(),
            literal: matches!(format, lopdf::StringFormat::Literal),
        },
        O::Array(a) => DictItem::Array(a.iter().map(|v| plain(lo, v, depth + 1)).collect()),
        O::Dictionary(d) => DictItem::Dict { map: dict(d) },
        O::Stream(s) => DictItem::Stream {
            stream: ExternalStream {
                compress: s.dict.get(b"Filter").is_err(),
                dict: dict(&s.dict),
                content: s.content.clone(),
            },
        },
        O::Reference(id) => lo
            .get_object(*id)
            .map_or(DictItem::Null, |o| plain(lo, o, depth + 1)),
    }
}

/// The embedded font programs of a printpdf document by font name (with its subset tag).
fn font_programs(lo: &lopdf::Document) -> BTreeMap<Vec<u8>, Vec<u8>> {
    fn deref<'d>(lo: &'d lopdf::Document, o: &'d lopdf::Object) -> Option<&'d lopdf::Object> {
        lo.dereference(o).ok().map(|(_, o)| o)
    }
    let deref = |o| deref(lo, o);
    let mut out = BTreeMap::new();
    for obj in lo.objects.values() {
        let Ok(font) = obj.as_dict() else { continue };
        if font.get(b"Subtype").and_then(|s| s.as_name()).ok() != Some(b"Type0".as_slice()) {
            continue;
        }
        let program = font
            .get(b"DescendantFonts")
            .ok()
            .and_then(deref)
            .and_then(|a| a.as_array().ok())
            .and_then(|a| a.first())
            .and_then(deref)
            .and_then(|d| d.as_dict().ok())
            .and_then(|d| d.get(b"FontDescriptor").ok())
            .and_then(deref)
            .and_then(|d| d.as_dict().ok())
            .and_then(|d| d.get(b"FontFile2").or_else(|_| d.get(b"FontFile3")).ok())
            .and_then(deref)
            .and_then(|s| s.as_stream().ok());
        if let (Ok(name), Some(program)) = (font.get(b"BaseFont").and_then(|n| n.as_name()), program) {
            out.insert(name.to_vec(), program.content.clone());
        }
    }
    out
}

/// Every glyph the document shows, font by font: on a scratch page, it makes printpdf subset
/// the fonts of a form as it subsets the document's.
fn glyph_inventory(res: &Resources) -> Vec<PdfOp> {
    let mut ops = vec![PdfOp::StartTextSection];
    for (id, glyphs) in res.fonts.iter().zip(&res.glyphs) {
        let Some(id) = id else { continue };
        ops.push(PdfOp::SetFont {
            font: PdfFontHandle::External(id.clone()),
            size: Pt(10.0),
        });
        ops.push(PdfOp::ShowText {
            items: vec![TextItem::GlyphIds(
                glyphs
                    .iter()
                    .map(|gid| Codepoint {
                        gid: *gid,
                        offset: 0.0,
                        cid: None,
                    })
                    .collect(),
            )],
        });
    }
    ops.push(PdfOp::EndTextSection);
    ops
}

/// A vector logo as a form in its own units, drawn by printpdf.
fn logo_form(art: &VectorArt) -> Result<ExternalXObject, PrintError> {
    let h = art.height;
    let mut ops = Vec::new();
    for op in &art.ops {
        if let Op::Path { els, fill, stroke } = op {
            path(&mut ops, els, *fill, *stroke, |x, y| (x, h - y), 1.0);
        }
    }
    let mut doc = PdfDocument::new("logo");
    doc.pages.push(PdfPage::new(
        printpdf::Mm::from(Pt(art.width)),
        printpdf::Mm::from(Pt(h)),
        ops,
    ));
    let page = scratch_pages(&doc)?
        .into_iter()
        .next()
        .ok_or_else(|| PrintError::Pdf("printpdf wrote no logo".into()))?;
    Ok(form(page, art.width, h, false))
}

/// A PNG or JPEG logo decoded for printpdf, with its transparency if it has any.
fn raw_image(bytes: &[u8]) -> Result<RawImage, PrintError> {
    let decoded = image::load_from_memory(bytes).map_err(|e| PrintError::Image(e.to_string()))?;
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

/// What a page draws, in order: one of its leaves, or a form.
enum Step<'l, 'p> {
    Leaf(&'l Leaf<'p>),
    Form(XObjectId),
}

/// A page waiting for a second page like it, to make their shared drawing a form.
struct Unmatched {
    leaves: HashMap<u64, u32>,
}

/// How many forms of shared drawing one document may have: more means the pages do not
/// repeat, and drawing each whole is smaller.
const MAX_TEMPLATES: usize = 16;

/// A PDF being written: pages are added one by one and the file is written at the end.
pub struct PdfWriter<'a> {
    doc: PdfDocument,
    assets: Assets<'a>,
    res: Resources,
    pages: Vec<PdfPage>,
    templates: Vec<Template>,
    unmatched: Vec<Unmatched>,
    qrs: QrForms,
}

impl<'a> PdfWriter<'a> {
    pub fn new(
        fonts: &'a Fonts,
        vectors: &'a [VectorArt],
        images: &'a [Vec<u8>],
        title: &str,
    ) -> Self {
        PdfWriter {
            doc: PdfDocument::new(title),
            assets: Assets {
                fonts,
                vectors,
                images,
                parsed: vec![None; FONT_FILES.len()],
                logos: vec![None; vectors.len()],
                rasters: vec![None; images.len()],
                tags: 0,
            },
            res: Resources::new(vectors.len(), images.len()),
            pages: Vec::new(),
            templates: Vec::new(),
            unmatched: Vec::new(),
            qrs: QrForms::default(),
        }
    }

    /// Draws one page.
    pub fn page(&mut self, page: &Page) -> Result<(), PrintError> {
        let h = page.height * K;
        let mut all = Vec::with_capacity(page.ops.len());
        leaves(&page.ops, None, &mut all);
        let here = counts(all.iter());
        // What is drawn, in order: the page's own leaves and the form of what it shares.
        let steps: Vec<Step> = match self.shared(page, &all, &here)? {
            Some((id, mask)) => {
                let first = mask.iter().position(|s| *s).unwrap_or(0);
                let mut steps: Vec<Step> = all[..first].iter().map(Step::Leaf).collect();
                steps.push(Step::Form(id));
                steps.extend(
                    all[first..]
                        .iter()
                        .zip(&mask[first..])
                        .filter(|(_, s)| !**s)
                        .map(|(l, _)| Step::Leaf(l)),
                );
                steps
            }
            None => all.iter().map(Step::Leaf).collect(),
        };
        let qr_forms = self.qr_forms(&steps, page, h);
        let mut ops = Vec::with_capacity(16);
        let mut run: Vec<(Option<Matrix>, &Op)> = Vec::new();
        for (i, step) in steps.iter().enumerate() {
            let form = match step {
                Step::Leaf(l) if !matches!(l.op, Op::Qr { .. }) => {
                    run.push((l.matrix, l.op));
                    continue;
                }
                Step::Leaf(_) => qr_forms.get(&i).cloned(),
                Step::Form(id) => Some(id.clone()),
            };
            let Some(id) = form else { continue };
            self.assets
                .draw(&mut self.doc, &mut self.res, h, &run, &mut ops)?;
            run.clear();
            ops.push(PdfOp::UseXobject {
                id,
                transform: XObjectTransform::default(),
            });
        }
        self.assets
            .draw(&mut self.doc, &mut self.res, h, &run, &mut ops)?;
        self.pages.push(PdfPage::new(
            printpdf::Mm(page.width),
            printpdf::Mm(page.height),
            ops,
        ));
        if self.qrs.codes >= QR_BATCH {
            self.qrs.send()?;
        }
        Ok(())
    }

    /// Puts the page's QR codes in forms, as few as keep what the page looks like: a form is
    /// drawn where the last of its codes was, so no code may move past something it overlaps.
    /// Returns the forms by the step they are drawn at.
    fn qr_forms(&mut self, steps: &[Step], page: &Page, h: f32) -> HashMap<usize, XObjectId> {
        let codes: Vec<usize> = steps
            .iter()
            .enumerate()
            .filter(|(_, s)| matches!(s, Step::Leaf(l) if matches!(l.op, Op::Qr { .. })))
            .map(|(i, _)| i)
            .collect();
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for &k in &codes {
            let joins = groups.last().is_some_and(|g| {
                g.iter().all(|&i| {
                    let Step::Leaf(code) = &steps[i] else {
                        return false;
                    };
                    steps[i + 1..k].iter().all(|s| match s {
                        Step::Leaf(l) => !overlap(&code.bbox, &l.bbox),
                        Step::Form(_) => false,
                    })
                })
            });
            match groups.last_mut() {
                Some(g) if joins => g.push(k),
                _ => groups.push(vec![k]),
            }
        }
        let mut at = HashMap::new();
        for group in groups {
            let id = XObjectId(format!("Q{}", self.qrs.made));
            self.qrs.made += 1;
            let placed = group
                .iter()
                .filter_map(|&i| match &steps[i] {
                    Step::Leaf(l) => match l.op {
                        Op::Qr {
                            x,
                            y,
                            size,
                            n,
                            quiet,
                            runs,
                        } => Some(PlacedQr {
                            matrix: l.matrix.map(|m| pdf_matrix(&m, h)),
                            place: qr_placement(*x, *y, *size, *n, *quiet, h),
                            n: *n,
                            quiet: *quiet,
                            runs: runs.clone(),
                        }),
                        _ => None,
                    },
                    Step::Form(_) => None,
                })
                .collect::<Vec<_>>();
            self.qrs.codes += placed.len();
            self.qrs.pending.push(PendingQr {
                id: id.clone(),
                width: page.width * K,
                height: h,
                codes: placed,
            });
            if let Some(&last) = group.last() {
                at.insert(last, id);
            }
        }
        at
    }

    /// The form of what this page shares with pages before it, and which of its leaves it
    /// draws; `None` when the page is drawn whole.
    fn shared(
        &mut self,
        page: &Page,
        all: &[Leaf],
        here: &HashMap<u64, u32>,
    ) -> Result<Option<(XObjectId, Vec<bool>)>, PrintError> {
        let contains = |t: &HashMap<u64, u32>| t.iter().all(|(h, n)| here.get(h) == Some(n));
        let best = self
            .templates
            .iter()
            .filter(|t| contains(&t.leaves))
            .max_by_key(|t| t.ops.len());
        if let Some(t) = best {
            let mask: Vec<bool> = all.iter().map(|l| t.leaves.contains_key(&l.hash)).collect();
            if order_kept(all, &mask) {
                return Ok(Some((t.id.clone(), mask)));
            }
            return Ok(None);
        }
        if self.templates.len() >= MAX_TEMPLATES {
            return Ok(None);
        }
        // What the page has most in common with a form (which drew something this page does
        // not have, say the same name on two cards in a row) or with a page before it that has
        // none becomes a form from now on.
        let mut found: Option<(usize, Vec<bool>, Option<usize>)> = None;
        let forms = self.templates.iter().map(|t| (&t.leaves, None));
        let pages = self.unmatched.iter().enumerate().map(|(i, u)| (&u.leaves, Some(i)));
        for (other, unmatched) in forms.chain(pages) {
            let mask: Vec<bool> = all
                .iter()
                .map(|l| other.get(&l.hash) == here.get(&l.hash))
                .collect();
            let common = mask.iter().filter(|s| **s).count();
            let better = found.as_ref().is_none_or(|(c, _, _)| common > *c);
            if better && common >= 2 && common * 2 >= all.len() && order_kept(all, &mask) {
                found = Some((common, mask, unmatched));
            }
        }
        if let Some((_, mask, unmatched)) = found {
            if let Some(u) = unmatched {
                self.unmatched.remove(u);
            }
            let id = self.make_template(page, all, &mask)?;
            return Ok(Some((id, mask)));
        }
        self.unmatched.push(Unmatched {
            leaves: here.clone(),
        });
        if self.unmatched.len() > 4 {
            self.unmatched.remove(0);
        }
        Ok(None)
    }

    /// Keeps the leaves in `mask` as a form the size of the page, drawn when the document
    /// is written.
    fn make_template(
        &mut self,
        page: &Page,
        all: &[Leaf],
        mask: &[bool],
    ) -> Result<XObjectId, PrintError> {
        let shared = || all.iter().zip(mask).filter(|(_, s)| **s).map(|(l, _)| l);
        let id = XObjectId(format!("T{}", self.templates.len()));
        self.templates.push(Template {
            id: id.clone(),
            width: page.width,
            height: page.height,
            ops: shared().map(|l| (l.matrix, l.op.clone())).collect(),
            leaves: counts(shared()),
        });
        Ok(id)
    }

    /// Draws the shared drawing of each kind of page as its form. The form's content is
    /// printpdf's for a page of a scratch document with the document's fonts under the same
    /// names and a page showing every glyph the document shows, so that printpdf subsets each
    /// font to the same glyphs and numbers them alike. Returns the subsets it made, to check.
    fn make_templates(&mut self) -> Result<BTreeMap<Vec<u8>, Vec<u8>>, PrintError> {
        let mut subsets = BTreeMap::new();
        for t in std::mem::take(&mut self.templates) {
            let mut scratch = PdfDocument::new("form");
            let mut res = Resources::new(self.assets.vectors.len(), self.assets.images.len());
            res.fonts.clone_from(&self.res.fonts);
            for (i, id) in self.res.fonts.iter().enumerate() {
                if let Some(id) = id {
                    let parsed = self.assets.parsed(i)?;
                    scratch
                        .resources
                        .fonts
                        .map
                        .insert(id.clone(), PdfFont::new(parsed));
                }
            }
            let mut ops = Vec::new();
            let h = t.height * K;
            let drawn: Vec<_> = t.ops.iter().map(|(m, op)| (*m, op)).collect();
            self.assets
                .draw(&mut scratch, &mut res, h, &drawn, &mut ops)?;
            let strays = res
                .glyphs
                .iter()
                .zip(&self.res.glyphs)
                .any(|(form, doc)| !form.is_subset(doc));
            if strays {
                return Err(PrintError::Pdf(
                    "a form shows glyphs no page of the document shows".into(),
                ));
            }
            let page = |ops| PdfPage::new(printpdf::Mm(t.width), printpdf::Mm(t.height), ops);
            scratch.pages.push(page(ops));
            scratch.pages.push(page(glyph_inventory(&self.res)));
            let lo = scratch.to_lopdf_document(&scratch_options(), &mut Vec::new());
            subsets.extend(font_programs(&lo));
            let written = page_contents(&lo)?
                .into_iter()
                .next()
                .ok_or_else(|| PrintError::Pdf("printpdf wrote no form".into()))?;
            self.doc.resources.xobjects.map.insert(
                t.id,
                XObject::External(form(written, t.width * K, h, false)),
            );
        }
        Ok(subsets)
    }

    /// Writes the file; returns the whole PDF.
    pub fn finish(mut self) -> Result<Vec<u8>, PrintError> {
        let forms = self.make_templates()?;
        for (id, qr) in std::mem::take(&mut self.qrs).finish()? {
            self.doc.resources.xobjects.map.insert(id, XObject::External(qr));
        }
        self.doc.pages = std::mem::take(&mut self.pages);
        let options = PdfSaveOptions::default();
        // What `PdfDocument::save` does, with a look at the fonts before they are compressed.
        let mut lo = self.doc.to_lopdf_document(&options, &mut Vec::new());
        drop(self.doc);
        let fonts = font_programs(&lo);
        if forms.iter().any(|(name, bytes)| fonts.get(name) != Some(bytes)) {
            return Err(PrintError::Pdf(
                "printpdf subset a font of a form unlike the document's".into(),
            ));
        }
        lo.compress();
        // The page objects themselves (a page, its resources) go compressed in object streams
        // and the cross-reference table in a stream: a few hundred bytes less per page.
        let packed = lopdf::SaveOptions::builder()
            .use_object_streams(true)
            .use_xref_streams(true)
            .compression_level(9)
            .build();
        let mut out = Vec::new();
        lo.save_with_options(&mut out, packed)
            .map_err(|e| PrintError::Pdf(e.to_string()))?;
        Ok(out)
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
    let mut w = PdfWriter::new(fonts, vectors, images, title);
    for page in pages {
        w.page(page)?;
    }
    w.finish()
}
