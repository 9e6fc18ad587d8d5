//! Pairs (the joint interview, DOMAIN §2.1): a social worker and a client
//! manager prepare, hold and report an interview together, so what a pair
//! sends counts for both. Pairs are formed when a step with `pairs = "form"`
//! opens: in join order, each takes the one whose profession is furthest from
//! their own (ties to the first to join); an odd one out makes the last pair
//! a three. Someone who joins later answers for themselves.

use super::effect::Effect;
use super::flow::{ChoiceSource, Flow, Pairs, Step, StepKind};
use super::ids::UserRef;
use super::message::{Arg, Block, Message};
use super::msg;
use super::progress::complete;
use super::round::Round;

/// Pairs up the round's active participants and says so in `post`.
pub(super) fn form(r: &mut Round, flow: &Flow, post: &mut Message) {
    let people: Vec<_> = r.active().cloned().collect();
    let mut left: Vec<usize> = (0..people.len()).collect();
    let mut pairs: Vec<Vec<UserRef>> = Vec::new();
    while let Some(first) = (!left.is_empty()).then(|| left.remove(0)) {
        let me = &people[first].profession;
        let far = left
            .iter()
            .enumerate()
            .max_by_key(|(n, &i)| {
                let d = flow.roles.distance(me, &people[i].profession);
                (d, std::cmp::Reverse(*n))
            })
            .map(|(n, _)| n);
        match far {
            Some(n) => {
                let other = left.remove(n);
                pairs.push(vec![people[first].user.clone(), people[other].user.clone()]);
            }
            None => match pairs.last_mut() {
                Some(last) => last.push(people[first].user.clone()),
                None => pairs.push(vec![people[first].user.clone()]),
            },
        }
    }
    r.pairs = pairs;
    post.push(Block::Line(msg::PAIRS_HEADING.msg()));
    let mut alike = false;
    for pair in &r.pairs {
        let mut names = Vec::new();
        let mut professions = Vec::new();
        for u in pair {
            let p = r.participant(u).expect("formed from active participants");
            names.push(Arg::Text(p.name.clone()));
            if let Some(info) = flow.roles.get(&p.profession) {
                professions.push(Arg::Msg(info.name.clone()));
            }
        }
        alike |= !mixed(r, flow, pair);
        post.push(Block::Item(
            msg::PAIR_LINE
                .msg()
                .arg("names", Arg::List(names))
                .arg("professions", Arg::Seq(professions)),
        ));
    }
    if alike {
        post.push(Block::Line(msg::PAIRS_NOT_MIXED.msg()));
    }
}

/// Whether a pair holds more than one profession.
fn mixed(r: &Round, flow: &Flow, pair: &[UserRef]) -> bool {
    let profs: Vec<_> = pair
        .iter()
        .filter_map(|u| r.participant(u).map(|p| &p.profession))
        .collect();
    profs
        .iter()
        .any(|a| profs.iter().any(|b| flow.roles.distance(a, b) > 0))
}

/// Those who answer together with `user` on `step`: their pair (without
/// themselves) where the step is answered by pairs, else nobody.
pub fn partners(r: &Round, step: &Step, user: &UserRef) -> Vec<UserRef> {
    if step.pairs == Pairs::Apart {
        return Vec::new();
    }
    r.pairs
        .iter()
        .find(|p| p.contains(user))
        .map(|p| {
            p.iter()
                .filter(|u| *u != user && r.participant(u).is_some())
                .cloned()
                .collect()
        })
        .unwrap_or_default()
}

/// Whether `user` has answered `step` completely, themselves or (on a step
/// answered by pairs) through their partner.
pub fn answered(r: &Round, step: &Step, user: &UserRef) -> bool {
    let done = |u: &UserRef| r.answer_of(&step.id, u).is_some_and(|a| complete(step, a));
    done(user) || partners(r, step, user).iter().any(done)
}

/// What a pair is told after one of them answers `step` (`was`: whether the
/// pair had answered before): conditions not met yet, so they wait; or,
/// once their answer is whole, that it counts for the pair.
pub(super) fn after_answer(r: &Round, step: &Step, by: &UserRef, was: bool, fx: &mut Vec<Effect>) {
    let Some(a) = r.answer_of(&step.id, by) else {
        return;
    };
    let partners = partners(r, step, by);
    let tell = |m: Message, who: Vec<UserRef>, fx: &mut Vec<Effect>| {
        if step.blind() {
            for u in &who {
                fx.push(Effect::private(u, m.clone()));
            }
        } else {
            fx.push(Effect::thread(m.with_mentions(who)));
        }
    };
    if let (
        true,
        StepKind::Choose {
            options: ChoiceSource::Fixed(options),
            ..
        },
    ) = (step.all_needed, &step.kind)
    {
        let missing: Vec<Arg> = (1..=options.len() as u32)
            .filter(|n| !a.picks.contains(n))
            .map(|n| Arg::Msg(options[n as usize - 1].clone()))
            .collect();
        if !missing.is_empty() {
            let mut who = vec![by.clone()];
            who.extend(partners);
            who.sort_by_key(|u| r.participants.iter().position(|p| &p.user == u));
            let m = Message::line(
                msg::CONDITIONS_MISSING
                    .msg()
                    .arg("missing", Arg::List(missing)),
            );
            tell(m, who, fx);
            return;
        }
    }
    if was || partners.is_empty() || !complete(step, a) {
        return;
    }
    let names = |us: &[UserRef]| Arg::List(us.iter().map(|u| Arg::Text(r.name_of(u))).collect());
    if step.blind() {
        fx.push(Effect::private(
            by,
            Message::line(msg::PAIR_RECEIPT.msg().arg("names", names(&partners))),
        ));
        let note = msg::PAIR_ANSWERED_FOR_YOU
            .msg()
            .text("name", r.name_of(by))
            .msg("step", step.title.clone());
        tell(Message::line(note), partners, fx);
    } else {
        let pair = r
            .pairs
            .iter()
            .find(|p| p.contains(by))
            .cloned()
            .unwrap_or_default();
        let m = Message::line(msg::PAIR_COUNTS.msg().arg("names", names(&pair)));
        fx.push(Effect::thread(m));
    }
}
