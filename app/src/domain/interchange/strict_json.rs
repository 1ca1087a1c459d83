//! Reading JSON text into a `serde_json::Value` the strict way: a key given twice in one
//! object is refused (with the last one silently winning, `{"min": 1, "min": 1000000000}`
//! would say two things), and every syntax error reads in French with its line and column.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

/// Parses `text` as one JSON value; the error is the French message.
pub(super) fn parse_strict(text: &str) -> Result<Value, String> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let parsed = deserializer.deserialize_any(StrictVisitor).and_then(|value| deserializer.end().map(|()| value));
    parsed.map_err(|error| {
        let reason = french_reason(&error);
        format!("JSON invalide à la ligne {}, colonne {} : {reason}.", error.line(), error.column())
    })
}

/// Marks the messages this module raises itself, to tell them from serde_json's.
const OWN: &str = "cordon:";

fn french_reason(error: &serde_json::Error) -> String {
    let text = error.to_string();
    if let Some(own) = text.strip_prefix(OWN) {
        return own.rsplit_once(" at line ").map_or(own, |(message, _)| message).to_string();
    }
    let table = [
        ("EOF while parsing", "le texte s'arrête avant la fin du document"),
        ("recursion limit exceeded", "trop de niveaux d'imbrication (128 au plus)"),
        ("number out of range", "nombre hors limites"),
        ("trailing characters", "caractères après la fin du document"),
        ("trailing comma", "virgule en trop"),
        ("control character", "caractère de contrôle dans une chaîne"),
        ("key must be a string", "une clé doit être une chaîne entre guillemets"),
    ];
    let reason = table.iter().find(|(english, _)| text.starts_with(english)).map_or("erreur de syntaxe", |(_, fr)| fr);
    reason.to_string()
}

struct StrictVisitor;

/// One value read with [`StrictVisitor`].
struct StrictValue(Value);

impl<'de> de::Deserialize<'de> for StrictValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StrictVisitor).map(StrictValue)
    }
}

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("une valeur JSON")
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(StrictValue(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                let shown: String = key.chars().take(40).collect();
                return Err(de::Error::custom(format!(
                    "{OWN}la clé « {shown} » apparaît deux fois dans le même objet"
                )));
            }
            let StrictValue(value) = map.next_value()?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_given_twice_is_refused_at_its_second_occurrence() {
        assert_eq!(
            parse_strict("{\n  \"min\": 1,\n  \"min\": 1000000000\n}"),
            Err("JSON invalide à la ligne 3, colonne 7 : la clé « min » apparaît deux fois dans le même objet.".into())
        );
    }

    #[test]
    fn a_missing_brace_and_a_trailing_comma_are_reported_in_french() {
        assert_eq!(
            parse_strict("{\"a\": 1"),
            Err("JSON invalide à la ligne 1, colonne 7 : le texte s'arrête avant la fin du document.".into())
        );
        assert_eq!(parse_strict("[1, 2,]"), Err("JSON invalide à la ligne 1, colonne 7 : virgule en trop.".into()));
    }

    #[test]
    fn a_valid_document_reads_as_the_same_value_serde_json_gives() {
        let text = r#"{"a": [1, -2, 3.5, "é", null, true, {"b": {}}]}"#;
        assert_eq!(parse_strict(text).unwrap(), serde_json::from_str::<Value>(text).unwrap());
    }

    #[test]
    fn a_thousand_nested_lists_are_refused_without_overflowing_the_stack() {
        let deep = "[".repeat(1_000);
        assert_eq!(
            parse_strict(&deep),
            Err("JSON invalide à la ligne 1, colonne 128 : trop de niveaux d'imbrication (128 au plus).".into())
        );
    }
}
