//! Schema 1 -> 2: outbox entries became `Pending` (a retraction is work of
//! its own, no longer a destination), handled events are namespaced by
//! platform and carry when they were handled, and the Matrix adapter's
//! string links became typed routing records. Runs once, at open.

use super::sled_store::{SledStore, INBOX, META, OUTBOX, ROUNDS, ROUTES};
use super::{keys, Result, SCHEMA_VERSION};
use crate::core::effect::{Outgoing, Pending, Retraction};
use crate::core::ids::{GroupId, Platform, RoundId, UserRef};
use crate::core::Round;
use crate::edge::routes::{PlaceId, PostRef, RouteKey, RouteWrite};
use serde_json::Value;

pub fn v1_to_v2(store: &SledStore) -> Result<()> {
    let now = chrono::Utc::now().timestamp_millis().to_be_bytes();
    for kv in store.tree(OUTBOX).iter() {
        let (k, v) = kv?;
        let old: Value = store.load("outbox entry", &v)?;
        let new = outbox_entry(old)?;
        store
            .tree(OUTBOX)
            .insert(k, store.seal_value("outbox entry", &new)?)?;
    }
    let inbox: Vec<_> = store.tree(INBOX).iter().collect::<sled::Result<_>>()?;
    for (k, _) in inbox {
        if !k.contains(&b'/') {
            let key = format!("matrix/{}", String::from_utf8_lossy(&k));
            store.tree(INBOX).insert(key.as_bytes(), &now)?;
            store.tree(INBOX).remove(k)?;
        }
    }
    let links: Vec<_> = store.tree(ROUTES).iter().collect::<sled::Result<_>>()?;
    for (k, v) in links {
        let (k, v) = (String::from_utf8_lossy(&k), String::from_utf8_lossy(&v));
        let Some(rest) = k.strip_prefix("mx/") else {
            continue;
        };
        if let Some(w) = route(store, rest, &v)? {
            match w.value {
                Some(value) => store.tree(ROUTES).insert(w.key, value)?,
                None => None,
            };
        }
        store.tree(ROUTES).remove(k.as_bytes())?;
    }
    store
        .tree(META)
        .insert("schema", &u64::from(SCHEMA_VERSION).to_be_bytes())?;
    store.tree(META).flush()?;
    Ok(())
}

fn corrupt(what: &str, source: serde_json::Error) -> super::StoreError {
    super::StoreError::Corrupt {
        what: what.into(),
        source,
    }
}

/// `{"to": {"Retract": [group, round]}, ...}` became `Pending::Retract`.
fn outbox_entry(mut old: Value) -> Result<Pending> {
    let retract = old
        .get_mut("to")
        .and_then(|to| to.as_object_mut())
        .and_then(|to| to.remove("Retract"));
    match retract {
        Some(parts) => {
            let (group, round): (GroupId, RoundId) =
                serde_json::from_value(parts).map_err(|e| corrupt("outbox entry", e))?;
            old["to"] = serde_json::json!({ "Group": group });
            let notice: Outgoing =
                serde_json::from_value(old).map_err(|e| corrupt("outbox entry", e))?;
            Ok(Pending::Retract(Retraction {
                round,
                group,
                notice,
            }))
        }
        None => Ok(Pending::Post(
            serde_json::from_value(old).map_err(|e| corrupt("outbox entry", e))?,
        )),
    }
}

fn route(store: &SledStore, link: &str, value: &str) -> Result<Option<RouteWrite>> {
    let mx = Platform::Matrix;
    let round = |s: &str| s.parse::<u64>().ok().map(RoundId);
    let (kind, rest) = link.split_once('/').unwrap_or((link, ""));
    Ok(match kind {
        "round-root" => {
            let Some(r) = round(rest) else {
                return Ok(None);
            };
            let Some(bytes) = store.tree(ROUNDS).get(keys::round(r))? else {
                return Ok(None);
            };
            let room: Round = store.load("round", &bytes)?;
            let post = PostRef {
                place: PlaceId::new(mx, room.group.id),
                id: value.to_string(),
            };
            Some(RouteWrite::set(RouteKey::RootOf(r), &post))
        }
        "root-round" => {
            round(value).map(|r| RouteWrite::set(RouteKey::RoundOfRoot(mx, rest.into()), &r.0))
        }
        "event-round" => {
            round(value).map(|r| RouteWrite::set(RouteKey::RoundOfPrivate(mx, rest.into()), &r.0))
        }
        "dm" => Some(RouteWrite::set(
            RouteKey::PrivateOf(UserRef::new(mx, rest)),
            &value,
        )),
        "dm-user" => Some(RouteWrite::set(
            RouteKey::PersonOf(mx, rest.into()),
            &UserRef::new(mx, value),
        )),
        "round-event" => {
            let (r, outbox) = rest.split_once('/').unwrap_or((rest, ""));
            let (Some(r), Ok(outbox)) = (round(r), outbox.parse::<u64>()) else {
                return Ok(None);
            };
            let Some((room, event)) = value.split_once(' ') else {
                return Ok(None);
            };
            let post = PostRef {
                place: PlaceId::new(mx, room),
                id: event.to_string(),
            };
            Some(RouteWrite::set(RouteKey::PostOf(r, outbox, 0), &post))
        }
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edge::RouteView;
    use crate::storage::{Key, Store};

    /// A store as brug with schema 1 left it: string links, bare inbox keys,
    /// an outbox entry in the old shape.
    #[test]
    fn a_schema_1_store_keeps_its_routes_inbox_and_outbox() {
        let dir = tempfile::tempdir().unwrap();
        let key = Key::from_bytes([4; 32]);
        {
            let s = SledStore::open(dir.path(), &key).unwrap();
            let links = [
                ("mx/dm/@anna:hs", "!dm:hs"),
                ("mx/dm-user/!dm:hs", "@anna:hs"),
                ("mx/root-round/$root", "1"),
                ("mx/event-round/$card", "1"),
                ("mx/round-event/1/7", "!room:hs $card"),
            ];
            for (k, v) in links {
                s.tree(ROUTES).insert(k, v).unwrap();
            }
            s.tree(INBOX).insert("$seen", &[]).unwrap();
            let old = serde_json::json!({
                "id": 8, "to": {"Private": {"platform": "matrix", "id": "@anna:hs"}},
                "round": 1, "locale": "en", "tz": "UTC",
                "msg": {"blocks": [], "mentions": []}
            });
            let sealed = s.seal_value("outbox entry", &old).unwrap();
            s.tree(OUTBOX).insert(keys::outbox(8), sealed).unwrap();
            s.tree(META).insert("schema", &1u64.to_be_bytes()).unwrap();
            s.sync().unwrap();
        }
        let s = SledStore::open(dir.path(), &key).unwrap();
        assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
        let anna = UserRef::new(Platform::Matrix, "@anna:hs");
        assert_eq!(s.private_place(&anna).unwrap().as_deref(), Some("!dm:hs"));
        assert_eq!(s.person_of(Platform::Matrix, "!dm:hs").unwrap(), Some(anna));
        assert_eq!(
            s.round_of_root(Platform::Matrix, "$root").unwrap(),
            Some(RoundId(1))
        );
        assert_eq!(
            s.round_of_private(Platform::Matrix, "$card").unwrap(),
            Some(RoundId(1))
        );
        let posts = s.posts_of(RoundId(1)).unwrap();
        assert_eq!(posts.len(), 1);
        assert_eq!((posts[0].0, posts[0].1.id.as_str()), ((7, 0), "$card"));
        assert!(s.handled(Platform::Matrix, "$seen").unwrap());
        let out = s.outbox().unwrap();
        assert!(
            matches!(&out[..], [Pending::Post(o)] if o.id == 8),
            "{out:?}"
        );
        assert!(s.routes_with_prefix(b"mx/").unwrap().is_empty());
    }

    #[test]
    fn an_old_retraction_becomes_work_of_its_own() {
        let old = serde_json::json!({
            "id": 9, "to": {"Retract": [{"platform": "matrix", "id": "!r:hs"}, 4]},
            "round": 4, "locale": "nl", "tz": "Europe/Amsterdam",
            "msg": {"blocks": [], "mentions": []}
        });
        match outbox_entry(old).unwrap() {
            Pending::Retract(r) => {
                assert_eq!(r.round, RoundId(4));
                assert_eq!(r.notice.id, 9);
                assert_eq!(r.group.id, "!r:hs");
            }
            p => panic!("{p:?}"),
        }
    }
}
