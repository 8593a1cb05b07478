//! Strict reading of the app's JSON with serde: the two steps `file_format` and `exchange` use.
//!
//! 1. `parse` turns text into a `serde_json::Value`, so the schema version can be checked and
//!    migrations run on the tree. Unlike `serde_json::from_str::<Value>`, it refuses an object
//!    that names a member twice: serde_json would silently keep the last one, and such a file
//!    was not written by this app.
//! 2. `from_value` reads a (migrated) value into the app's types through `Exact`, a
//!    deserializer over `&Value` that differs from serde_json's own in two ways: a struct is read
//!    only from an object (serde's derived code would also take a list of the fields' values),
//!    and its error type records *what* is wrong as a `ProblemKind` instead of an English
//!    sentence. serde_path_to_error adds *where*, so the UI can say both in Danish.

use std::fmt;

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeOwned, DeserializeSeed, Expected, IntoDeserializer, Unexpected, Visitor};
use serde::forward_to_deserialize_any;
use serde_json::{Map, Value};
use serde_path_to_error::Segment;

use super::collections::EACH_ONCE;
use super::evaluation::period::PERIOD_EXPECTED;
use super::validate::{Problem, ProblemKind};

/// Why a text did not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ParseError {
    /// Not JSON; the line and the character in it (counted in characters, as a person would).
    Syntax { line: usize, column: usize },
    /// JSON, but an object names a member twice.
    Repeated(Problem),
}

/// Parses `text` as one JSON value, refusing repeated member names.
pub(crate) fn parse(text: &str) -> Result<Value, ParseError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let parsed = serde_path_to_error::deserialize(&mut deserializer).map(|Unique(value)| value);
    let error = match parsed {
        Ok(value) => match deserializer.end() {
            Ok(()) => return Ok(value),
            Err(trailing) => trailing,
        },
        Err(error) => {
            if error.inner().is_data() {
                // The only data error `Unique` raises is a repeat, inside the repeated member,
                // so the path ends with its name.
                let segments: Vec<&Segment> = error.path().iter().collect();
                let (name, parent) = match segments.split_last() {
                    Some((Segment::Map { key }, parent)) => (key.clone(), parent),
                    _ => (String::new(), &segments[..]),
                };
                return Err(ParseError::Repeated(Problem::at(&path_text(parent), ProblemKind::Repeated(name))));
            }
            error.into_inner()
        }
    };
    Err(ParseError::Syntax { line: error.line(), column: char_column(text, error.line(), error.column()) })
}

/// serde_json counts columns in bytes; the messages say "character", and Danish text has
/// two-byte letters.
fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    let Some(line_text) = text.split('\n').nth(line.saturating_sub(1)) else { return byte_column };
    let before = byte_column.saturating_sub(1).min(line_text.len());
    line_text.char_indices().take_while(|&(at, _)| at < before).count() + 1
}

/// Reads `value` as a `T`, exactly: every refusal is a `Problem` at the path where it happened.
pub(crate) fn from_value<T: DeserializeOwned>(value: &Value) -> Result<T, Problem> {
    serde_path_to_error::deserialize(Exact(value)).map_err(|error| {
        let segments: Vec<&Segment> = error.path().iter().collect();
        match error.inner() {
            // serde reports a missing field at its struct; the path names the field itself.
            Refusal::Missing(field) => {
                let at = path_text(&segments);
                let at = if at.is_empty() { (*field).to_owned() } else { format!("{at}.{field}") };
                Problem::at(&at, ProblemKind::Missing)
            }
            // serde_path_to_error's path ends with the unknown name; the problem is its object.
            Refusal::Problem(kind @ ProblemKind::UnknownField(_)) => {
                Problem::at(&path_text(segments.split_last().map_or(&[], |(_, parent)| parent)), kind.clone())
            }
            Refusal::Problem(kind) => Problem::at(&path_text(&segments), kind.clone()),
        }
    })
}

/// A path as the messages show it: `assessments[0].answers.sekretariat.status`; the top level
/// of the file is the empty path.
fn path_text(segments: &[&Segment]) -> String {
    let mut out = String::new();
    for segment in segments {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Unknown => out.push_str(".?"),
        }
    }
    out
}

// --- Parsing -------------------------------------------------------------------------------------

/// A `Value` whose objects name each member once.
struct Unique(Value);

impl<'de> de::Deserialize<'de> for Unique {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(UniqueVisitor).map(Unique)
    }
}

struct UniqueVisitor;

impl<'de> Visitor<'de> for UniqueVisitor {
    type Value = Value;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        // JSON text has no infinities or NaN, so this is always a number.
        Ok(serde_json::Number::from_f64(value).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(access.size_hint().unwrap_or(0).min(256));
        while let Some(Unique(item)) = access.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        let mut members = Map::new();
        while let Some(key) = access.next_key::<String>()? {
            if members.contains_key(&key) {
                // Failing inside the member's value, not here, puts its name on the path.
                return Err(match access.next_value_seed(RefuseRepeat) {
                    Err(error) => error,
                    Ok(()) => de::Error::custom("repeated member"),
                });
            }
            let Unique(value) = access.next_value()?;
            members.insert(key, value);
        }
        Ok(Value::Object(members))
    }
}

struct RefuseRepeat;

impl<'de> DeserializeSeed<'de> for RefuseRepeat {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, _: D) -> Result<(), D::Error> {
        Err(de::Error::custom("repeated member"))
    }
}

// --- Reading into types --------------------------------------------------------------------------

/// What `Exact` refuses, before the path is known.
#[derive(Debug)]
enum Refusal {
    /// A required field is absent (`missing_field` gets only its name).
    Missing(&'static str),
    Problem(ProblemKind),
}

impl fmt::Display for Refusal {
    fn fmt(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Refusal::Missing(field) => write!(formatter, "missing field `{field}`"),
            Refusal::Problem(kind) => write!(formatter, "{kind:?}"),
        }
    }
}

impl std::error::Error for Refusal {}

impl de::Error for Refusal {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Refusal::Problem(ProblemKind::NotInFormat(message.to_string()))
    }

    fn invalid_value(unexpected: Unexpected, expected: &dyn Expected) -> Self {
        match unexpected {
            Unexpected::Str(value) if expected.to_string() == EACH_ONCE => {
                Refusal::Problem(ProblemKind::Repeated(value.to_owned()))
            }
            Unexpected::Str(value) if expected.to_string() == PERIOD_EXPECTED => {
                Refusal::Problem(ProblemKind::BadPeriod(value.to_owned()))
            }
            _ => Self::custom(format_args!("invalid value: {unexpected}, expected {expected}")),
        }
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        // An assessment's `Status` reads as a status; the kommune's decisions list their choices.
        if expected.contains(&"partly-met") {
            Refusal::Problem(ProblemKind::UnknownStatus(variant.to_owned()))
        } else {
            Refusal::Problem(ProblemKind::UnknownChoice { value: variant.to_owned(), expected: expected.join(", ") })
        }
    }

    fn unknown_field(field: &str, _expected: &'static [&'static str]) -> Self {
        Refusal::Problem(ProblemKind::UnknownField(field.to_owned()))
    }

    fn missing_field(field: &'static str) -> Self {
        Refusal::Missing(field)
    }

    fn duplicate_field(field: &'static str) -> Self {
        Refusal::Problem(ProblemKind::Repeated(field.to_owned()))
    }
}

fn wrong_type(expected: &'static str) -> Refusal {
    Refusal::Problem(ProblemKind::WrongType { expected })
}

/// A deserializer over a parsed value that takes each kind of value only where the type asks
/// for exactly that kind.
struct Exact<'de>(&'de Value);

impl<'de> de::Deserializer<'de> for Exact<'de> {
    type Error = Refusal;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refusal> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(value) => visitor.visit_bool(*value),
            Value::Number(number) => {
                if let Some(value) = number.as_u64() {
                    visitor.visit_u64(value)
                } else if let Some(value) = number.as_i64() {
                    visitor.visit_i64(value)
                } else {
                    visitor.visit_f64(number.as_f64().unwrap_or(f64::NAN))
                }
            }
            Value::String(text) => visitor.visit_borrowed_str(text),
            Value::Array(items) => visitor.visit_seq(Items(items.iter())),
            Value::Object(members) => visitor.visit_map(Members { members: members.iter(), value: None }),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refusal> {
        match self.0 {
            Value::String(text) => visitor.visit_borrowed_str(text),
            _ => Err(wrong_type("text")),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refusal> {
        self.deserialize_str(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refusal> {
        match self.0 {
            Value::Array(items) => visitor.visit_seq(Items(items.iter())),
            _ => Err(wrong_type("list")),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refusal> {
        match self.0 {
            Value::Object(members) => visitor.visit_map(Members { members: members.iter(), value: None }),
            _ => Err(wrong_type("object")),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Refusal> {
        self.deserialize_map(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refusal> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Refusal> {
        match self.0 {
            Value::String(text) => visitor.visit_enum(text.as_str().into_deserializer()),
            _ => Err(wrong_type("text")),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, Refusal> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refusal> {
        visitor.visit_unit()
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char bytes byte_buf unit unit_struct
        tuple tuple_struct identifier
    }
}

struct Items<'de>(std::slice::Iter<'de, Value>);

impl<'de> de::SeqAccess<'de> for Items<'de> {
    type Error = Refusal;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Refusal> {
        self.0.next().map(|item| seed.deserialize(Exact(item))).transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

struct Members<'de> {
    members: serde_json::map::Iter<'de>,
    value: Option<&'de Value>,
}

impl<'de> de::MapAccess<'de> for Members<'de> {
    type Error = Refusal;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Refusal> {
        let Some((key, value)) = self.members.next() else { return Ok(None) };
        self.value = Some(value);
        seed.deserialize(BorrowedStrDeserializer::new(key)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Refusal> {
        let value = self.value.take().ok_or_else(|| de::Error::custom("a value without its key"))?;
        seed.deserialize(Exact(value))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.members.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Pair {
        name: String,
        tags: Vec<String>,
    }

    fn read(text: &str) -> Result<Vec<Pair>, Problem> {
        from_value(&parse(text).expect("JSON"))
    }

    #[test]
    fn says_where_the_text_stops_being_json_in_characters() {
        assert_eq!(parse("{\n  \"a\": 1,\n  oops\n}"), Err(ParseError::Syntax { line: 3, column: 3 }));
        assert_eq!(parse("\"æø\u{1}\""), Err(ParseError::Syntax { line: 1, column: 4 }));
        assert_eq!(parse("{} {}"), Err(ParseError::Syntax { line: 1, column: 4 }));
        for bad in ["", "01", "1.", "-", "[1,]", "{\"a\" 1}", "tru", "\"\\x\"", "\"\\ud800\"", "nul"] {
            assert!(matches!(parse(bad), Err(ParseError::Syntax { .. })), "{bad:?} was accepted");
        }
    }

    #[test]
    fn a_repeated_member_is_refused_at_its_object() {
        assert_eq!(
            parse(r#"[{"name": "a"}, {"name": "b", "tags": [], "name": "c"}]"#),
            Err(ParseError::Repeated(Problem::at("[1]", ProblemKind::Repeated("name".into()))))
        );
        assert_eq!(
            parse(r#"{"a": 1, "a": 1}"#),
            Err(ParseError::Repeated(Problem::at("", ProblemKind::Repeated("a".into()))))
        );
    }

    #[test]
    fn deep_nesting_is_refused_not_a_stack_overflow() {
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        assert!(matches!(parse(&deep), Err(ParseError::Syntax { .. })));
        let fine = "[".repeat(60) + &"]".repeat(60);
        assert!(parse(&fine).is_ok());
    }

    #[test]
    fn each_refusal_names_what_and_where() {
        assert_eq!(
            read(r#"[{"name": "a", "tags": ["x"]}]"#),
            Ok(vec![Pair { name: "a".into(), tags: vec!["x".into()] }])
        );
        let at = |path: &str, kind| Err(Problem::at(path, kind));
        assert_eq!(read(r#"[{"name": "a"}]"#), at("[0].tags", ProblemKind::Missing));
        assert_eq!(read(r#"[{"name": "a", "tags": [], "x": 1}]"#), at("[0]", ProblemKind::UnknownField("x".into())));
        assert_eq!(read(r#"[{"name": 1, "tags": []}]"#), at("[0].name", ProblemKind::WrongType { expected: "text" }));
        assert_eq!(
            read(r#"[{"name": "a", "tags": [null]}]"#),
            at("[0].tags[0]", ProblemKind::WrongType { expected: "text" })
        );
        assert_eq!(read(r#"[{"name": "a", "tags": {}}]"#), at("[0].tags", ProblemKind::WrongType { expected: "list" }));
        assert_eq!(read("{}"), at("", ProblemKind::WrongType { expected: "list" }));
        // serde's derived code would read a struct from a list of its fields' values.
        assert_eq!(read(r#"[["a", []]]"#), at("[0]", ProblemKind::WrongType { expected: "object" }));
    }
}
