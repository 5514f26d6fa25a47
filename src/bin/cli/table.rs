//! Where a batch's findings go: JSON Lines (one report per record, as before), or a table of one row per finding —
//! CSV (the `csv` crate) or an Excel workbook (`rust_xlsxwriter`, in its constant-memory mode, so a million findings
//! never sit in memory) with a Summary sheet by rule.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use rust_xlsxwriter::{Format as CellFormat, Workbook, XlsxError};
use safeguarding_forms::engine::registry::FormDef;

use crate::batch::{Checked, Summary};
use crate::{write_failure, Failure};

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One report per record (JSON Lines), with its line number (and id with --id-field)
    Jsonl,
    /// One row per finding, comma-separated, UTF-8 with a byte-order mark (as Excel expects)
    Csv,
    /// One row per finding in an Excel workbook, with a Summary sheet by rule
    Xlsx,
}

impl Format {
    /// The format a file's extension names.
    pub fn from_path(path: &Path) -> Result<Format, String> {
        let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("csv") => Ok(Format::Csv),
            Some("xlsx") => Ok(Format::Xlsx),
            Some("jsonl" | "ndjson" | "json") => Ok(Format::Jsonl),
            _ => Err("say which format to write with --format jsonl, csv or xlsx (-o's extension does not)".into()),
        }
    }
}

/// The columns of a findings table.
pub const HEADERS: [&str; 9] =
    ["Record id", "Line", "Form", "Rule", "Rule name", "Severity", "Field", "Field label", "Message"];
const SUMMARY_HEADERS: [&str; 5] = ["Rule", "Rule name", "Severity", "Findings", "Records"];
/// The rule name of a line that could not be read (it has no rule code).
pub const UNREADABLE_NAME: &str = "line could not be read";

/// One finding as a table row.
pub struct Row<'a> {
    pub id: &'a str,
    pub line: u64,
    pub form: &'a str,
    pub code: &'a str,
    pub name: &'a str,
    pub severity: &'a str,
    pub path: &'a str,
    pub label: &'a str,
    pub message: &'a str,
}

pub enum Sink {
    /// No findings written: the summary only.
    None,
    Jsonl(BufWriter<Box<dyn Write>>, String),
    Csv(Box<csv::Writer<Box<dyn Write>>>, String),
    Xlsx(Box<Xlsx>),
}

/// Where to write: the file, created now (so a path that cannot be written is an error before any work), or standard
/// output; and its name for error messages.
fn destination(output: Option<&Path>) -> Result<(Box<dyn Write>, String), Failure> {
    match output {
        Some(path) => {
            let name = path.display().to_string();
            let file = File::create(path).map_err(|e| Failure::Message(format!("cannot write {name}: {e}")))?;
            Ok((Box::new(file), name))
        }
        None => Ok((Box::new(std::io::stdout()), "standard output".into())),
    }
}

fn csv_failure(name: &str, e: csv::Error) -> Failure {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => write_failure(&format!("to {name}"), &io),
        other => Failure::Message(format!("cannot write {name}: {other:?}")),
    }
}

/// A text cell for CSV: one that a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, a tab or a carriage
/// return first) gets a leading apostrophe, so opening the file runs nothing. Only a record id can start so.
pub fn csv_cell(s: &str) -> std::borrow::Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

impl Sink {
    pub fn open(format: Option<Format>, output: Option<&Path>) -> Result<Sink, Failure> {
        match format {
            None => {
                if output.is_some() {
                    return Err(Failure::Message("-o needs --format".into()));
                }
                Ok(Sink::None)
            }
            Some(Format::Jsonl) => {
                let (w, name) = destination(output)?;
                Ok(Sink::Jsonl(BufWriter::with_capacity(256 * 1024, w), name))
            }
            Some(Format::Csv) => {
                let (mut w, name) = destination(output)?;
                // A byte-order mark, so Excel reads the file as UTF-8 (labels have curly apostrophes).
                w.write_all(b"\xEF\xBB\xBF").map_err(|e| write_failure(&format!("to {name}"), &e))?;
                let mut csv = csv::WriterBuilder::new()
                    .terminator(csv::Terminator::CRLF)
                    .from_writer(Box::new(BufWriter::with_capacity(256 * 1024, w)) as Box<dyn Write>);
                csv.write_record(HEADERS).map_err(|e| csv_failure(&name, e))?;
                Ok(Sink::Csv(Box::new(csv), name))
            }
            Some(Format::Xlsx) => {
                let Some(path) = output else {
                    return Err(Failure::Message("xlsx needs a file: add -o FILE.xlsx".into()));
                };
                // Made now so a path that cannot be written fails before the run; replaced when saved.
                destination(Some(path))?;
                Ok(Sink::Xlsx(Box::new(Xlsx::new(path).map_err(|e| xlsx_failure(path, &e))?)))
            }
        }
    }

    pub fn row(&mut self, row: &Row<'_>) -> Result<(), Failure> {
        match self {
            Sink::None | Sink::Jsonl(..) => Ok(()),
            Sink::Csv(csv, name) => {
                let line = row.line.to_string();
                let record = [
                    csv_cell(row.id),
                    line.as_str().into(),
                    csv_cell(row.form),
                    csv_cell(row.code),
                    csv_cell(row.name),
                    csv_cell(row.severity),
                    csv_cell(row.path),
                    csv_cell(row.label),
                    csv_cell(row.message),
                ];
                csv.write_record(record.iter().map(|c| c.as_bytes())).map_err(|e| csv_failure(name, e))
            }
            Sink::Xlsx(x) => x.row(row).map_err(|e| xlsx_failure(&x.path, &e)),
        }
    }

    /// A record's report as JSON Lines: the report's own JSON with its id (with `--id-field`) and line number added
    /// as its last fields.
    pub fn report(&mut self, json: &str, c: &Checked) -> Result<(), Failure> {
        let Sink::Jsonl(w, name) = self else { return Ok(()) };
        let body = json.strip_suffix('}').unwrap_or(json);
        let id = match &c.id {
            Some(id) => format!(",\"id\":{}", serde_json::to_string(id).unwrap_or_else(|_| "\"\"".into())),
            None => String::new(),
        };
        writeln!(w, "{body}{id},\"line\":{}}}", c.line).map_err(|e| write_failure(&format!("to {name}"), &e))
    }

    /// A line that could not be read: `{"line", "error"}` in JSON Lines, a row with no rule in a table.
    pub fn unreadable(&mut self, line: u64, reason: &str, form: &str) -> Result<(), Failure> {
        if let Sink::Jsonl(w, name) = self {
            let v = serde_json::json!({ "line": line, "error": reason });
            return writeln!(w, "{v}").map_err(|e| write_failure(&format!("to {name}"), &e));
        }
        self.row(&Row {
            id: "",
            line,
            form,
            code: "",
            name: UNREADABLE_NAME,
            severity: "error",
            path: "",
            label: "",
            message: reason,
        })
    }

    pub fn finish(self, summary: &Summary, form: &FormDef, names: &HashMap<String, String>) -> Result<(), Failure> {
        match self {
            Sink::None => Ok(()),
            Sink::Jsonl(mut w, name) => w.flush().map_err(|e| write_failure(&format!("to {name}"), &e)),
            Sink::Csv(mut csv, name) => csv.flush().map_err(|e| write_failure(&format!("to {name}"), &e)),
            Sink::Xlsx(x) => {
                let path = x.path.clone();
                x.finish(summary, form, names).map_err(|e| xlsx_failure(&path, &e))
            }
        }
    }
}

fn xlsx_failure(path: &Path, e: &XlsxError) -> Failure {
    Failure::Message(format!("cannot write {}: {e}", path.display()))
}

/// The summary by rule as CSV (`--summary FILE`).
pub fn write_summary_csv(path: &Path, summary: &Summary, names: &HashMap<String, String>) -> Result<(), Failure> {
    let (mut w, name) = destination(Some(path))?;
    w.write_all(b"\xEF\xBB\xBF").map_err(|e| write_failure(&format!("to {name}"), &e))?;
    let mut csv = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(w);
    csv.write_record(SUMMARY_HEADERS).map_err(|e| csv_failure(&name, e))?;
    for (code, rule, severity, findings, records) in summary_rows(summary, names) {
        let (findings, records) = (findings.to_string(), records.to_string());
        csv.write_record([code, rule, severity, &findings, &records]).map_err(|e| csv_failure(&name, e))?;
    }
    csv.flush().map_err(|e| write_failure(&format!("to {name}"), &e))
}

/// The summary's rows: each (rule, severity) with its name, findings and records; then the lines not read.
fn summary_rows<'a>(
    summary: &'a Summary,
    names: &'a HashMap<String, String>,
) -> Vec<(&'a str, &'a str, &'static str, usize, usize)> {
    let mut rows: Vec<_> = summary
        .by_rule
        .iter()
        .map(|((code, severity), (findings, records))| {
            (code.as_str(), names.get(code).map_or("", String::as_str), severity.as_str(), *findings, *records)
        })
        .collect();
    if summary.unreadable > 0 {
        rows.push(("", UNREADABLE_NAME, "error", summary.unreadable, summary.unreadable));
    }
    rows
}

/// The rows a worksheet holds, its header included.
const SHEET_ROWS: u32 = 1_048_576;

/// An Excel workbook being written: a Summary sheet (filled at the end) and findings sheets in constant-memory mode
/// (rows go to a temporary file as they are written; a new sheet when one is full).
pub struct Xlsx {
    workbook: Workbook,
    path: PathBuf,
    /// The findings sheet being written (its index), and its next row.
    sheet: usize,
    next_row: u32,
    /// The rows a sheet takes, header included ([`SHEET_ROWS`]; fewer in tests).
    sheet_rows: u32,
    bold: CellFormat,
}

impl Xlsx {
    fn new(path: &Path) -> Result<Xlsx, XlsxError> {
        let mut workbook = Workbook::new();
        // The findings sheets' rows wait in unnamed temporary files (removed by the system even if the run is killed)
        // beside the output, which has room for the output anyway; a folder that cannot take one is an error now,
        // not at the first sheet.
        let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        workbook.set_tempdir(dir)?;
        workbook.add_worksheet().set_name("Summary")?;
        let mut x = Xlsx {
            workbook,
            path: path.to_owned(),
            sheet: 0,
            next_row: 0,
            sheet_rows: SHEET_ROWS,
            bold: CellFormat::new().set_bold(),
        };
        x.add_findings_sheet()?;
        Ok(x)
    }

    fn add_findings_sheet(&mut self) -> Result<(), XlsxError> {
        let number = self.sheet;
        let ws = self.workbook.add_worksheet_with_constant_memory();
        ws.set_name(if number == 0 {
            "Findings".to_owned()
        } else {
            format!("Findings {}", number.saturating_add(1))
        })?;
        for (col, width) in [14.0, 7.0, 20.0, 9.0, 30.0, 9.0, 28.0, 30.0, 80.0].into_iter().enumerate() {
            ws.set_column_width(u16::try_from(col).unwrap_or(0), width)?;
        }
        ws.set_freeze_panes(1, 0)?;
        for (col, h) in HEADERS.iter().enumerate() {
            ws.write_string_with_format(0, u16::try_from(col).unwrap_or(0), *h, &self.bold)?;
        }
        self.sheet = self.sheet.saturating_add(1);
        self.next_row = 1;
        Ok(())
    }

    fn row(&mut self, row: &Row<'_>) -> Result<(), XlsxError> {
        if self.next_row >= self.sheet_rows {
            self.finish_sheet()?;
            self.add_findings_sheet()?;
        }
        let r = self.next_row;
        let ws = self.workbook.worksheet_from_index(self.sheet)?;
        // Strings are written as text, never as formulas, so a record id needs no guard here.
        ws.write_string(r, 0, row.id)?;
        ws.write_number(r, 1, row.line as f64)?;
        for (col, text) in
            [row.form, row.code, row.name, row.severity, row.path, row.label, row.message].into_iter().enumerate()
        {
            ws.write_string(r, u16::try_from(col.saturating_add(2)).unwrap_or(0), text)?;
        }
        self.next_row = r.saturating_add(1);
        Ok(())
    }

    fn finish_sheet(&mut self) -> Result<(), XlsxError> {
        let last = self.next_row.saturating_sub(1).max(1);
        let ws = self.workbook.worksheet_from_index(self.sheet)?;
        ws.autofilter(0, 0, last, 8)?;
        Ok(())
    }

    fn finish(mut self, summary: &Summary, form: &FormDef, names: &HashMap<String, String>) -> Result<(), XlsxError> {
        self.finish_sheet()?;
        let bold = self.bold.clone();
        let ws = self.workbook.worksheet_from_index(0)?;
        let facts: [(&str, String); 5] = [
            ("Form", format!("{} ({})", form.title, form.id)),
            ("Records", summary.records.to_string()),
            ("Valid", summary.valid.to_string()),
            ("Invalid", summary.invalid.to_string()),
            ("Lines that could not be read", summary.unreadable.to_string()),
        ];
        for (r, (label, value)) in (0u32..).zip(facts.iter()) {
            ws.write_string_with_format(r, 0, *label, &bold)?;
            match value.parse::<f64>() {
                Ok(n) => ws.write_number(r, 1, n)?,
                Err(_) => ws.write_string(r, 1, value)?,
            };
        }
        let top = 6u32;
        for (col, h) in (0u16..).zip(SUMMARY_HEADERS.iter()) {
            ws.write_string_with_format(top, col, *h, &bold)?;
        }
        for (r, (code, name, severity, findings, records)) in
            (top.saturating_add(1)..).zip(summary_rows(summary, names))
        {
            ws.write_string(r, 0, code)?;
            ws.write_string(r, 1, name)?;
            ws.write_string(r, 2, severity)?;
            ws.write_number(r, 3, findings as f64)?;
            ws.write_number(r, 4, records as f64)?;
        }
        for (col, width) in [28.0, 36.0, 10.0, 10.0, 10.0].into_iter().enumerate() {
            ws.set_column_width(u16::try_from(col).unwrap_or(0), width)?;
        }
        self.workbook.save(&self.path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{open_workbook, Reader};

    #[test]
    fn a_full_sheet_goes_on_in_the_next() {
        let path = std::env::temp_dir().join(format!("sf-sheets-{}.xlsx", std::process::id()));
        let mut x = Xlsx::new(&path).unwrap();
        x.sheet_rows = 4; // the header and three findings
        let lines: Vec<u64> = (1..=8).collect();
        for line in &lines {
            let row = Row {
                id: "C-1",
                line: *line,
                form: "sf-referral",
                code: "REF-001",
                name: "missing-required-field",
                severity: "error",
                path: "/route",
                label: "Referral route",
                message: "Select the referral route",
            };
            x.row(&row).unwrap();
        }
        x.finish(
            &Summary::default(),
            safeguarding_forms::forms::REGISTRY.find("sf-referral").unwrap(),
            &HashMap::new(),
        )
        .unwrap();
        let mut book: calamine::Xlsx<_> = open_workbook(&path).unwrap();
        assert_eq!(book.sheet_names(), ["Summary", "Findings", "Findings 2", "Findings 3"]);
        let mut read = Vec::new();
        for name in ["Findings", "Findings 2", "Findings 3"] {
            let range = book.worksheet_range(name).unwrap();
            let rows: Vec<Vec<String>> = range.rows().map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
            assert_eq!(rows[0][..2], ["Record id", "Line"], "{name} has the header");
            read.extend(rows[1..].iter().map(|r| r[1].parse::<u64>().unwrap()));
        }
        assert_eq!(read, lines);
        let _ = std::fs::remove_file(&path);
    }
}
