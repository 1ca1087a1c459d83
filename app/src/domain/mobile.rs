//! An account's mobile number, to which the day's alerts go by SMS (optional; personal data,
//! `docs/personal-data.md`). Only French mobile numbers: metropolitan 06 and 07, and the
//! overseas departments' mobiles, typed as people write them (« 06 12 34 56 78 »,
//! « +33 6 12 34 56 78 », « 0690 12 34 56 ») and kept in the international form
//! (`+33612345678`, `+590690123456`) that SMS gateways take.

use serde::{Deserialize, Serialize};

use crate::text;

/// A French mobile number in its international form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MobileNumber(String);

/// The overseas departments' mobile prefixes (national form) and their country codes.
const OVERSEAS: [(&str, &str); 6] = [
    ("0690", "590"), // Guadeloupe, Saint-Martin, Saint-Barthélemy
    ("0691", "590"),
    ("0694", "594"), // Guyane
    ("0696", "596"), // Martinique
    ("0692", "262"), // La Réunion
    ("0693", "262"),
];

impl MobileNumber {
    /// Reads a number as typed: spaces, dots, dashes and parentheses are ignored; `Ok(None)`
    /// for an empty field (no number); a French error otherwise.
    pub fn parse(raw: &str) -> Result<Option<MobileNumber>, &'static str> {
        let typed = raw.trim();
        if typed.is_empty() {
            return Ok(None);
        }
        let mut digits = String::new();
        for (i, c) in typed.chars().enumerate() {
            match c {
                '0'..='9' => digits.push(c),
                '+' if i == 0 => digits.push_str("00"),
                ' ' | '.' | '-' | '(' | ')' | '\u{a0}' => {}
                _ => return Err(text::MOBILE_INVALID),
            }
        }
        let national = if let Some(rest) = digits.strip_prefix("0033") {
            format!("0{}", rest.strip_prefix('0').unwrap_or(rest))
        } else if let Some((code, rest)) =
            ["00590", "00594", "00596", "00262"].iter().find_map(|c| digits.strip_prefix(c).map(|r| (c, r)))
        {
            // +590 690…: the overseas number without its 0, after its country code.
            let national = format!("0{}", rest.strip_prefix('0').unwrap_or(rest));
            if !OVERSEAS.iter().any(|(prefix, cc)| national.starts_with(prefix) && code.ends_with(cc)) {
                return Err(text::MOBILE_INVALID);
            }
            national
        } else {
            digits
        };
        if national.len() != 10 || !(national.starts_with("06") || national.starts_with("07")) {
            return Err(text::MOBILE_INVALID);
        }
        let international = match OVERSEAS.iter().find(|(prefix, _)| national.starts_with(prefix)) {
            Some((_, code)) => format!("+{code}{}", &national[1..]),
            None => format!("+33{}", &national[1..]),
        };
        Ok(Some(MobileNumber(international)))
    }

    /// The number as stored and sent to the gateway: `+33612345678`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A stored number, trusted as written by [`MobileNumber::parse`].
    pub fn from_stored(stored: String) -> MobileNumber {
        MobileNumber(stored)
    }

    /// The number as French people read it: « 06 12 34 56 78 ».
    pub fn display(&self) -> String {
        let national = match self.0.strip_prefix("+33") {
            Some(rest) => format!("0{rest}"),
            None => format!("0{}", self.0.get(4..).unwrap_or_default()),
        };
        let chars: Vec<char> = national.chars().collect();
        chars.chunks(2).map(|pair| pair.iter().collect::<String>()).collect::<Vec<_>>().join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(raw: &str) -> Option<String> {
        MobileNumber::parse(raw).unwrap().map(|m| m.as_str().to_string())
    }

    #[test]
    fn a_mobile_number_typed_as_people_write_it_is_kept_in_international_form() {
        assert_eq!(parsed("06 12 34 56 78").as_deref(), Some("+33612345678"));
        assert_eq!(parsed("07.12.34.56.78").as_deref(), Some("+33712345678"));
        assert_eq!(parsed("+33 6 12 34 56 78").as_deref(), Some("+33612345678"));
        assert_eq!(parsed("+33 (0)6 12 34 56 78").as_deref(), Some("+33612345678"));
        assert_eq!(parsed("0033612345678").as_deref(), Some("+33612345678"));
        assert_eq!(parsed("0690 12 34 56").as_deref(), Some("+590690123456"));
        assert_eq!(parsed("+262 692 12 34 56").as_deref(), Some("+262692123456"));
        assert_eq!(parsed("   "), None, "an empty field is no number");
    }

    #[test]
    fn a_landline_a_foreign_number_or_letters_are_refused_in_french() {
        for bad in [
            "04 42 00 00 00",
            "06 12 34 56",
            "06 12 34 56 78 9",
            "+44 7700 900123",
            "06 12 AB 56 78",
            "+262 690 12 34 56",
            "6+12345678",
        ] {
            assert_eq!(MobileNumber::parse(bad), Err(text::MOBILE_INVALID), "{bad}");
        }
    }

    #[test]
    fn a_stored_number_is_shown_in_pairs_of_digits() {
        assert_eq!(MobileNumber::parse("+33612345678").unwrap().unwrap().display(), "06 12 34 56 78");
        assert_eq!(MobileNumber::parse("0690123456").unwrap().unwrap().display(), "06 90 12 34 56");
    }
}
