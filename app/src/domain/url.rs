//! Percent-encoding (RFC 3986), once for every door: a calendar link inside another service's
//! address, the page to come back to after signing in, a download's file name (RFC 6266).

/// `raw` with every byte percent-encoded except the unreserved characters (letters, digits,
/// `-`, `_`, `.`, `~`) and the bytes of `keep` (e.g. `b"/"` for a path).
pub fn percent_encode(raw: &str, keep: &[u8]) -> String {
    raw.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            b if keep.contains(&b) => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::percent_encode;

    #[test]
    fn only_unreserved_characters_and_the_kept_ones_stay_as_they_are() {
        assert_eq!(percent_encode("webcal://h/a b?c=d", b""), "webcal%3A%2F%2Fh%2Fa%20b%3Fc%3Dd");
        assert_eq!(percent_encode("/evenements/1?x=é", b"/"), "/evenements/1%3Fx%3D%C3%A9");
        assert_eq!(percent_encode("arrêté~v1.pdf", b""), "arr%C3%AAt%C3%A9~v1.pdf");
    }
}
