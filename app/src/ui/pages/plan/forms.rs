//! The organiser's forms: zones and needs (listed, added, edited), participants.

use leptos::prelude::*;

use super::SharedPage;

use crate::api::plan_edits::{AddParticipant, SaveNeed, SaveZone, UpdateParticipant};
use crate::api::plan_types::PlanPage;
use crate::domain::plan::{Need, ParticipantRole, PlanError, Qualification, Zone, ZoneKind, MAX_HEADCOUNT};
use crate::domain::time::{format_input_local, format_short_fr};
use crate::ui::components::{field_error, field_id, form_error, reset_on_success, ErrorAlert, SelectField, TextField};
use crate::ui::components::{FormAction, ServerForm};
use crate::ui::pages::events::Checkbox;

use super::posts::PostSelect;
use super::remove::{remove_button, Removing};
use super::window_fields::WindowFields;

#[component]
pub fn ZoneForm(page: SharedPage, action: FormAction<SaveZone>, removing: Removing) -> impl IntoView {
    let page = StoredValue::new(page);
    let selected = RwSignal::new(None::<String>);
    // After a successful save, the form goes back to "add".
    Effect::new(move |_| {
        if matches!(action.value().get(), Some(Ok(()))) {
            selected.set(None);
        }
    });
    view! {
        <section class="fr-mt-6w" aria-labelledby="titre-zone">
            <h2 id="titre-zone" class="fr-h4">"Zones"</h2>
            <div class="fr-table fr-table--no-caption">
                <table>
                    <caption>"Zones"</caption>
                    <thead><tr><th scope="col">"Zone"</th><th scope="col">"Type"</th><th scope="col">"Voie publique"</th><th scope="col">"Action"</th></tr></thead>
                    <tbody>
                        {page.with_value(|p| p.plan.zones.iter().map(|z| {
                            let id = z.id().to_string();
                            let name = z.name().to_string();
                            view! {
                                <tr>
                                    <td>{name.clone()}</td>
                                    <td>{z.kind().label()}</td>
                                    <td>{if z.public_road() { "Oui" } else { "Non" }}</td>
                                    <td class="cordon-actions">
                                        <button type="button" class="fr-btn fr-btn--tertiary fr-btn--sm"
                                            aria-label=format!("Modifier la zone {name}")
                                            on:click={let id = id.clone(); move |_| selected.set(Some(id.clone()))}>"Modifier"</button>
                                        {remove_button(p, &id, format!("la zone {name}"), removing)}
                                    </td>
                                </tr>
                            }
                        }).collect_view())}
                    </tbody>
                </table>
            </div>
            <ErrorAlert message=form_error(action)/>
            {move || {
                let editing = selected.get().and_then(|id| page.with_value(|p| p.plan.zones.iter().find(|z| z.id() == id).cloned()));
                page.with_value(|p| zone_form(p, action, editing, selected))
            }}
        </section>
    }
}

fn zone_form(
    page: &PlanPage,
    action: FormAction<SaveZone>,
    editing: Option<Zone>,
    selected: RwSignal<Option<String>>,
) -> AnyView {
    let kinds: Vec<(&'static str, &'static str)> = ZoneKind::ALL.iter().map(|k| (k.code(), k.label())).collect();
    let (id, version) = record_ref(page, editing.as_ref().map(|z| z.id()));
    let title = if editing.is_some() { "Modifier la zone" } else { "Ajouter une zone" };
    let event_id = page.plan.event.id().to_string();
    let name = editing.as_ref().map(|z| z.name().to_string()).unwrap_or_default();
    let kind = editing.as_ref().map(|z| z.kind().code().to_string()).unwrap_or_default();
    let address = editing.as_ref().and_then(|z| z.address().map(str::to_string)).unwrap_or_default();
    let public_road = editing.as_ref().is_some_and(|z| z.public_road());
    let enclosed = editing.as_ref().is_some_and(|z| z.acces_enceinte());
    view! {
        <h3 class="fr-h6">{title}</h3>
        {editing.is_some().then(|| view! {
            <button type="button" class="fr-btn fr-btn--tertiary fr-btn--sm fr-mb-2w" on:click=move |_| selected.set(None)>"Nouvelle zone"</button>
        })}
        <ServerForm action node_ref=reset_on_success(action)>
            <input type="hidden" name="event_id" value=event_id/>
            <input type="hidden" name="id" value=id/>
            <input type="hidden" name="version" value=version/>
            <div class="fr-grid-row fr-grid-row--gutters">
                <div class="fr-col-12 fr-col-md-6">
                    <TextField form="zone" name="name" label="Nom de la zone" required=true value=name error=field_error(action, "name")/>
                </div>
                <div class="fr-col-12 fr-col-md-6">
                    <SelectField form="zone" name="kind" label="Type de zone" options=kinds selected=kind error=field_error(action, "kind")/>
                </div>
            </div>
            <TextField form="zone" name="address" label="Adresse (facultatif)" value=address error=field_error(action, "address")/>
            <Checkbox name="public_road" label="Zone sur la voie publique" checked=public_road/>
            <Checkbox name="acces_enceinte" label=crate::text::ZONE_ACCES_ENCEINTE checked=enclosed/>
            <button type="submit" class="fr-btn fr-btn--secondary" id="enregistrer-zone">{if title == "Modifier la zone" { "Enregistrer la zone" } else { "Ajouter la zone" }}</button>
        </ServerForm>
    }
    .into_any()
}

/// The hidden `id` and `version` of the record being edited (both empty for a new one).
fn record_ref(page: &PlanPage, id: Option<&str>) -> (String, String) {
    match id {
        Some(id) => (id.to_string(), page.versions.get(id).map(|v| v.to_string()).unwrap_or_default()),
        None => (String::new(), String::new()),
    }
}

#[component]
pub fn NeedForm(page: SharedPage, action: FormAction<SaveNeed>, removing: Removing) -> impl IntoView {
    let page = StoredValue::new(page);
    let selected = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if matches!(action.value().get(), Some(Ok(()))) {
            selected.set(None);
        }
    });
    let rows: Vec<(String, String, String, String, String)> = page.with_value(|p| {
        let tz = p.plan.event.time_zone();
        p.plan
            .needs
            .iter()
            .map(|n| {
                let zone = p
                    .plan
                    .zones
                    .iter()
                    .find(|z| z.id() == n.zone_id())
                    .map(|z| z.name().to_string())
                    .unwrap_or_default();
                let window =
                    format!("{} – {}", format_short_fr(n.window().start(), tz), format_short_fr(n.window().end(), tz));
                let quals = n.qualification().map(|q| q.label().to_string()).unwrap_or_else(|| "—".into());
                let staff = match (n.min_women(), n.min_men()) {
                    (0, 0) => format!("{}", n.min()),
                    (w, m) => format!("{} dont {w} femme(s), {m} homme(s)", n.min()),
                };
                (n.id().to_string(), zone, window, quals, staff)
            })
            .collect()
    });
    // A city festival's hundreds of needs: a page of the table at a time, every row printed.
    let count = rows.len();
    let rows = StoredValue::new(rows);
    let table_page = RwSignal::new(0usize);
    let printing = crate::ui::components::printing();
    let on_page = move || {
        rows.with_value(|rows| {
            if printing.get() {
                rows.clone()
            } else {
                rows[crate::ui::components::page_range(rows.len(), table_page.get())].to_vec()
            }
        })
    };
    view! {
        <section class="fr-mt-6w" aria-labelledby="titre-besoin">
            <h2 id="titre-besoin" class="fr-h4">"Besoins"</h2>
            <div class="fr-table fr-table--no-caption">
                <table>
                    <caption>"Besoins"</caption>
                    <thead><tr><th scope="col">"Zone"</th><th scope="col">"Horaires"</th><th scope="col">"Qualification"</th><th scope="col">"Effectif requis"</th><th scope="col">"Action"</th></tr></thead>
                    <tbody>
                        {move || on_page().into_iter().map(|(id, zone, window, quals, staff)| view! {
                            <tr>
                                <td>{zone.clone()}</td><td>{window}</td><td>{quals}</td><td>{staff}</td>
                                <td class="cordon-actions">
                                    <button type="button" class="fr-btn fr-btn--tertiary fr-btn--sm"
                                        aria-label=format!("Modifier le besoin de la zone {zone}")
                                        on:click={let id = id.clone(); move |_| selected.set(Some(id.clone()))}>"Modifier"</button>
                                    {page.with_value(|p| remove_button(p, &id, format!("le besoin de la zone {zone}"), removing))}
                                </td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {(count > crate::ui::components::PAGE_SIZE).then(|| view! {
                <crate::ui::components::TablePages count page=table_page noun=crate::text::TABLE_NOUN_NEEDS name="besoins"/>
            })}
            <ErrorAlert message=form_error(action)/>
            {move || {
                let editing = selected.get().and_then(|id| page.with_value(|p| p.plan.needs.iter().find(|n| n.id() == id).cloned()));
                page.with_value(|p| need_form(p, action, editing, selected))
            }}
        </section>
    }
}

fn need_form(
    page: &PlanPage,
    action: FormAction<SaveNeed>,
    editing: Option<Need>,
    selected: RwSignal<Option<String>>,
) -> AnyView {
    let tz = page.plan.event.time_zone();
    let zones: Vec<(String, String)> =
        page.plan.zones.iter().map(|z| (z.id().to_string(), z.name().to_string())).collect();
    let mut qualifications: Vec<(&'static str, &'static str)> = vec![("", "Aucune")];
    qualifications.extend(Qualification::ALL.iter().map(|q| (q.code(), q.label())));
    let (id, version) = record_ref(page, editing.as_ref().map(|n| n.id()));
    let event_id = page.plan.event.id().to_string();
    let text =
        |f: &dyn Fn(&Need) -> String, default: &str| editing.as_ref().map(f).unwrap_or_else(|| default.to_string());
    let start = text(&|n| format_input_local(n.window().start(), tz), "");
    let end = text(&|n| format_input_local(n.window().end(), tz), "");
    let min = text(&|n| n.min().to_string(), "");
    let max = text(&|n| n.max().map(|m| m.to_string()).unwrap_or_default(), "");
    let priority = text(&|n| n.priority().to_string(), "3");
    let women = text(&|n| n.min_women().to_string(), "0");
    let men = text(&|n| n.min_men().to_string(), "0");
    let qualification = text(&|n| n.qualification().map(|q| q.code().to_string()).unwrap_or_default(), "");
    let zone = editing.as_ref().map(|n| n.zone_id().to_string()).unwrap_or_default();
    let post = editing.as_ref().and_then(|n| n.post_id().map(str::to_string)).unwrap_or_default();
    let posts = super::posts::post_options(page);
    let is_edit = editing.is_some();
    view! {
        <h3 class="fr-h6">{if is_edit { "Modifier le besoin" } else { "Ajouter un besoin" }}</h3>
        <p class="fr-hint-text">"Par exemple : Entrée Nord, 18:00–23:30, 6 agents palpation dont 2 femmes."</p>
        {is_edit.then(|| view! {
            <button type="button" class="fr-btn fr-btn--tertiary fr-btn--sm fr-mb-2w" on:click=move |_| selected.set(None)>"Nouveau besoin"</button>
        })}
        <ServerForm action node_ref=reset_on_success(action)>
            <input type="hidden" name="event_id" value=event_id/>
            <input type="hidden" name="id" value=id/>
            <input type="hidden" name="version" value=version/>
            <ZoneSelect form="besoin" zones selected=zone error=field_error(action, "zone_id")/>
            <PostSelect options=posts form="besoin" selected=post error=field_error(action, "post_id")/>
            <WindowFields form="besoin" start end start_error=field_error(action, "start") end_error=field_error(action, "end")/>
            <SelectField form="besoin" name="qualification" label="Qualification requise" options=qualifications selected=qualification error=field_error(action, "qualification")/>
            <div class="fr-grid-row fr-grid-row--gutters">
                <div class="fr-col-6 fr-col-md-2"><TextField form="besoin" name="min" label="Effectif minimum" kind="number" required=true value=min error=field_error(action, "min") live=headcount_hint/></div>
                <div class="fr-col-6 fr-col-md-2"><TextField form="besoin" name="max" label="Maximum" kind="number" value=max error=field_error(action, "max")/></div>
                <div class="fr-col-6 fr-col-md-2"><TextField form="besoin" name="priority" label="Priorité (1 à 5)" kind="number" value=priority error=field_error(action, "priority") live=priority_hint/></div>
                <div class="fr-col-6 fr-col-md-3"><TextField form="besoin" name="min_women" label="Dont femmes" kind="number" value=women error=field_error(action, "min_women")/></div>
                <div class="fr-col-6 fr-col-md-3"><TextField form="besoin" name="min_men" label="Dont hommes" kind="number" value=men error=field_error(action, "min_men")/></div>
            </div>
            <button type="submit" class="fr-btn fr-btn--secondary" id="enregistrer-besoin">{if is_edit { "Enregistrer le besoin" } else { "Ajouter le besoin" }}</button>
        </ServerForm>
    }
    .into_any()
}

/// The same range rule as the domain, shown while typing.
fn headcount_hint(typed: &str) -> Option<String> {
    match typed.trim().parse::<u32>() {
        Ok(n) if (1..=MAX_HEADCOUNT).contains(&n) => None,
        _ => Some(PlanError::NeedMinOutOfRange.to_string()),
    }
}

fn priority_hint(typed: &str) -> Option<String> {
    match typed.trim().parse::<u8>() {
        Ok(n) if (1..=5).contains(&n) => None,
        _ => Some(PlanError::PriorityOutOfRange.to_string()),
    }
}

/// A select of the plan's zones.
#[component]
pub fn ZoneSelect(
    zones: Vec<(String, String)>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] selected: Option<String>,
    form: &'static str,
) -> impl IntoView {
    let id = field_id(Some(form), "zone_id");
    view! {
        <div class="fr-select-group" class:fr-select-group--error=move || error.get().is_some()>
            <label class="fr-label" for=id.clone()>"Zone"</label>
            <select class="fr-select" id=id name="zone_id">
                {zones.into_iter().map(|(id, name)| {
                    let is_selected = selected.as_deref() == Some(id.as_str());
                    view! { <option value=id selected=is_selected>{name}</option> }
                }).collect_view()}
            </select>
            {move || error.get().map(|m| view! { <p class="fr-error-text">{m}</p> })}
        </div>
    }
}

#[component]
pub fn ParticipantForm(page: SharedPage, action: FormAction<AddParticipant>) -> impl IntoView {
    let taken: Vec<String> = page.plan.participants.iter().map(|p| p.organisation_id().to_string()).collect();
    // The organisations it may associate come with the page (an organiser's only).
    let options: Vec<(String, String)> = page
        .directory
        .iter()
        .filter(|o| !taken.contains(&o.id))
        .map(|o| (o.id.clone(), format!("{} — {}", o.name, o.kind.label())))
        .collect();
    // The role follows what the organisation is; the organiser picks one only for an
    // organisation that may hold several (« Autre »: secours or autre).
    let mut roles: Vec<(&'static str, &'static str)> = vec![("", "Celui de son type d’organisation")];
    roles.extend(ParticipantRole::ALL.iter().map(|r| (r.code(), r.label())));
    let event_id = page.plan.event.id().to_string();
    view! {
        <section class="fr-mt-4w" aria-labelledby="titre-associer">
            <h3 class="fr-h6" id="titre-associer">"Associer une organisation"</h3>
            <ErrorAlert message=form_error(action)/>
            <ServerForm action node_ref=reset_on_success(action)>
                <input type="hidden" name="event_id" value=event_id/>
                <div class="fr-select-group">
                    <label class="fr-label" for="champ-participant-organisation_id">"Organisation"</label>
                    <select class="fr-select" id="champ-participant-organisation_id" name="organisation_id">
                        {crate::ui::components::options(options)}
                    </select>
                    {move || field_error(action, "organisation_id").get().map(|m| view! { <p class="fr-error-text">{m}</p> })}
                </div>
                <SelectField form="participant" name="role" label="Rôle dans l’événement" options=roles error=field_error(action, "role")/>
                <div class="fr-grid-row fr-grid-row--gutters">
                    <div class="fr-col-12 fr-col-md-6"><TextField form="participant" name="contact_name" label="Contact référent" error=field_error(action, "contact_name")/></div>
                    <div class="fr-col-12 fr-col-md-6"><TextField form="participant" name="contact_phone" label="Téléphone du contact" kind="tel" error=field_error(action, "contact_phone")/></div>
                </div>
                <button type="submit" class="fr-btn fr-btn--secondary" id="associer-organisation">"Associer l’organisation"</button>
            </ServerForm>
        </section>
    }
}

/// The event's participants: who takes part, in which role, with which lead contact. The
/// organiser changes roles and contacts and removes participants; a participant changes its
/// own contact.
#[component]
pub fn ParticipantsList(page: SharedPage, action: FormAction<UpdateParticipant>, removing: Removing) -> impl IntoView {
    let page = StoredValue::new(page);
    let selected = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if matches!(action.value().get(), Some(Ok(()))) {
            selected.set(None);
        }
    });
    let organiser = page.with_value(|p| p.access.organiser);
    let rows = page.with_value(|p| {
        p.plan
            .participants
            .iter()
            .map(|x| {
                let editable = organiser || p.access.own_participant_ids.iter().any(|o| o == x.id());
                let contact = match (x.contact_name(), x.contact_phone()) {
                    (None, None) => "—".to_string(),
                    (name, phone) => [name, phone].into_iter().flatten().collect::<Vec<_>>().join(" · "),
                };
                (x.id().to_string(), x.name().to_string(), x.role().label(), contact, editable)
            })
            .collect::<Vec<_>>()
    });
    view! {
        <section class="fr-mt-6w" aria-labelledby="titre-participant">
            <h2 id="titre-participant" class="fr-h4">"Participants"</h2>
            <div class="fr-table fr-table--no-caption">
                <table>
                    <caption>"Participants"</caption>
                    <thead><tr><th scope="col">"Organisation"</th><th scope="col">"Rôle"</th><th scope="col">"Contact référent"</th><th scope="col">"Action"</th></tr></thead>
                    <tbody>
                        {rows.into_iter().map(|(id, name, role, contact, editable)| view! {
                            <tr>
                                <td>{name.clone()}</td><td>{role}</td><td>{contact}</td>
                                <td class="cordon-actions">
                                    {editable.then(|| view! {
                                        <button type="button" class="fr-btn fr-btn--tertiary fr-btn--sm"
                                            aria-label=format!("Modifier le participant {name}")
                                            on:click={let id = id.clone(); move |_| selected.set(Some(id.clone()))}>"Modifier"</button>
                                    })}
                                    {organiser.then(|| page.with_value(|p| remove_button(p, &id, format!("le participant {name}"), removing)))}
                                </td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <ErrorAlert message=form_error(action)/>
            {move || selected.get().and_then(|id| page.with_value(|p| {
                let x = p.plan.participant(&id)?.clone();
                let (id, version) = record_ref(p, Some(x.id()));
                let roles: Vec<(&'static str, &'static str)> = ParticipantRole::ALL.iter().map(|r| (r.code(), r.label())).collect();
                let may_change_role = p.access.organiser && x.role() != ParticipantRole::Organisateur;
                let lent_police = p.access.organiser && x.role() == ParticipantRole::PoliceMunicipale;
                let organiser_row = p.access.organiser && x.role() == ParticipantRole::Organisateur;
                let frameworks: Vec<(&'static str, &'static str)> = std::iter::once(("", "Aucun (police de la commune ou arrêté L512-3)"))
                    .chain(crate::domain::plan::MunicipalFramework::ALL.iter().map(|f| (f.code(), f.label())))
                    .collect();
                let framework = x.cadre_intercommunal().map(|f| f.code()).unwrap_or_default().to_string();
                let in_house = x.service_interne_securite();
                let event_id = p.plan.event.id().to_string();
                Some(view! {
                    <h3 class="fr-h6">{format!("Modifier le participant {}", x.name())}</h3>
                    <button type="button" class="fr-btn fr-btn--tertiary fr-btn--sm fr-mb-2w" on:click=move |_| selected.set(None)>"Annuler"</button>
                    <ServerForm action>
                        <input type="hidden" name="event_id" value=event_id/>
                        <input type="hidden" name="id" value=id/>
                        <input type="hidden" name="version" value=version/>
                        {if may_change_role {
                            view! { <SelectField form="participant-edit" name="role" label="Rôle dans l’événement" options=roles selected=x.role().code().to_string() error=field_error(action, "role")/> }.into_any()
                        } else {
                            view! { <input type="hidden" name="role" value=x.role().code()/> }.into_any()
                        }}
                        <div class="fr-grid-row fr-grid-row--gutters">
                            <div class="fr-col-12 fr-col-md-6"><TextField form="participant-edit" name="contact_name" label="Contact référent" value=x.contact_name().unwrap_or_default().to_string() error=field_error(action, "contact_name")/></div>
                            <div class="fr-col-12 fr-col-md-6"><TextField form="participant-edit" name="contact_phone" label="Téléphone du contact" kind="tel" value=x.contact_phone().unwrap_or_default().to_string() error=field_error(action, "contact_phone")/></div>
                        </div>
                        {lent_police.then(|| view! {
                            <TextField form="participant-edit" name="arrete_l512_3" label="Arrêté préfectoral de mise à disposition (article L512-3), si cette police municipale vient d’une autre commune"
                                hint="Référence de l’arrêté, par exemple « Arrêté n° 2027-143 du 2 juin 2027 »."
                                value=x.arrete_l512_3().unwrap_or_default().to_string() error=field_error(action, "arrete_l512_3")/>
                            <SelectField form="participant-edit" name="cadre_intercommunal" label="Mise en commun ou police intercommunale"
                                options=frameworks selected=framework error=field_error(action, "cadre_intercommunal")/>
                        })}
                        {organiser_row.then(|| view! {
                            <Checkbox name="service_interne_securite" label=crate::text::PARTICIPANT_SERVICE_INTERNE checked=in_house/>
                        })}
                        <button type="submit" class="fr-btn fr-btn--secondary">"Enregistrer le participant"</button>
                    </ServerForm>
                })
            }))}
        </section>
    }
}
