//! Arbitrary bytes as JSON text (invalid UTF-8 replaced, as a browser's TextEncoder would): the engine's reader
//! (`engine::json_text`, through `input::parse`) gives what `serde_json` gave over the guard's text, the reader the
//! engine had before its own: the same tree (keys in the same order, whole numbers whole, floats within a few units
//! in the last place) or an error of the same kind (`engine::input::reference::same_as_serde`). The read over the
//! last read's value (`parse_reusing`, what `validate_json` and the batch use) gives exactly the fresh read's value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use safeguarding_forms::engine::input::{self, reference};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Err(why) = reference::same_as_serde(&text) {
        panic!("{why}");
    }
    let fresh = input::parse(&text);
    let reused = input::parse_reusing(&text);
    match (&fresh, &reused) {
        (Ok(a), Ok(b)) => assert_eq!(a.to_string(), b.to_string(), "the read over the last value differs"),
        (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string()),
        _ => panic!("the read over the last value differs: {fresh:?} / {reused:?}"),
    }
    if let Ok(v) = reused {
        input::recycle(v, text.len());
    }
});
