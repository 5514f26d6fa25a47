//! Random live-editing sessions: `FormSession` set/remove/load sequences over pointers built from each form's schema
//! (and some malformed ones). After every edit, whether the engine took it or refused it, the session's report must
//! equal `validate` of the session's data; no edit panics; no message repeats what was typed.
//!
//! Input, mode A (first byte != 0xFF): byte 0 chooses the form, byte 1 the options, then edits drawn from the bytes.
//! Mode B (first byte 0xFF, the seeds from tests/conformance): then `form-id '\n'` and the form's JSON data, loaded
//! whole into one session and set field by field into another; both must give `validate`'s report.
//!
//! A refused edit must leave the data and the report exactly as they were (checked after every refused edit; see
//! KNOWN_BUG_REFUSED_EDIT_CHANGES_DATA, a bug this target found and that is fixed).
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use safeguarding_forms::engine::input;
use safeguarding_forms::{FormSession, Options};
use safeguarding_forms_fuzz::{assert_no_echo, options, pointers, split_form, words};
use serde_json::{json, Map, Value};

struct FormInfo {
    id: String,
    pointers: Vec<String>,
    words: Vec<String>,
}

fn forms() -> &'static [FormInfo] {
    static FORMS: OnceLock<Vec<FormInfo>> = OnceLock::new();
    FORMS.get_or_init(|| {
        safeguarding_forms::forms()
            .into_iter()
            .map(|f| {
                let schema = safeguarding_forms::schema(&f.id).expect("every listed form has a schema");
                let mut w = Vec::new();
                words(&schema, &mut w);
                FormInfo { pointers: pointers(&schema), words: w, id: f.id }
            })
            .collect()
    })
}

const ODD: &[&str] = &[
    "",
    " ",
    "2025-05-20",
    "2025-02-29",
    "2024-02-29",
    "1899-12-31",
    "2200-01-01",
    "25",
    "99999",
    "June",
    "sept",
    "Sept.",
    "+1",
    "1e1",
    "\u{0661}",
    "4294967297",
    "-0",
    "1.5",
    "85",
    "NaN",
    "yes",
    "no",
    "true",
    "\u{a0}12\u{200b}",
    "\u{ad}",
    "😀😀😀",
    "e\u{301}",
    "\u{fffd}",
    "O'Brien",
    "Zoë",
    "Nguyễn",
    "<script>alert(1)</script>",
    "__proto__",
    "constructor",
    "SW1A 1AA",
    "name@example.com",
    "07700 900 982",
    "2025-06-27T14:30",
    "2025-03-30T01:30",
    "2025-10-26T01:30",
];

fn string(u: &mut Unstructured, form: &FormInfo) -> Result<String> {
    Ok(match u.int_in_range(0..=3u8)? {
        0 => u.choose(ODD)?.to_string(),
        1 if !form.words.is_empty() => u.choose(&form.words)?.clone(),
        2 => {
            let s: &str = u.arbitrary()?;
            s.to_owned()
        }
        _ => format!(
            "{:04}-{:02}-{:02}",
            u.int_in_range(1890..=2210u16)?,
            u.int_in_range(0..=13u8)?,
            u.int_in_range(0..=32u8)?
        ),
    })
}

fn value(u: &mut Unstructured, form: &FormInfo, depth: u8) -> Result<Value> {
    Ok(match u.int_in_range(0..=9u8)? {
        0 => Value::Null,
        1 => Value::Bool(u.arbitrary()?),
        2 => json!(u.arbitrary::<i64>()?),
        3 => serde_json::Number::from_f64(u.arbitrary()?).map_or(Value::Null, Value::Number),
        4 => json!({ "day": string(u, form)?, "month": string(u, form)?, "year": string(u, form)? }),
        5 if depth < 3 => {
            let n = u.int_in_range(0..=3u8)?;
            Value::Array((0..n).map(|_| value(u, form, depth + 1)).collect::<Result<_>>()?)
        }
        6 if depth < 3 => {
            let n = u.int_in_range(0..=3u8)?;
            let mut m = Map::new();
            for _ in 0..n {
                let key = match form.pointers.is_empty() || u.arbitrary::<bool>()? {
                    true => string(u, form)?,
                    false => u.choose(&form.pointers)?.rsplit('/').next().unwrap_or("").to_owned(),
                };
                m.insert(key, value(u, form, depth + 1)?);
            }
            Value::Object(m)
        }
        _ => Value::String(string(u, form)?),
    })
}

fn pointer(u: &mut Unstructured, form: &FormInfo) -> Result<String> {
    if form.pointers.is_empty() || u.ratio(1, 16)? {
        return Ok(u
            .choose(&["", "/", "no-slash", "/a~2b", "/children/01", "/x/99999999999999999999", "/~1/~0"])?
            .to_string());
    }
    let mut p = u.choose(&form.pointers)?.clone();
    while let Some(at) = p.find("{i}") {
        let i = *u.choose(&["0", "0", "1", "2", "-", "7"])?;
        p.replace_range(at..at + 3, i);
    }
    if u.ratio(1, 8)? {
        p.push('/');
        p.push_str(u.choose(&["day", "month", "year", "0", "-", "x"])?);
    }
    Ok(p)
}

/// A bug this target found, now fixed: `FormSession::set` with a pointer through a list index beyond the end (e.g.
/// "/route/3" when route holds text) replaced what was on the way with an empty list and then refused the edit,
/// without refreshing the report. Set to true only to hunt another bug past one like it: the check after a refused
/// edit (the data and the report exactly as they were) is then skipped.
const KNOWN_BUG_REFUSED_EDIT_CHANGES_DATA: bool = false;

/// SF_FUZZ_TRACE=1 prints each edit (to read a finding: run the target on the artifact with it set).
fn trace() -> bool {
    static TRACE: OnceLock<bool> = OnceLock::new();
    *TRACE.get_or_init(|| std::env::var_os("SF_FUZZ_TRACE").is_some())
}

thread_local! {
    static LAST_REFUSED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn last_refused() -> bool {
    LAST_REFUSED.with(std::cell::Cell::get)
}

/// The data before an edit, kept only when a refused edit is to be checked for leaving it alone.
fn refused_check_data(s: &FormSession) -> Option<Value> {
    (!KNOWN_BUG_REFUSED_EDIT_CHANGES_DATA).then(|| Value::from(s.data()))
}

/// After a refused edit: the data must be as it was (once the known bug is fixed).
fn refused(s: &FormSession, was_refused: bool, before: Option<Value>, id: &str, options: &Options) {
    LAST_REFUSED.with(|c| c.set(was_refused));
    if was_refused {
        if let Some(before) = before {
            assert_eq!(Value::from(s.data()), before, "a refused edit changed the data");
            check(s, id, options);
        }
    }
}

fn check(s: &FormSession, id: &str, options: &Options) {
    let data = Value::from(s.data());
    let expected = safeguarding_forms::validate(id, &data, options).expect("a listed form");
    assert_eq!(s.report(), &expected, "the session's report is not validate() of its data");
}

fn edits(u: &mut Unstructured) -> Result<()> {
    let all = forms();
    let form = &all[usize::from(u.arbitrary::<u8>()?) % all.len()];
    let options = options(u.arbitrary()?);
    let mut s = FormSession::new(&form.id, &options).expect("a listed form");
    let mut steps = 0;
    let trace = trace();
    if trace {
        eprintln!("form {}", form.id);
    }
    while !u.is_empty() && steps < 64 {
        steps += 1;
        match u.int_in_range(0..=9u8)? {
            0..=6 => {
                let p = pointer(u, form)?;
                let v = value(u, form, 0)?;
                let before = refused_check_data(&s);
                let r = s.set(&p, v.clone()).map(|_| ());
                refused(&s, r.is_err(), before, &form.id, &options);
                if trace {
                    eprintln!("set {p:?} {v} -> {r:?}\n  data {}", Value::from(s.data()));
                }
            }
            7 | 8 => {
                let p = pointer(u, form)?;
                let before = refused_check_data(&s);
                let r = s.remove(&p).map(|_| ());
                refused(&s, r.is_err(), before, &form.id, &options);
                if trace {
                    eprintln!("remove {p:?} -> {r:?}\n  data {}", Value::from(s.data()));
                }
            }
            _ => {
                let v = value(u, form, 0)?;
                let before = refused_check_data(&s);
                let r = s.load(v.clone()).map(|_| ());
                refused(&s, r.is_err(), before, &form.id, &options);
                if trace {
                    eprintln!("load {v} -> {r:?}");
                }
            }
        }
        if !KNOWN_BUG_REFUSED_EDIT_CHANGES_DATA || !last_refused() {
            check(&s, &form.id, &options);
        }
    }
    assert_no_echo(&form.id, &Value::from(s.data()), &options, s.report());
    Ok(())
}

fn whole_then_fields(bytes: &[u8]) {
    let (id, rest) = split_form(bytes);
    let Ok(Value::Object(data)) = input::parse(&String::from_utf8_lossy(rest)).map(Value::from) else { return };
    let options = options(0);
    if let Some(form) = forms().iter().find(|f| f.id == id) {
        let expected = safeguarding_forms::validate(&form.id, &Value::Object(data.clone()), &options).expect("a form");
        let mut whole = FormSession::new(&form.id, &options).expect("a form");
        assert_eq!(whole.load(Value::Object(data.clone())).ok(), Some(&expected));
        let mut fields = FormSession::new(&form.id, &options).expect("a form");
        for (k, v) in &data {
            let p = format!("/{}", k.replace('~', "~0").replace('/', "~1"));
            fields.set(&p, v.clone()).expect("a top-level pointer is always valid");
        }
        assert_eq!(fields.report(), &expected, "field by field differs from the whole form");
    }
}

fuzz_target!(|data: &[u8]| {
    if let Some((&0xFF, rest)) = data.split_first() {
        whole_then_fields(rest);
        return;
    }
    let _ = edits(&mut Unstructured::new(data));
});
