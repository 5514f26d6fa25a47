//! Reading the input as a council's export writes it: a file or standard input, UTF-8 with or without a byte-order
//! mark, UTF-16 (little- or big-endian, known by its byte-order mark) or a named legacy encoding, CRLF or LF line ends,
//! read line by line with a cap on a line's length, so memory stays flat whatever the file's size.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use encoding_rs::Encoding;
use encoding_rs_io::DecodeReaderBytesBuilder;
use safeguarding_forms::engine::input::MAX_BYTES;

/// The longest line read: the most the engine reads of one form. A longer line is reported, not held.
pub const MAX_LINE: usize = MAX_BYTES;

/// One line of the input, by number (from 1).
pub struct Line {
    pub number: u64,
    pub text: Result<String, LineProblem>,
}

/// Why a line's text could not be had (never its content).
pub enum LineProblem {
    /// Not UTF-8: the column (in characters, from 1) of the first byte that is not.
    NotUtf8 { column: usize },
    /// Longer than [`MAX_LINE`] bytes.
    TooLong,
}

impl LineProblem {
    pub fn reason(&self) -> String {
        match self {
            LineProblem::NotUtf8 { column } => format!(
                "not UTF-8 text: the character at column {column} cannot be read (a file saved as Windows-1252 \
                 or Latin-1 can be read with --encoding windows-1252)"
            ),
            LineProblem::TooLong => format!("longer than {} MB, the most a record may be", MAX_LINE / 1024 / 1024),
        }
    }
}

/// The input, decoded to UTF-8 (a line that is not is reported by [`Lines`]).
pub struct Source {
    reader: Box<dyn BufRead + Send>,
    /// The file's size in bytes, for a progress bar (`None` for standard input).
    pub size: Option<u64>,
    /// The bytes read from the file so far (before decoding), for the same bar.
    pub read: Arc<AtomicU64>,
    /// Where the error messages say it came from.
    pub name: String,
}

/// Opens `file` (`-` for standard input). `encoding` is a WHATWG label (`windows-1252`, `utf-16le`) used when the
/// input has no byte-order mark; with none, the input is UTF-8 unless a byte-order mark says UTF-16.
pub fn open(file: &str, encoding: Option<&'static Encoding>) -> Result<Source, String> {
    let (raw, size, name): (Box<dyn Read + Send>, Option<u64>, String) = if file == "-" {
        if closed_at_start(0) {
            return Err("cannot read standard input: it is closed".into());
        }
        (Box::new(std::io::stdin()), None, "standard input".into())
    } else {
        let f = File::open(file).map_err(|e| format!("cannot read {file}: {e}"))?;
        let meta = f.metadata().map_err(|e| format!("cannot read {file}: {e}"))?;
        if meta.is_dir() {
            return Err(format!("cannot read {file}: it is a folder"));
        }
        (Box::new(f), Some(meta.len()), file.to_owned())
    };
    let read = Arc::new(AtomicU64::new(0));
    let raw = Counting { inner: raw, read: Arc::clone(&read) };
    let decoded = DecodeReaderBytesBuilder::new()
        .encoding(encoding)
        // A byte-order mark wins over --encoding; UTF-8 is passed through as it is, so a byte that is not UTF-8 is
        // found (and reported by line) rather than silently replaced.
        .bom_override(true)
        .utf8_passthru(true)
        .strip_bom(true)
        .build(raw);
    Ok(Source { reader: Box::new(BufReader::with_capacity(256 * 1024, decoded)), size, read, name })
}

/// A reader that counts the bytes it gives.
struct Counting<R> {
    inner: R,
    read: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// The encoding named by a WHATWG label, for `--encoding`.
pub fn encoding(label: &str) -> Result<&'static Encoding, String> {
    Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
        "unknown encoding for --encoding (try utf-8, utf-16le, utf-16be, windows-1252 or iso-8859-1)".to_owned()
    })
}

/// Reads a whole (small) input as text, decoded as [`open`] does: for `validate`.
pub fn read_all(file: &str) -> Result<String, String> {
    let mut source = open(file, None)?;
    let mut bytes = Vec::new();
    source.reader.read_to_end(&mut bytes).map_err(|e| format!("cannot read {}: {e}", source.name))?;
    String::from_utf8(bytes).map_err(|e| {
        let column = e.utf8_error().valid_up_to();
        format!("cannot read {}: not UTF-8 text (at byte {})", source.name, column.saturating_add(1))
    })
}

impl Source {
    /// The input's next line (numbered `number`): `Ok(None)` at its end, `Err` when it cannot be read.
    pub fn next_line(&mut self, number: u64) -> std::io::Result<Option<Line>> {
        let mut buf: Vec<u8> = Vec::new();
        let mut consumed = 0usize;
        let mut too_long = false;
        loop {
            let available = self.reader.fill_buf()?;
            if available.is_empty() {
                if consumed == 0 {
                    return Ok(None);
                }
                break;
            }
            let (part, used, end) = match memchr::memchr(b'\n', available) {
                Some(i) => (available.get(..i).unwrap_or(&[]), i.saturating_add(1), true),
                None => (available, available.len(), false),
            };
            if !too_long {
                if buf.len().saturating_add(part.len()) > MAX_LINE {
                    too_long = true;
                    buf = Vec::new();
                } else {
                    buf.extend_from_slice(part);
                }
            }
            self.reader.consume(used);
            consumed = consumed.saturating_add(used);
            if end {
                break;
            }
        }
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
        let text = if too_long {
            Err(LineProblem::TooLong)
        } else {
            String::from_utf8(buf).map_err(|e| {
                let good = e.utf8_error().valid_up_to();
                let column = std::str::from_utf8(e.as_bytes().get(..good).unwrap_or(&[]))
                    .map_or(good, |s| s.chars().count())
                    .saturating_add(1);
                LineProblem::NotUtf8 { column }
            })
        };
        Ok(Some(Line { number, text }))
    }
}

/// Whether standard stream `fd` was closed when the program started. Rust's runtime puts `/dev/null`, opened for
/// reading and writing, in place of a closed standard stream, so a closed standard output would swallow every report
/// and a closed standard input would read as empty; a shell's `< /dev/null` or `> /dev/null` opens it one way only,
/// so the two can be told apart (Linux; elsewhere this says `false`).
pub fn closed_at_start(fd: u8) -> bool {
    #[cfg(target_os = "linux")]
    {
        let is_null = std::fs::read_link(format!("/proc/self/fd/{fd}")).is_ok_and(|p| p.as_os_str() == "/dev/null");
        if !is_null {
            return false;
        }
        let Ok(info) = std::fs::read_to_string(format!("/proc/self/fdinfo/{fd}")) else { return false };
        const O_ACCMODE: u32 = 0o3;
        const O_RDWR: u32 = 0o2;
        info.lines()
            .find_map(|l| l.strip_prefix("flags:"))
            .and_then(|f| u32::from_str_radix(f.trim(), 8).ok())
            .is_some_and(|flags| flags & O_ACCMODE == O_RDWR)
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = fd;
        false
    }
}
