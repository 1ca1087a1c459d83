//! The members table of an organisation page; its administrators (and platform
//! administrators) see a « Retirer » button on each row, which asks for confirmation. A
//! refusal (the last administrator) shows on the row it concerns.

use leptos::prelude::*;

use crate::api::memberships::RemoveMember;
use crate::api::types::Member;
use crate::text;
use crate::ui::components::{ConfirmButton, SuccessAlert};

/// The page's removal action and the member last asked to leave.
#[derive(Clone, Copy)]
pub struct MemberRemoval {
    pub action: ServerAction<RemoveMember>,
    pub last: RwSignal<Option<String>>,
}

impl MemberRemoval {
    /// A fresh action, with no removal asked yet.
    pub fn new() -> Self {
        MemberRemoval { action: ServerAction::new(), last: RwSignal::new(None) }
    }
}

/// The members, with a removal button each when `may_manage`.
#[component]
pub fn MembersTable(
    organisation_id: String,
    members: Vec<Member>,
    may_manage: bool,
    removal: MemberRemoval,
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
        <ActionForm action attr:class="cordon-remove">
            <input type="hidden" name="organisation_id" value=organisation_id/>
            <input type="hidden" name="user_id" value=user_id/>
            <ConfirmButton label=text::MEMBER_REMOVE confirm=text::MEMBER_REMOVE_CONFIRM
                what=text::member_remove_label(&name) on_confirm/>
            {move || error().map(|m| view! { <p class="fr-error-text" role="alert">{m}</p> })}
        </ActionForm>
    }
}
