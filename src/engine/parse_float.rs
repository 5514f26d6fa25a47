//! Decimal text to `f64`, exactly as `str::parse::<f64>` reads it, without the standard library's parser. That
//! parser (Eisel–Lemire with a slow-path decimal, `core::num::dec2flt`) carries a 10.4 kB table of 128-bit powers of
//! five that gzip cannot shrink: with its code, 14 kB gzip of every WebAssembly module (issue 20, BENCHMARKS.md
//! "Size"). Here a number of up to 19 significant digits and a power of ten up to 22 is read in one correctly rounded
//! multiplication or division (both operands exact, Clinger's fast path: every number people type); anything else
//! is rounded exactly by comparing it with the midpoints between neighbouring doubles in integer arithmetic.
//! `tests::same_as_the_standard_parser` holds it to `str::parse` bit for bit (random text, random numbers, the
//! midpoints themselves, the limits of the range).

use std::cmp::Ordering;

/// The bits of `f64::INFINITY`: every finite positive double's bits are below, in the order of their values.
const INF_BITS: u64 = 0x7FF0_0000_0000_0000;

/// Powers of ten a double holds exactly.
const EXACT_POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// Significant digits kept: the exact midpoint between two doubles has at most 767 significant digits, so a number
/// cut after 800 digits (with one nonzero digit added when any nonzero digit was cut) lies on the same side of every
/// midpoint as the whole number.
const MAX_DIGITS: usize = 800;

/// An optional `-` or `+`, taken off the front: whether it was `-`.
fn sign(bytes: &mut core::iter::Peekable<impl Iterator<Item = u8>>) -> bool {
    match bytes.peek() {
        Some(b'-') => {
            bytes.next();
            true
        }
        Some(b'+') => {
            bytes.next();
            false
        }
        _ => false,
    }
}

/// `s.parse::<f64>().ok()` for numbers in decimal notation: an optional sign, digits with an optional decimal point
/// (at least one digit), and an optional exponent (`e` or `E`, an optional sign, digits). `None` for any other text,
/// including the words `inf`, `infinity` and `nan`, which `str::parse` would read (no caller passes them).
pub fn parse_f64(s: &str) -> Option<f64> {
    let mut bytes = s.as_bytes().iter().copied().peekable();
    let negative = sign(&mut bytes);
    // The value is `digits × 10^scale` (`digits` without leading zeros).
    let mut digits: Vec<u8> = Vec::new();
    let mut scale: i64 = 0;
    let mut cut_nonzero = false;
    let mut any_digit = false;
    let mut after_point = false;
    while let Some(&b) = bytes.peek() {
        match b {
            b'0'..=b'9' => {
                any_digit = true;
                let d = b.wrapping_sub(b'0');
                if digits.len() < MAX_DIGITS {
                    if !digits.is_empty() || d != 0 {
                        digits.push(d);
                    }
                    if after_point {
                        scale = scale.saturating_sub(1);
                    }
                } else {
                    cut_nonzero |= d != 0;
                    if !after_point {
                        scale = scale.saturating_add(1);
                    }
                }
            }
            b'.' if !after_point => after_point = true,
            _ => break,
        }
        bytes.next();
    }
    if !any_digit {
        return None;
    }
    if let Some(b'e' | b'E') = bytes.peek() {
        bytes.next();
        let exp_negative = sign(&mut bytes);
        let mut exp: i64 = 0;
        let mut exp_digits = false;
        while let Some(&b @ b'0'..=b'9') = bytes.peek() {
            exp_digits = true;
            // Beyond ±10^15 every nonzero number is zero or infinite either way (`scale` counts characters).
            exp = exp.saturating_mul(10).saturating_add(i64::from(b.wrapping_sub(b'0'))).min(1_000_000_000_000_000);
            bytes.next();
        }
        if !exp_digits {
            return None;
        }
        scale = if exp_negative { scale.saturating_sub(exp) } else { scale.saturating_add(exp) };
    }
    if bytes.next().is_some() {
        return None;
    }
    let magnitude = magnitude(digits, scale, cut_nonzero);
    Some(if negative { -magnitude } else { magnitude })
}

/// The double nearest `digits × 10^scale` (ties to even), `digits` without leading zeros; `cut_nonzero` when nonzero
/// digits were cut from its end.
fn magnitude(mut digits: Vec<u8>, mut scale: i64, cut_nonzero: bool) -> f64 {
    if !cut_nonzero {
        while digits.last() == Some(&0) {
            digits.pop();
            scale = scale.saturating_add(1);
        }
    }
    if digits.is_empty() {
        return 0.0;
    }
    // The value lies in [10^(e - 1), 10^e).
    let e = scale.saturating_add(i64::try_from(digits.len()).unwrap_or(i64::MAX));
    if e > 310 {
        return f64::INFINITY;
    }
    if e < -324 {
        return 0.0; // below 10^-325, less than half the smallest double
    }
    if !cut_nonzero && digits.len() <= 19 {
        let w = digits.iter().fold(0u64, |w, &d| w.wrapping_mul(10).wrapping_add(u64::from(d)));
        if w <= 1 << 53 {
            let p = usize::try_from(scale.unsigned_abs()).ok().and_then(|i| EXACT_POW10.get(i));
            if let Some(&p) = p {
                #[allow(clippy::cast_precision_loss)] // w ≤ 2^53: exact
                let w = w as f64;
                return if scale >= 0 { w * p } else { w / p };
            }
        }
    }
    if cut_nonzero {
        digits.push(1);
        scale = scale.saturating_sub(1);
    }
    let exact = Exact::new(&digits, scale);
    f64::from_bits(exact.nearest(approximate(&digits, e)))
}

/// A double within a few units in the last place of the value (from its first 19 digits), as bits.
fn approximate(digits: &[u8], e: i64) -> u64 {
    let first = digits.get(..19).unwrap_or(digits);
    let w = first.iter().fold(0u64, |w, &d| w.wrapping_mul(10).wrapping_add(u64::from(d)));
    // w × 10^(e - len), in two steps so that neither power leaves the range of a double.
    let p = i32::try_from(e).unwrap_or(0).saturating_sub(i32::try_from(first.len()).unwrap_or(0));
    let half = p / 2;
    #[allow(clippy::cast_precision_loss)]
    let x = w as f64 * 10f64.powi(half) * 10f64.powi(p.saturating_sub(half));
    if x.is_nan() {
        0
    } else {
        x.to_bits().min(INF_BITS)
    }
}

/// The value as the fraction `num / den` of two integers, compared exactly with the midpoints between doubles.
struct Exact {
    num: Big,
    den: Big,
}

impl Exact {
    fn new(digits: &[u8], scale: i64) -> Exact {
        let mut num = Big(vec![0]);
        for &d in digits {
            num.mul_add(10, u32::from(d));
        }
        let mut den = Big(vec![1]);
        if scale >= 0 {
            num.mul_pow10(scale.unsigned_abs());
        } else {
            den.mul_pow10(scale.unsigned_abs());
        }
        Exact { num, den }
    }

    /// The value against the midpoint between the double of `bits` and the next one up (`bits < INF_BITS`).
    fn cmp_upper_midpoint(&self, bits: u64) -> Ordering {
        let (exponent, fraction) = (bits >> 52, bits & ((1 << 52) - 1));
        // The double is m × 2^q, the midpoint (2m + 1) × 2^(q - 1).
        let (m, q) = if exponent == 0 {
            (fraction, -1074i64)
        } else {
            (fraction | (1 << 52), i64::try_from(exponent).unwrap_or(0).wrapping_sub(1075))
        };
        let mut mid = self.den.clone();
        mid.mul_u64(m.wrapping_mul(2).wrapping_add(1));
        let num = self.num.shl(u64::try_from(1i64.wrapping_sub(q)).unwrap_or(0));
        let mid = mid.shl(u64::try_from(q.wrapping_sub(1)).unwrap_or(0));
        num.compare(&mid)
    }

    /// The bits of the double nearest the value, ties to even, searching out from the bits `guess`.
    fn nearest(&self, guess: u64) -> u64 {
        // The smallest `bits` whose upper midpoint is at or above the value (INF_BITS when none is): found by
        // galloping from the guess to a bracket [lo, hi], then halving it.
        let at_or_below = |bits: u64| bits >= INF_BITS || self.cmp_upper_midpoint(bits) != Ordering::Greater;
        let (mut lo, mut hi);
        if at_or_below(guess) {
            hi = guess;
            let mut step = 1u64;
            loop {
                let below = hi.saturating_sub(step);
                if below == hi {
                    lo = hi;
                    break;
                }
                if at_or_below(below) {
                    hi = below;
                    step = step.saturating_mul(2);
                } else {
                    lo = below.wrapping_add(1);
                    break;
                }
            }
        } else {
            lo = guess.wrapping_add(1);
            let mut step = 1u64;
            loop {
                let above = lo.saturating_add(step).min(INF_BITS);
                if at_or_below(above) {
                    hi = above;
                    break;
                }
                lo = above.wrapping_add(1);
                step = step.saturating_mul(2);
            }
        }
        while lo < hi {
            let mid = lo.wrapping_add(hi.wrapping_sub(lo) / 2);
            if at_or_below(mid) {
                hi = mid;
            } else {
                lo = mid.wrapping_add(1);
            }
        }
        // The value lies above the midpoint below `lo` and at or below the one above it: `lo`, unless it is exactly
        // on the one above and `lo` is odd (then the next double up, whose last bit is 0, possibly infinity).
        if lo < INF_BITS && lo & 1 == 1 && self.cmp_upper_midpoint(lo) == Ordering::Equal {
            lo.wrapping_add(1)
        } else {
            lo
        }
    }
}

/// A natural number in base 2^32, least significant limb first.
#[derive(Clone)]
struct Big(Vec<u32>);

impl Big {
    /// `self × k + add`.
    fn mul_add(&mut self, k: u32, add: u32) {
        let mut carry = u64::from(add);
        for limb in &mut self.0 {
            // < 2^64: (2^32 - 1)^2 + 2 (2^32 - 1)
            let t = u64::from(*limb).wrapping_mul(u64::from(k)).wrapping_add(carry);
            *limb = t as u32;
            carry = t >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn mul_u64(&mut self, k: u64) {
        let mut high = self.clone();
        self.mul_add(k as u32, 0);
        high.mul_add((k >> 32) as u32, 0);
        high.0.insert(0, 0);
        self.add(&high);
    }

    fn add(&mut self, other: &Big) {
        if self.0.len() < other.0.len() {
            self.0.resize(other.0.len(), 0);
        }
        let mut carry = 0u64;
        let mut others = other.0.iter();
        for limb in &mut self.0 {
            let t = u64::from(*limb).wrapping_add(u64::from(others.next().copied().unwrap_or(0))).wrapping_add(carry);
            *limb = t as u32;
            carry = t >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn mul_pow10(&mut self, mut e: u64) {
        while e >= 9 {
            self.mul_add(1_000_000_000, 0);
            e = e.wrapping_sub(9);
        }
        self.mul_add(10u32.pow(e as u32), 0);
    }

    /// `self × 2^bits`.
    fn shl(&self, bits: u64) -> Big {
        let (limbs, bits) = (usize::try_from(bits / 32).unwrap_or(usize::MAX), (bits % 32) as u32);
        let mut out = vec![0u32; limbs];
        let mut carry = 0u32;
        for &limb in &self.0 {
            out.push(if bits == 0 { limb } else { (limb << bits) | carry });
            carry = if bits == 0 { 0 } else { limb >> (32u32.wrapping_sub(bits)) };
        }
        out.push(carry);
        Big(out)
    }

    fn significant(&self) -> &[u32] {
        let len = self.0.iter().rposition(|&l| l != 0).map_or(0, |i| i.wrapping_add(1));
        self.0.get(..len).unwrap_or_default()
    }

    fn compare(&self, other: &Big) -> Ordering {
        let (a, b) = (self.significant(), other.significant());
        a.len().cmp(&b.len()).then_with(|| a.iter().rev().cmp(b.iter().rev()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::engine::test_rng::Rng;

    fn same(s: &str) {
        let ours = parse_f64(s).map(f64::to_bits);
        let std = s.parse::<f64>().ok().map(f64::to_bits);
        assert_eq!(ours, std, "{s:?}: ours {:?}, str::parse {:?}", parse_f64(s), s.parse::<f64>().ok());
    }

    /// The exact decimal digits of `(2m + 1) × 2^(q - 1)` (decimal arithmetic, independent of `Big`), as text.
    fn midpoint_text(m: u64, q: i64) -> String {
        // digits of n, most significant first
        let mut digits: Vec<u32> = (2 * m + 1).to_string().bytes().map(|b| u32::from(b - b'0')).collect();
        let times = |digits: &mut Vec<u32>, k: u32| {
            let mut carry = 0;
            for d in digits.iter_mut().rev() {
                let t = *d * k + carry;
                *d = t % 10;
                carry = t / 10;
            }
            while carry > 0 {
                digits.insert(0, carry % 10);
                carry /= 10;
            }
        };
        let text = |digits: &[u32]| digits.iter().map(|d| char::from(b'0' + *d as u8)).collect::<String>();
        if q >= 1 {
            for _ in 0..q - 1 {
                times(&mut digits, 2);
            }
            text(&digits)
        } else {
            // × 5^(1 - q) / 10^(1 - q)
            let k = (1 - q) as usize;
            for _ in 0..k {
                times(&mut digits, 5);
            }
            while digits.len() <= k {
                digits.insert(0, 0);
            }
            let point = digits.len() - k;
            format!("{}.{}", text(&digits[..point]), text(&digits[point..]))
        }
    }

    #[test]
    fn same_as_the_standard_parser() {
        let mut rng = Rng(0x5eed_f10a_7000_0001);
        // Text made of the characters of a number, well formed or not.
        const CHARS: &[u8] = b"0123456789012345678900000+-.eE";
        for _ in 0..200_000 {
            let len = 1 + rng.below(24) as usize;
            let s: String = (0..len).map(|_| char::from(CHARS[rng.below(CHARS.len() as u64) as usize])).collect();
            same(&s);
        }
        // Well-formed numbers: 1 to 40 digits, a point anywhere, an exponent or none.
        for _ in 0..300_000 {
            let n = 1 + rng.below(40) as usize;
            let mut s: String = (0..n).map(|_| char::from(b'0' + rng.below(10) as u8)).collect();
            if rng.below(3) > 0 {
                s.insert(rng.below(n as u64 + 1) as usize, '.');
            }
            if rng.below(4) == 0 {
                s.insert(0, '-');
            }
            if rng.below(3) == 0 {
                s.push_str(&format!("e{}", rng.below(700) as i64 - 350));
            }
            same(&s);
        }
        // Every double's shortest text and its exact 17 digits, near and far from the fast path.
        for _ in 0..100_000 {
            let x = f64::from_bits(rng.below(INF_BITS));
            same(&format!("{x}"));
            same(&format!("{x:e}"));
            same(&format!("{x:.16e}"));
            same(&format!("{x:.25e}"));
        }
        // The form fields' shape: up to 15 whole digits and any number of decimals.
        for _ in 0..100_000 {
            let whole: String = (0..1 + rng.below(15)).map(|_| char::from(b'0' + rng.below(10) as u8)).collect();
            let frac: String = (0..1 + rng.below(30)).map(|_| char::from(b'0' + rng.below(10) as u8)).collect();
            same(&format!("{whole}.{frac}"));
            same(&format!("-{whole}.{frac}"));
        }
    }

    #[test]
    fn midpoints_round_to_even_and_neighbours_to_the_nearest() {
        let mut rng = Rng(0x0dd_ba11);
        let mut bits: Vec<u64> = (0..3_000).map(|_| rng.below(INF_BITS - 1)).collect();
        // Subnormals, the normal boundary, powers of two, the largest double.
        bits.extend([0, 1, 2, 3, (1 << 52) - 1, 1 << 52, (1 << 52) + 1, 0x3FF0_0000_0000_0000, 0x3FEF_FFFF_FFFF_FFFF]);
        bits.extend([INF_BITS - 1, INF_BITS - 2, 0x4340_0000_0000_0000, 0x433F_FFFF_FFFF_FFFF]);
        for b in bits {
            let (exponent, fraction) = (b >> 52, b & ((1 << 52) - 1));
            let (m, q) = if exponent == 0 { (fraction, -1074) } else { (fraction | (1 << 52), exponent as i64 - 1075) };
            let mid = midpoint_text(m, q);
            same(&mid);
            same(&format!("{mid}0000000000000000000000000000001"));
            // Just below: the decimals cut short, or for a whole midpoint one less and .999….
            if mid.contains('.') {
                same(&mid[..mid.len() - 1]);
            } else {
                let mut d: Vec<u8> = mid.bytes().collect();
                let mut i = d.len() - 1;
                while d[i] == b'0' {
                    d[i] = b'9';
                    i -= 1;
                }
                d[i] -= 1;
                same(&format!("{}.9999999999999999999999999", String::from_utf8(d).unwrap()));
            }
            same(&format!("{mid}e-1"));
            same(&format!("0.{}e{}", mid.replace('.', ""), mid.find('.').unwrap_or(mid.len())));
        }
    }

    #[test]
    fn the_edges_of_the_range() {
        for s in [
            "0", "-0", "0.0", "000", "0e999999999999999999999", "1e-400", "1e400", "-1e400", "1e308", "1.7976931348623157e308",
            "1.7976931348623158e308", "1.797693134862315807937289714053034150799341327100378269361737789804449682927647509466490179775872070963302864166928879109465555478519404026306574886715058206819089020007083836762738548458177115317644757302700698555713669596228429148198608349364752927190741684443655107043427115596995080930428801779041744977919999999999", "2.4703282292062327e-324", "2.4703282292062328e-324", "4.9406564584124654e-324",
            "2.2250738585072011e-308", "2.2250738585072012e-308", "9007199254740993", "9007199254740992.5",
            "123456789012345678901234567890", "0.1", "0.3", "3.14159265358979323846264338327950288", ".5", "5.", "+.5", "-.", ".",
            "+", "-", "e5", "1e", "1e+", "1e-", "1.e5", ".e5", "1..2", "1e5.5", "--1", "+-1", "1-", "1e--5", "0x10", "",
            " 1", "1 ",
        ] {
            same(s);
        }
        // The words `str::parse` reads and this does not (no caller passes them).
        for s in ["inf", "-inf", "infinity", "NaN", "nan"] {
            assert!(parse_f64(s).is_none() && s.parse::<f64>().is_ok(), "{s}");
        }
        // Very long numbers: more digits than are kept, the cut part zero or not.
        let long = format!("1.{}", "0".repeat(5000));
        same(&long);
        same(&format!("{long}1"));
        same(&format!("{}5", "9".repeat(900)));
        same(&format!("0.{}1e5000", "0".repeat(5000)));
        same(&format!("{}e-5000", "1".repeat(3000)));
    }
}
