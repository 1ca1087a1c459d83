//! Attachments of a convention file (issue 16): the prefect's orders, the site plan, the
//! insurance certificate… filed with the convention and listed in its annex. What may be
//! attached is decided here once: a PDF, PNG or JPEG recognised by its first bytes (never by
//! the name or the type the browser declares), not empty, at most [`MAX_BYTES`], under a name
//! cleaned of any path and control character; at most [`MAX_PER_FILE`] per file.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::text;

/// The largest attachment accepted: 10 MiB (a scanned order or a site plan).
pub const MAX_BYTES: usize = 10 * 1024 * 1024;
/// At most this many attachments per file.
pub const MAX_PER_FILE: usize = 20;
/// The longest file name kept, in characters.
const MAX_NAME_CHARS: usize = 120;

/// What an attachment is, as the annex lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttachmentKind {
    ArretePrefectoral,
    PlanDuSite,
    AttestationAssurance,
    Autre,
}

impl AttachmentKind {
    pub const ALL: [AttachmentKind; 4] = [
        AttachmentKind::ArretePrefectoral,
        AttachmentKind::PlanDuSite,
        AttachmentKind::AttestationAssurance,
        AttachmentKind::Autre,
    ];

    pub fn code(self) -> &'static str {
        match self {
            AttachmentKind::ArretePrefectoral => "arrete_prefectoral",
            AttachmentKind::PlanDuSite => "plan_du_site",
            AttachmentKind::AttestationAssurance => "attestation_assurance",
            AttachmentKind::Autre => "autre",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AttachmentKind::ArretePrefectoral => "Arrêté préfectoral ou municipal",
            AttachmentKind::PlanDuSite => "Plan du site",
            AttachmentKind::AttestationAssurance => "Attestation d’assurance",
            AttachmentKind::Autre => "Autre pièce",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// The formats accepted, each recognised by its signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AttachmentFormat {
    Pdf,
    Png,
    Jpeg,
}

impl AttachmentFormat {
    /// The format `bytes` begin with, if accepted.
    pub fn sniff(bytes: &[u8]) -> Option<Self> {
        if bytes.starts_with(b"%PDF-") {
            Some(AttachmentFormat::Pdf)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(AttachmentFormat::Png)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(AttachmentFormat::Jpeg)
        } else {
            None
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            AttachmentFormat::Pdf => "application/pdf",
            AttachmentFormat::Png => "image/png",
            AttachmentFormat::Jpeg => "image/jpeg",
        }
    }

    fn extension(self) -> &'static str {
        match self {
            AttachmentFormat::Pdf => "pdf",
            AttachmentFormat::Png => "png",
            AttachmentFormat::Jpeg => "jpg",
        }
    }

    pub fn from_content_type(value: &str) -> Option<Self> {
        [AttachmentFormat::Pdf, AttachmentFormat::Png, AttachmentFormat::Jpeg]
            .into_iter()
            .find(|f| f.content_type() == value)
    }
}

/// An attachment as the file lists it (its content is read apart).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentMeta {
    pub id: String,
    pub kind: AttachmentKind,
    pub file_name: String,
    pub format: AttachmentFormat,
    pub size: u64,
    pub sha256: String,
}

/// An attachment as sent: the field names are the form's (`kind`, `file`).
#[derive(Debug, Clone)]
pub struct AttachmentInput {
    pub kind: String,
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// An attachment that may be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidAttachment {
    pub kind: AttachmentKind,
    pub file_name: String,
    pub format: AttachmentFormat,
    pub sha256: String,
    pub bytes: Vec<u8>,
}

/// Why an attachment is refused, with the form's field it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentError {
    pub field: &'static str,
    pub message: String,
}

impl AttachmentInput {
    /// Checks the attachment; `already` is how many the file holds.
    pub fn parse(self, already: usize) -> Result<ValidAttachment, AttachmentError> {
        let kind = AttachmentKind::from_code(self.kind.trim())
            .ok_or(AttachmentError { field: "kind", message: text::CHOICE_INVALID.into() })?;
        let refuse = |message: String| AttachmentError { field: "file", message };
        if self.bytes.is_empty() {
            return Err(refuse(text::ATTACHMENT_EMPTY.into()));
        }
        if self.bytes.len() > MAX_BYTES {
            return Err(refuse(text::attachment_too_large(MAX_BYTES / (1024 * 1024))));
        }
        let format = AttachmentFormat::sniff(&self.bytes).ok_or_else(|| refuse(text::ATTACHMENT_FORMAT.into()))?;
        if already >= MAX_PER_FILE {
            return Err(refuse(text::attachments_too_many(MAX_PER_FILE)));
        }
        let file_name = clean_name(&self.file_name, format);
        let sha256 = crate::domain::document::lower_hex(&Sha256::digest(&self.bytes));
        Ok(ValidAttachment { kind, file_name, format, sha256, bytes: self.bytes })
    }
}

/// The name without any folder, control or quoting character, at most 120 characters, and
/// ending with the extension of what the file really is.
pub fn clean_name(name: &str, format: AttachmentFormat) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let kept: String =
        base.chars().filter(|c| !c.is_control() && !matches!(c, '"' | '<' | '>' | '|' | '*' | '?' | ':')).collect();
    let kept = kept.trim().trim_start_matches('.').trim();
    let stem = match kept.rsplit_once('.') {
        Some((stem, _)) if !stem.trim().is_empty() => stem.trim(),
        _ => kept,
    };
    let stem = if stem.is_empty() { "piece-jointe" } else { stem };
    let stem: String = stem.chars().take(MAX_NAME_CHARS - 4).collect();
    format!("{stem}.{}", format.extension())
}

/// A size as a person reads it, in French: « 245 Ko », « 1,2 Mo ».
pub fn size_fr(bytes: u64) -> String {
    if bytes < 1024 {
        format!("{bytes} o")
    } else if bytes < 1024 * 1024 {
        format!("{} Ko", bytes.div_ceil(1024))
    } else {
        let tenths = (bytes * 10).div_ceil(1024 * 1024);
        format!("{},{} Mo", tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(kind: &str, name: &str, bytes: &[u8]) -> AttachmentInput {
        AttachmentInput { kind: kind.into(), file_name: name.into(), bytes: bytes.to_vec() }
    }

    #[test]
    fn a_pdf_order_is_accepted_under_its_cleaned_name_with_its_digest() {
        let valid = input("arrete_prefectoral", "C:\\Scans\\arrêté 2027-12.PDF", b"%PDF-1.7\n...").parse(0).unwrap();
        assert_eq!(valid.kind, AttachmentKind::ArretePrefectoral);
        assert_eq!(valid.format, AttachmentFormat::Pdf);
        assert_eq!(valid.file_name, "arrêté 2027-12.pdf");
        assert_eq!(valid.sha256.len(), 64);
    }

    #[test]
    fn the_format_is_what_the_bytes_are_not_what_the_name_says() {
        let refused = input("plan_du_site", "plan.pdf", b"<html>not a pdf</html>").parse(0).unwrap_err();
        assert_eq!(refused.field, "file");
        assert_eq!(refused.message, text::ATTACHMENT_FORMAT);
        let png = input("plan_du_site", "plan.pdf", b"\x89PNG\r\n\x1a\n....").parse(0).unwrap();
        assert_eq!(png.file_name, "plan.png", "the extension follows the content");
        let jpeg = input("autre", "../../etc/passwd", &[0xFF, 0xD8, 0xFF, 0xE0]).parse(0).unwrap();
        assert_eq!(jpeg.file_name, "passwd.jpg");
    }

    #[test]
    fn an_empty_a_too_large_an_unknown_kind_or_one_too_many_is_refused_next_to_its_field() {
        assert_eq!(input("autre", "a.pdf", b"").parse(0).unwrap_err().message, text::ATTACHMENT_EMPTY);
        let mut big = b"%PDF-".to_vec();
        big.resize(MAX_BYTES + 1, b'x');
        assert_eq!(input("autre", "a.pdf", &big).parse(0).unwrap_err().message, text::attachment_too_large(10));
        assert_eq!(input("facture", "a.pdf", b"%PDF-1.4").parse(0).unwrap_err().field, "kind");
        let refused = input("autre", "a.pdf", b"%PDF-1.4").parse(MAX_PER_FILE).unwrap_err();
        assert_eq!(refused.message, text::attachments_too_many(MAX_PER_FILE));
    }

    #[test]
    fn a_name_made_only_of_forbidden_characters_gets_a_plain_one() {
        assert_eq!(clean_name("\u{0007}\"<>.", AttachmentFormat::Pdf), "piece-jointe.pdf");
        assert_eq!(clean_name(&"a".repeat(400), AttachmentFormat::Png).chars().count(), MAX_NAME_CHARS);
    }

    #[test]
    fn sizes_read_in_french_units() {
        assert_eq!(size_fr(512), "512 o");
        assert_eq!(size_fr(250_000), "245 Ko");
        assert_eq!(size_fr(1_258_291), "1,2 Mo");
    }
}
