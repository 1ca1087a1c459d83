//! Parsing of the small text fields every plan record carries: ids and labels.

use super::error::PlanError;

/// Parses an id: UUID text, normalised to lower-case hyphenated form so that one record has
/// one spelling of its id.
pub fn parse_id(raw: &str) -> Result<String, PlanError> {
    uuid::Uuid::parse_str(raw.trim()).map(|id| id.hyphenated().to_string()).map_err(|_| PlanError::InvalidId)
}

/// Parses an optional id; `None` stays `None`.
pub fn parse_optional_id(raw: Option<&str>) -> Result<Option<String>, PlanError> {
    raw.map(parse_id).transpose()
}

/// Trims a required label and refuses it empty, longer than `max` characters or holding
/// control characters.
pub fn parse_label(raw: &str, max: usize) -> Result<String, PlanError> {
    let value = parse_free_text(raw, max)?;
    if value.is_empty() {
        return Err(PlanError::TextRequired);
    }
    Ok(value)
}

/// Trims a free text that may be empty; refuses it longer than `max` characters or with
/// control characters other than line breaks and tabs.
pub fn parse_free_text(raw: &str, max: usize) -> Result<String, PlanError> {
    let value = raw.trim();
    if value.chars().count() > max {
        return Err(PlanError::TextTooLong { max });
    }
    if value.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
        return Err(PlanError::TextControlChars);
    }
    Ok(value.to_string())
}

/// An optional one-line label: blank becomes `None`.
pub fn parse_optional_label(raw: Option<&str>, max: usize) -> Result<Option<String>, PlanError> {
    match raw.map(str::trim) {
        None | Some("") => Ok(None),
        Some(value) => parse_label(value, max).map(Some),
    }
}

/// Declares a closed list with a stable code (stored, exchanged in JSON) and a French label.
macro_rules! coded_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $($(#[$vmeta:meta])* $variant:ident => ($code:literal, $label:literal)),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
        )]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $code)] $variant),+
        }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable code stored in the database and used in forms and plan files.
            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code),+
                }
            }

            /// The French label shown to people.
            pub fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $label),+
                }
            }

            /// The value with this stable code, if any.
            pub fn from_code(code: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.code() == code)
            }
        }
    };
}

pub(crate) use coded_enum;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_upper_case_uuid_is_stored_in_lower_case() {
        assert_eq!(parse_id(" 67E55044-10B1-426F-9247-BB680E5FE0C8 ").unwrap(), "67e55044-10b1-426f-9247-bb680e5fe0c8");
    }

    #[test]
    fn an_id_that_is_not_a_uuid_is_refused() {
        assert_eq!(parse_id("zone-1"), Err(PlanError::InvalidId));
        assert_eq!(parse_id(""), Err(PlanError::InvalidId));
    }

    #[test]
    fn a_blank_label_is_refused_and_a_long_one_too() {
        assert_eq!(parse_label("   ", 10), Err(PlanError::TextRequired));
        assert_eq!(parse_label("Entrée Nord", 5), Err(PlanError::TextTooLong { max: 5 }));
        assert_eq!(parse_label("Entrée\u{7}Nord", 50), Err(PlanError::TextControlChars));
        assert_eq!(parse_label("  Entrée Nord ", 50).unwrap(), "Entrée Nord");
    }

    #[test]
    fn a_blank_optional_label_becomes_none() {
        assert_eq!(parse_optional_label(Some("  "), 10), Ok(None));
        assert_eq!(parse_optional_label(Some(" Canal 3 "), 10), Ok(Some("Canal 3".to_string())));
    }
}
