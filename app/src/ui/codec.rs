//! How the pages' resources travel from the server's HTML to the browser: JSON, read from its
//! bytes. The server functions' answers are read from bytes too (`serde_json::from_slice`), so
//! every type the browser receives is decoded by one instantiation of the JSON reader instead
//! of two (`from_str` for resources, `from_slice` for answers): a smaller bundle, nothing else
//! changes. Every page creates its resources with [`load`].

use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// JSON written as text, read from its bytes.
pub struct Json;

impl<T: Serialize> codee::Encoder<T> for Json {
    type Error = serde_json::Error;
    type Encoded = String;

    fn encode(value: &T) -> Result<String, serde_json::Error> {
        serde_json::to_string(value)
    }
}

impl<T: DeserializeOwned> codee::Decoder<T> for Json {
    type Error = serde_json::Error;
    type Encoded = str;

    fn decode(encoded: &str) -> Result<T, serde_json::Error> {
        serde_json::from_slice(encoded.as_bytes())
    }
}

/// A page's resource, carried with [`Json`].
pub type Loaded<T> = Resource<T, Json>;

/// A resource of the page (see [`Resource::new`]), carried with [`Json`]. Create it at the top
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
    use super::Json;
    use codee::{Decoder, Encoder};

    #[test]
    fn a_value_comes_back_as_it_was_sent() {
        let sent = (String::from("Fête « 14 juillet »"), vec![1u32, 2], Some(true));
        let text = <Json as Encoder<_>>::encode(&sent).unwrap();
        let back: (String, Vec<u32>, Option<bool>) = <Json as Decoder<_>>::decode(&text).unwrap();
        assert_eq!(back, sent);
    }
}
