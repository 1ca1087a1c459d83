//! HTTP tests of the convention file on the demo festival: the organiser files, the prefecture
//! of the department instructs, asks for corrections, approves; the stamped PDF is frozen and
//! downloadable; each move is e-mailed and chained in the audit trail, which `cordon audit
//! verify` checks and which a row changed in the database breaks. The refusals: an organiser
//! never decides, a participant only reads and comments, nobody outside the event reads it.

use std::process::Command;

use serde_json::Value;

use crate::common::{pdf_text, spawn_app, Backend, TestApp};

async fn page(app: &TestApp, client: &reqwest::Client, event: &str) -> Value {
    let (status, page, _) = app.call(client, "get_convention", &[("event_id", event)]).await;
    assert_eq!(status, 200, "{page}");
    page
}

async fn act(app: &TestApp, client: &reqwest::Client, event: &str, action: &str, message: &str) -> (u16, Value) {
    let (status, body, _) =
        app.call(client, "act_on_convention", &[("event_id", event), ("action", action), ("message", message)]).await;
    (status, body)
}

/// Calls a server function with owned values.
async fn call_owned(
    app: &TestApp,
    client: &reqwest::Client,
    name: &str,
    pairs: &[(&'static str, String)],
) -> (u16, Value) {
    let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, body, _) = app.call(client, name, &borrowed).await;
    (status, body)
}

fn actions(page: &Value) -> Vec<String> {
    page["actions"].as_array().unwrap().iter().map(|a| a["code"].as_str().unwrap().to_string()).collect()
}

/// Text with its line breaks and runs of spaces folded to one space.
fn folded(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[tokio::test]
async fn a_file_goes_from_filing_through_corrections_to_approval_and_its_stamped_pdf_is_frozen() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let organiser = app.demo_client("organisateur@cordon.test").await;
    let prefecture = app.demo_client("prefecture@cordon.test").await;
    let company = app.demo_client("securite@cordon.test").await;

    // Nothing to file before a release.
    let before = page(&app, &organiser, &event).await;
    assert!(actions(&before).is_empty());
    let (status, _) = act(&app, &organiser, &event, "submit", "").await;
    assert_eq!(status, 422);
    let (status, body, _) =
        app.call(&organiser, "publish_release", &[("event_id", &event), ("comment", "Première version")]).await;
    assert_eq!(status, 200, "{body}");

    let draft = page(&app, &organiser, &event).await;
    assert_eq!(draft["status"], "brouillon");
    assert_eq!(actions(&draft), vec!["submit"]);

    // The shared risk assessment: refused next to its field when wrong, then sized. Every
    // change names the version of the inputs the page showed.
    let inputs_version = draft["inputs_version"].to_string();
    let risk = |attendance: &'static str, version: &str| {
        vec![
            ("event_id", event.clone()),
            ("version", version.to_string()),
            ("peak_attendance", attendance.to_string()),
            ("behaviour", "debout".into()),
            ("site", "temporaire".into()),
            ("response_time_minutes", "20".into()),
            ("alcohol", "oui".into()),
            ("night", "oui".into()),
            ("threat", "securite_renforcee".into()),
            ("threat_notes", "".into()),
            ("erp_type", "".into()),
            ("notes", "Feu d’artifice à 23 h sur le quai Brescon.".into()),
        ]
    };
    let (status, body) = call_owned(&app, &organiser, "save_risk_assessment", &risk("0", &inputs_version)).await;
    assert_eq!((status, body["Invalid"]["field"].as_str()), (422, Some("peak_attendance")), "{body}");
    assert_eq!(call_owned(&app, &company, "save_risk_assessment", &risk("18000", &inputs_version)).await.0, 422);
    // Without the version it was based on, a save is refused in French, nothing overwritten.
    let (status, body) = call_owned(&app, &organiser, "save_risk_assessment", &risk("18000", " ")).await;
    assert_eq!((status, body["Invalid"]["field"].as_str()), (422, Some("version")), "{body}");
    let (status, body) = call_owned(&app, &organiser, "save_risk_assessment", &risk("18000", &inputs_version)).await;
    assert_eq!(status, 200, "{body}");
    // A second save based on the page of before is refused: the first one is not lost.
    let (status, body) = call_owned(&app, &organiser, "save_risk_assessment", &risk("17000", &inputs_version)).await;
    assert_eq!(status, 409, "{body}");
    let sized = page(&app, &organiser, &event).await;
    let lines: Vec<&str> = sized["risk_lines"].as_array().unwrap().iter().map(|l| l.as_str().unwrap()).collect();
    assert!(lines.iter().any(|l| l.contains("18 000 personnes")), "{lines:?}");
    assert!(lines.iter().any(|l| l.starts_with("Secouristes :")), "{lines:?}");
    // The plan page's checks run on the server with the same sizing: the page carries neither
    // the rules nor the assessment (and never its written notes).
    let (_, plan_page, _) = app.call(&company, "get_plan", &[("event_id", &event)]).await;
    assert!(plan_page.get("compliance").is_none() && plan_page.get("rules").is_none(), "{plan_page}");
    assert!(!plan_page.to_string().contains("Feu d’artifice"), "no written notes on the plan page");
    let inputs_version = sized["inputs_version"].to_string();
    let amend = [
        ("event_id", event.as_str()),
        ("article", "engagements"),
        ("text", "Briefing commun des agents à 16 h."),
        ("version", inputs_version.as_str()),
    ];
    assert_eq!(app.call(&company, "add_amendment", &amend).await.0, 422);
    assert_eq!(app.call(&organiser, "add_amendment", &amend).await.0, 200);
    // The organiser never decides on its own file.
    let (status, body) = act(&app, &organiser, &event, "approve", "").await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(act(&app, &organiser, &event, "submit", "").await.0, 200);
    // Filed: the organiser no longer changes the assessment.
    let filed_version = page(&app, &organiser, &event).await["inputs_version"].to_string();
    assert_eq!(call_owned(&app, &organiser, "save_risk_assessment", &risk("20000", &filed_version)).await.0, 422);

    // A participant reads and comments, never decides.
    let seen = page(&app, &company, &event).await;
    assert_eq!(seen["status"], "deposee");
    assert!(actions(&seen).is_empty(), "{seen}");
    assert_eq!(act(&app, &company, &event, "take_up", "").await.0, 422);
    assert_eq!(act(&app, &company, &event, "comment", "Nos agents seront briefés à 17 h.").await.0, 200);

    // The prefecture instructs; a request for corrections needs its message.
    assert_eq!(actions(&page(&app, &prefecture, &event).await), vec!["take_up", "close"]);
    assert_eq!(act(&app, &prefecture, &event, "take_up", "").await.0, 200);
    let instructed_version = page(&app, &prefecture, &event).await["inputs_version"].to_string();
    let prefecture_amendment = [
        ("event_id", event.as_str()),
        ("article", "evaluation"),
        ("text", "Retour d’expérience sous un mois."),
        ("version", instructed_version.as_str()),
    ];
    assert_eq!(app.call(&prefecture, "add_amendment", &prefecture_amendment).await.0, 200);

    // Opinions: the instructor asks the police; only the police answers, and a reserved
    // opinion must say why. Before any answer, approving is possible but the page says none came.
    let instructing = page(&app, &prefecture, &event).await;
    assert!(
        instructing["warning"].as_str().unwrap_or_default().starts_with("Aucun avis n’a encore été reçu"),
        "{instructing}"
    );
    let targets = instructing["opinion_targets"].clone();
    let labels: Vec<&str> = targets.as_array().unwrap().iter().map(|t| t["label"].as_str().unwrap()).collect();
    assert!(labels.iter().any(|l| l.starts_with("Maire de Martigues")), "the maire is consulted too: {labels:?}");
    let police = targets
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["label"].as_str().unwrap().contains("Force de l"))
        .expect("the State force is offered")["value"]
        .as_str()
        .unwrap()
        .to_string();
    let ask = [
        ("event_id", event.as_str()),
        ("target", police.as_str()),
        ("body_name", ""),
        ("question", "Les effectifs prévus en soirée vous paraissent-ils suffisants ?"),
        ("deadline", "2099-01-15"),
    ];
    assert_eq!(app.call(&company, "ask_opinion", &ask).await.0, 422);
    assert_eq!(app.call(&organiser, "ask_opinion", &ask).await.0, 422);
    let (status, body, _) = app.call(&prefecture, "ask_opinion", &ask).await;
    assert_eq!(status, 200, "{body}");
    let commissariat = app.demo_client("commissariat@cordon.test").await;
    let asked = page(&app, &commissariat, &event).await;
    assert_eq!(asked["opinions"][0]["may_answer"], true);
    assert_eq!(asked["opinions"][0]["status"], "En attente");
    assert_eq!(page(&app, &company, &event).await["opinions"][0]["may_answer"], false);
    let opinion = asked["opinions"][0]["id"].as_str().unwrap().to_string();
    let answer = |verdict: &'static str, comment: &'static str| {
        vec![
            ("event_id", event.clone()),
            ("opinion_id", opinion.clone()),
            ("verdict", verdict.into()),
            ("comment", comment.into()),
        ]
    };
    let silent = answer("reserve", "");
    let form: Vec<(&str, &str)> = silent.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(app.call(&company, "answer_opinion", &form).await.0, 422);
    let (status, body, _) = app.call(&commissariat, "answer_opinion", &form).await;
    assert_eq!((status, body["Invalid"]["field"].as_str()), (422, Some("comment")), "{body}");
    let reserved = answer("reserve", "Prévoir deux équipages supplémentaires à partir de 23 h.");
    let form: Vec<(&str, &str)> = reserved.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(app.call(&commissariat, "answer_opinion", &form).await.0, 200);
    assert_eq!(app.call(&commissariat, "answer_opinion", &form).await.0, 422, "an opinion is given once");
    let answered = page(&app, &prefecture, &event).await;
    assert_eq!(answered["opinions"][0]["verdict"], "Réservé");
    assert!(!answered["warning"].as_str().unwrap_or_default().starts_with("Aucun avis"), "{answered}");
    assert!(app.mail.received().iter().any(|m| {
        m.to.iter().any(|t| t.contains("commissariat@"))
            && folded(&crate::common::mail_body(&m.data)).contains("demande l’avis")
    }));
    let (status, body) = act(&app, &prefecture, &event, "request_corrections", "  ").await;
    assert_eq!((status, body["Invalid"]["field"].as_str()), (422, Some("message")), "{body}");
    let (status, body) =
        act(&app, &prefecture, &event, "request_corrections", "Précisez le canal radio du poste de commandement.")
            .await;
    assert_eq!((status, body.as_str()), (200, Some("Corrections demandées")));
    let returned = page(&app, &organiser, &event).await;
    assert_eq!(returned["state_message"], "Précisez le canal radio du poste de commandement.");
    assert_eq!(actions(&returned), vec!["submit", "withdraw"]);
    let mails = app.mail.received();
    let corrections = mails
        .iter()
        .find(|m| {
            m.to.iter().any(|t| t.contains("organisateur@"))
                && folded(&crate::common::mail_body(&m.data)).contains("« Corrections demandées »")
        })
        .expect("the organiser is told that corrections are asked");
    assert!(folded(&crate::common::mail_body(&corrections.data)).contains("canal radio du poste"));

    assert_eq!(act(&app, &organiser, &event, "submit", "").await.0, 200);
    let (status, body) = act(&app, &prefecture, &event, "approve", "").await;
    assert_eq!((status, body.as_str()), (200, Some("Approuvée")), "{body}");

    let approved = page(&app, &organiser, &event).await;
    assert_eq!(approved["status"], "approuvee");
    // The approved convention enters the department's registry: the census of the year of
    // approval counts it as newly signed, kind « événement », in force during the operations.
    let year = {
        use chrono::Datelike;
        chrono::Utc::now().with_timezone(&chrono_tz::Europe::Paris).year().to_string()
    };
    let (status, registry, _) = app.call(&prefecture, "get_registry", &[("year", year.as_str())]).await;
    assert_eq!(status, 200, "{registry}");
    let reference = format!("{}-A1", approved["reference"].as_str().unwrap());
    let line = registry["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["reference"] == reference.as_str())
        .unwrap_or_else(|| panic!("{reference} in {registry}"));
    assert_eq!(line["kind"], "Convention d’événement", "{line}");
    assert!(line["title"].as_str().unwrap().contains("Fête de la Saint-Pierre"), "{line}");
    assert_eq!(line["signed_during_year"], true, "{line}");
    // The event has not happened yet: its evaluation is to come, one click away.
    assert_eq!(line["evaluation"], "à venir (après la fin de l’événement)", "{line}");
    assert_eq!(line["evaluation_url"], format!("/evenements/{event}/evaluation"));
    let csv = prefecture.get(format!("{}/prefecture/recensement/{year}.csv", app.base)).send().await.unwrap();
    let csv = csv.text().await.unwrap();
    let row = csv.lines().find(|l| l.contains(&reference)).unwrap_or_else(|| panic!("{reference} in {csv}"));
    assert!(row.ends_with(";à venir (après la fin de l’événement)"), "{row}");
    assert!(actions(&approved).is_empty());
    let link = approved["approved"][0]["url"].as_str().unwrap().to_string();
    let download = organiser.get(format!("{}{link}", app.base)).send().await.unwrap();
    assert_eq!(download.status(), 200);
    assert_eq!(download.headers()["content-type"], "application/pdf");
    let pdf = download.bytes().await.unwrap().to_vec();
    assert!(pdf.starts_with(b"%PDF"));
    let text = pdf_text(&pdf);
    assert!(text.contains("Nadia Benali"), "the stamp names the approver: {text}");
    assert!(
        text.contains("par délégation (arrêté n° 13-2026-09-01-00012 du 01/09/2026)"),
        "the stamp cites the approver's délégation de signature: {text}"
    );
    assert!(text.contains("Briefing commun des agents à 16 h.") && text.contains("Retour d’expérience sous un mois."));
    assert!(text.contains("Feu d’artifice à 23 h sur le quai Brescon."), "axis 1 holds the assessment: {text}");
    // One sizing: every « RIS = n » the approved PDF prints (Article 4 and the annex's first-aid
    // finding) gives the same ratio.
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let ratios: Vec<&str> = flat
        .match_indices("RIS = ")
        .map(|(i, _)| flat[i + 6..].split([' ', ')', ':']).next().unwrap_or_default().trim_end_matches(['.', ',']))
        .filter(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    assert!(ratios.len() >= 2, "Article 4 and the annex both size the first aid: {ratios:?}");
    assert!(ratios.windows(2).all(|w| w[0] == w[1]), "one RIS in the whole document: {ratios:?}");
    // Who signed what: the prefect's box names who approved in Cordon; every box says what its
    // signatory signs for.
    assert!(text.contains("Signé dans Cordon par"), "the approver's signature: {text}");
    assert!(text.contains("Signe pour"), "what each party signs for: {text}");
    // Frozen: the same bytes later, and their digest is the one shown.
    let again = company.get(format!("{}{link}", app.base)).send().await.unwrap().bytes().await.unwrap().to_vec();
    assert_eq!(pdf, again);
    let digest: String = {
        use sha2::Digest;
        sha2::Sha256::digest(&pdf).iter().map(|b| format!("{b:02x}")).collect()
    };
    assert_eq!(approved["approved"][0]["sha256"], digest.as_str());

    let thread = approved["thread"].as_array().unwrap();
    let whats: Vec<&str> = thread.iter().map(|t| t["what"].as_str().unwrap()).collect();
    // The demo's organiser saved its assessment before (the demo's file), then again here.
    assert_eq!(
        whats,
        vec![
            "Évaluation des risques mise à jour",
            "Évaluation des risques mise à jour",
            "Amendement ajouté",
            "Dossier déposé",
            "Message",
            "Dossier pris en instruction",
            "Amendement ajouté",
            "Avis demandé",
            "Avis rendu",
            "Corrections demandées",
            "Dossier déposé",
            "Convention approuvée"
        ]
    );
    assert_eq!(approved["chain_intact"], true);

    // The audit chain verifies; a row changed behind Cordon's back breaks it at that entry.
    let cli = |url: &str| {
        Command::new(env!("CARGO_BIN_EXE_cordon")).env("DATABASE_URL", url).args(["audit", "verify"]).output().unwrap()
    };
    let url = app.database_url();
    let intact = cli(&url);
    assert!(intact.status.success(), "{}", String::from_utf8_lossy(&intact.stdout));
    assert!(String::from_utf8_lossy(&intact.stdout).contains("intact (12 entrées)"));
    sqlx::query("UPDATE audit_entries SET payload = '{\"author\":\"quelqu’un\"}' WHERE chain = $1 AND seq = 2")
        .bind(format!("event:{event}"))
        .execute(&app.db.pool)
        .await
        .unwrap();
    let broken = cli(&url);
    assert_eq!(broken.status.code(), Some(1));
    let report = String::from_utf8_lossy(&broken.stdout);
    assert!(report.contains("entrée n° 2"), "{report}");
    assert_eq!(page(&app, &prefecture, &event).await["chain_intact"], false);
    app.stop().await;
}

#[tokio::test]
async fn nobody_outside_the_event_reads_its_file_or_its_pdfs() {
    let app = spawn_app(Backend::Postgres).await;
    let event = app.demo().await;
    let organiser = app.demo_client("organisateur@cordon.test").await;
    app.call(&organiser, "publish_release", &[("event_id", &event), ("comment", "v1")]).await;

    let outsider_org = app.organisation("Comité des fêtes de Salon", "organisateur").await;
    let outsider = app.user("autre@cordon.test", "Autre Organisateur", false).await;
    app.member(&outsider, &outsider_org, app::domain::MembershipRole::Admin).await;
    let stranger = app.client();
    app.sign_in(&stranger, "autre@cordon.test").await;
    let (status, _, _) = app.call(&stranger, "get_convention", &[("event_id", &event)]).await;
    assert_eq!(status, 404);
    assert_eq!(act(&app, &stranger, &event, "comment", "Bonjour").await.0, 404);
    let pdf = stranger.get(format!("{}/evenements/{event}/convention.pdf", app.base)).send().await.unwrap();
    assert_eq!(pdf.status(), 404);
    let anonymous = app.client().get(format!("{}/evenements/{event}/convention.pdf", app.base)).send().await.unwrap();
    assert_eq!(anonymous.status(), 401);

    // The reader of the event gets the draft, as a PDF and as a page; the page too is refused
    // to a stranger and to nobody signed in.
    let draft = organiser.get(format!("{}/evenements/{event}/convention.pdf", app.base)).send().await.unwrap();
    assert_eq!(draft.status(), 200);
    assert!(draft.bytes().await.unwrap().starts_with(b"%PDF"));
    let html = |client: &reqwest::Client| client.get(format!("{}/evenements/{event}/convention.html", app.base)).send();
    assert_eq!(html(&stranger).await.unwrap().status(), 404);
    assert_eq!(html(&app.client()).await.unwrap().status(), 401);
    let page = html(&organiser).await.unwrap();
    assert_eq!(page.status(), 200);
    assert_eq!(page.headers()["content-type"], "text/html; charset=utf-8");
    let page = page.text().await.unwrap();
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains("<html lang=\"fr\">"), "{page}");
    assert!(page.contains("Fête de la Saint-Pierre"), "{page}");
    assert!(page.contains("Coopération opérationnelle"), "{page}");
    // The demo's zones have outlines: the page draws their map.
    assert!(page.contains("<svg") && page.contains("<polygon "), "{page}");
    app.stop().await;
}

#[tokio::test]
async fn a_release_with_a_blocking_finding_cannot_be_filed() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let company = app.demo_client("securite@cordon.test").await;
    let (_, plan, _) = app.call(&company, "get_plan", &[("event_id", &event)]).await;
    let mine = plan["access"]["own_participant_ids"][0].as_str().unwrap().to_string();
    let quay = plan["plan"]["zones"].as_array().unwrap().iter().find(|z| z["name"] == "Quai Brescon").unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    // Private agents on a public road without the prefect's L613-1 authorisation.
    let form = [
        ("event_id", event.as_str()),
        ("id", ""),
        ("version", ""),
        ("participant_id", mine.as_str()),
        ("zone_id", quay.as_str()),
        ("start", "2027-06-26T19:00"),
        ("end", "2027-06-26T23:00"),
        ("headcount", "2"),
        ("category", "surveillance"),
        ("mission", "Surveillance du quai"),
        ("radio", ""),
    ];
    assert_eq!(app.call(&company, "save_deployment", &form).await.0, 200);
    let organiser = app.demo_client("organisateur@cordon.test").await;
    assert_eq!(app.call(&organiser, "publish_release", &[("event_id", &event), ("comment", "v1")]).await.0, 200);

    let file = page(&app, &organiser, &event).await;
    let blocking = file["blocking"].as_array().unwrap();
    assert_eq!(blocking.len(), 1, "{file}");
    assert!(blocking[0].as_str().unwrap().contains("CSI L613-1"));
    assert!(!actions(&file).contains(&"submit".to_string()));
    let (status, body) = act(&app, &organiser, &event, "submit", "").await;
    assert_eq!(status, 422);
    assert!(body["Refused"].as_str().unwrap().contains("1 point(s) bloquant(s)"), "{body}");
    assert_eq!(page(&app, &organiser, &event).await["status"], "brouillon");
    app.stop().await;
}

#[tokio::test]
async fn a_file_without_its_risk_assessment_is_refused_with_what_is_missing_and_a_withdrawn_file_is_filed_again() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let organiser = app.demo_client("organisateur@cordon.test").await;
    assert_eq!(app.call(&organiser, "publish_release", &[("event_id", &event), ("comment", "v1")]).await.0, 200);
    // The demo's risk assessment is taken away.
    let mut inputs = app::store::conventions::inputs(&app.db, &event).await.unwrap();
    let risk = inputs.risk.take().expect("the demo's file holds a risk assessment");
    let entry = |kind: &str| app::store::conventions::NewEntry {
        chain: app::store::conventions::event_chain(&event),
        at: crate::common::now(),
        actor: "test".into(),
        kind: kind.into(),
        payload: serde_json::json!({ "author": "Test", "message": kind }),
    };
    // Saves the inputs behind the pages' back, with their chain entry (as the application does).
    let save = |inputs: app::store::conventions::StoredInputs| {
        let (app, event, entry) = (&app, event.clone(), entry("inputs.risk"));
        async move {
            let saved =
                app::store::conventions::save_inputs(&app.db, &event, &inputs, "test", &entry, crate::common::now());
            assert!(saved.await.unwrap());
        }
    };
    save(inputs).await;

    let file = page(&app, &organiser, &event).await;
    let done: Vec<bool> = file["filing"].as_array().unwrap().iter().map(|i| i["done"].as_bool().unwrap()).collect();
    assert_eq!(done, vec![false, true, false], "{file}");
    assert!(!actions(&file).contains(&"submit".to_string()));
    let (status, body) = act(&app, &organiser, &event, "submit", "").await;
    assert_eq!(status, 422);
    assert!(body["Refused"].as_str().unwrap().contains("l’évaluation des risques n’est pas enregistrée"), "{body}");
    assert_eq!(page(&app, &organiser, &event).await["status"], "brouillon");

    // Saved again, the file is filed; withdrawn, it is filed again as a new cycle.
    let mut inputs = app::store::conventions::inputs(&app.db, &event).await.unwrap();
    inputs.risk = Some(risk);
    save(inputs).await;
    assert_eq!(act(&app, &organiser, &event, "submit", "").await.0, 200);
    assert_eq!(act(&app, &organiser, &event, "withdraw", "").await.0, 200);
    let withdrawn = page(&app, &organiser, &event).await;
    assert_eq!(withdrawn["status"], "retiree");
    assert_eq!(actions(&withdrawn), vec!["submit"]);
    assert_eq!(act(&app, &organiser, &event, "submit", "").await.0, 200);
    let refiled = page(&app, &organiser, &event).await;
    assert_eq!(
        (refiled["status"].as_str(), refiled["cycle"].as_str()),
        (Some("deposee"), Some("Cycle d’approbation n° 2"))
    );
    app.stop().await;
}
