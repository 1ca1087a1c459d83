//! The fingerprint printed on every page of the convention: the SHA-256 of the release it was
//! built from, so that a reader can tell which published plan the prefecture signed.
//!
//! Canonical form: the compact JSON serialisation of the [`Release`] by `serde_json` (no
//! whitespace; struct fields in their declaration order; every map is a `BTreeMap`, so keys
//! are sorted; numbers as integers, coordinates by `ryu`'s shortest round-trip form; strings
//! UTF-8 with JSON's minimal escapes). It is the very text the store writes in
//! `releases.data`, so `SELECT data FROM releases …` piped to `sha256sum` gives the same
//! value. It changes if the release format changes; an approved PDF keeps the value it was
//! signed with.

use sha2::{Digest, Sha256};

use crate::domain::release::Release;

/// The lower-case hexadecimal SHA-256 of `release`'s canonical JSON (64 characters).
pub fn release_sha256(release: &Release) -> String {
    // Serialising plain data into a Vec cannot fail (no map with non-string keys, no I/O); an
    // impossible error still yields a digest, of the empty input, rather than a panic.
    let bytes = serde_json::to_vec(release).unwrap_or_default();
    lower_hex(&Sha256::digest(&bytes))
}

/// Lower-case hexadecimal, two digits per byte, in one allocation (digests, tokens, ETags).
pub fn lower_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        out.push(char::from(DIGITS[usize::from(byte >> 4)]));
        out.push(char::from(DIGITS[usize::from(byte & 0x0f)]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::document::fixtures::saint_jean_release;

    #[test]
    fn the_digest_is_the_sha256_of_the_json_the_store_writes() {
        let release = saint_jean_release();
        let stored = serde_json::to_string(&release).unwrap();
        let expected = lower_hex(&Sha256::digest(stored.as_bytes()));
        assert_eq!(release_sha256(&release), expected);
        assert_eq!(expected.len(), 64);
        assert!(expected.chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    }

    #[test]
    fn a_release_read_back_from_its_json_has_the_same_digest() {
        let release = saint_jean_release();
        let read: Release = serde_json::from_str(&serde_json::to_string(&release).unwrap()).unwrap();
        assert_eq!(release_sha256(&read), release_sha256(&release));
    }

    #[test]
    fn the_hex_of_known_bytes_is_lower_case() {
        assert_eq!(lower_hex(&[0x00, 0x0f, 0xab, 0xff]), "000fabff");
        // SHA-256 of the empty input, a published test vector.
        assert_eq!(lower_hex(&Sha256::digest(b"")), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
