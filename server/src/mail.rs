//! Mail transports: SMTP through `lettre` when `SMTP_URL` is set, otherwise the outbox
//! folder, one `.eml` file per message, logged. Mail is never silently dropped.

use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;

use app::state::{MailTransport, OutgoingMail};
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Body, Mailbox, Message, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

fn build(from: &Mailbox, mail: &OutgoingMail) -> Result<Message, String> {
    let to: Mailbox = mail.to.parse().map_err(|e| format!("bad recipient: {e}"))?;
    let builder = Message::builder().from(from.clone()).to(to).subject(mail.subject.clone());
    let text = Body::new(wrap(&mail.body, 72));
    match &mail.attachment {
        None => builder.header(ContentType::TEXT_PLAIN).body(text),
        Some(file) => {
            let content_type = ContentType::parse(&file.content_type).map_err(|e| e.to_string())?;
            builder.multipart(
                MultiPart::mixed()
                    .singlepart(SinglePart::builder().header(ContentType::TEXT_PLAIN).body(text))
                    .singlepart(Attachment::new(file.filename.clone()).body(file.content.clone(), content_type)),
            )
        }
    }
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
            let name =
                format!("{}-{}.eml", chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ"), uuid::Uuid::new_v4().simple());
            let path = self.dir.join(name);
            tokio::fs::write(&path, message.formatted()).await.map_err(|e| e.to_string())?;
            tracing::info!(path = %path.display(), subject = %mail.subject, "mail written to the outbox (no SMTP_URL set)");
            Ok(())
        })
    }
}

/// Wraps prose at `width` bytes on word boundaries; a word longer than the width (a
/// link) stays whole on its own line. Lines of 76 characters or fewer let the body go out
/// as readable 8-bit text instead of quoted-printable.
pub fn wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / width);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut current = 0;
        for word in line.split(' ') {
            let len = word.len();
            if current > 0 && current + 1 + len > width {
                out.push('\n');
                current = 0;
            } else if current > 0 {
                out.push(' ');
                current += 1;
            }
            out.push_str(word);
            current += len;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn prose_is_wrapped_at_the_width_and_a_long_link_stays_whole() {
        let link = format!("https://cordon.example/invitation/{}", "a".repeat(43));
        let text =
            format!("Bonjour, ceci est une phrase assez longue pour devoir être coupée en deux lignes.\n{link}\n");
        let wrapped = wrap(&text, 40);
        assert!(wrapped.lines().all(|l| l.len() <= 40 || l == link), "{wrapped}");
        assert!(wrapped.contains(&format!("\n{link}\n")));
        assert_eq!(
            wrapped.replace('\n', " ").split_whitespace().collect::<Vec<_>>(),
            text.split_whitespace().collect::<Vec<_>>()
        );
    }
}
