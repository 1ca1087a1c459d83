//! A form that submits to a server function as `ActionForm` does, with less code in the
//! browser bundle: `ActionForm` reads the form into the server function's arguments through
//! `serde_qs`, instantiated for each server function; here the page says which field goes
//! where, in a few lines (about 100 bytes gzip less per form, BENCHMARKS.md §4: the bundle is
//! at its budget). The form is rendered with `method="post"` and the server function's URL, so
//! it works before the WebAssembly has loaded (the server redirects a plain post back to its
//! page), exactly as an `ActionForm`. New forms use it.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use server_fn::ServerFn;

use crate::error::AppError;

/// The submitted form's fields, by name.
pub struct Fields(Option<web_sys::FormData>);

impl Fields {
    /// The value of the field `name` (empty when absent).
    pub fn get(&self, name: &str) -> String {
        self.0.as_ref().and_then(|data| data.get(name).as_string()).unwrap_or_default()
    }
}

/// The `on:submit` handler of a form posting to `action`'s server function: it keeps the
/// browser from posting the page, reads the fields with `read` and dispatches the action.
pub fn submit_to<I, O>(action: ServerAction<I>, read: fn(&Fields) -> I) -> impl Fn(SubmitEvent) + 'static
where
    I: ServerFn<Output = O, Error = AppError> + Clone + Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
{
    move |event: SubmitEvent| {
        event.prevent_default();
        #[cfg(feature = "hydrate")]
        let data = {
            use wasm_bindgen::JsCast;
            let form = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok());
            form.and_then(|f| web_sys::FormData::new_with_form(&f).ok())
        };
        #[cfg(not(feature = "hydrate"))]
        let data = None;
        action.dispatch(read(&Fields(data)));
    }
}
