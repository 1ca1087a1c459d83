//! A small CSV reader, enough for what spreadsheets export: a chosen separator, fields in
//! double quotes that may hold separators, line breaks and doubled quotes (`""`), LF or CRLF
//! line ends. Each record remembers the line it starts on, for error messages.

/// One record (line) of a CSV text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Record {
    /// The line the record starts on, counting from 1.
    pub line: usize,
    pub fields: Vec<String>,
    /// A quoted field was still open at the end of the text.
    pub unterminated: bool,
}

/// Splits `text` into records. Records whose fields are all blank (empty lines, or `;;;` left
/// by a spreadsheet) are skipped.
pub(super) fn records(text: &str, separator: char) -> Vec<Record> {
    let mut reader = Reader { chars: text.chars().peekable(), line: 1 };
    let mut records = Vec::new();
    while reader.chars.peek().is_some() {
        let record = reader.record(separator);
        if record.unterminated || record.fields.iter().any(|field| !field.trim().is_empty()) {
            records.push(record);
        }
    }
    records
}

struct Reader<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    line: usize,
}

/// What ended a field.
enum End {
    Separator,
    LineOrText,
}

impl Reader<'_> {
    fn record(&mut self, separator: char) -> Record {
        let mut record = Record { line: self.line, fields: Vec::new(), unterminated: false };
        loop {
            let mut field = String::new();
            if self.chars.peek() == Some(&'"') {
                self.chars.next();
                record.unterminated |= !self.quoted(&mut field);
            }
            let end = self.unquoted(&mut field, separator);
            record.fields.push(field);
            if matches!(end, End::LineOrText) {
                return record;
            }
        }
    }

    /// Reads a quoted field's content after its opening quote; false if it never closes.
    fn quoted(&mut self, field: &mut String) -> bool {
        while let Some(c) = self.chars.next() {
            match c {
                '"' if self.chars.peek() == Some(&'"') => {
                    self.chars.next();
                    field.push('"');
                }
                '"' => return true,
                '\r' if self.chars.peek() == Some(&'\n') => {}
                '\n' => {
                    self.line += 1;
                    field.push('\n');
                }
                c => field.push(c),
            }
        }
        false
    }

    /// Reads up to the next separator or line end (anything after a closing quote is kept
    /// as it is, rather than refusing a slightly malformed line).
    fn unquoted(&mut self, field: &mut String, separator: char) -> End {
        while let Some(c) = self.chars.next() {
            match c {
                c if c == separator => return End::Separator,
                '\r' if self.chars.peek() == Some(&'\n') => {}
                '\n' => {
                    self.line += 1;
                    return End::LineOrText;
                }
                c => field.push(c),
            }
        }
        End::LineOrText
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str, separator: char) -> Vec<(usize, Vec<String>)> {
        records(text, separator).into_iter().map(|r| (r.line, r.fields)).collect()
    }

    fn row(line: usize, fields: &[&str]) -> (usize, Vec<String>) {
        (line, fields.iter().map(|f| f.to_string()).collect())
    }

    #[test]
    fn semicolon_separated_lines_with_crlf_split_into_fields() {
        assert_eq!(
            fields("nom;carte\r\nNadia B.;CAR-013\r\n", ';'),
            vec![row(1, &["nom", "carte"]), row(2, &["Nadia B.", "CAR-013"])]
        );
    }

    #[test]
    fn a_quoted_field_keeps_its_separator_its_doubled_quotes_and_its_line_break() {
        let text = "a,b\n\"Martin, dit \"\"Tintin\"\"\",\"deux\nlignes\"\nx,y";
        assert_eq!(
            fields(text, ','),
            vec![row(1, &["a", "b"]), row(2, &["Martin, dit \"Tintin\"", "deux\nlignes"]), row(4, &["x", "y"])]
        );
    }

    #[test]
    fn blank_lines_and_lines_of_separators_are_skipped_but_counted() {
        assert_eq!(fields("a;b\n\n;;\n  \nc;d", ';'), vec![row(1, &["a", "b"]), row(5, &["c", "d"])]);
    }

    #[test]
    fn a_quote_never_closed_marks_the_record_as_unterminated() {
        let read = records("a;b\n\"Nadia;B.\n", ';');
        assert_eq!(read.len(), 2);
        assert!(read[1].unterminated);
        assert_eq!(read[1].line, 2);
    }
}
