//! The layers point one way (issue 20): the engine knows no form (the entry picks them: `forms::REGISTRY`, by
//! cargo feature, and hands the registry to the engine); the forms know the engine and not the entry (`api`,
//! `wasm`); the engine knows no entry either. Tests inside a file (its `#[cfg(test)]` modules, at the end) may use
//! anything.

use std::fs;
use std::path::{Path, PathBuf};

fn sources(dir: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    assert!(!out.is_empty(), "{dir} has no sources");
    out
}

/// The library code of a file: everything before its first test module, comments dropped.
fn library_code(path: &Path) -> String {
    let text = fs::read_to_string(path).unwrap();
    let code = text.split("#[cfg(test)]").next().unwrap_or("").split("#[cfg(all(test").next().unwrap_or("");
    code.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n")
}

fn offenders(dir: &str, forbidden: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for file in sources(dir) {
        let code = library_code(&file);
        for f in forbidden {
            if code.contains(f) {
                out.push(format!("{} uses {f}", file.display()));
            }
        }
    }
    out
}

#[test]
fn the_engine_knows_no_form_and_no_entry() {
    let found = offenders("src/engine", &["crate::forms", "crate::api", "crate::wasm", "super::super::forms"]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_forms_know_the_engine_not_the_entry() {
    let found = offenders("src/forms", &["crate::api", "crate::wasm"]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_check_reads_what_it_should() {
    // The check itself can fail: a file that names a form in its library code is found.
    let dir = std::env::temp_dir().join(format!("sf-layers-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let file = dir.join("x.rs");
    fs::write(&file, "use crate::forms::ALL;\n#[cfg(test)]\nmod tests { use crate::api; }\n").unwrap();
    let code = library_code(&file);
    assert!(code.contains("crate::forms") && !code.contains("crate::api"));
    fs::remove_dir_all(&dir).unwrap();
}
