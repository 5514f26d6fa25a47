//! A small stable sort. The standard library's stable sort (driftsort) is fast but large: each call site with its
//! own element type and comparison compiles to about 6 kB of WebAssembly (the fifteen sorts of the engine and the
//! forms made 87 kB of the module). This merge sort gives exactly the same order — a stable sort's result is fully
//! determined by the comparison — in a fraction of the code, and is quick enough for the few hundred items a form
//! holds (insertion sort for short runs, merges above).

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, keeping equal items in their order (as `slice::sort_by`).
pub fn stable_by<T, F: Fn(&T, &T) -> Ordering>(v: &mut Vec<T>, cmp: F) {
    if v.len() < 2 {
        return;
    }
    let items = v.as_slice();
    let order = order(items.len(), &|a, b| match (items.get(a), items.get(b)) {
        (Some(x), Some(y)) => cmp(x, y),
        _ => Ordering::Equal,
    });
    permute(v, &order);
}

/// Sorts `v` by the key `key` gives, keeping items with equal keys in their order (as `slice::sort_by_key`).
pub fn stable_by_key<T, K: Ord, F: Fn(&T) -> K>(v: &mut Vec<T>, key: F) {
    stable_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` and keeps each value once (as `sort` then `dedup`): the sorted, distinct dates or words the engine and
/// the forms work with. Equal values are the same value, so any sort gives this list.
pub fn distinct<T: Ord>(v: &mut Vec<T>) {
    stable_by(v, T::cmp);
    v.dedup();
}

/// The value of `key` in a list of `(key, value)` sorted by key, each key once (as the engine's sort and
/// [`distinct`] make them): found by halves. The engine's small tables (a profile's settings, the messages'
/// parameters, a host's templates) are such lists rather than maps.
pub fn value_of<'a, K: AsRef<str>, V>(list: &'a [(K, V)], key: &str) -> Option<&'a V> {
    let at = list.binary_search_by(|(k, _)| k.as_ref().cmp(key)).ok()?;
    list.get(at).map(|(_, v)| v)
}

const SHORT: usize = 12;

/// The places `0..n` in the stable order `cmp` (which compares two places) gives. The sort itself is compiled once,
/// for places, whatever the items: each element type and comparison compiled its own merge sort (five in the
/// referral's module, about 5 kB before wasm-opt), where each now adds only its comparison and [`permute`].
fn order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut places: Vec<usize> = (0..n).collect();
    merge_sort(&mut places, cmp);
    places
}

/// Puts `v`'s items in `order` (a permutation of its places); nothing moves when it is the order they are in.
fn permute<T>(v: &mut Vec<T>, order: &[usize]) {
    if order.iter().enumerate().all(|(i, &p)| i == p) {
        return;
    }
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.iter().filter_map(|&p| slots.get_mut(p).and_then(Option::take)));
}

fn merge_sort(v: &mut Vec<usize>, cmp: &dyn Fn(usize, usize) -> Ordering) {
    if v.len() <= SHORT {
        insertion_sort(v, cmp);
        return;
    }
    let right = v.split_off(v.len() / 2);
    let mut left = std::mem::take(v);
    let mut right = right;
    merge_sort(&mut left, cmp);
    merge_sort(&mut right, cmp);
    v.reserve(left.len().saturating_add(right.len()));
    let (mut l, mut r) = (left.iter().copied().peekable(), right.iter().copied().peekable());
    loop {
        // Take from the right only when strictly less: equal items keep their order.
        let take_right = match (l.peek(), r.peek()) {
            (Some(&a), Some(&b)) => cmp(b, a) == Ordering::Less,
            (Some(_), None) => false,
            (None, Some(_)) => true,
            (None, None) => break,
        };
        let next = if take_right { r.next() } else { l.next() };
        if let Some(x) = next {
            v.push(x);
        }
    }
}

fn insertion_sort(v: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 {
            let before = j.saturating_sub(1);
            match (v.get(before), v.get(j)) {
                (Some(&a), Some(&b)) if cmp(a, b) == Ordering::Greater => v.swap(before, j),
                _ => break,
            }
            j = before;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinct_is_sort_then_dedup() {
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for len in [0usize, 1, 2, 13, 100] {
            let mut v: Vec<u8> = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    (seed % 9) as u8
                })
                .collect();
            let mut expected = v.clone();
            expected.sort_unstable();
            expected.dedup();
            distinct(&mut v);
            assert_eq!(v, expected);
        }
    }

    #[test]
    fn same_order_as_the_standard_stable_sort() {
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        for len in [0usize, 1, 2, 3, 11, 12, 13, 40, 257, 1000] {
            for _ in 0..20 {
                let mut v: Vec<(u8, usize)> = (0..len)
                    .map(|i| {
                        seed ^= seed << 13;
                        seed ^= seed >> 7;
                        seed ^= seed << 17;
                        ((seed % 7) as u8, i)
                    })
                    .collect();
                let mut expected = v.clone();
                expected.sort_by_key(|(k, _)| *k);
                stable_by_key(&mut v, |(k, _)| *k);
                assert_eq!(v, expected);
                let mut w = expected.clone();
                w.reverse();
                let mut expected = w.clone();
                expected.sort_by_key(|x| std::cmp::Reverse(x.0));
                stable_by(&mut w, |a, b| b.0.cmp(&a.0));
                assert_eq!(w, expected);
            }
        }
    }
}
