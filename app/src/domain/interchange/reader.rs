//! Walking a JSON value with a path in hand: each read either yields the value in the shape the
//! format expects or records a French error at its path and yields `None`, so that a whole file
//! is read to the end and every problem is reported at once.

use serde_json::{Map, Value};

use super::document::WindowDoc;
use super::report::Report;

pub(super) const MISSING: &str = "Ce champ est obligatoire.";
pub(super) const UNKNOWN_FIELD: &str = "Champ inconnu : le format cordon-plan ne le prévoit pas.";
pub(super) const NOT_OBJECT: &str = "Un objet JSON est attendu.";
pub(super) const NOT_LIST: &str = "Une liste JSON est attendue.";
pub(super) const NOT_STRING: &str = "Une chaîne de caractères est attendue.";
pub(super) const NOT_BOOL: &str = "Un booléen (true ou false) est attendu.";
pub(super) const NOT_COUNT: &str = "Un nombre entier positif ou nul est attendu.";
pub(super) const NOT_NUMBER: &str = "Un nombre est attendu.";

/// The path of `key` inside the object at `parent`: `$.a.b`, or `$.a["clé bizarre"]`.
pub(super) fn child(parent: &str, key: &str) -> String {
    if !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        format!("{parent}.{key}")
    } else {
        let shown: String = key.chars().take(40).collect();
        format!("{parent}[{}]", serde_json::Value::String(shown))
    }
}

/// The path of the `index`-th item of the list at `parent`.
pub(super) fn item(parent: &str, index: usize) -> String {
    format!("{parent}[{index}]")
}

/// An object being read; remembers which keys were read to report the others as unknown.
pub(super) struct Obj<'a> {
    map: &'a Map<String, Value>,
    path: String,
    seen: Vec<&'static str>,
}

impl<'a> Obj<'a> {
    /// The object at `path`, or an error if the value is something else.
    pub fn open(value: &'a Value, path: &str, report: &mut Report) -> Option<Obj<'a>> {
        match value {
            Value::Object(map) => Some(Obj { map, path: path.to_string(), seen: Vec::new() }),
            _ => {
                report.push(path, NOT_OBJECT);
                None
            }
        }
    }

    /// The path of one of the object's fields.
    pub fn at(&self, key: &str) -> String {
        child(&self.path, key)
    }

    /// A field that may be absent or `null`.
    pub fn optional(&mut self, key: &'static str) -> Option<&'a Value> {
        self.seen.push(key);
        self.map.get(key).filter(|value| !value.is_null())
    }

    /// A field that must be present and not `null`.
    pub fn required(&mut self, key: &'static str, report: &mut Report) -> Option<&'a Value> {
        let value = self.optional(key);
        if value.is_none() {
            report.push(&self.at(key), MISSING);
        }
        value
    }

    /// Reports every key that was not read.
    pub fn finish(self, report: &mut Report) {
        for key in self.map.keys().filter(|key| !self.seen.contains(&key.as_str())) {
            report.push(&child(&self.path, key), UNKNOWN_FIELD);
        }
    }

    /// A required field read with `read`.
    pub fn req<T>(&mut self, key: &'static str, report: &mut Report, read: Read<T>) -> Option<T> {
        let value = self.required(key, report)?;
        read(value, &self.at(key), report)
    }

    /// An optional field read with `read`: `Some(None)` when absent, `None` when malformed.
    pub fn opt<T>(&mut self, key: &'static str, report: &mut Report, read: Read<T>) -> Option<Option<T>> {
        match self.optional(key) {
            None => Some(None),
            Some(value) => read(value, &self.at(key), report).map(Some),
        }
    }
}

/// A reader of one JSON value at a path.
pub(super) type Read<T> = fn(&Value, &str, &mut Report) -> Option<T>;

/// Records `message` at `path` and yields nothing.
fn refuse<T>(report: &mut Report, path: &str, message: &str) -> Option<T> {
    report.push(path, message);
    None
}

/// A string.
pub(super) fn string(value: &Value, path: &str, report: &mut Report) -> Option<String> {
    value.as_str().map(str::to_string).or_else(|| refuse(report, path, NOT_STRING))
}

/// A boolean.
pub(super) fn boolean(value: &Value, path: &str, report: &mut Report) -> Option<bool> {
    value.as_bool().or_else(|| refuse(report, path, NOT_BOOL))
}

/// A whole number ≥ 0. Numbers beyond `u32` saturate, so that the domain's own range check
/// says what the limit is (a headcount of 10^12 reads "between 1 and 10,000", not "too big").
pub(super) fn count(value: &Value, path: &str, report: &mut Report) -> Option<u32> {
    if let Some(n) = value.as_u64() {
        return Some(u32::try_from(n).unwrap_or(u32::MAX));
    }
    match value.as_f64() {
        Some(f) if f >= 0.0 && f.fract() == 0.0 => Some(u32::MAX),
        _ => refuse(report, path, NOT_COUNT),
    }
}

/// A small whole number ≥ 0 (a priority), saturating like [`count`].
pub(super) fn small(value: &Value, path: &str, report: &mut Report) -> Option<u8> {
    count(value, path, report).map(|n| u8::try_from(n).unwrap_or(u8::MAX))
}

/// A number, for coordinates.
pub(super) fn number(value: &Value, path: &str, report: &mut Report) -> Option<f64> {
    value.as_f64().or_else(|| refuse(report, path, NOT_NUMBER))
}

/// A list; each item is then read by the caller with its own path.
pub(super) fn list<'a>(value: &'a Value, path: &str, report: &mut Report) -> Option<&'a [Value]> {
    value.as_array().map(Vec::as_slice).or_else(|| refuse(report, path, NOT_LIST))
}

/// A list whose every item is read with `read`; `None` if any item is malformed.
pub(super) fn list_of<T>(value: &Value, path: &str, report: &mut Report, read: Read<T>) -> Option<Vec<T>> {
    let items = list(value, path, report)?;
    let read: Vec<Option<T>> = items.iter().enumerate().map(|(i, v)| read(v, &item(path, i), report)).collect();
    read.into_iter().collect()
}

/// One value of a closed list of codes (`ZoneKind`, `Qualification`, …), by its code.
pub(super) fn code<E: Copy>(
    value: &Value,
    path: &str,
    report: &mut Report,
    all: &[E],
    code: fn(E) -> &'static str,
) -> Option<E> {
    let raw = string(value, path, report)?;
    if let Some(found) = all.iter().copied().find(|e| code(*e) == raw) {
        return Some(found);
    }
    let expected = all.iter().map(|e| format!("« {} »", code(*e))).collect::<Vec<_>>().join(", ");
    let shown: String = raw.chars().take(40).collect();
    refuse(report, path, &format!("Valeur inconnue « {shown} » : valeurs possibles {expected}."))
}

/// A window object `{"start": …, "end": …}`, its instants still as text.
pub(super) fn window(value: &Value, path: &str, report: &mut Report) -> Option<WindowDoc> {
    let mut obj = Obj::open(value, path, report)?;
    let start = obj.req("start", report, string);
    let end = obj.req("end", report, string);
    obj.finish(report);
    Some(WindowDoc { start: start?, end: end? })
}

/// Declares a reader for a coded enum, usable as a [`Read`].
macro_rules! code_reader {
    ($name:ident, $enum:ty) => {
        pub(super) fn $name(value: &serde_json::Value, path: &str, report: &mut Report) -> Option<$enum> {
            $crate::domain::interchange::reader::code(value, path, report, <$enum>::ALL, <$enum>::code)
        }
    };
}

pub(super) use code_reader;
