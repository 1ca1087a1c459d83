//! People's accounts: e-mail addresses, names and passwords, parsed once at the edge.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::text;

/// Why a piece of account data was refused. Each variant reads as a French message.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AccountError {
    #[error("{}", text::EMAIL_REQUIRED)]
    EmailRequired,
    #[error("{}", text::EMAIL_INVALID)]
    EmailInvalid,
    #[error("{}", text::EMAIL_TOO_LONG)]
    EmailTooLong,
    #[error("{}", text::PASSWORD_TOO_SHORT)]
    PasswordTooShort,
    #[error("{}", text::PASSWORD_TOO_LONG)]
    PasswordTooLong,
    #[error("{}", text::NAME_REQUIRED)]
    NameRequired,
    #[error("{}", text::NAME_TOO_LONG)]
    NameTooLong,
    #[error("{}", text::NAME_CONTROL_CHARS)]
    NameControlChars,
}

/// An e-mail address, trimmed and lower-cased, so that one person has one account.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Self, AccountError> {
        let value = raw.trim().to_lowercase();
        if value.is_empty() {
            return Err(AccountError::EmailRequired);
        }
        if value.len() > 254 {
            return Err(AccountError::EmailTooLong);
        }
        let (local, domain) = value.split_once('@').ok_or(AccountError::EmailInvalid)?;
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && domain.chars().all(|c| c.is_alphanumeric() || c == '.' || c == '-');
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && local.chars().all(|c| !c.is_whitespace() && !c.is_control() && !"<>()[]\\,;:\"@".contains(c));
        if !(domain_ok && local_ok) {
            return Err(AccountError::EmailInvalid);
        }
        Ok(Email(value))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A person's display name ("Camille Martin"): 1 to 120 characters, no control characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonName(String);

impl PersonName {
    pub fn parse(raw: &str) -> Result<Self, AccountError> {
        Ok(PersonName(parse_label(raw, 120)?))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Trims, then refuses empty, over-long or control-character labels. Shared by every name.
pub(crate) fn parse_label(raw: &str, max_chars: usize) -> Result<String, AccountError> {
    let value = raw.trim();
    if value.is_empty() {
        return Err(AccountError::NameRequired);
    }
    if value.chars().count() > max_chars {
        return Err(AccountError::NameTooLong);
    }
    if value.chars().any(char::is_control) {
        return Err(AccountError::NameControlChars);
    }
    Ok(value.to_string())
}

/// A password as typed, before hashing. At least 12 characters (ANSSI's guidance for a
/// password alone), at most 1,024 so that hashing cannot be abused to burn the server's CPU.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl Password {
    /// What is wrong with a password being typed, for the hint under the field (`None`: it
    /// passes): the same rule as [`Password::parse`], shown while typing.
    pub fn problem(typed: &str) -> Option<String> {
        Password::parse(typed).err().map(|e| e.to_string())
    }

    pub const MIN_CHARS: usize = 12;
    pub const MAX_CHARS: usize = 1024;

    pub fn parse(raw: &str) -> Result<Self, AccountError> {
        let count = raw.chars().count();
        if count < Self::MIN_CHARS {
            return Err(AccountError::PasswordTooShort);
        }
        if count > Self::MAX_CHARS {
            return Err(AccountError::PasswordTooLong);
        }
        Ok(Password(raw.to_string()))
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_email_is_trimmed_and_lower_cased() {
        assert_eq!(
            Email::parse("  Camille.Martin@Mairie-Arles.FR ").unwrap().as_str(),
            "camille.martin@mairie-arles.fr"
        );
    }

    #[test]
    fn an_email_without_a_domain_is_refused_with_a_french_message() {
        let err = Email::parse("camille@localhost").unwrap_err();
        assert_eq!(err, AccountError::EmailInvalid);
        assert!(err.to_string().starts_with("Adresse électronique invalide"));
    }

    #[test]
    fn emails_with_spaces_or_two_at_signs_are_refused() {
        for bad in ["a b@c.fr", "a@b@c.fr", "@c.fr", "a@.fr", "a@c..fr", ""] {
            assert!(Email::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn an_eleven_character_password_is_too_short() {
        assert_eq!(Password::parse("onze-caract").unwrap_err(), AccountError::PasswordTooShort);
        assert!(Password::parse("douze-caract").is_ok());
    }

    #[test]
    fn a_password_counts_characters_not_bytes() {
        // 12 accented characters are 24 bytes but still 12 characters.
        assert!(Password::parse("éééééééééééé").is_ok());
        assert!(Password::parse("ééééééééééé").is_err());
    }

    #[test]
    fn a_password_never_shows_in_debug_output() {
        assert_eq!(format!("{:?}", Password::parse("secret-de-douze").unwrap()), "Password(***)");
    }

    #[test]
    fn a_name_with_a_newline_is_refused() {
        assert_eq!(PersonName::parse("Camille\nMartin").unwrap_err(), AccountError::NameControlChars);
        assert_eq!(PersonName::parse("   ").unwrap_err(), AccountError::NameRequired);
    }
}
