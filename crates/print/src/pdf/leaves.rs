//! A page's drawing operations as leaves: each operation with the transform of the groups
//! around it, what it draws as a number (equal on two pages means drawn alike), and the box it
//! draws in, to tell whether moving it past another changes what the page looks like.

use super::content::K;
use crate::draw::{Op, PathEl, Rgb, Stroke};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

/// An affine transform (a b c d e f): x' = a x + c y + e, y' = b x + d y + f.
pub(super) type Matrix = [f32; 6];

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

/// One drawing operation of a page with the transform of the groups around it.
pub(super) struct Leaf<'p> {
    pub(super) op: &'p Op,
    pub(super) matrix: Option<Matrix>,
    pub(super) hash: u64,
    /// Where it draws on the page, in millimetres: x0, y0, x1, y1.
    pub(super) bbox: [f32; 4],
}

pub(super) fn leaves<'p>(ops: &'p [Op], matrix: Option<Matrix>, out: &mut Vec<Leaf<'p>>) {
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
        Op::Image {
            image,
            x,
            y,
            w,
            h: ih,
        } => {
            image.hash(&mut h);
            hash_f32s(&mut h, &[*x, *y, *w, *ih]);
        }
        Op::Symbol {
            art,
            x,
            y,
            w,
            h: sh,
        } => {
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
            x, y, w, h, stroke, ..
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
        Op::Text {
            x, y, size, text, ..
        } => {
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
    corners
        .iter()
        .fold([f32::MAX, f32::MAX, f32::MIN, f32::MIN], |b, &(x, y)| {
            [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)]
        })
}

pub(super) fn overlap(a: &[f32; 4], b: &[f32; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// Whether drawing the leaves in `shared` first, as one form where the first of them is, and
/// the others after it keeps what the page looks like: nothing drawn after the form may lie
/// under a shared leaf that came after it.
pub(super) fn order_kept(leaves: &[Leaf], shared: &[bool]) -> bool {
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
pub(super) fn counts<'l, 'p: 'l>(leaves: impl Iterator<Item = &'l Leaf<'p>>) -> HashMap<u64, u32> {
    let mut c = HashMap::new();
    for l in leaves {
        *c.entry(l.hash).or_insert(0) += 1;
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x: f32, y: f32, w: f32, h: f32) -> Op {
        Op::Rect {
            x,
            y,
            w,
            h,
            fill: Some(Rgb::BLACK),
            stroke: None,
        }
    }

    #[test]
    fn a_leaf_inside_groups_is_placed_by_all_their_transforms() {
        let ops = vec![Op::Group {
            matrix: [2.0, 0.0, 0.0, 2.0, 10.0, 0.0],
            ops: vec![Op::Group {
                matrix: [1.0, 0.0, 0.0, 1.0, 0.0, 5.0],
                ops: vec![rect(1.0, 1.0, 1.0, 1.0)],
            }],
        }];
        let mut out = Vec::new();
        leaves(&ops, None, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].bbox, [12.0, 12.0, 14.0, 14.0]);
    }

    #[test]
    fn the_same_drawing_on_two_pages_is_one_number_and_moved_it_is_another() {
        let mut a = Vec::new();
        let mut b = Vec::new();
        let (first, second) = (
            vec![rect(1.0, 1.0, 5.0, 5.0)],
            vec![rect(1.0, 1.0, 5.0, 5.0)],
        );
        leaves(&first, None, &mut a);
        leaves(&second, None, &mut b);
        assert_eq!(a[0].hash, b[0].hash);
        let moved = vec![rect(1.0, 2.0, 5.0, 5.0)];
        let mut c = Vec::new();
        leaves(&moved, None, &mut c);
        assert_ne!(a[0].hash, c[0].hash);
    }

    #[test]
    fn a_page_cannot_share_a_drawing_that_would_cover_its_own() {
        // Shared background, the page's own box, then a shared box over it.
        let ops = vec![
            rect(0.0, 0.0, 100.0, 100.0),
            rect(10.0, 10.0, 10.0, 10.0),
            rect(15.0, 15.0, 10.0, 10.0),
        ];
        let mut all = Vec::new();
        leaves(&ops, None, &mut all);
        assert!(!order_kept(&all, &[true, false, true]));
        let beside = vec![
            rect(0.0, 0.0, 100.0, 100.0),
            rect(10.0, 10.0, 10.0, 10.0),
            rect(50.0, 50.0, 10.0, 10.0),
        ];
        let mut all = Vec::new();
        leaves(&beside, None, &mut all);
        assert!(order_kept(&all, &[true, false, true]));
    }
}
