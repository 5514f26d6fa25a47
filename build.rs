//! Writes the built-in profiles' documents (`profiles/*.json`) as the WebAssembly modules carry them: without their
//! `notes` and `$schema`, and without the whitespace between tokens, into `$OUT_DIR/profiles/`.
//!
//! A module reads a built-in profile's values, options, rules, title and sources (`rules()` says where a value in force
//! comes from), never its notes: those are the lines `profiles()` lists, which the package reads from its catalogue
//! (`src/engine/profile.rs`, `note`). Built with the `catalogue` feature (the command line, native users), the engine
//! includes the documents as written instead. `engine::profile`'s tests hold each lean text to its document: the same
//! profile once its notes are set aside.
//!
//! No dependencies: the documents are JSON, and only the top-level object's members are told apart.

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=profiles");
    println!("cargo:rerun-if-changed=build.rs");
    let Some(out) = std::env::var_os("OUT_DIR") else {
        println!("cargo:warning=OUT_DIR is not set");
        return;
    };
    let dir = Path::new(&out).join("profiles");
    if let Err(e) = std::fs::create_dir_all(&dir) {
        println!("cargo:warning=cannot create {}: {e}", dir.display());
        return;
    }
    let Ok(entries) = std::fs::read_dir("profiles") else {
        println!("cargo:warning=no profiles folder");
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&path) else {
            println!("cargo:warning=cannot read {}", path.display());
            continue;
        };
        // A document this reader cannot take apart goes in as written (the engine's tests still check it).
        let lean = lean(&text).unwrap_or_else(|| {
            println!("cargo:warning={} kept as written: not a JSON object this build script can read", path.display());
            text.clone()
        });
        let Some(name) = path.file_name() else { continue };
        if let Err(e) = std::fs::write(dir.join(name), lean) {
            println!("cargo:warning=cannot write {}: {e}", dir.join(name).display());
        }
    }
}

/// The members of the document's top-level object but `notes` and `$schema`, each written without whitespace between
/// its tokens; `None` when the text is not one JSON object.
fn lean(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let mut at = skip_ws(b, 0);
    if b.get(at) != Some(&b'{') {
        return None;
    }
    at = skip_ws(b, at.saturating_add(1));
    let mut out = String::from("{");
    let mut first = true;
    if b.get(at) == Some(&b'}') {
        at = at.saturating_add(1);
    } else {
        loop {
            let key_end = string_end(b, at)?;
            let key = text.get(at..key_end)?;
            at = skip_ws(b, key_end);
            if b.get(at) != Some(&b':') {
                return None;
            }
            at = skip_ws(b, at.saturating_add(1));
            let value_end = value_end(b, at)?;
            if key != "\"notes\"" && key != "\"$schema\"" {
                if !first {
                    out.push(',');
                }
                first = false;
                out.push_str(key);
                out.push(':');
                minify(text.get(at..value_end)?, &mut out);
            }
            at = skip_ws(b, value_end);
            match b.get(at) {
                Some(b',') => at = skip_ws(b, at.saturating_add(1)),
                Some(b'}') => {
                    at = at.saturating_add(1);
                    break;
                }
                _ => return None,
            }
        }
    }
    out.push('}');
    (skip_ws(b, at) == b.len()).then_some(out)
}

fn skip_ws(b: &[u8], mut at: usize) -> usize {
    while matches!(b.get(at), Some(b' ' | b'\t' | b'\r' | b'\n')) {
        at = at.saturating_add(1);
    }
    at
}

/// Just past the string that starts at `at`.
fn string_end(b: &[u8], at: usize) -> Option<usize> {
    if b.get(at) != Some(&b'"') {
        return None;
    }
    let mut i = at.saturating_add(1);
    loop {
        match b.get(i)? {
            b'\\' => i = i.saturating_add(2),
            b'"' => return Some(i.saturating_add(1)),
            _ => i = i.saturating_add(1),
        }
    }
}

/// Just past the value that starts at `at` (a string, or anything up to its closing bracket or the next `,` / `}` /
/// `]` at its own depth).
fn value_end(b: &[u8], at: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = at;
    loop {
        match *b.get(i)? {
            b'"' => {
                i = string_end(b, i)?;
                if depth == 0 {
                    return Some(i);
                }
                continue;
            }
            b'{' | b'[' => depth = depth.saturating_add(1),
            b'}' | b']' if depth == 0 => return Some(i),
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(i.saturating_add(1));
                }
            }
            b',' if depth == 0 => return Some(i),
            _ => {}
        }
        i = i.saturating_add(1);
    }
}

/// `value` without the whitespace between its tokens (strings as written).
fn minify(value: &str, out: &mut String) {
    let mut in_string = false;
    let mut escaped = false;
    for c in value.trim_end().chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !matches!(c, ' ' | '\t' | '\r' | '\n') {
            out.push(c);
        }
    }
}
