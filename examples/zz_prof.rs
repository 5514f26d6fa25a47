use safeguarding_forms::{api, Options};
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let form = &args[1];
    let text = std::fs::read_to_string(&args[2]).unwrap();
    let lines: Vec<&str> = if args[2].ends_with(".jsonl") { text.lines().collect() } else { vec![text.as_str()] };
    let n: usize = args.get(3).map(|s| s.parse().unwrap()).unwrap_or(1000);
    let opts = match std::env::var("PROF") {
        Ok(f) => {
            let p: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap();
            Options::from_json(&serde_json::json!({"today": "2025-06-01", "profile": p})).unwrap()
        }
        Err(_) => Options::new().today("2025-06-01").unwrap(),
    };
    let resolved = opts.resolve().unwrap();
    let mut total = 0;
    for i in 0..n {
        let out = api::validate_json_text_resolved(form, lines[i % lines.len()], &resolved).unwrap();
        total += out.len();
    }
    println!("{total}");
}
