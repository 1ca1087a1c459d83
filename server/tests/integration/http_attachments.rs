//! HTTP tests of the convention file's attachments on the demo festival: the organiser attaches
//! a prefect's order as a real multipart upload, every reader of the file downloads it under
//! its name, the draft convention lists it in its annex. The refusals: a file that is not what
//! it claims, one too large, a participant or the prefecture adding one, a stranger reading
//! one, the organiser changing them once the file is filed — and nothing is stored on a refusal.

use serde_json::Value;

use crate::common::{spawn_app, Backend, TestApp};

const BOUNDARY: &str = "----cordon-test-7f3a";

/// A multipart body as a browser's `FormData` sends it.
fn multipart(event: &str, kind: &str, name: &str, content: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    for (field, value) in [("event_id", event), ("kind", kind)] {
        body.extend_from_slice(
            format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{field}\"\r\n\r\n{value}\r\n").as_bytes(),
        );
    }
    body.extend_from_slice(
        format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n\
             Content-Type: application/octet-stream\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(content);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    body
}

async fn upload(app: &TestApp, client: &reqwest::Client, event: &str, name: &str, content: &[u8]) -> (u16, Value) {
    let res = client
        .post(format!("{}/api/add_attachment", app.base))
        .header("origin", &app.base)
        .header("content-type", format!("multipart/form-data; boundary={BOUNDARY}"))
        .body(multipart(event, "arrete_prefectoral", name, content))
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    let text = res.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::String(text)))
}

async fn listed(app: &TestApp, client: &reqwest::Client, event: &str) -> Vec<Value> {
    let (status, page, _) = app.call(client, "get_convention", &[("event_id", event)]).await;
    assert_eq!(status, 200, "{page}");
    page["attachments"].as_array().unwrap().clone()
}

fn order_pdf() -> Vec<u8> {
    let mut pdf = b"%PDF-1.4\n% Arrete portant mesures de police\n".to_vec();
    pdf.extend(std::iter::repeat_n(b'x', 4_000));
    pdf
}

#[tokio::test]
async fn the_organiser_attaches_an_order_that_every_reader_of_the_file_downloads_and_the_annex_lists() {
    let app = spawn_app(Backend::Postgres).await;
    let event = app.demo().await;
    let organiser = app.demo_client("organisateur@cordon.test").await;
    assert_eq!(app.call(&organiser, "publish_release", &[("event_id", &event), ("comment", "v1")]).await.0, 200);
    let pdf = order_pdf();
    let (status, body) = upload(&app, &organiser, &event, "Arrêté périmètre.pdf", &pdf).await;
    assert_eq!((status, body.as_str()), (200, Some("Arrêté périmètre.pdf")), "{body}");

    let lines = listed(&app, &organiser, &event).await;
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["label"], "Arrêté préfectoral ou municipal — Arrêté périmètre.pdf (4 Ko)");
    let url = format!("{}{}", app.base, lines[0]["url"].as_str().unwrap());

    // The prefecture and a participant (the security company) read it, as the file itself.
    for email in ["prefecture@cordon.test", "securite@cordon.test"] {
        let reader = app.demo_client(email).await;
        let res = reader.get(&url).send().await.unwrap();
        assert_eq!(res.status(), 200, "{email}");
        assert_eq!(res.headers()["content-type"], "application/pdf");
        assert_eq!(res.headers()["x-content-type-options"], "nosniff");
        let disposition = res.headers()["content-disposition"].to_str().unwrap().to_string();
        assert!(disposition.starts_with("attachment; filename=\"Arr_t__p_rim_tre.pdf\""), "{disposition}");
        assert!(disposition.contains("filename*=UTF-8''Arr%C3%AAt%C3%A9%20p%C3%A9rim%C3%A8tre.pdf"), "{disposition}");
        assert_eq!(res.bytes().await.unwrap().as_ref(), pdf.as_slice());
    }
    // The checklist counts it; the draft convention lists it with its SHA-256.
    let (_, page, _) = app.call(&organiser, "get_convention", &[("event_id", &event)]).await;
    let filing = page["filing"].as_array().unwrap();
    assert_eq!(filing[2]["label"], "Pièces jointes : 1.");
    assert_eq!(filing[2]["done"], true);
    let html = organiser.get(format!("{}/evenements/{event}/convention.html", app.base)).send().await.unwrap();
    let html = html.text().await.unwrap();
    assert!(html.contains("Annexe — Pièces jointes au dossier"), "{html}");
    assert!(html.contains("Arrêté périmètre.pdf"), "{html}");
    let digest = app::domain::document::lower_hex(&<sha2::Sha256 as sha2::Digest>::digest(&pdf));
    assert!(html.contains(&digest), "{html}");
    // The thread says who attached what.
    let thread = page["thread"].as_array().unwrap();
    assert!(
        thread.iter().any(|l| l["what"] == "Pièce jointe au dossier" && l["text"].as_str().unwrap().contains(&digest)),
        "{page}"
    );

    // Removed while the file is a draft: gone from the list and from the download address.
    let id = lines[0]["id"].as_str().unwrap().to_string();
    let (status, body, _) = app.call(&organiser, "remove_attachment", &[("event_id", &event), ("id", &id)]).await;
    assert_eq!(status, 200, "{body}");
    assert!(listed(&app, &organiser, &event).await.is_empty());
    assert_eq!(organiser.get(&url).send().await.unwrap().status(), 404);
    // Both changes are entries of the file's chain, written with them.
    let chain = app::store::conventions::chain(&app.db, &app::store::conventions::event_chain(&event)).await.unwrap();
    let kinds: Vec<&str> =
        chain.iter().map(|e| e.kind.as_str()).filter(|k| k.starts_with("inputs.attachment")).collect();
    assert_eq!(kinds, ["inputs.attachment", "inputs.attachment_removed"]);
    app::domain::convention::verify(&chain).unwrap();
    app.stop().await;
}

#[tokio::test]
async fn a_false_a_too_large_or_a_foreign_upload_is_refused_and_nothing_is_stored() {
    let app = spawn_app(Backend::Sqlite).await;
    let event = app.demo().await;
    let organiser = app.demo_client("organisateur@cordon.test").await;
    assert_eq!(app.call(&organiser, "publish_release", &[("event_id", &event), ("comment", "v1")]).await.0, 200);

    // A page named .pdf is not a PDF: refused next to the file field.
    let (status, body) = upload(&app, &organiser, &event, "arrete.pdf", b"<html><script>alert(1)</script>").await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["Invalid"]["field"], "file", "{body}");
    assert_eq!(body["Invalid"]["message"], "Ce fichier n’est ni un PDF, ni une image PNG ou JPEG.");
    // Over 10 MiB: refused by its size.
    let mut big = b"%PDF-1.7\n".to_vec();
    big.resize(10 * 1024 * 1024 + 1, b'x');
    let (status, body) = upload(&app, &organiser, &event, "plan.pdf", &big).await;
    assert_eq!(status, 422, "{body}");
    assert!(body["Invalid"]["message"].as_str().unwrap().contains("dépasse 10 Mo"), "{body}");
    // Neither a participant nor the prefecture adds a piece to the organiser's file.
    for email in ["securite@cordon.test", "prefecture@cordon.test"] {
        let other = app.demo_client(email).await;
        let (status, body) = upload(&app, &other, &event, "arrete.pdf", &order_pdf()).await;
        assert_eq!(status, 422, "{email}: {body}");
        assert!(body["Refused"].is_string(), "{email}: {body}");
    }
    assert!(listed(&app, &organiser, &event).await.is_empty(), "nothing stored on a refusal");

    // A stranger neither adds nor reads; nobody signed in is asked to sign in.
    let outsider_org = app.organisation("Comité des fêtes de Salon", "organisateur").await;
    let outsider = app.user("autre@cordon.test", "Autre Organisateur", false).await;
    app.member(&outsider, &outsider_org, app::domain::MembershipRole::Admin).await;
    let stranger = app.client();
    app.sign_in(&stranger, "autre@cordon.test").await;
    assert_eq!(upload(&app, &stranger, &event, "a.pdf", &order_pdf()).await.0, 404);
    assert_eq!(upload(&app, &app.client(), &event, "a.pdf", &order_pdf()).await.0, 401);
    assert_eq!(upload(&app, &organiser, &event, "a.pdf", &order_pdf()).await.0, 200);
    let url = format!("{}{}", app.base, listed(&app, &organiser, &event).await[0]["url"].as_str().unwrap());
    assert_eq!(stranger.get(&url).send().await.unwrap().status(), 404);
    assert_eq!(app.client().get(&url).send().await.unwrap().status(), 401);

    // Filed, the file's pieces are the prefecture's to read: the organiser changes none.
    let (status, body, _) =
        app.call(&organiser, "act_on_convention", &[("event_id", &event), ("action", "submit"), ("message", "")]).await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = upload(&app, &organiser, &event, "b.pdf", &order_pdf()).await;
    assert_eq!(status, 422);
    assert!(body["Refused"].as_str().unwrap().contains("entre les mains de la préfecture"), "{body}");
    let id = listed(&app, &organiser, &event).await[0]["id"].as_str().unwrap().to_string();
    assert_eq!(app.call(&organiser, "remove_attachment", &[("event_id", &event), ("id", &id)]).await.0, 422);
    assert_eq!(listed(&app, &organiser, &event).await.len(), 1);
    app.stop().await;
}
