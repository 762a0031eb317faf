//! Logos and coats of arms: PNG, JPEG or SVG, proven by decoding, at most 5 MB.
//! A raster image is decoded with limits on its size and on the memory the decoder may take,
//! and an SVG is parsed with no access to files or the network: an `<image href>` (to a local
//! file, a web address or embedded data) is left out, never followed.

use crate::i18n::{Lang, Msg};

pub const MAX_IMAGE_BYTES: usize = 5 * 1024 * 1024;
/// The widest and tallest logo, in pixels: 8000 px is 68 cm at 300 dpi.
pub const MAX_IMAGE_SIDE: u32 = 8_000;
/// What the decoder may allocate for one logo (8000 × 8000 RGBA is 256 MB).
pub const MAX_DECODE_BYTES: u64 = 256 * 1024 * 1024;

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
    /// Decodes to more pixels than [`MAX_IMAGE_SIDE`] allows (a "decompression bomb").
    TooManyPixels,
}

impl ImageProblem {
    /// The catalogue's sentence for the problem.
    pub fn msg(&self, lang: Lang) -> Msg {
        match self {
            ImageProblem::Empty => Msg::LogoEmpty,
            ImageProblem::TooLarge { bytes } => {
                let mb = format!("{:.1}", *bytes as f64 / (1024.0 * 1024.0));
                Msg::LogoTooBig {
                    mb: if lang.is_norwegian() {
                        mb.replace('.', ",")
                    } else {
                        mb
                    },
                }
            }
            ImageProblem::NotAnImage => Msg::LogoNotImage,
            ImageProblem::Damaged { format } => Msg::LogoBroken {
                format: format.to_string(),
            },
            ImageProblem::TooManyPixels => Msg::LogoTooManyPixels {
                max: MAX_IMAGE_SIDE.to_string(),
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
        let tree = usvg::Tree::from_data(bytes, &closed_svg_options(usvg::Options::default()))
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
    let img = decode_with_limits(bytes, format, name)?;
    Ok(ImageInfo {
        mime,
        width: img.width(),
        height: img.height(),
    })
}

/// Decodes a PNG or JPEG logo for drawing, within the same limits as the check.
pub fn decode_logo(bytes: &[u8]) -> Result<image::DynamicImage, ImageProblem> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        decode_with_limits(bytes, image::ImageFormat::Png, "PNG")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        decode_with_limits(bytes, image::ImageFormat::Jpeg, "JPEG")
    } else {
        Err(ImageProblem::NotAnImage)
    }
}

fn decode_with_limits(
    bytes: &[u8],
    format: image::ImageFormat,
    name: &'static str,
) -> Result<image::DynamicImage, ImageProblem> {
    let mut reader = image::ImageReader::with_format(std::io::Cursor::new(bytes), format);
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_IMAGE_SIDE);
    limits.max_image_height = Some(MAX_IMAGE_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    reader.decode().map_err(|e| match e {
        image::ImageError::Limits(_) => ImageProblem::TooManyPixels,
        _ => ImageProblem::Damaged { format: name },
    })
}

/// `options` with every way out of the SVG closed: an `<image>` is never loaded, whether its
/// `href` names a file, a web address or embedded data (usvg's own resolver reads local files).
pub fn closed_svg_options(options: usvg::Options<'_>) -> usvg::Options<'_> {
    usvg::Options {
        resources_dir: None,
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: Box::new(|_, _, _| None),
            resolve_string: Box::new(|_, _| None),
        },
        ..options
    }
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
        assert_eq!(
            err.message(Lang::Nn),
            "Fila er 5,0 MB; ein logo kan vere høgst 5 MB."
        );
        assert!(err.message(Lang::En).contains("5.0 MB"));
    }

    /// A PNG whose header claims 60 000 × 60 000 pixels (14 GB decoded) in a few bytes.
    fn bomb_png() -> Vec<u8> {
        let img = image::GrayImage::from_pixel(1, 1, image::Luma([0]));
        let mut out = std::io::Cursor::new(Vec::new());
        img.write_to(&mut out, image::ImageFormat::Png)
            .expect("encode png");
        let mut png = out.into_inner();
        // IHDR's width and height are bytes 16..24; its CRC (bytes 29..33) covers bytes 12..29.
        png[16..20].copy_from_slice(&60_000u32.to_be_bytes());
        png[20..24].copy_from_slice(&60_000u32.to_be_bytes());
        let crc = crc32(&png[12..29]);
        png[29..33].copy_from_slice(&crc.to_be_bytes());
        png
    }

    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = !0u32;
        for &b in bytes {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    #[test]
    fn a_png_that_claims_billions_of_pixels_is_refused_before_decoding() {
        let err = check_image(&bomb_png()).expect_err("bomb");
        assert_eq!(err, ImageProblem::TooManyPixels);
        assert!(
            err.message(Lang::Nb).contains("8000"),
            "{}",
            err.message(Lang::Nb)
        );
        assert_eq!(
            decode_logo(&bomb_png()).err(),
            Some(ImageProblem::TooManyPixels)
        );
    }

    #[test]
    fn an_svg_image_pointing_at_a_local_file_is_not_read() {
        let dir = std::env::temp_dir().join(format!("okort-svg-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let secret = dir.join("secret.png");
        std::fs::write(&secret, tiny_png()).expect("write");
        let svg = format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><image width="10" height="10" href="{0}"/><image width="10" height="10" xlink:href="file://{0}"/><image width="10" height="10" href="https://example.org/x.png"/></svg>"#,
            secret.display()
        );
        // With usvg's own options the file is read: the test would see it.
        let open = usvg::Tree::from_data(svg.as_bytes(), &usvg::Options::default()).expect("svg");
        assert!(
            has_image(open.root()),
            "the default resolver reads local files"
        );
        let closed = usvg::Tree::from_data(
            svg.as_bytes(),
            &closed_svg_options(usvg::Options::default()),
        )
        .expect("svg");
        assert!(!has_image(closed.root()), "no image was loaded");
        assert!(
            check_image(svg.as_bytes()).is_ok(),
            "the logo itself is fine"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    fn has_image(group: &usvg::Group) -> bool {
        group.children().iter().any(|n| match n {
            usvg::Node::Image(_) => true,
            usvg::Node::Group(g) => has_image(g),
            _ => false,
        })
    }

    #[test]
    fn broken_svg_is_reported_as_damaged() {
        assert_eq!(
            check_image(b"<svg xmlns=\"http://www.w3.org/2000/svg\"><rect"),
            Err(ImageProblem::Damaged { format: "SVG" })
        );
    }
}
