//! One suite every `Store` must pass, run against the memory and sled stores.

use super::{Commit, MemoryStore, SledStore, Store, SCHEMA_VERSION};
use crate::core::effect::Pending;
use crate::core::effect::{Destination, Outgoing};
use crate::core::group::GroupState;
use crate::core::ids::{GroupId, Locale, Platform, RoundId};
use crate::core::message::{Message, MessageRef};
use crate::core::round::{Round, Status};
use chrono::{DateTime, TimeDelta, Utc};

fn t0() -> DateTime<Utc> {
    "2026-12-01T08:00:00Z".parse().unwrap()
}

fn group() -> GroupId {
    GroupId::new(Platform::Console, "g")
}

fn round(id: u64, deadline: Option<DateTime<Utc>>) -> Round {
    let mut r = Round::sample(RoundId(id), group(), t0());
    r.timers.deadline = deadline;
    r
}

fn out(id: u64) -> Outgoing {
    Outgoing {
        id,
        to: Destination::Thread(group(), RoundId(1)),
        round: Some(RoundId(1)),
        locale: Locale::En,
        tz: chrono_tz::UTC,
        msg: Message::line(MessageRef::new("progress").num("answered", id as i64)),
        not_before: None,
    }
}

fn routes(writes: &[(&str, Option<&str>)]) -> Commit {
    Commit {
        routes: writes
            .iter()
            .map(|(k, v)| crate::edge::routes::RouteWrite {
                key: k.as_bytes().to_vec(),
                value: v.map(|v| v.as_bytes().to_vec()),
            })
            .collect(),
        ..Commit::default()
    }
}

fn suite(s: &dyn Store) {
    assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
    assert!(s.round(RoundId(1)).unwrap().is_none());
    assert!(s.next_due().unwrap().is_none());

    // One commit: two rounds, outbox entries, a group, meta.
    let d1 = t0() + TimeDelta::days(2);
    let d2 = t0() + TimeDelta::days(1);
    let c = Commit {
        rounds: vec![round(1, Some(d1)), round(2, Some(d2))],
        groups: vec![GroupState::new(group(), Locale::En, chrono_tz::UTC)],
        outbox: vec![
            Pending::Post(out(3)),
            Pending::Post(out(1)),
            Pending::Post(out(2)),
        ],
        meta: vec![("next_msg".into(), 4)],
        ..Commit::default()
    };
    s.commit(&c).unwrap();
    assert_eq!(s.round(RoundId(1)).unwrap().unwrap(), round(1, Some(d1)));
    assert_eq!(s.group(&group()).unwrap().unwrap().lang, Locale::En);
    let all: Vec<GroupId> = s.groups().unwrap().into_iter().map(|g| g.id).collect();
    assert_eq!(all, vec![group()]);
    assert_eq!(s.meta("next_msg").unwrap(), Some(4));
    assert_eq!(s.meta("absent").unwrap(), None);

    // The outbox comes back oldest first; delivered entries leave it.
    let ids: Vec<u64> = s.outbox().unwrap().iter().map(|o| o.id()).collect();
    assert_eq!(ids, vec![1, 2, 3]);
    s.delivered(&[2]).unwrap();
    s.delivered(&[99]).unwrap();
    let ids: Vec<u64> = s.outbox().unwrap().iter().map(|o| o.id()).collect();
    assert_eq!(ids, vec![1, 3]);

    // Timers in due order; moving a round's timer replaces the old one.
    assert_eq!(s.next_due().unwrap(), Some(d2));
    assert_eq!(s.due(t0()).unwrap(), Vec::<RoundId>::new());
    assert_eq!(s.due(d1).unwrap(), vec![RoundId(2), RoundId(1)]);
    let later = d1 + TimeDelta::days(5);
    s.commit(&Commit {
        rounds: vec![round(2, Some(later))],
        ..Commit::default()
    })
    .unwrap();
    assert_eq!(s.due(d1).unwrap(), vec![RoundId(1)]);
    assert_eq!(s.next_due().unwrap(), Some(d1));

    // A closed round leaves the open list and its timer goes.
    let mut closed = round(1, None);
    closed.status = Status::Closed;
    s.commit(&Commit {
        rounds: vec![closed],
        ..Commit::default()
    })
    .unwrap();
    let open: Vec<RoundId> = s.open_rounds().unwrap().iter().map(|r| r.id).collect();
    assert_eq!(open, vec![RoundId(2)]);
    assert_eq!(s.next_due().unwrap(), Some(later));
    assert_eq!(s.round(RoundId(1)).unwrap().unwrap().status, Status::Closed);

    // Handled platform events are remembered; routes are kept.
    assert!(!s.inbox_has("$ev1").unwrap());
    s.commit(&Commit {
        inbox: vec![("$ev1".into(), t0())],
        ..Commit::default()
    })
    .unwrap();
    assert!(s.inbox_has("$ev1").unwrap());
    assert_eq!(s.route(b"root/1").unwrap(), None);
    s.commit(&routes(&[("root/1", Some("$root"))])).unwrap();
    s.commit(&routes(&[("root/1", Some("$root2"))])).unwrap();
    assert_eq!(s.route(b"root/1").unwrap().as_deref(), Some(&b"$root2"[..]));

    // A paused round has no timer.
    let mut paused = round(2, Some(later));
    paused.status = Status::Paused;
    s.commit(&Commit {
        rounds: vec![paused],
        ..Commit::default()
    })
    .unwrap();
    assert_eq!(s.next_due().unwrap(), None);
    assert_eq!(s.open_rounds().unwrap().len(), 1);

    // A timer finer than a millisecond (any real `now + 2d`) is never due
    // before its moment: a round "due" that its own clock says is not would
    // be fired again and again.
    let exact = t0() + TimeDelta::nanoseconds(5_000_400_000);
    s.commit(&Commit {
        rounds: vec![round(2, Some(exact))],
        ..Commit::default()
    })
    .unwrap();
    assert!(s.next_due().unwrap().is_some_and(|t| t >= exact));
    assert!(s
        .due(exact - TimeDelta::nanoseconds(200_000))
        .unwrap()
        .is_empty());
    // (At most a millisecond after it, it is.)
    let after = exact + TimeDelta::milliseconds(1);
    assert_eq!(s.due(after).unwrap(), vec![RoundId(2)]);
    let mut paused = round(2, Some(later));
    paused.status = Status::Paused;
    s.commit(&Commit {
        rounds: vec![paused],
        ..Commit::default()
    })
    .unwrap();

    // Routes by prefix, and their removal; old handled events are pruned.
    s.commit(&routes(&[("ev/1/a", Some("x")), ("ev/1/b", Some("y"))]))
        .unwrap();
    s.commit(&routes(&[("ev/10/a", Some("z"))])).unwrap();
    let found: Vec<Vec<u8>> = s
        .routes_with_prefix(b"ev/1/")
        .unwrap()
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    assert_eq!(found, vec![b"ev/1/a".to_vec(), b"ev/1/b".to_vec()]);
    s.commit(&routes(&[("ev/1/a", None), ("ev/1/b", None)]))
        .unwrap();
    assert!(s.routes_with_prefix(b"ev/1/").unwrap().is_empty());
    assert_eq!(s.route(b"ev/10/a").unwrap().as_deref(), Some(&b"z"[..]));
    s.commit(&Commit {
        inbox: vec![("$late".into(), t0() + TimeDelta::days(3))],
        ..Commit::default()
    })
    .unwrap();
    assert_eq!(s.prune_inbox(t0() + TimeDelta::days(1)).unwrap(), 1);
    assert!(!s.inbox_has("$ev1").unwrap() && s.inbox_has("$late").unwrap());

    // An ended round's expiry is its timer; erasing it takes its record, its
    // timer and its unsent messages, but not a message the same commit adds.
    let mut ended = round(1, None);
    ended.status = Status::Closed;
    ended.expires = Some(later);
    s.commit(&Commit {
        rounds: vec![ended],
        ..Commit::default()
    })
    .unwrap();
    assert_eq!(s.next_due().unwrap(), Some(later));
    s.commit(&Commit {
        erase: vec![RoundId(1)],
        outbox: vec![Pending::Post(out(7))],
        ..Commit::default()
    })
    .unwrap();
    assert!(s.round(RoundId(1)).unwrap().is_none());
    assert_eq!(s.next_due().unwrap(), None);
    let ids: Vec<u64> = s.outbox().unwrap().iter().map(|o| o.id()).collect();
    assert_eq!(ids, vec![7]);
    let left: Vec<RoundId> = s.rounds().unwrap().iter().map(|r| r.id).collect();
    assert_eq!(left, vec![RoundId(2)]);

    // Commits applied for one shared sync are seen at once, in order.
    s.apply(&Commit {
        rounds: vec![round(3, None)],
        inbox: vec![("$a".into(), t0())],
        ..Commit::default()
    })
    .unwrap();
    let mut renamed = round(3, None);
    renamed.title = "renamed".into();
    s.apply(&Commit {
        rounds: vec![renamed],
        inbox: vec![("$b".into(), t0())],
        ..Commit::default()
    })
    .unwrap();
    assert_eq!(s.round(RoundId(3)).unwrap().unwrap().title, "renamed");
    assert!(s.inbox_has("$a").unwrap() && s.inbox_has("$b").unwrap());
    s.sync().unwrap();
}

#[test]
fn memory_store_conforms() {
    suite(&MemoryStore::new());
}

#[test]
fn sled_store_conforms() {
    let dir = tempfile::tempdir().unwrap();
    suite(&SledStore::open(dir.path(), &key()).unwrap());
}

#[test]
fn sled_store_keeps_everything_across_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let d = t0() + TimeDelta::days(1);
    {
        let s = SledStore::open(dir.path(), &key()).unwrap();
        let c = Commit {
            rounds: vec![round(7, Some(d))],
            outbox: vec![Pending::Post(out(5))],
            meta: vec![("next_round".into(), 8)],
            ..Commit::default()
        };
        s.commit(&c).unwrap();
        s.apply(&Commit {
            inbox: vec![("$applied".into(), t0())],
            ..Commit::default()
        })
        .unwrap();
        s.sync().unwrap();
    }
    let s = SledStore::open(dir.path(), &key()).unwrap();
    assert!(s.inbox_has("$applied").unwrap());
    assert_eq!(s.round(RoundId(7)).unwrap().unwrap().title, "case 7");
    let all: Vec<RoundId> = s.rounds().unwrap().iter().map(|r| r.id).collect();
    assert_eq!(all, vec![RoundId(7)]);
    assert_eq!(s.outbox().unwrap().len(), 1);
    assert_eq!(s.next_due().unwrap(), Some(d));
    assert_eq!(s.meta("next_round").unwrap(), Some(8));
    assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
}

#[test]
fn sled_store_in_use_is_refused_with_a_reason_and_free_again_once_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let first = SledStore::open(dir.path(), &key()).unwrap();
    let Err(e) = SledStore::open(dir.path(), &key()) else {
        panic!("opened twice");
    };
    assert!(matches!(e, super::StoreError::InUse(_)), "{e}");
    assert!(
        e.to_string().contains("in use by another brug process"),
        "{e}"
    );
    drop(first);
    // At once: a lock the dropped handle still holds is waited for.
    for _ in 0..20 {
        SledStore::open(dir.path(), &key()).unwrap();
    }
}

#[test]
fn sled_store_refuses_a_newer_schema() {
    let dir = tempfile::tempdir().unwrap();
    {
        let s = SledStore::open(dir.path(), &key()).unwrap();
        s.commit(&Commit {
            meta: vec![("schema".into(), 99)],
            ..Commit::default()
        })
        .unwrap();
    }
    assert!(matches!(
        SledStore::open(dir.path(), &key()),
        Err(super::StoreError::Schema { found: 99 })
    ));
}

fn key() -> super::Key {
    super::Key::from_bytes([7; 32])
}

#[test]
fn sled_store_refuses_another_key() {
    let dir = tempfile::tempdir().unwrap();
    {
        let s = SledStore::open(dir.path(), &key()).unwrap();
        s.commit(&Commit {
            rounds: vec![round(1, None)],
            ..Commit::default()
        })
        .unwrap();
    }
    let other = super::Key::from_bytes([8; 32]);
    let e = SledStore::open(dir.path(), &other).err().expect("refused");
    assert!(matches!(e, super::StoreError::WrongKey(_)), "{e}");
    assert!(e.to_string().contains("another key"), "{e}");
    // The right key still opens it.
    let s = SledStore::open(dir.path(), &key()).unwrap();
    assert_eq!(s.round(RoundId(1)).unwrap().unwrap().title, "case 1");
}

#[test]
fn sled_store_seals_records_written_before_encryption() {
    let dir = tempfile::tempdir().unwrap();
    {
        let db = sled::open(dir.path()).unwrap();
        let r = serde_json::to_vec(&round(3, None)).unwrap();
        db.open_tree("rounds")
            .unwrap()
            .insert(super::keys::round(RoundId(3)), r)
            .unwrap();
        db.flush().unwrap();
    }
    let s = SledStore::open(dir.path(), &key()).unwrap();
    assert_eq!(s.round(RoundId(3)).unwrap().unwrap().title, "case 3");
    drop(s);
    let db = sled::open(dir.path()).unwrap();
    let v = db
        .open_tree("rounds")
        .unwrap()
        .get(super::keys::round(RoundId(3)))
        .unwrap()
        .unwrap();
    assert!(!v.windows(6).any(|w| w == b"case 3"), "sealed in place");
}
