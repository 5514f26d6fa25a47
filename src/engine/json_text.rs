//! Reading JSON text (RFC 8259) into the engine's [`Value`], over the value a place held before.
//!
//! It accepts exactly the texts `serde_json` accepts and gives the same tree: the same keys in the same order (a
//! repeated key keeps its first place and its last value), whole numbers that fit `u64` (or, negative, `i64`) kept
//! whole, `-0` and larger whole numbers as floats, other numbers as the nearest `f64` (`parse_float::parse_f64`,
//! correctly rounded). It refuses with [`Stop::Guard`] what `engine::input`'s guarded read is for (see there): an
//! object or list [`MAX_DEPTH`] deep, a number of at least [`NEAR_F64_LIMIT`] or beyond `f64`, a lone surrogate
//! escape. Nothing recursive goes deeper than [`MAX_DEPTH`].
//!
//! Over a place: while an object's keys come in the order of the keys already there, each value is read into the
//! value under that key (its strings and lists keep their allocations); from the first key that differs the object is
//! built again, each later key taking the old entry of that name when there is one. Lists are read into the items
//! already there, then cut or grown. Whatever the place held before, it holds what the text says after.

use std::borrow::Cow;

use super::input::{MAX_DEPTH, NEAR_F64_LIMIT};
use super::parse_float::parse_f64;
use super::report::{has_escape, needs_escape};
use super::value::{Map, Number, Value};

/// Why a text was not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// The text ends before its value does.
    Eof,
    /// Anything else that is not JSON text.
    Syntax,
    /// JSON text that holds what the guarded read changes (see the module's documentation).
    Guard,
}

/// Reads `text` over `place`. With `guard`, stops at what the guarded read is for; without it (the text the guard
/// wrote), reads numbers from 1e300 up as they are and stops with `Syntax` only where `serde_json` would.
pub fn read_over(text: &str, place: &mut Value, guard: bool) -> Result<(), Stop> {
    let mut r = Reader { s: text, b: text.as_bytes(), at: 0, guard };
    r.skip_ws();
    r.value(place, 0)?;
    r.skip_ws();
    if r.at < r.b.len() {
        return Err(Stop::Syntax);
    }
    Ok(())
}

struct Reader<'t> {
    s: &'t str,
    b: &'t [u8],
    at: usize,
    guard: bool,
}

/// The most entries looked for one by one when an object's keys come in another order.
const POOL_MAX: usize = 64;

/// How deep the read without the guard goes (`serde_json`'s own limit); the guard's text is never deeper than
/// [`MAX_DEPTH`].
const NO_GUARD_DEPTH: usize = 128;

impl<'t> Reader<'t> {
    /// Moves past `n` bytes just looked at (never past the text's end: the index stays far below `usize::MAX`).
    fn bump(&mut self, n: usize) {
        self.at = self.at.saturating_add(n);
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.at).copied()
    }

    /// The error for a text that stops at `self.at`: the end, or something else.
    fn fail(&self) -> Stop {
        if self.at >= self.b.len() {
            Stop::Eof
        } else {
            Stop::Syntax
        }
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.bump(1);
        }
    }

    fn value(&mut self, place: &mut Value, depth: usize) -> Result<(), Stop> {
        match self.peek() {
            None => Err(Stop::Eof),
            Some(b'n') => self.word(b"null").map(|()| *place = Value::Null),
            Some(b't') => self.word(b"true").map(|()| *place = Value::Bool(true)),
            Some(b'f') => self.word(b"false").map(|()| *place = Value::Bool(false)),
            Some(b'"') => {
                self.bump(1);
                let s = self.string()?;
                match place {
                    Value::String(old) => {
                        old.clear();
                        old.push_str(&s);
                    }
                    other => *other = Value::String(s.into_owned()),
                }
                Ok(())
            }
            Some(b'[') => {
                self.open(depth)?;
                self.list(place, depth.saturating_add(1))
            }
            Some(b'{') => {
                self.open(depth)?;
                self.object(place, depth.saturating_add(1))
            }
            Some(b'-' | b'0'..=b'9') => {
                *place = Value::Number(self.number()?);
                Ok(())
            }
            Some(_) => Err(Stop::Syntax),
        }
    }

    /// An object or list opens at `depth`.
    fn open(&mut self, depth: usize) -> Result<(), Stop> {
        if self.guard && depth >= MAX_DEPTH {
            return Err(Stop::Guard);
        }
        if depth >= NO_GUARD_DEPTH {
            return Err(Stop::Syntax);
        }
        self.bump(1);
        self.skip_ws();
        Ok(())
    }

    fn word(&mut self, w: &[u8]) -> Result<(), Stop> {
        for &c in w {
            match self.peek() {
                Some(x) if x == c => self.bump(1),
                _ => return Err(self.fail()),
            }
        }
        Ok(())
    }

    fn list(&mut self, place: &mut Value, depth: usize) -> Result<(), Stop> {
        if !place.is_array() {
            *place = Value::Array(Vec::new());
        }
        let Value::Array(items) = place else { return Ok(()) };
        let mut n = 0usize;
        if self.peek() == Some(b']') {
            self.bump(1);
            items.clear();
            return Ok(());
        }
        loop {
            match items.get_mut(n) {
                Some(slot) => self.value(slot, depth)?,
                None => {
                    let mut v = Value::Null;
                    self.value(&mut v, depth)?;
                    items.push(v);
                }
            }
            n = n.saturating_add(1);
            self.skip_ws();
            match self.peek() {
                Some(b',') => {
                    self.bump(1);
                    self.skip_ws();
                }
                Some(b']') => {
                    self.bump(1);
                    items.truncate(n);
                    return Ok(());
                }
                _ => return Err(self.fail()),
            }
        }
    }

    /// After a key's closing quote: the colon, then the value's first byte.
    fn colon(&mut self) -> Result<(), Stop> {
        self.skip_ws();
        if self.peek() != Some(b':') {
            return Err(self.fail());
        }
        self.bump(1);
        self.skip_ws();
        Ok(())
    }

    /// After a value: `Ok(true)` at a comma (the next key's quote read), `Ok(false)` at the closing brace.
    fn next_key(&mut self) -> Result<Option<Cow<'t, str>>, Stop> {
        self.skip_ws();
        match self.peek() {
            Some(b',') => {
                self.bump(1);
                self.skip_ws();
                self.key().map(Some)
            }
            Some(b'}') => {
                self.bump(1);
                Ok(None)
            }
            _ => Err(self.fail()),
        }
    }

    /// After a value in an object: `Ok(true)` at a comma (the next key's quote next), `Ok(false)` past the closing
    /// brace.
    fn more(&mut self) -> Result<bool, Stop> {
        self.skip_ws();
        match self.peek() {
            Some(b',') => {
                self.bump(1);
                self.skip_ws();
                Ok(true)
            }
            Some(b'}') => {
                self.bump(1);
                Ok(false)
            }
            _ => Err(self.fail()),
        }
    }

    /// At a key's opening quote: whether the key is `name` written as its own bytes (no escape), and if so, past the
    /// key and its colon. `false` leaves the reader where it was, to read the key as any other. A name that holds a
    /// byte a JSON string escapes is never matched this way: its bytes could end inside an escape of the text (`a\`
    /// against the text `"a\":…`, the key `a":…`). Such a match would leave the reader out of step and end in an
    /// error, which `input` answers with a fresh read (tests/input_reuse.rs has such keys), but it is not made.
    fn same_key(&mut self, name: &str) -> bool {
        let n = name.as_bytes();
        let start = self.at.saturating_add(1);
        let end = start.saturating_add(n.len());
        let matched = self.peek() == Some(b'"')
            && self.b.get(start..end).is_some_and(|b| super::value::same_here(b, n))
            && self.b.get(end) == Some(&b'"')
            && !has_escape(n);
        if matched {
            self.at = end.saturating_add(1);
            self.skip_ws();
            if self.peek() == Some(b':') {
                self.bump(1);
                self.skip_ws();
                return true;
            }
            // Not a colon: read again as any key, which reports the mistake where it is.
            self.at = start.saturating_sub(1);
        }
        false
    }

    fn key(&mut self) -> Result<Cow<'t, str>, Stop> {
        match self.peek() {
            Some(b'"') => {
                self.bump(1);
                let k = self.string()?;
                self.colon()?;
                Ok(k)
            }
            _ => Err(self.fail()),
        }
    }

    fn object(&mut self, place: &mut Value, depth: usize) -> Result<(), Stop> {
        if !place.is_object() {
            *place = Value::Object(Map::new());
        }
        let Value::Object(map) = place else { return Ok(()) };
        // The keys that come in the object's own order: each value read over the one there. A key is first looked
        // for as the bytes of the name already there (`same_key`), so a record read again reads its keys without
        // scanning or copying them.
        let entries = map.entries_mut();
        let mut kept = 0usize;
        let mut key = None;
        if self.peek() == Some(b'}') {
            self.bump(1);
        } else {
            loop {
                let Some((name, v)) = entries.get_mut(kept) else {
                    key = Some(self.key()?);
                    break;
                };
                if !self.same_key(name) {
                    let k = self.key()?;
                    if !super::value::same(&k, name) {
                        key = Some(k);
                        break;
                    }
                }
                self.value(v, depth)?;
                kept = kept.saturating_add(1);
                if !self.more()? {
                    break;
                }
            }
        }
        let Some(first_new) = key else {
            entries.truncate(kept);
            return Ok(());
        };
        // From here the keys come in another order, or some are new or left out: the object is built again in the
        // text's order, each key taking the value it had (read over in place) from the entries not yet read.
        let mut pool: Vec<(String, Value)> =
            if entries.len().saturating_sub(kept) <= POOL_MAX { entries.drain(kept..).collect() } else { Vec::new() };
        entries.truncate(kept);
        let mut key = Some(first_new);
        while let Some(k) = key {
            let found = pool.iter().position(|(name, _)| super::value::same(name, &k));
            let (name, mut value) = match found {
                Some(i) => pool.swap_remove(i),
                None => (k.into_owned(), Value::Null),
            };
            self.value(&mut value, depth)?;
            entries.push((name, value));
            key = self.next_key()?;
        }
        merge_repeated_keys(entries);
        Ok(())
    }

    /// A string's content after its opening quote, through its closing quote: borrowed from the text when it has no
    /// escape.
    fn string(&mut self) -> Result<Cow<'t, str>, Stop> {
        let start = self.at;
        self.plain_run();
        match self.peek() {
            None => return Err(Stop::Eof),
            Some(b'"') => {
                let s = self.text(start, self.at);
                self.bump(1);
                return Ok(Cow::Borrowed(s));
            }
            Some(b'\\') => {}
            Some(_) => return Err(Stop::Syntax),
        }
        let mut out = String::from(self.text(start, self.at));
        loop {
            match self.peek() {
                None => return Err(Stop::Eof),
                Some(b'"') => {
                    self.bump(1);
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.bump(1);
                    self.escape(&mut out)?;
                }
                Some(0..=0x1f) => return Err(Stop::Syntax),
                Some(_) => {
                    let run = self.at;
                    self.plain_run();
                    out.push_str(self.text(run, self.at));
                }
            }
        }
    }

    /// Moves past the bytes of a string that stand for themselves (up to a quote, a backslash, a control character
    /// or the end), in one search.
    fn plain_run(&mut self) {
        let rest = self.b.get(self.at..).unwrap_or(&[]);
        // Eight bytes at a time while none is special, then byte by byte to the first that is.
        let mut n = 0usize;
        for chunk in rest.chunks_exact(8) {
            if <[u8; 8]>::try_from(chunk).is_ok_and(|c| needs_escape(u64::from_le_bytes(c))) {
                break;
            }
            n = n.saturating_add(8);
        }
        let tail = rest.get(n..).unwrap_or(&[]);
        n = n.saturating_add(tail.iter().position(|&c| c == b'"' || c == b'\\' || c < 0x20).unwrap_or(tail.len()));
        self.bump(n);
    }

    /// The text `from..to`, which starts and ends next to ASCII bytes (quotes, backslashes, control characters) and
    /// so on character boundaries: a slice of the `&str`, not checked as UTF-8 again.
    fn text(&self, from: usize, to: usize) -> &'t str {
        self.s.get(from..to).unwrap_or("")
    }

    fn escape(&mut self, out: &mut String) -> Result<(), Stop> {
        let Some(c) = self.peek() else { return Err(Stop::Eof) };
        self.bump(1);
        let ch = match c {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let hi = self.hex4()?;
                match hi {
                    0xD800..=0xDBFF => {
                        // A high surrogate must be followed by `\u` and a low one. The text ending first is
                        // the end, as for `serde_json`, whatever the characters read so far.
                        for want in [b'\\', b'u'] {
                            match self.peek() {
                                None => return Err(Stop::Eof),
                                Some(c) if c == want => self.bump(1),
                                Some(_) => return Err(self.lone()),
                            }
                        }
                        let lo = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&lo) {
                            return Err(self.lone());
                        }
                        // In range: `hi` is 0xD800..=0xDBFF and `lo` 0xDC00..=0xDFFF here.
                        let cp = 0x10000u32
                            .wrapping_add(u32::from(hi).wrapping_sub(0xD800).wrapping_shl(10))
                            .wrapping_add(u32::from(lo).wrapping_sub(0xDC00));
                        char::from_u32(cp).ok_or(Stop::Syntax)?
                    }
                    0xDC00..=0xDFFF => return Err(self.lone()),
                    _ => char::from_u32(u32::from(hi)).ok_or(Stop::Syntax)?,
                }
            }
            _ => return Err(Stop::Syntax),
        };
        out.push(ch);
        Ok(())
    }

    /// A lone surrogate escape: for the guarded read, which replaces it (`serde_json` refuses the whole text).
    fn lone(&self) -> Stop {
        if self.guard {
            Stop::Guard
        } else {
            Stop::Syntax
        }
    }

    /// Four hex digits. Fewer than four bytes left is the end of the text, whatever they are, as `serde_json`
    /// reads it; four bytes that are not all hex digits are a syntax error.
    fn hex4(&mut self) -> Result<u16, Stop> {
        if self.b.len().saturating_sub(self.at) < 4 {
            return Err(Stop::Eof);
        }
        let mut n: u16 = 0;
        for _ in 0..4 {
            let Some(c) = self.peek() else { return Err(Stop::Eof) };
            let d = match c {
                b'0'..=b'9' => c.wrapping_sub(b'0'),
                b'a'..=b'f' => c.wrapping_sub(b'a').wrapping_add(10),
                b'A'..=b'F' => c.wrapping_sub(b'A').wrapping_add(10),
                _ => return Err(Stop::Syntax),
            };
            n = (n << 4) | u16::from(d);
            self.bump(1);
        }
        Ok(n)
    }

    fn digits(&mut self) -> usize {
        let from = self.at;
        while let Some(b'0'..=b'9') = self.peek() {
            self.bump(1);
        }
        self.at.saturating_sub(from)
    }

    fn number(&mut self) -> Result<Number, Stop> {
        let start = self.at;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.bump(1);
        }
        let int_start = self.at;
        match self.peek() {
            Some(b'0') => {
                self.bump(1);
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(Stop::Syntax);
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.fail()),
        }
        let int_end = self.at;
        let mut float = false;
        if self.peek() == Some(b'.') {
            self.bump(1);
            if self.digits() == 0 {
                return Err(self.fail());
            }
            float = true;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.bump(1);
            if let Some(b'+' | b'-') = self.peek() {
                self.bump(1);
            }
            if self.digits() == 0 {
                return Err(self.fail());
            }
            float = true;
        }
        if !float {
            // Whole: u64 (or negative i64) when it fits, as serde_json keeps it.
            let mut n: u64 = 0;
            let mut fits = true;
            for &d in self.b.get(int_start..int_end).unwrap_or(&[]) {
                let digit = u64::from(d.wrapping_sub(b'0'));
                // Below this bound `n * 10 + digit` cannot overflow, so no checked multiplication is needed (in the
                // module a checked `u64` one calls a 128-bit multiplication).
                if n < u64::MAX / 10 - 1 {
                    n = n.wrapping_mul(10).wrapping_add(digit);
                    continue;
                }
                match n.checked_mul(10).and_then(|m| m.checked_add(digit)) {
                    Some(m) => n = m,
                    None => {
                        fits = false;
                        break;
                    }
                }
            }
            if fits {
                if !negative {
                    return Ok(Number::from_u64(n));
                }
                let neg = (n as i64).wrapping_neg();
                if neg < 0 {
                    return Ok(Number::from_i64(neg));
                }
                // -0 and whole numbers below i64::MIN: floats, as in serde_json.
            }
        }
        let text = self.text(start, self.at);
        let x = parse_f64(text).ok_or(Stop::Syntax)?;
        if !x.is_finite() || (self.guard && x.abs() >= NEAR_F64_LIMIT) {
            return Err(if self.guard { Stop::Guard } else { Stop::Syntax });
        }
        Number::from_f64(x).ok_or(Stop::Syntax)
    }
}

/// Up to this many entries, repeated keys are looked for pair by pair; beyond, by sorting (an object of a form has a
/// few dozen keys; a pasted export can have 100,000, and pairs would be quadratic).
const PAIRWISE_MAX: usize = 16;

/// A key the text repeats keeps its first place and its last value, as `serde_json` (`IndexMap::insert`) keeps it.
fn merge_repeated_keys(entries: &mut Vec<(String, Value)>) {
    let n = entries.len();
    if n <= PAIRWISE_MAX
        && !entries.iter().enumerate().any(|(i, (k, _))| entries.iter().skip(i.saturating_add(1)).any(|(l, _)| l == k))
    {
        return;
    }
    // Positions in order of their keys, equal keys in text order (a stable sort): each run of one key gives its
    // last value to its first position, and the others go.
    let mut order: Vec<usize> = (0..n).collect();
    super::sort::stable_by(&mut order, |a, b| key_at(entries, *a).cmp(key_at(entries, *b)));
    if !order
        .windows(2)
        .any(|w| key_at(entries, w.first().copied().unwrap_or(0)) == key_at(entries, w.get(1).copied().unwrap_or(0)))
    {
        return;
    }
    let mut gone = vec![false; n];
    let mut run = 0usize;
    while run < n {
        let first = order.get(run).copied().unwrap_or(0);
        let mut end = run.saturating_add(1);
        while end < n && key_at(entries, order.get(end).copied().unwrap_or(0)) == key_at(entries, first) {
            end = end.saturating_add(1);
        }
        let last = order.get(end.saturating_sub(1)).copied().unwrap_or(first);
        if last != first {
            let value = entries.get_mut(last).map(|e| core::mem::take(&mut e.1)).unwrap_or_default();
            if let Some(e) = entries.get_mut(first) {
                e.1 = value;
            }
            for i in order.get(run.saturating_add(1)..end).unwrap_or(&[]) {
                if let Some(g) = gone.get_mut(*i) {
                    *g = true;
                }
            }
        }
        run = end;
    }
    let mut at = 0usize;
    entries.retain(|_| {
        let keep = !gone.get(at).copied().unwrap_or(false);
        at = at.saturating_add(1);
        keep
    });
}

fn key_at(entries: &[(String, Value)], i: usize) -> &str {
    entries.get(i).map_or("", |(k, _)| k.as_str())
}

#[cfg(test)]
mod tests {
    use super::has_escape;
    use proptest::prelude::*;

    /// What `same_key` asks of a key: no byte of it needs an escape.
    fn plain_name(n: &[u8]) -> bool {
        !has_escape(n)
    }

    fn byte_by_byte(n: &[u8]) -> bool {
        !n.iter().any(|&c| c == b'"' || c == b'\\' || c < 0x20)
    }

    #[test]
    fn a_name_is_plain_unless_one_of_its_bytes_is_escaped_wherever_it_is() {
        for len in 0..=33 {
            let name = vec![b'k'; len];
            assert!(plain_name(&name), "{len}");
            for at in 0..len {
                for bad in [b'"', b'\\', 0x00, 0x1f, b'\n'] {
                    let mut n = name.clone();
                    if let Some(b) = n.get_mut(at) {
                        *b = bad;
                    }
                    assert!(!plain_name(&n), "{len} {at} {bad}");
                }
            }
        }
    }

    proptest! {
        #[test]
        fn plain_name_reads_as_the_byte_by_byte_test(n in proptest::collection::vec(any::<u8>(), 0..40)) {
            prop_assert_eq!(plain_name(&n), byte_by_byte(&n));
        }
    }
}
