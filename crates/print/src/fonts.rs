//! Bundled Noto fonts (SIL OFL, from Debian's fonts-noto-core) and text shaping. PDF viewers do
//! not shape text, so every line is split into script runs, each shaped with rustybuzz in the
//! font made for that script: Arabic joins and runs right to left (Hebrew too), Tamil,
//! Devanagari, Bengali, Sinhala and Khmer reorder their vowel signs and stack their marks,
//! Thai stacks its tone marks, and Ethiopic, Georgian and Armenian get their own glyphs.
//! Chinese and Japanese are drawn with Droid Sans Fallback (Apache 2.0, from Debian's
//! fonts-droid-fallback): one TrueType file of 4 MB with 20,902 Han ideographs and the kana,
//! which printpdf subsets like the others. It has no bold; bold Han text is set in the regular
//! weight. Korean is drawn with NanumSquare (SIL OFL, from Debian's fonts-nanum): every one of
//! the 11,172 Hangul syllables, regular and bold, in 0.7 MB each.

use rustybuzz::{Face, UnicodeBuffer};

/// The scripts the bundled fonts cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Latin (æøå, Polish, Vietnamese), Cyrillic, Greek, digits and punctuation.
    Latin,
    Arabic,
    Ethiopic,
    Hebrew,
    Devanagari,
    Bengali,
    Tamil,
    Sinhala,
    Thai,
    Khmer,
    Georgian,
    Armenian,
    /// Chinese and Japanese: Han ideographs, kana, CJK punctuation and full-width forms.
    Cjk,
    /// Korean.
    Hangul,
}

impl Script {
    /// Written right to left.
    pub fn is_rtl(self) -> bool {
        matches!(self, Script::Arabic | Script::Hebrew)
    }
}

/// A bundled font file.
pub struct FontFile {
    pub name: &'static str,
    pub data: &'static [u8],
    pub script: Script,
    pub bold: bool,
}

pub const FONT_FILES: [FontFile; 27] = [
    FontFile {
        name: "NotoSans-Regular",
        data: include_bytes!("../fonts/NotoSans-Regular.ttf"),
        script: Script::Latin,
        bold: false,
    },
    FontFile {
        name: "NotoSans-Bold",
        data: include_bytes!("../fonts/NotoSans-Bold.ttf"),
        script: Script::Latin,
        bold: true,
    },
    FontFile {
        name: "NotoSansArabic-Regular",
        data: include_bytes!("../fonts/NotoSansArabic-Regular.ttf"),
        script: Script::Arabic,
        bold: false,
    },
    FontFile {
        name: "NotoSansArabic-Bold",
        data: include_bytes!("../fonts/NotoSansArabic-Bold.ttf"),
        script: Script::Arabic,
        bold: true,
    },
    FontFile {
        name: "NotoSansEthiopic-Regular",
        data: include_bytes!("../fonts/NotoSansEthiopic-Regular.ttf"),
        script: Script::Ethiopic,
        bold: false,
    },
    FontFile {
        name: "NotoSansEthiopic-Bold",
        data: include_bytes!("../fonts/NotoSansEthiopic-Bold.ttf"),
        script: Script::Ethiopic,
        bold: true,
    },
    FontFile {
        name: "NotoSansHebrew-Regular",
        data: include_bytes!("../fonts/NotoSansHebrew-Regular.ttf"),
        script: Script::Hebrew,
        bold: false,
    },
    FontFile {
        name: "NotoSansHebrew-Bold",
        data: include_bytes!("../fonts/NotoSansHebrew-Bold.ttf"),
        script: Script::Hebrew,
        bold: true,
    },
    FontFile {
        name: "NotoSansDevanagari-Regular",
        data: include_bytes!("../fonts/NotoSansDevanagari-Regular.ttf"),
        script: Script::Devanagari,
        bold: false,
    },
    FontFile {
        name: "NotoSansDevanagari-Bold",
        data: include_bytes!("../fonts/NotoSansDevanagari-Bold.ttf"),
        script: Script::Devanagari,
        bold: true,
    },
    FontFile {
        name: "NotoSansBengali-Regular",
        data: include_bytes!("../fonts/NotoSansBengali-Regular.ttf"),
        script: Script::Bengali,
        bold: false,
    },
    FontFile {
        name: "NotoSansBengali-Bold",
        data: include_bytes!("../fonts/NotoSansBengali-Bold.ttf"),
        script: Script::Bengali,
        bold: true,
    },
    FontFile {
        name: "NotoSansTamil-Regular",
        data: include_bytes!("../fonts/NotoSansTamil-Regular.ttf"),
        script: Script::Tamil,
        bold: false,
    },
    FontFile {
        name: "NotoSansTamil-Bold",
        data: include_bytes!("../fonts/NotoSansTamil-Bold.ttf"),
        script: Script::Tamil,
        bold: true,
    },
    FontFile {
        name: "NotoSansSinhala-Regular",
        data: include_bytes!("../fonts/NotoSansSinhala-Regular.ttf"),
        script: Script::Sinhala,
        bold: false,
    },
    FontFile {
        name: "NotoSansSinhala-Bold",
        data: include_bytes!("../fonts/NotoSansSinhala-Bold.ttf"),
        script: Script::Sinhala,
        bold: true,
    },
    FontFile {
        name: "NotoSansThai-Regular",
        data: include_bytes!("../fonts/NotoSansThai-Regular.ttf"),
        script: Script::Thai,
        bold: false,
    },
    FontFile {
        name: "NotoSansThai-Bold",
        data: include_bytes!("../fonts/NotoSansThai-Bold.ttf"),
        script: Script::Thai,
        bold: true,
    },
    FontFile {
        name: "NotoSansKhmer-Regular",
        data: include_bytes!("../fonts/NotoSansKhmer-Regular.ttf"),
        script: Script::Khmer,
        bold: false,
    },
    FontFile {
        name: "NotoSansKhmer-Bold",
        data: include_bytes!("../fonts/NotoSansKhmer-Bold.ttf"),
        script: Script::Khmer,
        bold: true,
    },
    FontFile {
        name: "NotoSansGeorgian-Regular",
        data: include_bytes!("../fonts/NotoSansGeorgian-Regular.ttf"),
        script: Script::Georgian,
        bold: false,
    },
    FontFile {
        name: "NotoSansGeorgian-Bold",
        data: include_bytes!("../fonts/NotoSansGeorgian-Bold.ttf"),
        script: Script::Georgian,
        bold: true,
    },
    FontFile {
        name: "NotoSansArmenian-Regular",
        data: include_bytes!("../fonts/NotoSansArmenian-Regular.ttf"),
        script: Script::Armenian,
        bold: false,
    },
    FontFile {
        name: "NotoSansArmenian-Bold",
        data: include_bytes!("../fonts/NotoSansArmenian-Bold.ttf"),
        script: Script::Armenian,
        bold: true,
    },
    FontFile {
        name: "DroidSansFallbackFull",
        data: include_bytes!("../fonts/DroidSansFallbackFull.ttf"),
        script: Script::Cjk,
        bold: false,
    },
    FontFile {
        name: "NanumSquareR",
        data: include_bytes!("../fonts/NanumSquareR.ttf"),
        script: Script::Hangul,
        bold: false,
    },
    FontFile {
        name: "NanumSquareB",
        data: include_bytes!("../fonts/NanumSquareB.ttf"),
        script: Script::Hangul,
        bold: true,
    },
];

/// The script a character needs, or `None` for characters every font has (spaces, digits,
/// common punctuation), which join the run around them.
pub fn script_of(c: char) -> Option<Script> {
    match c as u32 {
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            Some(Script::Arabic)
        }
        0x1200..=0x139F | 0x2D80..=0x2DDF | 0xAB00..=0xAB2F => Some(Script::Ethiopic),
        0x0590..=0x05FF | 0xFB1D..=0xFB4F => Some(Script::Hebrew),
        0x0900..=0x097F | 0xA8E0..=0xA8FF => Some(Script::Devanagari),
        0x0980..=0x09FF => Some(Script::Bengali),
        0x0B80..=0x0BFF => Some(Script::Tamil),
        0x0D80..=0x0DFF => Some(Script::Sinhala),
        0x0E00..=0x0E7F => Some(Script::Thai),
        0x1780..=0x17FF | 0x19E0..=0x19FF => Some(Script::Khmer),
        0x10A0..=0x10FF | 0x1C90..=0x1CBF | 0x2D00..=0x2D2F => Some(Script::Georgian),
        0x0530..=0x058F | 0xFB13..=0xFB17 => Some(Script::Armenian),
        // Hangul jamo, compatibility jamo, extended jamo and syllables.
        0x1100..=0x11FF | 0x3130..=0x318F | 0xA960..=0xA97F | 0xAC00..=0xD7FF => {
            Some(Script::Hangul)
        }
        // CJK radicals, punctuation, kana, Bopomofo and the rest of the CJK blocks; Han
        // ideographs (extension A, the main block); compatibility ideographs; full- and
        // half-width forms; extension B on.
        0x2E80..=0x2FDF
        | 0x3000..=0x312F
        | 0x3190..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0xFF00..=0xFFEF
        | 0x20000..=0x3134F => Some(Script::Cjk),
        _ if c.is_alphabetic() => Some(Script::Latin),
        _ => None,
    }
}

/// A line shaped: its text, bold or not, and the paragraph direction it was set in.
type ShapeKey = (String, bool, Option<bool>);

/// One glyph as placed by the shaper, in font units.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub gid: u16,
    pub x_advance: i32,
    pub x_offset: i32,
    pub y_offset: i32,
    /// The text this glyph stands for (first glyph of a cluster), for copy-paste.
    pub text: Option<String>,
}

/// A run of glyphs in one font, in visual order.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// Index into [`FONT_FILES`].
    pub font: usize,
    pub glyphs: Vec<Glyph>,
    pub units_per_em: u16,
    /// Set right to left: its glyphs are in visual order, the last of the text first.
    pub rtl: bool,
}

impl Run {
    /// Width of the run at `size` (any unit: the result is in the same unit).
    pub fn width(&self, size: f32) -> f32 {
        let adv: i32 = self.glyphs.iter().map(|g| g.x_advance).sum();
        adv as f32 * size / f32::from(self.units_per_em)
    }
}

/// A shaped line of text: runs in visual (left-to-right) order.
#[derive(Debug, Clone, PartialEq)]
pub struct ShapedText {
    pub text: String,
    pub runs: Vec<Run>,
}

impl ShapedText {
    pub fn width(&self, size: f32) -> f32 {
        self.runs.iter().map(|r| r.width(size)).sum()
    }
}

/// The bundled fonts, parsed once for a whole print job.
pub struct Fonts {
    faces: Vec<Face<'static>>,
    /// Lines already shaped: venue names and labels repeat on every card of a job.
    cache: std::cell::RefCell<std::collections::HashMap<ShapeKey, std::rc::Rc<ShapedText>>>,
}

impl Fonts {
    pub fn load() -> Result<Fonts, crate::PrintError> {
        let faces = FONT_FILES
            .iter()
            .map(|f| Face::from_slice(f.data, 0).ok_or(crate::PrintError::Font(f.name)))
            .collect::<Result<_, _>>()?;
        Ok(Fonts {
            faces,
            cache: Default::default(),
        })
    }

    pub fn face(&self, index: usize) -> &Face<'static> {
        &self.faces[index]
    }

    /// The font for `script` in the weight asked for, or in its regular weight where the
    /// script has no bold (CJK).
    fn font_for(script: Script, bold: bool) -> usize {
        let of = |bold: bool| {
            FONT_FILES
                .iter()
                .position(|f| f.script == script && f.bold == bold)
        };
        of(bold).or_else(|| of(false)).unwrap_or(0)
    }

    /// Shapes one line. Runs follow the script of their characters; a line whose first
    /// strong character is right-to-left has its runs in right-to-left order.
    pub fn shape(&self, text: &str, bold: bool) -> std::rc::Rc<ShapedText> {
        self.shape_in(text, bold, None)
    }

    /// Shapes one line in a paragraph of the given direction (`Some(true)`: right to left, as
    /// a letter in Arabic is, even where a line starts with a venue's Latin name); `None`
    /// takes the direction of the line's first strong character. The line is ordered by the
    /// Unicode bidirectional algorithm: digits and Latin words inside Arabic text keep their
    /// left-to-right order.
    pub fn shape_in(&self, text: &str, bold: bool, rtl: Option<bool>) -> std::rc::Rc<ShapedText> {
        let key = (text.to_string(), bold, rtl);
        if let Some(hit) = self.cache.borrow().get(&key) {
            return hit.clone();
        }
        let shaped = std::rc::Rc::new(self.shape_uncached(text, bold, rtl));
        self.cache.borrow_mut().insert(key, shaped.clone());
        shaped
    }

    /// `text` cut where the font changes: each script in its own font.
    fn script_pieces(&self, text: &str, bold: bool) -> Vec<(Script, String)> {
        // A neutral character the run's font has no glyph for (a bracket after Ethiopic)
        // starts a Latin run instead.
        let has = |script: Script, c: char| {
            script == Script::Latin
                || self.faces[Self::font_for(script, bold)]
                    .glyph_index(c)
                    .is_some()
        };
        let mut pieces: Vec<(Script, String)> = Vec::new();
        for c in text.chars() {
            let script = script_of(c);
            match (pieces.last_mut(), script) {
                (Some((s, buf)), None) if has(*s, c) => buf.push(c),
                (Some((s, buf)), Some(x)) if *s == x => buf.push(c),
                (_, x) => pieces.push((x.unwrap_or(Script::Latin), c.to_string())),
            }
            // A neutral first character takes the script of what follows.
            if let (Some(x), [(first, buf)]) = (script, pieces.as_mut_slice()) {
                if *first != x && buf.chars().all(|c| script_of(c).is_none() && has(x, c)) {
                    *first = x;
                }
            }
        }
        pieces
    }

    fn shape_uncached(&self, text: &str, bold: bool, rtl: Option<bool>) -> ShapedText {
        use unicode_bidi::{Level, ParagraphBidiInfo};
        if text.is_empty() {
            return ShapedText {
                text: String::new(),
                runs: Vec::new(),
            };
        }
        let base = rtl.map(|r| if r { Level::rtl() } else { Level::ltr() });
        let bidi = ParagraphBidiInfo::new(text, base);
        let (levels, ranges) = bidi.visual_runs(0..text.len());
        let mut runs: Vec<Run> = Vec::new();
        for range in ranges {
            let rtl = levels.get(range.start).is_some_and(|l| l.is_rtl());
            let mut shaped: Vec<Run> = self
                .script_pieces(&text[range], bold)
                .into_iter()
                .map(|(script, piece)| self.shape_run(&piece, Self::font_for(script, bold), rtl))
                .collect();
            if rtl {
                shaped.reverse();
            }
            runs.extend(shaped);
        }
        ShapedText {
            text: text.to_string(),
            runs,
        }
    }

    /// The characters of `text` no bundled font can draw (Myanmar, Lao, Tibetan, rare Han
    /// ideographs and other scripts the app does not carry): printed, they would be empty boxes. Spaces and
    /// controls are never reported.
    pub fn unprintable(&self, text: &str) -> Vec<char> {
        let mut out: Vec<char> = Vec::new();
        for bold in [false, true] {
            for run in &self.shape(text, bold).runs {
                for g in run.glyphs.iter().filter(|g| g.gid == 0) {
                    for c in g.text.as_deref().unwrap_or("").chars() {
                        if !c.is_whitespace() && !c.is_control() && !out.contains(&c) {
                            out.push(c);
                        }
                    }
                }
            }
        }
        out
    }

    fn shape_run(&self, text: &str, font: usize, rtl: bool) -> Run {
        let face = &self.faces[font];
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        buffer.set_direction(if rtl {
            rustybuzz::Direction::RightToLeft
        } else {
            rustybuzz::Direction::LeftToRight
        });
        let shaped = rustybuzz::shape(face, &[], buffer);
        let infos = shaped.glyph_infos();
        let positions = shaped.glyph_positions();
        // Cluster → its text, so copy-paste gives back what was written.
        let mut starts: Vec<usize> = infos.iter().map(|i| i.cluster as usize).collect();
        starts.sort_unstable();
        starts.dedup();
        let cluster_text = |start: usize| {
            let end = starts
                .iter()
                .find(|&&s| s > start)
                .copied()
                .unwrap_or(text.len());
            text.get(start..end).unwrap_or("").to_string()
        };
        let mut seen = std::collections::HashSet::new();
        let glyphs = infos
            .iter()
            .zip(positions)
            .map(|(info, pos)| Glyph {
                gid: info.glyph_id as u16,
                x_advance: pos.x_advance,
                x_offset: pos.x_offset,
                y_offset: pos.y_offset,
                text: seen
                    .insert(info.cluster)
                    .then(|| cluster_text(info.cluster as usize)),
            })
            .collect();
        Run {
            font,
            glyphs,
            units_per_em: face.units_per_em() as u16,
            rtl,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_script_gets_its_own_font() {
        let fonts = Fonts::load().expect("fonts");
        let latin = fonts.shape("Åse Ødegård", false);
        assert_eq!(latin.runs.len(), 1);
        assert_eq!(FONT_FILES[latin.runs[0].font].script, Script::Latin);
        let arabic = fonts.shape("مريم الحسن", false);
        assert_eq!(FONT_FILES[arabic.runs[0].font].script, Script::Arabic);
        let ethiopic = fonts.shape("ሰላም ተስፋይ", true);
        assert_eq!(
            FONT_FILES[ethiopic.runs[0].font].name,
            "NotoSansEthiopic-Bold"
        );
        let mixed = fonts.shape("Amina مريم", false);
        assert_eq!(mixed.runs.len(), 2);
    }

    #[test]
    fn no_character_of_a_name_falls_back_to_an_empty_glyph() {
        let fonts = Fonts::load().expect("fonts");
        for name in [
            "Zofia Wiśniewska",
            "Nguyễn Thị Hương",
            "Олена Коваль",
            "مريم الحسن",
            "ሰላም ተስፋይ",
            "கயல்விழி சுப்பிரமணியம்",
            "प्रिया शर्मा",
            "অনন্যা রহমান",
            "สมชาย ใจดี",
            "נועה כהן",
            "ნინო ბერიძე",
            "Անի Պետրոսյան",
            "නිමාෂා පෙරේරා",
            "សុភា ចាន់",
            "عائشہ خان",
        ] {
            let shaped = fonts.shape(name, false);
            let missing = shaped
                .runs
                .iter()
                .flat_map(|r| &r.glyphs)
                .filter(|g| g.gid == 0)
                .count();
            assert_eq!(missing, 0, "{name}");
        }
    }

    #[test]
    fn punctuation_the_ethiopic_font_lacks_is_set_in_the_latin_font() {
        let fonts = Fonts::load().expect("fonts");
        for text in ["ትግርኛ (ti)", "(ሰላም) ተስፋይ", "Олена [uk]"] {
            let missing = fonts
                .shape(text, false)
                .runs
                .iter()
                .flat_map(|r| &r.glyphs)
                .filter(|g| g.gid == 0)
                .count();
            assert_eq!(missing, 0, "{text}");
        }
    }

    #[test]
    fn arabic_letters_are_joined_into_contextual_forms() {
        let fonts = Fonts::load().expect("fonts");
        let shaped = fonts.shape("مريم", false);
        let isolated: Vec<u16> = "م ر ي م"
            .split(' ')
            .map(|c| fonts.shape(c, false).runs[0].glyphs[0].gid)
            .collect();
        let joined: Vec<u16> = shaped.runs[0].glyphs.iter().map(|g| g.gid).collect();
        assert_ne!(
            joined, isolated,
            "joined forms differ from isolated letters"
        );
        let text: String = shaped.runs[0]
            .glyphs
            .iter()
            .rev()
            .filter_map(|g| g.text.clone())
            .collect();
        assert_eq!(text, "مريم", "every letter is kept for copy-paste");
    }

    #[test]
    fn a_thai_tone_mark_over_a_vowel_is_lifted_and_tamil_reorders_its_vowel_sign() {
        let fonts = Fonts::load().expect("fonts");
        // ที่: tone mark on top of the vowel sign on top of the consonant.
        let thai = fonts.shape("ที่", false);
        assert_eq!(FONT_FILES[thai.runs[0].font].script, Script::Thai);
        assert!(
            thai.runs[0]
                .glyphs
                .iter()
                .any(|g| g.y_offset != 0 || g.x_offset != 0),
            "the marks are placed by offsets: {:?}",
            thai.runs[0].glyphs
        );
        // கெ: the vowel sign ெ is written after the consonant and drawn before it.
        let tamil = fonts.shape("கெ", false);
        let glyphs = &tamil.runs[0].glyphs;
        assert_eq!(glyphs.len(), 2);
        let alone = fonts.shape("க", false).runs[0].glyphs[0].gid;
        assert_eq!(
            glyphs[1].gid, alone,
            "the consonant comes second, after its vowel sign"
        );
        assert_eq!(glyphs[0].text.as_deref(), Some("கெ"), "copied as written");
    }

    #[test]
    fn a_hebrew_line_runs_right_to_left() {
        let fonts = Fonts::load().expect("fonts");
        let mixed = fonts.shape("נועה Noa", false);
        assert_eq!(mixed.runs.len(), 2);
        assert_eq!(
            FONT_FILES[mixed.runs[0].font].script,
            Script::Latin,
            "visual order"
        );
    }

    #[test]
    fn characters_no_font_can_draw_are_named_and_nothing_else() {
        let fonts = Fonts::load().expect("fonts");
        // Burmese and Lao: no bundled font has them.
        assert_eq!(fonts.unprintable("Aung မင်း"), vec!['မ', 'င', '်', 'း']);
        assert_eq!(fonts.unprintable("ສົມ"), vec!['ສ', 'ົ', 'ມ']);
        for fine in [
            "கயல்விழி",
            "Åse Ødegård",
            "ትግርኛ (ti)",
            "สมชาย ใจดี",
            "王芳",
            "Min-jun 김민준",
            "さくら 佐藤陽菜",
            "",
        ] {
            assert!(fonts.unprintable(fine).is_empty(), "{fine}");
        }
    }

    #[test]
    fn chinese_japanese_and_korean_are_set_in_the_cjk_font_bold_too() {
        let fonts = Fonts::load().expect("fonts");
        for bold in [false, true] {
            let shaped = fonts.shape("Wang 王芳 김민준 さくら", bold);
            let scripts: Vec<(Script, bool)> = shaped
                .runs
                .iter()
                .map(|r| (FONT_FILES[r.font].script, FONT_FILES[r.font].bold))
                .collect();
            assert_eq!(
                scripts,
                [
                    (Script::Latin, bold),
                    (Script::Cjk, false),
                    (Script::Hangul, bold),
                    (Script::Cjk, false),
                ],
                "{shaped:?}"
            );
            let glyphs: Vec<&Glyph> = shaped.runs.iter().flat_map(|r| &r.glyphs).collect();
            assert!(glyphs.iter().all(|g| g.gid != 0));
            assert_eq!(glyphs.len(), "Wang 王芳 김민준 さくら".chars().count());
        }
    }

    #[test]
    fn digits_and_latin_words_in_an_arabic_line_keep_their_order() {
        let fonts = Fonts::load().expect("fonts");
        // "In 2026 ..." in Arabic: the year must not come out as 6202.
        let shaped = fonts.shape_in("في عام 2026 يمكن", false, Some(true));
        let digits: String = shaped
            .runs
            .iter()
            .flat_map(|r| &r.glyphs)
            .filter_map(|g| g.text.clone())
            .filter(|t| t.chars().all(|c| c.is_ascii_digit()))
            .collect();
        assert_eq!(digits, "2026", "digits left to right, in visual order");
        // A venue's Latin name first in a right-to-left line stands at its right end.
        let line = fonts.shape_in("Eksempel Kino – عدد الزيارات: 5", false, Some(true));
        let last = line.runs.last().expect("runs");
        assert_eq!(
            FONT_FILES[last.font].script,
            Script::Latin,
            "the name is rightmost"
        );
        let auto = fonts.shape("Eksempel Kino – عدد الزيارات: 5", false);
        assert_eq!(
            FONT_FILES[auto.runs[0].font].script,
            Script::Latin,
            "a left-to-right line"
        );
    }
}
