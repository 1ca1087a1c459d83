//! The prefect's orders the plan relies on (L613-2 pat-downs, L226-1 perimeter, L613-1 public
//! road): each with its number, date, validity and zones, as the convention cites them and the
//! compliance rules read them. The organiser records and removes them; the others read them in
//! the event's summary.

use leptos::prelude::*;

use super::SharedPage;

use crate::api::plan_edits::{AddOrder, RemoveOrder};
use crate::domain::plan::OrderKind;
use crate::domain::time::format_short_fr;
use crate::text;
use crate::ui::components::{
    field_error, form_error, reset_on_success, ErrorAlert, SelectField, SuccessAlert, TextField,
};
use crate::ui::components::{FormAction, ServerForm};

#[component]
pub fn OrdersSection(page: SharedPage, add: FormAction<AddOrder>, remove: FormAction<RemoveOrder>) -> impl IntoView {
    let event = page.plan.event.clone();
    let tz = event.time_zone();
    let version = page.event_version.to_string();
    let kinds: Vec<(&'static str, &'static str)> = OrderKind::ALL.iter().map(|k| (k.code(), k.label())).collect();
    let zone_name = |id: &str| page.plan.zones.iter().find(|z| z.id() == id).map(|z| z.name().to_string());
    let rows: Vec<_> = event
        .legal()
        .orders
        .iter()
        .enumerate()
        .map(|(index, o)| {
            let zones = if o.zone_ids().is_empty() {
                "Tout le site".to_string()
            } else {
                o.zone_ids().iter().filter_map(|id| zone_name(id)).collect::<Vec<_>>().join(", ")
            };
            let valid = o.valid().map_or_else(
                || "Tout l’événement".to_string(),
                |w| format!("{} – {}", format_short_fr(w.start(), tz), format_short_fr(w.end(), tz)),
            );
            (index, o.kind().label(), o.citation(), valid, zones)
        })
        .collect();
    let mut zones: Vec<(String, String)> =
        page.plan.zones.iter().map(|z| (z.id().to_string(), z.name().to_string())).collect();
    zones.sort_by(|a, b| a.1.cmp(&b.1));
    let added =
        Signal::derive(move || matches!(add.value().get(), Some(Ok(()))).then(|| text::ORDER_ADDED.to_string()));
    let event_id = event.id().to_string();
    view! {
        <section class="fr-mt-6w" aria-labelledby="titre-arretes">
            <h2 id="titre-arretes" class="fr-h4">{text::ORDERS_TITLE}</h2>
            <p class="fr-hint-text">{text::ORDERS_HINT}</p>
            <ErrorAlert message=form_error(remove)/>
            {if rows.is_empty() {
                view! { <p>{text::ORDERS_NONE}</p> }.into_any()
            } else {
                let event_id = event_id.clone();
                let version = version.clone();
                view! {
                    <div class="fr-table fr-table--no-caption"><table>
                        <caption>{text::ORDERS_TITLE}</caption>
                        <thead><tr><th scope="col">"Objet"</th><th scope="col">"Arrêté"</th><th scope="col">"En vigueur"</th><th scope="col">"Zones"</th><th scope="col">"Action"</th></tr></thead>
                        <tbody>
                            {rows.into_iter().map(|(index, kind, citation, valid, zones)| {
                                let (event_id, version) = (event_id.clone(), version.clone());
                                view! {
                                    <tr>
                                        <td>{kind}</td><td>{citation}</td><td>{valid}</td><td>{zones}</td>
                                        <td>
                                            <ServerForm action=remove>
                                                <input type="hidden" name="event_id" value=event_id/>
                                                <input type="hidden" name="version" value=version/>
                                                <input type="hidden" name="index" value=index.to_string()/>
                                                <button type="submit" class="fr-btn fr-btn--tertiary fr-btn--sm">{text::ORDER_REMOVE}</button>
                                            </ServerForm>
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table></div>
                }.into_any()
            }}
            <h3 class="fr-h6">"Saisir un arrêté"</h3>
            <SuccessAlert message=added/>
            <ErrorAlert message=form_error(add)/>
            <ServerForm action=add node_ref=reset_on_success(add)>
                <input type="hidden" name="event_id" value=event_id/>
                <input type="hidden" name="version" value=version/>
                <SelectField form="arrete" name="kind" label="Objet de l’arrêté" options=kinds error=field_error(add, "kind")/>
                <div class="fr-grid-row fr-grid-row--gutters">
                    <div class="fr-col-12 fr-col-md-6">
                        <TextField form="arrete" name="number" label="Numéro de l’arrêté" required=true error=field_error(add, "number")/>
                    </div>
                    <div class="fr-col-12 fr-col-md-6">
                        <TextField form="arrete" name="signed_on" label="Date de signature" kind="date" error=field_error(add, "signed_on")/>
                    </div>
                    <div class="fr-col-12 fr-col-md-6">
                        <TextField form="arrete" name="valid_from" label="En vigueur à partir de (facultatif)" kind="datetime-local" error=field_error(add, "valid_from")/>
                    </div>
                    <div class="fr-col-12 fr-col-md-6">
                        <TextField form="arrete" name="valid_until" label="Jusqu’à (facultatif)" kind="datetime-local" error=field_error(add, "valid_until")/>
                    </div>
                </div>
                <fieldset class="fr-fieldset" aria-describedby="arrete-zones-aide">
                    <legend class="fr-fieldset__legend">"Zones couvertes"<span class="fr-hint-text" id="arrete-zones-aide">"Aucune zone cochée : tout le site."</span></legend>
                    {zones.into_iter().map(|(id, name)| {
                        let input_id = format!("arrete-zone-{id}");
                        view! {
                            <div class="fr-fieldset__element"><div class="fr-checkbox-group">
                                <input type="checkbox" id=input_id.clone() name="zone_ids[]" value=id/>
                                <label class="fr-label" for=input_id>{name}</label>
                            </div></div>
                        }
                    }).collect_view()}
                    {move || field_error(add, "zone_ids").get().map(|m| view! { <p class="fr-error-text">{m}</p> })}
                </fieldset>
                <button type="submit" class="fr-btn fr-btn--secondary" id="ajouter-arrete">{text::ORDER_ADD}</button>
            </ServerForm>
        </section>
    }
}
