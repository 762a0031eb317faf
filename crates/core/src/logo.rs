//! Logos and coats of arms: PNG, JPEG or SVG, proven by decoding, at most 5 MB.

use crate::i18n::{Lang, Msg};

pub const MAX_IMAGE_BYTES: usize = 5 * 1024 * 1024;

/// What a decoded image turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageInfo {
    pub mime: &'static str,
    pub width: u32,
    pub height: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageProblem {
    Empty,
    TooLarge {
        bytes: usize,
    },
    /// Not PNG, JPEG or SVG at all.
    NotAnImage,
    /// Looks like the format but could not be decoded.
    Damaged {
        format: &'static str,
    },
}

impl ImageProblem {
    /// The catalogue's sentence for the problem.
    pub fn msg(&self, lang: Lang) -> Msg {
        match self {
            ImageProblem::Empty => Msg::LogoEmpty,
            ImageProblem::TooLarge { bytes } => {
                let mb = format!("{:.1}", *bytes as f64 / (1024.0 * 1024.0));
                Msg::LogoTooBig {
                    mb: match lang {
                        Lang::Nb => mb.replace('.', ","),
                        Lang::En => mb,
                    },
                }
            }
            ImageProblem::NotAnImage => Msg::LogoNotImage,
            ImageProblem::Damaged { format } => Msg::LogoBroken {
                format: format.to_string(),
            },
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        self.msg(lang).text(lang)
    }
}

/// Decodes `bytes` fully and says what they are, or why they are not a usable logo.
pub fn check_image(bytes: &[u8]) -> Result<ImageInfo, ImageProblem> {
    if bytes.is_empty() {
        return Err(ImageProblem::Empty);
    }
    if bytes.len() > MAX_IMAGE_BYTES {
        return Err(ImageProblem::TooLarge { bytes: bytes.len() });
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return decode_raster(bytes, image::ImageFormat::Png, "image/png", "PNG");
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return decode_raster(bytes, image::ImageFormat::Jpeg, "image/jpeg", "JPEG");
    }
    if looks_like_svg(bytes) {
        let tree = usvg::Tree::from_data(bytes, &usvg::Options::default())
            .map_err(|_| ImageProblem::Damaged { format: "SVG" })?;
        let size = tree.size();
        return Ok(ImageInfo {
            mime: "image/svg+xml",
            width: size.width().round() as u32,
            height: size.height().round() as u32,
        });
    }
    Err(ImageProblem::NotAnImage)
}

fn decode_raster(
    bytes: &[u8],
    format: image::ImageFormat,
    mime: &'static str,
    name: &'static str,
) -> Result<ImageInfo, ImageProblem> {
    let img = image::load_from_memory_with_format(bytes, format)
        .map_err(|_| ImageProblem::Damaged { format: name })?;
    Ok(ImageInfo {
        mime,
        width: img.width(),
        height: img.height(),
    })
}

fn looks_like_svg(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let text = String::from_utf8_lossy(head);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    text.starts_with('<') && text.contains("<svg")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny_png() -> Vec<u8> {
        let img = image::RgbaImage::from_pixel(3, 2, image::Rgba([200, 30, 30, 255]));
        let mut out = std::io::Cursor::new(Vec::new());
        img.write_to(&mut out, image::ImageFormat::Png)
            .expect("encode png");
        out.into_inner()
    }

    #[test]
    fn a_png_is_decoded_with_its_size() {
        let info = check_image(&tiny_png()).expect("valid png");
        assert_eq!(
            info,
            ImageInfo {
                mime: "image/png",
                width: 3,
                height: 2
            }
        );
    }

    #[test]
    fn an_svg_is_decoded_with_its_size() {
        let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#123456"/></svg>"##;
        let info = check_image(svg).expect("valid svg");
        assert_eq!(
            (info.mime, info.width, info.height),
            ("image/svg+xml", 40, 20)
        );
    }

    #[test]
    fn a_text_file_named_like_an_image_is_refused() {
        assert_eq!(
            check_image(b"hello, not a logo"),
            Err(ImageProblem::NotAnImage)
        );
    }

    #[test]
    fn a_truncated_png_is_reported_as_damaged() {
        let png = tiny_png();
        let cut = &png[..png.len() / 2];
        assert_eq!(
            check_image(cut),
            Err(ImageProblem::Damaged { format: "PNG" })
        );
    }

    #[test]
    fn a_file_over_five_megabytes_is_refused_with_its_size() {
        let big = vec![0u8; MAX_IMAGE_BYTES + 1];
        let err = check_image(&big).expect_err("too large");
        assert!(
            err.message(Lang::Nb).contains("5,0 MB"),
            "{}",
            err.message(Lang::Nb)
        );
    }

    #[test]
    fn broken_svg_is_reported_as_damaged() {
        assert_eq!(
            check_image(b"<svg xmlns=\"http://www.w3.org/2000/svg\"><rect"),
            Err(ImageProblem::Damaged { format: "SVG" })
        );
    }
}
