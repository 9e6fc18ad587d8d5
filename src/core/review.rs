//! Looking back (issue 14 part 5): the previous round's actions, numbered
//! in the `review` step, and what came of each — a reply `2: booked for
//! 12 January` records that as action 2's outcome, kept with the round and
//! in its export. Anything else written there is the discussion around it.

use super::effect::Effect;
use super::ids::UserRef;
use super::message::{Block, Message};
use super::msg;
use super::round::{Outcome, Round};
use chrono::{DateTime, Utc};

/// `2: text`, `2. text`, `2) text`, `2 — text` or `#2 text` -> (2, text);
/// a number without a mark ("2 weeks ago…") is not one.
fn numbered(line: &str) -> Option<(usize, &str)> {
    let t = line.trim_start();
    let (tagged, t) = match t.strip_prefix('#') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let end = t.find(|c: char| !c.is_ascii_digit())?;
    let n: usize = t[..end].parse().ok()?;
    let rest = t[end..].trim_start();
    let (marked, rest) = match rest.strip_prefix([':', '.', ')', '-', '—']) {
        Some(r) => (true, r.trim()),
        None => (false, rest.trim()),
    };
    ((tagged || marked) && !rest.is_empty()).then_some((n, rest))
}

/// Records the outcomes a review answer gives (one per numbered line) and
/// says in the thread which actions they were for.
pub(super) fn outcomes(
    r: &mut Round,
    by: &UserRef,
    text: &str,
    now: DateTime<Utc>,
    fx: &mut Vec<Effect>,
) {
    let mut noted = Message::default();
    for line in text.lines() {
        let Some((n, said)) = numbered(line) else {
            continue;
        };
        let Some(a) = n.checked_sub(1).and_then(|i| r.previous_actions.get_mut(i)) else {
            continue;
        };
        a.outcome = Some(Outcome {
            text: said.to_string(),
            by: by.clone(),
            at: now,
        });
        noted.push(Block::Line(
            msg::REVIEW_NOTED
                .msg()
                .num("n", n as i64)
                .text("what", a.what.clone()),
        ));
    }
    if !noted.blocks.is_empty() {
        fx.push(Effect::thread(noted));
    }
}

/// The previous round's actions as the `review` step lists them: numbered,
/// with how to say what came of each.
pub(super) fn list(r: &Round, post: &mut Message) {
    if r.previous_actions.is_empty() {
        post.push(Block::Line(msg::REVIEW_NONE.msg()));
        return;
    }
    post.push(Block::Line(msg::REVIEW_HEADING.msg()));
    for (i, a) in r.previous_actions.iter().enumerate() {
        post.push(Block::Item(
            msg::REVIEW_ACTION
                .msg()
                .num("n", i as i64 + 1)
                .text("what", a.what.clone())
                .text("who", a.who.clone())
                .text("when", a.when.clone()),
        ));
    }
    post.push(Block::Line(msg::REVIEW_HOW.msg()));
}

/// What came of the previous round's actions, for the record.
pub fn record(r: &Round, m: &mut Message) {
    if r.previous_actions.is_empty() {
        return;
    }
    m.push(Block::Heading(msg::REVIEW_OUTCOMES.msg()));
    for a in &r.previous_actions {
        m.push(Block::Item(match &a.outcome {
            Some(o) => msg::REVIEW_OUTCOME
                .msg()
                .text("what", a.what.clone())
                .text("outcome", o.text.clone())
                .text("name", r.name_of(&o.by)),
            None => msg::REVIEW_NO_OUTCOME.msg().text("what", a.what.clone()),
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::numbered;

    #[test]
    fn an_outcome_is_a_numbered_line() {
        assert_eq!(
            numbered("2: booked for 12 January"),
            Some((2, "booked for 12 January"))
        );
        assert_eq!(numbered("#1 done"), Some((1, "done")));
        assert_eq!(
            numbered("1) gedaan, ging goed"),
            Some((1, "gedaan, ging goed"))
        );
        assert_eq!(numbered(" 3 — not yet"), Some((3, "not yet")));
        assert_eq!(numbered("2 weeks ago we called"), None);
        assert_eq!(numbered("It went well"), None);
        assert_eq!(numbered("2:"), None);
    }
}
