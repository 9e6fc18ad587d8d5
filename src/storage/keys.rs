//! Key shapes. Timers are keyed by a big-endian due time first, so a prefix
//! scan from the start yields them in time order (sled cannot scan inside a
//! transaction, so the order lives in the key).

use crate::core::ids::{GroupId, RoundId};
use chrono::{DateTime, Utc};

pub fn round(id: RoundId) -> [u8; 8] {
    id.0.to_be_bytes()
}

pub fn outbox(id: u64) -> [u8; 8] {
    id.to_be_bytes()
}

/// `due_ms (i64 BE, offset to sort) ++ round id`.
pub fn timer(due: DateTime<Utc>, id: RoundId) -> [u8; 16] {
    let mut k = [0u8; 16];
    // Rounded up to the millisecond: a timer read back is never earlier
    // than the moment it stands for (else a round would be "due" while its
    // own clock says not yet).
    let up = i64::from(!due.timestamp_subsec_nanos().is_multiple_of(1_000_000));
    let ms = ((due.timestamp_millis() + up) as u64) ^ (1 << 63);
    k[..8].copy_from_slice(&ms.to_be_bytes());
    k[8..].copy_from_slice(&id.0.to_be_bytes());
    k
}

pub fn timer_parts(k: &[u8]) -> Option<(DateTime<Utc>, RoundId)> {
    let ms = u64::from_be_bytes(k.get(..8)?.try_into().ok()?) ^ (1 << 63);
    let id = u64::from_be_bytes(k.get(8..16)?.try_into().ok()?);
    Some((DateTime::from_timestamp_millis(ms as i64)?, RoundId(id)))
}

pub fn group(id: &GroupId) -> Vec<u8> {
    // Not `{:?}`: a persistent key must not follow Debug formatting.
    format!("{}/{}", id.platform.key_name(), id.id).into_bytes()
}

pub fn flow(id: &str, version: u32) -> Vec<u8> {
    format!("{id}@{version}").into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timer_keys_sort_by_time() {
        let a = DateTime::from_timestamp(1_000, 0).unwrap();
        let b = DateTime::from_timestamp(2_000, 0).unwrap();
        assert!(timer(a, RoundId(9)) < timer(b, RoundId(1)));
        assert_eq!(timer_parts(&timer(a, RoundId(9))), Some((a, RoundId(9))));
    }

    /// Existing stores hold these exact bytes; a change here orphans their groups.
    #[test]
    fn group_key_bytes_are_pinned() {
        use crate::core::ids::Platform;
        let key = |p, id| group(&GroupId::new(p, id));
        assert_eq!(key(Platform::Matrix, "!room:hs"), b"Matrix/!room:hs");
        assert_eq!(key(Platform::Discord, "123"), b"Discord/123");
        assert_eq!(key(Platform::Console, "console"), b"Console/console");
    }
}
