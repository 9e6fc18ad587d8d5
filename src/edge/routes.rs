//! Where the bot's messages are on each platform, and back: a round's root
//! message, every message it posted about a round (for retraction and for
//! replies to private messages), each person's private place. The engine is
//! the only writer (it records delivery receipts in its group commit);
//! adapters and the delivery lanes read through [`RouteView`], with typed
//! keys. Keys are spelled out here, never taken from `Debug`.

use crate::core::ids::{Platform, RoundId, UserRef};
use crate::core::round::Round;
use crate::storage::{Store, StoreError};
use serde::{Deserialize, Serialize};

/// A place on a platform messages are posted in: a room, a channel, a DM.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PlaceId {
    pub platform: Platform,
    pub id: String,
}

impl PlaceId {
    pub fn new(platform: Platform, id: impl Into<String>) -> Self {
        Self {
            platform,
            id: id.into(),
        }
    }
}

/// One message on a platform: where it is and its id there.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PostRef {
    pub place: PlaceId,
    pub id: String,
}

/// Which of a round's posts: its outbox id, and the part of the message.
pub type PostKey = (u64, usize);

/// The typed keys of the route table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RouteKey {
    /// Round -> its root message.
    RootOf(RoundId),
    /// A root message -> its round.
    RoundOfRoot(Platform, String),
    /// One message the bot posted about a round (by outbox id, and part of
    /// it where the platform split it).
    PostOf(RoundId, u64, usize),
    /// Every message the bot posted about a round (a prefix).
    PostsOf(RoundId),
    /// A private message of the bot -> its round (replies find their round).
    RoundOfPrivate(Platform, String),
    /// A person -> their private place.
    PrivateOf(UserRef),
    /// A private place -> its person.
    PersonOf(Platform, String),
    /// A private message kept for a person who does not accept private
    /// messages (its outbox entry stays, undelivered) -> its round, if any.
    Parked(UserRef, u64),
    /// Everything kept for a person (a prefix).
    ParkedFor(UserRef),
    /// Everything kept for anyone (a prefix).
    AllParked,
    /// The round's thread was told that its messages wait for this person.
    Told(UserRef, RoundId),
    /// Every such note (a prefix).
    AllTold,
    /// A round's message that later ones of the same slot edit (its progress
    /// line per step) -> that message.
    SlotOf(RoundId, String),
    /// Every slot of a round (a prefix).
    SlotsOf(RoundId),
    /// A person's message that answered a step -> (round, step, person).
    AnswerAt(Platform, String),
    /// The same, listed under its round (for forgetting the round).
    AnswerOf(RoundId, Platform, String),
    /// Every answer message of a round (a prefix).
    AnswersOf(RoundId),
}

impl RouteKey {
    pub fn bytes(&self) -> Vec<u8> {
        match self {
            RouteKey::RootOf(r) => format!("root/{}", r.0),
            RouteKey::RoundOfRoot(p, m) => format!("root-round/{}/{m}", p.name()),
            RouteKey::PostOf(r, o, 0) => format!("post/{}/{o}", r.0),
            RouteKey::PostOf(r, o, part) => format!("post/{}/{o}.{part}", r.0),
            RouteKey::PostsOf(r) => format!("post/{}/", r.0),
            RouteKey::RoundOfPrivate(p, m) => format!("private-round/{}/{m}", p.name()),
            RouteKey::PrivateOf(u) => format!("private/{}/{}", u.platform.name(), u.id),
            RouteKey::PersonOf(p, place) => format!("person/{}/{place}", p.name()),
            RouteKey::Parked(u, id) => format!("parked/{}/{}/{id}", u.platform.name(), u.id),
            RouteKey::ParkedFor(u) => format!("parked/{}/{}/", u.platform.name(), u.id),
            RouteKey::AllParked => "parked/".to_string(),
            RouteKey::Told(u, r) => format!("told/{}/{}/{}", u.platform.name(), u.id, r.0),
            RouteKey::AllTold => "told/".to_string(),
            RouteKey::SlotOf(r, slot) => format!("slot/{}/{slot}", r.0),
            RouteKey::SlotsOf(r) => format!("slot/{}/", r.0),
            RouteKey::AnswerAt(p, m) => format!("answer/{}/{m}", p.name()),
            RouteKey::AnswerOf(r, p, m) => format!("answer-of/{}/{}/{m}", r.0, p.name()),
            RouteKey::AnswersOf(r) => format!("answer-of/{}/", r.0),
        }
        .into_bytes()
    }
}

/// One change to the route table, committed by the engine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteWrite {
    pub key: Vec<u8>,
    /// None removes the record.
    pub value: Option<Vec<u8>>,
}

impl RouteWrite {
    pub fn set<T: Serialize>(key: RouteKey, value: &T) -> Self {
        Self {
            key: key.bytes(),
            // Route values are ids and numbers: serialising them cannot fail.
            value: Some(serde_json::to_vec(value).unwrap_or_default()),
        }
    }

    pub fn remove(key: RouteKey) -> Self {
        Self {
            key: key.bytes(),
            value: None,
        }
    }
}

/// A read failed; the caller logs it and tells the person, never guesses.
pub type ReadError = StoreError;

/// What adapters and lanes may read: routes and handled events, nothing else.
pub trait RouteView: Send + Sync {
    fn root_of(&self, round: RoundId) -> Result<Option<PostRef>, ReadError>;
    fn round_of_root(&self, platform: Platform, post: &str) -> Result<Option<RoundId>, ReadError>;
    fn round_of_private(
        &self,
        platform: Platform,
        post: &str,
    ) -> Result<Option<RoundId>, ReadError>;
    fn private_place(&self, user: &UserRef) -> Result<Option<String>, ReadError>;
    fn person_of(&self, platform: Platform, place: &str) -> Result<Option<UserRef>, ReadError>;
    /// Every message the bot posted about a round, by outbox id and part,
    /// oldest first.
    /// The message a slot of a round edits, once it was posted.
    fn slot(&self, round: RoundId, slot: &str) -> Result<Option<PostRef>, ReadError>;
    /// The slots of a round that have a message.
    fn slots_of(&self, round: RoundId) -> Result<Vec<String>, ReadError>;
    /// The answer a person's message gave: its round, step and writer.
    fn answer_at(
        &self,
        platform: Platform,
        message: &str,
    ) -> Result<Option<(RoundId, usize, UserRef)>, ReadError>;
    /// The messages that answered a round's steps.
    fn answers_of(&self, round: RoundId) -> Result<Vec<(Platform, String)>, ReadError>;
    fn posts_of(&self, round: RoundId) -> Result<Vec<(PostKey, PostRef)>, ReadError>;
    /// Whether a platform event was handled already.
    fn handled(&self, platform: Platform, event: &str) -> Result<bool, ReadError>;
    /// Open rounds (for catch-up planning).
    fn open_rounds(&self) -> Result<Vec<Round>, ReadError>;
    /// Private messages kept for people who do not accept them: outbox id,
    /// person, round.
    fn parked(&self, prefix: RouteKey) -> Result<Vec<Parked>, ReadError>;
    /// Whether the round's thread was told that messages wait for `user`.
    fn is_told(&self, user: &UserRef, round: RoundId) -> Result<bool, ReadError>;
    /// Every such note: person and round.
    fn told(&self) -> Result<Vec<(UserRef, RoundId)>, ReadError>;
}

/// A private message kept for someone who does not accept private messages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Parked {
    pub id: u64,
    pub user: UserRef,
    pub round: Option<RoundId>,
}

fn get<T: serde::de::DeserializeOwned, S: Store + ?Sized>(
    s: &S,
    key: RouteKey,
) -> Result<Option<T>, ReadError> {
    match s.route(&key.bytes())? {
        None => Ok(None),
        Some(v) => serde_json::from_slice(&v)
            .map(Some)
            .map_err(|source| StoreError::Corrupt {
                what: "route".into(),
                source,
            }),
    }
}

/// Every record under `prefix`, decoded.
fn all<T: serde::de::DeserializeOwned, S: Store + ?Sized>(
    s: &S,
    prefix: RouteKey,
) -> Result<Vec<T>, ReadError> {
    s.routes_with_prefix(&prefix.bytes())?
        .into_iter()
        .map(|(_, v)| {
            serde_json::from_slice(&v).map_err(|source| StoreError::Corrupt {
                what: "route".into(),
                source,
            })
        })
        .collect()
}

/// The key of a handled platform event in the inbox: namespaced by platform.
pub fn inbox_key(platform: Platform, event: &str) -> String {
    format!("{}/{event}", platform.name())
}

impl<S: Store + ?Sized> RouteView for S {
    fn root_of(&self, round: RoundId) -> Result<Option<PostRef>, ReadError> {
        get(self, RouteKey::RootOf(round))
    }
    fn round_of_root(&self, platform: Platform, post: &str) -> Result<Option<RoundId>, ReadError> {
        Ok(get::<u64, _>(self, RouteKey::RoundOfRoot(platform, post.into()))?.map(RoundId))
    }
    fn round_of_private(
        &self,
        platform: Platform,
        post: &str,
    ) -> Result<Option<RoundId>, ReadError> {
        Ok(get::<u64, _>(self, RouteKey::RoundOfPrivate(platform, post.into()))?.map(RoundId))
    }
    fn private_place(&self, user: &UserRef) -> Result<Option<String>, ReadError> {
        get(self, RouteKey::PrivateOf(user.clone()))
    }
    fn person_of(&self, platform: Platform, place: &str) -> Result<Option<UserRef>, ReadError> {
        get(self, RouteKey::PersonOf(platform, place.into()))
    }
    fn slot(&self, round: RoundId, slot: &str) -> Result<Option<PostRef>, ReadError> {
        get(self, RouteKey::SlotOf(round, slot.to_string()))
    }
    fn answer_at(
        &self,
        platform: Platform,
        message: &str,
    ) -> Result<Option<(RoundId, usize, UserRef)>, ReadError> {
        Ok(
            get::<(u64, usize, UserRef), _>(self, RouteKey::AnswerAt(platform, message.into()))?
                .map(|(r, s, u)| (RoundId(r), s, u)),
        )
    }
    fn answers_of(&self, round: RoundId) -> Result<Vec<(Platform, String)>, ReadError> {
        all(self, RouteKey::AnswersOf(round))
    }
    fn slots_of(&self, round: RoundId) -> Result<Vec<String>, ReadError> {
        let prefix = RouteKey::SlotsOf(round).bytes();
        Ok(self
            .routes_with_prefix(&prefix)?
            .into_iter()
            .map(|(k, _)| String::from_utf8_lossy(&k[prefix.len()..]).into_owned())
            .collect())
    }
    fn posts_of(&self, round: RoundId) -> Result<Vec<(PostKey, PostRef)>, ReadError> {
        let mut posts: Vec<(PostKey, PostRef)> = Vec::new();
        let prefix = RouteKey::PostsOf(round).bytes();
        for (k, v) in self.routes_with_prefix(&prefix)? {
            let tail = String::from_utf8_lossy(&k[prefix.len()..]).into_owned();
            let (n, part) = tail.split_once('.').unwrap_or((&tail, "0"));
            let n = (
                n.parse().unwrap_or(u64::MAX),
                part.parse().unwrap_or(usize::MAX),
            );
            let post = serde_json::from_slice(&v).map_err(|source| StoreError::Corrupt {
                what: "route".into(),
                source,
            })?;
            posts.push((n, post));
        }
        posts.sort_by_key(|(n, _)| *n);
        Ok(posts)
    }
    fn handled(&self, platform: Platform, event: &str) -> Result<bool, ReadError> {
        self.inbox_has(&inbox_key(platform, event))
    }
    fn open_rounds(&self) -> Result<Vec<Round>, ReadError> {
        Store::open_rounds(self)
    }
    fn parked(&self, prefix: RouteKey) -> Result<Vec<Parked>, ReadError> {
        let mut out: Vec<Parked> = all(self, prefix)?;
        out.sort_by_key(|p| p.id);
        Ok(out)
    }
    fn is_told(&self, user: &UserRef, round: RoundId) -> Result<bool, ReadError> {
        Ok(get::<(UserRef, RoundId), _>(self, RouteKey::Told(user.clone(), round))?.is_some())
    }
    fn told(&self) -> Result<Vec<(UserRef, RoundId)>, ReadError> {
        all(self, RouteKey::AllTold)
    }
}

/// The records that tie a person's answering message to its step.
pub fn answer_routes(round: RoundId, step: usize, by: &UserRef, message: &str) -> Vec<RouteWrite> {
    vec![
        RouteWrite::set(
            RouteKey::AnswerAt(by.platform, message.to_string()),
            &(round.0, step, by),
        ),
        RouteWrite::set(
            RouteKey::AnswerOf(round, by.platform, message.to_string()),
            &(by.platform, message),
        ),
    ]
}

/// Every record that goes when a round's messages have been taken back.
pub fn forget_round(view: &dyn RouteView, round: RoundId) -> Result<Vec<RouteWrite>, ReadError> {
    let mut out = Vec::new();
    if let Some(root) = view.root_of(round)? {
        out.push(RouteWrite::remove(RouteKey::RoundOfRoot(
            root.place.platform,
            root.id,
        )));
    }
    out.push(RouteWrite::remove(RouteKey::RootOf(round)));
    for ((n, part), p) in view.posts_of(round)? {
        out.push(RouteWrite::remove(RouteKey::PostOf(round, n, part)));
        out.push(RouteWrite::remove(RouteKey::RoundOfPrivate(
            p.place.platform,
            p.id,
        )));
    }
    for p in parked_about(view, round)? {
        out.push(RouteWrite::remove(RouteKey::Parked(p.user, p.id)));
    }
    for slot in view.slots_of(round)? {
        out.push(RouteWrite::remove(RouteKey::SlotOf(round, slot)));
    }
    for (p, m) in view.answers_of(round)? {
        out.push(RouteWrite::remove(RouteKey::AnswerAt(p, m.clone())));
        out.push(RouteWrite::remove(RouteKey::AnswerOf(round, p, m)));
    }
    for (u, r) in view.told()? {
        if r == round {
            out.push(RouteWrite::remove(RouteKey::Told(u, r)));
        }
    }
    Ok(out)
}

/// The records that tie a person to their private place, and to messages
/// kept for them (whose outbox entries the caller drops).
pub fn forget_person(view: &dyn RouteView, user: &UserRef) -> Result<Vec<RouteWrite>, ReadError> {
    let mut out = vec![RouteWrite::remove(RouteKey::PrivateOf(user.clone()))];
    if let Some(place) = view.private_place(user)? {
        out.push(RouteWrite::remove(RouteKey::PersonOf(user.platform, place)));
    }
    for p in view.parked(RouteKey::ParkedFor(user.clone()))? {
        out.push(RouteWrite::remove(RouteKey::Parked(p.user, p.id)));
    }
    for (u, r) in view.told()? {
        if &u == user {
            out.push(RouteWrite::remove(RouteKey::Told(u, r)));
        }
    }
    Ok(out)
}

/// The messages kept about a round, for anyone: dropped with the round.
pub fn parked_about(view: &dyn RouteView, round: RoundId) -> Result<Vec<Parked>, ReadError> {
    Ok(view
        .parked(RouteKey::AllParked)?
        .into_iter()
        .filter(|p| p.round == Some(round))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_spelled_out() {
        let u = UserRef::new(Platform::Matrix, "@anna:hs");
        assert_eq!(RouteKey::PrivateOf(u).bytes(), b"private/matrix/@anna:hs");
        assert_eq!(RouteKey::PostOf(RoundId(3), 17, 0).bytes(), b"post/3/17");
        assert_eq!(RouteKey::PostOf(RoundId(3), 17, 2).bytes(), b"post/3/17.2");
        assert_eq!(
            RouteKey::RoundOfRoot(Platform::Discord, "123".into()).bytes(),
            b"root-round/discord/123"
        );
        // A round's posts never share a prefix with a longer round number.
        assert!(!RouteKey::PostOf(RoundId(10), 1, 0)
            .bytes()
            .starts_with(&RouteKey::PostsOf(RoundId(1)).bytes()));
    }
}
