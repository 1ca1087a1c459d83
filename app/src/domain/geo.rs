//! French administrative geography as far as accounts need it: department numbers and the
//! shape of INSEE commune codes. (The full official commune list arrives with event planning.)

use serde::{Deserialize, Serialize};

/// A department number: 01–95 (20 is split into 2A and 2B), 971–976 overseas departments,
/// and 975, 977, 978, 984, 986, 987, 988 for the overseas collectivities with a prefect
/// or a high commissioner.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Department(String);

const OVERSEAS: [&str; 13] =
    ["971", "972", "973", "974", "975", "976", "977", "978", "984", "986", "987", "988", "989"];

impl Department {
    pub fn parse(raw: &str) -> Option<Self> {
        let value = raw.trim().to_uppercase();
        let metropolitan = match value.as_str() {
            "2A" | "2B" => true,
            v if v.len() == 2 && v.chars().all(|c| c.is_ascii_digit()) => {
                matches!(v.parse::<u8>(), Ok(n) if (1..=95).contains(&n) && n != 20)
            }
            _ => false,
        };
        // 989 (Clipperton) has no population: excluded on purpose.
        (metropolitan || (OVERSEAS.contains(&value.as_str()) && value != "989")).then_some(Department(value))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An INSEE commune code: five characters, digits except `2A`/`2B` at the start for Corsica.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CommuneCode(String);

impl CommuneCode {
    pub fn parse(raw: &str) -> Option<Self> {
        let value = raw.trim().to_uppercase();
        if value.len() != 5 || !value.is_ascii() {
            return None;
        }
        let (head, tail) = value.split_at(2);
        let head_ok = head == "2A" || head == "2B" || head.chars().all(|c| c.is_ascii_digit());
        let tail_ok = tail.chars().all(|c| c.is_ascii_digit());
        (head_ok && tail_ok && head != "00" && head != "20").then_some(CommuneCode(value))
    }
    /// The department the commune belongs to (3 digits overseas).
    pub fn department(&self) -> Option<Department> {
        if self.0.starts_with("97") || self.0.starts_with("98") {
            Department::parse(&self.0[..3])
        } else {
            Department::parse(&self.0[..2])
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corsica_and_overseas_departments_are_known() {
        for ok in ["2A", "2b", "13", "01", "95", "971", "974", "976", "988"] {
            assert!(Department::parse(ok).is_some(), "{ok}");
        }
        for bad in ["20", "00", "96", "970", "989", "1", "ABC", ""] {
            assert!(Department::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn a_commune_code_knows_its_department() {
        assert_eq!(CommuneCode::parse("13004").unwrap().department().unwrap().as_str(), "13");
        assert_eq!(CommuneCode::parse("97411").unwrap().department().unwrap().as_str(), "974");
        assert_eq!(CommuneCode::parse("2a004").unwrap().department().unwrap().as_str(), "2A");
        assert!(CommuneCode::parse("1300").is_none());
        assert!(CommuneCode::parse("20004").is_none());
    }
}
