//! Text put together from its pieces without `core::fmt`: [`text!`](crate::text) for what `format!` wrote (a
//! finding's path, an error's message). `format!` brought the standard library's formatting machinery (`fmt::write`,
//! padding, `Display` for each integer type: about 4 kB of WebAssembly) into every module, and built an argument
//! list at each of some two hundred places; here each piece is one call (text pushed as it is, whole numbers by
//! `IntText`), about 2 kB gzip less in every module.

use std::borrow::Cow;

use super::messages::IntText;

/// The last `width` (at most 4) decimal digits of `n`, with leading zeros.
pub(crate) fn push_padded(out: &mut String, mut n: u32, width: usize) {
    let mut digits = ['0'; 4];
    for d in digits.iter_mut().rev() {
        *d = char::from_digit(n % 10, 10).unwrap_or('0');
        n /= 10;
    }
    out.extend(digits.iter().skip(digits.len().saturating_sub(width)));
}

/// A piece of a [`text!`](crate::text): a string, a character or a whole number (written as `format!("{}")` writes
/// it).
pub trait Piece {
    fn push_to(&self, out: &mut String);
}

impl Piece for str {
    #[inline(never)]
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for String {
    #[inline]
    fn push_to(&self, out: &mut String) {
        self.as_str().push_to(out);
    }
}

impl Piece for Cow<'_, str> {
    #[inline]
    fn push_to(&self, out: &mut String) {
        self.as_ref().push_to(out);
    }
}

impl Piece for char {
    fn push_to(&self, out: &mut String) {
        out.push(*self);
    }
}

impl<T: Piece + ?Sized> Piece for &T {
    #[inline]
    fn push_to(&self, out: &mut String) {
        (**self).push_to(out);
    }
}

impl<T: Piece + ?Sized> Piece for &mut T {
    #[inline]
    fn push_to(&self, out: &mut String) {
        (**self).push_to(out);
    }
}

/// A number from the record, as the report writes it.
impl Piece for super::value::Number {
    fn push_to(&self, out: &mut String) {
        self.write(out);
    }
}

macro_rules! unsigned_piece {
    ($($t:ty),*) => {$(
        impl Piece for $t {
            #[inline(never)]
            fn push_to(&self, out: &mut String) {
                IntText::default().push(out, false, u64::try_from(*self).unwrap_or(u64::MAX));
            }
        }
    )*};
}

macro_rules! signed_piece {
    ($($t:ty),*) => {$(
        impl Piece for $t {
            #[inline(never)]
            fn push_to(&self, out: &mut String) {
                let n = i64::try_from(*self).unwrap_or(i64::MAX);
                IntText::default().push(out, n < 0, n.unsigned_abs());
            }
        }
    )*};
}

unsigned_piece!(u8, u16, u32, u64, usize);
signed_piece!(i8, i16, i32, i64, isize);

/// Text from its pieces, as `format!` would write them without a format string: `text!("/children/", i, "/name")`
/// is `format!("/children/{i}/name")`. A piece is a `&str`, `String`, `Cow<str>`, `char` or whole number.
#[macro_export]
macro_rules! text {
    ($($piece:expr),* $(,)?) => {{
        let mut out = ::std::string::String::new();
        $($crate::engine::text::Piece::push_to(&$piece, &mut out);)*
        out
    }};
}

#[cfg(test)]
mod tests {
    #[test]
    fn pieces_are_written_as_format_writes_them() {
        let i = 7usize;
        let name = String::from("name");
        assert_eq!(text!("/children/", i, "/", name), format!("/children/{i}/{name}"));
        for n in [i64::MIN, -100, -1, 0, 1, 9, 10, 99, 100, 12345, i64::MAX] {
            assert_eq!(text!(n), n.to_string());
            assert_eq!(text!("x", n as i32, 'y'), format!("x{}y", n as i32));
        }
        for n in [0u64, 5, 42, 999, u64::MAX] {
            assert_eq!(text!(n, n as u32, n as usize), format!("{n}{}{}", n as u32, n as usize));
        }
        assert_eq!(text!(std::borrow::Cow::Borrowed("a"), &"b", 'c'), "abc");
    }
}
