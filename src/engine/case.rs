//! Lower case without the standard library's table. `char::to_lowercase` reads a table of 1,434 single mappings
//! (11.7 kB of a module's data, 8 kB gzip: the five single-form modules whose rules compared text regardless of case
//! carried it, and were the five of the six over the size goal that it pushed over; BENCHMARKS.md, "Size"). The
//! same mappings fit in 184 runs — a first code point, how many, every one or every other one, and the distance to
//! its lower case — found by binary search. The unit tests compare every code point with the standard library's.

/// The runs of code points above ASCII whose lower case is one other code point: `(first | (count - 1) << 21 |
/// (step - 1) << 28, distance)`, in order of first code point. Made by `print_the_table` below from the standard
/// library's own mapping; `every_code_point_is_lowered_as_the_standard_library_does` fails when it drifts.
#[rustfmt::skip]
static LOWER: [(u32, i32); 184] = [
    (0x02c000c0, 32), (0x00c000d8, 32), (0x12e00100, 1), (0x10400132, 1), (0x10e00139, 1), (0x12c0014a, 1),
    (0x00000178, -121), (0x10400179, 1), (0x00000181, 210), (0x10200182, 1), (0x00000186, 206), (0x00000187, 1),
    (0x00200189, 205), (0x0000018b, 1), (0x0000018e, 79), (0x0000018f, 202), (0x00000190, 203), (0x00000191, 1),
    (0x00000193, 205), (0x00000194, 207), (0x00000196, 211), (0x00000197, 209), (0x00000198, 1), (0x0000019c, 211),
    (0x0000019d, 213), (0x0000019f, 214), (0x104001a0, 1), (0x000001a6, 218), (0x000001a7, 1), (0x000001a9, 218),
    (0x000001ac, 1), (0x000001ae, 218), (0x000001af, 1), (0x002001b1, 217), (0x102001b3, 1), (0x000001b7, 219),
    (0x000001b8, 1), (0x000001bc, 1), (0x000001c4, 2), (0x000001c5, 1), (0x000001c7, 2), (0x000001c8, 1),
    (0x000001ca, 2), (0x110001cb, 1), (0x110001de, 1), (0x000001f1, 2), (0x102001f2, 1), (0x000001f6, -97),
    (0x000001f7, -56), (0x126001f8, 1), (0x00000220, -130), (0x11000222, 1), (0x0000023a, 10795), (0x0000023b, 1),
    (0x0000023d, -163), (0x0000023e, 10792), (0x00000241, 1), (0x00000243, -195), (0x00000244, 69), (0x00000245, 71),
    (0x10800246, 1), (0x10200370, 1), (0x00000376, 1), (0x0000037f, 116), (0x00000386, 38), (0x00400388, 37),
    (0x0000038c, 64), (0x0020038e, 63), (0x02000391, 32), (0x010003a3, 32), (0x000003cf, 8), (0x116003d8, 1),
    (0x000003f4, -60), (0x000003f7, 1), (0x000003f9, -7), (0x000003fa, 1), (0x004003fd, -130), (0x01e00400, 80),
    (0x03e00410, 32), (0x12000460, 1), (0x1340048a, 1), (0x000004c0, 15), (0x10c004c1, 1), (0x15e004d0, 1),
    (0x04a00531, 48), (0x04a010a0, 7264), (0x000010c7, 7264), (0x000010cd, 7264), (0x09e013a0, 38864), (0x00a013f0, 8),
    (0x00001c89, 1), (0x05401c90, -3008), (0x00401cbd, -3008), (0x19401e00, 1), (0x00001e9e, -7615), (0x15e01ea0, 1),
    (0x00e01f08, -8), (0x00a01f18, -8), (0x00e01f28, -8), (0x00e01f38, -8), (0x00a01f48, -8), (0x10601f59, -8),
    (0x00e01f68, -8), (0x00e01f88, -8), (0x00e01f98, -8), (0x00e01fa8, -8), (0x00201fb8, -8), (0x00201fba, -74),
    (0x00001fbc, -9), (0x00601fc8, -86), (0x00001fcc, -9), (0x00201fd8, -8), (0x00201fda, -100), (0x00201fe8, -8),
    (0x00201fea, -112), (0x00001fec, -7), (0x00201ff8, -128), (0x00201ffa, -126), (0x00001ffc, -9), (0x00002126, -7517),
    (0x0000212a, -8383), (0x0000212b, -8262), (0x00002132, 28), (0x01e02160, 16), (0x00002183, 1), (0x032024b6, 26),
    (0x05e02c00, 48), (0x00002c60, 1), (0x00002c62, -10743), (0x00002c63, -3814), (0x00002c64, -10727), (0x10402c67, 1),
    (0x00002c6d, -10780), (0x00002c6e, -10749), (0x00002c6f, -10783), (0x00002c70, -10782), (0x00002c72, 1), (0x00002c75, 1),
    (0x00202c7e, -10815), (0x16202c80, 1), (0x10202ceb, 1), (0x00002cf2, 1), (0x12c0a640, 1), (0x11a0a680, 1),
    (0x10c0a722, 1), (0x13c0a732, 1), (0x1020a779, 1), (0x0000a77d, -35332), (0x1080a77e, 1), (0x0000a78b, 1),
    (0x0000a78d, -42280), (0x1020a790, 1), (0x1120a796, 1), (0x0000a7aa, -42308), (0x0000a7ab, -42319), (0x0000a7ac, -42315),
    (0x0000a7ad, -42305), (0x0000a7ae, -42308), (0x0000a7b0, -42258), (0x0000a7b1, -42282), (0x0000a7b2, -42261), (0x0000a7b3, 928),
    (0x10e0a7b4, 1), (0x0000a7c4, -48), (0x0000a7c5, -42307), (0x0000a7c6, -35384), (0x1020a7c7, 1), (0x0000a7cb, -42343),
    (0x10e0a7cc, 1), (0x0000a7dc, -42561), (0x0000a7f5, 1), (0x0320ff21, 32), (0x04e10400, 40), (0x046104b0, 40),
    (0x01410570, 39), (0x01c1057c, 39), (0x00c1058c, 39), (0x00210594, 39), (0x06410c80, 64), (0x02a10d50, 32),
    (0x03e118a0, 32), (0x03e16e40, 32), (0x03016ea0, 27), (0x0421e900, 34),
];

/// U+0130 (İ), the one code point whose lower case is two: "i" and a combining dot above.
const CAPITAL_I_WITH_DOT: char = '\u{130}';

/// The lower case of `c`, as `char::to_lowercase` gives it: one character, or two for U+0130.
pub fn lower_chars(c: char) -> impl Iterator<Item = char> {
    let (one, two) = match c {
        CAPITAL_I_WITH_DOT => ('i', Some('\u{307}')),
        c if c.is_ascii() => (c.to_ascii_lowercase(), None),
        c => (lower_one(c), None),
    };
    core::iter::once(one).chain(two)
}

/// The lower case of a code point above ASCII other than U+0130: itself when it has none.
fn lower_one(c: char) -> char {
    let u = u32::from(c);
    // The last run starting at or before `u`.
    let i = LOWER.partition_point(|&(key, _)| key & 0x1f_ffff <= u);
    let Some(&(key, distance)) = i.checked_sub(1).and_then(|i| LOWER.get(i)) else { return c };
    let (first, last_index, every_other) = (key & 0x1f_ffff, (key >> 21) & 0x7f, (key >> 28) & 1);
    let Some(offset) = u.checked_sub(first) else { return c };
    // Every other code point: an odd offset is not in the run; the index is the offset halved.
    if offset & every_other != 0 || offset >> every_other > last_index {
        return c;
    }
    u.checked_add_signed(distance).and_then(char::from_u32).unwrap_or(c)
}

/// The text in lower case, to compare two texts regardless of case: each character as `char::to_lowercase` gives it,
/// and the Greek final sigma (ς) written as σ, so that "ΟΔΟΣ", "οδος" and "οδοσ" are one key. `str::to_lowercase`
/// gives the same but for its choice between σ and ς, which made "ΟΔΟΣ" and "οδοσ" differ.
pub fn lower_key(text: &str) -> String {
    text.chars().flat_map(key_chars).collect()
}

/// Whether two texts are the same regardless of case ([`lower_key`]), without making either key.
pub fn same_ignoring_case(a: &str, b: &str) -> bool {
    let (mut a, mut b) = (a.chars().flat_map(key_chars), b.chars().flat_map(key_chars));
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (x, y) if x != y => return false,
            _ => {}
        }
    }
}

/// The characters a character adds to its [`lower_key`]: its lower case, the final sigma as sigma.
fn key_chars(c: char) -> impl Iterator<Item = char> {
    lower_chars(if c == 'ς' { 'σ' } else { c })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::test_rng::Rng;

    #[test]
    fn every_code_point_is_lowered_as_the_standard_library_does() {
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            let mine: String = lower_chars(c).collect();
            let std: String = c.to_lowercase().collect();
            assert_eq!(mine, std, "U+{:04X}", u32::from(c));
        }
    }

    /// Random texts of letters from every script with a lower case, sigmas among them, in every position.
    #[test]
    fn the_key_is_str_to_lowercase_with_one_sigma() {
        let cased: Vec<char> = (0..=0x10_ffff)
            .filter_map(char::from_u32)
            .filter(|c| c.to_lowercase().ne(core::iter::once(*c)) || c.is_lowercase())
            .collect();
        let extra = ['Σ', 'σ', 'ς', ' ', '-', '\'', '\u{301}', '1', '\u{130}', 'A', 'z'];
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        for _ in 0..20_000 {
            let n = rng.below(8);
            let text: String = (0..n)
                .map(|_| {
                    if rng.below(2) == 0 {
                        extra.get(rng.below(extra.len() as u64) as usize).copied().unwrap_or('a')
                    } else {
                        cased.get(rng.below(cased.len() as u64) as usize).copied().unwrap_or('a')
                    }
                })
                .collect();
            let expected = text.to_lowercase().replace('ς', "σ");
            assert_eq!(lower_key(&text), expected, "{text:?}");
            // Upper- and lower-cased copies are the same text regardless of case, whatever std made of their sigmas.
            assert!(same_ignoring_case(&text, &text.to_lowercase()), "{text:?}");
        }
    }

    #[test]
    fn the_same_ignoring_case_is_equal_keys() {
        let words = [
            "Brightwell",
            "BRIGHTWELL",
            "brightwell",
            "Brightwel",
            "ΟΔΟΣ",
            "οδος",
            "οδοσ",
            "οδο",
            "İ",
            "i\u{307}",
            "i",
            "",
        ];
        for a in words {
            for b in words {
                assert_eq!(same_ignoring_case(a, b), lower_key(a) == lower_key(b), "{a:?} {b:?}");
            }
        }
        assert!(same_ignoring_case("ΟΔΟΣ", "οδοσ"));
        assert!(!"ΟΔΟΣ".to_lowercase().eq("οδοσ"), "the case std's to_lowercase missed");
        assert!(!same_ignoring_case("Brightwell", "Brightwel"));
    }

    /// Prints `LOWER` as the standard library's mapping gives it: `cargo test --lib print_the_table -- --ignored
    /// --nocapture`, when a new Rust's Unicode makes the test above fail.
    #[test]
    #[ignore]
    fn print_the_table() {
        let mut entries = Vec::new();
        for c in (0x80..=0x10_ffff).filter_map(char::from_u32) {
            let mut lower = c.to_lowercase();
            if let (Some(l), None) = (lower.next(), lower.next()) {
                if l != c {
                    entries.push((u32::from(c), i64::from(u32::from(l)) - i64::from(u32::from(c))));
                }
            }
        }
        let mut i = 0;
        let mut runs = 0;
        while let Some(&(first, distance)) = entries.get(i) {
            let mut best = (1usize, 1u32);
            for step in [1u32, 2] {
                let mut n = 1;
                while n < 128 && entries.get(i + n).is_some_and(|&(u, d)| u == first + step * n as u32 && d == distance)
                {
                    n += 1;
                }
                if n > best.0 {
                    best = (n, step);
                }
            }
            let key = first | ((best.0 as u32 - 1) << 21) | ((best.1 - 1) << 28);
            print!("(0x{key:08x}, {distance}),{}", if runs % 6 == 5 { "\n" } else { " " });
            runs += 1;
            i += best.0;
        }
        println!("\n{runs} runs");
    }
}
