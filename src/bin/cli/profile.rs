//! `--profile P|FILE.json`: a built-in profile by id, or a council's profile document (one version, or a list of
//! versions) read from a file; `check-profile FILE` lists every problem of a profile file.

use std::path::Path;

use safeguarding_forms::{self as sf, Options};
use serde_json::Value;

/// Whether the argument names a file rather than a built-in id (ids are kebab-case words, never a path).
fn is_file(arg: &str) -> bool {
    arg.ends_with(".json") || arg.contains('/') || arg.contains('\\') || Path::new(arg).is_file()
}

/// Reads a profile file as JSON (a UTF-8 byte-order mark is allowed).
pub fn read(file: &str) -> Result<Value, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("cannot read the profile {file}: {e}"))?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    serde_json::from_str(text).map_err(|e| format!("the profile {file} is not JSON: {e}"))
}

/// The options under the profile the argument names.
pub fn apply(options: Options, arg: &str) -> Result<Options, String> {
    if is_file(arg) {
        let value = read(arg)?;
        options.profile_value(&value).map_err(|e| format!("{arg}: {e}"))
    } else {
        Ok(options.profile(arg))
    }
}

/// `check-profile FILE`: every problem, one per line (path: message); exit 0 when there is none, 1 otherwise.
pub fn check(file: &str, json: bool, out: &mut impl std::io::Write) -> Result<bool, String> {
    let value = read(file)?;
    let result = sf::check_profile(&value);
    if json {
        let text = serde_json::to_string_pretty(&result).map_err(|e| e.to_string())?;
        writeln!(out, "{text}").map_err(|e| e.to_string())?;
    } else if result.valid {
        writeln!(out, "{file}: a valid profile").map_err(|e| e.to_string())?;
    } else {
        for p in &result.problems {
            let at = if p.path.is_empty() { "(document)" } else { p.path.as_str() };
            writeln!(out, "{file}: {at}: {}", p.message).map_err(|e| e.to_string())?;
        }
    }
    Ok(result.valid)
}
