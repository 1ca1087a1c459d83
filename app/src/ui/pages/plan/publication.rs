//! Publication and calendar subscriptions on the plan page: the organiser publishes the plan
//! as the next release with a comment, after seeing what it changes; every reader sees the
//! release history; each reader creates links to the calendar feeds it may read, and revokes
//! them.

use leptos::prelude::*;

use crate::api::releases::{CompareReleases, CreateFeed, NewFeed, PublishRelease, PublishingPage, RevokeFeed};
use crate::text;
use crate::ui::codec::call;
use crate::ui::components::{field_error, form_error, ErrorAlert, SuccessAlert};
use crate::ui::components::{FormAction, ServerForm};

/// The section's actions and data, created with the page before anything suspends (a resource
/// created inside a suspended view breaks hydration now and then); read again after every save
/// of the plan (`reload`), since what publishing would change follows the plan.
#[derive(Clone, Copy)]
pub struct Publication {
    create: FormAction<CreateFeed>,
    revoke: FormAction<RevokeFeed>,
    data: crate::ui::codec::Loaded<Result<PublishingPage, crate::error::AppError>>,
}

impl Publication {
    pub fn new(event_id: impl Fn() -> String + Send + Sync + 'static, reload: RwSignal<u32>) -> Self {
        let create = FormAction::<CreateFeed>::new();
        let revoke = FormAction::<RevokeFeed>::new();
        let data = crate::ui::codec::load(
            move || (event_id(), reload.get(), create.version().get(), revoke.version().get()),
            |(id, ..)| call!(crate::api::releases::GetPublishing { event_id: id }),
        );
        Publication { create, revoke, data }
    }
}

#[component]
pub fn PublicationSection(
    event_id: String,
    publish: FormAction<PublishRelease>,
    publication: Publication,
) -> impl IntoView {
    let Publication { create, revoke, data } = publication;
    let published = Signal::derive(move || match publish.value().get() {
        Some(Ok(n)) => {
            Some(format!("Version v{n} publiée : les calendriers abonnés la reçoivent à leur prochaine mise à jour."))
        }
        _ => None,
    });
    view! {
        <section class="fr-mt-6w" aria-labelledby="titre-publication">
            <h2 id="titre-publication" class="fr-h4">"Publication et abonnements"</h2>
            <SuccessAlert message=published/>
            <Transition fallback=|| ()>
                {move || {
                    let event_id = event_id.clone();
                    Suspend::new(async move {
                        match data.await {
                            Ok(page) => view! { <Publishing page event_id publish create revoke/> }.into_any(),
                            Err(e) => crate::ui::components::error_view(e),
                        }
                    })
                }}
            </Transition>
        </section>
    }
}

#[component]
fn Publishing(
    page: PublishingPage,
    event_id: String,
    publish: FormAction<PublishRelease>,
    create: FormAction<CreateFeed>,
    revoke: FormAction<RevokeFeed>,
) -> impl IntoView {
    let next = page.releases.first().map_or(1, |r| r.number + 1);
    let organiser_part = page.may_publish.then(|| {
        let pending = page.pending.clone();
        let count = page.pending_count.max(pending.len());
        let nothing = pending.is_empty() && next > 1;
        let event_id = event_id.clone();
        let unconfirmed = page.unconfirmed.clone();
        view! {
            <h3 class="fr-h6">{format!("Publier la version v{next}")}</h3>
            {(!unconfirmed.is_empty()).then(|| view! {
                <div class="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w" id="publication-a-confirmer">
                    <p>{text::UNCONFIRMED_LEFT_OUT}</p>
                    <ul>{unconfirmed.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                </div>
            })}
            {if nothing {
                view! { <p>"Aucun déploiement n’a changé depuis la dernière version."</p> }.into_any()
            } else {
                let heading = match (next, count) {
                    (1, 0) => text::FIRST_RELEASE_EMPTY.to_string(),
                    (1, _) => text::FIRST_RELEASE_CONTENTS.to_string(),
                    (_, count) => text::changes_to_publish(count),
                };
                let more = count.saturating_sub(pending.len());
                view! {
                    <p>{heading}</p>
                    <ul class="cordon-changes" id="changements-a-publier">
                        {pending.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                        {(more > 0).then(|| view! { <li id="changements-non-listes">{text::changes_not_listed(more)}</li> })}
                    </ul>
                }.into_any()
            }}
            <ErrorAlert message=form_error(publish)/>
            {(!nothing).then(|| view! {
            <ServerForm action=publish>
                <input type="hidden" name="event_id" value=event_id/>
                <div class="fr-input-group" class:fr-input-group--error=move || field_error(publish, "comment").get().is_some()>
                    <label class="fr-label" for="champ-publication-comment">
                        "Commentaire de la version"
                        <span class="fr-hint-text">"Par exemple : « Renfort de l’entrée Nord samedi soir ». Il figure dans l’historique."</span>
                    </label>
                    <textarea class="fr-input" id="champ-publication-comment" name="comment" rows="2"></textarea>
                    {move || field_error(publish, "comment").get().map(|m| view! { <p class="fr-error-text">{m}</p> })}
                </div>
                <button type="submit" class="fr-btn">{format!("Publier la version v{next}")}</button>
            </ServerForm>
            })}
        }
    });
    let compare = (page.releases.len() >= 2).then(|| {
        let action = FormAction::<CompareReleases>::new();
        let numbers: Vec<u32> = page.releases.iter().map(|r| r.number).collect();
        let oldest = numbers.last().copied().unwrap_or(1);
        let newest = numbers.first().copied().unwrap_or(1);
        let options = move |selected: u32| {
            numbers
                .iter()
                .map(|n| view! { <option value=n.to_string() selected=*n == selected>{format!("v{n}")}</option> })
                .collect_view()
        };
        let event_id = event_id.clone();
        view! {
            <h3 class="fr-h6 fr-mt-3w">"Comparer deux versions"</h3>
            <ServerForm action>
                <input type="hidden" name="event_id" value=event_id/>
                <div class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
                    <div class="fr-col-6 fr-col-md-3">
                        <div class="fr-select-group">
                            <label class="fr-label" for="champ-comparer-from">"De la version"</label>
                            <select class="fr-select" id="champ-comparer-from" name="from">{options.clone()(oldest)}</select>
                        </div>
                    </div>
                    <div class="fr-col-6 fr-col-md-3">
                        <div class="fr-select-group">
                            <label class="fr-label" for="champ-comparer-to">"À la version"</label>
                            <select class="fr-select" id="champ-comparer-to" name="to">{options(newest)}</select>
                        </div>
                    </div>
                    <div class="fr-col-12 fr-col-md-3">
                        <button type="submit" class="fr-btn fr-btn--secondary fr-mb-3w">"Comparer"</button>
                    </div>
                </div>
            </ServerForm>
            <ErrorAlert message=form_error(action)/>
            {move || action.value().get().and_then(Result::ok).map(|lines| {
                if lines.is_empty() {
                    view! { <p id="comparaison">"Aucun déploiement n’a changé entre ces deux versions."</p> }.into_any()
                } else {
                    view! { <ul id="comparaison">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul> }.into_any()
                }
            })}
        }
    });
    let history = if page.releases.is_empty() {
        view! { <p>"Aucune version publiée : les calendriers et les exports suivront la première."</p> }.into_any()
    } else {
        view! {
            <ul class="cordon-releases">
                {page.releases.into_iter().map(|r| {
                    let count = r.changes.len();
                    view! {
                        <li>
                            <p class="fr-mb-1v"><strong>{format!("v{}", r.number)}</strong>{format!(" — publiée le {} — ", r.published_at)}{r.comment.clone()}</p>
                            <details>
                                <summary>{format!("{count} changement(s)")}</summary>
                                <ul>{r.changes.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
                            </details>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }.into_any()
    };
    let subscriptions = (!page.choices.is_empty()).then(|| {
        let event_id = event_id.clone();
        let choices = page.choices.clone();
        view! {
            <h3 class="fr-h6">"S’abonner dans un agenda"</h3>
            <p class="fr-hint-text">"Chaque lien suit la dernière version publiée. Il donne accès au calendrier sans mot de passe : ne le confiez qu’à qui doit le lire, révoquez-le sinon."</p>
            <ErrorAlert message=form_error(create)/>
            <ServerForm action=create>
                <input type="hidden" name="event_id" value=event_id/>
                <div class="fr-select-group">
                    <label class="fr-label" for="champ-abonnement-scope">"Calendrier"</label>
                    <select class="fr-select" id="champ-abonnement-scope" name="scope">
                        {crate::ui::components::options(choices.into_iter().map(|c| (c.value, c.label)).collect())}
                    </select>
                    {move || field_error(create, "scope").get().map(|m| view! { <p class="fr-error-text">{m}</p> })}
                </div>
                <button type="submit" class="fr-btn fr-btn--secondary">"Créer un lien d’abonnement"</button>
            </ServerForm>
            {move || match create.value().get() {
                Some(Ok(feed)) => view! { <FeedLinks feed/> }.into_any(),
                _ => ().into_any(),
            }}
        }
    });
    let feeds = (!page.feeds.is_empty()).then(|| {
        let event_id = event_id.clone();
        view! {
            <div class="fr-table fr-table--no-caption fr-mt-3w">
                <table>
                    <caption>"Liens d’abonnement que je gère"</caption>
                    <thead><tr><th scope="col">"Calendrier"</th><th scope="col">"Créé par"</th><th scope="col">"Créé le"</th><th scope="col">"Dernière lecture"</th><th scope="col">"Action"</th></tr></thead>
                    <tbody>
                        {page.feeds.into_iter().map(|f| {
                            let event_id = event_id.clone();
                            let label = f.label.clone();
                            view! {
                                <tr>
                                    <td>{f.label}</td><td>{f.creator.unwrap_or_else(|| "Moi".to_string())}</td><td>{f.created_at}</td><td>{f.last_used}</td>
                                    <td>
                                        <ServerForm action=revoke>
                                            <input type="hidden" name="event_id" value=event_id/>
                                            <input type="hidden" name="id" value=f.id/>
                                            <button type="submit" class="fr-btn fr-btn--tertiary fr-btn--sm"
                                                aria-label=format!("Révoquer le lien « {label} »")>"Révoquer"</button>
                                        </ServerForm>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
    });
    view! {
        {organiser_part}
        <h3 class="fr-h6 fr-mt-3w">"Versions publiées"</h3>
        {history}
        {compare}
        {subscriptions}
        {feeds}
    }
}

/// A link just created, in every form a calendar takes; shown once.
#[component]
fn FeedLinks(feed: NewFeed) -> impl IntoView {
    let copied = RwSignal::new(false);
    let https = feed.https.clone();
    let copy = move |_| {
        #[cfg(feature = "hydrate")]
        {
            let clipboard = window().navigator().clipboard();
            let _ = clipboard.write_text(&https);
            copied.set(true);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = &https;
    };
    // Our own SVG, from the qrcode crate: no script, no external reference.
    let svg = feed.qr_svg.split_once("?>").map_or(feed.qr_svg.clone(), |(_, rest)| rest.trim().to_string());
    view! {
        <div class="fr-callout fr-mt-3w" id="nouveau-lien">
            <h4 class="fr-callout__title fr-h6">{format!("Lien d’abonnement : {}", feed.label)}</h4>
            <p class="fr-callout__text fr-text--sm">{text::FEED_SHOWN_ONCE}<span class="cordon-feed__qr-hint">{text::FEED_SCAN}</span></p>
            <div class="cordon-feed">
                <div class="cordon-feed__links">
                    <div class="fr-input-group">
                        <label class="fr-label" for="champ-lien-https">"Adresse du calendrier (https)"</label>
                        <input class="fr-input" id="champ-lien-https" readonly value=feed.https.clone()/>
                    </div>
                    <button type="button" class="fr-btn fr-btn--secondary fr-btn--sm fr-mb-2w" on:click=copy>
                        {move || if copied.get() { "Adresse copiée" } else { "Copier l’adresse" }}
                    </button>
                    <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
                        <li><a class="fr-btn fr-btn--tertiary" href=feed.webcal.clone() id="abonnement-webcal">{text::FEED_WEBCAL}</a></li>
                        <li><a class="fr-btn fr-btn--tertiary" href=feed.google.clone() target="_blank" rel="noopener">"Google Agenda"</a></li>
                        <li><a class="fr-btn fr-btn--tertiary" href=feed.outlook_365.clone() target="_blank" rel="noopener" id="abonnement-outlook-365">"Outlook (Microsoft 365)"</a></li>
                        <li><a class="fr-btn fr-btn--tertiary" href=feed.outlook.clone() target="_blank" rel="noopener">"Outlook.com"</a></li>
                    </ul>
                </div>
                <div class="cordon-feed__qr" role="img" aria-label="Code QR du lien d’abonnement" inner_html=svg></div>
            </div>
        </div>
    }
}
