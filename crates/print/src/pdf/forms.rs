//! Forms from scratch documents. printpdf takes a form XObject only as a finished content
//! stream; the content of each form here is what printpdf itself writes for a page of the
//! form's operations in a document of its own. QR codes are made this way by worker threads
//! while the pages are drawn.

use super::content::{path, qr_ops, r2, Resources};
use crate::draw::{Op, VectorArt};
use crate::PrintError;
use printpdf::{
    Codepoint, CurTransMat, DictItem, ExternalStream, ExternalXObject, Op as PdfOp, PdfDocument,
    PdfFontHandle, PdfPage, PdfSaveOptions, Pt, TextItem, XObjectId,
};
use std::collections::BTreeMap;
use std::sync::{mpsc, Arc, Mutex};

/// QR codes placed on pages. Their forms are made in batches by worker threads while the
/// pages are drawn, and compressed there.
#[derive(Default)]
pub(super) struct QrForms {
    pending: Vec<PendingQr>,
    /// Codes in `pending`.
    codes: usize,
    /// Forms named so far.
    named: usize,
    workers: Option<Workers>,
}

type Forms = Vec<(XObjectId, ExternalXObject)>;

struct Workers {
    batches: mpsc::Sender<Vec<PendingQr>>,
    done: Vec<std::thread::JoinHandle<Result<Forms, PrintError>>>,
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
pub(super) struct PlacedQr {
    pub(super) matrix: Option<CurTransMat>,
    pub(super) place: CurTransMat,
    pub(super) n: u16,
    pub(super) quiet: u16,
    pub(super) runs: Vec<(u16, u16, u16)>,
}

/// QR forms are made this many codes at a time, in one scratch document.
const QR_BATCH: usize = 64;

impl QrForms {
    /// Names the form of QR codes on a page `width` × `height` points; it is made later.
    pub(super) fn add(
        &mut self,
        width: f32,
        height: f32,
        codes: Vec<PlacedQr>,
    ) -> Result<XObjectId, PrintError> {
        let id = XObjectId(format!("Q{}", self.named));
        self.named += 1;
        self.codes += codes.len();
        self.pending.push(PendingQr {
            id: id.clone(),
            width,
            height,
            codes,
        });
        if self.codes >= QR_BATCH {
            self.send()?;
        }
        Ok(id)
    }

    /// Hands the QR codes placed so far to the workers: as many threads as there are cores,
    /// the pages being drawn meanwhile.
    fn send(&mut self) -> Result<(), PrintError> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let batch = std::mem::take(&mut self.pending);
        self.codes = 0;
        if self.workers.is_none() {
            let (batches, inbox) = mpsc::channel::<Vec<PendingQr>>();
            let inbox = Arc::new(Mutex::new(inbox));
            let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
            let done = (0..threads)
                .map(|_| {
                    let inbox = inbox.clone();
                    std::thread::Builder::new()
                        .name("qr-forms".into())
                        .spawn(move || {
                            let mut made = Vec::new();
                            // Until the writer is finished (or dropped, when a run is cancelled).
                            while let Some(batch) = inbox.lock().ok().and_then(|i| i.recv().ok()) {
                                made.extend(qr_forms(batch)?);
                            }
                            Ok(made)
                        })
                        .map_err(|e| PrintError::Pdf(e.to_string()))
                })
                .collect::<Result<_, _>>()?;
            self.workers = Some(Workers { batches, done });
        }
        if let Some(w) = &self.workers {
            // Workers that stopped say why when they are joined.
            let _ = w.batches.send(batch);
        }
        Ok(())
    }

    /// Every form, once the workers have made the last batch.
    pub(super) fn finish(mut self) -> Result<Forms, PrintError> {
        self.send()?;
        let Some(Workers { batches, done }) = self.workers else {
            return Ok(Vec::new());
        };
        drop(batches);
        let mut made = Vec::with_capacity(self.named);
        for worker in done {
            let forms = worker
                .join()
                .map_err(|_| PrintError::Pdf("making the QR codes failed".into()))?;
            made.extend(forms?);
        }
        Ok(made)
    }
}

/// The forms of a batch of QR codes: printpdf draws each page's codes on a page of a scratch
/// document, whose streams lopdf compresses.
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
        .map(|(q, page)| (q.id, form(page, q.width, q.height)))
        .collect())
}

/// A form XObject of what printpdf wrote for a page, drawn in a box of `width` × `height`
/// points. It names no resources: it draws with those of the page it is placed on.
pub(super) fn form(page: Written, width: f32, height: f32) -> ExternalXObject {
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
    let compress = page.filter.is_none();
    if let Some(filter) = page.filter {
        dict.insert("Filter".to_string(), DictItem::Name(filter));
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

/// Save options for scratch documents: fonts subset as in the document, streams left as
/// they are.
pub(super) fn scratch_options() -> PdfSaveOptions {
    PdfSaveOptions {
        optimize: false,
        ..Default::default()
    }
}

/// What printpdf wrote for a page of a scratch document.
pub(super) struct Written {
    content: Vec<u8>,
    /// How lopdf compressed `content`, if it did.
    filter: Option<Vec<u8>>,
}

fn scratch_pages(doc: &PdfDocument) -> Result<Vec<Written>, PrintError> {
    page_contents(&doc.to_lopdf_document(&scratch_options(), &mut Vec::new()))
}

/// What printpdf wrote for each page of a document, in page order.
pub(super) fn page_contents(lo: &lopdf::Document) -> Result<Vec<Written>, PrintError> {
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
                filter: stream
                    .dict
                    .get(b"Filter")
                    .and_then(|f| f.as_name())
                    .ok()
                    .map(<[u8]>::to_vec),
            })
        })
        .collect()
}

/// The embedded font programs of a printpdf document by font name (with its subset tag).
pub(super) fn font_programs(lo: &lopdf::Document) -> BTreeMap<Vec<u8>, Vec<u8>> {
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
        if let (Ok(name), Some(program)) =
            (font.get(b"BaseFont").and_then(|n| n.as_name()), program)
        {
            out.insert(name.to_vec(), program.content.clone());
        }
    }
    out
}

/// Every glyph the document shows, font by font: on a scratch page, it makes printpdf subset
/// the fonts of a form as it subsets the document's.
pub(super) fn glyph_inventory(res: &Resources) -> Vec<PdfOp> {
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
pub(super) fn logo_form(art: &VectorArt) -> Result<ExternalXObject, PrintError> {
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
    Ok(form(page, art.width, h))
}
