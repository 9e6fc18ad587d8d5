//! What people must not see: blind answers before their reveal, role cards
//! anywhere but the right person's DM, names next to anonymous answers.

use super::support::{Run, Seen};
use brug::core::flow::{Flow, StepKind};
use brug::core::ids::RoundId;
use brug::core::message::{Arg, Block};
use brug::core::msg;
use brug::core::round::Round;
use brug::storage::Store;

/// The step number a post opens with (`Step n of m`), if it opens a step.
fn step_number(s: &Seen) -> Option<usize> {
    match s.out.msg.blocks.first() {
        Some(Block::Heading(m)) if m.id == msg::STEP_HEADER.id => {
            m.args.iter().find_map(|(k, v)| match (k.as_str(), v) {
                ("n", Arg::Num(n)) => Some(*n as usize - 1),
                _ => None,
            })
        }
        _ => None,
    }
}

fn has_id(s: &Seen, id: &str) -> bool {
    s.out.msg.ids().contains(&id)
}

/// Pieces of someone's answer long enough not to occur by chance.
fn fragments(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| l.chars().count() >= 12)
}

pub fn final_round(run: &Run) -> Round {
    run.session
        .engine
        .store()
        .round(RoundId(1))
        .unwrap()
        .expect("round 1 exists")
}

/// Checks every privacy rule over a finished run.
pub fn check(run: &Run, flow: &Flow) {
    let round = final_round(run);
    let seen = run.seen();
    for a in &round.answers {
        let Some(idx) = flow.steps.iter().position(|s| s.id == a.step) else {
            continue;
        };
        let step = &flow.steps[idx];
        if !step.blind() {
            continue;
        }
        let reveals: Vec<(usize, bool)> = flow
            .steps
            .iter()
            .enumerate()
            .filter_map(|(i, s)| match s.kind {
                StepKind::Reveal { of, anonymous } if of == idx => Some((i, anonymous)),
                _ => None,
            })
            .collect();
        let anonymous = step.anonymous_in(flow);
        let author = round.name_of(&a.by);
        for text in a.fields.values() {
            for frag in fragments(text) {
                for s in seen
                    .iter()
                    .filter(|s| s.in_thread() && s.text.contains(frag))
                {
                    let n = step_number(s);
                    let allowed = reveals.iter().any(|(r, _)| n == Some(*r))
                        // The record keeps to the receipt: a step no reveal
                        // shows is not in it either.
                        || (has_id(s, msg::RECORD_INTRO.id) && !step.never_revealed(flow))
                        || has_id(s, msg::FS_HEADING.id)
                        || (matches!(step.kind, StepKind::Intake { .. })
                            && has_id(s, msg::CASE_HEADING.id));
                    assert!(
                        allowed,
                        "blind answer of {author} to `{}` shown outside its reveal:\n{}",
                        step.id, s.text
                    );
                    if anonymous {
                        for line in s.text.lines().filter(|l| l.contains(frag)) {
                            assert!(
                                !line.contains(&author),
                                "anonymous answer shown with its author: {line}"
                            );
                        }
                    }
                }
                for (r, anonymous_reveal) in &reveals {
                    if round.step > *r {
                        let post = seen
                            .iter()
                            .find(|s| s.in_thread() && step_number(s) == Some(*r));
                        let post = post.unwrap_or_else(|| panic!("reveal step {r} was posted"));
                        // Too few for anonymity: only the count is shown.
                        let given = round.answers_to(&step.id).filter(|a| !a.removed).count();
                        let withheld = (anonymous || *anonymous_reveal)
                            && brug::core::anonymous::too_few(given);
                        assert_eq!(
                            post.text.contains(frag),
                            !withheld,
                            "reveal of `{}` and «{frag}» ({given} answers)",
                            step.id
                        );
                        if withheld {
                            assert!(has_id(post, msg::ANONYMOUS_TOO_FEW.id), "{}", post.text);
                        }
                    }
                }
            }
        }
    }
    check_receipts(seen, &round, flow);
    check_role_cards(seen, &round, flow);
    check_side_profiles(seen, &round);
}

/// Each side's frame profile is counts only: it names nobody.
fn check_side_profiles(seen: &[Seen], round: &Round) {
    for s in seen
        .iter()
        .filter(|s| s.out.msg.ids().contains(&msg::PROFILE_SIDE.id))
    {
        for p in &round.participants {
            assert!(
                !s.text.contains(&p.name),
                "a side's frame profile names {}:\n{}",
                p.name,
                s.text
            );
        }
    }
}

/// Each blind answer's receipt says what really becomes of it: "before the
/// reveal" only where a reveal follows.
fn check_receipts(seen: &[Seen], round: &Round, flow: &Flow) {
    use brug::core::flow::Shown;
    for s in seen.iter().filter(|s| !s.in_thread()) {
        let Some(Block::Line(m)) = s.out.msg.blocks.first() else {
            continue;
        };
        // The step by its title, where the title names one step.
        let Some(step) = m.args.iter().find_map(|(k, v)| match (k.as_str(), v) {
            ("step", Arg::Msg(t)) => {
                let mut named = flow.steps.iter().filter(|st| &st.title == t);
                named.next().filter(|_| named.next().is_none())
            }
            _ => None,
        }) else {
            continue;
        };
        let want = match step.shown_in(flow) {
            _ if step.anonymous() => msg::RECEIPT_ANONYMOUS.id,
            Shown::Revealed => msg::RECEIPT.id,
            Shown::Card => msg::RECEIPT_CARD.id,
            Shown::InSummary => msg::RECEIPT_IN_SUMMARY.id,
            Shown::GroupProfile => msg::RECEIPT_GROUP_PROFILE.id,
        };
        let receipts = [
            msg::RECEIPT.id,
            msg::RECEIPT_ANONYMOUS.id,
            msg::RECEIPT_CARD.id,
            msg::RECEIPT_IN_SUMMARY.id,
            msg::RECEIPT_GROUP_PROFILE.id,
        ];
        if receipts.contains(&m.id.as_str()) {
            assert_eq!(m.id, want, "round {}: receipt for `{}`", round.id, step.id);
        }
    }
}

/// Role cards go to their player only, and never to the thread: each card
/// matches the role named in its heading, and every player's last card is the
/// card of the role they play now.
pub fn check_role_cards(seen: &[Seen], round: &Round, flow: &Flow) {
    let cards: Vec<&str> = flow.roles.roles.iter().map(|r| r.card.as_str()).collect();
    let mut last: std::collections::BTreeMap<&str, &str> = Default::default();
    for s in seen {
        let ids = s.out.msg.ids();
        let card_ids: Vec<&str> = ids.iter().copied().filter(|i| cards.contains(i)).collect();
        if card_ids.is_empty() {
            continue;
        }
        let to = s
            .dm_to()
            .unwrap_or_else(|| panic!("a role card was posted in the thread:\n{}", s.text));
        let role_name = match s.out.msg.blocks.first() {
            Some(Block::Heading(m)) if m.id == msg::ROLE_CARD_HEADING.id => {
                m.args.iter().find_map(|(k, v)| match (k.as_str(), v) {
                    ("role", Arg::Msg(name)) => Some(name.as_str()),
                    _ => None,
                })
            }
            _ => None,
        };
        let role = flow
            .roles
            .roles
            .iter()
            .find(|r| Some(r.name.as_str()) == role_name)
            .expect("a card names its role");
        assert_eq!(
            card_ids,
            vec![role.card.as_str()],
            "{to} got a card that is not the one of their role"
        );
        assert!(
            round.participants.iter().any(|p| p.user.id == to),
            "a card went to a non-participant"
        );
        last.insert(to, role.card.as_str());
    }
    for a in &round.roles {
        let info = flow.roles.get(&a.role).unwrap();
        assert_eq!(
            last.get(a.player.id.as_str()),
            Some(&info.card.as_str()),
            "{} did not get their card",
            a.player.id
        );
    }
}

/// Every message the bot reads is checked for identifiers, also one it
/// refuses: its writer hears what was found and, where everyone can read the
/// message, is asked to delete it. A round's title never keeps one.
#[test]
fn identifiers_in_a_refused_message_are_named_and_never_kept() {
    use brug::core::ids::Locale;
    for (locale, thread_msg, dm, start) in [
        (
            Locale::Nl,
            "Chris: Ik belde haar op 06 12345678 maar ze nam niet op",
            "Dewi (dm): Haar nummer is 06 12345678",
            "Anna: !brug start golden-circle Mevrouw met 06 12345678",
        ),
        (
            Locale::En,
            "Chris: I called her on 06 12345678 but she did not pick up",
            "Dewi (dm): Her number is 06 12345678",
            "Anna: !brug start golden-circle The lady on 06 12345678",
        ),
    ] {
        let mut run = Run::new("golden-circle", locale, super::support::default_people());
        let found = match locale {
            Locale::Nl => "Ik zag iets wat lijkt op een telefoonnummer in je bericht",
            Locale::En => "I found what looks like a phone number in your message",
        };
        let delete = match locale {
            Locale::Nl => "verwijder het alsjeblieft",
            Locale::En => "please delete it",
        };
        for (line, public) in [(thread_msg, true), (dm, false)] {
            let before = run.seen().len();
            run.feed(line);
            let said: Vec<String> = run.since(before).iter().map(|s| s.line()).collect();
            assert_eq!(said.len(), 1, "{said:?}");
            assert!(said[0].contains(found), "{said:?}");
            assert_eq!(said[0].contains(delete), public, "{said:?}");
            assert!(!said[0].contains("12345678"), "{said:?}");
        }
        let before = run.seen().len();
        run.feed(start);
        let said: Vec<String> = run.since(before).iter().map(|s| s.line()).collect();
        assert!(
            said.iter().all(|l| !l.contains("12345678")),
            "the number is shown: {said:?}"
        );
        let note = said
            .iter()
            .find(|l| l.starts_with("[dm Anna]"))
            .expect("a private note to Anna");
        assert!(note.contains(found) && note.contains(delete), "{note}");
        let r = run
            .session
            .engine
            .store()
            .round(RoundId(2))
            .unwrap()
            .unwrap();
        assert!(!r.title.contains("12345678"), "{}", r.title);
        assert!(run.transcript().matches("12345678").count() == 0);
    }
}
