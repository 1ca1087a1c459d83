//! A prefecture's délégations de signature: its administrator records, for a member, the
//! prefect's arrêté (number and date) that lets that member sign for the prefect; only then
//! does an approval say « Pour le préfet et par délégation ». Refusals are tested as well.

use app::store;

use crate::common::{spawn_app, Backend};

#[tokio::test]
async fn the_prefectures_administrator_records_and_withdraws_a_delegation_and_bad_input_is_refused_beside_its_field() {
    let app = spawn_app(Backend::Sqlite).await;
    app.demo().await;
    let prefecture = app.demo_client("prefecture@cordon.test").await;
    let nadia = store::users::find_by_email(&app.db, &app::domain::Email::parse("prefecture@cordon.test").unwrap())
        .await
        .unwrap()
        .unwrap();
    let org = store::organisations::list_for_user(&app.db, &nadia.id).await.unwrap()[0].organisation.id.clone();
    // The demo's instructor holds one already.
    let held = store::organisations::delegation(&app.db, &nadia.id, &org).await.unwrap().unwrap();
    assert_eq!(held.citation(), "arrêté n° 13-2026-09-01-00012 du 01/09/2026");

    let form = |arrete: &'static str, date: &'static str| {
        vec![
            ("organisation_id", org.clone()),
            ("user_id", nadia.id.clone()),
            ("delegation_arrete", arrete.to_string()),
            ("delegation_date", date.to_string()),
        ]
    };
    let call = |form: Vec<(&'static str, String)>| {
        let (app, prefecture) = (&app, &prefecture);
        async move {
            let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.call(prefecture, "record_delegation", &pairs).await
        }
    };
    let (status, body, _) = call(form("13-2027-01-05-00001", "5 janvier")).await;
    assert_eq!((status, body["Invalid"]["field"].as_str()), (422, Some("delegation_date")), "{body}");
    let (status, body, _) = call(form("", "2027-01-05")).await;
    assert_eq!((status, body["Invalid"]["field"].as_str()), (422, Some("delegation_arrete")), "{body}");
    assert_eq!(store::organisations::delegation(&app.db, &nadia.id, &org).await.unwrap(), Some(held));

    let (status, _, _) = call(form("13-2027-01-05-00001", "2027-01-05")).await;
    assert_eq!(status, 200);
    let (_, page, _) = app.call(&prefecture, "get_organisation", &[("id", &org)]).await;
    assert_eq!(page["members"][0]["delegation"]["arrete"], "13-2027-01-05-00001", "{page}");

    let (status, _, _) = call(form("", "")).await;
    assert_eq!(status, 200, "both blank withdraws it");
    assert_eq!(store::organisations::delegation(&app.db, &nadia.id, &org).await.unwrap(), None);
    app.stop().await;
}

#[tokio::test]
async fn no_one_outside_the_prefectures_administration_records_a_delegation_and_no_other_organisation_holds_one() {
    let app = spawn_app(Backend::Postgres).await;
    app.demo().await;
    let nadia = store::users::find_by_email(&app.db, &app::domain::Email::parse("prefecture@cordon.test").unwrap())
        .await
        .unwrap()
        .unwrap();
    let prefecture_org =
        store::organisations::list_for_user(&app.db, &nadia.id).await.unwrap()[0].organisation.id.clone();
    let julien = store::users::find_by_email(&app.db, &app::domain::Email::parse("organisateur@cordon.test").unwrap())
        .await
        .unwrap()
        .unwrap();
    let comite = store::organisations::list_for_user(&app.db, &julien.id).await.unwrap()[0].organisation.id.clone();
    let form = |org: &str, user: &str| {
        vec![
            ("organisation_id", org.to_string()),
            ("user_id", user.to_string()),
            ("delegation_arrete", "13-2027-01-05-00001".to_string()),
            ("delegation_date", "2027-01-05".to_string()),
        ]
    };
    let pairs = |f: &Vec<(&'static str, String)>| f.iter().map(|(k, v)| (*k, v.clone())).collect::<Vec<_>>();
    // The organiser may not give the prefecture's instructor a délégation.
    let organiser = app.demo_client("organisateur@cordon.test").await;
    let f = pairs(&form(&prefecture_org, &nadia.id));
    let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, _, _) = app.call(&organiser, "record_delegation", &f).await;
    assert_eq!(status, 404, "outside the prefecture, it does not exist for the organiser");
    // Nor record one in its own committee: a délégation of the prefect exists in a prefecture only.
    let f = pairs(&form(&comite, &julien.id));
    let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, body, _) = app.call(&organiser, "record_delegation", &f).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(store::organisations::delegation(&app.db, &julien.id, &comite).await.unwrap(), None);
    app.stop().await;
}
