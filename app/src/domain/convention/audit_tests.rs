//! The audit chain and every way of tampering with it.

use serde_json::json;

use super::audit::*;
use crate::domain::plan::fixtures::paris;

/// The trail of a file: submitted, taken up, an opinion, corrections, approved.
fn trail() -> Vec<AuditEntry> {
    let events = [
        ("organisateur:00000000-0000-4000-8000-000000000010", "transition.submit", json!({"release": 1})),
        ("prefecture:00000000-0000-4000-8000-000000000013", "transition.take_up", json!({"release": 1})),
        ("prefecture:00000000-0000-4000-8000-000000000013", "opinion.request", json!({"body": "sdis"})),
        ("sdis:00000000-0000-4000-8000-000000000014", "opinion.answer", json!({"verdict": "favorable"})),
        ("prefecture:00000000-0000-4000-8000-000000000013", "transition.approve", json!({"release": 1})),
    ];
    let mut entries: Vec<AuditEntry> = Vec::new();
    for (n, (actor, kind, payload)) in events.into_iter().enumerate() {
        let entry = append(entries.last(), paris(2026, 5, 4 + n as u32, 10, 0), actor, kind, &payload);
        entries.push(entry);
    }
    entries
}

#[test]
fn an_untouched_trail_verifies() {
    let entries = trail();
    assert_eq!(verify(&entries), Ok(()));
    assert_eq!(verify(&[]), Ok(()));
    assert_eq!(entries.iter().map(|e| e.seq).collect::<Vec<_>>(), [1, 2, 3, 4, 5]);
    assert_eq!(entries[0].prev_hash, GENESIS_HASH);
    assert_eq!(entries[1].prev_hash, entries[0].hash);
    assert_eq!(entries[3].payload, r#"{"verdict":"favorable"}"#);
}

#[test]
fn the_hash_is_sha256_of_the_documented_encoding() {
    // Recomputed by hand from docs/convention.md: tag, seq and at on 8 bytes, then each text
    // with its length on 8 bytes.
    let mut bytes = b"cordon-audit-v1".to_vec();
    bytes.extend_from_slice(&1u64.to_be_bytes());
    bytes.extend_from_slice(&1_000i64.to_be_bytes());
    for text in ["a", "k", "{}", GENESIS_HASH] {
        bytes.extend_from_slice(&(text.len() as u64).to_be_bytes());
        bytes.extend_from_slice(text.as_bytes());
    }
    assert_eq!(encoding(1, crate::domain::time::Instant(1_000), "a", "k", "{}", GENESIS_HASH), bytes);
    let entry = append(None, crate::domain::time::Instant(1_000), "a", "k", &json!({}));
    use sha2::Digest;
    let expected: String = sha2::Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(entry.hash, expected);
}

#[test]
fn moving_text_between_fields_changes_the_hash() {
    let at = crate::domain::time::Instant(0);
    assert_ne!(hash_of(1, at, "ab", "c", "{}", GENESIS_HASH), hash_of(1, at, "a", "bc", "{}", GENESIS_HASH));
}

#[test]
fn a_changed_payload_is_named_by_its_entry() {
    let mut entries = trail();
    entries[3].payload = r#"{"verdict":"defavorable"}"#.into();
    let error = verify(&entries).unwrap_err();
    assert_eq!(error, Tampered { first_bad_seq: 4, reason: TamperReason::HashMismatch });
    assert_eq!(
        error.to_string(),
        "Journal d’audit altéré à l’entrée n° 4 : son contenu ne correspond plus à son empreinte."
    );
}

#[test]
fn a_changed_payload_with_a_recomputed_hash_breaks_the_link_of_the_next_entry() {
    let mut entries = trail();
    entries[1].actor = "prefecture:autre".into();
    entries[1].hash = entries[1].expected_hash();
    assert_eq!(verify(&entries), Err(Tampered { first_bad_seq: 3, reason: TamperReason::BrokenLink }));
}

#[test]
fn a_changed_hash_is_named_by_its_entry() {
    let mut entries = trail();
    entries[2].hash = "f".repeat(64);
    assert_eq!(verify(&entries), Err(Tampered { first_bad_seq: 3, reason: TamperReason::HashMismatch }));
}

#[test]
fn a_changed_date_is_named_by_its_entry() {
    let mut entries = trail();
    entries[4].at = paris(2026, 5, 1, 10, 0);
    assert_eq!(verify(&entries), Err(Tampered { first_bad_seq: 5, reason: TamperReason::HashMismatch }));
}

#[test]
fn a_removed_entry_is_named_by_its_missing_number() {
    let mut entries = trail();
    entries.remove(2);
    assert_eq!(verify(&entries), Err(Tampered { first_bad_seq: 3, reason: TamperReason::EntryMissing }));
}

#[test]
fn a_removed_first_entry_is_detected() {
    let entries = trail();
    assert_eq!(verify(&entries[1..]), Err(Tampered { first_bad_seq: 1, reason: TamperReason::FirstEntryMissing }));
}

#[test]
fn a_removed_entry_renumbered_to_hide_the_gap_breaks_the_link() {
    let mut entries = trail();
    entries.remove(2);
    for entry in &mut entries[2..] {
        entry.seq -= 1;
        entry.hash = entry.expected_hash();
    }
    assert_eq!(verify(&entries), Err(Tampered { first_bad_seq: 3, reason: TamperReason::BrokenLink }));
}

#[test]
fn swapped_entries_are_out_of_order() {
    let mut entries = trail();
    entries.swap(1, 2);
    assert_eq!(verify(&entries), Err(Tampered { first_bad_seq: 2, reason: TamperReason::OutOfOrder }));
}

#[test]
fn a_duplicated_entry_is_detected() {
    let mut entries = trail();
    entries.insert(3, entries[2].clone());
    assert_eq!(verify(&entries), Err(Tampered { first_bad_seq: 3, reason: TamperReason::Duplicate }));
}

#[test]
fn an_entry_appended_after_the_largest_sequence_number_does_not_panic() {
    let mut last = trail().pop().unwrap();
    last.seq = u64::MAX;
    assert_eq!(append(Some(&last), paris(2026, 6, 1, 0, 0), "a", "k", &json!(null)).seq, u64::MAX);
}
