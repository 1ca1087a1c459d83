//! A labelled DSFR input whose error message sits right under it.

use leptos::prelude::*;

#[component]
pub fn TextField(
    name: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] required: bool,
    #[prop(optional, into)] value: Option<String>,
    /// The server's message for this field.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// A message computed in the browser while typing (takes effect after hydration).
    #[prop(optional)]
    live: Option<fn(&str) -> Option<String>>,
    /// Distinguishes the ids of fields of the same name in several forms of one page.
    #[prop(optional)]
    form: Option<&'static str>,
    /// Receives what is typed, for a check involving several fields.
    #[prop(optional)]
    mirror: Option<RwSignal<Option<String>>>,
    /// A message from a check involving several fields, computed in the browser.
    #[prop(optional, into)]
    cross: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let id = field_id(form, name);
    let error_id = format!("{id}-erreur");
    let typed = RwSignal::new(None::<String>);
    let message = Signal::derive(move || typed.get().or_else(|| cross.and_then(|c| c.get())).or_else(|| error.get()));
    let described = {
        let error_id = error_id.clone();
        move || message.get().map(|_| error_id.clone())
    };
    view! {
        <div class="fr-input-group" class:fr-input-group--error=move || message.get().is_some()>
            <label class="fr-label" for=id.clone()>
                {label}
                {hint.map(|h| view! { <span class="fr-hint-text">{h}</span> })}
            </label>
            <input
                class="fr-input"
                class:fr-input--error=move || message.get().is_some()
                type=kind
                id=id.clone()
                name=name
                value=value
                autocomplete=autocomplete
                required=required
                aria-describedby=described
                aria-invalid=move || message.get().is_some().then_some("true")
                on:input=move |ev| {
                    if let Some(check) = live {
                        typed.set(check(&event_target_value(&ev)));
                    }
                    if let Some(mirror) = mirror {
                        mirror.set(Some(event_target_value(&ev)));
                    }
                }
            />
            {move || message.get().map(|m| view! { <p id=error_id.clone() class="fr-error-text">{m}</p> })}
        </div>
    }
}

/// A labelled DSFR select; `options` are (value, label) pairs.
#[component]
pub fn SelectField(
    name: &'static str,
    label: &'static str,
    options: Vec<(&'static str, &'static str)>,
    #[prop(into)] error: Signal<Option<String>>,
    /// The option chosen initially (its value).
    #[prop(optional, into)]
    selected: Option<String>,
    #[prop(optional)] form: Option<&'static str>,
) -> impl IntoView {
    let id = field_id(form, name);
    let error_id = format!("{id}-erreur");
    let described = {
        let error_id = error_id.clone();
        move || error.get().map(|_| error_id.clone())
    };
    view! {
        <div class="fr-select-group" class:fr-select-group--error=move || error.get().is_some()>
            <label class="fr-label" for=id.clone()>{label}</label>
            <select class="fr-select" id=id.clone() name=name aria-describedby=described>
                {options.into_iter().map(|(value, text)| {
                    let is_selected = selected.as_deref() == Some(value);
                    view! { <option value=value selected=is_selected>{text}</option> }
                }).collect_view()}
            </select>
            {move || error.get().map(|m| view! { <p id=error_id.clone() class="fr-error-text">{m}</p> })}
        </div>
    }
}

/// The id of a form field: `champ-NAME`, or `champ-FORM-NAME` on pages with several forms.
pub fn field_id(form: Option<&str>, name: &str) -> String {
    match form {
        Some(form) => format!("champ-{form}-{name}"),
        None => format!("champ-{name}"),
    }
}
