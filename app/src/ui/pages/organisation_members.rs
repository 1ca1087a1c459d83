//! The members table of an organisation page; its administrators (and platform
//! administrators) see a « Retirer » button on each row, which asks for confirmation. A
//! refusal (the last administrator) shows on the row it concerns.

use leptos::prelude::*;

use crate::api::memberships::{RecordDelegation, RemoveMember};
use crate::api::types::Member;
use crate::text;
use crate::ui::components::{field_error, ConfirmButton, SuccessAlert};
use crate::ui::components::{FormAction, ServerForm};

/// The page's removal action and the member last asked to leave.
#[derive(Clone, Copy)]
pub struct MemberRemoval {
    pub action: FormAction<RemoveMember>,
    pub last: RwSignal<Option<String>>,
    /// A prefecture member's délégation de signature being recorded.
    pub delegation: FormAction<RecordDelegation>,
    /// The member whose délégation was last submitted: its error shows on that row only.
    pub delegation_last: RwSignal<Option<String>>,
}

impl MemberRemoval {
    /// A fresh action, with no removal asked yet.
    pub fn new() -> Self {
        MemberRemoval {
            action: FormAction::new(),
            last: RwSignal::new(None),
            delegation: FormAction::new(),
            delegation_last: RwSignal::new(None),
        }
    }
}

/// The members, with a removal button each when `may_manage`.
#[component]
pub fn MembersTable(
    organisation_id: String,
    members: Vec<Member>,
    may_manage: bool,
    removal: MemberRemoval,
    /// A prefecture's members may hold a délégation de signature: a column shows it.
    #[prop(optional)]
    prefecture: bool,
) -> impl IntoView {
    let removed = Signal::derive(move || {
        matches!(removal.action.value().get(), Some(Ok(()))).then(|| text::MEMBER_REMOVED.to_string())
    });
    view! {
        <SuccessAlert message=removed/>
        <div class="fr-table fr-table--no-caption">
            <table>
                <caption>{text::MEMBERS}</caption>
                <thead><tr>
                    <th scope="col">{text::COL_NAME}</th>
                    <th scope="col">{text::COL_EMAIL}</th>
                    <th scope="col">{text::COL_ROLE}</th>
                    {prefecture.then(|| view! { <th scope="col">{text::DELEGATION_TITLE}</th> })}
                    {may_manage.then(|| view! { <th scope="col">{text::COL_ACTIONS}</th> })}
                </tr></thead>
                <tbody>
                    {members.into_iter().map(|m| {
                        let organisation_id = organisation_id.clone();
                        let user_id = m.user_id.clone();
                        let name = m.name.clone();
                        view! {
                            <tr>
                                <td>{m.name}</td><td>{m.email}</td><td>{m.role.label()}</td>
                                {prefecture.then(|| {
                                    let shown = m.delegation.as_ref().map_or_else(|| text::DELEGATION_NONE.to_string(), |d| text::delegation_label(&d.citation()));
                                    let form = may_manage.then(|| view! {
                                        <DelegationForm organisation_id=organisation_id.clone() user_id=user_id.clone()
                                            current=m.delegation.clone() action=removal.delegation last=removal.delegation_last/>
                                    });
                                    view! { <td><p class="fr-mb-1w">{shown}</p>{form}</td> }
                                })}
                                {may_manage.then(|| view! {
                                    <td><RemoveMemberForm organisation_id user_id name removal/></td>
                                })}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// The délégation de signature of one prefecture member: the arrêté's number and date.
#[component]
fn DelegationForm(
    organisation_id: String,
    user_id: String,
    current: Option<crate::domain::organisation::SignatureDelegation>,
    action: FormAction<RecordDelegation>,
    last: RwSignal<Option<String>>,
) -> impl IntoView {
    let prefix = format!("delegation-{user_id}");
    let (arrete_id, date_id) = (format!("{prefix}-arrete"), format!("{prefix}-date"));
    let arrete = current.as_ref().map(|d| d.arrete.clone()).unwrap_or_default();
    let date = current.as_ref().map(|d| d.date.format("%Y-%m-%d").to_string()).unwrap_or_default();
    let mine = {
        let user_id = user_id.clone();
        move || last.get().as_deref() == Some(user_id.as_str())
    };
    let submitted = user_id.clone();
    let error = Signal::derive(move || {
        mine()
            .then(|| {
                field_error(action, "delegation_arrete").get().or_else(|| field_error(action, "delegation_date").get())
            })
            .flatten()
    });
    view! {
        // The form's submit event bubbles here (a listener set on a component is not attached
        // once components are erased).
        <details class="cordon-delegation" open=move || error.get().is_some() on:submit=move |_| last.set(Some(submitted.clone()))>
        <summary class="fr-link fr-text--sm">{text::DELEGATION_EDIT}</summary>
        <ServerForm action>
            <input type="hidden" name="organisation_id" value=organisation_id/>
            <input type="hidden" name="user_id" value=user_id/>
            <div class="fr-input-group fr-mb-1w">
                <label class="fr-label" for=arrete_id.clone()>"N° de l’arrêté"<span class="fr-hint-text">{text::DELEGATION_HINT}</span></label>
                <input class="fr-input" id=arrete_id name="delegation_arrete" value=arrete/>
            </div>
            <div class="fr-input-group fr-mb-1w">
                <label class="fr-label" for=date_id.clone()>"Date de l’arrêté"</label>
                <input class="fr-input" type="date" id=date_id name="delegation_date" value=date/>
            </div>
            {move || error.get().map(|m| view! { <p class="fr-error-text" role="alert">{m}</p> })}
            <button type="submit" class="fr-btn fr-btn--secondary fr-btn--sm">{text::DELEGATION_SAVE}</button>
        </ServerForm>
        </details>
    }
}

#[component]
fn RemoveMemberForm(organisation_id: String, user_id: String, name: String, removal: MemberRemoval) -> impl IntoView {
    let action = removal.action;
    let mine = {
        let user_id = user_id.clone();
        move || removal.last.get().as_deref() == Some(user_id.as_str())
    };
    let error = move || if mine() { action.value().get().and_then(|r| r.err()).map(|e| e.to_string()) } else { None };
    let clicked = user_id.clone();
    let on_confirm = Callback::new(move |_| removal.last.set(Some(clicked.clone())));
    view! {
        <ServerForm action attr:class="cordon-remove">
            <input type="hidden" name="organisation_id" value=organisation_id/>
            <input type="hidden" name="user_id" value=user_id/>
            <ConfirmButton label=text::MEMBER_REMOVE confirm=text::MEMBER_REMOVE_CONFIRM
                what=text::member_remove_label(&name) on_confirm/>
            {move || error().map(|m| view! { <p class="fr-error-text" role="alert">{m}</p> })}
        </ServerForm>
    }
}
