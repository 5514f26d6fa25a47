//! `batch`: every record of a JSON Lines file, checked in parallel with exactly the browser's rules, with a progress
//! bar on a terminal and a summary (records, valid, invalid, malformed lines, findings by rule code and severity).

use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use safeguarding_forms::{self as sf, Options, Report, Severity};

/// What one line gave: only what the summary needs, and the report's JSON line when asked for (a whole Report per
/// record would hold hundreds of megabytes for a caseload).
enum Outcome {
    Checked(Checked),
    /// A line that is not a JSON object (its number, and why — never its text).
    Malformed(String),
    Blank,
}

pub fn run(form: &str, file: &str, options: &Options, json: bool, out: &mut impl Write) -> Result<ExitCode, String> {
    // An unknown form is a usage error before any work.
    sf::schema(form).map_err(|e| e.to_string())?;
    let text = if file == "-" {
        std::io::read_to_string(std::io::stdin()).map_err(|e| format!("cannot read standard input: {e}"))?
    } else {
        std::fs::read_to_string(file).map_err(|e| format!("cannot read {file}: {e}"))?
    };
    let lines: Vec<&str> = text.lines().collect();
    let bar = ProgressBar::new(u64::try_from(lines.len()).unwrap_or(u64::MAX));
    bar.set_style(
        ProgressStyle::with_template("{spinner} {bar:40} {pos}/{len} records ({per_sec}, {eta} left)")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let outcomes: Vec<Outcome> = lines
        .par_iter()
        .map(|line| {
            let result = if line.trim().is_empty() {
                Outcome::Blank
            } else {
                match sf::validate_json(form, line, options) {
                    Ok(r) => Outcome::Checked(Checked::of(&r, json)),
                    Err(e) => Outcome::Malformed(e.to_string()),
                }
            };
            bar.inc(1);
            result
        })
        .collect();
    bar.finish_and_clear();

    let mut summary = Summary::default();
    for (i, o) in outcomes.iter().enumerate() {
        let line_no = i.saturating_add(1);
        match o {
            Outcome::Blank => {}
            Outcome::Malformed(why) => {
                summary.malformed.push((line_no, why.clone()));
                if json {
                    let v = serde_json::json!({ "line": line_no, "error": why });
                    writeln!(out, "{v}").map_err(|e| e.to_string())?;
                }
            }
            Outcome::Checked(c) => {
                summary.add(c);
                if let Some(line) = &c.json {
                    // The report's own JSON with the line number added as its last field.
                    let body = line.strip_suffix('}').unwrap_or(line);
                    writeln!(out, "{body},\"line\":{line_no}}}").map_err(|e| e.to_string())?;
                }
            }
        }
    }
    let text = summary.render(form);
    if json {
        eprint!("{text}");
    } else {
        write!(out, "{text}").map_err(|e| e.to_string())?;
    }
    let all_valid = summary.invalid == 0 && summary.malformed.is_empty();
    Ok(if all_valid { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// One record's result, kept small.
struct Checked {
    valid: bool,
    findings: Vec<(String, Severity)>,
    json: Option<String>,
}

impl Checked {
    fn of(r: &Report, keep_json: bool) -> Checked {
        Checked {
            valid: r.valid,
            findings: r.diagnostics.iter().map(|d| (d.code.clone(), d.severity)).collect(),
            json: keep_json.then(|| r.to_json()),
        }
    }
}

#[derive(Default)]
struct Summary {
    records: usize,
    valid: usize,
    invalid: usize,
    malformed: Vec<(usize, String)>,
    /// (code, severity) → findings, and how many records had it.
    by_rule: BTreeMap<(String, &'static str), (usize, usize)>,
}

impl Summary {
    fn add(&mut self, r: &Checked) {
        self.records = self.records.saturating_add(1);
        if r.valid {
            self.valid = self.valid.saturating_add(1);
        } else {
            self.invalid = self.invalid.saturating_add(1);
        }
        let mut seen: Vec<(&str, Severity)> = Vec::new();
        for (code, severity) in &r.findings {
            let entry = self.by_rule.entry((code.clone(), severity.as_str())).or_insert((0, 0));
            entry.0 = entry.0.saturating_add(1);
            if !seen.contains(&(code.as_str(), *severity)) {
                seen.push((code.as_str(), *severity));
                entry.1 = entry.1.saturating_add(1);
            }
        }
    }

    fn render(&self, form: &str) -> String {
        let mut s = format!(
            "{form}: {} records, {} valid, {} invalid, {} malformed lines\n",
            self.records,
            self.valid,
            self.invalid,
            self.malformed.len()
        );
        for (line, why) in self.malformed.iter().take(20) {
            s.push_str(&format!("  line {line}: {why}\n"));
        }
        if self.malformed.len() > 20 {
            s.push_str(&format!("  … and {} more malformed lines\n", self.malformed.len().saturating_sub(20)));
        }
        if !self.by_rule.is_empty() {
            s.push_str("findings by rule:\n");
            s.push_str(&format!("  {:<9} {:<8} {:>9} {:>9}\n", "code", "severity", "findings", "records"));
            for ((code, severity), (findings, records)) in &self.by_rule {
                s.push_str(&format!("  {code:<9} {severity:<8} {findings:>9} {records:>9}\n"));
            }
        }
        s
    }
}
