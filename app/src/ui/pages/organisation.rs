//! One organisation: its members, and for its administrators the invitation form and the
//! removal of members.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::organisations::{InviteMember, SetOrganisationSiret};
use crate::api::types::OrganisationPage;
use crate::text;
use crate::ui::codec::call;
use crate::ui::components::{
    error_view, field_error, form_error, reset_on_success, ErrorAlert, SelectField, SuccessAlert, TextField,
};
use crate::ui::components::{FormAction, ServerForm};
use crate::ui::pages::organisation_members::{MemberRemoval, MembersTable};

#[component]
pub fn OrganisationPageView() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let invite = FormAction::<InviteMember>::new();
    let siret = FormAction::<SetOrganisationSiret>::new();
    let removal = MemberRemoval::new();
    let page = crate::ui::codec::load(
        move || {
            let versions = (invite.version().get(), siret.version().get());
            (id(), versions, removal.action.version().get(), removal.delegation.version().get())
        },
        |(o, _, _, _)| call!(crate::api::organisations::GetOrganisation { id: o }),
    );
    view! {
        <Suspense fallback=|| view! { <p>{text::LOADING}</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <Organisation page invite siret removal/> }.into_any(),
                    Err(e) => error_view(e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Organisation(
    page: OrganisationPage,
    invite: FormAction<InviteMember>,
    siret: FormAction<SetOrganisationSiret>,
    removal: MemberRemoval,
) -> impl IntoView {
    let org = page.organisation.clone();
    let may_manage = page.may_manage;
    view! {
        <Title text=org.name.clone()/>
        <h1>{org.name.clone()}</h1>
        <p class="fr-text--lead">{org.kind.label()}" "{(!org.details().is_empty()).then(|| format!("· {}", org.details()))}</p>
        <h2 class="fr-h4">{text::MEMBERS}</h2>
        <MembersTable organisation_id=org.id.clone() members=page.members may_manage removal
            prefecture=org.kind == crate::domain::OrganisationKind::Prefecture/>
        {may_manage.then(|| view! { <Invitations pending=page.invitations.clone()/> })}
        {may_manage.then(|| view! { <InviteForm organisation_id=org.id.clone() invite/> })}
        {may_manage.then(|| view! { <SiretForm organisation_id=org.id.clone() current=org.siret.clone() action=siret/> })}
    }
}

/// The SIRET other Cordons recognise the organisation by when a plan moves between them.
#[component]
fn SiretForm(
    organisation_id: String,
    current: Option<String>,
    action: FormAction<SetOrganisationSiret>,
) -> impl IntoView {
    let saved =
        Signal::derive(move || matches!(action.value().get(), Some(Ok(()))).then(|| text::SIRET_SAVED.to_string()));
    view! {
        <h2 class="fr-h4 fr-mt-4w">{text::SIRET_TITLE}</h2>
        <p class="fr-text--sm">{text::SIRET_HELP}</p>
        <SuccessAlert message=saved/>
        <ErrorAlert message=form_error(action)/>
        <ServerForm action>
            <input type="hidden" name="organisation_id" value=organisation_id/>
            <TextField name="siret" label=text::LABEL_SIRET value=current.unwrap_or_default() error=field_error(action, "siret")/>
            <button type="submit" class="fr-btn fr-btn--secondary">{text::SIRET_BUTTON}</button>
        </ServerForm>
    }
}

#[component]
fn Invitations(pending: Vec<crate::api::types::PendingInvitation>) -> impl IntoView {
    view! {
        <h2 class="fr-h4">{text::PENDING_INVITATIONS}</h2>
        {if pending.is_empty() {
            view! { <p>{text::NO_PENDING_INVITATION}</p> }.into_any()
        } else {
            view! {
                <div class="fr-table fr-table--no-caption">
                    <table>
                        <caption>{text::PENDING_INVITATIONS}</caption>
                        <thead><tr><th scope="col">{text::COL_EMAIL}</th><th scope="col">{text::COL_ROLE}</th><th scope="col">{text::COL_EXPIRES}</th></tr></thead>
                        <tbody>
                            {pending.into_iter().map(|i| view! {
                                <tr><td>{i.email}</td><td>{i.role.label()}</td><td>{i.expires}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        }}
    }
}

#[component]
fn InviteForm(organisation_id: String, invite: FormAction<InviteMember>) -> impl IntoView {
    let sent =
        Signal::derive(move || matches!(invite.value().get(), Some(Ok(()))).then(|| text::INVITE_SENT.to_string()));
    view! {
        <h2 class="fr-h4 fr-mt-4w">{text::INVITE_TITLE}</h2>
        <SuccessAlert message=sent/>
        <ErrorAlert message=form_error(invite)/>
        <ServerForm action=invite node_ref=reset_on_success(invite)>
            <input type="hidden" name="organisation_id" value=organisation_id/>
            <div class="fr-grid-row fr-grid-row--gutters">
                <div class="fr-col-12 fr-col-md-6">
                    <TextField name="email" label=text::LABEL_EMAIL hint=text::HINT_EMAIL kind="email"
                        autocomplete="off" required=true error=field_error(invite, "email")/>
                </div>
                <div class="fr-col-12 fr-col-md-3">
                    <SelectField name="role" label=text::LABEL_ROLE
                        options=vec![("member", text::ROLE_MEMBER), ("admin", text::ROLE_ADMIN)]
                        error=field_error(invite, "role")/>
                </div>
            </div>
            <button type="submit" class="fr-btn fr-mt-2w">{text::INVITE_BUTTON}</button>
        </ServerForm>
    }
}
