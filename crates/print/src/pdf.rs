//! Writes pages of drawing operations as a PDF, one page at a time, so a batch of thousands
//! of cards never sits in memory as a document model: each page becomes a compressed content
//! stream as soon as it is drawn. What pages share is written once at the end: the bundled
//! fonts as subsets of the glyphs used (TrueType in Type 0 fonts, with a ToUnicode map so
//! copying from the PDF gives the real name), the vector logos as form XObjects and the
//! raster logos as images. The QR code is drawn in the page as one run of rectangles.

use crate::draw::{Op, Page, PathEl, Rgb, Stroke, VectorArt, PT_PER_MM};
use crate::fonts::{Fonts, FONT_FILES};
use crate::PrintError;
use flate2::write::ZlibEncoder;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::hash::{Hash, Hasher};
use std::io::Write as _;
use subsetter::GlyphRemapper;

/// Objects whose numbers are fixed; everything else is numbered as written.
const CATALOG: usize = 1;
const PAGES: usize = 2;
const RESOURCES: usize = 3;
const INFO: usize = 4;

/// The glyphs a page has used of one bundled font, with their text and widths.
struct UsedFont {
    remap: GlyphRemapper,
    /// Old glyph id by new glyph id.
    old: Vec<u16>,
    /// New glyph id → the text it stands for (the first seen).
    text: BTreeMap<u16, String>,
}

/// A PDF being written. Pages go out as they come; fonts, logos and the page tree at the end.
pub struct PdfWriter<'a> {
    out: Vec<u8>,
    /// Byte offset of each object by number (index 0 unused).
    offsets: Vec<usize>,
    fonts: &'a Fonts,
    vectors: &'a [VectorArt],
    images: &'a [Vec<u8>],
    used_fonts: Vec<Option<UsedFont>>,
    used_vectors: Vec<bool>,
    used_images: Vec<bool>,
    pages: Vec<usize>,
    title: String,
    /// Hashes of the drawing of every operation written so far.
    seen: HashSet<u64>,
    /// Runs of operations drawn before, written once as form XObjects: hash → object.
    repeated: HashMap<u64, usize>,
    /// The size of the page being written, the box of its forms.
    media: String,
}

fn hash(s: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    s.hash(&mut h);
    h.finish()
}

/// Appends a number with at most `decimals` decimals and no trailing zeros: short streams.
fn num(out: &mut String, v: f32, decimals: u32) {
    let scale = 10_i64.pow(decimals);
    let n = (f64::from(v) * scale as f64).round() as i64;
    if n < 0 {
        out.push('-');
    }
    let n = n.unsigned_abs();
    let (whole, mut frac) = (n / scale as u64, n % scale as u64);
    let _ = write!(out, "{whole}");
    if frac > 0 {
        out.push('.');
        let mut digits = decimals;
        while frac % 10 == 0 {
            frac /= 10;
            digits -= 1;
        }
        let _ = write!(out, "{frac:0width$}", width = digits as usize);
    }
}

fn nums(out: &mut String, values: &[f32]) {
    for v in values {
        num(out, *v, 2);
        out.push(' ');
    }
}

fn colour(out: &mut String, c: Rgb, op: &str) {
    if c.0 == c.1 && c.1 == c.2 {
        num(out, f32::from(c.0) / 255.0, 3);
        let _ = writeln!(out, " {}", if op == "rg" { "g" } else { "G" });
        return;
    }
    for v in [c.0, c.1, c.2] {
        num(out, f32::from(v) / 255.0, 3);
        out.push(' ');
    }
    out.push_str(op);
    out.push('\n');
}

/// Draws a path in the current coordinates, mapping each point with `at`.
fn path(
    out: &mut String,
    els: &[PathEl],
    fill: Option<Rgb>,
    stroke: Option<Stroke>,
    at: impl Fn(f32, f32) -> (f32, f32),
    width_scale: f32,
) {
    if els.is_empty() {
        return;
    }
    out.push_str("q\n");
    if let Some(f) = fill {
        colour(out, f, "rg");
    }
    if let Some(s) = stroke {
        colour(out, s.colour, "RG");
        num(out, s.width * width_scale, 3);
        out.push_str(" w\n");
    }
    for el in els {
        match *el {
            PathEl::Move(x, y) => {
                let (x, y) = at(x, y);
                nums(out, &[x, y]);
                out.push_str("m\n");
            }
            PathEl::Line(x, y) => {
                let (x, y) = at(x, y);
                nums(out, &[x, y]);
                out.push_str("l\n");
            }
            PathEl::Cubic(a, b, c, d, x, y) => {
                let (a, b) = at(a, b);
                let (c, d) = at(c, d);
                let (x, y) = at(x, y);
                nums(out, &[a, b, c, d, x, y]);
                out.push_str("c\n");
            }
            PathEl::Close => out.push_str("h\n"),
        }
    }
    out.push_str(match (fill, stroke) {
        (Some(_), Some(_)) => "B\nQ\n",
        (None, Some(_)) => "S\nQ\n",
        _ => "f\nQ\n",
    });
}

fn deflate(bytes: &[u8]) -> Vec<u8> {
    let mut z = ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing to a Vec cannot fail.
    let _ = z.write_all(bytes);
    z.finish().unwrap_or_default()
}

/// A text string for the document information, as UTF-16 with a byte-order mark.
fn text_string(s: &str) -> String {
    let mut hex = String::from("<FEFF");
    for unit in s.encode_utf16() {
        let _ = write!(hex, "{unit:04X}");
    }
    hex.push('>');
    hex
}

impl<'a> PdfWriter<'a> {
    pub fn new(
        fonts: &'a Fonts,
        vectors: &'a [VectorArt],
        images: &'a [Vec<u8>],
        title: &str,
    ) -> Self {
        let mut out = Vec::with_capacity(64 * 1024);
        out.extend_from_slice(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
        PdfWriter {
            out,
            offsets: vec![0; INFO + 1],
            fonts,
            vectors,
            images,
            used_fonts: (0..FONT_FILES.len()).map(|_| None).collect(),
            used_vectors: vec![false; vectors.len()],
            used_images: vec![false; images.len()],
            pages: Vec::new(),
            title: title.to_string(),
            seen: HashSet::new(),
            repeated: HashMap::new(),
            media: String::new(),
        }
    }

    /// Starts object `id` (a fixed one) or a new one (`None`); returns its number.
    fn begin(&mut self, id: Option<usize>) -> usize {
        let id = id.unwrap_or_else(|| {
            self.offsets.push(0);
            self.offsets.len() - 1
        });
        self.offsets[id] = self.out.len();
        let _ = writeln!(self.out, "{id} 0 obj");
        id
    }

    fn object(&mut self, id: Option<usize>, body: &str) -> usize {
        let id = self.begin(id);
        self.out.extend_from_slice(body.as_bytes());
        self.out.extend_from_slice(b"\nendobj\n");
        id
    }

    /// A compressed stream object; `dict` holds the entries besides /Length and /Filter.
    fn stream(&mut self, dict: &str, data: &[u8]) -> usize {
        let packed = deflate(data);
        let id = self.begin(None);
        let _ = write!(
            self.out,
            "<<{dict}/Length {}/Filter/FlateDecode>>\nstream\n",
            packed.len()
        );
        self.out.extend_from_slice(&packed);
        self.out.extend_from_slice(b"\nendstream\nendobj\n");
        id
    }

    /// Draws one page and writes it out.
    pub fn page(&mut self, page: &Page) -> Result<(), PrintError> {
        let mut c = String::with_capacity(4096);
        let h = page.height * PT_PER_MM;
        self.media.clear();
        num(&mut self.media, page.width * PT_PER_MM, 3);
        self.media.push(' ');
        num(&mut self.media, h, 3);
        self.ops(&mut c, h, &page.ops);
        let contents = self.stream("", c.as_bytes());
        let dict = format!(
            "<</Type/Page/Parent {PAGES} 0 R/MediaBox[0 0 {}]/Resources {RESOURCES} 0 R/Contents {contents} 0 R>>",
            self.media
        );
        let id = self.object(None, &dict);
        self.pages.push(id);
        Ok(())
    }

    /// Appends `ops` to the content `c`. What every card of a batch has in common (the design,
    /// the venue list, the logos) is drawn identically on each page: a run of operations drawn
    /// before becomes one form XObject, written once and placed on every page that has it.
    fn ops(&mut self, c: &mut String, h: f32, ops: &[Op]) {
        let mut run: Vec<String> = Vec::new();
        for op in ops {
            if let Op::Group { matrix, ops: inner } = op {
                self.flush(c, &mut run);
                let k = PT_PER_MM;
                let [a, b, cc, d, e, f] = *matrix;
                // The group's transform (mm, y down) as seen in PDF space (pt, y up).
                let m = [a, -b, -cc, d, cc * h + k * e, h * (1.0 - d) - k * f];
                c.push_str("q\n");
                for v in m {
                    num(c, v, 4);
                    c.push(' ');
                }
                c.push_str("cm\n");
                self.ops(c, h, inner);
                c.push_str("Q\n");
                continue;
            }
            let mut s = String::new();
            self.op(&mut s, h, op);
            if self.seen.insert(hash(&s)) {
                self.flush(c, &mut run);
                c.push_str(&s);
            } else {
                run.push(s);
            }
        }
        self.flush(c, &mut run);
    }

    /// Places a run of operations drawn before: as its form, or inline when it is short.
    fn flush(&mut self, c: &mut String, run: &mut Vec<String>) {
        let joined = run.concat();
        run.clear();
        if joined.len() < 80 {
            c.push_str(&joined);
            return;
        }
        let key = hash(&joined);
        let id = match self.repeated.get(&key) {
            Some(id) => *id,
            None => {
                let dict = format!(
                    "/Type/XObject/Subtype/Form/BBox[0 0 {}]/Resources {RESOURCES} 0 R",
                    self.media
                );
                let id = self.stream(&dict, joined.as_bytes());
                self.repeated.insert(key, id);
                id
            }
        };
        let _ = writeln!(c, "/T{id} Do");
    }

    /// Appends `op` to the content `c` of a page `h` points high (mm, y down → pt, y up).
    fn op(&mut self, c: &mut String, h: f32, op: &Op) {
        let k = PT_PER_MM;
        let at = |x: f32, y: f32| (x * k, h - y * k);
        match op {
            // Groups are opened by `ops`, which looks for repeated runs inside them too.
            Op::Group { .. } => self.ops(c, h, std::slice::from_ref(op)),
            Op::Rect {
                x,
                y,
                w,
                h: rh,
                fill,
                stroke,
            } => {
                c.push_str("q\n");
                if let Some(f) = fill {
                    colour(c, *f, "rg");
                }
                if let Some(s) = stroke {
                    colour(c, s.colour, "RG");
                    num(c, s.width * k, 3);
                    c.push_str(" w\n");
                }
                let (px, py) = at(*x, y + rh);
                nums(c, &[px, py, w * k, rh * k]);
                c.push_str(match (fill, stroke) {
                    (Some(_), Some(_)) => "re B\nQ\n",
                    (None, Some(_)) => "re S\nQ\n",
                    _ => "re f\nQ\n",
                });
            }
            Op::Path { els, fill, stroke } => path(c, els, *fill, *stroke, at, k),
            Op::Text {
                x,
                y,
                size,
                colour: col,
                text,
            } => {
                let mut pen_x = *x;
                c.push_str("BT\n");
                colour(c, *col, "rg");
                for run in &text.runs {
                    let face = self.fonts.face(run.font);
                    let used = self.used_fonts[run.font].get_or_insert_with(|| UsedFont {
                        remap: GlyphRemapper::new(),
                        old: vec![0],
                        text: BTreeMap::new(),
                    });
                    let _ = write!(c, "/F{} ", run.font);
                    num(c, *size, 2);
                    c.push_str(" Tf 1 0 0 1 ");
                    let (px, py) = at(pen_x, *y);
                    nums(c, &[px, py]);
                    c.push_str("Tm [<");
                    let upem = f32::from(run.units_per_em);
                    for g in &run.glyphs {
                        let new = used.remap.remap(g.gid);
                        if usize::from(new) == used.old.len() {
                            used.old.push(g.gid);
                        }
                        if let Some(t) = &g.text {
                            used.text.entry(new).or_insert_with(|| t.clone());
                        }
                        let _ = write!(c, "{new:04X}");
                        let natural = face
                            .glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(g.gid))
                            .map_or(0.0, f32::from);
                        // TJ adjustments in thousandths of an em: positive moves left.
                        let adjust = ((natural - g.x_advance as f32) * 1000.0 / upem).round();
                        if adjust != 0.0 {
                            let _ = write!(c, "> {adjust} <");
                        }
                    }
                    c.push_str(">] TJ\n");
                    pen_x += run.width(*size) / k;
                }
                c.push_str("ET\n");
            }
            Op::Symbol {
                art,
                x,
                y,
                w,
                h: sh,
            } => {
                let Some(v) = self.vectors.get(*art) else {
                    return;
                };
                self.used_vectors[*art] = true;
                let s = w * k / v.width;
                let (px, py) = at(*x, y + sh);
                c.push_str("q ");
                nums(c, &[s, 0.0, 0.0, s, px, py]);
                let _ = writeln!(c, "cm /L{art} Do Q");
            }
            Op::Image {
                image,
                x,
                y,
                w,
                h: ih,
            } => {
                if *image >= self.images.len() {
                    return;
                }
                self.used_images[*image] = true;
                let (px, py) = at(*x, y + ih);
                c.push_str("q ");
                nums(c, &[w * k, 0.0, 0.0, ih * k, px, py]);
                let _ = writeln!(c, "cm /I{image} Do Q");
            }
            Op::Qr {
                x,
                y,
                size,
                n,
                quiet,
                runs,
            } => {
                let side = f32::from(n + 2 * quiet);
                let s = size * k / side;
                let (px, py) = at(*x, y + size);
                c.push_str("q ");
                nums(c, &[s, 0.0, 0.0, s, px, py]);
                let _ = writeln!(c, "cm 1 g 0 0 {side} {side} re f 0 g");
                for (row, col, len) in runs {
                    let _ = writeln!(c, "{} {} {len} 1 re", col + quiet, n + quiet - 1 - row);
                }
                c.push_str("f Q\n");
            }
        }
    }

    /// Writes what the pages share and the file's tail; returns the whole PDF.
    pub fn finish(mut self) -> Result<Vec<u8>, PrintError> {
        let mut resources = String::from("<</ProcSet[/PDF/Text/ImageC]/Font<<");
        for i in 0..FONT_FILES.len() {
            if let Some(used) = self.used_fonts[i].take() {
                let id = self.font(i, &used)?;
                let _ = write!(resources, "/F{i} {id} 0 R");
            }
        }
        resources.push_str(">>/XObject<<");
        for i in 0..self.vectors.len() {
            if self.used_vectors[i] {
                let id = self.form(i);
                let _ = write!(resources, "/L{i} {id} 0 R");
            }
        }
        for i in 0..self.images.len() {
            if self.used_images[i] {
                let id = self.image(i)?;
                let _ = write!(resources, "/I{i} {id} 0 R");
            }
        }
        let mut forms: Vec<usize> = self.repeated.values().copied().collect();
        forms.sort_unstable();
        for id in forms {
            let _ = write!(resources, "/T{id} {id} 0 R");
        }
        resources.push_str(">>>>");
        self.object(Some(RESOURCES), &resources);
        let mut kids = String::new();
        for p in &self.pages {
            let _ = write!(kids, "{p} 0 R ");
        }
        let pages = format!(
            "<</Type/Pages/Count {}/Kids[{}]>>",
            self.pages.len(),
            kids.trim_end()
        );
        self.object(Some(PAGES), &pages);
        self.object(
            Some(CATALOG),
            &format!("<</Type/Catalog/Pages {PAGES} 0 R>>"),
        );
        let info = format!(
            "<</Title {}/Producer (Opplevelseskort)>>",
            text_string(&self.title)
        );
        self.object(Some(INFO), &info);
        let xref = self.out.len();
        let _ = write!(
            self.out,
            "xref\n0 {}\n0000000000 65535 f \n",
            self.offsets.len()
        );
        for off in &self.offsets[1..] {
            let _ = writeln!(self.out, "{off:010} 00000 n ");
        }
        let _ = write!(
            self.out,
            "trailer\n<</Size {}/Root {CATALOG} 0 R/Info {INFO} 0 R>>\nstartxref\n{xref}\n%%EOF\n",
            self.offsets.len()
        );
        Ok(self.out)
    }

    /// Embeds the used glyphs of bundled font `i` as a Type 0 font; returns its number.
    fn font(&mut self, i: usize, used: &UsedFont) -> Result<usize, PrintError> {
        let file = &FONT_FILES[i];
        let face = self.fonts.face(i);
        let subset = subsetter::subset(file.data, 0, &used.remap)
            .map_err(|_| PrintError::Font(file.name))?;
        let upem = face.units_per_em() as f32;
        let scale = |v: f32| (v * 1000.0 / upem).round() as i32;
        // A subset's name starts with six capital letters that tell subsets apart.
        let tag: String = (0..6)
            .map(|k| char::from(b'A' + ((i * 7 + k * 3 + used.old.len()) % 26) as u8))
            .collect();
        let name = format!("{tag}+{}", file.name);
        let file_id = self.stream(&format!("/Length1 {}", subset.len()), &subset);
        let bbox = face.global_bounding_box();
        let descriptor = format!(
            "<</Type/FontDescriptor/FontName/{name}/Flags 4/FontBBox[{} {} {} {}]/ItalicAngle 0\
             /Ascent {}/Descent {}/CapHeight {}/StemV {}/FontFile2 {file_id} 0 R>>",
            scale(f32::from(bbox.x_min)),
            scale(f32::from(bbox.y_min)),
            scale(f32::from(bbox.x_max)),
            scale(f32::from(bbox.y_max)),
            scale(f32::from(face.ascender())),
            scale(f32::from(face.descender())),
            scale(f32::from(face.capital_height().unwrap_or(face.ascender()))),
            if file.bold { 120 } else { 80 },
        );
        let descriptor_id = self.object(None, &descriptor);
        let mut widths = String::from("[0[");
        for old in &used.old {
            let w = face
                .glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(*old))
                .map_or(0, |a| scale(f32::from(a)));
            let _ = write!(widths, "{w} ");
        }
        widths.push_str("]]");
        let cid = format!(
            "<</Type/Font/Subtype/CIDFontType2/BaseFont/{name}\
             /CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>\
             /FontDescriptor {descriptor_id} 0 R/W{widths}/CIDToGIDMap/Identity>>"
        );
        let cid_id = self.object(None, &cid);
        let to_unicode = self.stream("", to_unicode_cmap(&used.text).as_bytes());
        Ok(self.object(
            None,
            &format!(
                "<</Type/Font/Subtype/Type0/BaseFont/{name}/Encoding/Identity-H\
                 /DescendantFonts[{cid_id} 0 R]/ToUnicode {to_unicode} 0 R>>"
            ),
        ))
    }

    /// A vector logo as a form XObject in its own units (y up).
    fn form(&mut self, i: usize) -> usize {
        let art = &self.vectors[i];
        let h = art.height;
        let mut c = String::new();
        for op in &art.ops {
            if let Op::Path { els, fill, stroke } = op {
                path(&mut c, els, *fill, *stroke, |x, y| (x, h - y), 1.0);
            }
        }
        let mut dict = String::from("/Type/XObject/Subtype/Form/BBox[0 0 ");
        nums(&mut dict, &[art.width, h]);
        dict.push(']');
        self.stream(&dict, c.as_bytes())
    }

    /// A raster logo as an image XObject, its transparency as a soft mask.
    fn image(&mut self, i: usize) -> Result<usize, PrintError> {
        let decoded = image::load_from_memory(&self.images[i])
            .map_err(|e| PrintError::Image(e.to_string()))?
            .to_rgba8();
        let (w, h) = decoded.dimensions();
        let mut rgb = Vec::with_capacity((w * h * 3) as usize);
        let mut alpha = Vec::with_capacity((w * h) as usize);
        for p in decoded.pixels() {
            rgb.extend_from_slice(&p.0[..3]);
            alpha.push(p.0[3]);
        }
        let size = format!("/Type/XObject/Subtype/Image/Width {w}/Height {h}/BitsPerComponent 8");
        let mask = if alpha.iter().any(|a| *a < 255) {
            let id = self.stream(&format!("{size}/ColorSpace/DeviceGray"), &alpha);
            format!("/SMask {id} 0 R")
        } else {
            String::new()
        };
        Ok(self.stream(&format!("{size}/ColorSpace/DeviceRGB{mask}"), &rgb))
    }
}

/// The map from glyph ids to text that makes copying from the PDF give the real words.
fn to_unicode_cmap(text: &BTreeMap<u16, String>) -> String {
    let mut c = String::from(
        "/CIDInit/ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo<</Registry(Adobe)/Ordering(UCS)/Supplement 0>>def\n\
         /CMapName/Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000><FFFF>\nendcodespacerange\n",
    );
    let entries: Vec<(&u16, &String)> = text.iter().filter(|(_, t)| !t.is_empty()).collect();
    for chunk in entries.chunks(100) {
        let _ = writeln!(c, "{} beginbfchar", chunk.len());
        for (gid, t) in chunk {
            let _ = write!(c, "<{gid:04X}><");
            for unit in t.encode_utf16() {
                let _ = write!(c, "{unit:04X}");
            }
            c.push_str(">\n");
        }
        c.push_str("endbfchar\n");
    }
    c.push_str("endcmap\nCMapName currentdict/CMap defineresource pop\nend\nend\n");
    c
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
    use super::*;

    #[test]
    fn numbers_are_written_short() {
        let mut s = String::new();
        for v in [0.0, 1.0, 12.5, -3.25, 0.004, 0.006, 100.10] {
            num(&mut s, v, 2);
            s.push(' ');
        }
        assert_eq!(s, "0 1 12.5 -3.25 0 0.01 100.1 ");
    }
}
