//! Platform administration: create organisations, list them all, disable and enable accounts.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::organisations::CreateOrganisation;
use crate::domain::OrganisationKind;
use crate::text;
use crate::ui::codec::call;
use crate::ui::components::{
    error_view, field_error, form_error, reset_on_success, ErrorAlert, SelectField, SuccessAlert, TextField,
};
use crate::ui::components::{FormAction, ServerForm};
use crate::ui::pages::admin_accounts::Accounts;

#[component]
pub fn AdminPage() -> impl IntoView {
    let create = FormAction::<CreateOrganisation>::new();
    let all = crate::ui::codec::load(
        move || create.version().get(),
        |_| call!(crate::api::organisations::ListAllOrganisations {}),
    );
    let created =
        Signal::derive(move || matches!(create.value().get(), Some(Ok(_))).then(|| text::ORG_CREATED.to_string()));
    let kinds: Vec<(&'static str, &'static str)> =
        OrganisationKind::ALL.iter().map(|k| (k.code(), k.label())).collect();
    view! {
        <Title text=text::ADMIN_TITLE/>
        <h1>{text::ADMIN_TITLE}</h1>
        <Suspense fallback=|| view! { <p>{text::LOADING}</p> }>
            {move || Suspend::new(async move {
                match all.await {
                    Err(e) => error_view(e),
                    Ok(list) => view! {
                        <h2 class="fr-h4">{text::ALL_ORGANISATIONS}</h2>
                        <div class="fr-table fr-table--no-caption">
                            <table>
                                <caption>{text::ALL_ORGANISATIONS}</caption>
                                <thead><tr><th scope="col">{text::COL_NAME}</th><th scope="col">{text::COL_KIND}</th><th scope="col">{text::COL_DETAILS}</th></tr></thead>
                                <tbody>
                                    {list.into_iter().map(|o| {
                                        let details = o.details();
                                        view! {
                                            <tr>
                                                <td><a href=format!("/organisations/{}", o.id)>{o.name}</a></td>
                                                <td>{o.kind.label()}</td>
                                                <td>{details}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }.into_any(),
                }
            })}
        </Suspense>
        <h2 class="fr-h4 fr-mt-4w">{text::CREATE_ORG_TITLE}</h2>
        <SuccessAlert message=created/>
        <ErrorAlert message=form_error(create)/>
        <ServerForm action=create node_ref=reset_on_success(create)>
            <TextField name="name" label=text::LABEL_ORG_NAME required=true error=field_error(create, "name")/>
            <SelectField name="kind" label=text::LABEL_ORG_KIND options=kinds error=field_error(create, "kind")/>
            <TextField name="commune" label=text::LABEL_COMMUNE error=field_error(create, "commune")/>
            <TextField name="cnaps" label=text::LABEL_CNAPS error=field_error(create, "cnaps")/>
            <TextField name="department" label=text::LABEL_DEPARTMENT error=field_error(create, "department")/>
            <TextField name="siret" label=text::LABEL_SIRET error=field_error(create, "siret")/>
            <TextField name="first_admin_email" label="Adresse électronique de son premier administrateur (facultatif)"
                kind="email" error=field_error(create, "first_admin_email")/>
            <button type="submit" class="fr-btn">{text::CREATE_ORG_BUTTON}</button>
        </ServerForm>
        <Accounts/>
    }
}
