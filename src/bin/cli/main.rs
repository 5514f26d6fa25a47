//! The command line over the native library: `validate`, `batch`, `rules`, `schema`, `forms`, `catalogue`, `docs`,
//! `types`.
//! Exit codes: 0 ran and nothing at the fail level, 1 findings at the fail level, 2 usage, input or output error.

use std::io::Write;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

mod batch;
mod council_doc;
mod docs;
mod profile;
mod source;
mod table;
mod types;

/// mimalloc: a batch allocates and frees a few hundred small values a record (the data read, the report), which
/// glibc's malloc made a third of the run (BENCHMARKS.md, "Native").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use safeguarding_forms::{self as sf, Options, Report, RuleInfo, Severity, Stage};

const EXIT_CODES: &str = "\
Exit codes:
  0  it ran, and nothing was found at the fail level (validate: the form is valid)
  1  findings at the fail level (validate: the form is invalid; batch: see --fail-on)
  2  a usage error, or input or output that could not be read or written (a closed pipe ends without a message)";

const MAIN_HELP: &str = "\
Examples:
  safeguarding-forms forms
  safeguarding-forms validate sf-referral referral.json --today 2025-06-02 --stage submit
  safeguarding-forms batch sf-referral referrals.jsonl --id-field /childId -o findings.xlsx
  safeguarding-forms rules sf-referral --markdown

Exit codes:
  0  it ran, and nothing was found at the fail level (validate: the form is valid)
  1  findings at the fail level (validate: the form is invalid; batch: see --fail-on)
  2  a usage error, or input or output that could not be read or written (a closed pipe ends without a message)";

const BATCH_HELP: &str = "\
Input: JSON Lines, one record (a JSON object) per line, in UTF-8 with or without a byte-order mark, or UTF-16 with
one (as a PowerShell redirect writes it); Windows (CRLF) or Unix line ends; blank lines are skipped. A line that
cannot be read (not UTF-8, not JSON, not an object) is reported by its number, never its content, and the batch
goes on. Records are read, checked in parallel and written in order, so memory stays flat whatever the file's size.

Output: without --format or -o, only the summary (on standard output). With --format jsonl, csv or xlsx, one
report per record (jsonl) or one row per finding (csv, xlsx: record id, line, form, rule, rule name, severity,
field, field label, message; a line that could not be read is a row with no rule), on standard output or into -o
FILE. The summary by rule goes to standard error when the findings take standard output, else to standard output;
the xlsx file also has a Summary sheet, and --summary FILE writes it as CSV. --quiet leaves it out.

Examples:
  # Last week's export, findings keyed by child id, for Excel
  safeguarding-forms batch sf-referral referrals.jsonl --id-field /childId -o findings.xlsx
  # As CSV on standard output, warnings fail the run, one noisy rule left out
  safeguarding-forms batch sf-referral referrals.jsonl --format csv --fail-on warning --ignore INP-015 > findings.csv
  # A scheduled run (crontab): every Monday at 06:00, exit code 1 when there are errors
  0 6 * * 1  safeguarding-forms batch sf-referral /data/referrals.jsonl -q -o /data/findings.csv --summary /data/summary.csv

Exit codes:
  0  it ran, and nothing was found at the --fail-on level
  1  findings at the --fail-on level (a line that could not be read counts as an error)
  2  a usage error, or input or output that could not be read or written (a closed pipe ends without a message)";

#[derive(Parser)]
#[command(
    name = "safeguarding-forms",
    version,
    about = "Validate children's social care case-recording forms (the same rules as the browser package)",
    after_help = MAIN_HELP
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum StageArg {
    /// Being written: a missing required answer is information, not an error
    Draft,
    /// Submitted: every rule at its full severity
    Submit,
}

/// The options every check takes; `options()` turns them into the engine's.
#[derive(Args)]
struct CheckArgs {
    /// Today's date, for timescales and ages [default: the current date in Europe/London]
    #[arg(long, value_name = "YYYY-MM-DD")]
    today: Option<String>,
    /// The council's profile: a built-in id (telford-wrekin, west-sussex, walsall, south-glos) or a profile
    /// file (FILE.json: one version, or a list of versions with effectiveFrom)
    #[arg(long, value_name = "ID|FILE.json")]
    profile: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Check one form and print its report
    #[command(after_help = EXIT_CODES)]
    Validate {
        /// The form's id (see `forms`), e.g. sf-referral
        form: String,
        /// The form's data: a JSON file (UTF-8, or UTF-16 with a byte-order mark), or `-` for standard input
        file: String,
        #[command(flatten)]
        check: CheckArgs,
        /// Check as a draft or as submitted
        #[arg(long, value_enum, default_value = "draft")]
        stage: StageArg,
        /// Print the report as JSON
        #[arg(long)]
        json: bool,
    },
    /// Check every record of a JSON Lines file (a data-quality run): a summary by rule, and the findings as JSON Lines,
    /// CSV or Excel
    #[command(after_help = BATCH_HELP)]
    Batch(batch::BatchArgs),
    /// The rule catalogue, of one form or of all: code, form, severity, fidelity, name and source
    #[command(after_help = EXIT_CODES)]
    Rules {
        /// A form's id (see `forms`); every form when left out
        form: Option<String>,
        /// Show the severities and values of this council's profile: a built-in id (telford-wrekin, west-sussex,
        /// walsall, south-glos) or a profile file (FILE.json: one version, or a list of versions with effectiveFrom)
        #[arg(long, value_name = "ID|FILE.json")]
        profile: Option<String>,
        /// Print the catalogue as JSON
        #[arg(long, conflicts_with = "markdown")]
        json: bool,
        /// Print the catalogue as a Markdown table
        #[arg(long)]
        markdown: bool,
    },
    /// The JSON Schema of a form's data (`--dialect draft-07` for form renderers), its outcome's (`--outcome`) or the
    /// UI schema for a form library (`--ui rjsf|jsonforms`)
    #[command(after_help = EXIT_CODES)]
    Schema {
        /// The form's id (see `forms`)
        form: String,
        /// "2020-12" (default) or "draft-07"
        #[arg(long, default_value = "2020-12")]
        dialect: String,
        /// The JSON Schema of the form's outcome instead
        #[arg(long)]
        outcome: bool,
        /// The UI schema for "rjsf" or "jsonforms" instead
        #[arg(long)]
        ui: Option<String>,
        /// The form's schema under this council's profile (its local lists and narrowed choices): a built-in id or a
        /// profile file (FILE.json)
        #[arg(long, value_name = "ID|FILE.json", conflicts_with_all = ["outcome", "ui"])]
        profile: Option<String>,
    },
    /// The JSON Schema of a council profile document
    #[command(after_help = EXIT_CODES)]
    ProfileSchema,
    /// Check a council profile file: every problem with its place in the document (exit 0 valid, 1 not valid)
    #[command(after_help = EXIT_CODES)]
    CheckProfile {
        /// The profile file (JSON: one version, or a list of versions with effectiveFrom)
        file: String,
        /// Print { valid, problems } as JSON
        #[arg(long)]
        json: bool,
    },
    /// The forms the engine knows: id, number of rules and title
    #[command(after_help = EXIT_CODES)]
    Forms {
        /// Print them as JSON (id, title, source, fields, rules)
        #[arg(long)]
        json: bool,
    },
    /// Every message id and its English template, as a table to translate (`options.messages`)
    #[command(after_help = EXIT_CODES)]
    Messages,
    /// Write the TypeScript types of every form's data into FILE, or check it is current
    Types {
        /// The .d.ts file to write (or check)
        file: String,
        /// Only check the file is current (exit 1 when it is not)
        #[arg(long)]
        check: bool,
    },
    /// Write the catalogue the npm package's JavaScript reads (catalogue.json): forms, the rules' text, every
    /// schema (both dialects), the UI schemas, outcome and profile schemas, messages; of every form, or of one
    #[command(after_help = EXIT_CODES)]
    Catalogue {
        /// Only this form, as its own module gives it (see `forms`)
        #[arg(long)]
        form: Option<String>,
        /// Write it into FILE instead of standard output
        #[arg(short, long, value_name = "FILE")]
        output: Option<String>,
    },
    /// Write the generated documentation (rules.md, messages.md, forms/<id>.md) into DIR, or check it is current
    Docs {
        /// The folder to write (or check)
        dir: String,
        /// Only check the files are current (exit 1 when they are not)
        #[arg(long)]
        check: bool,
    },
}

/// Why a command stopped before its end.
pub enum Failure {
    /// A usage, input or output error, said on standard error (exit 2).
    Message(String),
    /// The reader of standard output went away (`| head`): end quietly (exit 2).
    BrokenPipe,
}

impl From<String> for Failure {
    fn from(message: String) -> Failure {
        Failure::Message(message)
    }
}

/// An error writing the output: a closed pipe ends quietly, anything else is said.
pub fn write_failure(what: &str, e: &std::io::Error) -> Failure {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Failure::BrokenPipe
    } else {
        Failure::Message(format!("cannot write {what}: {e}"))
    }
}

/// Writes to standard error, ignoring a failure (standard error is where failures would be said).
pub fn note(text: &str) {
    let _ = std::io::stderr().write_all(text.as_bytes());
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(Failure::Message(message)) => {
            note(&format!("safeguarding-forms: {message}\n"));
            ExitCode::from(2)
        }
        Err(Failure::BrokenPipe) => ExitCode::from(2),
    }
}

fn run(cli: Cli) -> Result<ExitCode, Failure> {
    if source::closed_at_start(1) {
        return Err(Failure::Message("standard output is closed".into()));
    }
    let mut out = std::io::stdout().lock();
    let w = |e: std::io::Error| write_failure("to standard output", &e);
    match cli.command {
        Command::Validate { form, file, check, stage, json } => {
            let options = options(&check, stage)?;
            let text = source::read_all(&file)?;
            let report = sf::validate_json(&form, &text, &options).map_err(|e| e.to_string())?;
            if json {
                writeln!(out, "{}", report.to_json()).map_err(w)?;
            } else {
                print_report(&mut out, &report).map_err(w)?;
            }
            out.flush().map_err(w)?;
            Ok(if report.valid { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        Command::Batch(args) => {
            let options = options(&args.check, args.stage)?;
            batch::run(&args, &options)
        }
        Command::Rules { form, profile, json, markdown } => {
            let mut options = Options::new();
            if let Some(p) = profile {
                options = profile::apply(options, &p)?;
            }
            let rules = sf::rules(form.as_deref(), &options).map_err(|e| e.to_string())?;
            let text = if json {
                serde_json::to_string_pretty(&rules).map_err(|e| e.to_string())?
            } else if markdown {
                rules_markdown(&rules)
            } else {
                rules_table(&rules)
            };
            writeln!(out, "{text}").map_err(w)?;
            out.flush().map_err(w)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Schema { form, dialect, outcome, ui, profile } => {
            let schema = if outcome {
                sf::outcome_schema(&form)
            } else if let Some(library) = ui {
                let library =
                    sf::Library::parse(&library).ok_or_else(|| "--ui must be rjsf or jsonforms".to_owned())?;
                sf::ui_schema(&form, library)
            } else {
                let dialect =
                    sf::Dialect::parse(&dialect).ok_or_else(|| "--dialect must be 2020-12 or draft-07".to_owned())?;
                match profile {
                    Some(p) => sf::schema_for(&form, &profile::apply(Options::new(), &p)?, dialect),
                    None => sf::schema_in(&form, dialect),
                }
            }
            .map_err(|e| e.to_string())?;
            let text = serde_json::to_string_pretty(&schema).map_err(|e| e.to_string())?;
            writeln!(out, "{text}").map_err(w)?;
            out.flush().map_err(w)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::ProfileSchema => {
            let text = serde_json::to_string_pretty(&sf::profile_schema()).map_err(|e| e.to_string())?;
            writeln!(out, "{text}").map_err(w)?;
            out.flush().map_err(w)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::CheckProfile { file, json } => {
            let valid = profile::check(&file, json, &mut out)?;
            out.flush().map_err(w)?;
            Ok(if valid { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        Command::Catalogue { form, output } => {
            let doc = sf::catalogue::document(form.as_deref()).map_err(|e| e.to_string())?;
            let text = serde_json::to_string(&doc).map_err(|e| e.to_string())? + "\n";
            match output {
                Some(file) => std::fs::write(&file, text).map_err(|e| format!("cannot write {file}: {e}"))?,
                None => {
                    out.write_all(text.as_bytes()).map_err(w)?;
                    out.flush().map_err(w)?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Docs { dir, check } => Ok(docs::run(&dir, check)?),
        Command::Types { file, check } => Ok(types::run(&file, check)?),
        Command::Messages => {
            let table: serde_json::Map<String, serde_json::Value> =
                sf::messages().into_iter().map(|m| (m.id, serde_json::Value::String(m.template))).collect();
            let text = serde_json::to_string_pretty(&table).map_err(|e| e.to_string())?;
            writeln!(out, "{text}").map_err(w)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Forms { json } => {
            let forms = sf::forms();
            if json {
                let text = serde_json::to_string_pretty(&forms).map_err(|e| e.to_string())?;
                writeln!(out, "{text}").map_err(w)?;
            } else {
                for f in forms {
                    let rules = plural(f.rules, "rule", "rules");
                    writeln!(out, "{:<28} {rules:>9}  {}", f.id, f.title).map_err(w)?;
                }
            }
            out.flush().map_err(w)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The engine's options from the command line's: the one place a new option (a profile file, closure days) is read.
fn options(check: &CheckArgs, stage: StageArg) -> Result<Options, String> {
    let mut options = Options::new();
    if let Some(t) = &check.today {
        options = options.today(t).map_err(|e| e.to_string())?;
    }
    options = options.stage(match stage {
        StageArg::Draft => Stage::Draft,
        StageArg::Submit => Stage::Submit,
    });
    if let Some(p) = &check.profile {
        options = profile::apply(options, p)?;
    }
    // Resolve once here so a bad profile is a usage error, not a per-record one.
    options.resolve().map_err(|e| e.to_string())?;
    Ok(options)
}

/// "1 record", "1,000,000 records".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n as u64), if n == 1 { one } else { many })
}

/// 1234567 → "1,234,567".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut s = String::with_capacity(digits.len().saturating_add(digits.len() / 3));
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len().saturating_sub(i)) % 3 == 0 {
            s.push(',');
        }
        s.push(c);
    }
    s
}

fn print_report(out: &mut impl Write, report: &Report) -> std::io::Result<()> {
    let errors = report.diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    let warnings = report.diagnostics.iter().filter(|d| d.severity == Severity::Warning).count();
    let status = if report.valid { "valid" } else { "invalid" };
    let (errors, warnings) = (plural(errors, "error", "errors"), plural(warnings, "warning", "warnings"));
    writeln!(out, "{}: {status} ({errors}, {warnings})", report.form)?;
    for d in &report.diagnostics {
        let path = if d.path.is_empty() { "(form)" } else { d.path.as_str() };
        write!(out, "  {:<7} {} {path}: {}", d.severity.as_str(), d.code, d.message)?;
        if let Some(due) = &d.due {
            write!(out, " (due {due})")?;
        }
        writeln!(out)?;
    }
    if let Some(outcome) = &report.outcome {
        writeln!(out, "outcome: {}", serde_json::to_string(outcome).unwrap_or_default())?;
    }
    Ok(())
}

fn rules_table(rules: &[RuleInfo]) -> String {
    let mut s = String::new();
    for r in rules {
        let fidelity = match r.citation.fidelity {
            sf::Fidelity::Same => "same",
            sf::Fidelity::Interpreted => "interpreted",
        };
        let severity = if !r.enabled {
            "off"
        } else if r.stage_dependent {
            "error*"
        } else {
            r.severity.as_str()
        };
        s.push_str(&format!(
            "{:<8} {:<20} {:<7} {:<11} {:<44} {}: {}\n",
            r.code, r.form, severity, fidelity, r.name, r.citation.document, r.citation.section
        ));
    }
    s.push_str("* info while drafting, error at submit");
    let set: Vec<String> = rules
        .iter()
        .filter_map(|r| {
            let by = r.set_by.as_ref()?;
            let what = if r.enabled { r.severity.as_str() } else { "switched off" };
            Some(format!(
                "\n{} {what} by the {} profile{}",
                r.code,
                by.profile,
                by.source.as_deref().map(|s| format!(": {s}")).unwrap_or_default()
            ))
        })
        .collect();
    if !set.is_empty() {
        s.push('\n');
        s.push_str(&set.concat());
    }
    s
}

fn rules_markdown(rules: &[RuleInfo]) -> String {
    let mut s = String::from(
        "| code | form | name | severity | summary | source | fidelity |\n|---|---|---|---|---|---|---|\n",
    );
    for r in rules {
        let severity = if r.stage_dependent { "error (info in draft)" } else { r.severity.as_str() };
        let fidelity = match r.citation.fidelity {
            sf::Fidelity::Same => "same",
            sf::Fidelity::Interpreted => "interpreted",
        };
        s.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} — {} | {} |\n",
            r.code,
            r.form,
            r.name,
            severity,
            r.summary.replace('|', "\\|"),
            r.citation.document,
            r.citation.section,
            fidelity
        ));
    }
    s
}

// The summary's rate and counts are read by people: whole numbers with thousands separators.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_and_plurals() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1_210), "1,210");
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(plural(1, "record", "records"), "1 record");
        assert_eq!(plural(0, "record", "records"), "0 records");
        assert_eq!(plural(12_345, "record", "records"), "12,345 records");
    }
}
