//! The command line over the native library: `validate`, `rules`, `schema`.
//! Exit codes: 0 valid, 1 invalid, 2 usage or input error.

use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

mod batch;
mod council_doc;
mod docs;
mod profile;
mod types;
use safeguarding_forms::{self as sf, Options, Report, RuleInfo, Severity, Stage};

#[derive(Parser)]
#[command(name = "safeguarding-forms", version, about = "Validate children's social care case-recording forms")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum StageArg {
    Draft,
    Submit,
}

#[derive(Subcommand)]
enum Command {
    /// Check one form (a JSON file; `-` for standard input) and print its report.
    Validate {
        form: String,
        file: String,
        /// Today's date (YYYY-MM-DD); default: the current date in Europe/London.
        #[arg(long)]
        today: Option<String>,
        #[arg(long, value_enum, default_value = "draft")]
        stage: StageArg,
        /// The council's profile: a built-in id (telford-wrekin, west-sussex, walsall, south-glos) or a profile
        /// file (FILE.json: one version, or a list of versions with effectiveFrom).
        #[arg(long, value_name = "ID|FILE.json")]
        profile: Option<String>,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Check every record of a JSON Lines file in parallel and print a summary (the weekly data-quality report).
    Batch {
        form: String,
        file: String,
        #[arg(long)]
        today: Option<String>,
        #[arg(long, value_enum, default_value = "submit")]
        stage: StageArg,
        /// The council's profile: a built-in id (telford-wrekin, west-sussex, walsall, south-glos) or a profile
        /// file (FILE.json: one version, or a list of versions with effectiveFrom).
        #[arg(long, value_name = "ID|FILE.json")]
        profile: Option<String>,
        /// Print one report per line on standard output (the summary goes to standard error).
        #[arg(long)]
        json: bool,
    },
    /// The rule catalogue, of one form or of all.
    Rules {
        form: Option<String>,
        /// The council's profile: a built-in id (telford-wrekin, west-sussex, walsall, south-glos) or a profile
        /// file (FILE.json: one version, or a list of versions with effectiveFrom).
        #[arg(long, value_name = "ID|FILE.json")]
        profile: Option<String>,
        #[arg(long, conflicts_with = "markdown")]
        json: bool,
        #[arg(long)]
        markdown: bool,
    },
    /// The JSON Schema of a form's data (`--dialect draft-07` for form renderers), its outcome's (`--outcome`) or the
    /// UI schema for a form library (`--ui rjsf|jsonforms`).
    Schema {
        form: String,
        /// "2020-12" (default) or "draft-07".
        #[arg(long, default_value = "2020-12")]
        dialect: String,
        /// The JSON Schema of the form's outcome instead.
        #[arg(long)]
        outcome: bool,
        /// The UI schema for "rjsf" or "jsonforms" instead.
        #[arg(long)]
        ui: Option<String>,
    },
    /// The JSON Schema of a council profile document.
    ProfileSchema,
    /// Check a council profile file: every problem with its place in the document (exit 0 valid, 1 not valid).
    CheckProfile {
        file: String,
        /// Print { valid, problems } as JSON.
        #[arg(long)]
        json: bool,
    },
    /// The forms the engine knows.
    Forms,
    /// Write the TypeScript types of every form's data into FILE, or check it is current.
    Types {
        file: String,
        #[arg(long)]
        check: bool,
    },
    /// Write the generated documentation (rules.md, forms/<id>.md) into DIR, or check it is current.
    Docs {
        dir: String,
        #[arg(long)]
        check: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("safeguarding-forms: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    let mut out = std::io::stdout().lock();
    match cli.command {
        Command::Validate { form, file, today, stage, profile, json } => {
            let options = make_options(today, stage, profile)?;
            let text = if file == "-" {
                std::io::read_to_string(std::io::stdin()).map_err(|e| format!("cannot read standard input: {e}"))?
            } else {
                std::fs::read_to_string(&file).map_err(|e| format!("cannot read {file}: {e}"))?
            };
            let report = sf::validate_json(&form, &text, &options).map_err(|e| e.to_string())?;
            if json {
                writeln!(out, "{}", report.to_json()).map_err(|e| e.to_string())?;
            } else {
                print_report(&mut out, &report).map_err(|e| e.to_string())?;
            }
            Ok(if report.valid { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        Command::Batch { form, file, today, stage, profile, json } => {
            let options = make_options(today, stage, profile)?;
            batch::run(&form, &file, &options, json, &mut out)
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
            writeln!(out, "{text}").map_err(|e| e.to_string())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Schema { form, dialect, outcome, ui } => {
            let schema = if outcome {
                sf::outcome_schema(&form)
            } else if let Some(library) = ui {
                let library = sf::Library::parse(&library).ok_or("--ui must be rjsf or jsonforms")?;
                sf::ui_schema(&form, library)
            } else {
                let dialect = sf::Dialect::parse(&dialect).ok_or("--dialect must be 2020-12 or draft-07")?;
                sf::schema_in(&form, dialect)
            }
            .map_err(|e| e.to_string())?;
            let text = serde_json::to_string_pretty(&schema).map_err(|e| e.to_string())?;
            writeln!(out, "{text}").map_err(|e| e.to_string())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::ProfileSchema => {
            let text = serde_json::to_string_pretty(&sf::profile_schema()).map_err(|e| e.to_string())?;
            writeln!(out, "{text}").map_err(|e| e.to_string())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::CheckProfile { file, json } => {
            let valid = profile::check(&file, json, &mut out)?;
            Ok(if valid { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        Command::Docs { dir, check } => docs::run(&dir, check),
        Command::Types { file, check } => types::run(&file, check),
        Command::Forms => {
            for f in sf::forms() {
                writeln!(out, "{:<28} {:>3} rules  {}", f.id, f.rules, f.title).map_err(|e| e.to_string())?;
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn make_options(today: Option<String>, stage: StageArg, profile: Option<String>) -> Result<Options, String> {
    let mut options = Options::new();
    if let Some(t) = today {
        options = options.today(&t).map_err(|e| e.to_string())?;
    }
    options = options.stage(match stage {
        StageArg::Draft => Stage::Draft,
        StageArg::Submit => Stage::Submit,
    });
    if let Some(p) = profile {
        options = profile::apply(options, &p)?;
    }
    // Resolve once here so a bad profile is a usage error, not a per-record one.
    options.resolve().map_err(|e| e.to_string())?;
    Ok(options)
}

fn print_report(out: &mut impl Write, report: &Report) -> std::io::Result<()> {
    let errors = report.diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    let warnings = report.diagnostics.iter().filter(|d| d.severity == Severity::Warning).count();
    let status = if report.valid { "valid" } else { "invalid" };
    writeln!(out, "{}: {status} ({errors} errors, {warnings} warnings)", report.form)?;
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
        let severity = if r.stage_dependent { "error*" } else { r.severity.as_str() };
        s.push_str(&format!(
            "{:<8} {:<20} {:<7} {:<11} {:<44} {}: {}\n",
            r.code, r.form, severity, fidelity, r.name, r.citation.document, r.citation.section
        ));
    }
    s.push_str("* info while drafting, error at submit");
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
