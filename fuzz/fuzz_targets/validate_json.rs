//! Arbitrary bytes as the JSON text of a form, for every form of `safeguarding_forms::forms()`: no panic, the text
//! path agrees with the value path, and no message repeats the input.
//!
//! Input: byte 0 chooses the options (stage, profile, today; see `options`), then `form-id '\n'` (the seeds name
//! their form; a mangled name picks a form from its bytes, see `split_form`), then the JSON text (invalid UTF-8 is
//! replaced, as a browser's TextEncoder would).
#![no_main]

use libfuzzer_sys::fuzz_target;
use safeguarding_forms::engine::input;
use safeguarding_forms_fuzz::{assert_no_echo, candidates, echoes, options, shift, split_form};

fuzz_target!(|data: &[u8]| {
    let Some((&opt, rest)) = data.split_first() else { return };
    let options = options(opt);
    let (form, rest) = split_form(rest);
    let text = String::from_utf8_lossy(rest);
    {
        let id = form.as_str();
        match safeguarding_forms::validate_json(id, &text, &options) {
            Ok(report) => {
                assert_eq!(report.valid, !report.diagnostics.iter().any(|d| d.severity.as_str() == "error"));
                // The engine read exactly what `input::parse` gives (validate_json reads the text over the value the
                // last input left, `input::parse` afresh: so this also compares the two reads); the value path must
                // say the same.
                let value = serde_json::Value::from(input::parse(&text).expect("validate_json read it, so it parses"));
                let again = safeguarding_forms::validate(id, &value, &options).expect("same form, same options");
                assert_eq!(report, again, "validate_json and validate disagree");
                assert_no_echo(id, &value, &options, &report);
            }
            Err(e) => {
                // A caller's mistake (not JSON text, not an object): its message must not repeat the text either.
                let message = e.to_string();
                let found = candidates(&[text.to_string()], std::iter::once(message.as_str()));
                if !found.is_empty() {
                    let moved = shift(&text);
                    if let Err(e2) = safeguarding_forms::validate_json(id, &moved, &options) {
                        let m2 = e2.to_string();
                        let echoed = echoes(&found, std::iter::once(m2.as_str()));
                        assert!(echoed.is_empty(), "{id}: an error repeats the input: {echoed:?}");
                    }
                }
            }
        }
    }
});
