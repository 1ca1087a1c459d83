//! RFC 5545 content lines: `NAME;PARAM=…:value`, TEXT escaping (§3.3.11), lines ended by
//! CRLF and folded at 75 octets (§3.1) without cutting a UTF-8 character in two.

use std::fmt::Write as _;

/// The most octets on one line, CRLF excluded. A continuation line starts with a space,
/// which counts.
pub const MAX_LINE_OCTETS: usize = 75;

/// An iCalendar text being written, line by line.
#[derive(Default)]
pub struct Lines {
    out: String,
    /// The line being built, reused to spare an allocation per property.
    line: String,
}

impl Lines {
    /// An empty text with room for `capacity` bytes.
    pub fn with_capacity(capacity: usize) -> Self {
        Lines { out: String::with_capacity(capacity), line: String::with_capacity(256) }
    }

    /// Writes `name` (with its parameters) and a value that needs no escaping.
    pub fn raw(&mut self, name: &str, value: &str) {
        self.line.clear();
        self.line.push_str(name);
        self.line.push(':');
        self.line.push_str(value);
        fold_into(&mut self.out, &self.line);
    }

    /// Writes `name` and a value formatted in place (numbers, dates): never escaped.
    pub fn formatted(&mut self, name: &str, value: std::fmt::Arguments<'_>) {
        self.line.clear();
        self.line.push_str(name);
        self.line.push(':');
        // Writing to a String cannot fail.
        let _ = self.line.write_fmt(value);
        fold_into(&mut self.out, &self.line);
    }

    /// Writes the line `build` puts together (name, parameters, colon and value).
    pub fn with(&mut self, build: impl FnOnce(&mut String)) {
        self.line.clear();
        build(&mut self.line);
        fold_into(&mut self.out, &self.line);
    }

    /// Writes `name` and a TEXT value, escaped.
    pub fn text(&mut self, name: &str, value: &str) {
        self.line.clear();
        self.line.push_str(name);
        self.line.push(':');
        escape_text_into(&mut self.line, value);
        fold_into(&mut self.out, &self.line);
    }

    /// The text written so far.
    pub fn finish(self) -> String {
        self.out
    }
}

/// Appends `value` escaped as an RFC 5545 TEXT: backslash, semicolon and comma get a
/// backslash; any line break (CRLF, LF or CR) becomes `\n`; other control characters but
/// the tab, which TEXT cannot hold, are dropped.
pub fn escape_text_into(out: &mut String, value: &str) {
    // Runs of plain text are copied whole; only ASCII needs escaping, and in UTF-8 an ASCII
    // byte is always a character of its own, so cutting at one never splits a character.
    let bytes = value.as_bytes();
    let mut plain_from = 0;
    let mut i = 0;
    while i < bytes.len() {
        let escaped = match bytes[i] {
            b'\\' => "\\\\",
            b';' => "\\;",
            b',' => "\\,",
            b'\n' => "\\n",
            b'\r' => "\\n",
            b'\t' => {
                i += 1;
                continue;
            }
            0..=0x1f | 0x7f => "",
            // C1 control characters (U+0080 to U+009F) are encoded C2 80 to C2 9F.
            0xc2 if bytes.get(i + 1).is_some_and(|b| (0x80..=0x9f).contains(b)) => {
                out.push_str(&value[plain_from..i]);
                i += 2;
                plain_from = i;
                continue;
            }
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&value[plain_from..i]);
        out.push_str(escaped);
        // A CRLF is one line break.
        i += if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
        plain_from = i;
    }
    out.push_str(&value[plain_from..]);
}

/// Appends `line` followed by CRLF, folded so that no line exceeds 75 octets: each cut falls
/// on a character boundary and the continuation starts with one space.
pub fn fold_into(out: &mut String, line: &str) {
    if line.len() <= MAX_LINE_OCTETS {
        out.push_str(line);
        out.push_str("\r\n");
        return;
    }
    let mut start = 0;
    let mut room = MAX_LINE_OCTETS;
    while start < line.len() {
        let mut end = (start + room).min(line.len());
        while !line.is_char_boundary(end) {
            end -= 1;
        }
        if start > 0 {
            out.push(' ');
        }
        out.push_str(&line[start..end]);
        out.push_str("\r\n");
        start = end;
        room = MAX_LINE_OCTETS - 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_line(name: &str, value: &str) -> String {
        let mut lines = Lines::default();
        lines.text(name, value);
        lines.finish()
    }

    #[test]
    fn backslash_semicolon_comma_and_line_breaks_are_escaped() {
        assert_eq!(text_line("SUMMARY", "a\\b;c,d\ne\r\nf\rg\u{7}h"), "SUMMARY:a\\\\b\\;c\\,d\\ne\\nf\\ngh\r\n");
    }

    #[test]
    fn tabs_and_accents_stay_and_c1_control_characters_are_dropped() {
        assert_eq!(text_line("SUMMARY", "\u{85}Entrée\tNord\u{9f}é"), "SUMMARY:Entrée\tNordé\r\n");
    }

    #[test]
    fn a_line_of_exactly_75_octets_is_not_folded_and_one_of_76_is() {
        let name_and_colon = "SUMMARY:".len();
        let exact = text_line("SUMMARY", &"x".repeat(75 - name_and_colon));
        assert_eq!(exact.matches("\r\n").count(), 1);
        let over = text_line("SUMMARY", &"x".repeat(76 - name_and_colon));
        assert_eq!(over, format!("SUMMARY:{}\r\n x\r\n", "x".repeat(75 - name_and_colon)));
    }

    #[test]
    fn folding_never_cuts_an_accented_letter_and_every_line_fits_75_octets() {
        // "é" takes two octets: with an odd prefix, a cut at 75 octets would fall inside one.
        let value = "é".repeat(200);
        let folded = text_line("SUMMARY", &value);
        for line in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= MAX_LINE_OCTETS, "{} octets: {line}", line.len());
        }
        let unfolded = folded.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{value}\r\n"));
    }

    #[test]
    fn a_four_octet_character_on_the_fold_moves_whole_to_the_next_line() {
        let value = format!("{}🚓{}", "a".repeat(66), "b".repeat(10));
        let folded = text_line("SUMMARY", &value);
        let first = folded.split("\r\n").next().unwrap();
        assert_eq!(first.len(), 74, "{first}");
        assert!(folded.contains("\r\n 🚓"));
    }
}

#[cfg(test)]
mod props {
    use proptest::prelude::*;

    use super::*;

    /// Reads a TEXT value back as RFC 5545 says.
    fn unescape(escaped: &str) -> String {
        let mut out = String::new();
        let mut chars = escaped.chars();
        while let Some(c) = chars.next() {
            match (c, c == '\\') {
                (_, true) => match chars.next() {
                    Some('n') | Some('N') => out.push('\n'),
                    Some(other) => out.push(other),
                    None => {}
                },
                (c, false) => out.push(c),
            }
        }
        out
    }

    proptest! {
        #[test]
        fn any_text_folds_into_lines_of_at_most_75_octets_that_read_back_as_the_text(
            value in "[a-zé€🚓,;\\\\\n\r\t .:]{0,300}"
        ) {
            let mut lines = Lines::default();
            lines.text("DESCRIPTION", &value);
            let feed = lines.finish();
            prop_assert!(feed.ends_with("\r\n"));
            for line in feed.trim_end_matches("\r\n").split("\r\n") {
                prop_assert!(line.len() <= MAX_LINE_OCTETS, "{} octets", line.len());
            }
            let unfolded = feed.trim_end_matches("\r\n").replace("\r\n ", "");
            prop_assert!(!unfolded.contains('\r') && !unfolded.contains('\n'));
            let read = unescape(unfolded.strip_prefix("DESCRIPTION:").unwrap());
            prop_assert_eq!(read, value.replace("\r\n", "\n").replace('\r', "\n"));
        }
    }
}
