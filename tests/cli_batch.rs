//! The command line's `batch` as a council's data team runs it: exports in any encoding, findings as CSV and Excel
//! (read back with the `csv` crate and `calamine`), rule selection, fail levels and exit codes, closed and broken
//! streams, and memory that stays flat while a large input streams through.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_safeguarding-forms");

/// Runs the binary with `stdin` bytes (closed when `None`... as an empty pipe).
fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let bytes = stdin.to_vec();
    // Written from a thread: a large input would otherwise fill the pipe while the output fills the other.
    let writer = std::thread::spawn(move || {
        let written = input.write_all(&bytes);
        assert!(written.is_ok() || written.as_ref().is_err_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe));
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A fresh folder for one test's files.
fn dir(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli_batch").join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// A complete referral, valid at submit on 2025-06-02, with a child id; `extra` is spliced in as more top-level
/// fields.
fn referral(id: &str, extra: &str) -> String {
    format!(
        r#"{{"childId":"{id}","referralDate":"2025-05-20","route":"social-work-assessment","service":"whole-family-working","referrer":{{"name":"A","agency":"social-care"}},"assessment":{{"type":"social-work-assessment","date":"2025-05-01","open":true}},"plan":{{"type":"child-in-need-plan","date":"2025-05-10","open":true}},"children":[{{"name":"C","dateOfBirth":"2012-01-15"}}],"criteria":[{{"id":"youth-offending"}},{{"id":"asb-level-2"}},{{"id":"adult-offending"}},{{"id":"homelessness-risk"}},{{"id":"physical-chastisement"}}]{extra}}}"#
    )
}

const TODAY: &[&str] = &["--today", "2025-06-02"];

fn batch(extra: &[&str], stdin: &[u8]) -> Output {
    let mut args = vec!["batch", "sf-referral", "-"];
    args.extend_from_slice(TODAY);
    args.extend_from_slice(extra);
    run(&args, stdin)
}

fn jsonl(out: &Output) -> Vec<serde_json::Value> {
    text(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

// 2. Any encoding a council's export produces.

#[test]
fn every_encoding_gives_the_same_results() {
    let records = [referral("C-1", ""), "{}".to_owned(), referral("C-3", r#","notes":"Café — naïve""#)];
    let unix = records.join("\n") + "\n";
    let windows = records.join("\r\n") + "\r\n";
    let utf16 = |big: bool| -> Vec<u8> {
        let mut b = if big { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
        for unit in windows.encode_utf16() {
            b.extend_from_slice(&if big { unit.to_be_bytes() } else { unit.to_le_bytes() });
        }
        b
    };
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("utf-8", unix.clone().into_bytes()),
        ("utf-8 with BOM", [b"\xEF\xBB\xBF".as_slice(), unix.as_bytes()].concat()),
        ("utf-8 CRLF with BOM", [b"\xEF\xBB\xBF".as_slice(), windows.as_bytes()].concat()),
        ("utf-8 CRLF, no end of line", windows.trim_end().as_bytes().to_vec()),
        ("utf-16le", utf16(false)),
        ("utf-16be", utf16(true)),
    ];
    let d = dir("encodings");
    for (name, bytes) in files {
        let path = d.join(format!("{}.jsonl", name.replace([' ', ','], "_")));
        std::fs::write(&path, &bytes).unwrap();
        let out = run(&["batch", "sf-referral", path.to_str().unwrap(), "--today", "2025-06-02", "--json"], b"");
        let stderr = text(&out.stderr);
        assert!(
            stderr.starts_with("sf-referral: 3 records, 2 valid, 1 invalid, 0 malformed lines"),
            "{name}: {stderr}"
        );
        let lines = jsonl(&out);
        assert_eq!(lines.len(), 3, "{name}");
        assert_eq!(lines.iter().map(|l| l["line"].as_u64().unwrap()).collect::<Vec<_>>(), [1, 2, 3], "{name}");
        // The accented text arrived intact: only the unknown field is noted, no unreadable character.
        let third = &lines[2]["diagnostics"];
        let codes: Vec<&str> = third.as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect();
        assert_eq!(codes, ["INP-015", "REF-010", "REF-010"], "{name}");
        assert_eq!(third[0]["related"], serde_json::json!(["/childId", "/notes"]), "{name}");
        assert_eq!(out.status.code(), Some(1), "{name}");
        // `validate` reads a file in the same encodings: its first record.
        let first_len = match name {
            "utf-16le" | "utf-16be" => 2 + 2 * records[0].encode_utf16().count(),
            _ if name.contains("BOM") => 3 + records[0].len(),
            _ => records[0].len(),
        };
        let one = d.join(format!("one-{}.json", name.replace([' ', ','], "_")));
        std::fs::write(&one, &bytes[..first_len]).unwrap();
        let v =
            run(&["validate", "sf-referral", one.to_str().unwrap(), "--today", "2025-06-02", "--stage", "submit"], b"");
        assert_eq!(v.status.code(), Some(0), "{name}: {}{}", text(&v.stdout), text(&v.stderr));
    }
}

#[test]
fn a_windows_1252_byte_is_reported_by_line_and_the_rest_is_checked() {
    let mut input = Vec::new();
    input.extend_from_slice(referral("C-1", "").as_bytes());
    input.extend_from_slice(b"\n{\"childId\":\"SECRET-MARKER\",\"notes\":\"Caf\xE9\"}\n");
    input.extend_from_slice(referral("C-3", "").as_bytes());
    input.extend_from_slice(b"\n");
    let out = batch(&[], &input);
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with("sf-referral: 2 records, 2 valid, 0 invalid, 1 malformed line\n"), "{stdout}");
    assert!(stdout.contains("line 2: not UTF-8 text: the character at column 40 cannot be read"), "{stdout}");
    assert!(!stdout.contains("SECRET") && !text(&out.stderr).contains("SECRET"), "the line's content is never echoed");
    assert_eq!(out.status.code(), Some(1), "a line that cannot be read fails the run at --fail-on error");
    assert_eq!(batch(&["--fail-on", "never"], &input).status.code(), Some(0));
    // Read as Windows-1252, the line is a record (with a required field missing).
    let out = batch(&["--encoding", "windows-1252", "--json"], &input);
    let lines = jsonl(&out);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[1]["valid"], false);
    assert!(text(&out.stderr).starts_with("sf-referral: 3 records, 2 valid, 1 invalid, 0 malformed lines"));
    assert_eq!(batch(&["--encoding", "klingon"], &input).status.code(), Some(2));
}

#[test]
fn malformed_lines_are_reported_and_the_batch_goes_on() {
    let input = format!("[1]\n{{broken\n\n\"text\"\n{}\n", referral("C-5", ""));
    let out = batch(&["--json"], input.as_bytes());
    let lines = jsonl(&out);
    assert_eq!(lines.len(), 4);
    assert_eq!(
        lines[0],
        serde_json::json!({"line": 1, "error": "not a JSON object (each line must hold one record, {…})"})
    );
    assert_eq!(lines[1], serde_json::json!({"line": 2, "error": "not JSON text (syntax error)"}));
    assert_eq!(lines[2]["line"], 4);
    assert_eq!(lines[3]["line"], 5);
    assert_eq!(lines[3]["valid"], true);
}

#[test]
fn a_number_beyond_f64_is_a_finding_at_its_field() {
    let record = referral("C-1", "")
        .replace(r#""dateOfBirth":"2012-01-15""#, r#""dateOfBirth":"2012-01-15","attendancePercent":1e400"#);
    let out = batch(&["--json"], format!("{record}\n").as_bytes());
    let lines = jsonl(&out);
    assert_eq!(lines.len(), 1, "{}", text(&out.stderr));
    let findings: Vec<&serde_json::Value> =
        lines[0]["diagnostics"].as_array().unwrap().iter().filter(|d| d["severity"] == "error").collect();
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0]["code"], "INP-008");
    assert_eq!(findings[0]["path"], "/children/0/attendancePercent");
    assert_eq!(findings[0]["message"], "School attendance must be a number");
    // `validate` reads it the same way: an invalid form (1), not unreadable input (2).
    let v = run(&["validate", "sf-referral", "-", "--today", "2025-06-02", "--stage", "submit"], record.as_bytes());
    assert_eq!(v.status.code(), Some(1), "{}", text(&v.stderr));
    assert!(text(&v.stdout).contains("INP-008 /children/0/attendancePercent: School attendance must be a number"));
}

// 3. Findings as a table.

fn sample_input() -> String {
    [
        referral("C-1", ""),
        r#"{"childId":"=1+1","referralDate":"2025-05-20"}"#.to_owned(),
        "{broken".to_owned(),
        r#"{"childId":42}"#.to_owned(),
        r#"{"referralDate":"2025-02-30"}"#.to_owned(),
    ]
    .join("\n")
}

#[test]
fn findings_as_csv_read_back_with_the_csv_crate() {
    let out = batch(&["--format", "csv", "--id-field", "/childId"], sample_input().as_bytes());
    assert_eq!(out.status.code(), Some(1));
    assert!(out
        .stdout
        .starts_with(b"\xEF\xBB\xBFRecord id,Line,Form,Rule,Rule name,Severity,Field,Field label,Message\r\n"));
    assert!(text(&out.stderr).contains("sf-referral: 4 records, 1 valid, 3 invalid, 1 malformed line"));
    let mut reader = csv::Reader::from_reader(out.stdout.get(3..).unwrap());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(
        headers,
        ["Record id", "Line", "Form", "Rule", "Rule name", "Severity", "Field", "Field label", "Message"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let row = |line: &str, field: &str| rows.iter().find(|r| &r[1] == line && &r[6] == field).cloned();
    // A formula-like id is defused; a numeric id is written out; an absent one is empty.
    let route = row("2", "/route").unwrap();
    assert_eq!(&route[0], "'=1+1");
    assert_eq!(
        route.iter().skip(1).collect::<Vec<_>>(),
        [
            "2",
            "sf-referral",
            "REF-001",
            "missing-required-field",
            "error",
            "/route",
            "Referral route",
            "Select the referral route"
        ]
    );
    assert_eq!(&row("4", "/referralDate").unwrap()[0], "42");
    let date = row("5", "/referralDate").unwrap();
    assert_eq!((&date[0], &date[3], &date[7]), ("", "INP-003", "Date of the referral"));
    // The unreadable line is a row with no rule.
    let broken = rows.iter().find(|r| &r[1] == "3").unwrap();
    assert_eq!(
        (&broken[3], &broken[4], &broken[5], &broken[8]),
        ("", "line could not be read", "error", "not JSON text (syntax error)")
    );
    // Line 1 is valid: notes only (info). Rows come in input order.
    assert!(rows.iter().filter(|r| &r[1] == "1").all(|r| &r[5] == "info"));
    let lines: Vec<u64> = rows.iter().map(|r| r[1].parse().unwrap()).collect();
    assert!(lines.windows(2).all(|w| w[0] <= w[1]), "{lines:?}");
}

#[test]
fn findings_as_xlsx_read_back_with_calamine() {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let d = dir("xlsx");
    let file = d.join("findings.xlsx");
    let summary = d.join("summary.csv");
    let out = batch(
        &["-o", file.to_str().unwrap(), "--id-field", "/childId", "--summary", summary.to_str().unwrap()],
        sample_input().as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    // With -o the summary is the standard output.
    assert!(text(&out.stdout).starts_with("sf-referral: 4 records, 1 valid, 3 invalid, 1 malformed line"));
    let mut book: Xlsx<_> = open_workbook(&file).unwrap();
    assert_eq!(book.sheet_names(), ["Summary", "Findings"]);
    let findings = book.worksheet_range("Findings").unwrap();
    let rows: Vec<Vec<String>> = findings.rows().map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
    assert_eq!(
        rows[0],
        ["Record id", "Line", "Form", "Rule", "Rule name", "Severity", "Field", "Field label", "Message"]
    );
    let route = rows.iter().find(|r| r[1] == "2" && r[6] == "/route").unwrap();
    // Excel cells are text, never formulas: the id is kept as it was.
    assert_eq!(route[0], "=1+1");
    assert_eq!(
        route[3..],
        ["REF-001", "missing-required-field", "error", "/route", "Referral route", "Select the referral route"]
    );
    assert!(matches!(findings.get((1, 1)), Some(Data::Float(_))), "line numbers are numbers");
    // The same rows as the CSV.
    let csv_out = batch(&["--format", "csv", "--id-field", "/childId"], sample_input().as_bytes());
    let csv_rows: Vec<Vec<String>> = csv::Reader::from_reader(csv_out.stdout.get(3..).unwrap())
        .records()
        .map(|r| r.unwrap().iter().map(|c| c.trim_start_matches('\'').to_owned()).collect())
        .collect();
    assert_eq!(rows[1..], csv_rows[..]);
    // The Summary sheet: counts, then each rule with its name and counts.
    let sheet = book.worksheet_range("Summary").unwrap();
    let cells: Vec<Vec<String>> = sheet.rows().map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
    assert_eq!(cells[1][..2], ["Records", "4"]);
    assert_eq!(cells[4][..2], ["Lines that could not be read", "1"]);
    let ref001 = cells.iter().find(|r| r[0] == "REF-001").unwrap();
    assert_eq!(ref001[1..], ["missing-required-field", "error", "13", "3"]);
    // --summary wrote the same table as CSV.
    let table = std::fs::read_to_string(&summary).unwrap();
    assert!(table.contains("REF-001,missing-required-field,error,13,3\r\n"), "{table}");
    assert!(table.contains(",line could not be read,error,1,1\r\n"), "{table}");
}

#[test]
fn output_format_and_file_usage_errors() {
    let d = dir("usage");
    assert_eq!(batch(&["--format", "xlsx"], b"{}\n").status.code(), Some(2), "xlsx needs -o");
    let odd = d.join("findings.txt");
    assert_eq!(batch(&["-o", odd.to_str().unwrap()], b"{}\n").status.code(), Some(2));
    let nowhere = d.join("no/such/folder/findings.csv");
    let out = batch(&["-o", nowhere.to_str().unwrap()], b"{}\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot write"));
    // A mistyped input leaves last week's findings as they were.
    let kept = d.join("last-week.csv");
    std::fs::write(&kept, "last week").unwrap();
    let out = run(&["batch", "sf-referral", "/no/such/export.jsonl", "-o", kept.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot read /no/such/export.jsonl"));
    assert_eq!(std::fs::read_to_string(&kept).unwrap(), "last week");
    assert_eq!(batch(&["--id-field", "childId"], b"{}\n").status.code(), Some(2));
    assert_eq!(batch(&["--threads", "0"], b"{}\n").status.code(), Some(2));
    // -o FILE.jsonl picks JSON Lines, and --threads 1 checks the same.
    let file = d.join("reports.jsonl");
    let out =
        batch(&["-o", file.to_str().unwrap(), "--threads", "1", "--id-field", "/childId"], sample_input().as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> =
        std::fs::read_to_string(&file).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 5);
    assert_eq!((lines[0]["id"].as_str(), lines[0]["line"].as_u64()), (Some("C-1"), Some(1)));
    assert_eq!((lines[3]["id"].as_str(), lines[3]["line"].as_u64()), (Some("42"), Some(4)));
    assert_eq!(lines[4]["id"], "", "an absent id is empty");
}

// 4. Scheduling-friendly.

#[test]
fn select_ignore_and_fail_on_decide_the_exit_code() {
    // A complete referral with one duplicate criterion: a warning (REF-012) and nothing worse.
    let warning_only = referral("C-1", "")
        .replace(r#"[{"id":"youth-offending"}"#, r#"[{"id":"youth-offending"},{"id":"youth-offending"}"#);
    let w = format!("{warning_only}\n");
    let codes = |out: &Output| -> Vec<String> {
        jsonl(out)
            .iter()
            .flat_map(|l| {
                l["diagnostics"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|d| d["code"].as_str().unwrap().to_owned())
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    // The complete referral also has two notes (REF-010, info) and its child id is not a field of the form (INP-015).
    let out = batch(&["--json"], w.as_bytes());
    assert_eq!(codes(&out), ["INP-015", "REF-010", "REF-010", "REF-012"]);
    assert_eq!(out.status.code(), Some(0), "a warning does not fail at --fail-on error");
    assert_eq!(batch(&["--fail-on", "warning"], w.as_bytes()).status.code(), Some(1));
    assert_eq!(batch(&["--fail-on", "warning", "--ignore", "REF-012"], w.as_bytes()).status.code(), Some(0));
    assert_eq!(batch(&["--fail-on", "warning", "--select", "REF-001,REF-002"], w.as_bytes()).status.code(), Some(0));

    // Errors: fail unless never, or unless the rules are left out.
    let e = b"{}\n";
    assert_eq!(batch(&[], e).status.code(), Some(1));
    assert_eq!(batch(&["--fail-on", "never"], e).status.code(), Some(0));
    assert_eq!(batch(&["--ignore", "REF-001,REF-002"], e).status.code(), Some(0));
    let out = batch(&["--select", "ref-002", "--json"], e);
    assert_eq!(codes(&out), ["REF-002"], "codes are matched whatever their case");
    let out = batch(&["--ignore", "REF-001", "--json"], e);
    assert!(!codes(&out).is_empty() && codes(&out).iter().all(|c| c != "REF-001"));
    let out = batch(&["--ignore", "REF-001,REF-002", "--json"], e);
    assert_eq!(jsonl(&out)[0]["valid"], true, "the report's validity follows the findings kept");

    // An unknown code (or another form's) is a usage error, before any work.
    for bad in [&["--select", "REF-999"][..], &["--ignore", "CAS-001"], &["--select", "REF-001,nope"]] {
        let out = batch(bad, e);
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert!(text(&out.stderr).contains("is not a rule of sf-referral"), "{bad:?}");
    }
    assert_eq!(batch(&["--fail-on", "sometimes"], e).status.code(), Some(2));
}

#[test]
fn quiet_leaves_the_terminal_alone() {
    let out = batch(&["--quiet", "--format", "csv"], b"{}\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("REF-001"));
    let out = batch(&[], b"{}\n");
    let stderr = text(&out.stderr);
    // The rate is a whole number with thousands separators.
    let rate = stderr.lines().find(|l| l.starts_with("checked 1 record in ")).unwrap();
    let per_second = rate.rsplit('(').next().unwrap().trim_end_matches("/s)");
    assert!(per_second.chars().all(|c| c.is_ascii_digit() || c == ','), "{rate}");
    assert!(text(&out.stdout).starts_with("sf-referral: 1 record, 0 valid, 1 invalid, 0 malformed lines"));
}

/// Runs `sh -c SCRIPT` with the binary as `$0`.
fn sh(script: &str) -> Output {
    Command::new("sh").arg("-c").arg(script).arg(BIN).output().unwrap()
}

#[test]
#[cfg(target_os = "linux")] // how a stream closed at start is told from /dev/null (src/bin/cli/source.rs)
fn a_closed_standard_output_or_input_is_an_io_error() {
    for script in [
        r#""$0" forms >&-"#,
        r#""$0" rules sf-referral --json >&-"#,
        r#"echo '{}' | "$0" batch sf-referral - --format csv >&-"#,
        r#"echo '{}' | "$0" validate sf-referral - >&-"#,
    ] {
        let out = sh(script);
        assert_eq!(out.status.code(), Some(2), "{script}");
        assert!(text(&out.stderr).contains("standard output is closed"), "{script}: {}", text(&out.stderr));
    }
    for script in [r#""$0" batch sf-referral - <&-"#, r#""$0" validate sf-referral - <&-"#] {
        let out = sh(script);
        assert_eq!(out.status.code(), Some(2), "{script}");
        assert!(text(&out.stderr).contains("cannot read standard input: it is closed"), "{script}");
    }
    // An unreadable standard input (a folder) is an input error too.
    let out = sh(r#""$0" batch sf-referral - < /"#);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot read standard input"));
    // /dev/null is not closed: an empty input, and output thrown away on purpose.
    let out = sh(r#""$0" batch sf-referral - < /dev/null > /dev/null"#);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
#[cfg(unix)]
fn a_broken_pipe_ends_quietly() {
    let d = dir("pipe");
    let file = d.join("many.jsonl");
    let line = r#"{"referralDate":"2025-02-30","unknown":1}"#;
    std::fs::write(&file, format!("{line}\n").repeat(20_000)).unwrap();
    let mut child = Command::new(BIN)
        .args(["batch", "sf-referral", file.to_str().unwrap(), "--format", "csv"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 100];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout); // as `| head -c 100` does
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2), "ended early, so not a complete run");
    assert!(out.stderr.is_empty(), "no message: {}", text(&out.stderr));
    // And through a shell pipeline into head.
    let out = sh(&format!(r#""$0" rules | head -1 && "$0" batch sf-referral {} --json | head -2"#, file.display()));
    assert_eq!(text(&out.stdout).lines().count(), 3);
    assert!(!text(&out.stderr).to_lowercase().contains("pipe"), "{}", text(&out.stderr));
}

// 1. Streaming, in order, in bounded memory.

#[test]
fn reports_stream_in_input_order_across_chunks_and_threads() {
    let n = 5_000; // more than two chunks
    let input: String = (0..n)
        .map(|i| if i % 7 == 3 { "{}\n".to_owned() } else { format!("{}\n", referral(&format!("C-{i}"), "")) })
        .collect();
    let out = batch(&["--json", "--threads", "2", "--id-field", "/childId"], input.as_bytes());
    let lines = jsonl(&out);
    assert_eq!(lines.len(), n);
    for (i, l) in lines.iter().enumerate() {
        assert_eq!(l["line"].as_u64(), Some(i as u64 + 1));
        assert_eq!(l["valid"], i % 7 != 3, "line {}", i + 1);
        let id = if i % 7 == 3 { String::new() } else { format!("C-{i}") };
        assert_eq!(l["id"].as_str(), Some(id.as_str()));
    }
}

/// The peak resident memory of a running process, from Linux's /proc.
fn peak_rss_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse().ok())
}

#[test]
#[cfg(target_os = "linux")]
fn memory_stays_flat_while_a_large_input_streams_through() {
    // 300 MB of records (each with 30 kB of notes), fed through standard input; the peak is read while the process
    // still waits for the end of its input, after every record has gone through.
    let record = referral("C-1", &format!(r#","notes":"{}""#, "x".repeat(30_000)));
    let line = format!("{record}\n");
    let count = 10_000usize;
    let mut child = Command::new(BIN)
        .args(["batch", "sf-referral", "-", "--today", "2025-06-02", "--format", "csv", "--threads", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let drain = std::thread::spawn(move || {
        let mut rows = String::new();
        stdout.read_to_string(&mut rows).unwrap();
        rows
    });
    for _ in 0..count {
        stdin.write_all(line.as_bytes()).unwrap();
    }
    stdin.flush().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let peak = peak_rss_kb(child.id()).unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    let rows = drain.join().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(rows.lines().count(), 3 * count + 1, "three notes per record (INP-015, REF-010 twice), and the header");
    let input_mb = (line.len() * count) / 1_000_000;
    assert!(input_mb >= 300);
    eprintln!("peak resident memory {} MB for {input_mb} MB of input", peak / 1024);
    assert!(peak < 150 * 1024, "peak {} MB for {input_mb} MB of input", peak / 1024);
}

// 5. Help.

#[test]
fn help_describes_every_argument_and_option_with_examples_and_exit_codes() {
    for cmd in ["validate", "batch", "rules", "schema", "forms", "types", "docs", "profile-schema", "check-profile"] {
        let out = run(&[cmd, "--help"], b"");
        assert_eq!(out.status.code(), Some(0));
        let help = text(&out.stdout);
        let lines: Vec<&str> = help.lines().collect();
        let mut in_list = false;
        let mut entries = 0;
        for (i, line) in lines.iter().enumerate() {
            if line.ends_with(':') && !line.starts_with(' ') {
                in_list = *line == "Arguments:" || *line == "Options:";
                continue;
            }
            let entry = line.trim_start();
            let indent = line.len() - entry.len();
            if !in_list || !(2..10).contains(&indent) || !(entry.starts_with('<') || entry.starts_with('-')) {
                continue;
            }
            entries += 1;
            // "  <FORM>  The form's id" on one line, or the description on the next, indented further.
            let inline = entry.split_once("  ").is_some_and(|(_, d)| !d.trim().is_empty());
            let next = lines.get(i + 1).is_some_and(|n| n.starts_with("          ") && !n.trim().is_empty());
            assert!(inline || next, "{cmd}: undescribed: {line}");
        }
        assert!(entries >= 1, "{cmd}: {help}");
        if cmd != "types" && cmd != "docs" {
            assert!(help.contains("Exit codes:"), "{cmd}");
        }
    }
    let batch_help = text(&run(&["batch", "--help"], b"").stdout);
    for needle in
        ["--id-field", "--select", "--ignore", "--fail-on", "--quiet", "--threads", "--format", "UTF-16", "crontab"]
    {
        assert!(batch_help.contains(needle), "{needle}");
    }
    let main_help = text(&run(&["--help"], b"").stdout);
    assert!(main_help.contains("Examples:") && main_help.contains("Exit codes:"));
}

/// LibreOffice (`apt-get install libreoffice-calc-nogui`, which scripts/setup.sh does): a real spreadsheet application
/// opens the workbook and the CSV; a cell like `=1+1` stays text in both (never computed to 2), and accents survive.
/// Without LibreOffice this test fails, as the browser tests do without Chromium, unless `SF_SKIP_SPREADSHEET=1`.
#[test]
fn a_spreadsheet_application_opens_both_files() {
    if Command::new("soffice").arg("--version").output().is_err() {
        assert!(
            std::env::var("SF_SKIP_SPREADSHEET").is_ok_and(|v| v == "1"),
            "LibreOffice (soffice) is not installed: run scripts/setup.sh (apt-get install libreoffice-calc-nogui), \
             or set SF_SKIP_SPREADSHEET=1 to skip this test"
        );
        eprintln!("skipped: SF_SKIP_SPREADSHEET=1");
        return;
    }
    let d = dir("libreoffice");
    let input = r#"{"childId":"=1+1","referralDate":"2025-05-20"}
{broken
{"childId":"Zoë-7","referralDate":"2025-02-30"}
"#;
    let (xlsx, csv) = (d.join("f.xlsx"), d.join("f.csv"));
    for file in [&xlsx, &csv] {
        let out = batch(&["--id-field", "/childId", "-q", "-o", file.to_str().unwrap()], input.as_bytes());
        assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    }
    // Each sheet (1 Summary, 2 Findings) of the workbook, and the CSV read as UTF-8, written out as CSV.
    let convert = |file: &PathBuf, sheet: &str, into: &str| -> String {
        let out_dir = d.join(into);
        let filter = format!("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,{sheet}");
        let mut soffice = Command::new("soffice");
        soffice.arg("--headless");
        if file.extension().is_some_and(|e| e == "csv") {
            soffice.arg("--infilter=Text - txt - csv (StarCalc):44,34,76,1");
        }
        let status = soffice
            .args(["--convert-to", &filter])
            .arg(file)
            .arg("--outdir")
            .arg(&out_dir)
            .env("HOME", &d)
            .output()
            .unwrap();
        assert!(status.status.success(), "{}", text(&status.stderr));
        let written = std::fs::read_dir(&out_dir).unwrap().next().unwrap().unwrap().path();
        std::fs::read_to_string(written).unwrap()
    };
    let findings = convert(&xlsx, "2", "findings");
    assert!(
        findings.starts_with("Record id,Line,Form,Rule,Rule name,Severity,Field,Field label,Message\n"),
        "{findings}"
    );
    assert!(
        findings.contains("=1+1,1,sf-referral,REF-001,missing-required-field,error,/route,Referral route,"),
        "{findings}"
    );
    assert!(findings.contains(",2,sf-referral,,line could not be read,error,,,not JSON text (syntax error)"));
    assert!(findings.contains("Zoë-7,3,sf-referral,INP-003,date-not-real,error,/referralDate,Date of the referral,"));
    let summary = convert(&xlsx, "1", "summary");
    assert!(
        summary.contains("Records,2,") && summary.contains("REF-001,missing-required-field,error,8,2"),
        "{summary}"
    );
    let from_csv = convert(&csv, "-1", "csv");
    assert!(from_csv.contains("'=1+1,1,sf-referral,REF-001,"), "{from_csv}");
    assert!(from_csv.contains("Zoë-7,3,sf-referral,INP-003,"), "{from_csv}");
}

/// A summary-only run renders no message (the engine keeps codes only): its summary, on the terminal and as CSV, and
/// its exit code are those of a run that writes every report, and its counts are the reports' own, for every form's
/// conformance vectors as a batch, at both stages and under a council's profile.
#[test]
fn the_summary_alone_counts_what_the_full_reports_hold_for_every_form() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/conformance");
    let work = dir("summary_only");
    let mut forms: Vec<PathBuf> = std::fs::read_dir(root).unwrap().flatten().map(|d| d.path()).collect();
    forms.sort();
    let mut counted = 0usize;
    for form_dir in &forms {
        let form = form_dir.file_name().unwrap().to_string_lossy().to_string();
        let mut lines = String::new();
        for f in std::fs::read_dir(form_dir).unwrap().flatten().map(|e| e.path()) {
            let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap();
            lines.push_str(&format!("{}\n", v["data"]));
        }
        lines.push_str("not a record\n");
        let input = work.join(format!("{form}.jsonl"));
        std::fs::write(&input, &lines).unwrap();
        for extra in [&["--stage", "draft"][..], &["--stage", "submit", "--profile", "telford-wrekin"]] {
            let (alone_csv, full_csv) = (work.join("alone.csv"), work.join("full.csv"));
            let mut args = vec!["batch", &form, input.to_str().unwrap(), "--today", "2025-06-02", "--threads", "2"];
            args.extend_from_slice(extra);
            let alone = run(&[&args[..], &["--summary", alone_csv.to_str().unwrap()]].concat(), b"");
            let full = run(&[&args[..], &["--json", "--summary", full_csv.to_str().unwrap()]].concat(), b"");
            let what = format!("{form} {extra:?}");
            assert_eq!(alone.status.code(), full.status.code(), "{what}");
            let summary = text(&alone.stdout);
            assert!(summary.starts_with(&format!("{form}: ")), "{what}: {summary}");
            // The full run says the same summary on standard error (its reports are on standard output).
            assert!(text(&full.stderr).starts_with(&summary), "{what}:\n{summary}\n{}", text(&full.stderr));
            let (alone_rows, full_rows) = (std::fs::read(&alone_csv).unwrap(), std::fs::read(&full_csv).unwrap());
            assert_eq!(alone_rows, full_rows, "{what}");

            // The summary's counts by rule and severity are the reports' own.
            let mut by_rule: std::collections::BTreeMap<(String, String), (usize, usize)> = Default::default();
            for report in jsonl(&full).iter().filter(|r| r.get("diagnostics").is_some()) {
                let mut seen = std::collections::BTreeSet::new();
                for d in report["diagnostics"].as_array().unwrap() {
                    let key = (d["code"].as_str().unwrap().to_owned(), d["severity"].as_str().unwrap().to_owned());
                    let entry = by_rule.entry(key.clone()).or_default();
                    entry.0 += 1;
                    if seen.insert(key) {
                        entry.1 += 1;
                    }
                }
            }
            let mut csv = csv::Reader::from_reader(alone_rows.get(3..).unwrap());
            let mut from_summary: std::collections::BTreeMap<(String, String), (usize, usize)> = Default::default();
            for row in csv.records().map(Result::unwrap).filter(|r| !r[0].is_empty()) {
                let n = |i: usize| row[i].parse::<usize>().unwrap();
                from_summary.insert((row[0].to_owned(), row[2].to_owned()), (n(3), n(4)));
            }
            assert_eq!(from_summary, by_rule, "{what}");
            counted += by_rule.values().map(|c| c.0).sum::<usize>();
        }
    }
    assert!(forms.len() >= 28 && counted > 1000, "{} forms, {counted} findings", forms.len());
}
