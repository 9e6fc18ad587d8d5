//! Which round a message is about, when its place does not say: a `#12` at
//! its start, the only open round of the room, or — privately — the only
//! round waiting on this person (or the only one they are in). Pure: the
//! engine resolves platform references first and hands the rest in.

use super::effect::Rejection;
use super::ids::{GroupId, RoundId, UserRef};
use super::message::Arg;
use super::msg;
use super::round::Round;

/// Where the message was written, for choosing among open rounds.
#[derive(Debug, Clone, Copy)]
pub enum Asked<'a> {
    /// In a room, outside a known round's thread.
    Group(&'a GroupId),
    /// Privately, by this person.
    Private(&'a UserRef),
}

/// `#12 rest` -> (round 12, rest).
pub fn round_tag(text: &str) -> Option<(RoundId, &str)> {
    let rest = text.trim_start().strip_prefix('#')?;
    let end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let n: u64 = rest[..end].parse().ok()?;
    Some((RoundId(n), rest[end..].trim_start()))
}

/// A named round: open, or the line that says it has ended and where its
/// record is.
pub fn named<'a>(
    mut open: impl Iterator<Item = &'a Round>,
    id: RoundId,
    prefix: &str,
) -> Result<RoundId, Rejection> {
    if open.any(|r| r.id == id) {
        Ok(id)
    } else {
        Err(ended(id, prefix))
    }
}

/// The line for a message about round `id`, which has ended.
pub fn ended(id: RoundId, prefix: &str) -> Rejection {
    Rejection {
        ended: Some(id),
        ..msg::ERR_ROUND_ENDED
            .msg()
            .text("round", id.to_string())
            .text("prefix", prefix)
            .into()
    }
}

/// The one round among `open` that a message asked at `asked` is about.
/// `waiting` says whether a round waits on the sender privately (a blind
/// step they act in); with `answering`, those are preferred.
pub fn choose<'a>(
    open: impl Iterator<Item = &'a Round>,
    asked: Asked<'_>,
    answering: bool,
    waiting: impl Fn(&Round) -> bool,
    prefix: &str,
) -> Result<RoundId, Rejection> {
    let candidates: Vec<&Round> = match asked {
        Asked::Group(g) => open.filter(|r| &r.group == g).collect(),
        Asked::Private(u) => {
            let mine: Vec<&Round> = open.filter(|r| r.participant(u).is_some()).collect();
            let waiting: Vec<&Round> = mine.iter().copied().filter(|r| waiting(r)).collect();
            if answering && !waiting.is_empty() {
                waiting
            } else {
                mine
            }
        }
    };
    match candidates.as_slice() {
        [one] => Ok(one.id),
        [] => Err(match asked {
            Asked::Group(_) => msg::ERR_NO_ROUND.msg().text("prefix", prefix).into(),
            // Privately, "here" means nothing: say how to take part.
            Asked::Private(_) => msg::ERR_NOT_IN_ROUND.msg().text("prefix", prefix).into(),
        }),
        many => Err(msg::ERR_WHICH_ROUND
            .msg()
            .arg(
                "rounds",
                Arg::Either(
                    many.iter()
                        .map(|r| Arg::Text(format!("{} «{}»", r.id, r.title)))
                        .collect(),
                ),
            )
            .into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_round_tag_is_read_off_the_front() {
        assert_eq!(round_tag("#12 my case"), Some((RoundId(12), "my case")));
        assert_eq!(round_tag("  #3"), Some((RoundId(3), "")));
        assert_eq!(round_tag("# 3"), None);
        assert_eq!(round_tag("case #3"), None);
    }

    #[test]
    fn no_round_and_several_rounds_say_so() {
        let g = GroupId::new(super::super::ids::Platform::Console, "g");
        let none: Vec<Round> = Vec::new();
        let e = choose(none.iter(), Asked::Group(&g), false, |_| false, "!brug").unwrap_err();
        assert_eq!(e.msg.id, msg::ERR_NO_ROUND.id);
        assert_eq!(
            named(none.iter(), RoundId(4), "!brug").unwrap_err().msg.id,
            msg::ERR_ROUND_ENDED.id
        );
        let u = UserRef::new(super::super::ids::Platform::Console, "u");
        let e = choose(none.iter(), Asked::Private(&u), false, |_| false, "!brug").unwrap_err();
        assert_eq!(e.msg.id, msg::ERR_NOT_IN_ROUND.id);
    }
}
