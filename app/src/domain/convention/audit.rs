//! The audit trail: an append-only chain of entries, each holding the SHA-256 of its own
//! content and of the previous entry's hash, so that changing, removing or reordering an entry
//! breaks the chain from that entry on. [`verify`] names the first entry where it breaks.
//!
//! The hashed encoding (documented in `docs/convention.md`): the ASCII tag `cordon-audit-v1`,
//! then each field in order — `seq` as 8 bytes big-endian, `at` (milliseconds since the epoch)
//! as 8 bytes big-endian two's complement, then `actor`, `kind`, `payload` and `prev_hash`,
//! each as its UTF-8 byte length in 8 bytes big-endian followed by its bytes. Every field has a
//! fixed width or a length prefix, so no two different entries encode to the same bytes.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::domain::time::Instant;
use crate::text;

/// The `prev_hash` of the first entry: 64 zeros.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

const TAG: &[u8] = b"cordon-audit-v1";

/// One entry of the trail: a transition, an opinion, a message, a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// 1 for the first entry, then one more each time.
    pub seq: u64,
    pub at: Instant,
    /// Who acted, as the caller names them (an account id, "système").
    pub actor: String,
    /// What happened, a stable code ("transition.submit", "opinion.answer", …).
    pub kind: String,
    /// The details, as JSON text; hashed exactly as stored.
    pub payload: String,
    /// The previous entry's hash, or [`GENESIS_HASH`].
    pub prev_hash: String,
    /// SHA-256 of the encoding above, lower-case hexadecimal.
    pub hash: String,
}

fn field(bytes: &mut Vec<u8>, value: &[u8]) {
    bytes.extend_from_slice(&(value.len() as u64).to_be_bytes());
    bytes.extend_from_slice(value);
}

/// The bytes hashed for an entry.
pub fn encoding(seq: u64, at: Instant, actor: &str, kind: &str, payload: &str, prev_hash: &str) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(TAG.len() + 48 + actor.len() + kind.len() + payload.len() + prev_hash.len());
    bytes.extend_from_slice(TAG);
    bytes.extend_from_slice(&seq.to_be_bytes());
    bytes.extend_from_slice(&at.millis().to_be_bytes());
    for value in [actor, kind, payload, prev_hash] {
        field(&mut bytes, value.as_bytes());
    }
    bytes
}

/// The hash of an entry's content, lower-case hexadecimal.
pub fn hash_of(seq: u64, at: Instant, actor: &str, kind: &str, payload: &str, prev_hash: &str) -> String {
    let digest = Sha256::digest(encoding(seq, at, actor, kind, payload, prev_hash));
    crate::domain::document::lower_hex(&digest)
}

impl AuditEntry {
    /// The hash this entry's content should have.
    pub fn expected_hash(&self) -> String {
        hash_of(self.seq, self.at, &self.actor, &self.kind, &self.payload, &self.prev_hash)
    }
}

/// The entry that follows `prev` (or the first one), its payload serialised as compact JSON.
pub fn append(
    prev: Option<&AuditEntry>,
    at: Instant,
    actor: &str,
    kind: &str,
    payload: &serde_json::Value,
) -> AuditEntry {
    let seq = prev.map_or(1, |p| p.seq.saturating_add(1));
    let prev_hash = prev.map_or(GENESIS_HASH.to_string(), |p| p.hash.clone());
    let payload = payload.to_string();
    let hash = hash_of(seq, at, actor, kind, &payload, &prev_hash);
    AuditEntry { seq, at, actor: actor.to_string(), kind: kind.to_string(), payload, prev_hash, hash }
}

/// Why the chain breaks at an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TamperReason {
    /// The chain does not start at 1 from the genesis hash: its first entries were removed.
    FirstEntryMissing,
    /// An entry's content no longer gives its hash: a field or the hash itself was changed.
    HashMismatch,
    /// An entry does not chain to the previous one's hash: one of the two was rewritten with
    /// a recomputed hash.
    BrokenLink,
    /// The expected sequence number is absent: an entry was removed.
    EntryMissing,
    /// The expected entry comes later in the list: entries were reordered.
    OutOfOrder,
    /// A sequence number is repeated: an entry was duplicated or renumbered.
    Duplicate,
}

/// The first place where the chain breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tampered {
    /// The sequence number of the first entry that is not what the chain expects (for a
    /// removed entry, the missing number).
    pub first_bad_seq: u64,
    pub reason: TamperReason,
}

impl std::fmt::Display for Tampered {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let reason = match self.reason {
            TamperReason::FirstEntryMissing => text::AUDIT_FIRST_ENTRY_MISSING,
            TamperReason::HashMismatch => text::AUDIT_HASH_MISMATCH,
            TamperReason::BrokenLink => text::AUDIT_BROKEN_LINK,
            TamperReason::EntryMissing => text::AUDIT_ENTRY_MISSING,
            TamperReason::OutOfOrder => text::AUDIT_OUT_OF_ORDER,
            TamperReason::Duplicate => text::AUDIT_DUPLICATE,
        };
        f.write_str(&text::audit_tampered(self.first_bad_seq, reason))
    }
}

impl std::error::Error for Tampered {}

/// Checks a whole chain, in the order given (storage order by `seq`); `Ok` for an empty one.
pub fn verify(entries: &[AuditEntry]) -> Result<(), Tampered> {
    let mut previous: Option<&AuditEntry> = None;
    for (index, entry) in entries.iter().enumerate() {
        let expected_seq = previous.map_or(1, |p| p.seq.saturating_add(1));
        let expected_prev = previous.map_or(GENESIS_HASH, |p| p.hash.as_str());
        if entry.seq != expected_seq {
            if previous.is_some() && entry.seq < expected_seq {
                // A number already seen: the repeated entry is the one to name.
                return Err(Tampered { first_bad_seq: entry.seq, reason: TamperReason::Duplicate });
            }
            let reason = if entries[index..].iter().any(|later| later.seq == expected_seq) {
                TamperReason::OutOfOrder
            } else if previous.is_none() {
                TamperReason::FirstEntryMissing
            } else {
                TamperReason::EntryMissing
            };
            return Err(Tampered { first_bad_seq: expected_seq, reason });
        }
        if entry.hash != entry.expected_hash() {
            return Err(Tampered { first_bad_seq: entry.seq, reason: TamperReason::HashMismatch });
        }
        if entry.prev_hash != expected_prev {
            return Err(Tampered { first_bad_seq: entry.seq, reason: TamperReason::BrokenLink });
        }
        previous = Some(entry);
    }
    Ok(())
}
