//! How what the browser reads travels: the pages' resources, written by the server into its
//! HTML, and the server functions' answers to the browser's own requests (forms and `call!`,
//! `ui::components::post`) are in a compact binary format, [postcard](https://postcard.jamesmunns.com):
//! a value's fields in their declared order, without names or types. The browser then holds
//! one small reader per type instead of serde_json's (which read every type from a JSON object
//! *and* from an array, with the fields' names: 283 KiB of the bundle, BENCHMARKS.md §4). JSON
//! stays what the server answers anyone else (tests, scripts, `curl`): the browser asks for
//! the compact format by its [`COMPACT`] media type and the server answers in it only then
//! (`api::context::respond`, `docs/decisions.md`). Every page creates its resources with
//! [`load`]. The live stream of « Opérations » carries the same format as text.
//!
//! The format has no names, so both sides must have been built from the same types (they
//! are: the server serves its own bundle) and a type must serialize all its fields, in the
//! order it reads them: no `skip_serializing_if`, no internally tagged enum, no `from` type
//! with other fields, unless its serde impls give the compact format a plain shape (see
//! `domain::plan::event::LegalContext`). The server's tests compare both formats on real
//! pages (`server/tests/integration/http_compact.rs`).

use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// The media type of the compact format: the browser's `Accept`, the answer's `Content-Type`.
pub const COMPACT: &str = "application/x-cordon-postcard";

/// `value` in the compact format.
pub fn to_compact<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, postcard::Error> {
    postcard::to_allocvec(value)
}

/// A value read from the compact format.
pub fn from_compact<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, postcard::Error> {
    postcard::from_bytes(bytes)
}

/// The pages' resources in the compact format, as text ([`to_text`]) in the page's HTML.
pub struct Compact;

impl<T: Serialize> codee::Encoder<T> for Compact {
    type Error = postcard::Error;
    type Encoded = String;

    fn encode(value: &T) -> Result<String, postcard::Error> {
        to_compact_text(value)
    }
}

impl<T: DeserializeOwned> codee::Decoder<T> for Compact {
    type Error = postcard::Error;
    type Encoded = str;

    fn decode(encoded: &str) -> Result<T, postcard::Error> {
        from_compact(&from_text(encoded).ok_or(postcard::Error::DeserializeBadEncoding)?)
    }
}

/// `value` in the compact format as text ([`to_text`]): a page's resources in its HTML, the
/// data of the live stream's events on « Opérations » (`?format=compact`).
pub fn to_compact_text<T: Serialize + ?Sized>(value: &T) -> Result<String, postcard::Error> {
    to_compact(value).map(|bytes| to_text(&bytes))
}

/// A value read from the compact format as text ([`to_compact_text`]).
pub fn from_compact_text<T: DeserializeOwned>(text: &str) -> Option<T> {
    from_compact(&from_text(text)?).ok()
}

/// Bytes as text: a printable ASCII byte as itself, any other byte (and `~ " ' \ < > &`, so
/// that the text needs no escaping in a script or an attribute) as `~` and two hexadecimal
/// digits. Most of a page's data is text (names, identifiers, missions), which stays text
/// for gzip: the demo's plan page is 14,681 bytes (5,014 gzip) this way, 15,684 (7,811 gzip)
/// in base64 and 23,941 (5,872 gzip) as the JSON Leptos used to write.
pub fn to_text(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 4);
    for &byte in bytes {
        if (0x20..0x7f).contains(&byte) && !b"~\"'\\<>&".contains(&byte) {
            text.push(char::from(byte));
        } else {
            text.push('~');
            text.push(char::from(HEX[usize::from(byte >> 4)]));
            text.push(char::from(HEX[usize::from(byte & 0xf)]));
        }
    }
    text
}

/// The bytes of [`to_text`]'s text; `None` if it is not such a text.
pub fn from_text(text: &str) -> Option<Vec<u8>> {
    fn digit(c: u8) -> Option<u8> {
        match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'A'..=b'F' => Some(c - b'A' + 10),
            _ => None,
        }
    }
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.as_bytes().iter();
    while let Some(&c) = rest.next() {
        if c == b'~' {
            let (high, low) = (digit(*rest.next()?)?, digit(*rest.next()?)?);
            bytes.push((high << 4) | low);
        } else {
            bytes.push(c);
        }
    }
    Some(bytes)
}

/// A page's resource, carried in the [`Compact`] format.
pub type Loaded<T> = Resource<T, Compact>;

/// A resource of the page (see [`Resource::new`]), carried in the [`Compact`] format. Create it at the top
/// of the page's component, before anything suspends (`docs/toolchain.md`).
#[track_caller]
pub fn load<S, T, Fut>(
    source: impl Fn() -> S + Send + Sync + 'static,
    fetcher: impl Fn(S) -> Fut + Send + Sync + 'static,
) -> Loaded<T>
where
    S: Send + Sync + Clone + PartialEq + 'static,
    T: Serialize + DeserializeOwned + Send + Sync + 'static,
    Fut: std::future::Future<Output = T> + Send + 'static,
{
    Resource::new_with_options(source, fetcher, false)
}

/// A page's resource calling the server function `S` with its arguments by name:
/// `call!(crate::api::events::GetPlan { event_id: id })`. On the server the function runs as
/// when called by its name; in the browser its arguments are posted as a form's fields would
/// be (`ui::components::fetch`): the bundle holds no encoder of the arguments and one copy of
/// the request's code per answer's type instead of one per server function (BENCHMARKS.md §4).
/// The server's build checks the arguments' names and types against the function.
macro_rules! call {
    ($S:path { $($field:ident : $value:expr),* $(,)? }) => {{
        #[cfg(feature = "ssr")]
        let called = {
            type Called = $S;
            server_fn::ServerFn::run_body(Called { $($field: $value),* })
        };
        #[cfg(not(feature = "ssr"))]
        let called = $crate::ui::components::fetch::<$S>(&[$((stringify!($field), ($value).to_string())),*]);
        called
    }};
}
pub(crate) use call;

#[cfg(test)]
mod tests {
    use super::{from_compact_text, from_text, to_compact_text, to_text, Compact};
    use codee::{Decoder, Encoder};

    #[test]
    fn a_value_comes_back_as_it_was_sent() {
        let sent = (String::from("Fête « 14 juillet »"), vec![1u32, 2], Some(true));
        let text = to_compact_text(&sent).unwrap();
        assert!(text.contains("F~C3~AAte ~C2~AB 14 juillet ~C2~BB"), "{text}");
        assert_eq!(from_compact_text::<(String, Vec<u32>, Option<bool>)>(&text), Some(sent.clone()));
        let bytes = <Compact as Encoder<_>>::encode(&sent).unwrap();
        let back: (String, Vec<u32>, Option<bool>) = <Compact as Decoder<_>>::decode(&bytes).unwrap();
        assert_eq!(back, sent);
    }

    #[test]
    fn every_byte_comes_back_from_the_text_which_needs_no_escaping() {
        let bytes: Vec<u8> = (0..=255).chain([b'~', b'"', 0]).collect();
        let text = to_text(&bytes);
        assert!(text.bytes().all(|b| (0x20..0x7f).contains(&b) && !b"\"'\\<>&".contains(&b)), "{text}");
        assert_eq!(from_text(&text), Some(bytes));
        assert_eq!(to_text(b"<a href=\"x\">~</a>"), "~3Ca href=~22x~22~3E~7E~3C/a~3E");
        assert_eq!(from_text("abc~4"), None);
        assert_eq!(from_text("~zz"), None);
    }
}
