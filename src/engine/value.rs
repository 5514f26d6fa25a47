//! The engine's own JSON value: what a record is read into and what the rules read.
//!
//! The same shape as `serde_json::Value` (the same variants, the same method names, the same order of an object's
//! keys, numbers kept as an unsigned, a negative or a float as `serde_json` keeps them), so the forms read it as they
//! read `serde_json`'s, and a report is the same byte for byte. What differs is underneath: an object is a list of
//! its entries in order, found by comparing keys, not an `IndexMap` with a hash table beside it. A form's object has
//! a few dozen keys at most, short and mostly different in length or first byte; comparing them costs less than
//! hashing one, and building the object is one allocation, not two with every key hashed. The module carries no
//! hash table and no `serde` reader for the record (`engine::json_text` reads it).
//!
//! `serde_json::Value` stays the native API's type (`validate(form, &serde_json::Value, …)`): the conversions below
//! are what the API does at its edge.

use std::borrow::Cow;

/// A JSON value (see the module's documentation).
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Map<String, Value>),
}

/// A JSON number as `serde_json` keeps one: a whole number that fits `u64` or (negative) `i64` as that, anything else
/// as a finite `f64`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number(N);

#[derive(Debug, Clone, Copy, PartialEq)]
enum N {
    PosInt(u64),
    NegInt(i64),
    Float(f64),
}

impl Number {
    /// A finite float; `None` for NaN and the infinities (which JSON cannot write).
    pub fn from_f64(x: f64) -> Option<Number> {
        x.is_finite().then_some(Number(N::Float(x)))
    }

    pub(crate) fn from_u64(u: u64) -> Number {
        Number(N::PosInt(u))
    }

    /// A negative whole number (`serde_json` keeps a whole number of 0 or more as unsigned).
    pub(crate) fn from_i64(i: i64) -> Number {
        match u64::try_from(i) {
            Ok(u) => Number(N::PosInt(u)),
            Err(_) => Number(N::NegInt(i)),
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        Some(match self.0 {
            N::PosInt(u) => u as f64,
            N::NegInt(i) => i as f64,
            N::Float(x) => x,
        })
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self.0 {
            N::PosInt(u) => i64::try_from(u).ok(),
            N::NegInt(i) => Some(i),
            N::Float(_) => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self.0 {
            N::PosInt(u) => Some(u),
            _ => None,
        }
    }

    pub fn is_f64(&self) -> bool {
        matches!(self.0, N::Float(_))
    }

    pub fn is_i64(&self) -> bool {
        self.as_i64().is_some()
    }

    pub fn is_u64(&self) -> bool {
        matches!(self.0, N::PosInt(_))
    }

    /// The number as `serde_json` writes it: a whole number in digits, a float by zmij (`1e+16`, `0.1`, `1.0`).
    pub fn write(&self, out: &mut String) {
        match self.0 {
            N::PosInt(u) => crate::engine::messages::IntText::default().push(out, false, u),
            N::NegInt(i) => crate::engine::messages::IntText::default().push(out, true, i.unsigned_abs()),
            N::Float(x) => {
                let mut buf = zmij::Buffer::new();
                out.push_str(buf.format_finite(x));
            }
        }
    }
}

impl core::fmt::Display for Number {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let mut s = String::new();
        self.write(&mut s);
        f.write_str(&s)
    }
}

/// An object's entries in their order (see the module's documentation). Generic only so that the forms' signatures
/// read `Map<String, Value>` as they did; the engine uses it with those two types alone.
#[derive(Debug, Clone, PartialEq)]
pub struct Map<K, V> {
    entries: Vec<(K, V)>,
}

impl<K, V> Default for Map<K, V> {
    fn default() -> Self {
        Map { entries: Vec::new() }
    }
}

/// Whether two strings are the same: `a == b`, compared eight bytes at a time in the WebAssembly module. There `==`
/// on strings calls the `memcmp` of compiler-builtins, which compares one byte at a time, and a check compares keys
/// and choice values hundreds of times (BENCHMARKS.md, "Comparing keys in the module"). Natively `==` calls the C
/// library's `memcmp`, which is quicker than this. The lengths are compared in place (most keys differ in length),
/// the bytes by one function; [`same_here`] compares them in place too, for the few places a check compares most.
#[inline]
pub fn same(a: &str, b: &str) -> bool {
    same_bytes(a.as_bytes(), b.as_bytes())
}

/// [`same`] for bytes.
#[inline]
pub fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && if cfg!(target_arch = "wasm32") { same_by_words(a, b) } else { a == b }
}

/// [`same`] with the bytes compared in place as well: for the places a check compares most (an object's keys as
/// they are read and looked up, a record's keys against its model's). A call for every key of a record was 7% of a
/// cold check in the module; the loop in place at every comparison, 1.5 kB gzip of every module.
#[inline]
pub fn same_here(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && if cfg!(target_arch = "wasm32") { words_equal(a, b) } else { a == b }
}

/// `a == b` for two slices of the same length, eight bytes at a time, then byte by byte: one copy for [`same`].
#[inline(never)]
fn same_by_words(a: &[u8], b: &[u8]) -> bool {
    words_equal(a, b)
}

/// The comparison of [`same_by_words`] and [`same_here`].
#[inline]
fn words_equal(a: &[u8], b: &[u8]) -> bool {
    let (mut x, mut y) = (a.chunks_exact(8), b.chunks_exact(8));
    for (p, q) in (&mut x).zip(&mut y) {
        if <[u8; 8]>::try_from(p).map(u64::from_ne_bytes).ok() != <[u8; 8]>::try_from(q).map(u64::from_ne_bytes).ok() {
            return false;
        }
    }
    x.remainder().len() == y.remainder().len() && x.remainder().iter().zip(y.remainder()).all(|(p, q)| p == q)
}

impl<V> Map<String, V> {
    pub fn new() -> Self {
        Map { entries: Vec::new() }
    }

    pub fn with_capacity(n: usize) -> Self {
        Map { entries: Vec::with_capacity(n) }
    }

    #[inline(never)]
    fn index_of(&self, key: &str) -> Option<usize> {
        self.entries.iter().position(|(k, _)| same_here(k.as_bytes(), key.as_bytes()))
    }

    pub fn get(&self, key: &str) -> Option<&V> {
        self.entries.get(self.index_of(key)?).map(|(_, v)| v)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut V> {
        let i = self.index_of(key)?;
        self.entries.get_mut(i).map(|(_, v)| v)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.index_of(key).is_some()
    }

    /// Sets `key`: in its place when the object has it (the old value returned), else at the end.
    pub fn insert(&mut self, key: String, value: V) -> Option<V> {
        match self.index_of(&key) {
            Some(i) => self.entries.get_mut(i).map(|slot| core::mem::replace(&mut slot.1, value)),
            None => {
                self.entries.push((key, value));
                None
            }
        }
    }

    /// Takes `key` out, the last entry moving into its place (`serde_json`'s `remove` with `preserve_order`, which
    /// is `swap_remove`).
    pub fn remove(&mut self, key: &str) -> Option<V> {
        self.swap_remove(key)
    }

    pub fn swap_remove(&mut self, key: &str) -> Option<V> {
        let i = self.index_of(key)?;
        Some(self.entries.swap_remove(i).1)
    }

    /// Takes `key` out, the entries after it keeping their order.
    pub fn shift_remove(&mut self, key: &str) -> Option<V> {
        let i = self.index_of(key)?;
        Some(self.entries.remove(i).1)
    }

    pub fn entry(&mut self, key: impl Into<String>) -> Entry<'_, V> {
        let key = key.into();
        match self.index_of(&key) {
            Some(i) => Entry { map: self, at: Ok(i) },
            None => Entry { map: self, at: Err(key) },
        }
    }

    pub fn retain(&mut self, mut keep: impl FnMut(&String, &mut V) -> bool) {
        self.entries.retain_mut(|(k, v)| keep(k, v));
    }
}

impl<K, V> Map<K, V> {
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn clear(&mut self) {
        self.entries.clear();
    }

    pub fn iter(&self) -> Iter<'_, K, V> {
        Iter(self.entries.iter())
    }

    pub fn iter_mut(&mut self) -> IterMut<'_, K, V> {
        IterMut(self.entries.iter_mut())
    }

    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + ExactSizeIterator + Clone {
        self.entries.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator + Clone {
        self.entries.iter().map(|(_, v)| v)
    }

    pub fn values_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut V> + ExactSizeIterator {
        self.entries.iter_mut().map(|(_, v)| v)
    }

    /// The entries as a list, for the reader that writes over a value in place.
    pub(crate) fn entries_mut(&mut self) -> &mut Vec<(K, V)> {
        &mut self.entries
    }
}

impl Map<String, Value> {
    /// The object as compact JSON text, as `serde_json::to_string` writes it.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        crate::engine::report::write_object(&mut out, self);
        out
    }
}

/// A place in a [`Map`], found or to be made.
pub struct Entry<'a, V> {
    map: &'a mut Map<String, V>,
    at: Result<usize, String>,
}

impl<'a, V> Entry<'a, V> {
    pub fn or_insert(self, default: V) -> &'a mut V {
        self.or_insert_with(|| default)
    }

    pub fn or_insert_with(self, default: impl FnOnce() -> V) -> &'a mut V {
        let entries = &mut self.map.entries;
        let i = match self.at {
            Ok(i) => i,
            Err(key) => {
                entries.push((key, default()));
                entries.len().saturating_sub(1)
            }
        };
        // `i` is an index of `entries` (found there, or the entry just pushed).
        #[allow(clippy::indexing_slicing)]
        &mut entries[i].1
    }
}

/// An object's entries in order, as `(&key, &value)`.
#[derive(Clone)]
pub struct Iter<'a, K, V>(core::slice::Iter<'a, (K, V)>);

impl<'a, K, V> Iterator for Iter<'a, K, V> {
    type Item = (&'a K, &'a V);
    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(k, v)| (k, v))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl<K, V> DoubleEndedIterator for Iter<'_, K, V> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.0.next_back().map(|(k, v)| (k, v))
    }
}

impl<K, V> ExactSizeIterator for Iter<'_, K, V> {}

pub struct IterMut<'a, K, V>(core::slice::IterMut<'a, (K, V)>);

impl<'a, K, V> Iterator for IterMut<'a, K, V> {
    type Item = (&'a K, &'a mut V);
    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(k, v)| (&*k, v))
    }
}

impl<'a, K, V> IntoIterator for &'a Map<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = Iter<'a, K, V>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'a, K, V> IntoIterator for &'a mut Map<K, V> {
    type Item = (&'a K, &'a mut V);
    type IntoIter = IterMut<'a, K, V>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter_mut()
    }
}

impl<K, V> IntoIterator for Map<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl<V> FromIterator<(String, V)> for Map<String, V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(iter: I) -> Self {
        let mut map = Map::new();
        map.extend(iter);
        map
    }
}

impl<V> Extend<(String, V)> for Map<String, V> {
    fn extend<I: IntoIterator<Item = (String, V)>>(&mut self, iter: I) {
        for (k, v) in iter {
            self.insert(k, v);
        }
    }
}

impl core::ops::Index<&str> for Map<String, Value> {
    type Output = Value;
    fn index(&self, key: &str) -> &Value {
        self.get(key).unwrap_or(&NULL)
    }
}

static NULL: Value = Value::Null;

impl Value {
    /// The value at `key` of an object; `None` for a missing key or a value that is not an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(map) => map.get(key),
            _ => None,
        }
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        match self {
            Value::Object(map) => map.get_mut(key),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => n.as_f64(),
            _ => None,
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Number(n) => n.as_i64(),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.as_u64(),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_array_mut(&mut self) -> Option<&mut Vec<Value>> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&Map<String, Value>> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }

    pub fn as_object_mut(&mut self) -> Option<&mut Map<String, Value>> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub fn is_boolean(&self) -> bool {
        matches!(self, Value::Bool(_))
    }

    pub fn is_number(&self) -> bool {
        matches!(self, Value::Number(_))
    }

    pub fn is_string(&self) -> bool {
        matches!(self, Value::String(_))
    }

    pub fn is_array(&self) -> bool {
        matches!(self, Value::Array(_))
    }

    pub fn is_object(&self) -> bool {
        matches!(self, Value::Object(_))
    }

    /// The value at a JSON Pointer (RFC 6901), as `serde_json`'s `Value::pointer` finds it: `""` is the whole value,
    /// `~1` and `~0` stand for `/` and `~`, a list's index is digits without a leading zero.
    pub fn pointer(&self, pointer: &str) -> Option<&Value> {
        if pointer.is_empty() {
            return Some(self);
        }
        let rest = pointer.strip_prefix('/')?;
        let mut cur = self;
        for token in rest.split('/') {
            let token = token.replace("~1", "/").replace("~0", "~");
            cur = match cur {
                Value::Object(map) => map.get(&token)?,
                Value::Array(items) => {
                    let ok = !token.is_empty()
                        && token.bytes().all(|b| b.is_ascii_digit())
                        && (token == "0" || !token.starts_with('0'));
                    if !ok {
                        return None;
                    }
                    items.get(token.parse::<usize>().ok()?)?
                }
                _ => return None,
            };
        }
        Some(cur)
    }

    /// The value, leaving `null` in its place.
    pub fn take(&mut self) -> Value {
        core::mem::take(self)
    }

    /// The value as compact JSON text, as `serde_json::to_string` writes it.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        crate::engine::report::write_value(&mut out, self);
        out
    }
}

impl core::ops::Index<&str> for Value {
    type Output = Value;
    fn index(&self, key: &str) -> &Value {
        self.get(key).unwrap_or(&NULL)
    }
}

impl core::fmt::Display for Value {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.to_json())
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::String(s)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::String(s.into())
    }
}

impl From<Cow<'_, str>> for Value {
    fn from(s: Cow<'_, str>) -> Value {
        Value::String(s.into_owned())
    }
}

/// A float as `serde_json`'s `Value::from(f64)` keeps it: `null` when not finite.
impl From<f64> for Value {
    fn from(x: f64) -> Value {
        Number::from_f64(x).map_or(Value::Null, Value::Number)
    }
}

macro_rules! from_unsigned {
    ($($t:ty),*) => {$(
        impl From<$t> for Value {
            fn from(n: $t) -> Value {
                Value::Number(Number::from_u64(n as u64))
            }
        }
    )*};
}
macro_rules! from_signed {
    ($($t:ty),*) => {$(
        impl From<$t> for Value {
            fn from(n: $t) -> Value {
                Value::Number(Number::from_i64(n as i64))
            }
        }
    )*};
}
from_unsigned!(u8, u16, u32, u64, usize);
from_signed!(i8, i16, i32, i64, isize);

impl From<Vec<Value>> for Value {
    fn from(items: Vec<Value>) -> Value {
        Value::Array(items)
    }
}

impl From<Map<String, Value>> for Value {
    fn from(map: Map<String, Value>) -> Value {
        Value::Object(map)
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Value {
        v.map_or(Value::Null, Into::into)
    }
}

impl From<Number> for Value {
    fn from(n: Number) -> Value {
        Value::Number(n)
    }
}

/// `serde_json`'s value as the engine's (the native API's edge): the same tree.
impl From<&serde_json::Value> for Value {
    fn from(v: &serde_json::Value) -> Value {
        match v {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(n) => Value::Number(if let Some(u) = n.as_u64() {
                Number::from_u64(u)
            } else if let Some(i) = n.as_i64() {
                Number::from_i64(i)
            } else {
                Number(N::Float(n.as_f64().unwrap_or(0.0)))
            }),
            serde_json::Value::String(s) => Value::String(s.clone()),
            serde_json::Value::Array(items) => Value::Array(items.iter().map(Value::from).collect()),
            serde_json::Value::Object(map) => {
                Value::Object(Map { entries: map.iter().map(|(k, v)| (k.clone(), Value::from(v))).collect() })
            }
        }
    }
}

impl From<serde_json::Value> for Value {
    fn from(v: serde_json::Value) -> Value {
        Value::from(&v)
    }
}

/// A record as `serde_json`'s value (the native API's edge: a session's data).
impl From<&Map<String, Value>> for serde_json::Value {
    fn from(map: &Map<String, Value>) -> serde_json::Value {
        serde_json::Value::Object(map.iter().map(|(k, v)| (k.clone(), serde_json::Value::from(v))).collect())
    }
}

/// The engine's value as `serde_json`'s (the native API's edge).
impl From<&Value> for serde_json::Value {
    fn from(v: &Value) -> serde_json::Value {
        match v {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => serde_json::Value::Bool(*b),
            Value::Number(n) => match n.0 {
                N::PosInt(u) => serde_json::Value::from(u),
                N::NegInt(i) => serde_json::Value::from(i),
                N::Float(x) => serde_json::Value::from(x),
            },
            Value::String(s) => serde_json::Value::String(s.clone()),
            Value::Array(items) => serde_json::Value::Array(items.iter().map(serde_json::Value::from).collect()),
            Value::Object(map) => {
                serde_json::Value::Object(map.iter().map(|(k, v)| (k.clone(), serde_json::Value::from(v))).collect())
            }
        }
    }
}

impl From<Value> for serde_json::Value {
    fn from(v: Value) -> serde_json::Value {
        serde_json::Value::from(&v)
    }
}

impl serde::Serialize for Value {
    #[allow(clippy::use_self)]
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => s.serialize_unit(),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Number(n) => n.serialize(s),
            Value::String(v) => s.serialize_str(v),
            Value::Array(items) => s.collect_seq(items),
            Value::Object(map) => s.collect_map(map.iter()),
        }
    }
}

impl serde::Serialize for Number {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            N::PosInt(u) => s.serialize_u64(u),
            N::NegInt(i) => s.serialize_i64(i),
            N::Float(x) => s.serialize_f64(x),
        }
    }
}

impl<V: serde::Serialize> serde::Serialize for Map<String, V> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

macro_rules! eq_with {
    ($($t:ty => $as:ident),*) => {$(
        impl PartialEq<$t> for Value {
            fn eq(&self, other: &$t) -> bool {
                self.$as().is_some_and(|x| x == *other)
            }
        }
    )*};
}
eq_with!(bool => as_bool, f64 => as_f64, i64 => as_i64, u64 => as_u64);

impl PartialEq<i32> for Value {
    fn eq(&self, other: &i32) -> bool {
        self.as_i64().is_some_and(|x| x == i64::from(*other))
    }
}

impl PartialEq<str> for Value {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == Some(other)
    }
}

impl PartialEq<&str> for Value {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == Some(*other)
    }
}

impl PartialEq<String> for Value {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == Some(other.as_str())
    }
}

/// The engine's value and `serde_json`'s are equal when they are the same tree.
impl PartialEq<serde_json::Value> for Value {
    // Two types: one is made the other to compare them (tests and native callers only).
    #[allow(clippy::cmp_owned)]
    fn eq(&self, other: &serde_json::Value) -> bool {
        *self == Value::from(other)
    }
}

impl PartialEq<Value> for serde_json::Value {
    #[allow(clippy::cmp_owned)]
    fn eq(&self, other: &Value) -> bool {
        Value::from(self) == *other
    }
}

/// `serde_json::json!`, as the engine's value (for tests).
#[cfg(test)]
macro_rules! json {
    ($($t:tt)+) => {
        $crate::engine::value::Value::from(::serde_json::json!($($t)+))
    };
}
#[cfg(test)]
pub(crate) use json;

/// Read as `serde_json` reads a value (natively: tests and the command line; the module reads with
/// `engine::json_text`).
impl<'de> serde::Deserialize<'de> for Value {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        <serde_json::Value as serde::Deserialize>::deserialize(d).map(Value::from)
    }
}

impl core::ops::Index<usize> for Value {
    type Output = Value;
    fn index(&self, i: usize) -> &Value {
        self.as_array().and_then(|items| items.get(i)).unwrap_or(&NULL)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_module_compares_strings_as_equality_does() {
        let same_as_eq = |a: &[u8], b: &[u8]| {
            (a.len() == b.len() && same_by_words(a, b)) == (a == b) && same_bytes(a, b) == (a == b)
        };
        // Every length up to three words and a remainder, equal and differing in each place.
        for n in 0..27u8 {
            let a: Vec<u8> = (0..n).collect();
            assert!(same_as_eq(&a, &a) && same_by_words(&a, &a), "{n}");
            for i in 0..usize::from(n) {
                let mut b = a.clone();
                if let Some(x) = b.get_mut(i) {
                    *x ^= 0x80;
                }
                assert!(same_as_eq(&a, &b) && !same_by_words(&a, &b), "{n} {i}");
            }
            assert!(!same_bytes(&a, &[a.as_slice(), &[0]].concat()));
        }
    }

    proptest! {
        #[test]
        fn a_lookup_finds_the_entry_a_search_in_order_finds(
            keys in proptest::collection::vec("[a-d]{1,3}", 0..24),
            asks in proptest::collection::vec("[a-d]{1,3}", 0..60),
        ) {
            let mut map: Map<String, usize> = Map::new();
            for (i, k) in keys.iter().enumerate() {
                map.entry(k.clone()).or_insert(i);
            }
            for (n, key) in asks.iter().enumerate() {
                let linear = map.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
                prop_assert_eq!(map.get(key).copied(), linear);
                // Lookups with changes between them, the keys compared as the module compares them.
                if n % 7 == 3 {
                    map.shift_remove(key);
                } else if n % 11 == 5 {
                    map.insert(key.clone(), n);
                }
            }
        }

        #[test]
        fn any_two_strings_compare_as_equality_does(a in ".{0,40}", b in ".{0,40}") {
            prop_assert_eq!(a.len() == b.len() && same_by_words(a.as_bytes(), b.as_bytes()), a == b);
            prop_assert!(same_by_words(a.as_bytes(), a.clone().as_bytes()));
        }
    }

    /// Any JSON value as `serde_json` holds it: keys that repeat across objects, whole numbers of both signs,
    /// floats, strings with characters JSON escapes.
    fn any_json() -> impl Strategy<Value = serde_json::Value> {
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::from),
            any::<u64>().prop_map(serde_json::Value::from),
            any::<i64>().prop_map(serde_json::Value::from),
            any::<f64>().prop_map(serde_json::Value::from),
            "[a-c\"\\\\\\n\\u{e9}\\u{1f600}\\x01]{0,6}".prop_map(serde_json::Value::from),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
                prop::collection::vec(("[a-e~/]{0,3}", inner), 0..6)
                    .prop_map(|entries| serde_json::Value::Object(entries.into_iter().collect())),
            ]
        })
    }

    proptest! {
        /// The two values convert into each other without loss, write the same JSON text, and compare equal.
        #[test]
        fn the_same_tree_as_serde_json(v in any_json()) {
            let ours = Value::from(&v);
            prop_assert_eq!(serde_json::Value::from(&ours), v.clone());
            prop_assert_eq!(ours.to_json(), serde_json::to_string(&v).unwrap());
            prop_assert_eq!(ours.to_string(), v.to_string());
            prop_assert!(ours == v, "ours == theirs");
            prop_assert!(v == ours, "theirs == ours");
            if let (Value::Object(m), serde_json::Value::Object(theirs)) = (&ours, &v) {
                prop_assert_eq!(m.to_json(), serde_json::to_string(theirs).unwrap());
                prop_assert_eq!(m.keys().collect::<Vec<_>>(), theirs.keys().collect::<Vec<_>>());
            }
        }

        /// A pointer finds what `serde_json`'s finds, for every place in the value and for near misses.
        #[test]
        fn pointers_find_what_serde_jsons_find(v in any_json(), extra in "(/[a-e~01/]{0,3}){0,3}") {
            let ours = Value::from(&v);
            let mut pointers = vec![String::new(), extra, "/".to_owned(), "/0".to_owned(), "/00".to_owned(), "/+1".to_owned()];
            places(&v, String::new(), &mut pointers);
            for p in &pointers {
                prop_assert_eq!(ours.pointer(p).map(serde_json::Value::from), v.pointer(p).cloned(), "{}", p);
            }
        }

        /// Inserting and removing keys keeps the order `serde_json`'s map (with `preserve_order`) keeps.
        #[test]
        fn edits_keep_serde_jsons_order(ops in prop::collection::vec((0u8..4, "[a-f]", any::<u8>()), 0..40)) {
            let mut ours: Map<String, Value> = Map::new();
            let mut theirs = serde_json::Map::new();
            for (op, k, n) in ops {
                match op {
                    0 | 1 => prop_assert_eq!(
                        ours.insert(k.clone(), Value::from(n)).map(|v| serde_json::Value::from(&v)),
                        theirs.insert(k, serde_json::Value::from(n))
                    ),
                    2 => prop_assert_eq!(ours.remove(&k).map(|v| serde_json::Value::from(&v)), theirs.remove(&k)),
                    _ => prop_assert_eq!(ours.shift_remove(&k).map(|v| serde_json::Value::from(&v)), theirs.shift_remove(&k)),
                }
                prop_assert_eq!(ours.keys().collect::<Vec<_>>(), theirs.keys().collect::<Vec<_>>());
                prop_assert_eq!(ours.get("a").map(serde_json::Value::from), theirs.get("a").cloned());
            }
        }
    }

    /// Every pointer to a place in `v`, escaped as RFC 6901 escapes them.
    fn places(v: &serde_json::Value, at: String, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Array(items) => {
                for (i, x) in items.iter().enumerate() {
                    let p = format!("{at}/{i}");
                    out.push(p.clone());
                    places(x, p, out);
                }
            }
            serde_json::Value::Object(map) => {
                for (k, x) in map {
                    let p = format!("{at}/{}", k.replace('~', "~0").replace('/', "~1"));
                    out.push(p.clone());
                    places(x, p, out);
                }
            }
            _ => {}
        }
    }

    #[test]
    fn numbers_are_kept_as_serde_json_keeps_them() {
        assert!(Value::from(3u8).as_u64() == Some(3) && Value::from(-3i32).as_i64() == Some(-3));
        assert_eq!(Value::from(0i64), Value::from(0u64), "a whole number of 0 or more is unsigned");
        assert_ne!(Value::from(1.0), Value::from(1u8), "a float is not a whole number");
        assert_eq!(Value::from(f64::NAN), Value::Null);
        assert_eq!(Value::from(f64::INFINITY), Value::Null);
        for x in [0.1, 1.0, -0.0, 1e16, 1.5e-7, 123456.789, f64::MAX, f64::MIN_POSITIVE] {
            assert_eq!(Value::from(x).to_json(), serde_json::Value::from(x).to_string(), "{x}");
        }
        for n in [0, 1, u64::MAX] {
            assert_eq!(Value::from(n).to_json(), n.to_string());
        }
        assert_eq!(Value::from(i64::MIN).to_json(), i64::MIN.to_string());
    }

    #[test]
    fn an_entry_is_found_or_made_in_place() {
        let mut m: Map<String, Value> =
            [("a".to_owned(), Value::from(1u8)), ("b".to_owned(), Value::Null)].into_iter().collect();
        *m.entry("b").or_insert(Value::from(5u8)) = Value::from(2u8);
        m.entry("c").or_insert_with(|| Value::from(3u8));
        assert_eq!(Value::Object(m.clone()), json!({ "a": 1, "b": 2, "c": 3 }));
        m.retain(|k, _| k != "a");
        assert_eq!(m.keys().map(String::as_str).collect::<Vec<_>>(), ["b", "c"]);
        assert_eq!(m["c"], 3);
        assert_eq!(m["zz"], Value::Null);
        assert!(m.contains_key("b") && !m.contains_key("a"));
    }
}
