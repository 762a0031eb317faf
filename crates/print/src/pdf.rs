//! Renders pages of drawing operations to PDF with printpdf, which writes the file: objects,
//! content streams, the bundled fonts subset to the glyphs used with a ToUnicode map (so
//! copying gives the real name), and the cross-reference table.
//!
//! What the pages of a batch share is drawn once. Consecutive cards differ in a few
//! operations (name, number, QR); the rest — header, venue list and tick boxes, logos, card
//! backs — becomes one form XObject per kind of page, placed on every page of that kind.
//! printpdf takes a form only as a finished content stream, so a form's content is what
//! printpdf writes for a page of the form's operations in a scratch document that has the
//! same fonts, under the same names, subset to the same glyphs (checked when the file is
//! written). A form names no resources of its own and draws with its page's: each font is
//! embedded once. The QR codes of a page are one form too, made by worker threads while
//! the pages are drawn: printpdf holds the whole document until it is saved, and a page
//! then holds one operation for its codes instead of a few hundred path points.

mod content;
mod forms;
mod leaves;

use crate::draw::{Op, Page, VectorArt};
use crate::fonts::Fonts;
use crate::PrintError;
use content::{pdf_matrix, qr_placement, Assets, Resources, K};
use forms::{font_programs, form, glyph_inventory, page_contents, scratch_options};
use forms::{PlacedQr, QrForms};
use leaves::{counts, leaves, order_kept, overlap, Leaf, Matrix};
use printpdf::{
    Op as PdfOp, PdfDocument, PdfPage, PdfSaveOptions, XObject, XObjectId, XObjectTransform,
};
use std::collections::{BTreeMap, HashMap};

/// The shared drawing of a kind of page, drawn as a form when the document is written.
struct Template {
    id: XObjectId,
    /// Page size in millimetres.
    width: f32,
    height: f32,
    ops: Vec<(Option<Matrix>, Op)>,
    leaves: HashMap<u64, u32>,
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
        let assets = Assets::new(fonts, vectors, images);
        PdfWriter {
            doc: PdfDocument::new(title),
            res: assets.resources(),
            assets,
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
        let qr_forms = self.qr_forms(&steps, page, h)?;
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
        Ok(())
    }

    /// Puts the page's QR codes in forms, as few as keep what the page looks like: a form is
    /// drawn where the last of its codes was, so no code may move past something it overlaps.
    /// Returns the forms by the step they are drawn at.
    fn qr_forms(
        &mut self,
        steps: &[Step],
        page: &Page,
        h: f32,
    ) -> Result<HashMap<usize, XObjectId>, PrintError> {
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
                .collect();
            let id = self.qrs.add(page.width * K, h, placed)?;
            if let Some(&last) = group.last() {
                at.insert(last, id);
            }
        }
        Ok(at)
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
        let pages = self
            .unmatched
            .iter()
            .enumerate()
            .map(|(i, u)| (&u.leaves, Some(i)));
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
            let mut res = self.assets.same_fonts(&self.res, &mut scratch)?;
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
            self.doc
                .resources
                .xobjects
                .map
                .insert(t.id, XObject::External(form(written, t.width * K, h)));
        }
        Ok(subsets)
    }

    /// Writes the file; returns the whole PDF.
    pub fn finish(mut self) -> Result<Vec<u8>, PrintError> {
        let forms = self.make_templates()?;
        for (id, qr) in std::mem::take(&mut self.qrs).finish()? {
            self.doc
                .resources
                .xobjects
                .map
                .insert(id, XObject::External(qr));
        }
        self.doc.pages = std::mem::take(&mut self.pages);
        let options = PdfSaveOptions::default();
        // What `PdfDocument::save` does, with a look at the fonts before they are compressed.
        let mut lo = self.doc.to_lopdf_document(&options, &mut Vec::new());
        drop(self.doc);
        let fonts = font_programs(&lo);
        if forms
            .iter()
            .any(|(name, bytes)| fonts.get(name) != Some(bytes))
        {
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

#[cfg(test)]
mod tests {
    use crate::layout::{CardFace, Design, Layout, VenueLine};
    use crate::{Job, Rgb};

    fn design() -> Design {
        let venues = (0..12)
            .map(|i| VenueLine {
                not_covered: String::new(),
                name: format!("Brukersted {i}"),
                visits: (i % 3 != 0).then_some(5),
                logo: None,
            })
            .collect();
        Design {
            title: "Opplevelseskortet 2027".into(),
            municipality: "Eksempel kommune".into(),
            primary: Rgb(0x1f, 0x5f, 0x8b),
            accent: Rgb(0xf2, 0xa9, 0x00),
            rules: "Kortet er personlig.".into(),
            contact: "Kulturkontoret".into(),
            venues,
            show_venue_logos: false,
            show_qr: true,
            lang: okort_core::Lang::Nb,
        }
    }

    fn job() -> Job {
        Job::new(design(), None, None, &[]).expect("job")
    }

    fn faces(n: usize, name: impl Fn(usize) -> String) -> Vec<CardFace> {
        (0..n)
            .map(|i| CardFace {
                holder_name: name(i),
                number: format!("2027-{:04}-1", i + 1),
                valid_to: "31.12.2027".into(),
                qr: format!("OKORT1;2027-{:04}-1;2027-12-31;c2lnbmF0dXJl{i:06}", i + 1),
            })
            .collect()
    }

    fn bytes(layout: Layout, cards: &[CardFace]) -> usize {
        job()
            .write_cards(layout, cards, "test", &|p| p, &mut |_, _| true)
            .expect("print")
            .pdf
            .len()
    }

    /// Bytes each card adds to a batch, from batches of `few` and `many` cards.
    fn per_card(layout: Layout, few: usize, many: usize, name: &dyn Fn(usize) -> String) -> usize {
        let small = bytes(layout, &faces(few, name));
        let large = bytes(layout, &faces(many, name));
        (large - small) / (many - few)
    }

    #[test]
    fn what_the_cards_share_is_written_once_however_many_cards_there_are() {
        let names = |i: usize| format!("Kortholder Nummer {i}");
        let a4 = per_card(Layout::A4, 10, 40, &names);
        assert!(a4 < 2200, "{a4} bytes per A4 card");
        let sheet = per_card(Layout::Sheet8, 16, 80, &names);
        assert!(sheet < 1200, "{sheet} bytes per card on the 8-up sheet");
    }

    #[test]
    fn the_same_name_on_cards_in_a_row_is_not_taken_for_what_the_cards_share() {
        // A register sorted by name: three of each.
        let namesakes = |i: usize| format!("Kortholder Nummer {}", i / 3);
        let a4 = per_card(Layout::A4, 10, 40, &namesakes);
        assert!(a4 < 2200, "{a4} bytes per A4 card");
    }

    #[test]
    fn a_raster_logo_is_embedded_once_with_its_transparency() {
        let mut png = Vec::new();
        let logo =
            image::RgbaImage::from_fn(20, 10, |x, _| image::Rgba([200, 0, 0, (x * 12) as u8]));
        image::DynamicImage::ImageRgba8(logo)
            .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
            .expect("png");
        let logo = crate::Logo {
            bytes: png,
            mime: "image/png".into(),
        };
        let job = Job::new(design(), Some(&logo), None, &[]).expect("job");
        let names = |i: usize| format!("Kortholder Nummer {i}");
        let pdf = job
            .write_cards(Layout::A4, &faces(5, names), "test", &|p| p, &mut |_, _| {
                true
            })
            .expect("print")
            .pdf;
        let doc = lopdf::Document::load_mem(&pdf).expect("a PDF lopdf reads");
        let images: Vec<&lopdf::Stream> = doc
            .objects
            .values()
            .filter_map(|o| o.as_stream().ok())
            .filter(|s| s.dict.get(b"Subtype").and_then(|t| t.as_name()).ok() == Some(b"Image"))
            .filter(|s| {
                s.dict.get(b"ColorSpace").and_then(|c| c.as_name()).ok() == Some(b"DeviceRGB")
            })
            .collect();
        assert_eq!(images.len(), 1, "one image for five cards");
        assert!(images[0].dict.has(b"SMask"), "its transparency kept");
    }
}
