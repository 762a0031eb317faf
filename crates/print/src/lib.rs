//! The card layout engine. A card is laid out once into drawing operations ([`draw::Page`]);
//! the PDF for the printer ([`pdf`]) and the on-screen preview ([`svg`]) both render them.

pub mod art;
pub mod documents;
pub mod draw;
pub mod fonts;
pub mod layout;
pub mod pdf;
pub mod svg;

pub use draw::{Page, Rgb};
pub use layout::{CardFace, Design, Layout, VenueLine};

use art::{svg_art, svg_options, Art};
use fonts::Fonts;
use layout::Artwork;
use okort_core::i18n::Msg;

#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    #[error("the bundled font {0} could not be read")]
    Font(&'static str),
    #[error("an image could not be used: {0}")]
    Image(String),
    #[error("the QR code could not be made: {0}")]
    Qr(String),
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
    #[error("printing was cancelled")]
    Cancelled,
}

impl PrintError {
    /// The catalogue's sentence for the error in `lang`.
    pub fn msg(&self, lang: okort_core::Lang) -> Msg {
        match self {
            PrintError::Font(font) => Msg::FontUnreadable {
                font: font.to_string(),
            },
            PrintError::Image(error) => Msg::ImageUnusable {
                error: error.clone(),
            },
            PrintError::Qr(error) => Msg::QrFailed {
                error: error.clone(),
            },
            PrintError::Pdf(error) => Msg::PdfFailed {
                error: error.clone(),
            },
            PrintError::Cancelled => Msg::Refused {
                reason: okort_core::i18n::sentence(
                    &okort_core::i18n::Problem::PrintCancelled.message(lang),
                ),
            },
        }
    }
}

/// A logo as stored: its bytes and MIME type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logo {
    pub bytes: Vec<u8>,
    pub mime: String,
}

/// Everything a print run shares: fonts, the design and its logos, parsed once.
pub struct Job {
    fonts: Fonts,
    design: Design,
    art: Artwork,
    /// Vector logos, referred to by index from the pages.
    vectors: Vec<draw::VectorArt>,
    /// Raster logos, referred to by index from the pages.
    images: Vec<Vec<u8>>,
    image_mimes: Vec<String>,
}

impl Job {
    /// Prepares a job. `logos` are the venue logos `design.venues[i].logo` points into.
    pub fn new(
        design: Design,
        program_logo: Option<&Logo>,
        coat_of_arms: Option<&Logo>,
        logos: &[Logo],
    ) -> Result<Job, PrintError> {
        let fonts = Fonts::load()?;
        let opt = svg_options();
        let mut images = Vec::new();
        let mut image_mimes = Vec::new();
        let mut vectors = Vec::new();
        let mut prepare = |logo: &Logo| -> Result<Art, PrintError> {
            if logo.mime == "image/svg+xml" {
                let v = svg_art(&logo.bytes, &opt)?;
                let art = Art::Vector {
                    art: vectors.len(),
                    width: v.width,
                    height: v.height,
                };
                vectors.push(v);
                Ok(art)
            } else {
                let (w, h) = raster_size(&logo.bytes).unwrap_or((1, 1));
                images.push(logo.bytes.clone());
                image_mimes.push(logo.mime.clone());
                Ok(Art::Raster {
                    image: images.len() - 1,
                    width: w,
                    height: h,
                })
            }
        };
        let program_logo = program_logo.map(&mut prepare).transpose()?;
        let coat_of_arms = coat_of_arms.map(&mut prepare).transpose()?;
        let logos = logos.iter().map(&mut prepare).collect::<Result<_, _>>()?;
        Ok(Job {
            fonts,
            design,
            art: Artwork {
                program_logo,
                coat_of_arms,
                logos,
            },
            vectors,
            images,
            image_mimes,
        })
    }

    pub fn design(&self) -> &Design {
        &self.design
    }

    /// Lays out cards in the layout (one card may take several pages; a sheet holds eight).
    pub fn card_pages(&self, layout: Layout, cards: &[CardFace]) -> Result<Vec<Page>, PrintError> {
        layout::card_pages(layout, &self.design, &self.art, &self.fonts, cards)
    }

    /// Renders pages to one PDF.
    pub fn pdf(&self, pages: &[Page], title: &str) -> Result<Vec<u8>, PrintError> {
        pdf::render_pdf(pages, &self.fonts, &self.vectors, &self.images, title)
    }

    /// Lays out `cards` and writes them to one PDF a few sheets at a time, so memory stays
    /// flat at any number of cards. `adjust` turns each chunk's pages into what is printed
    /// (a printer's calibration); `progress(done, total)` is told after each chunk and stops
    /// the run with [`PrintError::Cancelled`] when it returns false.
    pub fn write_cards(
        &self,
        layout: Layout,
        cards: &[CardFace],
        title: &str,
        adjust: &dyn Fn(Vec<Page>) -> Vec<Page>,
        progress: &mut dyn FnMut(usize, usize) -> bool,
    ) -> Result<PrintedCards, PrintError> {
        // The eight cards of a print-shop sheet, so chunks fill whole sheets.
        const CHUNK: usize = 8;
        let mut w = pdf::PdfWriter::new(&self.fonts, &self.vectors, &self.images, title);
        let mut pages = 0;
        let mut layout_seconds = 0.0;
        let mut done = 0;
        for chunk in cards.chunks(CHUNK) {
            let started = std::time::Instant::now();
            let laid_out = adjust(self.card_pages(layout, chunk)?);
            layout_seconds += started.elapsed().as_secs_f64();
            for page in &laid_out {
                w.page(page)?;
            }
            pages += laid_out.len();
            done += chunk.len();
            if !progress(done, cards.len()) {
                return Err(PrintError::Cancelled);
            }
        }
        Ok(PrintedCards {
            pdf: w.finish()?,
            pages,
            layout_seconds,
        })
    }

    /// Renders a page to SVG for the preview.
    pub fn svg(&self, page: &Page) -> String {
        use std::fmt::Write;
        let urls: Vec<String> = self
            .images
            .iter()
            .zip(&self.image_mimes)
            .map(|(bytes, mime)| {
                let mut s = format!("data:{mime};base64,");
                let _ = write!(s, "{}", base64_encode(bytes));
                s
            })
            .collect();
        svg::render_svg(page, &self.fonts, &self.vectors, &urls)
    }
}

/// A written batch of cards.
pub struct PrintedCards {
    pub pdf: Vec<u8>,
    pub pages: usize,
    /// Of the time taken, the time spent laying out (shaping, drawing operations).
    pub layout_seconds: f64,
}

/// Width and height of a PNG or JPEG, read from its header.
fn raster_size(bytes: &[u8]) -> Option<(u32, u32)> {
    if bytes.starts_with(b"\x89PNG") && bytes.len() > 24 {
        let w = u32::from_be_bytes(bytes[16..20].try_into().ok()?);
        let h = u32::from_be_bytes(bytes[20..24].try_into().ok()?);
        return Some((w, h));
    }
    // JPEG: find a start-of-frame marker.
    let mut i = 2;
    while i + 9 < bytes.len() {
        if bytes[i] != 0xFF {
            return None;
        }
        let marker = bytes[i + 1];
        let len = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
        if matches!(marker, 0xC0..=0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF) {
            let h = u32::from(u16::from_be_bytes([bytes[i + 5], bytes[i + 6]]));
            let w = u32::from(u16::from_be_bytes([bytes[i + 7], bytes[i + 8]]));
            return Some((w, h));
        }
        i += 2 + len;
    }
    None
}

fn base64_encode(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * k)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}
