//! `batch`: every record of a JSON Lines file, checked with exactly the browser's rules. Three stages run at once, so
//! memory stays flat whatever the file's size: a reader thread decodes lines into chunks, a checker thread checks
//! each chunk's records in parallel (rayon), and this thread writes the results in input order and keeps the summary
//! (counts by rule, never the records). The channels between them hold at most a few chunks.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::Arc;
use std::time::Instant;

use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use safeguarding_forms::engine::options::Resolved;
use safeguarding_forms::engine::registry::{self, FormDef};
use safeguarding_forms::engine::value::Value;
use safeguarding_forms::forms::REGISTRY;
use safeguarding_forms::{self as sf, Diagnostic, Options, Report, Severity};

use crate::source::{self, Line, Source};
use crate::table::{Format, Row, Sink};
use crate::{note, plural, thousands, write_failure, CheckArgs, Failure, StageArg};

/// Lines per chunk, and the most bytes of text a chunk holds before it is sent on.
const CHUNK_LINES: usize = 2048;
const CHUNK_BYTES: usize = 8 * 1024 * 1024;
/// Chunks waiting between two stages.
const IN_FLIGHT: usize = 2;

#[derive(Args)]
pub struct BatchArgs {
    /// The form every record is (see `forms`), e.g. sf-referral
    pub form: String,
    /// The records: a JSON Lines file (see below for encodings), or `-` for standard input
    pub file: String,
    #[command(flatten)]
    pub check: CheckArgs,
    /// Check the records as drafts or as submitted
    #[arg(long, value_enum, default_value = "submit")]
    pub stage: StageArg,
    /// What to write: jsonl (one report per record), csv or xlsx (one row per finding)
    /// [default: from -o's extension, else only the summary]
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Write the findings into FILE instead of standard output (xlsx needs a file)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The same as --format jsonl
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
    /// A JSON Pointer to the record's id (e.g. /childId): its value fills the record id column (empty where absent)
    #[arg(long, value_name = "POINTER")]
    pub id_field: Option<String>,
    /// Report only these rule codes, comma-separated (e.g. REF-001,INP-003; see `rules FORM`); a JSON Lines
    /// report's `valid` then follows the findings kept
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub select: Vec<String>,
    /// Leave out these rule codes, comma-separated
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub ignore: Vec<String>,
    /// The findings that make the run fail (exit 1): error, warning (and errors), or never
    #[arg(long, value_enum, default_value = "error", value_name = "LEVEL")]
    pub fail_on: FailOn,
    /// Also write the summary by rule (rule, rule name, severity, findings, records) as CSV into FILE
    #[arg(long, value_name = "FILE")]
    pub summary: Option<PathBuf>,
    /// The input's encoding when it has no byte-order mark, e.g. windows-1252 [default: UTF-8]
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,
    /// No progress bar and no summary on the terminal (errors are still said)
    #[arg(short, long)]
    pub quiet: bool,
    /// Threads that check records [default: one per CPU]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Exit 1 when there is an error (or a line that cannot be read)
    Error,
    /// Exit 1 when there is a warning or an error
    Warning,
    /// Exit 0 whatever was found
    Never,
}

/// What checking one line gave: only what the output and the summary need.
pub enum Outcome {
    /// A blank line: skipped.
    Blank,
    /// A line that could not be read as a record: why (never its text).
    Unreadable {
        line: u64,
        reason: String,
    },
    Checked(Checked),
}

pub struct Checked {
    pub line: u64,
    /// The record's id (`--id-field`: empty where the record has none); `None` without `--id-field`.
    pub id: Option<String>,
    pub valid: bool,
    /// Each finding kept, as the summary counts it: its rule and severity.
    pub counted: Vec<(Counted, Severity)>,
    /// The findings themselves, when they are written as rows (CSV, Excel); empty otherwise.
    pub findings: Vec<Diagnostic>,
    /// The report as JSON text, when JSON Lines are written.
    pub json: Option<String>,
}

/// A finding's rule for the summary: its place in the form's list of rule codes (found without copying the code),
/// or the code itself for one the list does not hold (none does; kept so such a finding would still be counted).
pub enum Counted {
    Listed(u16),
    Other(String),
}

impl Counted {
    fn same(&self, other: &Counted) -> bool {
        match (self, other) {
            (Counted::Listed(a), Counted::Listed(b)) => a == b,
            (Counted::Other(a), Counted::Other(b)) => a == b,
            _ => false,
        }
    }
}

/// What the run writes for each record: what decides how much of the report a worker keeps.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Keep {
    /// The summary only: the findings' rules and severities. The engine renders no message (`codes_only`).
    Counts,
    /// A row per finding (CSV, Excel): the findings, messages and all.
    Rows,
    /// A report per record (JSON Lines): the report as JSON text.
    Reports,
}

/// What every worker needs to check a line: the options resolved once for every record.
struct Checker {
    form: &'static FormDef,
    resolved: Resolved,
    select: HashSet<String>,
    ignore: HashSet<String>,
    id_field: Option<String>,
    keep: Keep,
    /// The rule codes the form can report, sorted: a finding is counted by its place here.
    codes: Arc<[String]>,
}

impl Checker {
    fn check(&self, line: Line) -> Outcome {
        let number = line.number;
        let text = match line.text {
            Ok(t) => t,
            Err(problem) => return Outcome::Unreadable { line: number, reason: problem.reason() },
        };
        if text.trim().is_empty() {
            return Outcome::Blank;
        }
        let unreadable = |reason: String| Outcome::Unreadable { line: number, reason };
        let value = match sf::engine::input::parse_reusing(&text) {
            Ok(v) => v,
            Err(sf::Error::InvalidInput(why)) => return unreadable(why),
            Err(e) => return unreadable(e.to_string()),
        };
        let text_len = text.len();
        drop(text);
        let Value::Object(record) = &value else {
            return unreadable("not a JSON object (each line must hold one record, {…})".into());
        };
        let report = sf::api::validate_resolved(self.form, record, &self.resolved);
        let id = self.id_field.as_deref().map(|p| value.pointer(p).map(id_text).unwrap_or_default());
        sf::engine::input::recycle(value, text_len);
        let Report { form, mut diagnostics, outcome, .. } = report;
        if !(self.select.is_empty() && self.ignore.is_empty()) {
            diagnostics.retain(|d| {
                (self.select.is_empty() || self.select.contains(&d.code)) && !self.ignore.contains(&d.code)
            });
        }
        let valid = !diagnostics.iter().any(|d| d.severity == Severity::Error);
        let counted = diagnostics.iter().map(|d| (self.counted(&d.code), d.severity)).collect();
        let (findings, json) = match self.keep {
            Keep::Counts => (Vec::new(), None),
            Keep::Rows => (diagnostics, None),
            Keep::Reports => (Vec::new(), Some(Report { form, valid, diagnostics, outcome }.to_json())),
        };
        Outcome::Checked(Checked { line: number, id, valid, counted, findings, json })
    }

    fn counted(&self, code: &str) -> Counted {
        match self.codes.binary_search_by(|c| c.as_str().cmp(code)).ok().and_then(|i| u16::try_from(i).ok()) {
            Some(i) => Counted::Listed(i),
            None => Counted::Other(code.to_owned()),
        }
    }
}

/// A record id as a cell shows it: text as it is, a number or yes/no written out; cut to 200 characters.
fn id_text(v: &Value) -> String {
    let s = match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        _ => String::new(),
    };
    s.chars().take(200).collect()
}

/// A run's counts, kept as the records go by.
#[derive(Default)]
pub struct Summary {
    pub records: usize,
    pub valid: usize,
    pub invalid: usize,
    pub unreadable: usize,
    /// The first unreadable lines: number and why.
    pub unreadable_first: Vec<(u64, String)>,
    /// (code, severity) → (findings, records with it); complete once [`Summary::close`] has run.
    pub by_rule: BTreeMap<(String, Severity), (usize, usize)>,
    /// The rule codes counted by their place (`Counted::Listed`), and their counts by severity while the run goes.
    codes: Arc<[String]>,
    listed: Vec<[(usize, usize); 3]>,
}

const UNREADABLE_LISTED: usize = 20;

fn add_one(n: &mut usize) {
    *n = n.saturating_add(1);
}

impl Summary {
    fn new(codes: Arc<[String]>) -> Summary {
        let listed = vec![[(0, 0); 3]; codes.len()];
        Summary { codes, listed, ..Summary::default() }
    }

    fn add(&mut self, outcome: &Outcome) {
        match outcome {
            Outcome::Blank => {}
            Outcome::Unreadable { line, reason } => {
                add_one(&mut self.unreadable);
                if self.unreadable_first.len() < UNREADABLE_LISTED {
                    self.unreadable_first.push((*line, reason.clone()));
                }
            }
            Outcome::Checked(c) => {
                add_one(&mut self.records);
                add_one(if c.valid { &mut self.valid } else { &mut self.invalid });
                for (i, (rule, severity)) in c.counted.iter().enumerate() {
                    // A record counts once per rule and severity: at its first finding of them.
                    let first = !c.counted.iter().take(i).any(|(r, s)| s == severity && r.same(rule));
                    let entry = match rule {
                        Counted::Listed(at) => {
                            self.listed.get_mut(usize::from(*at)).and_then(|s| s.get_mut(*severity as usize))
                        }
                        Counted::Other(code) => Some(self.by_rule.entry((code.clone(), *severity)).or_insert((0, 0))),
                    };
                    if let Some((findings, records)) = entry {
                        add_one(findings);
                        if first {
                            add_one(records);
                        }
                    }
                }
            }
        }
    }

    /// Moves the counts kept by rule number into `by_rule`, by code.
    fn close(&mut self) {
        let severities = [Severity::Error, Severity::Warning, Severity::Info];
        for (code, counts) in self.codes.iter().zip(std::mem::take(&mut self.listed)) {
            for (severity, (findings, records)) in severities.into_iter().zip(counts) {
                if findings > 0 {
                    let entry = self.by_rule.entry((code.clone(), severity)).or_insert((0, 0));
                    entry.0 = entry.0.saturating_add(findings);
                    entry.1 = entry.1.saturating_add(records);
                }
            }
        }
    }

    /// Whether anything was found at the fail level.
    fn fails(&self, level: FailOn) -> bool {
        let at = |s: Severity| self.by_rule.keys().any(|(_, sev)| *sev == s);
        match level {
            FailOn::Never => false,
            FailOn::Error => self.unreadable > 0 || at(Severity::Error),
            FailOn::Warning => self.unreadable > 0 || at(Severity::Error) || at(Severity::Warning),
        }
    }

    pub fn render(&self, form: &str, names: &HashMap<String, String>) -> String {
        let mut s = format!(
            "{form}: {}, {} valid, {} invalid, {}\n",
            plural(self.records, "record", "records"),
            thousands(self.valid as u64),
            thousands(self.invalid as u64),
            plural(self.unreadable, "malformed line", "malformed lines"),
        );
        for (line, why) in &self.unreadable_first {
            s.push_str(&format!("  line {line}: {why}\n"));
        }
        if self.unreadable > self.unreadable_first.len() {
            let more = self.unreadable.saturating_sub(self.unreadable_first.len());
            s.push_str(&format!("  … and {}\n", plural(more, "more malformed line", "more malformed lines")));
        }
        if !self.by_rule.is_empty() {
            s.push_str("findings by rule:\n");
            s.push_str(&format!("  {:<9} {:<8} {:>9} {:>9}  {}\n", "code", "severity", "findings", "records", "name"));
            for ((code, severity), (findings, records)) in &self.by_rule {
                let name = names.get(code).map_or("", String::as_str);
                let (findings, records) = (thousands(*findings as u64), thousands(*records as u64));
                s.push_str(&format!("  {code:<9} {:<8} {findings:>9} {records:>9}  {name}\n", severity.as_str()));
            }
        }
        s
    }
}

/// A chunk of lines.
type Chunk = Vec<Line>;

fn read_chunks(mut source: Source, tx: SyncSender<Result<Chunk, String>>) {
    let mut number = 0u64;
    loop {
        let mut lines = Vec::with_capacity(CHUNK_LINES);
        let mut bytes = 0usize;
        let mut end = Ok(false);
        while lines.len() < CHUNK_LINES && bytes < CHUNK_BYTES {
            number = number.saturating_add(1);
            match source.next_line(number) {
                Ok(Some(line)) => {
                    bytes = bytes.saturating_add(line.text.as_ref().map_or(0, String::len));
                    lines.push(line);
                }
                Ok(None) => {
                    end = Ok(true);
                    break;
                }
                Err(e) => {
                    end = Err(format!("cannot read {}: {e}", source.name));
                    break;
                }
            }
        }
        // The lines read before an error are still checked and written.
        if !lines.is_empty() && tx.send(Ok(lines)).is_err() {
            return;
        }
        match end {
            Ok(false) => {}
            Ok(true) => return,
            Err(e) => {
                let _ = tx.send(Err(e));
                return;
            }
        }
    }
}

fn check_chunks(
    checker: Checker,
    pool: rayon::ThreadPool,
    rx: Receiver<Result<Chunk, String>>,
    tx: SyncSender<Result<Vec<Outcome>, String>>,
) {
    for chunk in rx {
        let checked = chunk.map(|lines| pool.install(|| lines.into_par_iter().map(|l| checker.check(l)).collect()));
        if tx.send(checked).is_err() {
            return;
        }
    }
}

/// The rule codes the form can report (its own and the shared input rules), with their names.
fn catalogue(form: &str, options: &Options) -> Result<HashMap<String, String>, String> {
    let rules = sf::rules(Some(form), options).map_err(|e| e.to_string())?;
    Ok(rules.into_iter().map(|r| (r.code, r.name)).collect())
}

fn rule_codes(
    given: &[String],
    names: &HashMap<String, String>,
    flag: &str,
    form: &str,
) -> Result<HashSet<String>, String> {
    let mut codes = HashSet::new();
    for code in given.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
        let code = code.to_ascii_uppercase();
        if !names.contains_key(&code) {
            return Err(format!("{flag}: {code} is not a rule of {form} (see `safeguarding-forms rules {form}`)"));
        }
        codes.insert(code);
    }
    Ok(codes)
}

pub fn run(args: &BatchArgs, options: &Options) -> Result<ExitCode, Failure> {
    // Every usage error before any work.
    let form: &'static FormDef = REGISTRY.find(&args.form).map_err(|e| e.to_string())?;
    let names = catalogue(form.id, options)?;
    let select = rule_codes(&args.select, &names, "--select", form.id)?;
    let ignore = rule_codes(&args.ignore, &names, "--ignore", form.id)?;
    if let Some(p) = &args.id_field {
        if !(p.is_empty() || p.starts_with('/')) {
            return Err(Failure::Message("--id-field must be a JSON Pointer, like /childId".into()));
        }
    }
    let format = match (args.format, args.json, &args.output) {
        (Some(f), _, _) => Some(f),
        (None, true, _) => Some(Format::Jsonl),
        (None, false, Some(path)) => Some(Format::from_path(path)?),
        (None, false, None) => None,
    };
    let encoding = args.encoding.as_deref().map(source::encoding).transpose()?;
    // The input first: a mistyped input path must not empty last week's findings file.
    let input = source::open(&args.file, encoding)?;
    let (size, read) = (input.size, Arc::clone(&input.read));
    let mut sink = Sink::open(format, args.output.as_deref())?;
    let findings_on_stdout = format.is_some() && args.output.is_none();

    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(n) = args.threads {
        pool = pool.num_threads(usize::from(n));
    }
    let pool = pool.build().map_err(|e| format!("cannot start the worker threads: {e}"))?;
    let keep = match format {
        None => Keep::Counts,
        Some(Format::Jsonl) => Keep::Reports,
        Some(Format::Csv | Format::Xlsx) => Keep::Rows,
    };
    let mut resolved = options.resolve().map_err(|e| e.to_string())?;
    resolved.codes_only = keep == Keep::Counts;
    let mut codes: Vec<String> = names.keys().cloned().collect();
    codes.sort_unstable();
    let codes: Arc<[String]> = codes.into();
    let checker =
        Checker { form, resolved, select, ignore, id_field: args.id_field.clone(), keep, codes: Arc::clone(&codes) };
    let (line_tx, line_rx) = sync_channel(IN_FLIGHT);
    let (done_tx, done_rx) = sync_channel(IN_FLIGHT);
    let spawn = |name: &str| std::thread::Builder::new().name(name.to_owned());
    spawn("read")
        .spawn(move || read_chunks(input, line_tx))
        .map_err(|e| format!("cannot start the reader thread: {e}"))?;
    spawn("check")
        .spawn(move || check_chunks(checker, pool, line_rx, done_tx))
        .map_err(|e| format!("cannot start the checker thread: {e}"))?;

    let bar = progress_bar(args.quiet, size);
    let started = Instant::now();
    let mut summary = Summary::new(codes);
    for result in done_rx {
        let outcomes = result.map_err(|e| {
            bar.finish_and_clear();
            Failure::Message(e)
        })?;
        for outcome in &outcomes {
            summary.add(outcome);
            write_rows(&mut sink, outcome, form, &names).inspect_err(|_| bar.finish_and_clear())?;
        }
        if size.is_some() {
            bar.set_position(read.load(std::sync::atomic::Ordering::Relaxed));
        } else {
            bar.inc(outcomes.len() as u64);
        }
        bar.set_message(plural(summary.records, "record", "records"));
    }
    bar.finish_and_clear();
    let elapsed = started.elapsed();
    summary.close();
    sink.finish(&summary, form, &names)?;

    let text = summary.render(form.id, &names);
    if let Some(path) = &args.summary {
        crate::table::write_summary_csv(path, &summary, &names)?;
    }
    if !args.quiet {
        if findings_on_stdout {
            note(&text);
        } else {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())
                .and_then(|()| out.flush())
                .map_err(|e| write_failure("to standard output", &e))?;
        }
        let seconds = elapsed.as_secs_f64();
        let rate = if seconds > 0.0 { (summary.records as f64 / seconds).round() as u64 } else { 0 };
        note(&format!(
            "checked {} in {seconds:.1} s ({}/s)\n",
            plural(summary.records, "record", "records"),
            thousands(rate)
        ));
    }
    Ok(if summary.fails(args.fail_on) { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn write_rows(
    sink: &mut Sink,
    outcome: &Outcome,
    form: &'static FormDef,
    names: &HashMap<String, String>,
) -> Result<(), Failure> {
    match outcome {
        Outcome::Blank => Ok(()),
        Outcome::Unreadable { line, reason } => sink.unreadable(*line, reason, form.id),
        Outcome::Checked(c) => {
            if let Some(json) = &c.json {
                return sink.report(json, c);
            }
            for d in &c.findings {
                sink.row(&Row {
                    id: c.id.as_deref().unwrap_or(""),
                    line: c.line,
                    form: form.id,
                    code: &d.code,
                    name: names.get(&d.code).map_or("", String::as_str),
                    severity: d.severity.as_str(),
                    path: &d.path,
                    label: registry::field_label(form.fields, &d.path).unwrap_or(""),
                    message: &d.message,
                })?;
            }
            Ok(())
        }
    }
}

/// A progress bar on a terminal only: by bytes for a file, a spinner counting records for standard input.
fn progress_bar(quiet: bool, size: Option<u64>) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    match size {
        Some(bytes) => {
            let bar = ProgressBar::new(bytes);
            bar.set_style(
                ProgressStyle::with_template("{bar:40} {percent:>3}% {msg} ({eta} left)")
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar
        }
        None => {
            let bar = ProgressBar::new_spinner();
            bar.set_style(
                ProgressStyle::with_template("{spinner} {msg}").unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar
        }
    }
}
