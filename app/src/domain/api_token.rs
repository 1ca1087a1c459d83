//! Personal API tokens: how many one person may hold and what a token's name may be. Checked
//! on the server, and in the browser while typing.

use crate::text;

/// The most live tokens one person may hold.
pub const MAX_ACTIVE_TOKENS: usize = 20;

/// The longest token name, in characters.
pub const MAX_TOKEN_NAME: usize = 100;

/// A token's name, trimmed: required, at most [`MAX_TOKEN_NAME`] characters, no control
/// characters.
pub fn parse_token_name(raw: &str) -> Result<String, &'static str> {
    let name = raw.trim();
    if name.is_empty() {
        Err(text::API_TOKEN_NAME_REQUIRED)
    } else if name.chars().count() > MAX_TOKEN_NAME {
        Err(text::API_TOKEN_NAME_TOO_LONG)
    } else if name.chars().any(char::is_control) {
        Err(text::NAME_CONTROL_CHARS)
    } else {
        Ok(name.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_name_is_trimmed_and_must_be_short_and_printable() {
        assert_eq!(parse_token_name("  Export nocturne  "), Ok("Export nocturne".to_string()));
        assert_eq!(parse_token_name("   "), Err(text::API_TOKEN_NAME_REQUIRED));
        assert_eq!(parse_token_name(&"é".repeat(100)).map(|n| n.chars().count()), Ok(100));
        assert_eq!(parse_token_name(&"é".repeat(101)), Err(text::API_TOKEN_NAME_TOO_LONG));
        assert_eq!(parse_token_name("a\u{7}b"), Err(text::NAME_CONTROL_CHARS));
    }
}
