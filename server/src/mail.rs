//! Mail transports: SMTP through `lettre` when `SMTP_URL` is set, otherwise the outbox
//! folder, one `.eml` file per message, logged. Mail is never silently dropped.

use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;

use app::state::{MailTransport, OutgoingMail};
use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Body, Mailbox, Message};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

fn build(from: &Mailbox, mail: &OutgoingMail) -> Result<Message, String> {
    let to: Mailbox = mail.to.parse().map_err(|e| format!("bad recipient: {e}"))?;
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(mail.subject.clone())
        .header(ContentType::TEXT_PLAIN)
        // 8bit keeps links on one line (quoted-printable would fold them at 76 characters).
        .body(Body::new_with_encoding(mail.body.clone(), ContentTransferEncoding::EightBit).map_err(|_| "body".to_string())?)
        .map_err(|e| e.to_string())
}

pub struct SmtpMail {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl SmtpMail {
    pub fn new(url: &str, from: &str) -> anyhow::Result<Self> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)?.build();
        Ok(SmtpMail { transport, from: from.parse()? })
    }
}

impl MailTransport for SmtpMail {
    fn send<'a>(&'a self, mail: OutgoingMail) -> Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>> {
        Box::pin(async move {
            let message = build(&self.from, &mail)?;
            self.transport.send(message).await.map_err(|e| e.to_string())?;
            tracing::info!(subject = %mail.subject, "mail sent by SMTP");
            Ok(())
        })
    }
}

pub struct OutboxMail {
    dir: PathBuf,
    from: Mailbox,
}

impl OutboxMail {
    pub fn new(dir: PathBuf, from: &str) -> anyhow::Result<Self> {
        Ok(OutboxMail { dir, from: from.parse()? })
    }
}

impl MailTransport for OutboxMail {
    fn send<'a>(&'a self, mail: OutgoingMail) -> Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>> {
        Box::pin(async move {
            let message = build(&self.from, &mail)?;
            tokio::fs::create_dir_all(&self.dir).await.map_err(|e| e.to_string())?;
            let name = format!("{}-{}.eml", chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ"), uuid::Uuid::new_v4().simple());
            let path = self.dir.join(name);
            tokio::fs::write(&path, message.formatted()).await.map_err(|e| e.to_string())?;
            tracing::info!(path = %path.display(), subject = %mail.subject, "mail written to the outbox (no SMTP_URL set)");
            Ok(())
        })
    }
}
