//! The SMS gateway over https: a fake gateway on loopback serves a certificate of a private
//! test authority (`tls/`: a CA and 127.0.0.1's certificate it signed, valid until 2126). With
//! that authority configured (`CORDON_SMS_GATEWAY_CA`) the SMS is taken; without it the
//! gateway is refused with the cause the log shows, and the SMS goes to the outbox. A URL of
//! another scheme or an unreadable authority stops the start.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use app::state::{OutgoingSms, SmsTransport};
use cordon_server::sms::{GatewaySms, GatewayUrl};
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio_rustls::rustls;
use tokio_rustls::rustls::pki_types::pem::PemObject;
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer};

fn tls_file(name: &str) -> PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/integration/tls").join(name)
}

/// What the fake gateway received: each request's JSON body and `Authorization` header.
type Received = Arc<Mutex<Vec<(Value, String)>>>;

/// A fake https gateway on 127.0.0.1 answering 202 to every request it can read.
async fn https_gateway() -> (String, Received) {
    let certificates = CertificateDer::pem_file_iter(tls_file("gateway.pem")).unwrap().map(Result::unwrap).collect();
    let key = PrivateKeyDer::from_pem_file(tls_file("gateway.key")).unwrap();
    let config = rustls::ServerConfig::builder().with_no_client_auth().with_single_cert(certificates, key).unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("https://127.0.0.1:{}/sms", listener.local_addr().unwrap().port());
    let received: Received = Arc::default();
    let kept = received.clone();
    tokio::spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            // A client that refuses the certificate ends the handshake: nothing to record.
            let Ok(mut tls) = acceptor.accept(tcp).await else { continue };
            if let Some(request) = read_request(&mut tls).await {
                kept.lock().unwrap().push(request);
            }
            let answer = b"HTTP/1.1 202 Accepted\r\ncontent-length: 0\r\nconnection: close\r\n\r\n";
            let _ = tls.write_all(answer).await;
            let _ = tls.shutdown().await;
        }
    });
    (url, received)
}

/// One HTTP/1.1 request: its JSON body and `Authorization` header.
async fn read_request(tls: &mut (impl AsyncReadExt + Unpin)) -> Option<(Value, String)> {
    let mut bytes = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        let n = tls.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        bytes.extend_from_slice(&chunk[..n]);
        let text = String::from_utf8_lossy(&bytes).to_string();
        let Some(end) = text.find("\r\n\r\n") else { continue };
        let header = |name: &str| {
            text[..end].lines().find_map(|l| {
                let (key, value) = l.split_once(':')?;
                key.eq_ignore_ascii_case(name).then(|| value.trim().to_string())
            })
        };
        let length: usize = header("content-length")?.parse().ok()?;
        if bytes.len() >= end + 4 + length {
            let body = serde_json::from_slice(&bytes[end + 4..end + 4 + length]).ok()?;
            return Some((body, header("authorization").unwrap_or_default()));
        }
    }
}

fn sms() -> OutgoingSms {
    OutgoingSms { to: "+33612345678".into(), text: "Cordon — alerte Élevée : Orage.".into() }
}

fn outbox() -> PathBuf {
    std::env::temp_dir().join(format!("cordon-test-sms-tls-{}", uuid::Uuid::new_v4()))
}

#[tokio::test]
async fn an_https_gateway_signed_by_the_configured_authority_takes_the_sms() {
    let (url, received) = https_gateway().await;
    let gateway = GatewayUrl::new(&url, Some(&tls_file("ca.pem"))).unwrap();
    let sms_gateway = GatewaySms::new(&gateway, Some("jeton".into()), outbox()).unwrap();
    assert_eq!(sms_gateway.post(&sms()).await, Ok(()));
    let got = received.lock().unwrap().clone();
    assert_eq!(
        got,
        [(
            serde_json::json!({ "to": "+33612345678", "text": "Cordon — alerte Élevée : Orage." }),
            "Bearer jeton".into()
        )]
    );
}

#[tokio::test]
async fn an_https_gateway_of_an_unknown_authority_is_refused_with_its_cause_and_the_sms_goes_to_the_outbox() {
    let (url, received) = https_gateway().await;
    let outbox = outbox();
    let sms_gateway = GatewaySms::new(&GatewayUrl::new(&url, None).unwrap(), None, outbox.clone()).unwrap();
    let refused = sms_gateway.post(&sms()).await.unwrap_err();
    assert!(refused.contains("invalid peer certificate: UnknownIssuer"), "what the log line says: {refused}");
    assert_eq!(sms_gateway.send(sms()).await, Ok(()), "kept in the outbox");
    let kept: Vec<String> =
        std::fs::read_dir(&outbox).unwrap().flatten().map(|e| std::fs::read_to_string(e.path()).unwrap()).collect();
    assert_eq!(kept, ["To: +33612345678\n\nCordon — alerte Élevée : Orage.\n"]);
    assert!(received.lock().unwrap().is_empty(), "nothing reached the gateway");
    let _ = std::fs::remove_dir_all(&outbox);
}

#[tokio::test]
async fn a_gateway_of_another_scheme_or_an_unreadable_authority_stops_the_start() {
    let refused = |url: &str, ca: Option<PathBuf>| GatewayUrl::new(url, ca.as_deref()).unwrap_err().to_string();
    assert_eq!(
        refused("ftp://sms.example.fr/", None),
        "CORDON_SMS_GATEWAY_URL must start with http:// or https://, not \"ftp://sms.example.fr/\""
    );
    let missing = tls_file("absent.pem");
    assert_eq!(
        refused("https://sms.example.fr/", Some(missing.clone())),
        format!("CORDON_SMS_GATEWAY_CA: cannot read {}", missing.display())
    );
    let key = tls_file("gateway.key");
    assert_eq!(
        refused("https://sms.example.fr/", Some(key.clone())),
        format!("CORDON_SMS_GATEWAY_CA: {} holds no certificate", key.display())
    );
    let plain = GatewayUrl::new(" http://127.0.0.1:9/sms ", None).unwrap();
    assert_eq!(plain, GatewayUrl { url: "http://127.0.0.1:9/sms".into(), extra_roots: None });
}
